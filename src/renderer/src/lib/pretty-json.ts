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
  let out = '';
  let depth = 0;
  let inString = false;
  const pad = (): string => '\n' + ' '.repeat(depth * indent);
  for (let i = 0; i < trimmed.length; i++) {
    const ch = trimmed[i];
    if (inString) {
      out += ch;
      if (ch === '\\') out += trimmed[++i];
      else if (ch === '"') inString = false;
      continue;
    }
    switch (ch) {
      case '"':
        inString = true;
        out += ch;
        break;
      case '{':
      case '[': {
        const close = ch === '{' ? '}' : ']';
        let j = i + 1;
        while (/\s/.test(trimmed[j])) j++;
        if (trimmed[j] === close) {
          out += ch + close;
          i = j;
        } else {
          depth++;
          out += ch + pad();
        }
        break;
      }
      case '}':
      case ']':
        depth--;
        out += pad() + ch;
        break;
      case ',':
        out += ',' + pad();
        break;
      case ':':
        out += ': ';
        break;
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        break;
      default:
        out += ch;
    }
  }
  return out;
}
