import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTunnelMemory } from './tunnel-memory';
import { createTunnelProbeRoute, probeChallenge, probeTarget } from './tunnel-probe';

describe('tunnel probe route', () => {
  it('answers only its own nonce with a well-formed challenge', () => {
    const route = createTunnelProbeRoute('nonce-one');
    const other = createTunnelProbeRoute();
    expect(route.path).toBe('/.hooklens-probe/nonce-one');
    expect(other.path).not.toBe(route.path);
    expect(probeChallenge(route, '/.hooklens-probe/nonce-one?c=abcdefgh12')).toBe('abcdefgh12');
    expect(route.answer('abcdefgh12')).toBe('hooklens-probe abcdefgh12');
    for (const url of [
      '/.hooklens-probe/nonce-two?c=abcdefgh12',
      '/.hooklens-probe/nonce-one',
      '/.hooklens-probe/nonce-one?c=short',
      '/.hooklens-probe/nonce-one?c=<script>alert(1)</script>',
      '/.hooklens-probe/nonce-one/x?c=abcdefgh12',
      '/hooks/stripe',
    ])
      expect(probeChallenge(route, url)).toBeNull();
  });

  it('goes to the public URL, or to a loopback server port for its port-less *.localhost URLs', () => {
    expect(probeTarget('https://abc.loca.lt', 'https://localtunnel.me')).toEqual({
      url: new URL('https://abc.loca.lt'),
      hostHeader: null,
    });
    const local = probeTarget('http://abc.localhost', 'http://localhost:41234');
    expect(local.url.href).toBe('http://localhost:41234/');
    expect(local.hostHeader).toBe('abc.localhost:41234');
    // A remote server's *.localhost URL is not ours to redirect.
    expect(probeTarget('http://abc.localhost', 'https://lt.example.com').hostHeader).toBeNull();
  });
});

describe('tunnel memory', () => {
  it('keeps the last URL across opens and ignores an unusable file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-tunnel-memory-'));
    try {
      const first = await openTunnelMemory(dir);
      expect(first.recall()).toBeNull();
      await first.remember({ host: 'http://localhost:1', subdomain: 'hooks-one', url: 'http://hooks-one.localhost' });
      expect((await openTunnelMemory(dir)).recall()).toEqual({
        host: 'http://localhost:1',
        subdomain: 'hooks-one',
        url: 'http://hooks-one.localhost',
      });

      await writeFile(
        path.join(dir, 'tunnel.json'),
        JSON.stringify({ last: { host: 'x', subdomain: '../etc', url: 'file:///' } }),
      );
      expect((await openTunnelMemory(dir)).recall()).toBeNull();
      await writeFile(path.join(dir, 'tunnel.json'), '{not json');
      const broken = await openTunnelMemory(dir);
      expect(broken.recall()).toBeNull();
      expect(await readFile(broken.setAsidePath!, 'utf8')).toBe('{not json');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
