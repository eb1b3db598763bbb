/*
 * When the store seals a segment and saves its index, and which captures compaction re-writes:
 * pure decisions over the index, kept apart from the write path that carries them out.
 */
import type { CaptureIndex, IndexEntry } from './capture-index';

/** Tuning; tests shrink these to exercise sealing and compaction with few captures. */
export interface StoreTuning {
  rollBytes: number;
  rollOps: number;
  maxBatch: number;
}

export const DEFAULT_TUNING: StoreTuning = { rollBytes: 32 * 1024 * 1024, rollOps: 20_000, maxBatch: 2048 };

export interface BatchStats {
  items: number;
  bytes: number;
  ms: number;
}

/*
 * Saving the index writes one row per stored capture, so with a fixed interval its cost per
 * capture would grow with the store (at 100,000 stored, five rows written for every arrival).
 * Past 2 × rollOps stored the interval grows with the store instead: a snapshot at most every
 * stored/2 operations, about two rows per arrival whatever the size. The price is at start after
 * a crash: up to stored/2 journal lines to replay besides the index, about as long again as
 * reading the index itself.
 */
export function rollScale(stored: number, tuning: StoreTuning): number {
  return Math.max(1, stored / (2 * tuning.rollOps));
}

/**
 * The live captures of `seg` worth re-writing. Retention evicts the oldest unpinned captures
 * first; those it will reach within the next segment's worth of captures empty the segment on
 * their own, and moving them would write each twice (at the cap, half of every sealed segment).
 */
export function movesWorthMaking(
  index: CaptureIndex,
  seg: number,
  maxCaptures: number,
  tuning: StoreTuning,
): IndexEntry[] {
  const nextSegment = Math.ceil(tuning.rollOps * rollScale(index.size, tuning));
  let doomed = Math.max(0, nextSegment - (maxCaptures - index.size));
  const out: IndexEntry[] = [];
  for (const e of index.oldestFirst()) {
    const soon = doomed > 0 && !e.summary.pinned;
    if (soon) doomed -= 1;
    if (!soon && e.seg === seg) out.push(e);
  }
  return out;
}
