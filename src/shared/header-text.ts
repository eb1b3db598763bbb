/*
 * Header values as shown. Node hands header values over as latin1, one character per byte, which
 * is how they are stored (a replay sends the very same bytes). A value whose bytes are valid UTF-8
 * is shown decoded ("ünï€😀", not "Ã¼nÃ¯â¬ð"); the bytes as received stay available.
 */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes of a stored header value; null if it holds a character above U+00FF (it was not read from the wire). */
export function headerValueBytes(value: string): Uint8Array | null {
  const bytes = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0xff) return null;
    bytes[i] = code;
  }
  return bytes;
}

/** The value decoded as UTF-8 when its bytes are valid UTF-8 and not plain ASCII; otherwise unchanged. */
export function displayHeaderValue(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value)) return value;
  const bytes = headerValueBytes(value);
  if (!bytes) return value;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return value;
  }
}

/** The bytes as two-digit hex, for showing next to a decoded value. */
export function headerValueHex(value: string): string {
  const bytes = headerValueBytes(value);
  if (!bytes) return '';
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}
