/* The Replay tab for the capture detail pane. */
import type { FeatureTab } from '../captures/capture-detail';
import { ReplayPanel } from './replay-panel';

export const replayTab: FeatureTab = {
  key: 'replay',
  label: 'Replay',
  render: (capture) => <ReplayPanel capture={capture} />,
};
