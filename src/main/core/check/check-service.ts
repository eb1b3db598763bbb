/*
 * The handler check inside the app: plans a check of one capture (provider, target, whether a
 * secret is stored, the equivalent CLI line) and runs it in the background, streaming each probe
 * as a `check:probe` event. Every probe request lands in the replay history (source 'check'), so
 * it can be opened, compared and re-sent; the capture itself is only read, never written.
 */
import type { CheckMethods, CheckPlan, CheckStartInput } from '../../../shared/api/check';
import type { CaptureRecord } from '../../../shared/capture';
import { isProbeId, type ProbeId } from '../../../shared/check/types';
import { HooklensError } from '../../../shared/errors';
import { newCaptureId } from '../capture/capture-id';
import type { CoreEvents } from '../events';
import type { ReplayService } from '../replay/replay-service';
import type { CoreService } from '../service';
import { profileFor } from '../signatures/profiles';
import { detectProviders } from '../signatures/registry';
import type { Provider } from '../signatures/types';
import type { CaptureStore } from '../store/types';
import { deliveryFromCapture, getField } from './delivery';
import { runCheck } from './run-check';
import { isLoopbackHost, parseTarget } from './target';

const MAX_RECORDED_BODY_CHARS = 1024 * 1024;

export interface CheckServiceDeps {
  store: CaptureStore;
  events: CoreEvents;
  replay: Pick<ReplayService, 'record' | 'targetFor'>;
  getSecret(endpointId: string, providerId: string): Promise<string | undefined>;
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function checkCommand(
  target: string,
  provider: Provider,
  eventType: string | undefined,
  remote: boolean,
): string {
  const envName = `${provider.id.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_WEBHOOK_SECRET`;
  return [
    'hooklens check',
    `--target ${shellQuote(target)}`,
    `--provider ${provider.id}`,
    `--secret "$${envName}"`,
    ...(eventType ? [`--event ${shellQuote(eventType)}`] : []),
    ...(remote ? ['--allow-remote'] : []),
  ].join(' ');
}

export function createCheckService(deps: CheckServiceDeps): CoreService<CheckMethods> {
  const running = new Map<string, Promise<void>>();

  async function load(captureId: unknown): Promise<CaptureRecord> {
    if (typeof captureId !== 'string' || captureId === '')
      throw new HooklensError('invalid_argument', 'captureId must be a capture id.');
    const record = await deps.store.get(captureId);
    if (!record)
      throw new HooklensError('not_found', `Capture ${captureId} does not exist (it may have been deleted).`);
    return record;
  }

  function providerOf(record: CaptureRecord): Provider {
    const body = Buffer.from(record.body.text, record.body.encoding === 'base64' ? 'base64' : 'utf8');
    const provider = detectProviders({ method: record.method, headers: record.headers, body }).find((p) => p.sign);
    if (!provider)
      throw new HooklensError(
        'invalid_argument',
        'No signature provider Hooklens can sign for is recognised on this capture, so it cannot play the sender.',
      );
    return provider;
  }

  async function plan(record: CaptureRecord): Promise<CheckPlan> {
    const provider = providerOf(record);
    const profile = profileFor(provider);
    const target = deps.replay.targetFor(record);
    const loopback = (() => {
      try {
        return isLoopbackHost(new URL(target).hostname);
      } catch {
        return false;
      }
    })();
    const delivery = deliveryFromCapture(record, provider);
    const type = profile.eventType ? getField(delivery, profile.eventType) : undefined;
    return {
      captureId: record.id,
      providerId: provider.id,
      providerName: profile.name,
      target,
      loopback,
      hasSecret: !!(await deps.getSecret(record.endpointId, provider.id)),
      command: checkCommand(target, provider, type === undefined ? undefined : String(type), !loopback),
    };
  }

  function only(list: unknown): ProbeId[] | undefined {
    if (list === undefined) return undefined;
    if (!Array.isArray(list) || !list.every((id) => typeof id === 'string' && isProbeId(id))) {
      throw new HooklensError('invalid_argument', 'only must be a list of probe ids.');
    }
    return list as ProbeId[];
  }

  return {
    handlers: {
      getCheckPlan: async (captureId) => plan(await load(captureId)),
      async startCheck(input: CheckStartInput) {
        if (!input || typeof input !== 'object')
          throw new HooklensError('invalid_argument', 'startCheck expects { captureId }.');
        const record = await load(input.captureId);
        if (running.has(record.id))
          throw new HooklensError('invalid_argument', 'A check of this capture is already running.');
        const p = await plan(record);
        const target = typeof input.target === 'string' && input.target.trim() ? input.target.trim() : p.target;
        const secret = await deps.getSecret(record.endpointId, p.providerId);
        if (!secret)
          throw new HooklensError(
            'invalid_argument',
            `No ${p.providerName} secret is stored for this endpoint; set one in the Signature tab first.`,
          );
        const provider = providerOf(record);
        const options = {
          target,
          providerId: p.providerId,
          secret,
          source: { delivery: deliveryFromCapture(record, provider), label: `capture ${record.id}` },
          only: only(input.only),
          allowRemote: input.allowRemote === true,
        };
        // Bad input (a remote target without consent) is refused here, before anything is sent.
        parseTarget(target, options.allowRemote);
        const runId = newCaptureId();
        const captureId = record.id;
        const run = runCheck(options, {
          onStart: (s) =>
            deps.events.emit('check:started', { runId, captureId, target, probes: s.probes, skipped: s.skipped }),
          onProbe: (result, index, total) =>
            deps.events.emit('check:probe', { runId, captureId, index, total, result }),
          // The history file is rewritten on every send; a near-limit body (25 MB for GitHub) stays out of it.
          record: async (send) =>
            send.request.body.text.length > MAX_RECORDED_BODY_CHARS
              ? undefined
              : deps.replay.record({
                  captureId,
                  source: 'check',
                  request: send.request,
                  outcome: send.outcome,
                  ms: send.ms,
                  warnings: [`Handler check, probe "${send.probe}": ${send.label}.`],
                }),
        }).then(
          (outcome) =>
            deps.events.emit(
              'check:finished',
              outcome.kind === 'report'
                ? { runId, captureId, kind: 'report', report: outcome.report }
                : { runId, captureId, kind: 'unreachable', message: outcome.message },
            ),
          (err: unknown) =>
            deps.events.emit('check:finished', {
              runId,
              captureId,
              kind: 'failed',
              code: err instanceof HooklensError ? err.code : 'internal',
              message: err instanceof Error ? err.message : String(err),
            }),
        );
        running.set(
          captureId,
          run.finally(() => running.delete(captureId)),
        );
        return { runId };
      },
    },
    async close() {
      await Promise.all(running.values());
    },
  };
}
