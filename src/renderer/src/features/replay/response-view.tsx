/*
 * What came back from a send: status, time, size, headers and body (pretty when JSON), or the
 * connection problem in plain words. Everything is rendered as text.
 */
import { useMemo } from 'react';
import type { ReplayHistoryEntry } from '../../../../shared/replay/types';
import { CodeViewer } from '../../components/code-viewer';
import { HexView } from '../../components/hex-view';
import { bodyDisplayText, decodeBody } from '../../../../shared/body-codec';
import { formatBytes, formatTime } from '../../lib/format';
import { prettyJson } from '../../lib/pretty-json';

function statusClass(status: number): string {
  if (status >= 200 && status < 300) return 'status-ok';
  if (status >= 300 && status < 500) return 'status-warn';
  return 'status-error';
}

export function ResponseView({ entry }: { entry: ReplayHistoryEntry }): React.JSX.Element {
  const outcome = entry.outcome;
  const response = outcome.kind === 'response' ? outcome.response : null;
  const pretty = useMemo(
    () => (response && response.body.encoding === 'utf8' ? prettyJson(response.body.text) : null),
    [response],
  );

  return (
    <section className="replay-response" aria-label="Response" tabIndex={-1}>
      <div className="replay-response-line">
        {response ? (
          <span className={`status-badge ${statusClass(response.status)}`} aria-label="Response status">
            {response.status} {response.statusText}
          </span>
        ) : (
          <span className="status-badge status-error">No response</span>
        )}
        <span className="muted" aria-label="Response time">
          {Math.round(entry.ms)} ms
        </span>
        {response && (
          <span className="muted" aria-label="Response size">
            {formatBytes(response.body.size)}
          </span>
        )}
        <span className="muted">
          {entry.request.method} {entry.request.url} · {formatTime(entry.sentAt)}
          {entry.resignedWith ? ` · re-signed (${entry.resignedWith})` : ''}
        </span>
      </div>
      {outcome.kind === 'error' && (
        <p role="alert" className="replay-error">
          Could not get a response: {outcome.error.message}
        </p>
      )}
      {response?.redirectTo && (
        <p className="warning-text">
          Redirect to <span className="mono">{response.redirectTo}</span> (not followed).
        </p>
      )}
      {entry.warnings.map((w) => (
        <p key={w} className="warning-text">
          {w}
        </p>
      ))}
      {response && (
        <>
          <details className="replay-response-headers">
            <summary>Response headers ({response.headers.length})</summary>
            <table className="kv-table" aria-label="Response headers">
              <tbody>
                {response.headers.map(([n, v], i) => (
                  <tr key={i}>
                    <td className="kv-name">{n}</td>
                    <td className="kv-value">{v}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          {response.body.size === 0 ? (
            <p className="muted">Empty response body.</p>
          ) : pretty !== null ? (
            <CodeViewer text={pretty} language="json" label="Response body" />
          ) : response.body.encoding === 'base64' ? (
            <HexView bytes={decodeBody(response.body)} />
          ) : (
            <CodeViewer text={bodyDisplayText(response.body)} label="Response body" />
          )}
          {response.bodyTruncated && <p className="muted">Only the beginning of the body was kept.</p>}
        </>
      )}
    </section>
  );
}
