/*
 * The `hooklens` command. `serve` runs browser mode; `verify`, `sign` and `providers` are the
 * signature tools (offline, same core code as the app).
 */
import { UsageError } from './cli-args';
import { USAGE } from './command-help';
import { runCommand } from './run-command';

const io = {
  stdout: (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
  stderr: (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
};

runCommand(process.argv.slice(2), io).then(
  (code) => {
    if (code !== null) process.exitCode = code;
  },
  (err: unknown) => {
    io.stderr(
      err instanceof UsageError
        ? `${err.message}\n\n${USAGE}`
        : `Error: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exitCode = 2;
  },
);
