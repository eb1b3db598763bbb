/*
 * One endpoint's settings: name, URL, custom answer (status, headers, body, delay), the "fail the
 * next N" switch, auto-forward target, and delete (after a confirmation naming what goes with it).
 */
import { useEffect, useId, useState } from 'react';
import type { Endpoint, EndpointPatch } from '../../../../shared/api/endpoints';
import { DEFAULT_ENDPOINT_ID } from '../../../../shared/capture';
import { useAppStore } from '../../app-store';
import { CopyButton } from '../../components/copy-button';
import { fieldErrorOf } from '../../lib/field-errors';
import { endpointUrl } from './endpoint-bar';
import { headersToText, parseHeadersText } from './headers-text';

type Errors = Record<string, string>;

function errorsOf(err: unknown): Errors {
  const { field, text } = fieldErrorOf(err);
  return { [field?.split('.')[0] === 'response' ? field : (field ?? 'form')]: text };
}

/** How long "Saved" stays beside the button that saved. */
const SAVED_NOTE_MS = 5000;

/** What a saved answer now is, so the confirmation says more than "saved". */
export function responseSummary(response: Endpoint['response']): string {
  if (!response) return 'Saved: the standard answer (200).';
  const delay = response.delayMs ? ` after ${response.delayMs.toLocaleString('en-US')} ms` : '';
  return `Saved: this endpoint answers ${response.status}${delay}.`;
}

