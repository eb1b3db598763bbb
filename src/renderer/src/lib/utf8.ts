const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Valid UTF-8 with no NUL byte: what the body views may show as text. */
export function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
