import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../shared/check/types';
import { startCorrectHandler, startNaiveHandler, type TestHandler } from '../core/check/test-support/handlers';
import { runCheckCommand } from './check-command';
import { runCaptured } from './test-support/captured-io';

const SECRET = 'whsec_cli_check_0123456789abcdef';
let handlers: TestHandler[] = [];
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hooklens-check-cli-'));
});
afterEach(async () => {
  await Promise.all(handlers.map((h) => h.close()));
  handlers = [];
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[]) {
  const { code, io } = await runCaptured(runCheckCommand, args);
  return { code, out: io.out.join('\n'), err: io.err.join('\n') };
}

/** Checks a correct Stripe handler with catalog event `event`, only the `only` probes, as JSON. */
async function runStripeEvent(event: string, only: string) {
  const h = await startCorrectHandler('stripe', SECRET);
  handlers.push(h);
  const args = ['--target', h.url, '--provider', 'stripe', '--secret', SECRET, '--event', event];
  return run([...args, '--only', only, '--json']);
}

describe('hooklens check', () => {
  it('exits 0 against a correct handler, one line per probe', async () => {
    const h = await startCorrectHandler('stripe', SECRET);
    handlers.push(h);
    const r = await run(['--target', h.url, '--provider', 'stripe', '--secret', SECRET]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n').filter((l) => /^(PASS|WARN|FAIL) /.test(l));
    expect(lines).toHaveLength(10);
    expect(lines.every((l) => l.startsWith('PASS'))).toBe(true);
    expect(r.out).toMatch(/10 passed, 0 warned, 0 failed, 1 skipped in \d+ ms/);
    expect(r.out).not.toContain(SECRET);
  }, 30_000);

  it('exits 1 against the naive handler and names each failure', async () => {
    const h = await startNaiveHandler({ slowType: 'customer.subscription.updated', slowMs: 2_500 });
    handlers.push(h);
    const r = await run(['--target', h.url, '--provider', 'stripe', '--secret', SECRET, '--timeout-ms', '1000']);
    expect(r.code).toBe(1);
    const fails = r.out.split('\n').filter((l) => l.startsWith('FAIL'));
    expect(fails.join('\n')).toMatch(/accepts forged webhooks/);
    expect(fails.join('\n')).toMatch(/accepts unsigned webhooks/);
    expect(fails.join('\n')).toMatch(/fails on a repeated delivery: .*500/);
    expect(fails.join('\n')).toMatch(/Too slow/);
  }, 30_000);

  it('--json prints one report object; --only limits the probes; --capture-file is the source', async () => {
    const h = await startCorrectHandler('github', 'gh-secret');
    handlers.push(h);
    const file = join(dir, 'capture.json');
    const capture = {
      id: '01JCAPTURE',
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-GitHub-Event', 'push'],
        ['X-GitHub-Delivery', '72d3162e-cc78-11e3-81ab-4c9367dc0958'],
        ['X-Hub-Signature-256', 'sha256=stale'],
      ],
      body: { encoding: 'utf8', text: '{"ref":"refs/heads/main","commits":[]}' },
    };
    await writeFile(file, JSON.stringify(capture));
    const r = await run([
      '--target',
      h.url,
      '--provider',
      'github',
      '--secret',
      'gh-secret',
      '--capture-file',
      file,
      '--only',
      'valid,duplicate',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as CheckReport;
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['target', 'provider', 'probes', 'summary']));
    expect(report.source).toBe(`capture 01JCAPTURE from ${file}`);
    expect(report.probes.map((p) => p.id)).toEqual(['valid', 'duplicate']);
    for (const p of report.probes)
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['id', 'title', 'verdict', 'why', 'request', 'response']));
    // The capture's body and event went out re-signed, under a fresh delivery id.
    const sent = report.probes[0]!.request;
    expect(sent.body.text).toBe(capture.body.text);
    expect(sent.headers).toContainEqual(['X-GitHub-Event', 'push']);
    expect(sent.headers.find(([n]) => n === 'X-GitHub-Delivery')?.[1]).not.toBe('72d3162e-cc78-11e3-81ab-4c9367dc0958');
    expect(report.probes[1]!.notes[0]).toMatch(/Deduplicate on the X-GitHub-Delivery header/);
  }, 30_000);

  it('--event sends that event type from the built-in sample', async () => {
    const r = await runStripeEvent('charge.refunded', 'valid');
    const report = JSON.parse(r.out) as CheckReport;
    expect(JSON.parse(report.probes[0]!.request.body.text)).toMatchObject({ type: 'charge.refunded', object: 'event' });
  });

  it('--event takes the catalog event, and its lifecycle for the reverse-order probe', async () => {
    const r = await runStripeEvent('customer.subscription.updated', 'valid,reverse-order');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as CheckReport;
    expect(report.source).toBe('catalog event stripe customer.subscription.updated');
    expect(JSON.parse(report.probes[0]!.request.body.text)).toMatchObject({
      object: 'event',
      type: 'customer.subscription.updated',
      data: { object: { object: 'subscription' } },
    });
    const pair = report.probes[1]!;
    expect(pair.verdict).toBe('pass');
    expect(pair.attempts.map((a) => a.label)).toEqual([
      'customer.subscription.updated (the later event) first',
      'customer.subscription.created (the earlier event) second',
    ]);
    const objects = pair.attempts.map(
      (a) => (JSON.parse(a.request.body.text) as { data: { object: { id: string } } }).data.object.id,
    );
    expect(objects[0]).toBe(objects[1]);
  });

  it('exits 2 on unusable input, saying why plainly, with nothing on stdout', async () => {
    const h = await startCorrectHandler('stripe', SECRET);
    const url = h.url;
    await h.close();
    const cases: [string[], RegExp][] = [
      [['--target', url, '--provider', 'stripe', '--secret', SECRET], /nothing is listening on 127\.0\.0\.1:\d+/],
      [['--target', 'http://127.0.0.1:9/x', '--provider', 'nosuch', '--secret', 's'], /Unknown provider "nosuch"/],
      [['--target', 'not a url', '--provider', 'stripe', '--secret', 's'], /Target: "not a url" is not a valid URL/],
      [['--target', 'https://example.com/hook', '--provider', 'stripe', '--secret', 's'], /--allow-remote/],
      [['--target', url, '--provider', 'stripe', '--secret', 's', '--only', 'valid,bogus'], /Unknown probe bogus/],
      [['--target', url, '--provider', 'stripe'], /--secret is required/],
      [
        ['--target', url, '--provider', 'stripe', '--secret', 's', '--capture-file', join(dir, 'missing.json')],
        /cannot be read \(ENOENT\)/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    }
  });
});
