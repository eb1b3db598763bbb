/*
 * Capture records for store tests and the bench, built the way the listener builds them (through
 * encodeBody) so the byte-exact checks exercise the real encoding choice.
 */
import { randomBytes } from 'node:crypto';
import { newCaptureId } from '../../capture/capture-id';
import { capturedBody } from '../../body-buffer';
import type { CaptureRecord } from '../../../../shared/capture';

export function makeRecord(body: Buffer | string, overrides: Partial<CaptureRecord> = {}): CaptureRecord {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return {
    id: newCaptureId(),
    endpointId: 'default',
    receivedAt: new Date().toISOString(),
    method: 'POST',
    url: '/hooks/stripe?x=1',
    httpVersion: '1.1',
    headers: [
      ['Host', '127.0.0.1'],
      ['Content-Type', 'application/json'],
      ['X-Dup', 'a'],
      ['x-dup', 'b'],
    ],
    body: capturedBody(bytes),
    remoteAddress: '127.0.0.1',
    via: 'local',
    response: { status: 200, ms: 0.5 },
    ...overrides,
  };
}

/** A JSON body of roughly `size` bytes. */
export function jsonBody(size: number): string {
  const pad =
    size > 40
      ? randomBytes(Math.ceil((size - 40) / 2))
          .toString('hex')
          .slice(0, size - 40)
      : '';
  return JSON.stringify({ type: 'invoice.paid', n: Math.random(), pad });
}
