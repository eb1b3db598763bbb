/*
 * Handler-check shapes shared by the core, the CLI's --json output and the renderer. A check
 * plays a provider (and an attacker) against the user's handler: each probe sends one or more
 * requests and gives a verdict with one sentence of why, the request exactly as sent and what came
 * back. These shapes are the `--json` contract, so fields are only ever added.
 */
import type { HeaderPair } from '../capture';
import type { ReplayRequest } from '../replay/types';

export type CheckVerdict = 'pass' | 'warn' | 'fail';

export const PROBE_IDS = [
  'valid',
  'forged-body',
  'unsigned',
  'wrong-secret',
  'stale-timestamp',
  'duplicate',
  'retry',
  'reverse-order',
  'unknown-type',
  'large-body',
  'response-time',
] as const;

export type ProbeId = (typeof PROBE_IDS)[number];

export function isProbeId(value: string): value is ProbeId {
  return (PROBE_IDS as readonly string[]).includes(value);
}

/** What came back for one request: an HTTP answer, or a connection outcome (refused, timed out…). */
export type ProbeResponse =
  | { kind: 'response'; status: number; headers: HeaderPair[]; bodyExcerpt: string; bodySize: number; ms: number }
  | { kind: 'error'; error: string; timedOut: boolean; ms: number };

export interface ProbeAttempt {
  /** What this request was, e.g. "copy 3 of 5 (concurrent)". */
  label: string;
  /** As sent; a body over 64 KiB is cut to its first 64 KiB here (see `requestBodyBytes`). */
  request: ReplayRequest;
  /** Size of the body that was sent, when `request.body` shows only its start. */
  requestBodyBytes?: number;
  response: ProbeResponse;
  /** The replay-history entry holding this send, when the check was recorded. */
  replayId?: string;
}

export interface ProbeResult {
  id: ProbeId;
  title: string;
  verdict: CheckVerdict;
  /** One sentence a developer can act on. */
  why: string;
  /** Further facts: the field to deduplicate on, what the user must still check by hand. */
  notes: string[];
  /** The request that decided the verdict, exactly as sent. */
  request: ReplayRequest;
  response: ProbeResponse;
  /** Its replay-history entry, when the check was recorded (in the app). */
  replayId?: string;
  /** Every request the probe sent, in order (one for most probes). */
  attempts: ProbeAttempt[];
}

export interface SkippedProbe {
  id: ProbeId;
  title: string;
  why: string;
}

export interface CheckSummary {
  pass: number;
  warn: number;
  fail: number;
  skipped: number;
  /** Wall time of the whole run. */
  ms: number;
}

export interface CheckProfileFacts {
  providerId: string;
  name: string;
  timeoutMs: number;
  timeoutDocumented: boolean;
  retrySchedule: string;
  eventId: string | null;
  eventType: string | null;
  toleranceSec: number | null;
  maxPayloadBytes: number | null;
  docs: string;
}

export interface CheckReport {
  target: string;
  provider: string;
  profile: CheckProfileFacts;
  /** Where the delivery the probes derive from came from. */
  source: string;
  startedAt: string;
  probes: ProbeResult[];
  skipped: SkippedProbe[];
  summary: CheckSummary;
}

/** Worst verdict first, so a scorecard reads from what needs fixing. */
export function verdictRank(v: CheckVerdict): number {
  switch (v) {
    case 'fail':
      return 0;
    case 'warn':
      return 1;
    case 'pass':
      return 2;
    default: {
      const never: never = v;
      return never;
    }
  }
}
