/*
 * Re-indents JSON text without parsing it into values, so what the pretty view shows is exactly
 * what was sent: big numbers keep their digits, duplicate keys and key order stay visible.
 * Returns null when the text is not JSON.
 */
export function prettyJson(text: string, indent = 2): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  try {
    JSON.parse(trimmed);
  } catch {
    return null;
  }
  // Parts joined once at the end; strings and bare values are copied as whole slices, not char by
  // char, so a 25 MB body formats in a fraction of the time.
  const parts: string[] = [];
  const pads: string[] = [];
  let depth = 0;
  const pad = (): string => (pads[depth] ??= '\n' + ' '.repeat(depth * indent));
  const n = trimmed.length;
  for (let i = 0; i < n; i++) {
    const ch = trimmed[i];
    switch (ch) {
      case '"': {
        let j = i + 1;
        while (j < n) {
          const c = trimmed.charCodeAt(j);
          if (c === 0x5c) j += 2;
          else if (c === 0x22) break;
          else j++;
        }
        parts.push(trimmed.slice(i, j + 1));
        i = j;
        break;
      }
      case '{':
      case '[': {
        const close = ch === '{' ? '}' : ']';
        let j = i + 1;
        while (/\s/.test(trimmed[j])) j++;
        if (trimmed[j] === close) {
          parts.push(ch + close);
          i = j;
        } else {
          depth++;
          parts.push(ch, pad());
        }
        break;
      }
      case '}':
      case ']':
        depth--;
        parts.push(pad(), ch);
        break;
      case ',':
        parts.push(',', pad());
        break;
      case ':':
        parts.push(': ');
        break;
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        break;
      default: {
        // A number or literal: up to the next structural character or whitespace.
        let j = i + 1;
        while (j < n && !',:]} \t\n\r'.includes(trimmed[j])) j++;
        parts.push(trimmed.slice(i, j));
        i = j - 1;
      }
    }
  }
  return parts.join('');
}
