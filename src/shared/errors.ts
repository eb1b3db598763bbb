/*
 * Error codes that cross the API boundary (IPC or HTTP). The UI branches on `code`, never on the
 * message text. Core code throws `HooklensError`; the API wrappers turn anything else into
 * `internal`.
 */

export const ERROR_CODES = {
  not_found: 'The item does not exist (it may have been deleted).',
  invalid_argument: 'An argument is missing or malformed.',
  unknown_method: 'The API has no such method.',
  store_failed: 'The data file could not be written.',
  tunnel_failed: 'The tunnel could not be opened.',
  unknown_provider: 'No signature provider has that id.',
  unusable_input: 'The input cannot be used.',
  replay_failed: 'The request could not be sent.',
  import_failed: 'The file or command could not be imported.',
  forbidden: 'Not allowed.',
  internal: 'Something went wrong inside Hooklens.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface SerializedError {
  code: ErrorCode;
  message: string;
  /**
   * The input the error is about, as a path into the argument (`capturePort`, `ui.theme`,
   * `response.headers`), so a form can show the message beside that control.
   */
  field?: string;
}

export class HooklensError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  constructor(code: ErrorCode, message?: string, options?: { field?: string }) {
    super(message ?? ERROR_CODES[code]);
    this.name = 'HooklensError';
    this.code = code;
    if (options?.field) this.field = options.field;
  }
  toJSON(): SerializedError {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) };
  }
}

/** An `invalid_argument` about one input; `message` is a sentence shown beside that input. */
export function invalidField(field: string, message: string): HooklensError {
  return new HooklensError('invalid_argument', message, { field });
}

/** The field an error names, or null when it is not about one input. */
export function errorField(err: unknown): string | null {
  return err instanceof HooklensError && err.field ? err.field : null;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

export function serializeError(err: unknown): SerializedError {
  if (err instanceof HooklensError) return err.toJSON();
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

export function deserializeError(value: unknown): HooklensError {
  if (value && typeof value === 'object') {
    const v = value as Partial<SerializedError>;
    if (isErrorCode(v.code))
      return new HooklensError(v.code, typeof v.message === 'string' ? v.message : undefined, {
        field: typeof v.field === 'string' ? v.field : undefined,
      });
  }
  return new HooklensError('internal', typeof value === 'string' ? value : undefined);
}

/** Makes a missed case of a union a compile error. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
