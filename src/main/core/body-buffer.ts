/*
 * The shared body codec (../../shared/body-codec.ts) as Node Buffers, for the core's hot paths:
 * the capture listener, the store's blob files, signature checks and replay handle bodies of
 * megabytes, so they use Node's native UTF-8 and base64 instead of the codec's portable loops.
 * Same rules: `body-buffer.test.ts` checks both agree, bad base64 included.
 */
import { isUtf8 } from 'node:buffer';
import { BAD_BASE64_MESSAGE, type EncodedBody } from '../../shared/body-codec';
import type { CapturedBody } from '../../shared/capture';

// What the codec's base64Decode accepts: the alphabet with whitespace anywhere, then padding.
const BASE64_TEXT = /^[A-Za-z0-9+/\s]*=*\s*$/;

/** The stored form of received bytes, with their size: text when valid UTF-8, base64 otherwise. */
export function capturedBody(bytes: Buffer): CapturedBody {
  if (isUtf8(bytes)) return { size: bytes.length, encoding: 'utf8', text: bytes.toString('utf8') };
  return { size: bytes.length, encoding: 'base64', text: bytes.toString('base64') };
}

/** The body's bytes; throws a TypeError when it is marked base64 but is not (as `decodeBody`). */
export function bodyBuffer(body: EncodedBody): Buffer {
  if (body.encoding === 'utf8') return Buffer.from(body.text, 'utf8');
  // Node skips characters outside the alphabet silently; the codec refuses them, and so do we.
  if (!BASE64_TEXT.test(body.text) || body.text.replace(/[\s=]+/g, '').length % 4 === 1)
    throw new TypeError(BAD_BASE64_MESSAGE);
  return Buffer.from(body.text, 'base64');
}
