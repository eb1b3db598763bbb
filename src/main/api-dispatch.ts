/*
 * One wrapper for every call that reaches the core from outside (IPC or HTTP): checks the method
 * name against the contract, and turns anything thrown into `{ code, message }` so the renderer
 * can branch on `code` whatever the transport.
 */
import { isApiMethodName, type HooklensApi } from '../shared/api';
import type { ApiOutcome } from '../shared/api/transport';
import { HooklensError, serializeError, type SerializedError } from '../shared/errors';

export type { ApiOutcome };

export async function dispatchApiCall(api: HooklensApi, method: string, args: unknown): Promise<ApiOutcome> {
  try {
    if (!isApiMethodName(method))
      throw new HooklensError('unknown_method', `No API method named ${JSON.stringify(method)}.`);
    if (!Array.isArray(args)) throw new HooklensError('invalid_argument', 'Arguments must be an array.');
    const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn.apply(api, args);
    return { ok: true, value: value === undefined ? null : value };
  } catch (err) {
    return { ok: false, error: serializeError(err) };
  }
}

export function httpStatusFor(error: SerializedError): number {
  switch (error.code) {
    case 'not_found':
      return 404;
    case 'invalid_argument':
    case 'unknown_method':
    case 'unknown_provider':
    case 'unusable_input':
    case 'import_failed':
      return 400;
    case 'forbidden':
      return 403;
    default:
      return 500;
  }
}
