/*
 * The few file operations durability rests on (the capture store, the secrets file). A rename or a new file name is only
 * durable once its directory is fsynced; file contents only once the file is fsynced before it is
 * renamed into place (otherwise a crash can leave the new name pointing at an empty file).
 */
import { chmod, lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';

/*
 * Captures hold payment and personal data: the data directory is the user's alone and every file
 * written in it is created 0600, whatever the umask (a umask only removes bits from these).
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Gives a file-system error the path the user knows: Node leaves it out of write and fsync errors
 * (`ENOSPC: no space left on device, write`), and a temporary file's name means nothing to them.
 */
export function nameErrorPath(err: unknown, file: string, temporary?: string): unknown {
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e === 'object' && typeof e.code === 'string' && (e.path === undefined || e.path === temporary))
    e.path = file;
  return err;
}

/** Creates `dir` (and missing parents) and makes it 0700, tightening one that already existed. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // Windows has no such modes; chmod there only toggles read-only, which 0700 leaves off.
  await chmod(dir, PRIVATE_DIR_MODE);
}

export async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (err) {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is as durable as it gets there.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EACCES' && code !== 'EINVAL') throw err;
  } finally {
    await handle?.close();
  }
}

/**
 * Writes `data` to a temporary file, fsyncs it, renames it over `file` and fsyncs the directory.
 * The file is created 0600 (filtered by the umask); with `mode`, it has exactly that mode before
 * it takes the name (no window where a secret is readable by others).
 */
export async function writeFileDurably(
  file: string,
  data: string | Uint8Array,
  opts: { mode?: number } = {},
): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
  try {
    await writeThroughTemporary(file, tmp, data, opts.mode ?? PRIVATE_FILE_MODE, opts.mode !== undefined);
  } catch (err) {
    throw nameErrorPath(err, file, tmp);
  }
}

async function writeThroughTemporary(
  file: string,
  tmp: string,
  data: string | Uint8Array,
  mode: number,
  exact: boolean,
): Promise<void> {
  const handle = await open(tmp, 'w', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
    // The mode given to open() is filtered by the umask; make it exact.
    if (exact) await handle.chmod(mode);
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  try {
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await fsyncDir(path.dirname(file));
}

/** A timestamp safe in file names on every platform (no colons). */
export function fileStamp(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}

/** Moves an unreadable or foreign file out of the way, never over an earlier one. Returns its new path. */
export async function setAside(file: string, reason: string): Promise<string> {
  const base = `${file}.${reason}-${fileStamp()}`;
  let target = base;
  for (let i = 1; await exists(target); i += 1) target = `${base}-${i}`;
  await rename(file, target);
  await fsyncDir(path.dirname(file));
  return target;
}

/**
 * A lowdb adapter like lowdb's own TextFile, but durable: steno renames without fsync, which can
 * lose the snapshot on power loss. It hands the raw text to `parse`, so the caller decides what an
 * unreadable file means instead of lowdb throwing a bare SyntaxError.
 */
export class DurableTextFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly codec: { parse(text: string): T; stringify(data: T): string | Promise<string> },
  ) {}

  async read(): Promise<T | null> {
    let handle;
    try {
      handle = await open(this.file, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    try {
      return this.codec.parse(await handle.readFile('utf8'));
    } finally {
      await handle.close();
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, await this.codec.stringify(data));
  }
}
