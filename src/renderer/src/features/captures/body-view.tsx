/*
 * The body in three forms: pretty (JSON re-indented token by token, so digits and key order are
 * exactly what was sent; a form's fields; a multipart body's parts), raw text, and hex. Raw never
 * guesses at bytes that are not UTF-8: they show as \xNN. "Save body" writes the exact bytes.
 * A large body's pretty view is made in a worker (Raw is there at once meanwhile), and large text
 * is shown without line wrapping, so CodeMirror draws only the part on screen.
 */
import { useId, useMemo, useState } from 'react';
import type { CapturedBody } from '../../../../shared/capture';
import { CodeViewer } from '../../components/code-viewer';
import { CopyButton } from '../../components/copy-button';
import { HexView } from '../../components/hex-view';
import { decodeBody } from '../../../../shared/body-codec';
import type { PrettyBody } from '../../lib/body-pretty';
import { downloadBytes } from '../../lib/download';
import { escapedText } from '../../lib/escaped-text';
import { formatBytes } from '../../lib/format';
import { LARGE_BODY_BYTES, usePrettyBody } from '../../lib/use-pretty-body';
import { assertNever } from '../../../../shared/errors';
import { FormFieldsTable } from './form-fields-table';
import { MultipartParts } from './multipart-parts';

type BodyMode = 'pretty' | 'raw' | 'hex';

export interface BodyViewProps {
  body: CapturedBody;
  contentType?: string;
  /** Names the saved file. */
  captureId: string;
}

const EXTENSIONS: [RegExp, string][] = [
  [/json/i, 'json'],
  [/x-www-form-urlencoded/i, 'txt'],
  [/xml/i, 'xml'],
  [/^text\/html/i, 'html'],
  [/^text\//i, 'txt'],
  [/^multipart\//i, 'multipart'],
];

function fileName(captureId: string, contentType: string | undefined): string {
  const ext = EXTENSIONS.find(([re]) => re.test(contentType ?? ''))?.[1] ?? 'bin';
  return `hooklens-${captureId}-body.${ext}`;
}

function PrettyView({ pretty, wrap }: { pretty: PrettyBody; wrap: boolean }): React.JSX.Element {
  switch (pretty.kind) {
    case 'json':
      return <CodeViewer text={pretty.text} language="json" label="Body, pretty JSON" wrap={wrap} />;
    case 'form':
      return <FormFieldsTable fields={pretty.fields} />;
    case 'multipart':
      return <MultipartParts result={pretty.result} />;
    default:
      return assertNever(pretty, 'pretty body');
  }
}

export function BodyView({ body, contentType, captureId }: BodyViewProps): React.JSX.Element {
  const formatting = usePrettyBody(body, contentType);
  const choice = formatting.status === 'ready' ? formatting : { pretty: null, why: null };
  const [chosen, setMode] = useState<BodyMode | null>(null);
  // Until the user picks: pretty when there is one (or it is still being made), else hex or raw.
  const mode: BodyMode =
    chosen ??
    (formatting.status === 'pending' || choice.pretty ? 'pretty' : body.encoding === 'base64' ? 'hex' : 'raw');
  const large = body.size >= LARGE_BODY_BYTES;
  const pending = mode === 'pretty' && formatting.status === 'pending';
  // Bytes only where a view needs them: encoding 25 MB of text again would hold the thread for nothing.
  const bytes = useMemo(
    () => (mode === 'hex' || (mode === 'raw' && body.encoding === 'base64') ? decodeBody(body) : null),
    [body, mode],
  );
  // While the pretty view is being made, the text is shown raw at once (text bodies: no copy needed).
  const raw = useMemo(() => {
    if (body.encoding === 'utf8') return mode === 'raw' || pending ? { text: body.text, escaped: 0 } : null;
    return mode === 'raw' && bytes ? escapedText(bytes) : null;
  }, [body, bytes, mode, pending]);
  const whyId = useId();

  if (body.size === 0) return <p className="muted">Empty body.</p>;
  return (
    <div className="body-view">
      <div className="body-toolbar">
        <div role="radiogroup" aria-label="Body view" className="segmented">
          {(['pretty', 'raw', 'hex'] as const).map((m) => {
            const off = m === 'pretty' && formatting.status === 'ready' && !choice.pretty;
            return (
              <label
                key={m}
                className={mode === m ? 'active' : off ? 'disabled' : ''}
                title={off ? (choice.why ?? undefined) : undefined}
              >
                <input
                  type="radio"
                  name="body-mode"
                  value={m}
                  checked={mode === m}
                  disabled={off}
                  aria-describedby={off ? whyId : undefined}
                  onChange={() => setMode(m)}
                />
                {m === 'pretty' ? 'Pretty' : m === 'raw' ? 'Raw' : 'Hex'}
              </label>
            );
          })}
        </div>
        <span className="muted">
          {formatBytes(body.size)}
          {body.encoding === 'base64' ? ' · binary / not UTF-8' : ''}
        </span>
        {body.encoding === 'utf8' && <CopyButton text={body.text} label="Copy body" />}
        <button
          type="button"
          className="copy-button"
          onClick={() => downloadBytes(fileName(captureId, contentType), bytes ?? decodeBody(body), contentType)}
        >
          Save body
        </button>
      </div>
      {choice.why !== null && (
        <p id={whyId} className="muted body-why">
          {choice.why}
        </p>
      )}
      {pending && (
        <p className="muted" role="status">
          Formatting {formatBytes(body.size)} in the background…{raw ? ' Shown raw meanwhile.' : ' Raw is ready now.'}
        </p>
      )}
      {mode === 'pretty' && choice.pretty && <PrettyView pretty={choice.pretty} wrap={!large} />}
      {(mode === 'raw' || pending) && raw && (
        <>
          {raw.escaped > 0 && (
            <p className="muted body-why">
              {raw.escaped} {raw.escaped === 1 ? 'byte is' : 'bytes are'} not UTF-8 and shown as \xNN.
            </p>
          )}
          <CodeViewer text={raw.text} label="Body, raw" wrap={!large} />
        </>
      )}
      {mode === 'hex' && bytes && <HexView bytes={bytes} />}
    </div>
  );
}
