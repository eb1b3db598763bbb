/*
 * What every probe gets: the provider and its profile, the source delivery, and helpers that sign
 * and send within the check's bounds and record each send. Verdict wording lives in the probes;
 * the classification of an answer (2xx, 4xx, 5xx, no answer…) lives here so every probe reads
 * answers the same way.
 */
import type { CheckVerdict, ProbeAttempt, ProbeId, ProbeResponse, ProbeResult } from '../../../shared/check/types';
import type { ReplayRequest } from '../../../shared/replay/types';
import type { ProviderProfile } from '../signatures/profile';
import type { Provider } from '../signatures/types';
import { describeLocation, type Delivery } from './delivery';

export interface ProbeContext {
  provider: Provider;
  profile: ProviderProfile;
  secret: string;
  target: string;
  source: Delivery;
  timeoutMs: number;
  /** Unix seconds. */
  now(): number;
  /** A fresh-id copy of the source delivery. */
  fresh(): Delivery;
  /** Signs with the right secret and the current time unless told otherwise. */
  sign(d: Delivery, opts?: { secret?: string; timestamp?: number }): ReplayRequest;
  send(probe: ProbeId, label: string, request: ReplayRequest): Promise<ProbeAttempt>;
  /** Attempts of the probes that ran before this one (the response-time probe reads them). */
  earlier: ProbeAttempt[];
  /** Two ready deliveries about one object (from the test-event catalog); otherwise the profile's pair is built. */
  reversePair?: ReversePair;
}

export interface ReversePair {
  first: { type: string; delivery: Delivery };
  second: { type: string; delivery: Delivery };
  why: string;
}

export interface ProbeDefinition {
  id: ProbeId;
  title: string;
  /** Sends a lot of data or waits long; left out by `--fast` and the bench. */
  slow?: boolean;
  /** Why the probe does not apply to this provider or delivery, when it does not. */
  skip?(ctx: ProbeContext): string | undefined;
  run(ctx: ProbeContext): Promise<ProbeResult>;
}

export type AnswerClass = '2xx' | '3xx' | '413' | '4xx' | '5xx' | 'timeout' | 'error' | 'other';

export function classify(r: ProbeResponse): AnswerClass {
  if (r.kind === 'error') return r.timedOut ? 'timeout' : 'error';
  if (r.status >= 200 && r.status < 300) return '2xx';
  if (r.status >= 300 && r.status < 400) return '3xx';
  if (r.status === 413) return '413';
  if (r.status >= 400 && r.status < 500) return '4xx';
  if (r.status >= 500 && r.status < 600) return '5xx';
  return 'other';
}

export function describeAnswer(r: ProbeResponse): string {
  if (r.kind === 'error') return r.error;
  return `${r.status} in ${r.ms} ms`;
}

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** "Stripe's 10 s timeout" or, when Stripe publishes none, "the 10 s Hooklens allows for Stripe". */
export function timeoutPhrase(ctx: ProbeContext): string {
  const { profile, timeoutMs } = ctx;
  if (timeoutMs !== profile.timeoutMs) return `the ${seconds(timeoutMs)} budget given`;
  return profile.timeoutDocumented
    ? `${profile.name}'s ${seconds(timeoutMs)} timeout`
    : `the ${seconds(timeoutMs)} allowed for ${profile.name} (it publishes no timeout)`;
}

export function dedupeField(profile: ProviderProfile): string {
  return profile.dedupeHint ?? describeLocation(profile.eventId) ?? 'a field that identifies the event';
}

export function result(
  def: Pick<ProbeDefinition, 'id' | 'title'>,
  verdict: CheckVerdict,
  why: string,
  attempts: ProbeAttempt[],
  decisive: ProbeAttempt = attempts[attempts.length - 1]!,
  notes: string[] = [],
): ProbeResult {
  return {
    id: def.id,
    title: def.title,
    verdict,
    why,
    notes,
    request: decisive.request,
    response: decisive.response,
    ...(decisive.replayId ? { replayId: decisive.replayId } : {}),
    attempts,
  };
}
