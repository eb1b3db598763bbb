/*
 * The scorecard rows: one disclosure per probe (verdict, title, why), opening to its notes and the
 * request that decided it, exactly as sent, with the answer. Everything is shown as text.
 */
import type { ProbeResponse, ProbeResult, SkippedProbe } from '../../../../shared/check/types';
import { useAppStore } from '../../app-store';
import { KeyValueTable } from '../../components/key-value-table';

const VERDICT_TEXT = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' } as const;

function bodyText(body: ProbeResult['request']['body'], limit = 2000): string {
  const text = body.encoding === 'utf8' ? body.text : `<${body.text.length} characters of base64>`;
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length} characters)` : text;
}

function ResponseView({ response }: { response: ProbeResponse }): React.JSX.Element {
  if (response.kind === 'error')
    return (
      <p>
        No answer: {response.error} (after {response.ms} ms)
      </p>
    );
  return (
    <>
      <p>
        {response.status} in {response.ms} ms, {response.bodySize} bytes
      </p>
      <KeyValueTable label="Response headers" rows={response.headers} />
      <pre className="check-body" aria-label="Response body excerpt">
        {response.bodyExcerpt}
      </pre>
    </>
  );
}

export interface ProbeListProps {
  results: ProbeResult[];
  skipped: SkippedProbe[];
  captureId: string;
  onShowTab(key: string): void;
}

export function ProbeList({ results, skipped, captureId, onShowTab }: ProbeListProps): React.JSX.Element {
  const openReplay = useAppStore((s) => s.openReplay);
  return (
    <ul className="probe-list" aria-label="Scorecard">
      {results.map((r) => (
        <li key={r.id} className={`probe probe-${r.verdict}`}>
          <details>
            <summary aria-label={`${VERDICT_TEXT[r.verdict]} ${r.title}: ${r.why}`}>
              <span className={`verdict verdict-${r.verdict}`}>{VERDICT_TEXT[r.verdict]}</span>{' '}
              <strong>{r.title}</strong> <span className="probe-why">{r.why}</span>
            </summary>
            <div className="probe-detail">
              {r.notes.map((n) => (
                <p key={n} className="probe-note">
                  {n}
                </p>
              ))}
              {r.attempts.length > 1 && (
                <p className="muted">
                  {r.attempts.length} requests:{' '}
                  {r.attempts
                    .map((a) => `${a.label} → ${a.response.kind === 'response' ? a.response.status : a.response.error}`)
                    .join('; ')}
                </p>
              )}
              <h4>Request sent</h4>
              <p>
                <code>
                  {r.request.method} {r.request.url}
                </code>
              </p>
              <KeyValueTable label="Request headers" rows={r.request.headers} />
              <pre className="check-body" aria-label="Request body">
                {bodyText(r.request.body)}
              </pre>
              {r.attempts[0]?.requestBodyBytes !== undefined && (
                <p className="muted">The body sent was {r.attempts[0].requestBodyBytes} bytes; its start is shown.</p>
              )}
              <h4>Response</h4>
              <ResponseView response={r.response} />
              {r.replayId && (
                <button
                  type="button"
                  onClick={() => {
                    void openReplay(captureId, r.replayId!).then(() => onShowTab('replay'));
                  }}
                >
                  Open in Replay
                </button>
              )}
            </div>
          </details>
        </li>
      ))}
      {skipped.map((s) => (
        <li key={s.id} className="probe probe-skip">
          <span className="verdict">SKIP</span> <strong>{s.title}</strong> <span className="probe-why">{s.why}</span>
        </li>
      ))}
    </ul>
  );
}
