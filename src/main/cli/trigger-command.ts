/*
 * `hooklens trigger --provider ID --event TYPE [--target URL] [--secret S] [--set path=value …]
 * [--object-id ID] [--print]`: builds one catalog event, signed, and sends it to --target, or with
 * --print writes it as a cURL command (nothing sent, --target optional).
 *
 * Output: stdout gets the result line (or the cURL command); stderr the generated secret when none
 * was given, so a script can capture the command alone. Exit 0 on a 2xx answer (or --print), 1 on
 * any other answer or a connection error, 2 on unusable input.
 */
import { toCurl } from '../../shared/replay/curl-export';
import { buildTestEvent, parseOverride, type TestEvent } from '../core/catalog';
import { sendRequest } from '../core/replay';
import { parseOptions, UsageError, type OptionSpec } from './cli-args';
import type { CliIo } from './signature-commands';

export const TRIGGER_OPTIONS: Record<string, OptionSpec> = {
  provider: { kind: 'string' },
  event: { kind: 'string' },
  target: { kind: 'string' },
  secret: { kind: 'string' },
  set: { kind: 'list' },
  'object-id': { kind: 'string' },
  print: { kind: 'boolean' },
  timeout: { kind: 'string' },
};

export const TRIGGER_USAGE = `hooklens trigger --provider ID --event TYPE [--target URL] [--secret S] [--set path=value …]
                   [--object-id ID] [--print] [--timeout SECONDS]`;

export function testEventCurl(event: TestEvent): string {
  return toCurl({
    method: event.method,
    url: event.url,
    headers: event.headers,
    body: { encoding: 'utf8', text: event.body.toString('utf8') },
  });
}

export async function runTrigger(argv: string[], io: CliIo): Promise<number> {
  const opts = parseOptions(argv, TRIGGER_OPTIONS);
  if (typeof opts.provider !== 'string' || typeof opts.event !== 'string')
    throw new UsageError('trigger needs --provider and --event (see `hooklens events`)');
  const print = opts.print === true;
  const target = typeof opts.target === 'string' ? opts.target : undefined;
  if (!print && target === undefined)
    throw new UsageError('trigger needs --target URL (or --print to write a cURL command)');
  const timeoutSec = opts.timeout === undefined ? 30 : Number(opts.timeout);
  if (!Number.isFinite(timeoutSec) || timeoutSec <= 0)
    throw new UsageError('--timeout must be a positive number of seconds');

  const event = buildTestEvent({
    provider: opts.provider,
    event: opts.event,
    ...(typeof opts.secret === 'string' ? { secret: opts.secret } : {}),
    ...(target ? { url: target } : {}),
    ...(typeof opts['object-id'] === 'string' ? { objectId: opts['object-id'] } : {}),
    overrides: ((opts.set as string[] | undefined) ?? []).map(parseOverride),
  });
  if (event.secretGenerated) io.stderr(`Signing secret (generated; pass --secret to use yours): ${event.secret}`);
  if (event.objectId) io.stderr(`Object id (pass --object-id to send a related event): ${event.objectId}`);
  if (print) {
    io.stdout(testEventCurl(event));
    return 0;
  }

  const result = await sendRequest(
    {
      method: event.method,
      url: event.url,
      headers: event.headers,
      body: { encoding: 'utf8', text: event.body.toString('utf8') },
    },
    { timeoutMs: timeoutSec * 1000 },
  );
  const what = `${event.provider} ${event.event} (${event.eventId}) to ${event.url}`;
  if (result.outcome.kind === 'error') {
    io.stdout(`Failed: ${what}: ${result.outcome.error.message}`);
    return 1;
  }
  const { status, statusText } = result.outcome.response;
  io.stdout(`Sent ${what}: ${status}${statusText ? ` ${statusText}` : ''} in ${Math.round(result.ms)} ms`);
  return status >= 200 && status < 300 ? 0 : 1;
}
