import { randomBytes } from 'node:crypto';

/*
 * Ids sort by arrival time (millisecond prefix, like a ULID) so the store and the list can order by
 * id alone; the random tail keeps ids unguessable and unique within one millisecond. Random bytes
 * come from a pooled buffer: one randomBytes call per request was a measurable share of a capture.
 */
const TAIL_BYTES = 5;
let pool = randomBytes(4096);
let poolPos = 0;
let lastMs = 0;
let counter = 0;

function randomTail(): string {
  if (poolPos + TAIL_BYTES > pool.length) {
    pool = randomBytes(4096);
    poolPos = 0;
  }
  const tail = pool.toString('hex', poolPos, poolPos + TAIL_BYTES);
  poolPos += TAIL_BYTES;
  return tail;
}

/** The time part of the last id: under load many captures share a millisecond. */
let lastTime = '';

export function newCaptureId(now = Date.now()): string {
  if (now === lastMs) counter += 1;
  else {
    lastMs = now;
    counter = 0;
    lastTime = now.toString(36).padStart(9, '0');
  }
  const time = lastTime;
  const seq = counter.toString(36).padStart(3, '0');
  return `${time}${seq}${randomTail()}`;
}
