import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, symlink, truncate, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalStore } from './capture-store';
import { makeRecord } from './test-support/records';
import { useTempStore } from './test-support/temp-store';

const temp = useTempStore('hooklens-recovery-', { ignoreCloseErrors: true });
const { openStore } = temp;

const journal = (seg = 1): string => path.join(temp.dir, 'captures', `journal-${String(seg).padStart(6, '0')}.jsonl`);
const snapshotFile = (): string => path.join(temp.dir, 'captures.json');

/** Stores a capture whose body spills to a blob file and a small one, closes, and names the blob file. */
async function storeBigAndSmall(bigBody: Buffer) {
  const big = makeRecord(bigBody);
  const small = makeRecord('"small"');
  const store = await openStore();
  await store.add(big);
  await store.add(small);
  await store.close();
  const blobs = path.join(temp.dir, 'captures', 'blobs');
  const [blob] = await readdir(blobs);
  return { big, small, blobFile: path.join(blobs, blob!) };
}

/** Adds records and leaves the store as a crash would: journal written, no index saved. */
async function seed(n: number, body = (i: number): Buffer | string => `{"i":${i}}`) {
  const store = await openStore();
  const records = Array.from({ length: n }, (_, i) => makeRecord(body(i)));
  for (const r of records) await store.add(r);
  return { store, records };
}

async function expectAll(store: JournalStore, records: ReturnType<typeof makeRecord>[]): Promise<void> {
  expect(store.count()).toBe(records.length);
  for (const r of records) expect(await store.get(r.id)).toEqual(r);
}

