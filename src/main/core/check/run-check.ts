/*
 * One handler check: validates the target and provider, builds the source delivery, runs the
 * chosen probes in a fixed order (the valid delivery first, response times last) and reports each
 * as it finishes. Bounded: at most ~15 requests, each within the provider's timeout (capped at
 * 30 s), bodies capped at 32 MB. Probes read captures and never write them; each send can be
 * recorded through `record` (the app puts them in the replay history).
 */
import { performance } from 'node:perf_hooks';
import type { CheckReport, ProbeAttempt, ProbeId, ProbeResult, SkippedProbe } from '../../../shared/check/types';
import { HooklensError } from '../../../shared/errors';
import type { ReplayOutcome, ReplayRequest } from '../../../shared/replay/types';
import type { ProviderProfile } from '../signatures/profile';
import { profileFor } from '../signatures/profiles';
import { getProvider } from '../signatures/registry';
import type { Provider } from '../signatures/types';
import { deliveryFromEvent, describeLocation, withFreshId, type Delivery } from './delivery';
import type { ProbeContext, ProbeDefinition, ReversePair } from './probe-context';
import { sendProbe, signedRequest } from './probe-request';
import {
  duplicateProbe,
  largeBodyProbe,
  responseTimeProbe,
  retryProbe,
  reverseOrderProbe,
  unknownTypeProbe,
  validProbe,
} from './probes-delivery';
import { forgedBodyProbe, staleTimestampProbe, unsignedProbe, wrongSecretProbe } from './probes-signature';
import { parseTarget, reachability } from './target';

export const PROBES: ProbeDefinition[] = [
  validProbe,
  forgedBodyProbe,
  unsignedProbe,
  wrongSecretProbe,
  staleTimestampProbe,
  duplicateProbe,
  retryProbe,
  reverseOrderProbe,
  unknownTypeProbe,
  largeBodyProbe,
  responseTimeProbe,
];

const MAX_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 2_000;

export interface SourceInput {
  delivery: Delivery;
  /** For the report: "capture 01J…", "catalog event invoice.paid", "built-in Stripe sample". */
  label: string;
}

export interface CheckOptions {
  target: string;
  providerId: string;
  secret: string;
  /** The delivery the probes derive from; defaults to the profile's sample event. */
  source?: SourceInput;
  only?: ProbeId[];
  /** Leave out slow probes (large bodies). */
  fast?: boolean;
  /** Probes send forged requests: a non-loopback target must be allowed explicitly. */
  allowRemote?: boolean;
  /** Overrides the provider's timeout (a stricter budget of your own, or quick tests). */
  timeoutMs?: number;
  /** Unix seconds; defaults to the clock. */
  now?: () => number;
  /** Two events about one object for the reverse-order probe, instead of the profile's pair. */
  reversePair?: ReversePair;
}

export interface RecordedSend {
  probe: ProbeId;
  label: string;
  request: ReplayRequest;
  outcome: ReplayOutcome;
  ms: number;
}

export interface CheckHooks {
  /** Called before the first probe with the ones that will run. */
  onStart?(plan: { probes: { id: ProbeId; title: string }[]; skipped: SkippedProbe[] }): void;
  onProbe?(result: ProbeResult, index: number, total: number): void;
  /** Stores one send; returns the id it was stored under. */
  record?(send: RecordedSend): Promise<string | undefined>;
}

export type CheckOutcome =
  { kind: 'report'; report: CheckReport } | { kind: 'unreachable'; target: string; provider: string; message: string };

export function resolveProvider(providerId: string): Provider {
  const provider = getProvider(providerId);
  if (!provider)
    throw new HooklensError('unknown_provider', `Unknown provider "${providerId}": \`hooklens providers\` lists them.`);
  if (!provider.sign)
    throw new HooklensError(
      'invalid_argument',
      `${provider.name} signatures can be checked but not created, so Hooklens cannot play ${provider.name}.`,
    );
  return provider;
}

