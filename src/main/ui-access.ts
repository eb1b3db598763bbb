/*
 * Browser mode's access key, kept per data directory in browser-ui.json (mode 0600, like the
 * signing secrets) so that a tab left open keeps working after a restart. The file also records the
 * port and pid of the `hooklens serve` that last used it, which is how `hooklens serve --print-url`
 * finds the current address. Rotating writes a new key; tabs holding the old one are refused.
 *
 * The file is untrusted input: one that cannot be read is set aside (never overwritten) and a new
 * key is made.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setAside, writeFileDurably } from './core/durable-file';

export const UI_ACCESS_FILE = 'browser-ui.json';

export interface UiAccessRecord {
  token: string;
  /** Port and pid of the last `hooklens serve` on this data directory (absent before it listened). */
  port?: number;
  pid?: number;
}

const TOKEN_RE = /^[A-Za-z0-9_-]{32,128}$/;

export function newUiToken(): string {
  return randomBytes(24).toString('base64url');
}

export function uiUrl(port: number, token: string): string {
  return `http://127.0.0.1:${port}/?token=${token}`;
}

function parse(text: string): UiAccessRecord | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const { token, port, pid } = raw as Record<string, unknown>;
  if (typeof token !== 'string' || !TOKEN_RE.test(token)) return null;
  const out: UiAccessRecord = { token };
  if (typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536) out.port = port;
  if (typeof pid === 'number' && Number.isInteger(pid) && pid > 0) out.pid = pid;
  return out;
}

export interface ReadAccess {
  record: UiAccessRecord | null;
  /** Where an unreadable file was moved. */
  setAsidePath: string | null;
}

export async function readUiAccess(dataDir: string): Promise<ReadAccess> {
  const file = path.join(dataDir, UI_ACCESS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { record: null, setAsidePath: null };
    throw err;
  }
  const record = parse(text);
  if (record) return { record, setAsidePath: null };
  return { record: null, setAsidePath: await setAside(file, 'corrupt') };
}

export async function writeUiAccess(dataDir: string, record: UiAccessRecord): Promise<void> {
  await writeFileDurably(path.join(dataDir, UI_ACCESS_FILE), JSON.stringify(record, null, 2) + '\n', { mode: 0o600 });
}

/** The key to start with: the saved one, or a new one when asked (`--new-token`) or when there is none. */
export async function loadUiToken(
  dataDir: string,
  renew: boolean,
): Promise<{ token: string; setAsidePath: string | null }> {
  const { record, setAsidePath } = await readUiAccess(dataDir);
  return { token: !renew && record ? record.token : newUiToken(), setAsidePath };
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
