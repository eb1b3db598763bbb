/*
 * The body in three forms: pretty (JSON re-indented token by token, so digits and key order are
 * exactly what was sent; a form's fields; a multipart body's parts), raw text, and hex. Raw never
 * guesses at bytes that are not UTF-8: they show as \xNN. "Save body" writes the exact bytes.
 */
import { useId, useMemo, useState } from 'react';
import type { CapturedBody } from '../../../../shared/capture';
import { CodeViewer } from '../../components/code-viewer';
import { CopyButton } from '../../components/copy-button';
import { HexView } from '../../components/hex-view';
import { decodeBody } from '../../../../shared/body-codec';
import { prettyBody, type PrettyBody } from '../../lib/body-pretty';
import { downloadBytes } from '../../lib/download';
import { escapedText } from '../../lib/escaped-text';
import { formatBytes } from '../../lib/format';
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

function PrettyView({ pretty }: { pretty: PrettyBody }): React.JSX.Element {
  switch (pretty.kind) {
    case 'json':
      return <CodeViewer text={pretty.text} language="json" label="Body, pretty JSON" />;
    case 'form':
      return <FormFieldsTable fields={pretty.fields} />;
    case 'multipart':
      return <MultipartParts result={pretty.result} />;
    default:
      return assertNever(pretty, 'pretty body');
  }
}

export function BodyView({ body, contentType, captureId }: BodyViewProps): React.JSX.Element {
  const choice = useMemo(() => prettyBody(body, contentType), [body, contentType]);
  const [mode, setMode] = useState<BodyMode>(choice.pretty ? 'pretty' : body.encoding === 'base64' ? 'hex' : 'raw');
  const bytes = useMemo(() => decodeBody(body), [body]);
  const raw = useMemo(
    () => (mode === 'raw' ? (body.encoding === 'utf8' ? { text: body.text, escaped: 0 } : escapedText(bytes)) : null),
    [body, bytes, mode],
  );
  const whyId = useId();

  if (body.size === 0) return <p className="muted">Empty body.</p>;
  return (
    <div className="body-view">
      <div className="body-toolbar">
        <div role="radiogroup" aria-label="Body view" className="segmented">
          {(['pretty', 'raw', 'hex'] as const).map((m) => {
            const off = m === 'pretty' && !choice.pretty;
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
          onClick={() => downloadBytes(fileName(captureId, contentType), bytes, contentType)}
        >
          Save body
        </button>
      </div>
      {choice.why !== null && (
        <p id={whyId} className="muted body-why">
          {choice.why}
        </p>
      )}
      {mode === 'pretty' && choice.pretty && <PrettyView pretty={choice.pretty} />}
      {mode === 'raw' && raw && (
        <>
          {raw.escaped > 0 && (
            <p className="muted body-why">
              {raw.escaped} {raw.escaped === 1 ? 'byte is' : 'bytes are'} not UTF-8 and shown as \xNN.
            </p>
          )}
          <CodeViewer text={raw.text} label="Body, raw" />
        </>
      )}
      {mode === 'hex' && <HexView bytes={bytes} />}
    </div>
  );
}
