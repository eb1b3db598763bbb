/*
 * Signing secrets, kept apart from the captures file so that exporting or sharing captures can
 * never carry them. One file, `secrets.json` in the data dir, mode 0600, written atomically
 * (temp file + rename). When an encryptor is available (Electron safeStorage, injected by the
 * shell: core never imports electron) values are stored encrypted as base64; otherwise as text,
 * protected by the file mode only.
 *
 * File shape: { "version": 1, "entries": [{ endpointId, providerId, value, encrypted, updatedAt }] }
 *
 * Secrets never appear in errors, logs or status: callers get `mask()`ed forms only.
 */
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { setAside, writeFileDurably } from '../durable-file';
import type { NoticeBoard } from '../notice-board';
import { join } from 'node:path';
import type { SecretStatus } from '../../../shared/api/signatures';
import { HooklensError } from '../../../shared/errors';

export interface SecretEncryptor {
  isAvailable(): boolean;
  encrypt(s: string): Buffer;
  decrypt(b: Buffer): string;
}

export interface SecretStore {
  /** The secret, or undefined when none is stored or it cannot be decrypted here. */
  get(endpointId: string, providerId: string): string | undefined;
  /** Stores (or with '' removes) a secret; resolves once it is on disk. */
  set(endpointId: string, providerId: string, secret: string): Promise<SecretStatus | null>;
  /** Masked status of every entry, of one endpoint when given. */
  status(endpointId?: string): SecretStatus[];
  /** Problems met while reading the file (set aside, undecryptable entries). Never contains secrets. */
  readonly notices: string[];
  readonly path: string;
}

export interface SecretStoreOptions {
  dataDir: string;
  encryptor?: SecretEncryptor;
  /** Where problems met while reading the file are also reported, for the UI. */
  board?: NoticeBoard;
}

interface Entry {
  endpointId: string;
  providerId: string;
  value: string;
  encrypted: boolean;
  updatedAt: string;
  /** Set when the entry could be read and decrypted; memory only. */
  plain?: string;
  /** Masked form; memory only, kept for entries we cannot decrypt. */
  masked?: string;
}

interface SecretsFile {
  version: 1;
  entries: Omit<Entry, 'plain'>[];
}

export const SECRETS_FILE = 'secrets.json';
const FILE_MODE = 0o600;

/** Enough of a secret to recognise it, never enough to use it. */
export function mask(secret: string): string {
  const prefix = /^(whsec_|sk_|pk_|shpss_|xoxb-)/.exec(secret)?.[0] ?? '';
  const rest = secret.slice(prefix.length);
  if (rest.length < 12) return `${prefix}${'•'.repeat(Math.min(Math.max(rest.length, 4), 8))}`;
  return `${prefix}••••••••${rest.slice(-4)}`;
}

function isEntry(v: unknown): v is Omit<Entry, 'plain'> {
  if (!v || typeof v !== 'object') return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.endpointId === 'string' &&
    typeof e.providerId === 'string' &&
    typeof e.value === 'string' &&
    typeof e.encrypted === 'boolean' &&
    typeof e.updatedAt === 'string'
  );
}

