import os from 'node:os';
import path from 'node:path';

/** Browser mode and the CLI: --data-dir, then HOOKLENS_DATA_DIR, then ~/.hooklens. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? env.HOOKLENS_DATA_DIR;
  return path.resolve(chosen && chosen.length > 0 ? chosen : path.join(os.homedir(), '.hooklens'));
}
