/*
 * Edit & replay: method, URL, header rows and body, then Send. Once the body or headers differ from
 * the capture and a secret is stored, "Re-sign" sits next to Send, ticked as it was last time for
 * this endpoint. The URL is checked here first so a typo is a field error; the core checks again
 * and its answer is shown beside the field it names.
 */
import { useMemo, useState } from 'react';
import type { CapturedBody } from '../../../../shared/capture';
import { bodiesEqual, bodyDisplayText, decodeBody } from '../../../../shared/body-codec';
import { targetUrlProblem } from '../../../../shared/replay/target-url';
import type { DraftHeader, ReplayBody, ReplayHistoryEntry, SigningInfo } from '../../../../shared/replay/types';
import { useAppStore } from '../../app-store';
import { fieldErrorOf } from '../../lib/field-errors';
import { formatBytes } from '../../lib/format';
import { prettyJson } from '../../lib/pretty-json';
import { BodyEditor } from './body-editor';
import { HeadersEditor } from './headers-editor';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export interface EditorModel {
  method: string;
  url: string;
  headers: DraftHeader[];
  body: ReplayBody;
}

export interface RequestEditorProps {
  initial: EditorModel;
  captureId: string | null;
  signing: SigningInfo | null;
  /** The capture's body, to tell whether the signature still matches. */
  originalBody: ReplayBody | null;
  /** The Replay view that shows the answer: a capture id, or null for the import view. */
  shownIn: string | null;
  /** Whose remembered re-sign choice applies; null for imported requests. */
  endpointId?: string | null;
  onSent?(entry: ReplayHistoryEntry): void;
  onUrlChange?(url: string): void;
}

