/*
 * A provider built from a `GenericHmacConfig`, for services we have no file for: the user states
 * the algorithm, encoding, header, prefix and signed-content template, and gets the same verdicts
 * and hints as a built-in provider. The template's placeholders are replaced by raw bytes
 * ({body}) or text ({timestamp}, {id}, {url}, {method}); everything else is signed literally.
 */
import { randomBytes } from 'node:crypto';
import type { GenericHmacConfig } from '../../../shared/api/signatures';
import { HooklensError } from '../../../shared/errors';
import { hmac, header, invalid, nowSeconds, valid } from './crypto-helpers';
import { checkSignature } from './check-signature';
import { checkTimestamp, parseUnixSeconds } from './timestamps';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from './types';

export const GENERIC_PROVIDER_ID = 'generic';

const ALGORITHMS = ['sha1', 'sha256', 'sha512'] as const;
const ENCODINGS = ['hex', 'base64'] as const;
const SECRET_ENCODINGS = ['utf8', 'hex', 'base64'] as const;
const PLACEHOLDER = /\{(body|timestamp|id|url|method)\}/g;

interface TemplateValues {
  body: Buffer;
  timestamp?: string;
  id?: string;
  url?: string;
  method?: string;
}

/** Throws `invalid_argument` naming the first unusable field. */
export function validateGenericConfig(config: GenericHmacConfig): void {
  const bad = (msg: string): never => {
    throw new HooklensError('invalid_argument', `generic HMAC: ${msg}`);
  };
  if (!config || typeof config !== 'object') bad('config is missing');
  if (!(ALGORITHMS as readonly string[]).includes(config.algorithm))
    bad(`algorithm must be one of ${ALGORITHMS.join(', ')}`);
  if (!(ENCODINGS as readonly string[]).includes(config.encoding))
    bad(`encoding must be one of ${ENCODINGS.join(', ')}`);
  if (typeof config.header !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(config.header))
    bad('header must be a header name');
  if (typeof config.prefix !== 'string') bad('prefix must be text (empty for none)');
  const template = config.template ?? '{body}';
  if (typeof template !== 'string') bad('template must be text');
  if (config.secretEncoding !== undefined && !(SECRET_ENCODINGS as readonly string[]).includes(config.secretEncoding)) {
    bad(`secretEncoding must be one of ${SECRET_ENCODINGS.join(', ')}`);
  }
  if (template.includes('{timestamp}') && !config.timestampHeader)
    bad('the template uses {timestamp}: name the timestamp header');
  if (template.includes('{id}') && !config.idHeader) bad('the template uses {id}: name the id header');
}

function keyOf(config: GenericHmacConfig, secret: string): Buffer {
  return Buffer.from(secret, config.secretEncoding ?? 'utf8');
}

function render(template: string, values: TemplateValues): Buffer {
  const parts: Buffer[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    parts.push(Buffer.from(template.slice(last, m.index), 'utf8'));
    const name = m[1] as keyof TemplateValues;
    parts.push(name === 'body' ? values.body : Buffer.from(values[name] ?? '', 'utf8'));
    last = m.index + m[0].length;
  }
  parts.push(Buffer.from(template.slice(last), 'utf8'));
  return Buffer.concat(parts);
}

export function createGenericHmacProvider(config: GenericHmacConfig): Provider {
  validateGenericConfig(config);
  const template = config.template ?? '{body}';
  const usesTimestamp = template.includes('{timestamp}');
  const usesUrl = template.includes('{url}');
  const describe = `${config.algorithm.toUpperCase()} ${config.encoding} in ${config.header}`;

  const compute = (secret: string, values: TemplateValues): string =>
    hmac(config.algorithm, keyOf(config, secret), render(template, values), config.encoding);

  const normalise = (sig: string): string => (config.encoding === 'hex' ? sig.toLowerCase() : sig);

  function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
    const id = GENERIC_PROVIDER_ID;
    const value = header(req, config.header);
    if (value === undefined) return invalid(id, 'missing_header', `${config.header} header is missing`);
    const trimmed = value.trim();
    if (config.prefix && !trimmed.startsWith(config.prefix)) {
      return invalid(id, 'malformed_header', `${config.header} must start with "${config.prefix}"`);
    }
    const received = normalise(trimmed.slice(config.prefix.length));
    const values: TemplateValues = { body: req.body, method: req.method, url: opts.url ?? req.url };
    if (usesUrl && !values.url)
      return invalid(id, 'url_mismatch', 'the template signs {url}: give the URL the sender called');
    if (config.idHeader) {
      values.id = header(req, config.idHeader);
      if (values.id === undefined && template.includes('{id}'))
        return invalid(id, 'missing_header', `${config.idHeader} header is missing`);
    }
    let time: ReturnType<typeof checkTimestamp> | undefined;
    if (usesTimestamp) {
      const tsText = header(req, config.timestampHeader!);
      if (tsText === undefined) return invalid(id, 'missing_header', `${config.timestampHeader} header is missing`);
      values.timestamp = tsText.trim();
      const ts = parseUnixSeconds(tsText);
      if (ts !== undefined) time = checkTimestamp(id, ts, opts, config.toleranceSec ?? 0);
      else if ((opts.toleranceSec ?? config.toleranceSec ?? 0) > 0) {
        return invalid(id, 'malformed_header', `${config.timestampHeader} "${tsText}" is not unix seconds`);
      }
    }
    const skew = time ? { skewSec: time.skewSec } : {};
    const check = checkSignature(id, req, opts, {
      received,
      what: config.header,
      compute: (secret, body) => compute(secret, { ...values, body }),
      extra: skew,
    });
    if (check.matched === undefined) return check.explain();
    const { expected } = check;
    if (time?.failure) return { ...time.failure, expected, received };
    return valid(id, `${describe} matches`, { expected, received, ...skew });
  }

  return {
    id: GENERIC_PROVIDER_ID,
    name: 'Generic HMAC',
    signatureHeaders: [
      config.header,
      ...(config.timestampHeader ? [config.timestampHeader] : []),
      ...(config.idHeader ? [config.idHeader] : []),
    ],
    secretHint: `Shared secret, read as ${config.secretEncoding ?? 'utf8'}`,
    toleranceSec: config.toleranceSec,
    needsUrl: usesUrl,
    detect: (req) => header(req, config.header) !== undefined,
    verify,
    sign(opts) {
      const ts = String(opts.timestamp ?? nowSeconds());
      const msgId = opts.id ?? `msg_${randomBytes(8).toString('hex')}`;
      if (usesUrl && !opts.url) throw new HooklensError('invalid_argument', 'the template signs {url}: give the URL');
      const sig = compute(opts.secret, {
        body: opts.body,
        timestamp: ts,
        id: msgId,
        url: opts.url,
        method: opts.method ?? 'POST',
      });
      const out: [string, string][] = [];
      if (config.timestampHeader) out.push([config.timestampHeader, ts]);
      if (config.idHeader) out.push([config.idHeader, msgId]);
      out.push([config.header, config.prefix + sig]);
      return out;
    },
  };
}
