/*
 * The `hooklens` command. `serve` runs browser mode; `verify`, `sign` and `providers` are the
 * signature tools (offline, same core code as the app).
 */
import { UsageError } from './cli-args';
import { runServe, SERVE_USAGE } from './serve-command';
import { APP_VERSION } from '../core/version';
import { runProviders, runSign, runVerify } from './signature-commands';

const USAGE = `Hooklens ${APP_VERSION}: webhook debugger

Usage:
  ${SERVE_USAGE}
  hooklens verify --secret S --body-file PATH --header 'Name: value' [--header …] [--provider ID]
                  [--url URL] [--method M] [--now UNIX] [--tolerance SECONDS]
  hooklens sign --provider ID --secret S --body-file PATH [--timestamp UNIX] [--id ID] [--url URL]
  hooklens providers
`;

const io = {
  stdout: (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
  stderr: (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
};

async function main(argv: string[]): Promise<number | null> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await runServe(rest);
      return null;
    case 'verify':
      return runVerify(rest, io);
    case 'sign':
      return runSign(rest, io);
    case 'providers':
      return runProviders(rest, io);
    case '--version':
    case 'version':
      io.stdout(APP_VERSION);
      return 0;
    case undefined:
    case '--help':
    case 'help':
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`Unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exitCode = code;
  },
  (err: unknown) => {
    io.stderr(err instanceof UsageError ? `${err.message}\n\n${USAGE}` : `Error: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  },
);
