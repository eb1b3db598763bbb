/*
 * The signatures section of HooklensApi. Checks run on the capture's exact bytes; timestamps are
 * judged against the moment the capture was received (not the current time), so a capture
 * inspected an hour later still shows whether it was fresh when it arrived.
 */
import type {
  CheckSignatureOptions,
  ProviderInfo,
  SignatureCheck,
  SignaturesMethods,
} from '../../../shared/api/signatures';
import { headerValue, type CaptureRecord } from '../../../shared/capture';
import { HooklensError } from '../../../shared/errors';
import { bodyBuffer } from '../body-buffer';
import type { CoreEvents } from '../events';
import type { CaptureStore } from '../store/types';
import { createGenericHmacProvider, GENERIC_PROVIDER_ID } from './generic-hmac';
import { detectProviders, getProvider, PROVIDERS } from './registry';
import { openSecretStore, type SecretEncryptor, type SecretStore } from './secret-store';
import { siblingEvidence, siblingHint } from './sibling-evidence';
import type { Provider, SignedRequest, VerifyResult } from './types';
import { verifyUrlSigned } from './url-signed-check';
import type { UrlVariant } from './url-variants';

export interface SignaturesDeps {
  store: CaptureStore;
  dataDir: string;
  encryptor?: SecretEncryptor;
  /** The one open secret store, shared with replay's re-signing; opened here when absent. */
  secrets?: SecretStore;
  /** Receives 'signatures:secret-changed' (masked) when given. */
  events?: CoreEvents;
  /**
   * Where captures can arrive: the local capture listener and the public tunnel URL (when online),
   * both as origins (`http://127.0.0.1:8787`). URL-signed checks try the side the capture did not
   * come through before blaming the secret.
   */
  origins?: () => { local?: string; public?: string };
}

export function providerInfo(p: Provider): ProviderInfo {
  return {
    id: p.id,
    name: p.name,
    signatureHeaders: p.signatureHeaders,
    secretHint: p.secretHint,
    ...(p.toleranceSec !== undefined ? { toleranceSec: p.toleranceSec } : {}),
    canSign: typeof p.sign === 'function',
    needsUrl: p.needsUrl === true,
  };
}

export const GENERIC_PROVIDER_INFO: ProviderInfo = {
  id: GENERIC_PROVIDER_ID,
  name: 'Generic HMAC',
  signatureHeaders: [],
  secretHint: 'Shared secret; describe the scheme (algorithm, encoding, header, prefix, signed content)',
  canSign: true,
  needsUrl: false,
};

/**
 * The URL the sender called, rebuilt from the Host header. Tunnel traffic arrived over https at
 * the public host; X-Forwarded-Proto, when present, wins.
 */
export function captureUrl(record: CaptureRecord): string | undefined {
  const host = headerValue(record.headers, 'x-forwarded-host') ?? headerValue(record.headers, 'host');
  if (!host) return undefined;
  const forwarded = headerValue(record.headers, 'x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const proto = forwarded === 'http' || forwarded === 'https' ? forwarded : record.via === 'tunnel' ? 'https' : 'http';
  return `${proto}://${host.split(',')[0].trim()}${record.url.startsWith('/') ? record.url : `/${record.url}`}`;
}

function origin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The capture's path on the other side of the tunnel: the public URL for a local capture and the reverse. */
function otherSides(
  record: CaptureRecord,
  url: string | undefined,
  origins: { local?: string; public?: string },
): UrlVariant[] {
  const path = record.url.startsWith('/') ? record.url : `/${record.url}`;
  const here = origin(url);
  const out: UrlVariant[] = [];
  if (origins.public && origin(origins.public) !== here)
    out.push({ url: `${origin(origins.public)}${path}`, label: 'the public tunnel URL' });
  if (origins.local && origin(origins.local) !== here)
    out.push({ url: `${origin(origins.local)}${path}`, label: 'the local capture URL' });
  return out;
}

function isOptions(v: unknown): v is CheckSignatureOptions {
  return v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v));
}

