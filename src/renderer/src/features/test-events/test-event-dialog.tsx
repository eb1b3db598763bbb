/*
 * "Send test event": pick a provider and one of its catalog events, edit the body, choose where it
 * goes (your server, i.e. the replay target, or Hooklens's own capture URL), send. The answer is
 * shown as a replay's is; a secret generated for the send is shown once, to give to your server.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app-store';
import { CopyButton } from '../../components/copy-button';
import { KeyValueTable } from '../../components/key-value-table';
import { NamedOptions } from '../../components/named-options';
import { BodyEditor } from '../replay/body-editor';
import { ResponseView } from '../replay/response-view';
import { Modal } from '../workbench/modal';
import './test-events.css';

export function TestEventDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  const { providers, draft, preview, error, sending, objects, targetBase, choose, edit, send, saveTarget } =
    useAppStore(
      useShallow((s) => ({
        providers: s.testEventProviders,
        draft: s.testEventDraft,
        preview: s.testEventPreview,
        error: s.testEventError,
        sending: s.testEventSend,
        objects: s.testEventObjects,
        targetBase: s.replaySettings?.targetBase,
        choose: s.chooseTestEvent,
        edit: s.editTestEvent,
        send: s.sendTestEvent,
        saveTarget: s.updateReplaySettings,
      })),
    );
  // A draft while the user types, shown over the saved replay target that comes back through the slice.
  const [targetDraft, setTargetDraft] = useState<string | null>(null);
  const targetText = targetDraft ?? targetBase ?? '';
  const [targetError, setTargetError] = useState<string | null>(null);
  const commitTarget = async (): Promise<void> => {
    if (targetText.trim() === (targetBase ?? '')) return setTargetDraft(null);
    try {
      await saveTarget({ targetBase: targetText.trim() });
      setTargetDraft(null);
      setTargetError(null);
      await edit({ target: 'replay' });
    } catch (err) {
      setTargetError((err as Error).message);
    }
  };
  const provider = providers?.find((p) => p.id === draft?.provider);
  const type = provider?.events.find((e) => e.type === draft?.event);
  const lastObject = type?.object && provider ? objects[`${provider.id} ${type.object.kind}`] : undefined;

  return (
    <Modal title="Send test event" onClose={onClose} wide>
      {!providers || !draft ? (
        error ? (
          <p role="alert" className="wb-field-error">
            {error}
          </p>
        ) : (
          <p className="muted">Loading the catalog…</p>
        )
      ) : (
        <form
          className="te-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <div className="te-pickers">
            <label>
              <span className="wb-label">Provider</span>
              <select aria-label="Provider" value={draft.provider} onChange={(e) => void choose(e.target.value)}>
                <NamedOptions items={providers} />
              </select>
            </label>
            <label>
              <span className="wb-label">Event</span>
              <select
                aria-label="Event"
                value={draft.event}
                onChange={(e) => void choose(draft.provider, e.target.value)}
              >
                {provider?.events.map((e) => (
                  <option key={e.type} value={e.type}>
                    {e.type}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              onClick={() => void choose(draft.provider, draft.event)}
              title="Fresh ids and timestamps"
            >
              New ids
            </button>
          </div>
          {type && (
            <p className="wb-hint muted">
              {type.summary}
              {type.object ? ` · ${type.object.kind}: ${type.object.stage}` : ''}
            </p>
          )}
          {lastObject && (
            <label className="wb-row">
              <input
                type="checkbox"
                checked={draft.sameObject}
                onChange={(e) => void edit({ sameObject: e.target.checked })}
              />
              Same {type?.object?.kind} as the last one sent (<span className="mono">{lastObject}</span>)
            </label>
          )}

          <fieldset className="wb-fieldset">
            <legend>Send to</legend>
            <div role="radiogroup" aria-label="Send to" className="wb-row">
              <label>
                <input
                  type="radio"
                  name="te-target"
                  checked={draft.target === 'replay'}
                  onChange={() => void edit({ target: 'replay' })}
                />
                Your server
              </label>
              <label>
                <input
                  type="radio"
                  name="te-target"
                  checked={draft.target === 'capture'}
                  onChange={() => void edit({ target: 'capture' })}
                />
                Hooklens capture URL
              </label>
            </div>
            {draft.target === 'replay' && (
              <label className="wb-row">
                <span className="wb-label">Server</span>
                <input
                  type="text"
                  aria-label="Replay target"
                  value={targetText}
                  onChange={(e) => setTargetDraft(e.target.value)}
                  onBlur={() => void commitTarget()}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      void commitTarget();
                    }
                  }}
                />
              </label>
            )}
            {targetError && <p className="wb-field-error">{targetError}</p>}
            <label className="wb-row">
              <span className="wb-label">Path</span>
              <input
                type="text"
                aria-label="Path"
                value={draft.path}
                onChange={(e) => void edit({ path: e.target.value })}
              />
            </label>
            {preview && (
              <output className="url-text mono" aria-label="Request URL">
                POST {preview.url}
              </output>
            )}
          </fieldset>

          {preview && (
            <p className="wb-hint" aria-label="Signing secret">
              {preview.secret === 'stored'
                ? `Signed with the ${provider?.signer} secret stored for this endpoint.`
                : `No ${provider?.signer} secret is stored for this endpoint: sending generates one in the provider's format and stores it.`}
            </p>
          )}
          <BodyEditor
            label="Test event body"
            value={draft.body}
            onChange={(body) => void edit({ body })}
            language={/json/.test(provider?.contentType ?? '') ? 'json' : 'text'}
          />
          {preview && (
            <details>
              <summary>Headers ({preview.headers.length}; the signature is made again at send time)</summary>
              <KeyValueTable label="Test event headers" rows={preview.headers} />
            </details>
          )}
          {error && (
            <p role="alert" className="wb-field-error">
              {error}
            </p>
          )}
          <div className="wb-row">
            <button type="submit" className="primary" disabled={sending.status === 'sending' || !preview}>
              {sending.status === 'sending' ? 'Sending…' : 'Send'}
            </button>
          </div>
          {sending.status === 'error' && (
            <p role="alert" className="wb-field-error">
              {sending.message}
            </p>
          )}
          {sending.status === 'sent' && (
            <section aria-label="Test event result" className="te-result">
              {sending.result.generatedSecret && (
                <p className="wb-row" aria-label="Generated secret">
                  Generated and stored signing secret: <code className="mono">{sending.result.generatedSecret}</code>
                  <CopyButton text={sending.result.generatedSecret} label="Copy the generated secret" />
                </p>
              )}
              <ResponseView entry={sending.result.entry} />
            </section>
          )}
        </form>
      )}
    </Modal>
  );
}