describe('capture store recovery', () => {
  it('sets aside a torn last journal line and keeps every complete capture', async () => {
    const { records } = await seed(3);
    const torn = '{"op":"add","record":{"id":"half-writ';
    await appendFile(journal(), torn);
    const store = await openStore();
    await expectAll(store, records);
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0].kind).toBe('recovered');
    expect(store.notices[0].message).toMatch(/incomplete/);
    expect(await readFile(store.notices[0].movedTo!, 'utf8')).toBe(torn);
    // The journal is clean again: a new capture after the cut survives another restart.
    const next = makeRecord('"after"');
    await store.add(next);
    const again = await openStore();
    await expectAll(again, [...records, next]);
    expect(again.notices).toEqual([]);
  });

  it('skips an unreadable line in the middle of the journal, keeping a copy of the file', async () => {
    const { records } = await seed(2);
    await appendFile(journal(), 'this is not json\n');
    const third = makeRecord('"third"');
    await (await openStore()).add(third);
    const store = await openStore();
    await expectAll(store, [...records, third]);
    const notice = store.notices.find((n) => /could not be read/.test(n.message));
    expect(notice?.message).toMatch(/1 line/);
    expect(await readFile(notice!.movedTo!, 'utf8')).toContain('this is not json');
  });

  it('moves a truncated captures.json aside and recovers every capture from the journal', async () => {
    const { store: first, records } = await seed(40);
    await first.close();
    const original = await readFile(snapshotFile(), 'utf8');
    await truncate(snapshotFile(), Math.floor(original.length / 2));
    const store = await openStore();
    await expectAll(store, records);
    expect(store.notices[0]).toMatchObject({ kind: 'set-aside' });
    expect(store.notices[0].message).toMatch(/not valid JSON.*40 captures were recovered/);
    const moved = store.notices[0].movedTo!;
    expect(path.basename(moved)).toMatch(/^captures\.json\.corrupt-/);
    expect(await readFile(moved, 'utf8')).toBe(original.slice(0, Math.floor(original.length / 2)));
    await store.close();
    // The next start is clean and the set-aside file was not touched.
    const again = await openStore();
    expect(again.notices).toEqual([]);
    expect(again.count()).toBe(40);
    expect(await readFile(moved, 'utf8')).toBe(original.slice(0, Math.floor(original.length / 2)));
  });

  it('never overwrites a foreign file: a JSON array is moved aside and the store starts empty', async () => {
    await writeFile(snapshotFile(), '[1, 2, 3]');
    const store = await openStore();
    expect(store.count()).toBe(0);
    expect(store.notices[0]).toMatchObject({ kind: 'set-aside' });
    expect(store.notices[0].message).toMatch(/JSON array/);
    expect(await readFile(store.notices[0].movedTo!, 'utf8')).toBe('[1, 2, 3]');
    await store.add(makeRecord('"new"'));
    await store.close();
    expect(JSON.parse(await readFile(snapshotFile(), 'utf8'))).toMatchObject({
      format: 'hooklens-captures',
      version: 2,
    });
  });

  it('moves a directory standing where captures.json should be out of the way', async () => {
    await mkdir(snapshotFile());
    await writeFile(path.join(snapshotFile(), 'inside.txt'), 'keep');
    const store = await openStore();
    expect(store.notices[0]).toMatchObject({ kind: 'set-aside' });
    expect(await readFile(path.join(store.notices[0].movedTo!, 'inside.txt'), 'utf8')).toBe('keep');
  });

  it('sets aside a file from a newer version instead of downgrading it', async () => {
    await writeFile(snapshotFile(), JSON.stringify({ format: 'hooklens-captures', version: 99, captures: [] }));
    const store = await openStore();
    expect(store.notices[0].message).toMatch(/newer Hooklens/);
    expect(path.basename(store.notices[0].movedTo!)).toMatch(/^captures\.json\.newer-/);
  });

  it('migrates a version 1 file (every capture in full), skipping damaged entries and keeping a backup', async () => {
    const records = [makeRecord('"old one"'), makeRecord(randomBytes(70_000))];
    const v1 = JSON.stringify({ version: 1, captures: [records[0], { id: 'broken' }, records[1]] });
    await writeFile(snapshotFile(), v1);
    let store = await openStore();
    await expectAll(store, records);
    expect(store.notices[0].message).toMatch(/older format.*2 captures kept, 1 damaged entry skipped/);
    expect(await readFile(store.notices[0].movedTo!, 'utf8')).toBe(v1);
    store = await openStore();
    await expectAll(store, records);
    expect(store.notices).toEqual([]);
  });

  it('removes a capture whose body file is missing, saving its details, and keeps the rest', async () => {
    const { big, small, blobFile } = await storeBigAndSmall(randomBytes(80_000));
    await unlink(blobFile);
    const store = await openStore();
    await expectAll(store, [small]);
    expect(store.notices[0].message).toMatch(/1 capture lost its body file.*1 capture recovered/);
    const report = JSON.parse(await readFile(store.notices[0].movedTo!, 'utf8'));
    expect(report.missingBodies[0]).toMatchObject({ id: big.id, headers: big.headers });
    // The removal was written down: the next start has nothing to report.
    expect((await openStore()).notices).toEqual([]);
  });

  it('keeps a capture whose body file was cut short, with the bytes that survive and a truncated mark', async () => {
    const original = randomBytes(80_000);
    const { big, small, blobFile } = await storeBigAndSmall(original);
    await truncate(blobFile, 1000);
    const store = await openStore();
    expect(store.count()).toBe(2);
    expect(await store.get(small.id)).toEqual(small);
    const kept = await store.get(big.id);
    expect(Buffer.from(kept!.body.text, kept!.body.encoding === 'utf8' ? 'utf8' : 'base64')).toEqual(
      original.subarray(0, 1000),
    );
    expect(kept).toMatchObject({
      headers: big.headers,
      url: big.url,
      damaged: { message: 'body truncated: 1000 of 80000 bytes' },
    });
    expect(store.list().find((c) => c.id === big.id)).toMatchObject({ damaged: 'body truncated: 1000 of 80000 bytes' });
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0].message).toMatch(/1 capture.*body file.*cut short.*1000 of 80000 bytes/);
    const setAside = store.notices[0].movedTo!;
    expect(path.dirname(setAside)).toBe(temp.dir);
    expect(await readFile(path.join(setAside, `${big.id}.bin`))).toEqual(original.subarray(0, 1000));
    // Written down: the next start reports nothing and still shows the mark.
    await store.close();
    const again = await openStore();
    expect(again.notices).toEqual([]);
    expect((await again.get(big.id))?.damaged?.message).toBe('body truncated: 1000 of 80000 bytes');
  });

  it('shows a capture whose journal line is damaged as damaged, with what could be read, and keeps a copy', async () => {
    const { store: first, records } = await seed(3);
    await first.close();
    // The index (saved at close) points into segment 1, which is not replayed at the next start.
    const buf = await readFile(journal(1));
    const at = buf.indexOf(`"id":"${records[1].id}"`);
    const headersAt = buf.indexOf('"headers":[', at);
    buf.write('#garbled#', headersAt, 'latin1');
    await writeFile(journal(1), buf);
    const store = await openStore();
    expect(store.count()).toBe(3);
    const damaged = await store.get(records[1].id);
    expect(damaged).toMatchObject({
      id: records[1].id,
      url: records[1].url,
      method: 'POST',
      damaged: { message: expect.stringMatching(/damaged/) },
    });
    expect(damaged!.damaged!.readable).toContain(records[1].id);
    expect(await store.get(records[0].id)).toEqual(records[0]);
    expect(await store.get(records[2].id)).toEqual(records[2]);
    const notice = store.notices.find((n) => n.movedTo?.includes('.damaged-'));
    expect(notice).toMatchObject({ kind: 'recovered', message: expect.stringContaining(records[1].id) });
    expect(await readFile(notice!.movedTo!)).toEqual(buf);
    expect(store.list().find((c) => c.id === records[1].id)?.damaged).toMatch(/damaged/);
    await store.close();
    const again = await openStore();
    expect((await again.get(records[1].id))?.damaged?.message).toMatch(/damaged/);
    expect(again.notices).toEqual([]);
  });

  it('drops index entries whose journal segment is gone', async () => {
    const { store: first, records } = await seed(3);
    await first.close();
    await unlink(journal(1));
    const after = makeRecord('"after"');
    const store = await openStore();
    expect(store.count()).toBe(0);
    expect(store.notices[0].message).toMatch(/3 captures .* no data left/);
    await store.add(after);
    await expectAll(await openStore(), [after]);
    expect(records).toHaveLength(3);
  });

  it('rejects a write that fails and acknowledges nothing half-written', async () => {
    // Seal segment 1 after each batch, and make segment 2 a device that is always full.
    const tuning = { rollOps: 1 };
    const store = await openStore({ tuning });
    const ok = makeRecord('"ok"');
    await store.add(ok);
    await mkdir(path.join(temp.dir, 'captures'), { recursive: true });
    await symlink('/dev/full', journal(2));
    const failed = makeRecord('"fails"');
    await expect(store.add(failed)).rejects.toMatchObject({ code: 'store_failed' });
    expect(store.has(failed.id)).toBe(false);
    expect(store.notices.at(-1)).toMatchObject({ kind: 'write-failed' });
    await store.close().catch(() => undefined);
    temp.forgetOpened();
    await unlink(journal(2));
    await expectAll(await openStore(), [ok]);
  });
});
