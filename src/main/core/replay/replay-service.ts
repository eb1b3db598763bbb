/*
 * The replay feature's public face: API handlers (send, history, export/import, settings) and the
 * auto-forward hook the core calls for every new capture. Replaying reads captures and never
 * writes them; what was sent lives in the replay history file.
 */
import type { ReplaySettings } from '../../../shared/settings';
import type { ReplayMethods } from '../../../shared/api/replay';
import type { CaptureRecord, HeaderPair } from '../../../shared/capture';
import { HooklensError } from '../../../shared/errors';
import { bodiesEqual } from '../../../shared/body-codec';
import { toCurl } from '../../../shared/replay/curl-export';
import { parseCurl } from '../../../shared/replay/curl-import';
import { isHopByHop } from '../../../shared/replay/outgoing-headers';
import { joinTarget } from '../../../shared/replay/target-url';
import type {
  ReplayDraft,
  ReplayHistoryEntry,
  ReplayRequest,
  ReplaySendInput,
  SigningInfo,
} from '../../../shared/replay/types';
import { summarizeReplay } from '../../../shared/replay/types';
import { bodyBuffer } from '../body-buffer';
import { newCaptureId } from '../capture/capture-id';
import type { CoreEvents } from '../events';
import type { NoticeBoard } from '../notice-board';
import type { CoreService } from '../service';
import type { SettingsStore } from '../settings/settings-store';
import { detectProviders, getProvider } from '../signatures/registry';
import type { Provider, SignedRequest } from '../signatures/types';
import type { CaptureStore } from '../store/types';
import { createForwarder } from './forwarder';
import { buildHar, captureToHar, replayToHar, type HarEntry } from './har-export';
import { namedFiles, readCurlFile, refuseCurlFile } from './curl-files';
import { parseHar } from './har-import';
import { openReplayHistory } from './replay-history';
import { resignHeaders, type SignatureProviders } from './resign';
import {
  fillSecretRefs,
  maskSecrets,
  NO_REFS,
  refScope,
  secretRef,
  type KnownSecret,
  type SecretRefScope,
} from './secret-refs';
import { sendRequest, validateRequest } from './send-request';
import { parseSendId, parseSendInput, parseSettingsPatch, requireString } from './validate-input';

export interface ReplayServiceDeps {
  store: CaptureStore;
  dataDir: string;
  settings: SettingsStore;
  events: CoreEvents;
  getSecret?: (endpointId: string, providerId: string) => Promise<string | undefined>;
  /** Defaults to the signatures registry. */
  providers?: SignatureProviders;
  /** Written into HAR exports as the creator version. */
  version?: string;
  history?: { perCapture?: number; total?: number };
  /** An endpoint's own auto-forward target, or null for the global one. */
  forwardTargetFor?: (endpointId: string) => string | null;
  /** Settings that win over the saved ones without being saved (`hooklens listen --forward-to`). */
  overrides?: Partial<ReplaySettings>;
  notices?: NoticeBoard;
}

export interface ReplayService extends CoreService<ReplayMethods> {
  /** Auto-forwards each new capture when forwarding is on. */
  onCapture(record: CaptureRecord): void;
  /** Keeps a send made elsewhere (a handler-check probe) in the history, so it can be opened and re-sent. */
  record(entry: Omit<ReplayHistoryEntry, 'id' | 'sentAt'>): Promise<string>;
  /** Where replays of a capture go: the target base plus the capture's path. */
  targetFor(record: CaptureRecord): string;
}

const registryProviders: SignatureProviders = {
  get: getProvider,
  detect: (req) => detectProviders(req)[0],
};

function signedRequest(record: CaptureRecord): SignedRequest {
  return {
    method: record.method,
    headers: record.headers,
    body: bodyBuffer(record.body),
  };
}

/** The capture's headers minus those a client recomputes or that belonged to the provider's connection. */
function editableHeaders(headers: readonly HeaderPair[]): HeaderPair[] {
  const connectionTokens = new Set(
    headers
      .filter(([n]) => n.toLowerCase() === 'connection')
      .flatMap(([, v]) => v.split(',').map((t) => t.trim().toLowerCase())),
  );
  return headers.filter(([name]) => !/^(host|content-length)$/i.test(name) && !isHopByHop(name, connectionTokens));
}

