import { describe, expect, it, vi, type Mock } from 'vitest';
import type { PopupState } from '../../../background/popup-state';
import { createStateKeeper, type StateKeeperDeps } from '../../../background/popup-state-keeper';

// Only what the keeper looks at; the rest of a state is the popup's business.
const stateOf = (today: string, totalCount: number) => ({ today, totalCount }) as unknown as PopupState;

function keeper(over: Partial<Record<keyof StateKeeperDeps, ReturnType<typeof vi.fn>>> = {}) {
  let today = '2026-03-10';
  let stored = 200;
  const deps = {
    build: vi.fn(async (n: number) => stateOf(today, n)),
    countAll: vi.fn(async () => stored),
    keptCount: vi.fn(async (): Promise<number | null> => null),
    keep: vi.fn(async () => {}),
    drop: vi.fn(async () => {}),
    today: () => today,
    warn: vi.fn(),
    ...over,
  };
  return {
    k: createStateKeeper(deps as unknown as StateKeeperDeps),
    deps,
    setToday: (d: string) => (today = d),
    setStored: (n: number) => (stored = n),
  };
}

/** Starts a computation whose build waits for `built()`: a change can come in between. */
async function computeHeld(k: ReturnType<typeof keeper>['k'], deps: ReturnType<typeof keeper>['deps']) {
  let built!: () => void;
  (deps.build as Mock<(n: number) => Promise<PopupState>>).mockImplementationOnce(
    (n) => new Promise((r) => (built = () => r(stateOf('2026-03-10', n)))),
  );
  const a = k.compute();
  await vi.waitFor(() => expect(deps.build).toHaveBeenCalledTimes(1));
  return { a, built };
}

describe('the popup state the background keeps', () => {
  it('returns the state it computed even when a change empties the kept one while its copy is written', async () => {
    // A catch-up's tab opening (stale) while the copy was being written left the worker with no
    // state to read, and "catchup/start" failed with "can't access property verdict of null".
    let written!: () => void;
    const keep = vi.fn(async () => {});
    keep.mockImplementationOnce(() => new Promise<void>((r) => (written = r)));
    const { k, deps } = keeper({ keep });
    const computing = k.compute();
    await vi.waitFor(() => expect(deps.keep).toHaveBeenCalled());
    k.stale();
    written();
    expect(await computing).toMatchObject({ today: '2026-03-10', totalCount: 200 });
    // What was emptied stays empty: the next read computes again.
    await k.current();
    expect(deps.build).toHaveBeenCalledTimes(2);
  });

  it('an older computation that ends after a newer one keeps nothing and answers with the newer state', async () => {
    // The options page asked (A) just before two runs were added; the change's refresh (B) read
    // them. A ending last put "0 activities stored" back until the next change.
    const { k, deps, setStored } = keeper();
    setStored(0);
    const { a, built: builtA } = await computeHeld(k, deps);
    await k.beforeChange();
    setStored(2);
    const b = await k.compute();
    builtA();
    expect(b.totalCount).toBe(2);
    expect((await a).totalCount).toBe(2);
    expect((await k.current()).totalCount).toBe(2);
    expect(deps.keep.mock.calls.map((c) => (c[0] as PopupState).totalCount)).toEqual([2]);
  });

  it('a state built across a change is not kept, so its count cannot outlive the change', async () => {
    // A bulk import's batch (or a site's run) arrived while the state was built: copied, its
    // count (500) became the next computation's, and the options page said 500 of 501.
    const { k, deps, setStored } = keeper();
    setStored(500);
    const { a, built } = await computeHeld(k, deps);
    await k.beforeBatchChange();
    setStored(501);
    built();
    expect((await a).totalCount).toBe(500);
    expect(deps.keep).not.toHaveBeenCalled();
    expect((await k.compute()).totalCount).toBe(501);
  });

  it('counts every record once after each change, and takes the count of the popup’s copy first', async () => {
    const { k, deps, setStored } = keeper();
    await k.compute();
    await k.compute();
    expect(deps.countAll).toHaveBeenCalledTimes(1);
    setStored(201);
    await k.beforeChange();
    expect(deps.drop).toHaveBeenCalledTimes(1);
    expect((await k.compute()).totalCount).toBe(201);
    expect(deps.countAll).toHaveBeenCalledTimes(2);
    // A new worker: the copy's count, no reading every record.
    const fresh = keeper({ keptCount: vi.fn(async () => 20_000) });
    expect((await fresh.k.compute()).totalCount).toBe(20_000);
    expect(fresh.deps.countAll).not.toHaveBeenCalled();
  });

  it('does not keep a count that a change overtook, and a batch forgets the count too', async () => {
    let counted!: (n: number) => void;
    const { k, deps, setStored } = keeper();
    (deps.countAll as Mock<() => Promise<number>>).mockImplementationOnce(() => new Promise((r) => (counted = r)));
    const computing = k.compute();
    await vi.waitFor(() => expect(deps.countAll).toHaveBeenCalled());
    await k.beforeBatchChange();
    counted(200);
    await computing;
    setStored(1200);
    expect((await k.compute()).totalCount).toBe(1200);
  });

  it('gives the kept state while it is today’s, and a new one after midnight or a change it is told of', async () => {
    const { k, deps, setToday } = keeper();
    const first = await k.current();
    expect(await k.current()).toBe(first);
    expect(deps.build).toHaveBeenCalledTimes(1);
    setToday('2026-03-11');
    expect((await k.current()).today).toBe('2026-03-11');
    k.stale();
    await k.current();
    expect(deps.build).toHaveBeenCalledTimes(3);
  });

  it('a copy that cannot be written or dropped is warned of, and the state still returned', async () => {
    const { k, deps } = keeper({
      keep: vi.fn(async () => Promise.reject(new Error('quota'))),
      drop: vi.fn(async () => Promise.reject(new Error('gone'))),
    });
    expect((await k.compute()).totalCount).toBe(200);
    await k.beforeChange();
    expect(deps.warn.mock.calls.map((c) => c[0])).toEqual([
      'popup copy not kept: Error: quota',
      'popup copy not dropped: Error: gone',
    ]);
  });
});
