/*
 * Dispatches `hooklens <command> …`. `--help` (or `-h`) anywhere after a command prints that
 * command's help instead of running it; `hooklens help <command>` does the same.
 */
import { APP_VERSION } from '../core/version';
import { COMMAND_HELP, isCommand, USAGE } from './command-help';
import { runCheckCommand } from './check-command';
import { runEvents } from './events-command';
import { runListen } from './listen-command';
import { runServe } from './serve-command';
import { runProviders, runSign, runVerify, type CliIo } from './signature-commands';
import { runTrigger } from './trigger-command';

/** The exit code, or null when the command keeps running (serve unless --print-url, listen). */
export async function runCommand(argv: readonly string[], io: CliIo): Promise<number | null> {
  const [command, ...rest] = argv;
  if (isCommand(command) && (rest.includes('--help') || rest.includes('-h'))) {
    io.stdout(COMMAND_HELP[command]);
    return 0;
  }
  switch (command) {
    case 'serve':
      return runServe(rest);
    case 'listen':
      return runListen(rest, io);
    case 'events':
      return runEvents(rest, io);
    case 'trigger':
      return runTrigger(rest, io);
    case 'verify':
      return runVerify(rest, io);
    case 'sign':
      return runSign(rest, io);
    case 'providers':
      return runProviders(rest, io);
    case 'check':
      return runCheckCommand(rest, io);
    case '--version':
    case 'version':
      io.stdout(APP_VERSION);
      return 0;
    case 'help':
    case '--help':
    case '-h':
      if (isCommand(rest[0])) {
        io.stdout(COMMAND_HELP[rest[0]]);
        return 0;
      }
      io.stdout(USAGE);
      return rest[0] === undefined ? 0 : 2;
    case undefined:
      io.stdout(USAGE);
      return 2;
    default:
      io.stderr(`Unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}
