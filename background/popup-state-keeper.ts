import type { PopupState } from './popup-state';

// The popup's state, kept from the last change so that opening the popup costs no database
// reads; computed again whenever data, settings or the day change, and copied to storage.session,
// where the popup reads it without waking this worker (messaging/popup-state-copy.ts).

export interface StateKeeperDeps {
  /** The state from what is stored now, given the number of stored activities. */
  build(totalCount: number): Promise<PopupState>;
  /** Reads every stored record: only after a change. */
  countAll(): Promise<number>;
  /** The count in the popup's copy, when there is one (it outlives the worker). */
  keptCount(): Promise<number | null>;
  keep(state: PopupState): Promise<void>;
  drop(): Promise<void>;
  /** Today in the runner's zone. */
  today(): string;
  warn(message: string): void;
}

export interface StateKeeper {
  /** Computes the state now, keeps it and copies it for the popup. */
  compute(): Promise<PopupState>;
  /** The kept state if it is today's, else a new one. */
  current(): Promise<PopupState>;
  /** Before activities change: the count, the state and the popup's copy go. */
  beforeChange(): Promise<void>;
  /** Before a batch of a bulk import: the count and the copy go (its refreshes are throttled). */
  beforeBatchChange(): Promise<void>;
  /** Something the state shows changed, not the activities (a catch-up's progress). */
  stale(): void;
}

export function createStateKeeper(deps: StateKeeperDeps): StateKeeper {
  let kept: PopupState | null = null;
  // The number of stored activities, counted once after each change (a count reads every record,
  // so opening the popup or waking the worker never pays for the history's size). Between changes
  // it is the one in the popup's copy, which every change drops first.
  let counted: number | null = null;
  let changes = 0;
  const forgetCount = () => {
    counted = null;
    changes++;
  };
  const count = async () => {
    if (counted !== null) return counted;
    const before = changes;
    const n = (await deps.keptCount()) ?? (await deps.countAll());
    // A change that came meanwhile may not be in n: the refresh after it counts again.
    if (before === changes) counted = n;
    return n;
  };
  const drop = () => deps.drop().catch((e: unknown) => deps.warn(`popup copy not dropped: ${String(e)}`));

  // Computations overlap (the options page asks while a change's refresh runs). The newest one
  // read the newest data: an older one that ends after it started keeps nothing and answers with
  // the newest's state, or it would put back a count from before the change (seen: "0 activities
  // stored" after two were added, until the next change).
  let started = 0;
  let newest: Promise<PopupState> | null = null;
  const compute = (): Promise<PopupState> => {
    const mine = ++started;
    const before = changes;
    const run = (async (): Promise<PopupState> => {
      const state = await deps.build(await count());
      if (mine !== started) return newest!;
      // A change came while it was built: kept, its count would outlive the change (the copy's
      // count is the next one's). The refresh after that change keeps the state.
      if (before !== changes) return state;
      kept = state;
      // Without the copy the popup asks the worker instead: slower, never wrong.
      await deps.keep(state).catch((e: unknown) => deps.warn(`popup copy not kept: ${String(e)}`));
      // This state, not `kept`: a change while the copy was written empties `kept`, and the
      // refresh after that change computes again.
      return state;
    })();
    newest = run;
    return run;
  };
  return {
    compute,
    current: async () => (kept?.today === deps.today() ? kept : compute()),
    beforeChange: async () => {
      kept = null;
      forgetCount();
      await drop();
    },
    beforeBatchChange: async () => {
      forgetCount();
      await drop();
    },
    stale: () => {
      kept = null;
    },
  };
}
