/*
 * Schemes whose signature is an HS256 JWT keyed with a shared secret, the body being bound to it
 * by a hash claim: Upstash QStash (`body`: base64url SHA-256), Netlify (`sha256`: hex SHA-256) and
 * Atlassian Connect (`qsh`: a hash of the method, path and query, not of the body). The checks run
 * in the order a sender's library runs them: form, algorithm, signature, issuer, body or request
 * hash, then time (nbf/exp, or iat within the tolerance), so each failure names one cause.
 */
import { hasHeader, header, invalid, nowSeconds, valid } from '../crypto-helpers';
import { numericClaim, parseJws, signHs256, verifyHs256, type Jws } from '../jws';
import { explainMismatch } from '../mismatch';
import { checkTimestamp, describeSkew } from '../timestamps';
import type { Provider, SignOptions, SignedRequest, VerifyOptions, VerifyResult } from '../types';
import { schemeIdentity } from './scheme-identity';

export interface JwtHmacScheme {
  id: string;
  name: string;
  header: string;
  /** Written before the token in the header ("JWT " in Authorization). */
  tokenPrefix?: string;
  /** The `iss` claim the sender always writes; absent when it names the tenant (Atlassian's clientKey). */
  issuer?: string;
  /** The claim that carries a hash of the raw body, and how the sender computes it. */
  bodyClaim?: { name: string; digest(body: Buffer): string };
  /** Why the claims do not fit this request's URL or method (QStash `sub`, Atlassian `qsh`), or undefined. */
  requestProblem?(payload: Record<string, unknown>, req: SignedRequest, opts: VerifyOptions): string | undefined;
  /** Default window, in seconds, for a token without exp: how old its iat may be. */
  toleranceSec: number;
  secretHint: string;
  secretAdvice: string;
  /** The claims `sign` writes besides the body hash and times. */
  claims(opts: SignOptions): Record<string, unknown>;
  /** Lifetime `sign` gives its tokens (exp - iat); absent when the sender writes no exp. */
  lifetimeSec?: number;
  /** Another sender's header of the same name (Authorization) is only this scheme's with this evidence. */
  detect?(req: SignedRequest): boolean;
}

function token(scheme: JwtHmacScheme, raw: string): string | undefined {
  const v = raw.trim();
  if (!scheme.tokenPrefix) return v;
  return v.toLowerCase().startsWith(scheme.tokenPrefix.toLowerCase())
    ? v.slice(scheme.tokenPrefix.length).trim()
    : undefined;
}

function bodyMatches(scheme: JwtHmacScheme, jws: Jws, body: Buffer): boolean {
  if (!scheme.bodyClaim) return true;
  const claim = jws.payload[scheme.bodyClaim.name];
  return typeof claim === 'string' && claim.replace(/=+$/, '') === scheme.bodyClaim.digest(body).replace(/=+$/, '');
}

/** exp/nbf when the token has them (a sender's library rejects outside them), else iat against the tolerance. */
function timeVerdict(
  scheme: JwtHmacScheme,
  jws: Jws,
  opts: VerifyOptions,
): { failure?: VerifyResult; skewSec?: number; note: string } {
  const now = opts.now ?? nowSeconds();
  const exp = numericClaim(jws.payload, 'exp');
  const nbf = numericClaim(jws.payload, 'nbf');
  const iat = numericClaim(jws.payload, 'iat');
  const off = opts.toleranceSec === 0;
  if (exp !== undefined && !off && now > exp) {
    return {
      failure: invalid(
        scheme.id,
        'timestamp_out_of_tolerance',
        `signature matches but the token expired ${now - exp} s ago (exp ${exp})`,
        { skewSec: exp - now },
      ),
      note: '',
    };
  }
  if (nbf !== undefined && !off && now < nbf) {
    return {
      failure: invalid(
        scheme.id,
        'timestamp_out_of_tolerance',
        `signature matches but the token is not valid for another ${nbf - now} s (nbf ${nbf}): is this clock behind?`,
        { skewSec: nbf - now },
      ),
      note: '',
    };
  }
  if (exp !== undefined)
    return {
      note: `token valid until exp (${exp - now} s left)`,
      ...(iat !== undefined ? { skewSec: iat - now } : {}),
    };
  if (iat === undefined) return { note: 'the token carries no time, so a replay cannot be told' };
  const time = checkTimestamp(scheme.id, iat, opts, scheme.toleranceSec);
  if (time.failure) return { failure: time.failure, skewSec: time.skewSec, note: '' };
  return { skewSec: time.skewSec, note: `issued ${describeSkew(time.skewSec)}` };
}

