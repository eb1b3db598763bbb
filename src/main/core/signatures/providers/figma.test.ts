import { describe, expect, it } from 'vitest';
import { detectProviders } from '../registry';
import { schemeCases } from '../test-support/scheme-cases';
import { figma } from './figma';

// Figma's webhooks (v2) docs: the passcode given at creation is echoed in every event body.
const body = (passcode: string) =>
  JSON.stringify({
    event_type: 'FILE_UPDATE',
    file_key: 'zJz8NQ7DmOl7sgtTqKvWbb',
    file_name: 'Design system',
    timestamp: '2026-01-01T00:00:00Z',
    webhook_id: '22',
    passcode,
  });

describe('figma', () => {
  schemeCases({
    provider: figma,
    secret: 'figma-passcode-1a2b',
    wrongSecret: 'figma-passcode-1a2c',
    body: body('figma-passcode-1a2b'),
    bodyUnsigned: true,
    tamper: (b) => b.replace('Design system', 'Design system v2'),
    delivery: [['Content-Type', 'application/json']],
    reference: () => [],
  });

  it('is not claimed for bodies without the passcode field', () => {
    const req = {
      method: 'POST',
      headers: [] as [string, string][],
      body: Buffer.from('{"event_type":"PING","webhook_id":"1"}'),
    };
    expect(detectProviders(req).map((p) => p.id)).not.toContain('figma');
  });
});
