/*
 * A comparison is written as steps: a generator that yields between phases. `runSteps` runs them
 * at once; `compareCapturesCooperatively` (cooperative-compare.ts) runs them a task at a time.
 */

export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Thrown (or rejected with) when a comparison is cancelled: no result follows. */
export class DiffCancelledError extends Error {
  constructor() {
    super('The comparison was cancelled.');
    this.name = 'DiffCancelledError';
  }
}
