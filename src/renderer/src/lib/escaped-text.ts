/*
 * Bytes as text without mojibake: valid UTF-8 runs read as text, every byte that is not part of a
 * valid sequence is written `\xNN`. A replacement character would hide which bytes were there.
 */

/** Lead byte ranges from RFC 3629 §4, with the allowed second byte: no overlong forms, surrogates or code points past U+10FFFF. */
const LEADS: { from: number; to: number; len: number; min: number; max: number }[] = [
  { from: 0xc2, to: 0xdf, len: 2, min: 0x80, max: 0xbf },
  { from: 0xe0, to: 0xe0, len: 3, min: 0xa0, max: 0xbf },
  { from: 0xe1, to: 0xec, len: 3, min: 0x80, max: 0xbf },
  { from: 0xed, to: 0xed, len: 3, min: 0x80, max: 0x9f },
  { from: 0xee, to: 0xef, len: 3, min: 0x80, max: 0xbf },
  { from: 0xf0, to: 0xf0, len: 4, min: 0x90, max: 0xbf },
  { from: 0xf1, to: 0xf3, len: 4, min: 0x80, max: 0xbf },
  { from: 0xf4, to: 0xf4, len: 4, min: 0x80, max: 0x8f },
];

function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const lead = LEADS.find((l) => b >= l.from && b <= l.to);
  if (!lead || i + lead.len > bytes.length) return 0;
  if (bytes[i + 1] < lead.min || bytes[i + 1] > lead.max) return 0;
  for (let k = 2; k < lead.len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  return lead.len;
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
