/*
 * Signatures: the provider list (fetched once per run: it only changes with the app), the masked
 * status of stored secrets per endpoint (kept current from `signatures:secret-changed`, whose
 * payload is the new status), and the latest check of each capture.
 */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { CheckSignatureOptions, ProviderInfo, SecretStatus, SignatureCheck } from '../../../shared/api/signatures';
import type { AppState } from './app-state';

export interface SecretChange {
  endpointId: string;
  providerId: string;
  status: SecretStatus | null;
}

export interface SignaturesSlice {
  providers: ProviderInfo[];
  /** Stored secrets per endpoint id; absent until loaded. */
  secrets: Record<string, SecretStatus[]>;
  /** The latest verdict per capture id. */
  signatureChecks: Record<string, SignatureCheck>;
  loadProviders(): Promise<void>;
  /** Loads once per endpoint; `force` re-reads (after a reconnect). */
  loadSecretStatus(endpointId: string, force?: boolean): Promise<void>;
  secretChanged(change: SecretChange): void;
  /** An empty secret removes it. */
  setSignatureSecret(endpointId: string, providerId: string, secret: string): Promise<void>;
  checkSignature(captureId: string, options?: CheckSignatureOptions): Promise<SignatureCheck>;
}

export const createSignaturesSlice =
  (api: HooklensClient): StateCreator<AppState, [], [], SignaturesSlice> =>
  (set, get) => {
    let providersLoad: Promise<void> | null = null;
    const secretLoads = new Map<string, Promise<void>>();
    return {
      providers: [],
      secrets: {},
      signatureChecks: {},

      loadProviders() {
        providersLoad ??= api.listSignatureProviders().then(
          (providers) => set({ providers }),
          (err: unknown) => {
            providersLoad = null;
            throw err;
          },
        );
        return providersLoad;
      },
      loadSecretStatus(endpointId, force = false) {
        let load = secretLoads.get(endpointId);
        if (!load || force) {
          load = api.getSignatureSecretStatus(endpointId).then(
            (list) => set((s) => ({ secrets: { ...s.secrets, [endpointId]: list } })),
            (err: unknown) => {
              secretLoads.delete(endpointId);
              throw err;
            },
          );
          secretLoads.set(endpointId, load);
        }
        return load;
      },
      secretChanged({ endpointId, providerId, status }) {
        set((s) => {
          const list = s.secrets[endpointId];
          if (!list) return s;
          const rest = list.filter((x) => x.providerId !== providerId);
          return { secrets: { ...s.secrets, [endpointId]: status ? [...rest, status] : rest } };
        });
      },
      async setSignatureSecret(endpointId, providerId, secret) {
        const status = await api.setSignatureSecret(endpointId, providerId, secret);
        get().secretChanged({ endpointId, providerId, status });
      },
      async checkSignature(captureId, options) {
        const check = await api.checkSignature(captureId, options);
        set((s) => ({ signatureChecks: { ...s.signatureChecks, [captureId]: check } }));
        return check;
      },
    };
  };
