/*
 * GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, raw body)>`, plus the legacy
 * `X-Hub-Signature: sha1=<hex HMAC-SHA1>` GitHub still sends alongside. No timestamp is signed, so
 * a replayed delivery verifies. SHA-256 is checked when present; SHA-1 only when it is the sole one.
 */
import { checkSignature } from '../check-signature';
import { hmac, header, invalid, valid, type HmacAlgorithm } from '../crypto-helpers';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

const ID = 'github';
const SHA256_HEADER = 'X-Hub-Signature-256';
const SHA1_HEADER = 'X-Hub-Signature';

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const v256 = header(req, SHA256_HEADER);
  const v1 = header(req, SHA1_HEADER);
  const [name, value, algorithm]: [string, string | undefined, HmacAlgorithm] =
    v256 !== undefined ? [SHA256_HEADER, v256, 'sha256'] : [SHA1_HEADER, v1, 'sha1'];
  if (value === undefined)
    return invalid(ID, 'missing_header', `${SHA256_HEADER} header is missing (and no legacy ${SHA1_HEADER})`);
  const prefix = `${algorithm}=`;
  const trimmed = value.trim();
  if (!trimmed.startsWith(prefix)) {
    return invalid(ID, 'malformed_header', `${name} must start with "${prefix}" (got "${trimmed.slice(0, 16)}")`);
  }
  const received = trimmed.slice(prefix.length);
  const check = checkSignature(ID, req, opts, {
    received,
    candidates: [received.toLowerCase()],
    what: name,
    compute: (secret, body) => hmac(algorithm, secret, body, 'hex'),
  });
  if (check.matched === undefined) return check.explain();
  const legacy = algorithm === 'sha1' ? ' (legacy SHA-1 only: GitHub also sends X-Hub-Signature-256)' : '';
  return valid(ID, `${name} matches${legacy}`, { expected: check.expected, received });
}

export const github: Provider = {
  id: ID,
  name: 'GitHub',
  signatureHeaders: [SHA256_HEADER, SHA1_HEADER],
  secretHint: 'The webhook secret you typed in the repository, organisation or app webhook settings',
  detect: (req) => header(req, SHA256_HEADER) !== undefined || header(req, SHA1_HEADER) !== undefined,
  evidence: {
    senderHeaders: ['X-GitHub-Event', 'X-GitHub-Delivery', 'X-GitHub-Hook-ID'],
    signatureForm: (req) =>
      /^sha256=[0-9a-f]{64}$/i.test(header(req, SHA256_HEADER)?.trim() ?? '') ||
      /^sha1=[0-9a-f]{40}$/i.test(header(req, SHA1_HEADER)?.trim() ?? ''),
  },
  verify,
  sign: (opts) => [
    [SHA256_HEADER, `sha256=${hmac('sha256', opts.secret, opts.body, 'hex')}`],
    [SHA1_HEADER, `sha1=${hmac('sha1', opts.secret, opts.body, 'hex')}`],
  ],
};
