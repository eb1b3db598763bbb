import type { ApiOutcome } from '../../../shared/api/transport';
import { deserializeError } from '../../../shared/errors';

export function unwrapOutcome(outcome: ApiOutcome): unknown {
  if (outcome.ok) return outcome.value;
  throw deserializeError(outcome.error);
}
