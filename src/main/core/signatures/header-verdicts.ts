/*
 * The verdicts on a signature header itself, before any cryptography: absent (with what that most
 * likely means for this sender), or not in the sender's documented form.
 */
import { header, invalid } from './crypto-helpers';
import type { SignedRequest, VerifyResult } from './types';

/**
 * The signature header's value, or the `missing_header` verdict when it is absent; `reason` says
 * what its absence most likely means for this sender.
 */
export function requireHeader(
  req: SignedRequest,
  provider: string,
  name: string,
  reason: string,
): string | VerifyResult {
  return header(req, name) ?? invalid(provider, 'missing_header', reason);
}

/**
 * A signature written as a fixed prefix and a hex HMAC-SHA256 (`sha256=…`, `v0=…`), trimmed, or
 * the `malformed_header` verdict that shows what arrived instead.
 */
export function prefixedSha256Hex(provider: string, name: string, raw: string, prefix: string): string | VerifyResult {
  const received = raw.trim();
  const head = received.slice(0, prefix.length);
  if (head.toLowerCase() === prefix.toLowerCase() && /^[0-9a-f]{64}$/i.test(received.slice(prefix.length)))
    return received;
  return invalid(
    provider,
    'malformed_header',
    `${name} should be "${prefix}" followed by 64 hex characters, got "${received.slice(0, 80)}"`,
    { received },
  );
}
