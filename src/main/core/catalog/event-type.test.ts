import { describe, expect, it } from 'vitest';
import { buildTestEvent, deliveryEventType, listTestEvents } from './index';

describe('deliveryEventType', () => {
  it('reads every catalog event back as its own type', () => {
    for (const e of listTestEvents()) {
      const event = buildTestEvent({ provider: e.provider, event: e.type });
      expect(deliveryEventType(event.headers, event.body, event.signer), `${e.provider} ${e.type}`).toBe(e.type);
    }
  });

  it('says nothing when the request names no type', () => {
    expect(deliveryEventType([['Content-Type', 'application/json']], Buffer.from('{"amount":1}'))).toBeUndefined();
    expect(deliveryEventType([['Content-Type', 'application/json']], Buffer.from('not json'))).toBeUndefined();
    expect(
      deliveryEventType([['Content-Type', 'application/x-www-form-urlencoded']], Buffer.from('a=1')),
    ).toBeUndefined();
    expect(deliveryEventType([], Buffer.from('[1,2]'))).toBeUndefined();
  });
});
