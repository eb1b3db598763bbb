/*
 * `hooklens verify | sign | providers`. Output is a contract other tools parse:
 *   verify: one JSON object on stdout; exit 0 valid, 1 invalid, 2 unusable input (error on stderr,
 *           nothing on stdout).
 *   sign: the headers to send as one JSON object (with `--curl URL`: a curl command sending the
 *         body file with them); exit 0, or 2 with the error on stderr.
 *   providers: a table (or `--json`: an array of { id, name, headers, canSign, needsUrl }).
 * Secrets given on the command line are never echoed, not even in error messages.
 */
import { readFile } from 'node:fs/promises';
import type { GenericHmacConfig } from '../../shared/api/signatures';
import type { HeaderPair } from '../../shared/capture';
import { HooklensError } from '../../shared/errors';
import {
  ALIASES,
  createGenericHmacProvider,
  detectProviders,
  GENERIC_PROVIDER_ID,
  GENERIC_PROVIDER_INFO,
  getProvider,
  providerInfo,
  PROVIDERS,
  type Provider,
  verifyUrlSigned,
} from '../core/signatures';
import { parseOptions, UsageError, type OptionSpec, type ParsedOptions } from './cli-args';
import { curlCommand } from './curl-command';
import { missingSignatureMessage } from './missing-signature';

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

const GENERIC_OPTIONS: Record<string, OptionSpec> = {
  algorithm: { kind: 'string' },
  encoding: { kind: 'string' },
  'signature-header': { kind: 'string' },
  prefix: { kind: 'string' },
  template: { kind: 'string' },
  'timestamp-header': { kind: 'string' },
  'id-header': { kind: 'string' },
  'secret-encoding': { kind: 'string' },
};

export const VERIFY_OPTIONS: Record<string, OptionSpec> = {
  secret: { kind: 'string' },
  'body-file': { kind: 'string' },
  header: { kind: 'list' },
  provider: { kind: 'string' },
  url: { kind: 'string' },
  method: { kind: 'string' },
  now: { kind: 'string' },
  tolerance: { kind: 'string' },
  ...GENERIC_OPTIONS,
};

export const SIGN_OPTIONS: Record<string, OptionSpec> = {
  provider: { kind: 'string' },
  secret: { kind: 'string' },
  'body-file': { kind: 'string' },
  timestamp: { kind: 'string' },
  id: { kind: 'string' },
  url: { kind: 'string' },
  method: { kind: 'string' },
  header: { kind: 'list' },
  curl: { kind: 'string' },
  ...GENERIC_OPTIONS,
};

export const GENERIC_CLI_USAGE =
  '--provider generic --algorithm sha1|sha256|sha512 --encoding hex|base64 --signature-header NAME [--prefix P] ' +
  "[--template '{timestamp}.{body}'] [--timestamp-header NAME] [--id-header NAME] [--secret-encoding utf8|hex|base64]";

/** Input the command cannot work with: exit 2, message on stderr. */
class Unusable extends Error {}

function str(opts: ParsedOptions, name: string): string | undefined {
  const v = opts[name];
  return typeof v === 'string' ? v : undefined;
}

function required(opts: ParsedOptions, name: string): string {
  const v = str(opts, name);
  if (v === undefined) throw new Unusable(`--${name} is required`);
  return v;
}

function unixOption(opts: ParsedOptions, name: string): number | undefined {
  const v = str(opts, name);
  if (v === undefined) return undefined;
  if (!/^\d{1,12}$/.test(v.trim())) throw new Unusable(`--${name} must be whole unix seconds`);
  return Number(v.trim());
}

export function parseHeaderArg(arg: string): HeaderPair {
  const colon = arg.indexOf(':');
  const name = colon > 0 ? arg.slice(0, colon).trim() : '';
  if (!name || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    throw new Unusable(`--header must look like 'Name: value' (got "${arg.slice(0, 40)}")`);
  }
  return [name, arg.slice(colon + 1).trim()];
}

async function readBody(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Unusable(
      code === 'ENOENT' ? `body file not found: ${path}` : `cannot read body file ${path}: ${(err as Error).message}`,
    );
  }
}

function genericConfig(opts: ParsedOptions): GenericHmacConfig {
  const header = str(opts, 'signature-header');
  if (!header) throw new Unusable(`the generic provider needs its scheme: ${GENERIC_CLI_USAGE}`);
  return {
    algorithm: (str(opts, 'algorithm') ?? 'sha256') as GenericHmacConfig['algorithm'],
    encoding: (str(opts, 'encoding') ?? 'hex') as GenericHmacConfig['encoding'],
    header,
    prefix: str(opts, 'prefix') ?? '',
    template: str(opts, 'template') ?? '{body}',
    ...(str(opts, 'timestamp-header') ? { timestampHeader: str(opts, 'timestamp-header') } : {}),
    ...(str(opts, 'id-header') ? { idHeader: str(opts, 'id-header') } : {}),
    ...(str(opts, 'secret-encoding')
      ? { secretEncoding: str(opts, 'secret-encoding') as GenericHmacConfig['secretEncoding'] }
      : {}),
  };
}

function resolveProvider(id: string, opts: ParsedOptions): Provider {
  if (id === GENERIC_PROVIDER_ID) return createGenericHmacProvider(genericConfig(opts));
  const p = getProvider(id);
  if (!p)
    throw new Unusable(
      `unknown provider "${id}"; known: ${[...PROVIDERS.map((x) => x.id), GENERIC_PROVIDER_ID].join(', ')}`,
    );
  return p;
}

