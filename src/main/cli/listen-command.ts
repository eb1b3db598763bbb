/*
 * `hooklens listen`: headless capture in a terminal. It runs the same core as the app (capture
 * listener, store, tunnel unless --no-tunnel, auto-forward with its retries when --forward-to is
 * given) on the same data directory, prints `Capture URL:` and `Public URL:` lines as `serve`
 * does, then one line per delivery, and on SIGINT/SIGTERM stops and prints a summary.
 *
 * The data directory has one writer (the store's LOCK): while the app or `serve` holds it, listen
 * refuses with a clear message instead of sharing it. Two journals written at once would
 * interleave, and each process would hold an index the other never sees; refusing keeps every
 * acknowledged capture safe, and the app shows listen's captures the next time it opens the
 * directory. Use --data-dir to listen beside a running app.
 *
 * A delivery's line is printed once it is settled: at once without --forward-to, after the last
 * forward attempt with it (retries of 5xx and connection errors as the app does). Lines go to
 * stdout (JSON, one object per line, with --json); everything else to stderr.
 */
import type { CaptureSummary, HeaderPair } from '../../shared/capture';
import { HooklensError } from '../../shared/errors';
import type { ForwardAttempt } from '../../shared/replay/types';
import type { TunnelStatus } from '../../shared/api/tunnel';
import type { Endpoint } from '../../shared/api/endpoints';
import { targetUrlProblem } from '../../shared/replay/target-url';
import { deliveryEventType } from '../core/catalog';
import { createHooklensCore, type HooklensCore } from '../core/hooklens-core';
import { resolveDataDir } from '../data-dir';
import { parseOptions, UsageError, type OptionSpec } from './cli-args';
import { listenerOptions } from './listener-options';
import type { CliIo } from './signature-commands';

export const LISTEN_OPTIONS: Record<string, OptionSpec> = {
  'forward-to': { kind: 'string' },
  endpoint: { kind: 'string' },
  tunnel: { kind: 'boolean' },
  json: { kind: 'boolean' },
  'data-dir': { kind: 'string' },
  'capture-port': { kind: 'string' },
  'capture-host': { kind: 'string' },
  'tunnel-host': { kind: 'string' },
  subdomain: { kind: 'string' },
};

export const LISTEN_USAGE = `hooklens listen [--forward-to URL] [--endpoint SLUG] [--no-tunnel] [--json] [--data-dir DIR]
                  [--capture-port N] [--capture-host H] [--tunnel-host URL] [--subdomain NAME]`;

export interface DeliveryLine {
  time: string;
  captureId: string;
  endpointId: string;
  method: string;
  path: string;
  provider: string | null;
  eventType: string | null;
  /** Null when no secret is stored for the provider (or no provider was detected). */
  signature: { valid: boolean; reason: string } | null;
  capture: { status: number; ms: number };
  /** Null when not forwarding. */
  forward: {
    state: ForwardAttempt['state'] | 'cancelled';
    status: number | null;
    attempts: number;
    ms: number;
    error: string | null;
    url: string;
  } | null;
}

interface Pending {
  summary: CaptureSummary;
  details?: Promise<Omit<DeliveryLine, 'forward'>>;
  last?: ForwardAttempt;
  printed: boolean;
}

export interface ListenSession {
  captureUrl: string;
  /** Stops listening, settles what is in flight, prints the summary; resolves to the exit code. */
  stop(): Promise<number>;
}

function clock(iso: string): string {
  return iso.slice(11, 19);
}