export async function createReplayService(deps: ReplayServiceDeps): Promise<ReplayService> {
  const providers = deps.providers ?? registryProviders;
  const history = await openReplayHistory({ dataDir: deps.dataDir, ...deps.history, notices: deps.notices });
  const settings = (): ReplaySettings => ({ ...deps.settings.section('replay'), ...deps.overrides });
  /** Sends waiting for their answer, by the caller's sendId, so they can be cancelled. */
  const inFlight = new Map<string, AbortController>();

  async function loadCapture(id: string): Promise<CaptureRecord> {
    const record = await deps.store.get(requireString(id, 'captureId'));
    if (!record) throw new HooklensError('not_found', `Capture ${id} does not exist (it may have been deleted).`);
    return record;
  }

  function detect(record: CaptureRecord): Provider | undefined {
    try {
      return providers.detect(signedRequest(record));
    } catch {
      return undefined;
    }
  }

  async function signingInfo(record: CaptureRecord): Promise<SigningInfo | null> {
    const provider = detect(record);
    if (!provider) return null;
    const secret = provider.sign && deps.getSecret ? await deps.getSecret(record.endpointId, provider.id) : undefined;
    return { providerId: provider.id, providerName: provider.name, canSign: !!provider.sign, hasSecret: !!secret };
  }

  /** The capture as a request to the target; Host and Content-Length keep their place and spelling when sent. */
  function captureRequest(record: CaptureRecord, targetBase: string): ReplayRequest {
    return {
      method: record.method,
      url: joinTarget(targetBase, record.url),
      headers: record.headers,
      body: { encoding: record.body.encoding, text: record.body.text },
    };
  }

  const lookupSecret = async (endpointId: string, providerId: string): Promise<string | undefined> =>
    deps.getSecret ? deps.getSecret(endpointId, providerId) : undefined;

  /** The stored secret of the capture's provider: masked wherever the capture's own headers carry it. */
  async function captureSecrets(record: CaptureRecord): Promise<KnownSecret[]> {
    const provider = detect(record);
    const value = provider ? await lookupSecret(record.endpointId, provider.id) : undefined;
    return provider && value ? [{ value, ref: secretRef(record.endpointId, provider.id) }] : [];
  }

  /** The references a request tied to this capture may have filled in. */
  function scopeFor(record: CaptureRecord | undefined): SecretRefScope {
    const provider = record ? detect(record) : undefined;
    return record && provider ? refScope(record.endpointId, provider) : NO_REFS;
  }

  async function send(input: ReplaySendInput): Promise<ReplayHistoryEntry> {
    const record = input.captureId ? await loadCapture(input.captureId) : undefined;
    const provider = record ? detect(record) : undefined;
    // A request edited from the history carries references to secrets: they are filled in only now.
    // A capture replayed or forwarded as received is sent as received.
    const fromUser = input.source === undefined || input.source === 'edit';
    const filled = await fillSecretRefs(input.request.headers, lookupSecret, fromUser ? scopeFor(record) : NO_REFS);
    const request = { ...input.request, headers: filled.headers };
    const { body } = validateRequest(request);
    const warnings: string[] = [];
    let resignedWith: string | undefined;
    const secrets: KnownSecret[] = [...filled.used, ...(record ? await captureSecrets(record) : [])];

    if (input.resign) {
      if (!record || !provider) {
        throw new HooklensError('invalid_argument', 'Re-sign needs a capture whose signature provider is recognised.');
      }
      const secret = deps.getSecret ? await deps.getSecret(record.endpointId, provider.id) : undefined;
      if (!secret) {
        throw new HooklensError(
          'invalid_argument',
          `No ${provider.name} secret is stored for this endpoint; set one in the Signature tab to re-sign.`,
        );
      }
      request.headers = resignHeaders(
        { method: request.method, url: request.url, headers: request.headers, body },
        { provider, secret },
      );
      resignedWith = provider.id;
      secrets.push({ value: secret, ref: secretRef(record.endpointId, provider.id) });
    } else if (record && provider && !bodiesEqual(request.body, record.body)) {
      warnings.push(
        `The body was edited but not re-signed: the original ${provider.name} signature will no longer match.`,
      );
    }

    // A capture's own Host names the tunnel; a Host row in an edited or imported request was put there on purpose.
    const keepHost = input.source === 'edit' || input.source === 'import';
    const controller = new AbortController();
    if (input.sendId) {
      if (inFlight.has(input.sendId))
        throw new HooklensError('invalid_argument', `A send named ${input.sendId} is already in flight.`);
      inFlight.set(input.sendId, controller);
    }
    let result: Awaited<ReturnType<typeof sendRequest>>;
    try {
      result = await sendRequest(request, { timeoutMs: settings().timeoutMs, keepHost, signal: controller.signal });
    } finally {
      if (input.sendId) inFlight.delete(input.sendId);
    }
    if (result.outcome.kind === 'response' && result.outcome.response.redirectTo) {
      warnings.push(
        `The target answered with a redirect to ${result.outcome.response.redirectTo}; it was not followed.`,
      );
    }
    if (result.outcome.kind === 'response' && result.outcome.response.bodyTruncated) {
      warnings.push(`The response body is ${result.outcome.response.body.size} bytes; only the first 1 MiB was kept.`);
    }
    const entry: ReplayHistoryEntry = {
      id: newCaptureId(),
      captureId: input.captureId,
      source: input.source ?? (input.captureId ? 'edit' : 'import'),
      sentAt: new Date().toISOString(),
      // What was sent, but never a secret: the history file and everything shown or exported from it.
      request: { ...result.sent, headers: maskSecrets(result.sent.headers, secrets) },
      ...(resignedWith ? { resignedWith } : {}),
      outcome: result.outcome,
      ms: result.ms,
      warnings,
    };
    await history.add(entry);
    deps.events.emit('replay:sent', summarizeReplay(entry));
    return entry;
  }

  const forwarder = createForwarder({
    settings,
    send: (record, targetBase) =>
      send({ captureId: record.id, request: captureRequest(record, targetBase), source: 'forward' }),
    report: (attempt) => deps.events.emit('replay:forward-attempt', attempt),
    targetFor: deps.forwardTargetFor,
  });

  // History follows its captures: when they are deleted or cleared, their replays go too.
  const prune = (): void => void history.retainCaptures((id) => deps.store.has(id)).catch(() => undefined);
  const unsubscribe = [deps.events.on('capture:removed', prune), deps.events.on('capture:cleared', prune)];

  /** A capture for export: its headers with the stored secret masked, unless secrets are asked for. */
  async function exportedCapture(record: CaptureRecord, includeSecrets: boolean): Promise<CaptureRecord> {
    return includeSecrets ? record : { ...record, headers: maskSecrets(record.headers, await captureSecrets(record)) };
  }

  /** A history entry for export: references stay references unless secrets are asked for. */
  async function exportedReplay(entry: ReplayHistoryEntry, includeSecrets: boolean): Promise<ReplayHistoryEntry> {
    if (!includeSecrets) return entry;
    const record = entry.captureId ? await deps.store.get(entry.captureId).catch(() => undefined) : undefined;
    const filled = await fillSecretRefs(entry.request.headers, lookupSecret, scopeFor(record));
    return { ...entry, request: { ...entry.request, headers: filled.headers } };
  }

  async function harEntries(
    captureIds: string[] | undefined,
    includeReplays: boolean,
    includeSecrets: boolean,
  ): Promise<HarEntry[]> {
    const ids = captureIds ?? deps.store.list().map((s) => s.id);
    const out: HarEntry[] = [];
    const replays = async (captureId: string | null): Promise<HarEntry[]> =>
      (await Promise.all(history.entries(captureId).map((e) => exportedReplay(e, includeSecrets)))).map(replayToHar);
    for (const id of ids) {
      out.push(captureToHar(await exportedCapture(await loadCapture(id), includeSecrets)));
      if (includeReplays) out.push(...(await replays(id)));
    }
    if (includeReplays && !captureIds) out.push(...(await replays(null)));
    return out;
  }

  const handlers: ReplayMethods = {
    async getReplayDraft(captureId): Promise<ReplayDraft> {
      const record = await loadCapture(captureId);
      const request = captureRequest(record, settings().targetBase);
      return {
        captureId: record.id,
        method: request.method,
        url: request.url,
        // Rows the client recomputes or drops would only mislead in the editor.
        headers: editableHeaders(request.headers).map(([name, value]) => ({ name, value, enabled: true })),
        body: request.body,
        signing: await signingInfo(record),
      };
    },
    async replayCapture(captureId, sendId) {
      const record = await loadCapture(captureId);
      const id = sendId === undefined ? {} : { sendId: parseSendId(sendId) };
      return send({
        captureId: record.id,
        request: captureRequest(record, settings().targetBase),
        source: 'replay',
        ...id,
      });
    },
    sendReplay: async (input) => send(parseSendInput(input)),
    async cancelReplay(sendId) {
      const controller = inFlight.get(parseSendId(sendId));
      if (!controller) return false;
      controller.abort();
      return true;
    },
    async listReplays(captureId) {
      return history.list(captureId === null ? null : requireString(captureId, 'captureId'));
    },
    async getReplay(replayId) {
      const entry = history.get(requireString(replayId, 'replayId'));
      if (!entry)
        throw new HooklensError('not_found', `Replay ${replayId} is not in the history (it may have been pruned).`);
      return entry;
    },
    getReplaySettings: async () => settings(),
    async updateReplaySettings(patch) {
      const wasOn = settings().forwardEnabled;
      const next = await deps.settings.update('replay', parseSettingsPatch(patch));
      if (wasOn && !next.forwardEnabled) forwarder.clearRecent();
      deps.events.emit('replay:settings-changed', next);
      return next;
    },
    async exportCurl(source) {
      const includeSecrets = source?.includeSecrets === true;
      if (source && typeof source === 'object' && 'replayId' in source) {
        return toCurl((await exportedReplay(await handlers.getReplay(source.replayId), includeSecrets)).request);
      }
      if (!source || typeof source !== 'object' || !('captureId' in source)) {
        throw new HooklensError('invalid_argument', 'exportCurl expects { captureId } or { replayId }.');
      }
      const record = await exportedCapture(await loadCapture(source.captureId), includeSecrets);
      const request = captureRequest(record, source.targetBase ?? settings().targetBase);
      validateRequest(request);
      // The capture's Host names the tunnel; curl derives the right one from the URL.
      return toCurl({ ...request, headers: request.headers.filter(([n]) => n.toLowerCase() !== 'host') });
    },
    async exportHar(options) {
      const ids = options?.captureIds;
      if (ids !== undefined && (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string'))) {
        throw new HooklensError('invalid_argument', 'captureIds must be a list of capture ids.');
      }
      const entries = await harEntries(ids, options?.includeReplays === true, options?.includeSecrets === true);
      return JSON.stringify(buildHar(entries, deps.version ?? '0.1.0'), null, 2);
    },
    curlFiles: async (command) => namedFiles(requireString(command, 'The cURL command')),
    importCurl: async (command, options) =>
      parseCurl(
        requireString(command, 'The cURL command'),
        options?.readFiles === true ? readCurlFile : refuseCurlFile,
      ),
    importHar: async (text) => parseHar(requireString(text, 'The HAR text')),
    listForwardAttempts: async () => forwarder.recent(),
  };

  return {
    handlers,
    onCapture: (record) => forwarder.onCapture(record),
    async record(partial) {
      const entry: ReplayHistoryEntry = { ...partial, id: newCaptureId(), sentAt: new Date().toISOString() };
      await history.add(entry);
      deps.events.emit('replay:sent', summarizeReplay(entry));
      return entry.id;
    },
    targetFor: (record) => joinTarget(settings().targetBase, record.url),
    async close() {
      for (const off of unsubscribe) off();
      for (const controller of inFlight.values()) controller.abort();
      await forwarder.close();
      await history.close();
    },
  };
}
