// During a bulk import the background saves a batch every fraction of a second; recomputing the
// popup state, badge and notification and nudging every open page after each would cost more
// than the saves. Batches ask for a refresh "soon": at most one per `gapMs`, the last one never
// lost. Anything else (the import's end included) refreshes at once.

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface ThrottledRefresh {
  /** Refresh now, dropping any refresh waiting to run. */
  now(): Promise<void>;
  /** Refresh within `gapMs` of the last one: now if that long has passed, else once, later. */
  soon(): void;
}

export function throttleRefresh(
  refresh: () => Promise<void>,
  gapMs: number,
  timers: Timers = realTimers,
): ThrottledRefresh {
  let last = -Infinity;
  let timer: unknown = null;
  const run = async () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    last = timers.now();
    await refresh();
  };
  return {
    now: run,
    soon() {
      if (timer !== null) return;
      const wait = last + gapMs - timers.now();
      if (wait <= 0) void run().catch(() => {});
      else
        timer = timers.setTimeout(() => {
          timer = null;
          void run().catch(() => {});
        }, wait);
    },
  };
}