function textLine(line: DeliveryLine): string {
  const parts = [clock(line.time), line.method.padEnd(6), line.path, line.provider ?? '-', line.eventType ?? '-'];
  if (line.signature)
    parts.push(line.signature.valid ? 'signature valid' : `signature INVALID (${line.signature.reason})`);
  const f = line.forward;
  if (!f) parts.push(`captured ${line.capture.status} (${Math.round(line.capture.ms)} ms)`);
  else if (f.state === 'delivered')
    parts.push(`forwarded ${f.status} (${Math.round(f.ms)} ms${f.attempts > 1 ? `, attempt ${f.attempts}` : ''})`);
  else if (f.state === 'cancelled')
    parts.push(
      `forward cancelled at stop after ${f.attempts} attempt${f.attempts === 1 ? '' : 's'}${f.error ? `: ${f.error}` : f.status ? `: ${f.status}` : ''}`,
    );
  else
    parts.push(
      `forward FAILED after ${f.attempts} attempt${f.attempts === 1 ? '' : 's'}: ${f.error ?? f.status} (${Math.round(f.ms)} ms)`,
    );
  return parts.join('  ');
}

async function openCore(args: Parameters<typeof createHooklensCore>[0]): Promise<HooklensCore> {
  try {
    return await createHooklensCore(args);
  } catch (err) {
    if (err instanceof HooklensError && err.code === 'store_failed' && /in use/.test(err.message)) {
      throw new HooklensError(
        'store_failed',
        `${err.message} hooklens listen does not share a data directory with a running Hooklens: close it, or pass --data-dir DIR to listen elsewhere (${args.dataDir}).`,
      );
    }
    throw err;
  }
}

async function findOrCreateEndpoint(core: HooklensCore, slug: string): Promise<Endpoint> {
  const existing = (await core.api.listEndpoints()).find((e) => e.slug === slug.toLowerCase());
  return existing ?? core.api.createEndpoint({ name: slug, slug });
}

