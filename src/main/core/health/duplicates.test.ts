import { describe, expect, it } from 'vitest';
import { DuplicateIndex } from './duplicates';

const stripe = (eventId: string, endpointId = 'default') => ({ endpointId, provider: 'stripe', eventId });

describe('duplicate deliveries index', () => {
  it('names the first capture of an event for each later one, per endpoint and provider', () => {
    const index = new DuplicateIndex();
    expect(index.add('c1', stripe('evt_1'))).toBeUndefined();
    expect(index.add('c2', stripe('evt_2'))).toBeUndefined();
    expect(index.add('c3', stripe('evt_1'))).toBe('c1');
    expect(index.add('c4', stripe('evt_1'))).toBe('c1');
    // The same id elsewhere is another event.
    expect(index.add('c5', stripe('evt_1', 'other'))).toBeUndefined();
    expect(index.add('c6', { endpointId: 'default', provider: 'github', eventId: 'evt_1' })).toBeUndefined();
    expect(index.add('c7', { endpointId: 'default', eventId: 'evt_1' })).toBeUndefined();
    // No event id, or a capture already recorded: nothing to say.
    expect(index.add('c8', { endpointId: 'default', provider: 'stripe' })).toBeUndefined();
    expect(index.add('c3', stripe('evt_1'))).toBeUndefined();
    expect([index.count('c1'), index.count('c4'), index.count('c2'), index.count('c5'), index.count('nope')]).toEqual([
      3, 3, 1, 1, 1,
    ]);
    expect(index.size).toBe(7);
  });

  it('lets the next oldest stand in when the first is removed, and forgets an event once none is left', () => {
    const index = new DuplicateIndex();
    index.add('a', stripe('evt_1'));
    index.add('b', stripe('evt_1'));
    index.add('c', stripe('evt_1'));
    index.remove(['a']);
    expect(index.add('d', stripe('evt_1'))).toBe('b');
    index.remove(['c', 'b']);
    expect(index.count('d')).toBe(1);
    expect(index.add('e', stripe('evt_1'))).toBe('d');
    index.remove(['d', 'e', 'unknown']);
    expect(index.size).toBe(0);
    expect(index.add('f', stripe('evt_1'))).toBeUndefined();
    index.add('g', stripe('evt_2', 'other'));
    index.clear();
    expect(index.size).toBe(0);
    expect(index.add('h', stripe('evt_1'))).toBeUndefined();
  });
});
