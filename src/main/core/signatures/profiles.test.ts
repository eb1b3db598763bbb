import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deliveryFromEvent, getField } from '../check/delivery';
import { findProfile, genericProfile, PROFILES, profileFor } from './profiles';
import { getProvider } from './registry';

const PROVIDERS_DIR = path.join(__dirname, 'providers');

describe('provider profiles', () => {
  it('cover the providers the check promises, each beside a signing provider of the registry', () => {
    expect(PROFILES.map((p) => p.providerId).sort()).toEqual(
      [
        'github',
        'hubspot',
        'linear',
        'paddle',
        'shopify',
        'slack',
        'square',
        'standard-webhooks',
        'stripe',
        'twilio',
        'twitch',
        'zoom',
      ].sort(),
    );
    for (const p of PROFILES) {
      const provider = getProvider(p.providerId);
      expect(provider?.sign, p.providerId).toBeTypeOf('function');
      expect(p.docs).toMatch(/^https:\/\//);
      // A tolerance in the profile is the signature scheme's own, or the scheme has none to contradict it.
      if (provider!.toleranceSec !== undefined && p.toleranceSec !== undefined)
        expect(p.toleranceSec, p.providerId).toBe(provider!.toleranceSec);
    }
  });

  it('cite a source URL beside each documented fact', async () => {
    const files = (await readdir(PROVIDERS_DIR)).filter((f) => f.endsWith('.profile.ts'));
    expect(files).toHaveLength(PROFILES.length);
    for (const file of files) {
      const lines = (await readFile(path.join(PROVIDERS_DIR, file), 'utf8')).split('\n');
      for (const key of ['timeoutMs', 'retrySchedule', 'eventId', 'toleranceSec', 'maxPayloadBytes']) {
        const at = lines.findIndex((l) => l.trimStart().startsWith(`${key}:`));
        if (at < 0) continue;
        // The comment right above (possibly spanning lines) names where the fact comes from.
        const comment = lines
          .slice(Math.max(0, at - 3), at)
          .filter((l) => l.trimStart().startsWith('//'))
          .join(' ');
        expect(comment, `${file} ${key}`).toMatch(/https:\/\/|documents no|publishes no|no event id|spec/);
      }
    }
  });

  it('build a sample delivery whose event id and type can be read back', () => {
    for (const p of PROFILES) {
      const sample = p.sample(1_764_000_000);
      const d = deliveryFromEvent(p, sample.type, sample.body);
      if (p.eventType) expect(getField(d, p.eventType), p.providerId).toBe(sample.type);
      if (p.eventId) expect(getField(d, p.eventId), p.providerId).toBeDefined();
      expect(d.headers[0]).toEqual(['Content-Type', p.contentType]);
    }
  });

  it('give other providers the generic profile, marked as not documented', () => {
    const coinbase = getProvider('coinbase')!;
    expect(findProfile('coinbase')).toBeUndefined();
    expect(profileFor(coinbase)).toMatchObject({
      providerId: 'coinbase',
      timeoutDocumented: false,
      eventId: { in: 'json', path: ['id'] },
    });
    expect(genericProfile(getProvider('stripe')!).toleranceSec).toBe(300);
  });
});
