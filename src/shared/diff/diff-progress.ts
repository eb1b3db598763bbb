/*
 * Progress of one comparison. The work is a fixed sequence of phases (read the bodies, parse each,
 * compare, lay out the texts); each phase owns a stretch of the whole 0–100 and reports how far
 * through it is. The meter turns that into events that only move forward (phase order, percent
 * never lower), at most one per whole percent, so a worker posts a hundred messages, not a million.
 */
export type DiffPhase = 'reading' | 'parsing' | 'comparing' | 'formatting';

export interface DiffProgress {
  phase: DiffPhase;
  /** Of the whole comparison, 0–100, whole numbers. */
  percent: number;
}

/** `done` of `total` units (bytes, nodes) of the current stretch. */
export type StretchReport = (done: number, total: number) => void;

export class DiffMeter {
  private percent = -1;
  private phase: DiffPhase | null = null;

  /** `emit` may throw (a cancelled job does): the throw unwinds the work where it stands. */
  constructor(private readonly emit: (progress: DiffProgress) => void = () => {}) {}

  /** Enters the stretch [from, to] of the whole in `phase`; the returned function reports within it. */
  stretch(phase: DiffPhase, from: number, to: number): StretchReport {
    this.report(phase, from);
    return (done, total) => this.report(phase, from + (to - from) * (total > 0 ? Math.min(1, done / total) : 1));
  }

  finish(): void {
    this.report(this.phase ?? 'comparing', 100);
  }

  private report(phase: DiffPhase, at: number): void {
    const percent = Math.max(this.percent, Math.floor(at));
    if (percent === this.percent && phase === this.phase) return;
    this.percent = percent;
    this.phase = phase;
    this.emit({ phase, percent });
  }
}

const PHASE_LABEL: Record<DiffPhase, string> = {
  reading: 'Reading the bodies',
  parsing: 'Parsing the bodies',
  comparing: 'Comparing',
  formatting: 'Laying out the side-by-side texts',
};

/** What the comparison is doing, for the progress bar's label. */
export function describePhase(phase: DiffPhase): string {
  return PHASE_LABEL[phase];
}
