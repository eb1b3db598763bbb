/*
 * The signatures service: the check / secret methods over the one open secret store (shared with
 * replay's re-signing), and the rule that a deleted endpoint's signing secrets go with it: nothing
 * should outlive what the user removed.
 */
import type { SignaturesMethods } from '../../../shared/api/signatures';
import type { CoreEvents } from '../events';
import type { CoreService } from '../service';
import type { CaptureStore } from '../store/types';
import { createSignaturesHandlers, type SignaturesDeps } from './handlers';
import type { SecretStore } from './secret-store';

export interface SignaturesServiceDeps {
  store: CaptureStore;
  dataDir: string;
  secrets: SecretStore;
  events: CoreEvents;
  log?: (line: string) => void;
  origins?: SignaturesDeps['origins'];
}

export type SignaturesService = CoreService<SignaturesMethods>;

export async function createSignaturesService(deps: SignaturesServiceDeps): Promise<SignaturesService> {
  const { secrets } = deps;
  let forgetting: Promise<unknown> = Promise.resolve();
  const off = deps.events.on('endpoints:changed', (list) => {
    const live = new Set(list.map((e) => e.id));
    for (const entry of secrets.status())
      if (!live.has(entry.endpointId))
        forgetting = forgetting
          .then(() => secrets.set(entry.endpointId, entry.providerId, ''))
          .catch((err: unknown) => deps.log?.(`Could not forget a secret: ${String(err)}`));
  });
  const handlers = await createSignaturesHandlers({
    store: deps.store,
    dataDir: deps.dataDir,
    events: deps.events,
    secrets,
    origins: deps.origins,
  });
  return {
    handlers,
    async close() {
      off();
      await forgetting;
    },
  };
}
