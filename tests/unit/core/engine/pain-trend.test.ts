// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { CheckIn } from '../../../../core/check-in';
import { computeLongRunSpike } from '../../../../core/engine/long-run-spike';
import { painState } from '../../../../core/engine/pain-monitoring';
import { painTrend, trendActivitiesFrom, trendFrom, TREND_DAYS, TREND_WEEKS } from '../../../../core/engine/pain-trend';
import { addDays, dayNumber } from '../../../../core/local-date';
import { act, diary, settings } from './diary';

// Six weeks of pain answers with the runs beneath them, for the options page's trend.

const TODAY = '2025-06-15';
const S = settings();
const d = (ago: number) => addDays(TODAY, -ago);
const at = (date: string, hour: number) => dayNumber(date) * 86_400_000 + hour * 3_600_000;

function day(date: string, a: { m?: number; l?: number }): CheckIn {
  const c: CheckIn = { date, pain: (a.l ?? a.m)!, atMs: at(date, a.l !== undefined ? 19 : 7) };
  if (a.m !== undefined) c.morning = { pain: a.m, atMs: at(date, 7) };
  if (a.l !== undefined) c.later = { pain: a.l, atMs: at(date, 19) };
  return c;
}

const trendDay = (t: ReturnType<typeof painTrend>, date: string) => t.days.find((x) => x.date === date)!;