export async function startListen(argv: string[], io: CliIo): Promise<ListenSession> {
  const opts = parseOptions(argv, LISTEN_OPTIONS);
  const forwardTo = typeof opts['forward-to'] === 'string' ? opts['forward-to'].trim() : undefined;
  if (forwardTo !== undefined) {
    const problem = targetUrlProblem(forwardTo);
    if (problem) throw new UsageError(`--forward-to: ${problem}`);
  }
  const json = opts.json === true;
  const dataDir = resolveDataDir(opts['data-dir'] as string | undefined);
  const core = await openCore({
    dataDir,
    mode: 'headless',
    ...listenerOptions(opts),
    forwardTo: forwardTo ?? null,
    log: (line) => io.stderr(line),
  });

  let endpoint: Endpoint | undefined;
  try {
    if (typeof opts.endpoint === 'string') endpoint = await findOrCreateEndpoint(core, opts.endpoint);
  } catch (err) {
    await core.close();
    throw err;
  }
  const suffix = endpoint && endpoint.slug ? `e/${endpoint.slug}/` : '';
  const captureUrl = `${core.status().captureUrl}${suffix}`;
  io.stdout(`Capture URL: ${captureUrl}`);
  io.stderr(`Data directory: ${dataDir}`);
  io.stderr(
    forwardTo
      ? `Forwarding to: ${forwardTo} (the capture's path is appended)`
      : 'Not forwarding (pass --forward-to URL to forward).',
  );
  for (const notice of core.status().storeNotices)
    io.stderr(`Notice: ${notice.message}${notice.movedTo ? ` (old file: ${notice.movedTo})` : ''}`);

  let printedUrl: string | null = null;
  const printPublicUrl = (tunnel: TunnelStatus): void => {
    if (tunnel.state === 'online' && tunnel.url && tunnel.url !== printedUrl) {
      printedUrl = tunnel.url;
      io.stdout(`Public URL: ${tunnel.url.replace(/\/+$/, '')}/${suffix}`);
    }
  };

  const pending = new Map<string, Pending>();
  const counts = { captured: 0, delivered: 0, failed: 0, cancelled: 0, invalid: 0 };

  async function details(summary: CaptureSummary): Promise<Omit<DeliveryLine, 'forward'>> {
    const base = {
      time: summary.receivedAt,
      captureId: summary.id,
      endpointId: summary.endpointId,
      method: summary.method,
      path: summary.url,
      capture: { status: summary.status, ms: 0 },
    };
    try {
      const record = await core.api.getCapture(summary.id);
      const check = await core.api.checkSignature(summary.id);
      const headers: HeaderPair[] = record.headers;
      const body = Buffer.from(record.body.text, record.body.encoding === 'base64' ? 'base64' : 'utf8');
      return {
        ...base,
        capture: record.response,
        provider: check.providerId ?? null,
        eventType: deliveryEventType(headers, body, check.providerId) ?? null,
        signature: check.result ? { valid: check.result.valid, reason: check.result.reason } : null,
      };
    } catch (err) {
      io.stderr(`Could not read capture ${summary.id} back: ${err instanceof Error ? err.message : String(err)}`);
      return { ...base, provider: null, eventType: null, signature: null };
    }
  }

  async function print(entry: Pending, cancelled = false): Promise<void> {
    if (entry.printed) return;
    entry.printed = true;
    pending.delete(entry.summary.id);
    const info = await entry.details!;
    const last = entry.last;
    const forward: DeliveryLine['forward'] = !forwardTo
      ? null
      : {
          state: cancelled ? 'cancelled' : (last?.state ?? 'cancelled'),
          status: last?.status ?? null,
          attempts: last?.attempt ?? 0,
          ms: last?.ms ?? 0,
          error: last?.error ?? null,
          url: last?.url ?? forwardTo,
        };
    const line: DeliveryLine = { ...info, forward };
    if (line.signature && !line.signature.valid) counts.invalid += 1;
    if (forward?.state === 'delivered') counts.delivered += 1;
    else if (forward?.state === 'failed') counts.failed += 1;
    else if (forward) counts.cancelled += 1;
    io.stdout(json ? JSON.stringify(line) : textLine(line));
  }

  const unsubscribe = [
    core.events.on('tunnel:changed', printPublicUrl),
    core.events.on('capture:added', (summary) => {
      if (endpoint && summary.endpointId !== endpoint.id) return;
      counts.captured += 1;
      const entry: Pending = pending.get(summary.id) ?? { summary, printed: false };
      entry.summary = summary;
      entry.details = details(summary);
      pending.set(summary.id, entry);
      if (!forwardTo || (entry.last && entry.last.state !== 'retrying')) void print(entry);
    }),
    core.events.on('replay:forward-attempt', (attempt) => {
      const entry = pending.get(attempt.captureId);
      if (!entry) return;
      entry.last = attempt;
      if (attempt.state !== 'retrying' && entry.details) void print(entry);
      else if (attempt.state === 'retrying')
        io.stderr(
          `  retry: ${attempt.captureId} attempt ${attempt.attempt}/${attempt.maxAttempts} got ${attempt.error ?? attempt.status}; next in ${attempt.nextDelayMs} ms`,
        );
    }),
  ];
  printPublicUrl(core.status().tunnel);

  let stopping: Promise<number> | undefined;
  async function stop(): Promise<number> {
    // Nothing new comes in; what was answered 2xx is already in the store's journal.
    await core.listener.close();
    await Promise.allSettled([...pending.values()].map((p) => p.details));
    await core.close();
    for (const u of unsubscribe) u();
    for (const entry of [...pending.values()]) await print(entry, true);
    const forwardPart = forwardTo
      ? `; forwarded to ${forwardTo}: ${counts.delivered} delivered, ${counts.failed} failed${counts.cancelled ? `, ${counts.cancelled} cancelled at stop` : ''}`
      : '';
    const invalidPart = counts.invalid ? `; ${counts.invalid} with an invalid signature` : '';
    io.stderr(`Stopped: ${counts.captured} captured, stored in ${dataDir}${forwardPart}${invalidPart}.`);
    return 0;
  }

  return {
    captureUrl,
    stop: () => (stopping ??= stop()),
  };
}

/** The command: runs until SIGINT/SIGTERM, then exits with the summary printed. */
export async function runListen(argv: string[], io: CliIo): Promise<null> {
  const session = await startListen(argv, io);
  const onSignal = (): void => {
    void session.stop().then(
      (code) => process.exit(code),
      (err: unknown) => {
        io.stderr(`Error while stopping: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return null;
}
