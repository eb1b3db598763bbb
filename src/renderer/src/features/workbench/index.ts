import './workbench.css';

export { EndpointBar, endpointUrl } from './endpoint-bar';
export { PaneResizer } from './pane-resizer';
export { RelativeTime } from './relative-time';
export { SearchBar } from './search-bar';
export { searchMatchesTab } from './search-matches';
export { WorkbenchActions } from './workbench-actions';
export { WorkbenchRuntime } from './workbench-runtime';
