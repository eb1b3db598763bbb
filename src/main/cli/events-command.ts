/*
 * `hooklens events [--provider ID] [--json]`: the test-event catalog. The table groups events by
 * provider and marks lifecycle events (`subscription: created`), whose object id `trigger
 * --object-id` can reuse; `--json` prints the providers with their events as one array.
 */
import { listTestEventProviders } from '../core/catalog';
import { parseOptions, type OptionSpec } from './cli-args';
import type { CliIo } from './signature-commands';

export const EVENTS_OPTIONS: Record<string, OptionSpec> = { provider: { kind: 'string' }, json: { kind: 'boolean' } };

export const EVENTS_USAGE = 'hooklens events [--provider ID] [--json]';

export function runEvents(argv: string[], io: CliIo): number {
  const opts = parseOptions(argv, EVENTS_OPTIONS);
  const wanted = typeof opts.provider === 'string' ? opts.provider.toLowerCase() : undefined;
  const all = listTestEventProviders();
  const providers = wanted === undefined ? all : all.filter((p) => p.id === wanted);
  if (providers.length === 0) {
    io.stderr(`No test events for provider "${String(opts.provider)}". Known: ${all.map((p) => p.id).join(', ')}`);
    return 2;
  }
  if (opts.json === true) {
    io.stdout(JSON.stringify(providers, null, 2));
    return 0;
  }
  const width = Math.max(...providers.flatMap((p) => p.events.map((e) => e.type.length)));
  const lines: string[] = [];
  for (const p of providers) {
    lines.push(`${p.id} (${p.name}, signed as ${p.signer}): ${p.events.length} events`);
    for (const e of p.events) {
      const cycle = e.object ? `  [${e.object.kind}: ${e.object.stage}]` : '';
      lines.push(`  ${e.type.padEnd(width)}  ${e.summary}${cycle}`);
    }
  }
  const count = providers.reduce((n, p) => n + p.events.length, 0);
  lines.push(
    '',
    `${providers.length} provider${providers.length === 1 ? '' : 's'}, ${count} events. Send one: hooklens trigger --provider ID --event TYPE --target URL`,
  );
  io.stdout(lines.join('\n'));
  return 0;
}
