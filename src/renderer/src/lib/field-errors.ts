/*
 * A refused field: the core names it in the error's typed `field` (../../../shared/errors.ts),
 * never inside the message. Forms put the text beside the input it names.
 */
import { errorField } from '../../../shared/errors';

export interface FieldError {
  /** e.g. "name", "response.status", "url"; null when the error names no field. */
  field: string | null;
  text: string;
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function fieldErrorOf(err: unknown): FieldError {
  const message = err instanceof Error ? err.message : String(err);
  return { field: errorField(err), text: capitalized(message) };
}

/** Whether the error names `field` (case-insensitively: "URL" and "url" are the same field). */
export function isFieldError(err: unknown, field: string): boolean {
  return fieldErrorOf(err).field?.toLowerCase() === field.toLowerCase();
}
