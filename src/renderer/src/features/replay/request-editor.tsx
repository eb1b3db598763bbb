/*
 * Edit & replay: method, URL, header rows, body and the re-sign toggle, then Send. The URL is
 * checked here first so a typo is a field error; the core checks again and its answer is shown
 * beside the field it names.
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
  onSent,
  onUrlChange,
}: RequestEditorProps): React.JSX.Element {
  const sendReplay = useAppStore((s) => s.sendReplay);
  const [model, setModel] = useState<EditorModel>(initial);
  const [resign, setResign] = useState(false);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const isJson = useMemo(() => looksJson(model), [model]);
  const bodyJsonProblem = isJson && model.body.encoding === 'utf8' ? jsonProblem(model.body.text) : null;
  const canResign = !!signing && signing.canSign && signing.hasSecret;
  const edited = originalBody ? !bodiesEqual(model.body, originalBody) : false;
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
          resign: canResign && resign,
          request: {
            method: model.method,
            url: model.url.trim(),
            headers: model.headers.filter((h) => h.enabled && h.name.trim() !== '').map((h) => [h.name.trim(), h.value]),
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
        <select aria-label="Method" value={model.method} onChange={(e) => setModel((m) => ({ ...m, method: e.target.value }))}>
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
        <button type="submit" className="primary" disabled={sending}>
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>
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
            onClick={() => setModel((m) => ({ ...m, body: { encoding: 'utf8', text: bodyDisplayText(m.body as CapturedBody) } }))}
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

      {signing && (
        <div className="replay-signing">
          {canResign ? (
            <label>
              <input type="checkbox" checked={resign} onChange={(e) => setResign(e.target.checked)} /> Re-sign ({signing.providerName}):
              recompute the signature over this body with a fresh timestamp
            </label>
          ) : (
            <p className="muted">
              {signing.canSign
                ? `Set a ${signing.providerName} secret in the Signature tab to re-sign edited bodies.`
                : `${signing.providerName} signatures can be checked but not re-created.`}
            </p>
          )}
          {edited && !(canResign && resign) && (
            <p className="warning-text" role="status">
              The body was edited: the original {signing.providerName} signature will no longer match.
            </p>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="replay-error">
          {error}
        </p>
      )}
    </form>
  );
}
