/* The Signature tab for the capture detail pane. */
import type { FeatureTab } from '../captures/capture-detail';
import { SignaturePanel } from './signature-panel';

export const signatureTab: FeatureTab = {
  key: 'signature',
  label: 'Signature',
  render: (capture) => <SignaturePanel capture={capture} />,
};
