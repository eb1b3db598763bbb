/*
 * Settings that the UI changes optimistically (a switch answers the click at once, a drag saves
 * often) and the core confirms. Answers and `…settings-changed` events can arrive out of order, so:
 * only the latest save's answer is shown; an event that arrives while a save is in flight is noted
 * but not shown (it would undo the optimistic value); a refused latest save falls back to the last
 * value the core confirmed.
 */
export interface OptimisticSaver<V, P> {
  /** Applies `patch` at once, then sends it; rejects with the core's error. */
  save(patch: P): Promise<void>;
  /** A value from the core (initial load or event). */
  received(value: V): void;
}

export interface OptimisticSaverOptions<V, P> {
  read(): V | null;
  write(value: V): void;
  /** The optimistic value; return `value` unchanged for fields that only the core can judge. */
  apply(value: V, patch: P): V;
  send(patch: P): Promise<V>;
}

export function createOptimisticSaver<V, P>(opts: OptimisticSaverOptions<V, P>): OptimisticSaver<V, P> {
  let latest = 0;
  let inFlight = 0;
  let confirmed: V | null = null;
  let latestFailed = false;

  return {
    received(value) {
      confirmed = value;
      if (inFlight === 0) opts.write(value);
    },
    async save(patch) {
      const seq = ++latest;
      inFlight += 1;
      latestFailed = false;
      const current = opts.read();
      if (current !== null) opts.write(opts.apply(current, patch));
      try {
        const value = await opts.send(patch);
        confirmed = value;
        if (seq === latest) opts.write(value);
      } catch (err) {
        if (seq === latest) {
          latestFailed = true;
          if (confirmed !== null) opts.write(confirmed);
        }
        throw err;
      } finally {
        inFlight -= 1;
        // An earlier save may have been confirmed after the latest one was refused.
        if (inFlight === 0 && latestFailed && confirmed !== null) opts.write(confirmed);
      }
    },
  };
}
