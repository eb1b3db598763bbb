import { randomBytes } from 'node:crypto';

/*
 * Ids sort by arrival time (48-bit millisecond prefix, like a ULID) so the store and the list can
 * order by id alone; the random tail keeps ids unguessable and unique within one millisecond.
 */
let lastMs = 0;
let counter = 0;

export function newCaptureId(now = Date.now()): string {
  if (now === lastMs) counter += 1;
  else {
    lastMs = now;
    counter = 0;
  }
  const time = now.toString(36).padStart(9, '0');
  const seq = counter.toString(36).padStart(3, '0');
  return `${time}${seq}${randomBytes(5).toString('hex')}`;
}
