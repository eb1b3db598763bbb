/*
 * Handler check: the plan of each capture's check (provider, target, whether a secret is stored,
 * the CLI line) and its latest run, built up from the `check:*` events as probes finish. Events
 * can arrive before `startCheck` answers (they travel on another channel), so a run is matched by
 * capture first and by run id once one is known; events of an older run are ignored.
 */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { CheckFinishedEvent, CheckPlan, CheckProbeEvent, CheckStartedEvent } from '../../../shared/api/check';
import type { CheckReport, ProbeResult, SkippedProbe } from '../../../shared/check/types';
import { isErrorCode } from '../../../shared/errors';
import type { AppState } from './app-state';

export type CheckRunStatus = 'starting' | 'running' | 'done' | 'unreachable' | 'failed';

export interface CheckRun {
  runId: string | null;
  status: CheckRunStatus;
  target: string;
  planned: { id: string; title: string }[];
  skipped: SkippedProbe[];
  results: ProbeResult[];
  report: CheckReport | null;
  /** Why the run did not produce a report (nothing listening, refused input). */
  message: string | null;
}

export type CheckPlanState = { plan: CheckPlan; error: null } | { plan: null; error: string; code: string };

export interface CheckSlice {
  checkPlans: Record<string, CheckPlanState>;
  checkRuns: Record<string, CheckRun>;
  loadCheckPlan(captureId: string): Promise<void>;
  /** Starts (or re-runs) the check of a capture; `allowRemote` after the user confirmed a remote target. */
  startCheck(captureId: string, options?: { allowRemote?: boolean }): Promise<void>;
  checkStarted(e: CheckStartedEvent): void;
  checkProbe(e: CheckProbeEvent): void;
  checkFinished(e: CheckFinishedEvent): void;
}

function errorOf(err: unknown): { code: string; message: string } {
  const e = err as { code?: unknown; message?: unknown };
  return {
    code: typeof e?.code === 'string' && isErrorCode(e.code) ? e.code : 'internal',
    message: typeof e?.message === 'string' ? e.message : String(err),
  };
}

export const createCheckSlice =
  (api: HooklensClient): StateCreator<AppState, [], [], CheckSlice> =>
  (set, get) => {
    /** Applies `patch` to the capture's current run when `runId` is that run (or the run does not know its id yet). */
    const update = (captureId: string, runId: string, patch: (run: CheckRun) => Partial<CheckRun>): void =>
      set((s) => {
        const run = s.checkRuns[captureId];
        if (!run || (run.runId !== null && run.runId !== runId)) return s;
        return { checkRuns: { ...s.checkRuns, [captureId]: { ...run, runId, ...patch(run) } } };
      });

    return {
      checkPlans: {},
      checkRuns: {},

      async loadCheckPlan(captureId) {
        try {
          const plan = await api.getCheckPlan(captureId);
          set((s) => ({ checkPlans: { ...s.checkPlans, [captureId]: { plan, error: null } } }));
        } catch (err) {
          const { code, message } = errorOf(err);
          set((s) => ({ checkPlans: { ...s.checkPlans, [captureId]: { plan: null, error: message, code } } }));
        }
      },

      async startCheck(captureId, options = {}) {
        const target = get().checkPlans[captureId]?.plan?.target ?? '';
        const fresh: CheckRun = {
          runId: null,
          status: 'starting',
          target,
          planned: [],
          skipped: [],
          results: [],
          report: null,
          message: null,
        };
        set((s) => ({ checkRuns: { ...s.checkRuns, [captureId]: fresh } }));
        try {
          const { runId } = await api.startCheck({ captureId, allowRemote: options.allowRemote === true });
          set((s) => {
            const run = s.checkRuns[captureId];
            return run && run.runId === null ? { checkRuns: { ...s.checkRuns, [captureId]: { ...run, runId } } } : s;
          });
        } catch (err) {
          set((s) => ({
            checkRuns: { ...s.checkRuns, [captureId]: { ...fresh, status: 'failed', message: errorOf(err).message } },
          }));
        }
      },

      checkStarted: (e) =>
        update(e.captureId, e.runId, () => ({
          status: 'running',
          target: e.target,
          planned: e.probes,
          skipped: e.skipped,
        })),
      checkProbe: (e) =>
        update(e.captureId, e.runId, (run) => ({
          status: 'running',
          results: [...run.results.filter((r) => r.id !== e.result.id), e.result],
        })),
      checkFinished: (e) =>
        update(e.captureId, e.runId, () => {
          switch (e.kind) {
            case 'report':
              return { status: 'done', report: e.report, results: e.report.probes, skipped: e.report.skipped };
            case 'unreachable':
              return { status: 'unreachable', message: e.message };
            case 'failed':
              return { status: 'failed', message: e.message };
            default: {
              const never: never = e;
              return never;
            }
          }
        }),
    };
  };
