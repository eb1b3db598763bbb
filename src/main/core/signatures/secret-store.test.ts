import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mask, openSecretStore, SECRETS_FILE, type SecretEncryptor } from './secret-store';

/** AES-256-GCM with a fixed key: the same contract Electron's safeStorage offers. */
function aesEncryptor(key = randomBytes(32), available = true): SecretEncryptor {
  return {
    isAvailable: () => available,
    encrypt(s) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([c.update(s, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), data]);
    },
    decrypt(b) {
      const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
      d.setAuthTag(b.subarray(12, 28));
      return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hooklens-secrets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SECRET = 'whsec_abcdefghijklmnop1234';

describe('secret store', () => {
  it('keeps secrets per endpoint and provider in a 0600 file, across reopen', async () => {
    const store = await openSecretStore({ dataDir: dir });
    const status = await store.set('default', 'stripe', SECRET);
    expect(status).toMatchObject({
      endpointId: 'default',
      providerId: 'stripe',
      encrypted: false,
      masked: 'whsec_••••••••1234',
    });
    await store.set('other', 'stripe', 'second');
    const file = join(dir, SECRETS_FILE);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);

    const again = await openSecretStore({ dataDir: dir });
    expect(again.get('default', 'stripe')).toBe(SECRET);
    expect(again.get('other', 'stripe')).toBe('second');
    expect(again.get('default', 'github')).toBeUndefined();
    expect(again.status('default')).toHaveLength(1);
    expect(JSON.stringify(again.status())).not.toContain(SECRET);
  });

  it('stores only ciphertext when an encryptor is available', async () => {
    const enc = aesEncryptor();
    const store = await openSecretStore({ dataDir: dir, encryptor: enc });
    expect(await store.set('default', 'github', SECRET)).toMatchObject({ encrypted: true });
    const text = await readFile(join(dir, SECRETS_FILE), 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('abcdefghijklmnop');
    const again = await openSecretStore({ dataDir: dir, encryptor: enc });
    expect(again.get('default', 'github')).toBe(SECRET);
  });

  it('says so when an encrypted secret cannot be decrypted here', async () => {
    const store = await openSecretStore({ dataDir: dir, encryptor: aesEncryptor() });
    await store.set('default', 'github', SECRET);
    const elsewhere = await openSecretStore({ dataDir: dir, encryptor: aesEncryptor() });
    expect(elsewhere.get('default', 'github')).toBeUndefined();
    expect(elsewhere.notices.join(' ')).toContain('could not be decrypted');
    expect(elsewhere.status()[0].masked).toBe('(encrypted)');
    const noEncryptor = await openSecretStore({ dataDir: dir });
    expect(noEncryptor.notices.join(' ')).toContain('no decryption');
  });

  it('falls back to the 0600 file when the encryptor reports unavailable', async () => {
    const store = await openSecretStore({ dataDir: dir, encryptor: aesEncryptor(undefined, false) });
    expect(await store.set('default', 'slack', 'plain-secret-value')).toMatchObject({ encrypted: false });
    expect(await readFile(join(dir, SECRETS_FILE), 'utf8')).toContain('plain-secret-value');
  });

  it('removes a secret when set to empty', async () => {
    const store = await openSecretStore({ dataDir: dir });
    await store.set('default', 'stripe', SECRET);
    expect(await store.set('default', 'stripe', '')).toBeNull();
    expect((await openSecretStore({ dataDir: dir })).get('default', 'stripe')).toBeUndefined();
  });

  it('sets an unreadable file aside instead of overwriting it', async () => {
    await writeFile(join(dir, SECRETS_FILE), '{ not json');
    const store = await openSecretStore({ dataDir: dir });
    expect(store.notices[0]).toContain('set aside');
    await store.set('default', 'stripe', SECRET);
    const names = await readdir(dir);
    const aside = names.find((n) => n.startsWith(`${SECRETS_FILE}.unreadable-`))!;
    expect(await readFile(join(dir, aside), 'utf8')).toBe('{ not json');
  });

  it('masks without revealing short secrets', () => {
    expect(mask('abc')).toBe('••••');
    expect(mask('whsec_short')).toBe('whsec_•••••');
    expect(mask('0123456789abcdef')).toBe('••••••••cdef');
  });
});

describe('secret store write failures', () => {
  it('reports store_failed and keeps the previous secret when the file cannot be written', async () => {
    const dataDir = join(dir, 'data');
    const store = await openSecretStore({ dataDir });
    await store.set('default', 'stripe', SECRET);
    // A file where the data directory was: writes fail even for root.
    await rm(dataDir, { recursive: true });
    await writeFile(dataDir, 'not a directory');
    await expect(store.set('default', 'stripe', 'replacement-secret')).rejects.toMatchObject({ code: 'store_failed' });
    expect(store.get('default', 'stripe')).toBe(SECRET);
    await expect(store.set('default', 'github', 'another-secret')).rejects.toMatchObject({ code: 'store_failed' });
    expect(store.status().map((s) => s.providerId)).toEqual(['stripe']);
  });
});
