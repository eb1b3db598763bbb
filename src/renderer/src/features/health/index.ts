/* Webhook health in the UI: the health view, list filters, verdict badges, alert toasts, settings. */
export { HealthView } from './health-view';
export { HealthFilters } from './health-filters';
export { HealthToasts } from './health-toasts';
export { HealthSettingsFields } from './health-settings';
export { VerdictBadge, verdictLabel } from './verdict-badge';
