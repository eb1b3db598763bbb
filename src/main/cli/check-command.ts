/*
 * `hooklens check`: plays the provider (and an attacker) against a handler and scores it, for a
 * terminal or a CI job. One line per probe as it finishes, then a total. Exit 0 when no probe
 * fails, 1 when one does, 2 when the input cannot be used (unknown provider, bad URL, a remote
 * target without --allow-remote, nothing listening), with the reason on stderr and nothing on
 * stdout. `--json` prints the whole report as one object instead. The secret is never printed.
 */
import { isProbeId, PROBE_IDS, type ProbeId } from '../../shared/check/types';
import { HooklensError } from '../../shared/errors';
import { probeLine, resolveProvider, runCheck, scorecardTail } from '../core/check';
import { eventSource, type EventSource } from '../core/check/catalog-source';
import { sourceFromFile } from '../core/check/source-file';
import { profileFor } from '../core/signatures/profiles';
import { parseOptions, UsageError, type OptionSpec } from './cli-args';
import type { CliIo } from './signature-commands';

export const CHECK_USAGE =
  'hooklens check --target URL --provider ID --secret S [--capture-file F | --event TYPE] [--only probe,…]\n' +
  '                 [--json] [--fast] [--allow-remote] [--timeout-ms N]';

export const CHECK_OPTIONS: Record<string, OptionSpec> = {
  target: { kind: 'string' },
  provider: { kind: 'string' },
  secret: { kind: 'string' },
  'capture-file': { kind: 'string' },
  event: { kind: 'string' },
  only: { kind: 'list' },
  json: { kind: 'boolean' },
  fast: { kind: 'boolean' },
  'allow-remote': { kind: 'boolean' },
  'timeout-ms': { kind: 'string' },
};

function need(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

function probeList(values: string[] | undefined): ProbeId[] | undefined {
  if (!values) return undefined;
  const ids = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const bad = ids.filter((id) => !isProbeId(id));
  if (bad.length) throw new UsageError(`Unknown probe ${bad.join(', ')}; probes are: ${PROBE_IDS.join(', ')}`);
  return ids as ProbeId[];
}

function timeoutOption(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < 50 || n > 30_000)
    throw new UsageError('--timeout-ms must be a whole number of milliseconds from 50 to 30000');
  return n;
}

async function source(
  opts: Record<string, unknown>,
  providerId: string,
  target: string,
): Promise<EventSource | undefined> {
  const file = opts['capture-file'];
  const event = opts.event;
  if (file !== undefined && event !== undefined) throw new UsageError('Give --capture-file or --event, not both');
  const provider = resolveProvider(providerId);
  if (typeof file === 'string') return { source: await sourceFromFile(file, provider) };
  if (typeof event !== 'string') return undefined;
  const profile = profileFor(provider);
  const picked = eventSource(providerId, provider, profile, event, target);
  if (picked.source.label.startsWith('built-in') && !profile.eventType) {
    throw new UsageError(`${profile.name} deliveries carry no event type and the catalog has no "${event}" for it`);
  }
  return picked;
}

export async function runCheckCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    return await check(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n\nUsage: ${CHECK_USAGE}`);
      return 2;
    }
    if (err instanceof HooklensError) {
      io.stderr(`Error: ${err.message}`);
      return 2;
    }
    throw err;
  }
}

async function check(argv: string[], io: CliIo): Promise<number> {
  const opts = parseOptions(argv, CHECK_OPTIONS);
  const target = need(opts.target, 'target');
  const providerId = need(opts.provider, 'provider');
  const secret = need(opts.secret, 'secret');
  const only = probeList(opts.only as string[] | undefined);
  const timeoutMs = timeoutOption(opts['timeout-ms']);
  const json = opts.json === true;
  const picked = await source(opts, providerId, target);
  const outcome = await runCheck(
    {
      target,
      providerId,
      secret,
      ...(picked ? { source: picked.source } : {}),
      ...(picked?.reversePair ? { reversePair: picked.reversePair } : {}),
      only,
      fast: opts.fast === true,
      allowRemote: opts['allow-remote'] === true,
      timeoutMs,
    },
    json
      ? {}
      : {
          onStart: () => io.stdout(`Checking ${target} as ${providerId}`),
          onProbe: (p) => {
            io.stdout(probeLine(p));
            for (const note of p.notes) io.stdout(`      ${note}`);
          },
        },
  );
  if (outcome.kind === 'unreachable') {
    io.stderr(`Error: ${outcome.message}: start the handler first, or check --target.`);
    return 2;
  }
  const { report } = outcome;
  if (json) io.stdout(JSON.stringify(report, null, 2));
  // The probe lines are already out as they finished.
  else io.stdout(scorecardTail(report));
  return report.summary.fail > 0 ? 1 : 0;
}
