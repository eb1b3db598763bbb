/*
 * The one shape of a feature service. `hooklens-core.ts` builds each service from its dependencies
 * (constructor arguments, never hooks assigned later), merges their `handlers` into the
 * `HooklensApi`, hands every stored capture to each `onCapture` in turn, and closes them in reverse
 * order of creation. A service may expose more (the endpoints' `route`, the tunnel's `status`) to
 * the services built after it.
 */
import type { CaptureRecord } from '../../shared/capture';

export interface CoreService<Methods extends object> {
  /** The contract methods this service answers. */
  readonly handlers: Methods;
  /** A capture the listener just stored (durable), in arrival order. Must not throw. */
  onCapture?(record: CaptureRecord): void;
  /** Stops background work; resolves once everything the service owes the disk is written. */
  close(): Promise<void>;
}
