export type { CaptureStore, CaptureStoreOptions } from './types';
export { openCaptureStore } from './capture-store';
