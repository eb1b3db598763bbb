/*
 * The Slack-like family: the signature and the time it was made travel in two headers, and the
 * HMAC covers the timestamp and the raw body in a sender-specific message ("v0:<ts>:<body>" for
 * Frame.io and Customer.io, "<ts><body>" for Zendesk, "<ts>:<body>" for Webflow, "<body><ts>" for
 * Box). They differ in the timestamp's form (unix seconds, milliseconds, RFC 3339), the encoding,
 * a "v0=" prefix on the value and the tolerance, so each of their files is a `HeaderTimestampScheme`.
 * The timestamp is signed exactly as written, so it is kept as text. Box sends one signature per
 * configured key; every signature header present is a candidate and any one matching is enough.
 */
import { checkSignature } from '../check-signature';
import { hasHeader, header, hmac, invalid, nowSeconds, valid } from '../crypto-helpers';
import { withHints } from '../mismatch';
import { checkTimestamp, describeWindow, toleranceHints } from '../timestamps';
import type { DetectionEvidence, Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';
import { schemeIdentity } from './scheme-identity';

export interface TimestampForm {
  /** "unix seconds"… for reason texts. */
  label: string;
  /** Whole unix seconds of the header text, or undefined when it is not in this form. */
  parse(text: string): number | undefined;
  format(seconds: number): string;
}

export const UNIX_SECONDS: TimestampForm = {
  label: 'unix seconds',
  parse: (t) => (/^\d{1,11}$/.test(t) ? Number(t) : undefined),
  format: (s) => String(s),
};

export const UNIX_MILLISECONDS: TimestampForm = {
  label: 'unix milliseconds',
  parse: (t) => (/^\d{12,14}$/.test(t) ? Math.round(Number(t) / 1000) : undefined),
  format: (s) => String(s * 1000),
};

export const RFC_3339: TimestampForm = {
  label: 'an RFC 3339 date-time',
  parse(t) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(t)) return undefined;
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? undefined : Math.round(ms / 1000);
  },
  format: (s) => new Date(s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
};

export interface HeaderTimestampScheme {
  id: string;
  name: string;
  /** The first is the one `sign` writes; the others are further keys' signatures (Box's secondary). */
  signatureHeaders: [string, ...string[]];
  timestampHeader: string;
  timestamp: TimestampForm;
  encoding: 'hex' | 'base64';
  /** Written before the digest in the header value ("v0="). */
  prefix?: string;
  /** The bytes the sender signs. */
  message(ts: string, body: Buffer): Buffer;
  /** How the message is built, for reason texts: "v0:<timestamp>:<body>". */
  messageForm: string;
  toleranceSec: number;
  secretHint: string;
  secretAdvice: string;
  evidence?: Omit<DetectionEvidence, 'signatureForm'>;
}

function digestShape(scheme: HeaderTimestampScheme, name: string, value: string): string | undefined {
  const prefix = scheme.prefix ?? '';
  if (prefix && !value.startsWith(prefix)) return `${name} should start with "${prefix}", got "${value.slice(0, 40)}"`;
  if (!prefix && /^(v\d+|sha256)[=,]/.test(value))
    return `${name} starts with "${/^[^=,]+[=,]/.exec(value)![0]}", but ${scheme.name} sends the bare digest`;
  const digest = value.slice(prefix.length);
  if (scheme.encoding === 'hex') {
    return /^[0-9a-fA-F]{64}$/.test(digest)
      ? undefined
      : `${name} should hold 64 hex characters (HMAC-SHA256)${prefix ? ` after "${prefix}"` : ''}, got ${digest.length} characters`;
  }
  if (/^[A-Za-z0-9+/]{43}=$/.test(digest)) return undefined;
  return `${name} should be standard base64 of a 32-byte HMAC-SHA256 (44 characters), got ${digest.length} characters`;
}

export function computeHeaderTimestampHmac(
  scheme: HeaderTimestampScheme,
  secret: string,
  ts: string,
  body: Buffer,
): string {
  return `${scheme.prefix ?? ''}${hmac('sha256', secret, scheme.message(ts, body), scheme.encoding)}`;
}

