export { SignaturePanel } from './signature-panel';
export { signatureTab } from './signature-tab';
