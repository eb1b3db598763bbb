/*
 * "Send test event": the catalog (fetched once), the draft being edited (provider, event, target,
 * path, body), the preview of what a send would make, and the latest send's result. Lifecycle
 * events remember the object id of the last send of their kind, so a following event of the same
 * object (updated, deleted) can be about it. The send joins the replay history like any replay
 * (merged by id with its 'replay:sent'); a generated secret's masked status follows through
 * 'signatures:secret-changed'.
 */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type {
  TestEventInput,
  TestEventPreview,
  TestEventProvider,
  TestEventSent,
  TestEventTarget,
} from '../../../shared/api/test-events';
import { DEFAULT_ENDPOINT_ID } from '../../../shared/capture';
import { summarizeReplay } from '../../../shared/replay/types';
import type { AppState } from './app-state';

export interface TestEventDraft {
  provider: string;
  event: string;
  target: TestEventTarget;
  path: string;
  body: string;
  /** Send about the same object as the last event of this lifecycle kind. */
  sameObject: boolean;
}

export type TestEventSendState =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'sent'; result: TestEventSent }
  | { status: 'error'; message: string };

export interface TestEventsSlice {
  testEventProviders: TestEventProvider[] | null;
  testEventDraft: TestEventDraft | null;
  testEventPreview: TestEventPreview | null;
  testEventError: string | null;
  testEventSend: TestEventSendState;
  /** Object id of the last send per lifecycle kind ("stripe customer.subscription" → sub_…). */
  testEventObjects: Record<string, string>;
  /** Opens the dialog on the last draft, or the first event of the catalog. */
  openTestEvent(): Promise<void>;
  /** Picks an event (the provider's first when absent) and fills the body with a fresh one. */
  chooseTestEvent(provider: string, event?: string): Promise<void>;
  editTestEvent(patch: Partial<Pick<TestEventDraft, 'target' | 'path' | 'body' | 'sameObject'>>): Promise<void>;
  sendTestEvent(): Promise<TestEventSent | undefined>;
}

const defaultPath = (provider: string): string => `/webhooks/${provider}`;

export const createTestEventsSlice =
  (api: HooklensClient): StateCreator<AppState, [], [], TestEventsSlice> =>
  (set, get) => {
    const endpointId = (): string => get().activeEndpointId ?? DEFAULT_ENDPOINT_ID;

    const kindKey = (draft: TestEventDraft): string | undefined => {
      const type = get()
        .testEventProviders?.find((p) => p.id === draft.provider)
        ?.events.find((e) => e.type === draft.event);
      return type?.object ? `${draft.provider} ${type.object.kind}` : undefined;
    };

    const input = (draft: TestEventDraft, withBody: boolean): TestEventInput => {
      const key = kindKey(draft);
      const objectId = draft.sameObject && key ? get().testEventObjects[key] : undefined;
      return {
        provider: draft.provider,
        event: draft.event,
        endpointId: endpointId(),
        target: draft.target,
        path: draft.path,
        ...(withBody ? { body: draft.body } : {}),
        ...(objectId ? { objectId } : {}),
      };
    };

    // Previews can overlap (quick picks); only the answer for the current draft is kept.
    let previewSeq = 0;
    async function preview(draft: TestEventDraft, keepBody: boolean): Promise<void> {
      const seq = ++previewSeq;
      try {
        const p = await api.previewTestEvent(input(draft, keepBody));
        if (seq !== previewSeq) return;
        const current = get().testEventDraft;
        set({
          testEventPreview: p,
          testEventError: null,
          ...(current && !keepBody ? { testEventDraft: { ...current, body: p.body } } : {}),
        });
      } catch (err) {
        if (seq === previewSeq) set({ testEventError: (err as Error).message });
      }
    }

    return {
      testEventProviders: null,
      testEventDraft: null,
      testEventPreview: null,
      testEventError: null,
      testEventSend: { status: 'idle' },
      testEventObjects: {},

      async openTestEvent() {
        get().openDialog('test-event');
        let providers = get().testEventProviders;
        if (!providers) {
          try {
            providers = await api.listTestEventProviders();
            set({ testEventProviders: providers });
          } catch (err) {
            set({ testEventError: (err as Error).message });
            return;
          }
        }
        const draft = get().testEventDraft;
        if (draft) await preview(draft, true);
        else if (providers[0]) await get().chooseTestEvent(providers[0].id);
      },

      async chooseTestEvent(provider, event) {
        const spec = get().testEventProviders?.find((p) => p.id === provider);
        if (!spec) return;
        const type = event ?? spec.events[0]?.type ?? '';
        const previous = get().testEventDraft;
        const draft: TestEventDraft = {
          provider,
          event: type,
          target: previous?.target ?? 'replay',
          path: previous && previous.provider === provider ? previous.path : defaultPath(provider),
          body: '',
          sameObject: previous?.sameObject ?? true,
        };
        set({ testEventDraft: draft, testEventSend: { status: 'idle' } });
        await preview(draft, false);
      },

      async editTestEvent(patch) {
        const current = get().testEventDraft;
        if (!current) return;
        const draft = { ...current, ...patch };
        set({ testEventDraft: draft });
        // The body is the user's now; only the URL and headers follow a new target or path.
        if (patch.target !== undefined || patch.path !== undefined) await preview(draft, true);
      },

      async sendTestEvent() {
        const draft = get().testEventDraft;
        if (!draft || get().testEventSend.status === 'sending') return undefined;
        set({ testEventSend: { status: 'sending' } });
        try {
          const result = await api.sendTestEvent(input(draft, true));
          const key = kindKey(draft);
          set((s) => ({
            testEventSend: { status: 'sent', result },
            ...(key && result.objectId ? { testEventObjects: { ...s.testEventObjects, [key]: result.objectId } } : {}),
          }));
          get().replaySent(summarizeReplay(result.entry));
          // The secret is stored now: the preview says so (and the next send uses it).
          if (result.generatedSecret) await preview(draft, true);
          return result;
        } catch (err) {
          set({ testEventSend: { status: 'error', message: (err as Error).message } });
          return undefined;
        }
      },
    };
  };
