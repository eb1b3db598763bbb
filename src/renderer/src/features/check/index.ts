export { checkTab } from './check-tab';
