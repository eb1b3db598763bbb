/* The "Check handler" tab of the capture detail pane. */
import type { FeatureTab } from '../captures/capture-detail';
import { CheckPanel } from './check-panel';

export const checkTab: FeatureTab = {
  key: 'check',
  label: 'Check handler',
  render: (capture, nav) => <CheckPanel key={capture.id} captureId={capture.id} onShowTab={nav.showTab} />,
};
