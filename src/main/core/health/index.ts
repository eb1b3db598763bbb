/* Public face of webhook health: classification on arrival, duplicates, aggregates, alerts. */
export { createHealthService, type HealthService, type HealthServiceDeps } from './health-service';
export { classifyCapture, verdictFor } from './classify';
export { extractEvent } from './event-extract';