function jsonProblem(text: string): string | null {
  if (text.trim() === '') return null;
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

function headersDiffer(a: readonly DraftHeader[], b: readonly DraftHeader[]): boolean {
  const sent = (rows: readonly DraftHeader[]): string =>
    JSON.stringify(
      rows.filter((h) => h.enabled && h.name.trim() !== '').map((h) => [h.name.trim().toLowerCase(), h.value]),
    );
  return sent(a) !== sent(b);
}

function looksJson(model: EditorModel): boolean {
  const ct = model.headers.find((h) => h.enabled && h.name.toLowerCase() === 'content-type')?.value ?? '';
  if (/json/i.test(ct)) return true;
  return model.body.encoding === 'utf8' && /^\s*[{[]/.test(model.body.text) && jsonProblem(model.body.text) === null;
}

export function RequestEditor({
  initial,
  captureId,
  signing,
  originalBody,
  shownIn,
  endpointId = null,
  onSent,
  onUrlChange,
}: RequestEditorProps): React.JSX.Element {
  const sendReplay = useAppStore((s) => s.sendReplay);
  const setResignChoice = useAppStore((s) => s.setResignChoice);
  const remembered = useAppStore((s) => (endpointId ? s.replaySettings?.resignByEndpoint[endpointId] : undefined));
  const [model, setModel] = useState<EditorModel>(initial);
  const resign = remembered ?? false;
  const [urlError, setUrlError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const isJson = useMemo(() => looksJson(model), [model]);
  const bodyJsonProblem = isJson && model.body.encoding === 'utf8' ? jsonProblem(model.body.text) : null;
  const canResign = !!signing && signing.canSign && signing.hasSecret;
  const edited = originalBody ? !bodiesEqual(model.body, originalBody) : false;
  const headersEdited = useMemo(() => headersDiffer(model.headers, initial.headers), [model.headers, initial.headers]);
  const offerResign = canResign && (edited || headersEdited);
  const editedWhat = edited && headersEdited ? 'body and headers were' : edited ? 'body was' : 'headers were';
  const methods = METHODS.includes(model.method.toUpperCase()) ? METHODS : [model.method, ...METHODS];

  const setUrl = (url: string): void => {
    setModel((m) => ({ ...m, url }));
    setUrlError(null);
    onUrlChange?.(url);
  };

  async function send(): Promise<void> {
    const problem = targetUrlProblem(model.url);
    if (problem) {
      setUrlError(problem);
      return;
    }
    setSending(true);
    setError(null);
    try {
      const entry = await sendReplay(
        {
          captureId,
          resign: offerResign && resign,
          request: {
            method: model.method,
            url: model.url.trim(),
            headers: model.headers
              .filter((h) => h.enabled && h.name.trim() !== '')
              .map((h) => [h.name.trim(), h.value]),
            body: model.body,
          },
        },
        shownIn,
      );
      onSent?.(entry);
    } catch (err) {
      const refused = fieldErrorOf(err);
      if (refused.field?.toLowerCase() === 'url') setUrlError(refused.text);
      else setError((err as Error).message);
    } finally {
      setSending(false);
    }
  }

  return (
    <form
      className="replay-editor"
      aria-label="Edit request"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div className="replay-url-row">
        <select
          aria-label="Method"
          value={model.method}
          onChange={(e) => setModel((m) => ({ ...m, method: e.target.value }))}
        >
          {methods.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <input
          className="mono replay-url"
          aria-label="URL"
          value={model.url}
          spellCheck={false}
          aria-invalid={urlError ? true : undefined}
          aria-describedby={urlError ? 'replay-url-error' : undefined}
          onChange={(e) => setUrl(e.target.value)}
        />
        <span className="replay-send-group">
          {offerResign && signing && (
            <label
              className="replay-resign"
              title={`Recompute the ${signing.providerName} signature over this request with a fresh timestamp`}
            >
              <input
                type="checkbox"
                checked={resign}
                onChange={(e) =>
                  void (endpointId
                    ? setResignChoice(endpointId, e.target.checked).catch((err: Error) => setError(err.message))
                    : undefined)
                }
              />
              Re-sign ({signing.providerName})
            </label>
          )}
          <button type="submit" className="primary" disabled={sending}>
            {sending ? 'Sending…' : 'Send'}
          </button>
        </span>
      </div>
      {signing && !offerResign && (
        <div className="replay-signing">
          {!canResign && (
            <p className="muted">
              {signing.canSign
                ? `Set a ${signing.providerName} secret in the Signature tab to re-sign edited bodies.`
                : `${signing.providerName} signatures can be checked but not re-created.`}
            </p>
          )}
          {edited && (
            <p className="warning-text" role="status">
              The body was edited: the original {signing.providerName} signature will no longer match.
            </p>
          )}
        </div>
      )}
      {signing && offerResign && !resign && (
        <p className="warning-text" role="status">
          The {editedWhat} edited: the original {signing.providerName} signature will no longer match.
        </p>
      )}
      {urlError && (
        <p id="replay-url-error" role="alert" className="replay-error">
          {urlError}
        </p>
      )}

      <h3 className="replay-section-title">Headers</h3>
      <HeadersEditor headers={model.headers} onChange={(headers) => setModel((m) => ({ ...m, headers }))} />

      <h3 className="replay-section-title">Body</h3>
      {model.body.encoding === 'base64' ? (
        <div className="replay-binary">
          <p className="muted">
            Binary body ({formatBytes(decodeBody(model.body).length)}, not UTF-8): sent byte for byte as captured.
          </p>
          <button
            type="button"
            onClick={() =>
              setModel((m) => ({ ...m, body: { encoding: 'utf8', text: bodyDisplayText(m.body as CapturedBody) } }))
            }
          >
            Replace with editable text
          </button>
        </div>
      ) : (
        <>
          <div className="body-toolbar">
            {isJson && (
              <button
                type="button"
                disabled={bodyJsonProblem !== null}
                onClick={() => {
                  const pretty = prettyJson(model.body.text);
                  if (pretty !== null) setModel((m) => ({ ...m, body: { encoding: 'utf8', text: pretty } }));
                }}
              >
                Format JSON
              </button>
            )}
            {isJson && (
              <span className={bodyJsonProblem ? 'warning-text' : 'muted'} aria-live="polite">
                {bodyJsonProblem ? `Not valid JSON: ${bodyJsonProblem}` : 'Valid JSON'}
              </span>
            )}
          </div>
          <BodyEditor
            value={model.body.text}
            language={isJson ? 'json' : 'text'}
            label="Request body"
            onChange={(text) => setModel((m) => ({ ...m, body: { encoding: 'utf8', text } }))}
          />
        </>
      )}

      {error && (
        <p role="alert" className="replay-error">
          {error}
        </p>
      )}
    </form>
  );
}
