export { ReplayPanel } from './replay-panel';
export { replayTab } from './replay-tab';
export { AutoForwardToggle } from './auto-forward-toggle';
export { ReplaySidebarTools } from './sidebar-tools';
export { ImportView } from './import-view';
