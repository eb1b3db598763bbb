/*
 * The body in three forms: pretty (JSON re-indented token by token, so digits and key order are
 * exactly what was sent), raw text, and hex. Binary or invalid UTF-8 bodies open on hex. A large
 * body is formatted in a worker (Raw is there at once meanwhile) and shown without line wrapping,
 * so CodeMirror draws only the part on screen.
 */
import { useMemo, useState } from 'react';
import type { CapturedBody } from '../../../../shared/capture';
import { CodeViewer } from '../../components/code-viewer';
import { CopyButton } from '../../components/copy-button';
import { HexView } from '../../components/hex-view';
import { bodyDisplayText, decodeBody } from '../../../../shared/body-codec';
import { formatBytes } from '../../lib/format';
import { LARGE_BODY_BYTES, usePrettyJson } from '../../lib/use-pretty-json';

type BodyMode = 'pretty' | 'raw' | 'hex';

export function BodyView({ body }: { body: CapturedBody }): React.JSX.Element {
  const text = useMemo(() => bodyDisplayText(body), [body]);
  const formatting = usePrettyJson(body.encoding === 'utf8' ? body.text : null);
  const pretty = formatting.status === 'ready' ? formatting.pretty : null;
  const [chosen, setMode] = useState<BodyMode | null>(null);
  // Until the user picks, JSON opens pretty (once formatted) and anything else raw.
  const mode: BodyMode = chosen ?? (body.encoding === 'base64' ? 'hex' : formatting.status === 'pending' || pretty ? 'pretty' : 'raw');
  const large = body.size >= LARGE_BODY_BYTES;
  const bytes = useMemo(() => (mode === 'hex' ? decodeBody(body) : null), [body, mode]);

  if (body.size === 0) return <p className="muted">Empty body.</p>;
  return (
    <div className="body-view">
      <div className="body-toolbar">
        <div role="radiogroup" aria-label="Body view" className="segmented">
          {(['pretty', 'raw', 'hex'] as const).map((m) => (
            <label key={m} className={mode === m ? 'active' : ''}>
              <input
                type="radio"
                name="body-mode"
                value={m}
                checked={mode === m}
                disabled={m === 'pretty' && formatting.status === 'ready' && !pretty}
                onChange={() => setMode(m)}
              />
              {m === 'pretty' ? 'Pretty' : m === 'raw' ? 'Raw' : 'Hex'}
            </label>
          ))}
        </div>
        <span className="muted">
          {formatBytes(body.size)}
          {body.encoding === 'base64' ? ' · binary / not UTF-8' : ''}
        </span>
        {body.encoding === 'utf8' && <CopyButton text={body.text} label="Copy body" />}
      </div>
      {mode === 'pretty' && formatting.status === 'pending' && (
        <p className="muted" role="status">
          Formatting {formatBytes(body.size)} of JSON in the background… Raw is ready now.
        </p>
      )}
      {mode === 'pretty' && pretty !== null && <CodeViewer text={pretty} language="json" label="Body, pretty JSON" wrap={!large} />}
      {mode === 'raw' && <CodeViewer text={text} label="Body, raw" wrap={!large} />}
      {mode === 'hex' && bytes && <HexView bytes={bytes} />}
    </div>
  );
}