export function EndpointEditor({ endpoint, onDeleted }: { endpoint: Endpoint; onDeleted(): void }): React.JSX.Element {
  const id = useId();
  const captureUrl = useAppStore((s) => s.status?.captureUrl);
  const publicUrl = useAppStore((s) => (s.tunnel?.state === 'online' ? s.tunnel.url : null));
  const updateEndpoint = useAppStore((s) => s.updateEndpoint);
  const deleteEndpoint = useAppStore((s) => s.deleteEndpoint);
  const countCaptures = useAppStore((s) => s.countCaptures);
  const isDefault = endpoint.id === DEFAULT_ENDPOINT_ID;

  const [name, setName] = useState(endpoint.name);
  const [custom, setCustom] = useState(endpoint.response !== null);
  const [status, setStatus] = useState(String(endpoint.response?.status ?? 200));
  const [headers, setHeaders] = useState(
    headersToText(endpoint.response?.headers ?? [['Content-Type', 'application/json']]),
  );
  const [body, setBody] = useState(endpoint.response?.body ?? '{"ok":true,"id":"{{id}}"}');
  const [delay, setDelay] = useState(String(endpoint.response?.delayMs ?? 0));
  const [failNext, setFailNext] = useState('3');
  const [forward, setForward] = useState(endpoint.forwardTarget);
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // The list holds only the rows on screen, so the count is asked for when the question is asked.
  const [captureCount, setCaptureCount] = useState<number | null>(null);
  useEffect(() => {
    if (!confirmDelete) return;
    let live = true;
    countCaptures(endpoint.id).then(
      (n) => live && setCaptureCount(n),
      () => live && setCaptureCount(null),
    );
    return () => {
      live = false;
    };
  }, [confirmDelete, countCaptures, endpoint.id]);

  useEffect(() => {
    if (!saved) return;
    const t = setTimeout(() => setSaved(null), SAVED_NOTE_MS);
    return () => clearTimeout(t);
  }, [saved]);

  const save = async (patch: EndpointPatch, what: string): Promise<void> => {
    setErrors({});
    try {
      await updateEndpoint(endpoint.id, patch);
      setSaved(what);
    } catch (err) {
      setErrors(errorsOf(err));
    }
  };

  const saveResponse = (): void => {
    if (!custom) return void save({ response: null }, 'Response');
    const parsed = parseHeadersText(headers);
    if (parsed.error) return setErrors({ 'response.headers': parsed.error });
    void save(
      {
        response: {
          status: Number(status),
          headers: parsed.headers,
          body,
          delayMs: delay.trim() === '' ? 0 : Number(delay),
        },
      },
      'Response',
    );
  };

  const url = endpointUrl(captureUrl, endpoint);
  const err = (field: string) =>
    errors[field] ? (
      <span className="wb-field-error" id={`${id}-${field}-err`} role="alert">
        {errors[field]}
      </span>
    ) : null;
  // Beside the button that saved, where the eye is (the dialog scrolls).
  const note = (what: string, text = `${what} saved.`) =>
    saved === what ? (
      <span role="status" className="wb-saved">
        {text}
      </span>
    ) : null;
  const described = (field: string) =>
    errors[field] ? { 'aria-describedby': `${id}-${field}-err`, 'aria-invalid': true } : {};

  return (
    <section className="wb-endpoint-editor" aria-label={`Endpoint ${endpoint.name}`}>
      {!isDefault && (
        <form
          className="wb-row"
          onSubmit={(e) => {
            e.preventDefault();
            void save({ name }, 'Name');
          }}
        >
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} {...described('name')} />
          <button type="submit">Rename</button>
          {note('Name')}
          {err('name')}
        </form>
      )}
      <div className="wb-row">
        <span className="wb-label">URL</span>
        <output className="url-text" aria-label="Endpoint URL">
          {url || '…'}
        </output>
        {url && <CopyButton text={url} label="Copy this endpoint's URL" />}
      </div>
      {publicUrl && !isDefault && (
        <div className="wb-row">
          <span className="wb-label">Public</span>
          <output className="url-text" aria-label="Endpoint public URL">
            {endpointUrl(publicUrl, endpoint)}
          </output>
          <CopyButton text={endpointUrl(publicUrl, endpoint)} label="Copy this endpoint's public URL" />
        </div>
      )}
      {isDefault && <p className="muted">Receives every path that does not start with the URL of another endpoint.</p>}

      <fieldset className="wb-fieldset">
        <legend>Response</legend>
        <div role="radiogroup" aria-label="Response kind" className="wb-row">
          <label>
            <input type="radio" name={`${id}-kind`} checked={!custom} onChange={() => setCustom(false)} /> Standard (
            <code>200 {'{"ok":true,"id":…}'}</code>)
          </label>
          <label>
            <input type="radio" name={`${id}-kind`} checked={custom} onChange={() => setCustom(true)} /> Custom
          </label>
        </div>
        {custom && (
          <div className="wb-grid">
            <label htmlFor={`${id}-status`}>Status code</label>
            <span>
              <input
                id={`${id}-status`}
                type="number"
                min={200}
                max={599}
                value={status}
                onChange={(e) => setStatus(e.target.value)}
                {...described('response.status')}
              />
              {err('response.status')}
            </span>
            <label htmlFor={`${id}-delay`}>Delay (ms)</label>
            <span>
              <input
                id={`${id}-delay`}
                type="number"
                min={0}
                max={60000}
                value={delay}
                onChange={(e) => setDelay(e.target.value)}
                {...described('response.delayMs')}
              />
              {err('response.delayMs')}
            </span>
            <label htmlFor={`${id}-headers`}>Response headers</label>
            <span>
              <textarea
                id={`${id}-headers`}
                rows={3}
                className="mono"
                spellCheck={false}
                value={headers}
                onChange={(e) => setHeaders(e.target.value)}
                {...described('response.headers')}
              />
              {err('response.headers')}
            </span>
            <label htmlFor={`${id}-body`}>Response body</label>
            <span>
              <textarea
                id={`${id}-body`}
                rows={4}
                className="mono"
                spellCheck={false}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                {...described('response.body')}
              />
              <span className="muted wb-hint">
                <code>{'{{id}}'}</code> becomes the capture id.
              </span>
              {err('response.body')}
            </span>
          </div>
        )}
        <div className="wb-row">
          <button type="button" className="primary" onClick={saveResponse}>
            Save response
          </button>
          {note('Response', responseSummary(endpoint.response))}
          {err('response')}
        </div>
      </fieldset>

      <fieldset className="wb-fieldset">
        <legend>Provider retries</legend>
        <div className="wb-row">
          <label htmlFor={`${id}-fail`}>Fail the next</label>
          <input
            id={`${id}-fail`}
            type="number"
            min={1}
            max={1000}
            className="wb-narrow"
            value={failNext}
            onChange={(e) => setFailNext(e.target.value)}
            {...described('failNext')}
          />
          <span>requests with 500</span>
          <button type="button" onClick={() => void save({ failNext: Number(failNext) }, 'Failures')}>
            Arm
          </button>
          {note('Failures')}
          {endpoint.failNext > 0 && (
            <>
              <span role="status" className="warning-text">
                {endpoint.failNext} left
              </span>
              <button type="button" onClick={() => void save({ failNext: 0 }, 'Failures')}>
                Disarm
              </button>
            </>
          )}
          {err('failNext')}
        </div>
      </fieldset>

      <fieldset className="wb-fieldset">
        <legend>Auto-forward</legend>
        <form
          className="wb-row"
          onSubmit={(e) => {
            e.preventDefault();
            void save({ forwardTarget: forward }, 'Forward target');
          }}
        >
          <label htmlFor={`${id}-forward`}>Forward target</label>
          <input
            id={`${id}-forward`}
            placeholder="Empty: the global replay target (auto-forward is switched on in Replay)"
            value={forward}
            onChange={(e) => setForward(e.target.value)}
            {...described('forwardTarget')}
          />
          <button type="submit">Save</button>
          {note('Forward target')}
          {err('forwardTarget')}
        </form>
      </fieldset>

      {err('form')}

      {!isDefault && (
        <div className="wb-row wb-danger-zone">
          {confirmDelete ? (
            <span role="group" aria-label="Confirm deleting the endpoint" className="wb-row">
              <button
                type="button"
                className="danger"
                onClick={() => {
                  deleteEndpoint(endpoint.id).then(onDeleted, (e: unknown) => setErrors(errorsOf(e)));
                }}
              >
                Delete “{endpoint.name}” and {captureCount === null ? 'its' : captureCount}{' '}
                {captureCount === 1 ? 'capture' : 'captures'}
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                Cancel
              </button>
            </span>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              Delete endpoint…
            </button>
          )}
        </div>
      )}
    </section>
  );
}
