import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { asana } from './asana';

// Asana's webhooks guide: hex HMAC-SHA256 of the body keyed with the handshake's X-Hook-Secret (the documented example secret).
const digest = (secret: string, body: string) => `${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('asana', () => {
  schemeCases({
    provider: asana,
    secret: 'b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81',
    wrongSecret: 'b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81'.replace(/.$/, (c) =>
      c === 'x' ? 'y' : 'x',
    ),
    body: JSON.stringify({
      events: [
        {
          action: 'changed',
          resource: { gid: '1337', resource_type: 'task' },
          user: { gid: '1516' },
          created_at: '2026-01-01T00:00:00.000Z',
        },
      ],
    }),
    delivery: [['Content-Type', 'application/json']],
    reference: (body, secret): HeaderPair[] => [['X-Hook-Signature', digest(secret, body)]],
    referenceVerify: (headers, body, secret) => header({ headers }, 'X-Hook-Signature') === digest(secret, body),
  });
});

describe('asana handshake', () => {
  it('names the unsigned handshake and where its secret goes', () => {
    const req = {
      method: 'POST',
      headers: [['X-Hook-Secret', 'b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81']] as HeaderPair[],
      body: Buffer.alloc(0),
    };
    expect(asana.detect(req)).toBe(true);
    const r = asana.verify(req, { secret: '' });
    expect(r).toMatchObject({ valid: false, failure: 'missing_header' });
    expect(r.reason).toMatch(/handshake.*echo X-Hook-Secret back/);
  });
});
