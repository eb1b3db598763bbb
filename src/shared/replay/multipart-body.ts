/*
 * A multipart/form-data body (RFC 7578) the way curl writes one for -F: its boundary shape, a
 * Content-Type per part only when set or guessed from the file name by curl's table, quotes in
 * names escaped as %22. The HAR import builds its bodies from postData.params the same way.
 */
import { utf8Bytes } from '../body-codec';
import { concatBytes } from './curl-encoding';

export interface FormPart {
  name: string;
  content: Uint8Array;
  filename: string | null;
  type: string | null;
  /** The content came from a file (-F name=@file): curl then always sends a Content-Type. */
  fromFile: boolean;
}

/** curl's table (lib/mime.c) for parts with a file name and no ;type=. */
const TYPES_BY_EXTENSION: Record<string, string> = {
  gif: 'image/gif',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  svg: 'image/svg+xml',
  txt: 'text/plain',
  htm: 'text/html',
  html: 'text/html',
  pdf: 'application/pdf',
  xml: 'application/xml',
};

function partType(part: FormPart): string | null {
  if (part.type) return part.type;
  if (part.filename === null) return null;
  const ext = /\.([^./\\]+)$/.exec(part.filename)?.[1]?.toLowerCase();
  const guess = ext ? TYPES_BY_EXTENSION[ext] : undefined;
  return guess ?? (part.fromFile ? 'application/octet-stream' : null);
}

/** curl escapes a quote in a name or file name as %22 (and CR/LF likewise). */
const quoted = (s: string): string => `"${s.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;

export function randomBoundary(): string {
  const hex = Array.from({ length: 16 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `------------------------${hex}`;
}

export function multipartBody(
  parts: FormPart[],
  boundary = randomBoundary(),
): { body: Uint8Array; contentType: string } {
  const chunks: Uint8Array[] = [];
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(p.name)}`;
    if (p.filename !== null) head += `; filename=${quoted(p.filename)}`;
    const type = partType(p);
    head += type ? `\r\nContent-Type: ${type}\r\n\r\n` : '\r\n\r\n';
    chunks.push(utf8Bytes(head), p.content, utf8Bytes('\r\n'));
  }
  chunks.push(utf8Bytes(`--${boundary}--\r\n`));
  return { body: concatBytes(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