/** Runs a command body, mapping usage and input problems to exit 2 with a message on stderr. */
async function guarded(io: CliIo, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof Unusable || err instanceof UsageError || err instanceof HooklensError) {
      io.stderr(`Error: ${err.message}`);
      return 2;
    }
    throw err;
  }
}

export function runVerify(argv: string[], io: CliIo): Promise<number> {
  return guarded(io, async () => {
    const opts = parseOptions(argv, VERIFY_OPTIONS);
    const secret = required(opts, 'secret');
    const bodyFile = required(opts, 'body-file');
    const headers = ((opts.header as string[] | undefined) ?? []).map(parseHeaderArg);
    const now = unixOption(opts, 'now');
    const tolerance = unixOption(opts, 'tolerance');
    const url = str(opts, 'url');
    const method = (str(opts, 'method') ?? 'POST').toUpperCase();
    const providerId = str(opts, 'provider');
    const explicit = providerId !== undefined ? resolveProvider(providerId, opts) : undefined;
    const body = await readBody(bodyFile);
    const req = { method, headers, body, ...(url ? { url } : {}) };

    const detected = detectProviders(req);
    const provider = explicit ?? detected[0];
    if (!provider) throw new Unusable(missingSignatureMessage(headers));
    if (provider.needsUrl && !url)
      throw new Unusable(`${provider.name} signs the full URL the sender called: pass --url`);
    // URL-signed schemes try the URL's neighbours (https, port, query) before blaming the secret.
    const result = verifyUrlSigned(provider, req, {
      secret,
      ...(now !== undefined ? { now } : {}),
      ...(tolerance !== undefined ? { toleranceSec: tolerance } : {}),
      ...(url ? { url } : {}),
    });
    if (!result.valid && result.failure === 'missing_header') throw new Unusable(`${provider.id}: ${result.reason}`);
    io.stdout(JSON.stringify({ ...result, detected: detected.map((p) => p.id) }));
    return result.valid ? 0 : 1;
  });
}

export function runSign(argv: string[], io: CliIo): Promise<number> {
  return guarded(io, async () => {
    const opts = parseOptions(argv, SIGN_OPTIONS);
    const provider = resolveProvider(required(opts, 'provider'), opts);
    const secret = required(opts, 'secret');
    const body = await readBody(required(opts, 'body-file'));
    if (!provider.sign) throw new Unusable(`${provider.name} signatures cannot be made here (verify only)`);
    const timestamp = unixOption(opts, 'timestamp');
    const headers = ((opts.header as string[] | undefined) ?? []).map(parseHeaderArg);
    const curl = str(opts, 'curl');
    if (curl !== undefined && !/^https?:\/\/[^\s]+$/i.test(curl))
      throw new Unusable(`--curl needs the full http(s) URL to send to (got "${curl.slice(0, 60)}")`);
    // The URL the request goes to is the URL a URL-signed scheme has to sign, unless told otherwise.
    const url = str(opts, 'url') ?? curl;
    const method = str(opts, 'method')?.toUpperCase();
    const signed = provider.sign({
      secret,
      body,
      ...(timestamp !== undefined ? { timestamp } : {}),
      ...(str(opts, 'id') !== undefined ? { id: str(opts, 'id') } : {}),
      ...(url !== undefined ? { url } : {}),
      ...(method !== undefined ? { method } : {}),
      headers,
    });
    if (curl !== undefined) {
      io.stdout(
        curlCommand({
          url: curl,
          method: method ?? 'POST',
          headers: [...headers, ...signed],
          bodyFile: required(opts, 'body-file'),
          body,
        }),
      );
      return 0;
    }
    io.stdout(JSON.stringify(Object.fromEntries(signed)));
    return 0;
  });
}

export function runProviders(argv: string[], io: CliIo): Promise<number> {
  return guarded(io, async () => {
    const opts = parseOptions(argv, { json: { kind: 'boolean' } });
    const infos = [...PROVIDERS.map(providerInfo), GENERIC_PROVIDER_INFO];
    if (opts.json) {
      io.stdout(
        JSON.stringify(
          infos.map((p) => ({
            id: p.id,
            name: p.name,
            headers: p.signatureHeaders,
            canSign: p.canSign,
            needsUrl: p.needsUrl,
          })),
        ),
      );
      return 0;
    }
    const idWidth = Math.max(...infos.map((p) => p.id.length), 2);
    const lines = [`${'ID'.padEnd(idWidth)}  SIGN  HEADERS`];
    for (const p of infos) {
      const headers = p.id === GENERIC_PROVIDER_ID ? '(any, see --signature-header)' : p.signatureHeaders.join(', ');
      lines.push(
        `${p.id.padEnd(idWidth)}  ${(p.canSign ? 'yes' : 'no').padEnd(4)}  ${headers}${p.needsUrl ? '  (needs --url)' : ''}`,
      );
    }
    // Services that sign with another scheme are named too, so `--provider clerk` is not a guess.
    const byTarget = new Map<string, string[]>();
    for (const [alias, target] of Object.entries(ALIASES))
      byTarget.set(target, [...(byTarget.get(target) ?? []), alias]);
    for (const [target, aliases] of byTarget)
      lines.push(`Also accepted: ${aliases.sort().join(', ')} (signed as ${target})`);
    io.stdout(lines.join('\n'));
    return 0;
  });
}
