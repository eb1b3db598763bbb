import type { CapturedBody } from '../../../shared/capture';

export function bodyBytes(body: CapturedBody): Uint8Array {
  if (body.encoding === 'utf8') return new TextEncoder().encode(body.text);
  const bin = atob(body.text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Text to show for a body; binary bodies show as replacement characters, never interpreted. */
export function bodyText(body: CapturedBody): string {
  if (body.encoding === 'utf8') return body.text;
  return new TextDecoder('utf-8', { fatal: false }).decode(bodyBytes(body));
}
