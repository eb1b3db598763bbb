import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { verifyKey } from 'discord-interactions';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import type { SignedRequest } from '../types';
import { discord } from './discord';

const NOW = 1_764_050_000;
const BODY = Buffer.from(
  JSON.stringify({
    application_id: '1180000000000000000',
    id: '1180000000000000001',
    token: 'aW50ZXJhY3Rpb246MTE4MDAwMDAwMDAwMDAwMDAwMQ',
    type: 2,
    data: { id: '1180000000000000002', name: 'ping', type: 1 },
    version: 1,
  }),
);

function keyPair(): { privateKey: KeyObject; publicHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  // The raw 32-byte key is the tail of the SPKI encoding; Discord shows it as hex.
  const publicHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  return { privateKey, publicHex };
}

/** Signs as Discord does: Ed25519 over timestamp + raw body, hex in the header. */
function discordHeaders(privateKey: KeyObject, ts: number, body: Buffer): HeaderPair[] {
  const sig = sign(null, Buffer.concat([Buffer.from(String(ts)), body]), privateKey).toString('hex');
  return [
    ['X-Signature-Ed25519', sig],
    ['X-Signature-Timestamp', String(ts)],
  ];
}

function request(headers: HeaderPair[], body = BODY): SignedRequest {
  return { method: 'POST', url: '/interactions', headers, body };
}

describe('discord provider', () => {
  const { privateKey, publicHex } = keyPair();

  it('accepts a request that discord-interactions verifyKey accepts', async () => {
    const headers = discordHeaders(privateKey, NOW, BODY);
    expect(await verifyKey(BODY, headers[0]![1], headers[1]![1], publicHex)).toBe(true);
    const result = discord.verify(request(headers), { secret: publicHex, now: NOW + 1 });
    expect(result).toMatchObject({ valid: true, skewSec: -1 });
    expect(result.reason).toContain('Ed25519 signature verifies');
    expect(discord.detect(request(headers))).toBe(true);
    expect(discord.sign).toBeUndefined();
  });

  it('rejects a tampered body, as verifyKey does', async () => {
    const headers = discordHeaders(privateKey, NOW, BODY);
    const tampered = Buffer.from(BODY.toString().replace('"ping"', '"pong"'));
    expect(await verifyKey(tampered, headers[0]![1], headers[1]![1], publicHex)).toBe(false);
    const result = discord.verify(request(headers, tampered), { secret: publicHex, now: NOW });
    expect(result).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(result.reason).toContain('does not verify with this public key');
    expect(result.expected).toBeUndefined();
  });

  it('explains a body re-encoded as pretty JSON', () => {
    const headers = discordHeaders(privateKey, NOW, BODY);
    const pretty = Buffer.from(JSON.stringify(JSON.parse(BODY.toString()), null, 2));
    expect(discord.verify(request(headers, pretty), { secret: publicHex, now: NOW })).toMatchObject({
      failure: 'body_reserialized',
    });
  });

  it("rejects another application's key, as verifyKey does", async () => {
    const headers = discordHeaders(privateKey, NOW, BODY);
    const other = keyPair().publicHex;
    expect(await verifyKey(BODY, headers[0]![1], headers[1]![1], other)).toBe(false);
    expect(discord.verify(request(headers), { secret: other, now: NOW })).toMatchObject({
      failure: 'signature_mismatch',
    });
  });

  it('says when the secret is not a public key at all', () => {
    const headers = discordHeaders(privateKey, NOW, BODY);
    const token = discord.verify(request(headers), {
      secret: 'MTE4MDAwMDAwMDAwMDAwMDAwMA.GhIjKl.bot-token-shape',
      now: NOW,
    });
    expect(token).toMatchObject({ failure: 'secret_format' });
    expect(token.reason).toContain('64 hex characters');
    const short = discord.verify(request(headers), { secret: publicHex.slice(0, 40), now: NOW });
    expect(short.reason).toContain('has 40 hex characters');
    const quoted = discord.verify(request(headers), { secret: `"${publicHex}"`, now: NOW });
    expect(quoted).toMatchObject({ failure: 'secret_format' });
  });

  it('rejects a stale timestamp once a tolerance is set (the signature covers it)', async () => {
    const headers = discordHeaders(privateKey, NOW, BODY);
    expect(discord.verify(request(headers), { secret: publicHex, now: NOW + 3600 })).toMatchObject({
      valid: true,
      skewSec: -3600,
    });
    const stale = discord.verify(request(headers), { secret: publicHex, now: NOW + 3600, toleranceSec: 300 });
    expect(stale).toMatchObject({ failure: 'timestamp_out_of_tolerance', skewSec: -3600 });
    expect(stale.reason).toContain('3600 s old');
    // A replayed signature with a fresh timestamp fails outright.
    const moved: HeaderPair[] = [headers[0]!, ['X-Signature-Timestamp', String(NOW + 3600)]];
    expect(await verifyKey(BODY, moved[0]![1], moved[1]![1], publicHex)).toBe(false);
    expect(discord.verify(request(moved), { secret: publicHex, now: NOW + 3600 })).toMatchObject({
      failure: 'signature_mismatch',
    });
  });

  it('reports missing headers', () => {
    expect(discord.verify(request([]), { secret: publicHex })).toMatchObject({ failure: 'missing_header' });
    const noTs = discord.verify(request([discordHeaders(privateKey, NOW, BODY)[0]!]), { secret: publicHex });
    expect(noTs.reason).toContain('X-Signature-Timestamp is missing');
  });

  it('reports malformed headers', () => {
    const short = discord.verify(
      request([
        ['X-Signature-Ed25519', 'abcd'],
        ['X-Signature-Timestamp', String(NOW)],
      ]),
      { secret: publicHex },
    );
    expect(short).toMatchObject({ failure: 'malformed_header' });
    expect(short.reason).toContain('128 hex characters');
    const [sig] = discordHeaders(privateKey, NOW, BODY);
    const badTs = discord.verify(request([sig!, ['X-Signature-Timestamp', 'yesterday']]), { secret: publicHex });
    expect(badTs.reason).toContain('"yesterday" is not a unix time');
  });
});
