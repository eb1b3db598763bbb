import { describe, expect, it } from 'vitest';
import type { OptionSpec } from './cli-args';
import { COMMAND_HELP, USAGE, type CommandName } from './command-help';
import { runCommand } from './run-command';
import { CHECK_OPTIONS } from './check-command';
import { SERVE_OPTIONS } from './serve-command';
import { SIGN_OPTIONS, VERIFY_OPTIONS, type CliIo } from './signature-commands';
import { EVENTS_OPTIONS } from './events-command';
import { LISTEN_OPTIONS } from './listen-command';
import { TRIGGER_OPTIONS } from './trigger-command';

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (s) => out.push(s), stderr: (s) => err.push(s) };
}

const OPTIONS: Record<CommandName, Record<string, OptionSpec>> = {
  serve: SERVE_OPTIONS,
  verify: VERIFY_OPTIONS,
  sign: SIGN_OPTIONS,
  providers: { json: { kind: 'boolean' } },
  listen: LISTEN_OPTIONS,
  events: EVENTS_OPTIONS,
  trigger: TRIGGER_OPTIONS,
  check: CHECK_OPTIONS,
};

describe('hooklens <command> --help', () => {
  it.each(Object.keys(OPTIONS) as CommandName[])(
    '%s --help describes every option the command takes',
    async (command) => {
      for (const argv of [
        [command, '--help'],
        [command, '-h'],
        ['help', command],
        [command, '--secret', 'x', '--help'],
      ]) {
        const r = io();
        // serve would start a server without the help check: returning 0 at once shows it did not.
        expect(await runCommand(argv, r), argv.join(' ')).toBe(0);
        expect(r.err).toEqual([]);
        expect(r.out).toEqual([COMMAND_HELP[command]]);
      }
      const help = COMMAND_HELP[command];
      expect(help).toMatch(new RegExp(`^hooklens ${command} `));
      for (const [name, spec] of Object.entries(OPTIONS[command])) {
        // Flags that default on are documented in their --no- form.
        const documented =
          help.includes(`--${name} `) ||
          help.includes(`--${name}\n`) ||
          (spec.kind === 'boolean' && help.includes(`--no-${name}`));
        expect(documented, `${command}: --${name}`).toBe(true);
      }
    },
  );

  it('lists every command, the generic scheme flags and --curl in the general usage', async () => {
    const r = io();
    expect(await runCommand(['--help'], r)).toBe(0);
    expect(r.out).toEqual([USAGE]);
    for (const part of [
      'hooklens serve',
      'hooklens verify',
      'hooklens sign',
      'hooklens providers',
      'hooklens listen',
      'hooklens events',
      'hooklens trigger',
      'hooklens check',
      '--signature-header',
      '--curl URL',
      '<command> --help',
    ]) {
      expect(USAGE).toContain(part);
    }
    const unknown = io();
    expect(await runCommand(['frobnicate'], unknown)).toBe(2);
    expect(unknown.err.join('')).toContain('Unknown command: frobnicate');
  });
});