export function sampleSource(profile: ProviderProfile, now: number): SourceInput {
  const sample = profile.sample(now);
  return {
    delivery: deliveryFromEvent(profile, sample.type, sample.body),
    label: `built-in ${profile.name} sample (${sample.type})`,
  };
}

function planProbes(options: CheckOptions, ctx: ProbeContext): { run: ProbeDefinition[]; skipped: SkippedProbe[] } {
  const wanted = PROBES.filter((p) => (options.only ? options.only.includes(p.id) : true));
  const run: ProbeDefinition[] = [];
  const skipped: SkippedProbe[] = [];
  for (const p of wanted) {
    const why = p.slow && options.fast ? 'Slow probe left out (--fast).' : p.skip?.(ctx);
    if (why) skipped.push({ id: p.id, title: p.title, why });
    else run.push(p);
  }
  return { run, skipped };
}

export async function runCheck(options: CheckOptions, hooks: CheckHooks = {}): Promise<CheckOutcome> {
  const started = performance.now();
  const target = parseTarget(options.target, options.allowRemote === true).href;
  const provider = resolveProvider(options.providerId);
  if (typeof options.secret !== 'string' || options.secret === '')
    throw new HooklensError('invalid_argument', `A ${provider.name} secret is needed to sign the probes.`);
  const profile = profileFor(provider);
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const timeoutMs = Math.min(MAX_TIMEOUT_MS, options.timeoutMs ?? profile.timeoutMs);
  const unreachable = await reachability(new URL(target), CONNECT_TIMEOUT_MS);
  if (unreachable) return { kind: 'unreachable', target, provider: provider.id, message: unreachable };

  const source = options.source ?? sampleSource(profile, now());
  const idHeader = profile.eventId?.in === 'header' ? profile.eventId.name : undefined;
  const earlier: ProbeAttempt[] = [];
  const ctx: ProbeContext = {
    provider,
    profile,
    secret: options.secret,
    target,
    source: source.delivery,
    timeoutMs,
    now,
    earlier,
    ...(options.reversePair ? { reversePair: options.reversePair } : {}),
    fresh: () => withFreshId(source.delivery, profile),
    sign: (d, opts) =>
      signedRequest(
        d,
        provider,
        target,
        { secret: opts?.secret ?? options.secret, timestamp: opts?.timestamp ?? now() },
        idHeader,
      ),
    async send(probe, label, request) {
      const { attempt, outcome, sent } = await sendProbe(label, request, timeoutMs);
      // The full request goes to the recorder; the report keeps a bounded copy.
      const replayId = await hooks
        .record?.({ probe, label, request: sent, outcome, ms: attempt.response.ms })
        .catch(() => undefined);
      return replayId ? { ...attempt, replayId } : attempt;
    },
  };

  const { run, skipped } = planProbes(options, ctx);
  hooks.onStart?.({ probes: run.map((p) => ({ id: p.id, title: p.title })), skipped });
  const probes: ProbeResult[] = [];
  for (const [index, probe] of run.entries()) {
    const res = await probe.run.call(probe, ctx);
    earlier.push(...res.attempts);
    probes.push(res);
    hooks.onProbe?.(res, index, run.length);
  }
  const count = (v: ProbeResult['verdict']) => probes.filter((p) => p.verdict === v).length;
  const report: CheckReport = {
    target,
    provider: provider.id,
    profile: {
      providerId: profile.providerId,
      name: profile.name,
      timeoutMs: profile.timeoutMs,
      timeoutDocumented: profile.timeoutDocumented,
      retrySchedule: profile.retrySchedule,
      eventId: profile.dedupeHint ?? describeLocation(profile.eventId),
      eventType: describeLocation(profile.eventType),
      toleranceSec: profile.toleranceSec ?? null,
      maxPayloadBytes: profile.maxPayloadBytes ?? null,
      docs: profile.docs,
    },
    source: source.label,
    startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
    probes,
    skipped,
    summary: {
      pass: count('pass'),
      warn: count('warn'),
      fail: count('fail'),
      skipped: skipped.length,
      ms: Math.round(performance.now() - started),
    },
  };
  return { kind: 'report', report };
}