describe('the six-week pain trend', () => {
  it('42 days ending today, oldest first, each with its morning and later answer; other days left out', () => {
    const t = painTrend(
      TODAY,
      [
        day(d(0), { m: 1 }),
        day(d(1), { m: 2, l: 4 }),
        day(d(41), { l: 3 }),
        day(d(42), { m: 9 }),
        day(d(-1), { m: 9 }),
      ],
      [],
      S,
    );
    expect(t.days).toHaveLength(TREND_DAYS);
    expect(t.days[0]!.date).toBe(d(41));
    expect(t.days.at(-1)!.date).toBe(TODAY);
    expect(trendFrom(TODAY)).toBe(d(41));
    expect(trendDay(t, d(0))).toMatchObject({ morning: 1, later: null });
    expect(trendDay(t, d(1))).toMatchObject({ morning: 2, later: 4 });
    expect(trendDay(t, d(41))).toMatchObject({ morning: null, later: 3 });
    // 43 days ago and tomorrow are not in the series; nothing else has an answer.
    expect(t.days.filter((x) => x.morning !== null || x.later !== null).map((x) => x.date)).toEqual([
      d(41),
      d(1),
      d(0),
    ]);
  });

  it('an answer without its moment (an older record) is a later one, never a morning', () => {
    const t = painTrend(TODAY, [{ date: d(2), pain: 4, atMs: at(d(2), 20) }], [], S);
    expect(trendDay(t, d(2))).toMatchObject({ morning: null, later: 4 });
  });

  it('run days carry the day’s running distance; other sports and the same run twice count as nothing more', () => {
    const strava = act(d(3), { km: 8, hour: 7 });
    const watchCopy = { ...act(d(3), { km: 8.1, hour: 7, source: 'file' }), startMs: strava.startMs + 60_000 };
    const t = painTrend(
      TODAY,
      [],
      [strava, watchCopy, act(d(3), { km: 5, hour: 18 }), act(d(2), { sport: 'ride', km: 40 }), act(d(0), { km: 6 })],
      S,
    );
    expect(t.measure).toBe('distance');
    expect(trendDay(t, d(3)).run).toBe(13_000);
    expect(trendDay(t, d(2)).run).toBeNull();
    expect(trendDay(t, d(0)).run).toBe(6000);
    expect(t.days.filter((x) => x.run !== null)).toHaveLength(2);
  });

  it('runs with only a time are measured in seconds; a run with neither is still a run day', () => {
    const tread = (ago: number) => act(d(ago), { km: null, sport: 'treadmill_run' });
    const t = painTrend(
      TODAY,
      [],
      [tread(1), tread(2), { ...act(d(4), { km: null }), movingS: null, elapsedS: null }],
      S,
    );
    expect(t.measure).toBe('time');
    expect(trendDay(t, d(1)).run).toBe(1800);
    expect(trendDay(t, d(4)).run).toBe(0);
  });

  it('spikes are the long-run rule’s: each run against the longest of its own 30 days before', () => {
    // 10 km three times a week for ten weeks, then 14 km (+40 %, warning) 20 days ago and 21 km
    // (+50 % over that 14 km, warning) 2 days ago; 11 km (+10 % exactly) is no spike.
    const base = diary(d(3), 'R-R-R--'.repeat(10), 10).filter((a) => a.localDate !== d(20) && a.localDate !== d(9));
    const acts = [...base, act(d(20), { km: 14 }), act(d(9), { km: 11 }), act(d(2), { km: 21 })];
    const t = painTrend(TODAY, [], acts, S);
    expect(trendDay(t, d(20)).spike).toEqual({ severity: 'warning', pctOver: expect.closeTo(40, 6) });
    expect(trendDay(t, d(9)).spike).toBeNull();
    expect(trendDay(t, d(2)).spike).toEqual({ severity: 'warning', pctOver: expect.closeTo(50, 6) });
    expect(t.days.filter((x) => x.spike).map((x) => x.date)).toEqual([d(20), d(2)]);
    // The popup's verdict says the same of the run 2 days ago.
    expect(computeLongRunSpike(TODAY, acts, S).worst).toMatchObject({ date: d(2), severity: 'warning' });
  });

  it('the first weeks’ runs need the 30 days before the six weeks: without them they cannot be judged', () => {
    const acts = [...diary(d(42), 'R-R-R--'.repeat(5), 10), act(d(40), { km: 25 })];
    expect(trendDay(painTrend(TODAY, [], acts, S), d(40)).spike).toMatchObject({ severity: 'high' });
    const from = trendActivitiesFrom(TODAY, S);
    expect(from).toBe(d(41 + S.longRunWindowDays));
    // Only the six weeks: the 25 km run has nothing before it to be compared with.
    const cut = acts.filter((a) => a.localDate >= trendFrom(TODAY));
    expect(trendDay(painTrend(TODAY, [], cut, S), d(40)).spike).toBeNull();
  });

  it('two runs on a spike day: the worse of them is the day’s', () => {
    const acts = [
      ...diary(d(5), 'R-R-R--'.repeat(6), 10),
      act(d(1), { km: 12, hour: 7 }),
      act(d(1), { km: 25, hour: 18 }),
    ];
    expect(trendDay(painTrend(TODAY, [], acts, S), d(1)).spike).toMatchObject({ severity: 'high' });
  });

  it('weeks: six 7-day blocks ending today, each the mean of every answered day’s highest pain', () => {
    const checkIns = [
      day(d(0), { m: 2, l: 4 }), // 4
      day(d(3), { m: 3 }), // 3
      day(d(6), { l: 2 }), // 2
      day(d(7), { m: 1 }), // the week before
      day(d(13), { l: 3 }),
    ];
    const t = painTrend(TODAY, checkIns, [], S);
    expect(t.weeks).toHaveLength(TREND_WEEKS);
    expect(t.weeks.map((w) => [w.from, w.to])).toEqual(
      Array.from({ length: 6 }, (_, i) => [d(7 * (5 - i) + 6), d(7 * (5 - i))]),
    );
    expect(t.weeks.at(-1)).toEqual({ from: d(6), to: TODAY, mean: 3, answered: 3, comparable: true });
    expect(t.weeks.at(-2)).toEqual({ from: d(13), to: d(7), mean: 2, answered: 2, comparable: false });
    expect(t.weeks[0]).toMatchObject({ mean: null, answered: 0, comparable: false });
  });

  it('the last two weeks are the ones the week-on-week rule compares', () => {
    const checkIns = [
      ...[13, 12, 11, 10, 9, 8, 7].map((ago) => day(d(ago), { l: 2 })),
      ...[6, 5, 4, 3, 2, 1, 0].map((ago) => day(d(ago), { m: 2, l: ago < 3 ? 5 : 4 })),
    ];
    const t = painTrend(TODAY, checkIns, diary(TODAY, 'R-R-R-R-R-R-R-'), S);
    const rise = painState(TODAY, checkIns, diary(TODAY, 'R-R-R-R-R-R-R-'), S.runningLoadSports).findings.find(
      (f) => f.code === 'pain_week_rise',
    );
    expect(rise).toBeDefined();
    const [before, last] = t.weeks.slice(-2);
    expect(rise).toMatchObject({
      weekMean: Math.round(last!.mean! * 10) / 10,
      previousWeekMean: Math.round(before!.mean! * 10) / 10,
    });
  });
});
