/*
 * multipart/* bodies (RFC 2046 §5.1, form-data per RFC 7578) split into their parts, over the exact
 * bytes: a part's content is a view of the body, never re-encoded, so a saved file part is what the
 * sender sent. Malformed bodies give the parts found so far and a problem in words, never a throw.
 */
import { encodeBody } from '../../../shared/body-codec';

export interface MultipartPart {
  /** Header lines of the part in order, decoded as UTF-8. */
  headers: [string, string][];
  name: string | null;
  filename: string | null;
  contentType: string | null;
  bytes: Uint8Array;
  /** The content as text when it is valid UTF-8 and not declared a file of a non-text type. */
  text: string | null;
}

export interface MultipartResult {
  parts: MultipartPart[];
  problem: string | null;
}

export function isMultipartContentType(contentType: string | undefined): boolean {
  return /^\s*multipart\//i.test(contentType ?? '');
}

/** A Content-Type or Content-Disposition parameter, quoted or not (RFC 7231 §3.1.1.1). */
export function headerParam(value: string, name: string): string | null {
  const re = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value)) !== null) {
    if (m[1].toLowerCase() === name.toLowerCase())
      return m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3].trim();
  }
  return null;
}

/** `filename*=UTF-8''na%C3%AFve.txt` (RFC 5987) wins over `filename`, as browsers and servers read it. */
function fileName(disposition: string): string | null {
  const extended = headerParam(disposition, 'filename*');
  if (extended) {
    const m = /^utf-8'[^']*'(.*)$/i.exec(extended);
    if (m) {
      try {
        return decodeURIComponent(m[1]);
      } catch {
        // Falls back to the plain parameter.
      }
    }
  }
  return headerParam(disposition, 'filename');
}

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  const last = hay.length - needle.length;
  outer: for (let i = hay.indexOf(first, from); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

const encoder = new TextEncoder();
const lossy = new TextDecoder('utf-8');
const CR = 0x0d;
const LF = 0x0a;
const DASH = 0x2d;

/** The end of the line starting at `from` (index past its LF), or -1. */
function lineEnd(bytes: Uint8Array, from: number): number {
  const lf = bytes.indexOf(LF, from);
  return lf < 0 ? -1 : lf + 1;
}

function parseHeaders(block: string): [string, string][] {
  const out: [string, string][] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === '') continue;
    // Folded lines (obsolete, RFC 5322 §3.2.2) continue the previous header.
    if (/^[ \t]/.test(line) && out.length > 0) {
      out[out.length - 1][1] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    out.push(colon < 0 ? [line.trim(), ''] : [line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return out;
}

function makePart(headerBytes: Uint8Array, bytes: Uint8Array): MultipartPart {
  const headers = parseHeaders(lossy.decode(headerBytes));
  const get = (n: string): string | null => headers.find(([h]) => h.toLowerCase() === n)?.[1] ?? null;
  const disposition = get('content-disposition');
  const contentType = get('content-type');
  const filename = disposition ? fileName(disposition) : null;
  const textual = !contentType || /^text\/|[/+](json|xml)\b|^application\/x-www-form-urlencoded/i.test(contentType);
  const encoded = filename === null || textual ? encodeBody(bytes) : null;
  // NUL bytes make text unreadable and usually mean binary content.
  const text = encoded?.encoding === 'utf8' && !bytes.includes(0) ? encoded.text : null;
  return { headers, name: disposition ? headerParam(disposition, 'name') : null, filename, contentType, bytes, text };
}

export function parseMultipart(bytes: Uint8Array, contentType: string): MultipartResult {
  const boundary = headerParam(contentType, 'boundary');
  if (!boundary) return { parts: [], problem: 'The Content-Type names no boundary, so the parts cannot be found.' };
  const delimiter = encoder.encode(`--${boundary}`);
  const parts: MultipartPart[] = [];
  // The first delimiter may open the body or follow a preamble line.
  let at = indexOf(bytes, delimiter, 0);
  while (at > 0 && bytes[at - 1] !== LF) at = indexOf(bytes, delimiter, at + 1);
  if (at < 0) return { parts, problem: `The boundary "${boundary}" does not occur in the body.` };
  for (;;) {
    const after = at + delimiter.length;
    if (bytes[after] === DASH && bytes[after + 1] === DASH) return { parts, problem: null };
    const headersStart = lineEnd(bytes, after);
    if (headersStart < 0) break;
    // Headers end at the first empty line (CRLF CRLF, or bare LF LF from lenient senders).
    let headersEnd = -1;
    let contentStart = -1;
    for (let line = headersStart; line >= 0 && line < bytes.length;) {
      const next = lineEnd(bytes, line);
      if (next < 0) break;
      const empty = next - line === 1 || (next - line === 2 && bytes[line] === CR);
      if (empty) {
        headersEnd = line;
        contentStart = next;
        break;
      }
      line = next;
    }
    if (contentStart < 0) return { parts, problem: `Part ${parts.length + 1} has no end to its headers.` };
    let close = indexOf(bytes, delimiter, contentStart);
    while (close >= 0 && bytes[close - 1] !== LF) close = indexOf(bytes, delimiter, close + 1);
    if (close < 0) {
      parts.push(makePart(bytes.subarray(headersStart, headersEnd), bytes.subarray(contentStart)));
      return { parts, problem: `The body ends inside part ${parts.length}: the closing boundary is missing.` };
    }
    // The line break before a delimiter belongs to the delimiter, not to the content.
    const contentEnd = close - (bytes[close - 2] === CR ? 2 : 1);
    parts.push(
      makePart(
        bytes.subarray(headersStart, headersEnd),
        bytes.subarray(contentStart, Math.max(contentStart, contentEnd)),
      ),
    );
    at = close;
  }
  return { parts, problem: 'The body ends after a boundary line.' };
}
