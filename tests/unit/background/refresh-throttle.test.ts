import { describe, expect, it } from 'vitest';
import { throttleRefresh, type Timers } from '../../../background/refresh-throttle';

/** Timers on a hand-moved clock: `advance` runs what falls due. */
function fakeTimers() {
  let now = 0;
  let queue: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = ++ids;
      queue.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      queue = queue.filter((q) => q.id !== id);
    },
  };
  const advance = async (ms: number) => {
    now += ms;
    const due = queue.filter((q) => q.at <= now);
    queue = queue.filter((q) => q.at > now);
    for (const q of due) q.fn();
    await Promise.resolve();
  };
  return { timers, advance, pending: () => queue.length };
}

describe('throttleRefresh', () => {
  it('refreshes at most once per gap while batches ask, and the last ask is never lost', async () => {
    const { timers, advance, pending } = fakeTimers();
    let runs = 0;
    const t = throttleRefresh(async () => void runs++, 3000, timers);
    t.soon(); // first: at once
    expect(runs).toBe(1);
    for (let i = 0; i < 20; i++) {
      t.soon();
      await advance(100);
    }
    // 2 s of asking after the first refresh: nothing more yet, one waiting.
    expect(runs).toBe(1);
    expect(pending()).toBe(1);
    await advance(1000);
    expect(runs).toBe(2);
    expect(pending()).toBe(0);
  });

  it("an immediate refresh (the import's end) drops the one waiting", async () => {
    const { timers, advance, pending } = fakeTimers();
    let runs = 0;
    const t = throttleRefresh(async () => void runs++, 3000, timers);
    t.soon();
    t.soon();
    expect(pending()).toBe(1);
    await t.now();
    expect(runs).toBe(2);
    expect(pending()).toBe(0);
    await advance(10_000);
    expect(runs).toBe(2);
  });
});
