/*
 * Bytes as text without mojibake: valid UTF-8 runs read as text, every byte that is not part of a
 * valid sequence is written `\xNN`. A replacement character would hide which bytes were there.
 */

function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  let len: number;
  let min: number;
  let max = 0xbf;
  // Ranges from RFC 3629 §4: they exclude overlong forms, surrogates and code points past U+10FFFF.
  if (b >= 0xc2 && b <= 0xdf) (len = 2), (min = 0x80);
  else if (b === 0xe0) (len = 3), (min = 0xa0);
  else if (b >= 0xe1 && b <= 0xef) (len = 3), (min = 0x80), (max = b === 0xed ? 0x9f : 0xbf);
  else if (b === 0xf0) (len = 4), (min = 0x90);
  else if (b >= 0xf1 && b <= 0xf3) (len = 4), (min = 0x80);
  else if (b === 0xf4) (len = 4), (min = 0x80), (max = 0x8f);
  else return 0;
  if (i + len > bytes.length) return 0;
  if (bytes[i + 1] < min || bytes[i + 1] > max) return 0;
  for (let k = 2; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  return len;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function escapedText(bytes: Uint8Array): { text: string; escaped: number } {
  const out: string[] = [];
  let escaped = 0;
  let runStart = 0;
  let i = 0;
  const flush = (end: number): void => {
    if (end > runStart) out.push(decoder.decode(bytes.subarray(runStart, end)));
  };
  while (i < bytes.length) {
    const len = sequenceLength(bytes, i);
    if (len > 0) {
      i += len;
      continue;
    }
    flush(i);
    out.push(`\\x${bytes[i].toString(16).padStart(2, '0')}`);
    escaped++;
    i++;
    runStart = i;
  }
  flush(i);
  return { text: out.join(''), escaped };
}
