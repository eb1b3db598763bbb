import { bodyBytes, type EncodedBody } from '../../../shared/body-bytes';

export { bodyBytes };

/** Text to show for a body; binary bodies show as replacement characters, never interpreted. */
export function bodyText(body: EncodedBody): string {
  if (body.encoding === 'utf8') return body.text;
  return new TextDecoder('utf-8', { fatal: false }).decode(bodyBytes(body));
}