export async function openSecretStore(opts: SecretStoreOptions): Promise<SecretStore> {
  const path = join(opts.dataDir, SECRETS_FILE);
  const notices: string[] = [];
  const note = (message: string): void => {
    notices.push(message);
    opts.board?.add({ kind: 'secrets', message: `Signing secrets: ${message}.` });
  };
  const encryptor = opts.encryptor;
  const canEncrypt = (): boolean => {
    try {
      return encryptor?.isAvailable() ?? false;
    } catch {
      return false;
    }
  };
  await mkdir(opts.dataDir, { recursive: true, mode: 0o700 });

  let entries: Entry[] = [];
  let raw: string | undefined;
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new HooklensError('store_failed', `cannot read ${SECRETS_FILE}: ${(err as Error).message}`);
    }
  }
  if (raw !== undefined) {
    try {
      const parsed = JSON.parse(raw) as Partial<SecretsFile>;
      if (parsed.version !== 1 || !Array.isArray(parsed.entries)) throw new Error('not a Hooklens secrets file');
      entries = parsed.entries.filter(isEntry).map((e) => ({ ...e }));
    } catch {
      // Never overwrite a file we cannot read: the user may want it back.
      const aside = await setAside(path, 'unreadable');
      const message = `${SECRETS_FILE} could not be read and was set aside as ${aside}; stored secrets must be entered again`;
      notices.push(message);
      opts.board?.add({ kind: 'set-aside', message: `Signing secrets: ${message}.`, movedTo: aside });
    }
    await chmod(path, FILE_MODE).catch(() => undefined);
  }
  for (const e of entries) {
    if (!e.encrypted) {
      e.plain = e.value;
    } else if (canEncrypt()) {
      try {
        e.plain = encryptor!.decrypt(Buffer.from(e.value, 'base64'));
      } catch {
        note(`the secret for ${e.providerId} on endpoint ${e.endpointId} could not be decrypted; enter it again`);
      }
    } else {
      note(
        `the secret for ${e.providerId} on endpoint ${e.endpointId} is encrypted and no decryption is available here`,
      );
    }
    e.masked = e.plain !== undefined ? mask(e.plain) : '(encrypted)';
  }

  let writing: Promise<void> = Promise.resolve();
  const persist = (): Promise<void> => {
    const file: SecretsFile = {
      version: 1,
      entries: entries.map(({ endpointId, providerId, value, encrypted, updatedAt }) => ({
        endpointId,
        providerId,
        value,
        encrypted,
        updatedAt,
      })),
    };
    const data = `${JSON.stringify(file, null, 2)}\n`;
    const run = (): Promise<void> => writeFileDurably(path, data, { mode: FILE_MODE });
    writing = writing.then(run, run);
    return writing;
  };

  const find = (endpointId: string, providerId: string): number =>
    entries.findIndex((e) => e.endpointId === endpointId && e.providerId === providerId);

  const toStatus = (e: Entry): SecretStatus => ({
    endpointId: e.endpointId,
    providerId: e.providerId,
    masked: e.masked ?? '(encrypted)',
    encrypted: e.encrypted,
    updatedAt: e.updatedAt,
  });

  return {
    path,
    notices,
    get(endpointId, providerId) {
      const i = find(endpointId, providerId);
      return i < 0 ? undefined : entries[i].plain;
    },
    async set(endpointId, providerId, secret) {
      if (typeof endpointId !== 'string' || !endpointId || typeof providerId !== 'string' || !providerId) {
        throw new HooklensError('invalid_argument', 'endpoint and provider are required');
      }
      if (typeof secret !== 'string') throw new HooklensError('invalid_argument', 'the secret must be text');
      const i = find(endpointId, providerId);
      if (secret === '') {
        if (i < 0) return null;
        const [removed] = entries.splice(i, 1);
        await persist().catch((err: Error) => {
          entries.splice(i, 0, removed);
          throw new HooklensError('store_failed', `cannot write ${SECRETS_FILE}: ${err.message}`);
        });
        return null;
      }
      const encrypted = canEncrypt();
      const value = encrypted ? encryptor!.encrypt(secret).toString('base64') : secret;
      const entry: Entry = {
        endpointId,
        providerId,
        value,
        encrypted,
        updatedAt: new Date().toISOString(),
        plain: secret,
        masked: mask(secret),
      };
      const previous = i < 0 ? undefined : entries[i];
      if (i < 0) entries.push(entry);
      else entries[i] = entry;
      await persist().catch((err: Error) => {
        // Keep memory and disk in agreement: the caller is told the secret was not stored.
        const at = entries.indexOf(entry);
        if (previous) entries[at] = previous;
        else entries.splice(at, 1);
        throw new HooklensError('store_failed', `cannot write ${SECRETS_FILE}: ${err.message}`);
      });
      return toStatus(entry);
    },
    status(endpointId) {
      return entries.filter((e) => endpointId === undefined || e.endpointId === endpointId).map(toStatus);
    },
  };
}
