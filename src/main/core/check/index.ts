/* Public face of the handler check: run it, read its source deliveries, print its scorecard. */
export {
  PROBES,
  resolveProvider,
  runCheck,
  sampleSource,
  type CheckHooks,
  type CheckOptions,
  type CheckOutcome,
  type RecordedSend,
  type SourceInput,
} from './run-check';
export { deliveryFromCapture, deliveryFromEvent, type Delivery } from './delivery';
export { formatScorecard, probeLine, scorecardTail } from './scorecard';
export { isLoopbackHost, parseTarget } from './target';
export { createCheckService, type CheckServiceDeps } from './check-service';