export async function createSignaturesHandlers(deps: SignaturesDeps): Promise<SignaturesMethods> {
  const secrets = deps.secrets ?? (await openSecretStore({ dataDir: deps.dataDir, encryptor: deps.encryptor }));

  return {
    async listSignatureProviders() {
      return [...PROVIDERS.map(providerInfo), GENERIC_PROVIDER_INFO];
    },

    async checkSignature(captureId, options = {}) {
      if (typeof captureId !== 'string') throw new HooklensError('invalid_argument', 'capture id must be text');
      if (!isOptions(options)) throw new HooklensError('invalid_argument', 'options must be an object');
      const record = await deps.store.get(captureId);
      if (!record) throw new HooklensError('not_found', `no capture ${captureId}`);
      const url = options.url || captureUrl(record);
      const req: SignedRequest = { method: record.method, url, headers: record.headers, body: bodyBuffer(record.body) };
      const detected = detectProviders(req).map((p) => p.id);

      const providerId = options.providerId || detected[0];
      const out: SignatureCheck = { detected, ...(url ? { url } : {}) };
      if (!providerId) return { ...out, missing: 'provider' };
      let provider: Provider | undefined;
      if (providerId === GENERIC_PROVIDER_ID) {
        if (!options.generic)
          throw new HooklensError(
            'invalid_argument',
            'the generic provider needs its scheme (algorithm, encoding, header…)',
          );
        provider = createGenericHmacProvider(options.generic);
      } else {
        provider = getProvider(providerId);
      }
      if (!provider) throw new HooklensError('unknown_provider', `no signature provider "${providerId}"`);

      const given = typeof options.secret === 'string' && options.secret !== '' ? options.secret : undefined;
      const secret = given ?? secrets.get(record.endpointId, provider.id);
      if (secret === undefined) return { ...out, providerId: provider.id, missing: 'secret' };

      const chosen = provider;
      const tolerance = typeof options.toleranceSec === 'number' ? { toleranceSec: options.toleranceSec } : {};
      const receivedAtOf = (r: CaptureRecord): number | undefined => {
        const t = Math.floor(Date.parse(r.receivedAt) / 1000);
        return Number.isFinite(t) ? t : undefined;
      };
      const others = chosen.needsUrl && !options.url ? otherSides(record, url, deps.origins?.() ?? {}) : [];
      let result = verifyUrlSigned(
        chosen,
        req,
        {
          secret,
          now: typeof options.now === 'number' ? options.now : receivedAtOf(record),
          ...tolerance,
          ...(url ? { url } : {}),
        },
        others,
      );
      let siblings;
      if (result.failure === 'signature_mismatch') {
        // Siblings are judged as this capture would be, each at its own time of arrival and URL.
        const verifyCapture = (r: CaptureRecord, key: string): VerifyResult => {
          const u = r.id === record.id ? url : captureUrl(r);
          const sibling: SignedRequest = { method: r.method, url: u, headers: r.headers, body: bodyBuffer(r.body) };
          return chosen.verify(sibling, { secret: key, now: receivedAtOf(r), ...tolerance, ...(u ? { url: u } : {}) });
        };
        siblings = await siblingEvidence({
          store: deps.store,
          secrets,
          record,
          provider: chosen,
          secret,
          verify: verifyCapture,
        });
        const hint = siblingHint(siblings);
        if (hint) result = { ...result, hints: [hint, ...(result.hints ?? [])] };
      }
      return {
        ...out,
        providerId: provider.id,
        result,
        secretSource: given ? 'given' : 'stored',
        ...(siblings ? { siblings } : {}),
      };
    },

    async setSignatureSecret(endpointId, providerId, secret) {
      const id = providerId === GENERIC_PROVIDER_ID ? GENERIC_PROVIDER_ID : getProvider(providerId)?.id;
      if (!id) throw new HooklensError('unknown_provider', `no signature provider "${String(providerId)}"`);
      const status = await secrets.set(endpointId, id, secret);
      deps.events?.emit('signatures:secret-changed', { endpointId, providerId: id, status });
      return status;
    },

    async getSignatureSecretStatus(endpointId) {
      return secrets.status(endpointId);
    },
  };
}
