/* Large request bodies for the specs that send them. */

/** Minified JSON of exactly `size` bytes: one long line, the hard case for a text view. */
export function jsonOfSize(size: number, pad = 'x'): string {
  const head = '{"action":"opened","items":[';
  const item = '{"id":1234567,"name":"hooklens"},';
  const tail = ']}';
  const count = Math.floor((size - head.length - tail.length - 30) / item.length);
  const body = head + item.repeat(count).slice(0, -1) + '],"pad":"';
  return body + pad.repeat(size - body.length - 2) + '"}';
}
