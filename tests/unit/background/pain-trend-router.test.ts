import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../background/message-router';
import type { CheckIn } from '../../../core/check-in';
import { addDays } from '../../../core/local-date';
import { problem } from '../../../core/problem-codes';
import type { ReplyOf } from '../../../core/protocol';
import { NOW, run } from '../activity-fixtures';
import { routerDeps } from './router-deps';

// 'pain/trend' through the router: the options page's six weeks, read from where the popup reads.

const page = { kind: 'page' } as const;
const strava = { kind: 'content', site: 'strava' } as const;
const TODAY = '2026-11-25'; // NOW, in Europe/London
const ago = (n: number) => addDays(TODAY, -n);
const at = (date: string, hour: number) => Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

function answer(date: string, morning: number | null, later: number | null): CheckIn {
  const c: CheckIn = { date, pain: later ?? morning!, atMs: at(date, later === null ? 7 : 19) };
  if (morning !== null) c.morning = { pain: morning, atMs: at(date, 7) };
  if (later !== null) c.later = { pain: later, atMs: at(date, 19) };
  return c;
}

const runOn = (n: number, km: number) =>
  run({ sourceId: `r${n}`, localDate: ago(n), startMs: at(ago(n), 7), distanceM: km * 1000, movingS: km * 330 });

/** Router deps whose history is the stores themselves (run sync off), counting beforeChange calls. */
async function deps() {
  const d = await routerDeps();
  const changes = { before: 0 };
  Object.assign(d, {
    history: async () => ({ activities: d.store, checkIns: d.checkIns }),
    beforeChange: async () => {
      changes.before++;
    },
  });
  return { d, changes };
}

beforeEach(() => fakeBrowser.reset());

describe('pain/trend through the router', () => {
  it('answers six weeks ending today: the answers, the runs and the spike, from the stores', async () => {
    const { d, changes } = await deps();
    // 10 km three times a week for ten weeks, then 16 km (+60 %) yesterday.
    const runs = Array.from({ length: 30 }, (_, i) => runOn(2 + i * 2 + Math.floor(i / 3), 10));
    await d.store.save([...runs, runOn(1, 16)], NOW);
    await d.checkIns.set(answer(ago(1), 2, 4));
    await d.checkIns.set(answer(ago(0), 3, null));
    await d.checkIns.set(answer(ago(50), 9, null));

    const r = await handleMessage({ type: 'pain/trend' }, page, d);
    expect(r.ok).toBe(true);
    const trend = r as ReplyOf<'pain/trend'>;
    expect(trend.today).toBe(TODAY);
    expect(trend.days).toHaveLength(42);
    expect(trend.days.at(-1)).toMatchObject({ date: TODAY, morning: 3, later: null, run: null, spike: null });
    expect(trend.days.at(-2)).toMatchObject({
      date: ago(1),
      morning: 2,
      later: 4,
      run: 16_000,
      spike: { severity: 'warning' },
    });
    // The answer 50 days ago is outside the six weeks; the runs before them still judge the first ones.
    expect(trend.days.filter((x) => x.morning !== null || x.later !== null)).toHaveLength(2);
    expect(trend.days.filter((x) => x.spike)).toHaveLength(1);
    expect(trend.weeks.at(-1)).toMatchObject({ from: ago(6), to: TODAY, mean: 3.5, answered: 2 });
    // A read: what the popup showed still holds.
    expect(changes.before).toBe(0);
  });

  it('reads the history the popup reads: with run sync on, the other browsers’ runs and answers', async () => {
    const { d } = await deps();
    const other = (await routerDeps()).store;
    await other.save([runOn(3, 12)], NOW);
    const synced = [answer(ago(3), null, 5)];
    Object.assign(d, {
      history: async () => ({
        activities: other,
        checkIns: { between: async (a: string, b: string) => synced.filter((c) => c.date >= a && c.date <= b) },
      }),
    });
    const r = (await handleMessage({ type: 'pain/trend' }, page, d)) as ReplyOf<'pain/trend'>;
    expect(r.days.find((x) => x.date === ago(3))).toMatchObject({ later: 5, run: 12_000 });
  });

  it('is refused from a content script and from anyone else; extra fields from a page change nothing', async () => {
    const { d } = await deps();
    await d.checkIns.set(answer(ago(0), 6, null));
    expect(await handleMessage({ type: 'pain/trend' }, strava, d)).toEqual({
      ok: false,
      error: problem('request_refused', problem('request_not_from_page', 'pain/trend')),
    });
    const foreign = { kind: 'unknown', why: problem('request_foreign_sender') } as const;
    expect(await handleMessage({ type: 'pain/trend' }, foreign, d)).toEqual({
      ok: false,
      error: problem('request_refused', problem('request_foreign_sender')),
    });
    const odd = (await handleMessage(
      { type: 'pain/trend', from: '1970-01-01', days: 1e9 },
      page,
      d,
    )) as ReplyOf<'pain/trend'>;
    expect(odd.days).toHaveLength(42);
    expect(odd.days.at(-1)).toMatchObject({ date: TODAY, morning: 6 });
  });
});
