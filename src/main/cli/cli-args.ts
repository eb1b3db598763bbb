/*
 * A small argv reader for the `hooklens` command: `--name value`, `--name=value`, repeated
 * options and boolean `--flag` / `--no-flag`. Unknown options are errors, so a typo never passes
 * silently.
 */

export interface OptionSpec {
  /** 'string' takes a value; 'boolean' is a flag; 'list' takes a value and may repeat. */
  kind: 'string' | 'boolean' | 'list';
}

export type ParsedOptions = Record<string, string | boolean | string[] | undefined>;

export class UsageError extends Error {}

export function parseOptions(argv: readonly string[], spec: Record<string, OptionSpec>): ParsedOptions {
  const out: ParsedOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`Unexpected argument: ${arg}`);
    let name = arg.slice(2);
    let inline: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      inline = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    let negated = false;
    if (!spec[name] && name.startsWith('no-') && spec[name.slice(3)]?.kind === 'boolean') {
      name = name.slice(3);
      negated = true;
    }
    const opt = spec[name];
    if (!opt) throw new UsageError(`Unknown option: --${name}`);
    if (opt.kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      out[name] = !negated;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (opt.kind === 'list') out[name] = [...((out[name] as string[] | undefined) ?? []), value];
    else out[name] = value;
  }
  return out;
}

export function portOption(value: string | boolean | string[] | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(`--${name} must be a port number from 0 to 65535`);
  return n;
}