function verify(scheme: JwtHmacScheme, req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const { id } = scheme;
  const raw = header(req, scheme.header);
  if (raw === undefined)
    return invalid(
      id,
      'missing_header',
      `${scheme.header} header is missing: the request was not signed by ${scheme.name}, or a proxy dropped it`,
    );
  const tok = token(scheme, raw);
  if (tok === undefined)
    return invalid(
      id,
      'malformed_header',
      `${scheme.header} should read "${scheme.tokenPrefix}<token>", got "${raw.slice(0, 40)}"`,
    );
  const jws = parseJws(tok, scheme.header);
  if (typeof jws === 'string') return invalid(id, 'malformed_header', jws, { received: tok.slice(0, 200) });
  if (jws.header.alg !== 'HS256') {
    return invalid(
      id,
      'malformed_header',
      `the JWT in ${scheme.header} is signed with ${JSON.stringify(jws.header.alg)}; ${scheme.name} signs HS256 with a shared secret`,
      { received: tok },
    );
  }
  if (opts.secret === '')
    return invalid(id, 'secret_format', `no secret given: ${scheme.secretAdvice}`, { received: tok });

  if (!verifyHs256(jws, opts.secret)) {
    const result = explainMismatch({
      provider: id,
      body: req.body,
      secret: opts.secret,
      received: tok,
      what: 'JWT signature',
      keySource: scheme.secretAdvice,
      matches: (c) => verifyHs256(jws, c.secret) && bodyMatches(scheme, jws, c.body),
    });
    return result.failure === 'signature_mismatch'
      ? { ...result, hints: [...(result.hints ?? []), scheme.secretAdvice] }
      : result;
  }
  if (scheme.issuer !== undefined && jws.payload.iss !== scheme.issuer) {
    return invalid(
      id,
      'malformed_header',
      `the JWT verifies, but its iss is ${JSON.stringify(jws.payload.iss)} where ${scheme.name} writes "${scheme.issuer}"`,
      { received: tok },
    );
  }
  if (!bodyMatches(scheme, jws, req.body)) {
    const claim = scheme.bodyClaim!;
    const result = explainMismatch({
      provider: id,
      body: req.body,
      secret: opts.secret,
      expected: claim.digest(req.body),
      received: String(jws.payload[claim.name] ?? ''),
      what: `body hash (${claim.name} claim)`,
      matches: (c) => bodyMatches(scheme, jws, c.body),
    });
    return { ...result, reason: `the JWT verifies with this secret, but ${result.reason}` };
  }
  const requestProblem = scheme.requestProblem?.(jws.payload, req, opts);
  if (requestProblem) return invalid(id, 'url_mismatch', requestProblem, { received: tok });
  const time = timeVerdict(scheme, jws, opts);
  if (time.failure) return { ...time.failure, received: tok };
  const bound = scheme.bodyClaim ? `, its ${scheme.bodyClaim.name} claim matches the body` : '';
  return valid(id, `JWT in ${scheme.header} verifies with the secret${bound}; ${time.note}`, {
    received: tok,
    ...(time.skewSec !== undefined ? { skewSec: time.skewSec } : {}),
  });
}

export function jwtHmacProvider(scheme: JwtHmacScheme): Provider {
  return {
    ...schemeIdentity(scheme, [scheme.header]),
    detect: (req) => hasHeader(req, scheme.header) && (scheme.detect?.(req) ?? true),
    verify: (req, opts) => verify(scheme, req, opts),
    sign(opts) {
      const iat = opts.timestamp ?? nowSeconds();
      const payload: Record<string, unknown> = {
        ...scheme.claims(opts),
        ...(scheme.bodyClaim ? { [scheme.bodyClaim.name]: scheme.bodyClaim.digest(opts.body) } : {}),
        iat,
        ...(scheme.lifetimeSec !== undefined ? { nbf: iat, exp: iat + scheme.lifetimeSec } : {}),
      };
      return [[scheme.header, `${scheme.tokenPrefix ?? ''}${signHs256(payload, opts.secret)}`]];
    },
  };
}
