/*
 * A refused field, whichever way the core names it: a typed `field` on the error, or the older
 * `"<field>: <message>"` form of the message. Forms put the text beside the input it names.
 */
export interface FieldError {
  /** e.g. "name", "response.status", "URL"; null when the error names no field. */
  field: string | null;
  text: string;
}

const PREFIXED = /^([a-zA-Z.]+): (.*)$/s;

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function fieldErrorOf(err: unknown): FieldError {
  const message = err instanceof Error ? err.message : String(err);
  const typed = err && typeof err === 'object' && 'field' in err && typeof err.field === 'string' && err.field ? err.field : null;
  const m = PREFIXED.exec(message);
  if (typed) {
    const text = m && m[1].toLowerCase() === typed.toLowerCase() ? m[2] : message;
    return { field: typed, text: capitalized(text) };
  }
  return m ? { field: m[1], text: capitalized(m[2]) } : { field: null, text: capitalized(message) };
}

/** Whether the error names `field` (case-insensitively: "URL" and "url" are the same field). */
export function isFieldError(err: unknown, field: string): boolean {
  return fieldErrorOf(err).field?.toLowerCase() === field.toLowerCase();
}
