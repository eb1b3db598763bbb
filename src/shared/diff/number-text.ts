/*
 * Numbers are compared by their decimal value as written, not as doubles: `1.0` and `1` are equal
 * (a formatting difference, reported as a note), while `9007199254740993` and `9007199254740992`
 * differ even though JSON.parse turns both into the same double.
 */

/** Canonical form of a JSON number literal: sign, significant digits, exponent (`-15e-1` for -1.50). */
export function canonicalNumber(raw: string): string {
  // Fast path: a plain integer literal (the JSON grammar already forbids leading zeros).
  if (/^-?[1-9]\d{0,14}$/.test(raw)) return plainInteger(raw);
  let i = 0;
  const negative = raw.charCodeAt(0) === 45; /* - */
  if (negative) i++;
  let digits = '';
  let exponent = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits += raw[i];
      i++;
    } else break;
  }
  if (raw.charCodeAt(i) === 46 /* . */) {
    i++;
    while (i < raw.length) {
      const c = raw.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        digits += raw[i];
        exponent--;
        i++;
      } else break;
    }
  }
  if (i < raw.length && (raw[i] === 'e' || raw[i] === 'E')) {
    const exp = Number(raw.slice(i + 1));
    exponent += Number.isFinite(exp) ? exp : 0;
  }
  let start = 0;
  while (start < digits.length && digits.charCodeAt(start) === 48) start++;
  let end = digits.length;
  while (end > start && digits.charCodeAt(end - 1) === 48) {
    end--;
    exponent++;
  }
  // Zero has no sign worth keeping: JSON consumers treat -0 and 0 alike.
  if (start === end) return '0';
  return `${negative ? '-' : ''}${digits.slice(start, end)}e${exponent}`;
}

/** Same canonical form as the general path, for integers without a fraction or exponent. */
function plainInteger(raw: string): string {
  let end = raw.length;
  while (raw.charCodeAt(end - 1) === 48) end--;
  const start = raw.charCodeAt(0) === 45 ? 1 : 0;
  return `${start ? '-' : ''}${raw.slice(start, end)}e${raw.length - end}`;
}
