import type { CheckReport, ProbeId, ProbeResult, SkippedProbe } from '../check/types';

/** What a check of one capture would do, shown before it runs. */
export interface CheckPlan {
  captureId: string;
  providerId: string;
  providerName: string;
  /** The replay target plus the capture's path. */
  target: string;
  /** False for a remote target: the UI asks before sending forged requests there. */
  loopback: boolean;
  /** A signing secret is stored for this endpoint and provider. */
  hasSecret: boolean;
  /** The same check as a `hooklens check` command line; the secret stays an environment variable. */
  command: string;
}

export interface CheckStartInput {
  captureId: string;
  /** Defaults to the plan's target. */
  target?: string;
  /** Required (true) when the target is not loopback. */
  allowRemote?: boolean;
  only?: ProbeId[];
}

export interface CheckMethods {
  getCheckPlan(captureId: string): Promise<CheckPlan>;
  /** Starts a check in the background; progress arrives as check:* events carrying `runId`. */
  startCheck(input: CheckStartInput): Promise<{ runId: string }>;
}

export const checkMethodNames = {
  getCheckPlan: true,
  startCheck: true,
} as const satisfies Record<keyof CheckMethods, true>;

export interface CheckStartedEvent {
  runId: string;
  captureId: string;
  target: string;
  probes: { id: ProbeId; title: string }[];
  skipped: SkippedProbe[];
}

export interface CheckProbeEvent {
  runId: string;
  captureId: string;
  index: number;
  total: number;
  result: ProbeResult;
}

export type CheckFinishedEvent =
  | { runId: string; captureId: string; kind: 'report'; report: CheckReport }
  | { runId: string; captureId: string; kind: 'unreachable'; message: string }
  | { runId: string; captureId: string; kind: 'failed'; code: string; message: string };

export interface CheckEvents {
  'check:started': CheckStartedEvent;
  'check:probe': CheckProbeEvent;
  'check:finished': CheckFinishedEvent;
}