/** Received signatures in the form `computeHeaderTimestampHmac` writes (hex compared lower-case). */
function comparable(scheme: HeaderTimestampScheme, value: string): string {
  if (scheme.encoding !== 'hex') return value;
  const prefix = scheme.prefix ?? '';
  return `${prefix}${value.slice(prefix.length).toLowerCase()}`;
}

function verify(scheme: HeaderTimestampScheme, req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const { id } = scheme;
  const present = scheme.signatureHeaders.flatMap((name) => {
    const v = header(req, name);
    return v === undefined ? [] : [{ name, value: v.trim() }];
  });
  if (present.length === 0) {
    return invalid(
      id,
      'missing_header',
      `${scheme.signatureHeaders.join(' / ')} header is missing: the request was not signed by ${scheme.name} (is signing set up?), or a proxy dropped it`,
    );
  }
  const tsRaw = header(req, scheme.timestampHeader);
  if (tsRaw === undefined)
    return invalid(
      id,
      'missing_header',
      `${present[0]!.name} is present but ${scheme.timestampHeader} is missing; ${scheme.name} signs ${scheme.messageForm}`,
    );
  const ts = tsRaw.trim();
  const seconds = scheme.timestamp.parse(ts);
  if (seconds === undefined)
    return invalid(
      id,
      'malformed_header',
      `${scheme.timestampHeader} "${ts.slice(0, 40)}" is not ${scheme.timestamp.label}, the form ${scheme.name} sends`,
    );
  const shaped = present.filter((p) => digestShape(scheme, p.name, p.value) === undefined);
  if (shaped.length === 0)
    return invalid(id, 'malformed_header', digestShape(scheme, present[0]!.name, present[0]!.value)!, {
      received: present[0]!.value,
    });
  if (opts.secret === '') return invalid(id, 'secret_format', `no secret given: ${scheme.secretAdvice}`);

  const time = checkTimestamp(id, seconds, opts, scheme.toleranceSec);
  const check = checkSignature(id, req, opts, {
    received: shaped.map((p) => p.value).join(' '),
    candidates: shaped.map((p) => comparable(scheme, p.value)),
    what: `HMAC-SHA256 of ${scheme.messageForm}`,
    compute: (secret, body) => computeHeaderTimestampHmac(scheme, secret, ts, body),
    extra: { skewSec: time.skewSec },
  });
  if (check.matched === undefined) {
    const result = check.explain();
    const advice = result.failure === 'signature_mismatch' ? [scheme.secretAdvice] : [];
    return withHints(result, [...advice, ...toleranceHints(time)]);
  }
  const matchedHeader = shaped.find((p) => comparable(scheme, p.value) === check.matched)!.name;
  if (time.failure) return { ...time.failure, expected: check.expected, received: check.matched };
  return valid(
    id,
    `${matchedHeader} matches the HMAC-SHA256 of ${scheme.messageForm}; ${describeWindow(time)} (skew ${time.skewSec} s)`,
    {
      expected: check.expected,
      received: check.matched,
      skewSec: time.skewSec,
    },
  );
}

export function headerTimestampProvider(scheme: HeaderTimestampScheme): Provider {
  return {
    ...schemeIdentity(scheme, [...scheme.signatureHeaders, scheme.timestampHeader]),
    detect: (req) => scheme.signatureHeaders.some((h) => hasHeader(req, h)),
    evidence: {
      ...scheme.evidence,
      signatureForm: (req) =>
        hasHeader(req, scheme.timestampHeader) &&
        scheme.timestamp.parse(header(req, scheme.timestampHeader)!.trim()) !== undefined,
    },
    verify: (req, opts) => verify(scheme, req, opts),
    sign(opts) {
      const ts = scheme.timestamp.format(opts.timestamp ?? nowSeconds());
      return [
        [scheme.timestampHeader, ts],
        [scheme.signatureHeaders[0], computeHeaderTimestampHmac(scheme, opts.secret, ts, opts.body)],
      ];
    },
  };
}
