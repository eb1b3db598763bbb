/*
 * Bytes and text of a captured body for comparing, on top of the shared decoder: here a corrupt
 * base64 body still compares (its stored text is taken as the bytes) instead of failing the diff.
 */
import { bodyBytes as decode, type EncodedBody } from '../body-bytes';

export function bodyBytes(body: EncodedBody): Uint8Array {
  try {
    return decode(body);
  } catch {
    return new TextEncoder().encode(body.text);
  }
}

/** The body as text, or null when its bytes are not valid UTF-8. */
export function bodyText(body: EncodedBody): string | null {
  if (body.encoding === 'utf8') return body.text;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bodyBytes(body));
  } catch {
    return null;
  }
}
