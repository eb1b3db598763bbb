import { describe, expect, it } from 'vitest';
import { stripe } from '../signatures/providers/stripe';
import { deliveryFromCapture, freshId, getField, padded, setField, tamperedBody, type Delivery } from './delivery';
import { isLoopbackHost } from './target';

const json = (body: unknown): Delivery => ({
  method: 'POST',
  headers: [['Content-Type', 'application/json']],
  body: Buffer.from(JSON.stringify(body)),
  format: 'json',
});

describe('delivery fields', () => {
  it('reads and sets JSON paths, headers and form fields', () => {
    const d = json([{ eventId: 1, subscriptionType: 'contact.creation' }]);
    expect(getField(d, { in: 'json', path: [0, 'eventId'] })).toBe(1);
    const set = setField(d, { in: 'json', path: [0, 'subscriptionType'] }, 'contact.deletion')!;
    expect(JSON.parse(set.body.toString())).toEqual([{ eventId: 1, subscriptionType: 'contact.deletion' }]);
    const h = setField(d, { in: 'header', name: 'x-github-event' }, 'push')!;
    expect(getField(h, { in: 'header', name: 'X-GitHub-Event' })).toBe('push');
    const form: Delivery = {
      method: 'POST',
      headers: [],
      body: Buffer.from('MessageSid=SM1&Body=hi+there'),
      format: 'form',
    };
    const f = setField(form, { in: 'form', name: 'MessageSid' }, 'SM2')!;
    expect(getField(f, { in: 'form', name: 'MessageSid' })).toBe('SM2');
    expect(getField(f, { in: 'form', name: 'Body' })).toBe('hi there');
    const raw: Delivery = { method: 'POST', headers: [], body: Buffer.from('not json'), format: 'raw' };
    expect(setField(raw, { in: 'json', path: ['id'] }, 'x')).toBeUndefined();
  });

  it('makes fresh ids of the same shape, unique per call', () => {
    expect(freshId('evt_1NG8Du2eZvKYlo2CUIB3Kl4R')).toMatch(/^evt_hooklens[0-9a-f]{16}\d+$/);
    expect(freshId('72d3162e-cc78-11e3-81ab-4c9367dc0958')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    expect(typeof freshId(1_764_000_000_000)).toBe('number');
    expect(freshId('a')).not.toBe(freshId('a'));
  });

  it('tampers a body in a way a parser still accepts', () => {
    expect(JSON.parse(tamperedBody(json({ id: 'evt_1' })).toString())).toEqual({ hooklens_forged: true, id: 'evt_1' });
    expect(JSON.parse(tamperedBody(json({})).toString())).toEqual({ hooklens_forged: true });
    expect(tamperedBody({ method: 'POST', headers: [], body: Buffer.from('a=1'), format: 'form' }).toString()).toBe(
      'a=1&hooklens_forged=1',
    );
  });

  it('pads to the size asked for', () => {
    const d = padded(json({ id: 'evt_1' }), 100_000)!;
    expect(d.body.length).toBeGreaterThan(99_900);
    expect(d.body.length).toBeLessThanOrEqual(100_000);
    expect(JSON.parse(d.body.toString()).id).toBe('evt_1');
  });

  it('takes a capture without its old signature, Host or Content-Length', () => {
    const d = deliveryFromCapture(
      {
        method: 'post',
        headers: [
          ['Host', 'x.loca.lt'],
          ['Content-Length', '2'],
          ['Stripe-Signature', 't=1,v1=ab'],
          ['Content-Type', 'application/json'],
          ['Connection', 'keep-alive'],
        ],
        body: { encoding: 'utf8', text: '{}' },
      },
      stripe,
    );
    expect(d).toMatchObject({ method: 'POST', headers: [['Content-Type', 'application/json']], format: 'json' });
  });
});

describe('loopback targets', () => {
  it('tells this machine from others', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', 'api.localhost'])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['example.com', '10.0.0.1', '192.168.1.2', '[::2]', 'localhost.example.com'])
      expect(isLoopbackHost(h), h).toBe(false);
  });
});
