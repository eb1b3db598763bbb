/*
 * Bytes and text of a captured body without Node's Buffer (this code also runs in the renderer and
 * in a worker): base64 via atob, UTF-8 via TextEncoder/TextDecoder.
 */
import type { CapturedBody } from '../capture';

export function bodyBytes(body: Pick<CapturedBody, 'encoding' | 'text'>): Uint8Array {
  if (body.encoding === 'utf8') return new TextEncoder().encode(body.text);
  let binary: string;
  try {
    binary = atob(body.text);
  } catch {
    // A corrupt record should still be comparable: treat the stored text as the bytes.
    return new TextEncoder().encode(body.text);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The body as text, or null when its bytes are not valid UTF-8. */
export function bodyText(body: Pick<CapturedBody, 'encoding' | 'text'>): string | null {
  if (body.encoding === 'utf8') return body.text;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bodyBytes(body));
  } catch {
    return null;
  }
}
