import { makeRecord } from '../../../../main/core/store/test-support/records';

/** How many captures the paging tests store: two and a half pages of PAGE_ROWS (100). */
export const STORED = 250;

/** Oldest first, so the newest (row 0) is `/hooks/249`; every tenth one mentions "refund" in its body. */
export function pagedRecords(): ReturnType<typeof makeRecord>[] {
  const start = Date.now() - STORED * 1000;
  return Array.from({ length: STORED }, (_, n) =>
    makeRecord(JSON.stringify({ n, kind: n % 10 === 0 ? 'refund' : 'charge' }), {
      url: `/hooks/${n}`,
      receivedAt: new Date(start + n * 1000).toISOString(),
    }),
  );
}
