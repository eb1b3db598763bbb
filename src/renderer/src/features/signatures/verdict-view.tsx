/*
 * The verdict of a signature check: valid or invalid, the reason in one sentence, and the details
 * a developer compares by eye (expected vs received, skew, hints). Rendered as text only.
 */
import type { VerifyFailure, VerifyResult } from '../../../../shared/api/signatures';
import { assertNever } from '../../../../shared/errors';

export function failureLabel(failure: VerifyFailure): string {
  switch (failure) {
    case 'missing_header':
      return 'Signature header missing';
    case 'malformed_header':
      return 'Signature header malformed';
    case 'timestamp_out_of_tolerance':
      return 'Timestamp outside tolerance';
    case 'signature_mismatch':
      return 'Signature mismatch';
    case 'secret_format':
      return 'Secret in the wrong form';
    case 'body_reserialized':
      return 'Body modified or re-serialised';
    case 'url_mismatch':
      return 'URL mismatch';
    case 'unsupported':
      return 'Not checkable offline';
    default:
      return assertNever(failure, 'failure');
  }
}

export function VerdictView({ result }: { result: VerifyResult }): React.JSX.Element {
  return (
    <section className={`sig-verdict ${result.valid ? 'ok' : 'bad'}`} aria-label="Signature verdict" role="status">
      <h3 className="sig-verdict-title">
        {result.valid
          ? 'Valid signature'
          : `Invalid signature${result.failure ? `: ${failureLabel(result.failure)}` : ''}`}
      </h3>
      <p className="sig-reason">{result.reason}</p>
      <dl className="sig-details">
        {result.expected !== undefined && (
          <>
            <dt>Expected</dt>
            <dd>
              <code aria-label="Expected signature">{result.expected}</code>
            </dd>
          </>
        )}
        {result.received !== undefined && (
          <>
            <dt>Received</dt>
            <dd>
              <code aria-label="Received signature">{result.received}</code>
            </dd>
          </>
        )}
        {result.skewSec !== undefined && (
          <>
            <dt>Skew</dt>
            <dd aria-label="Timestamp skew">
              {result.skewSec} s{' '}
              {result.skewSec < 0
                ? '(signed before it was received)'
                : result.skewSec > 0
                  ? "(sender's clock ahead)"
                  : ''}
            </dd>
          </>
        )}
      </dl>
      {result.hints && result.hints.length > 0 && (
        <ul className="sig-hints" aria-label="Hints">
          {result.hints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
