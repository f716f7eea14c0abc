// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../../core/activity';
import type { CheckIn, RedFlag } from '../../../../core/check-in';
import { computeVerdict, type Verdict } from '../../../../core/engine/verdict';
import { addDays, dayNumber, weekdayOf } from '../../../../core/local-date';
import { act, preset } from './diary';

// Pain diaries run through the engine day by day, morning (the morning answer in, nothing of the
// day's run) and evening (the run and the later answer in): twelve weeks of what runners with a
// sore hip really report, and what the popup would say each time.

const START = '2026-03-02'; // a Monday
const DAYS = 84;
const at = (date: string, hour: number) => dayNumber(date) * 86_400_000 + hour * 3_600_000;

interface DiaryDay {
  run?: number;
  m?: number;
  l?: number;
  place?: CheckIn['place'];
  flags?: RedFlag[];
}

function judge(days: (date: string, i: number) => DiaryDay, settings = preset('regular')) {
  const acts: Activity[] = [];
  const checkIns = new Map<string, CheckIn>();
  const out: { date: string; morning: Verdict; evening: Verdict }[] = [];
  for (let i = 0; i < DAYS; i++) {
    const date = addDays(START, i);
    const d = days(date, i);
    const morning: CheckIn | null =
      d.m !== undefined ? { date, pain: d.m, atMs: at(date, 7), morning: { pain: d.m, atMs: at(date, 7) } } : null;
    if (morning && d.place) morning.place = d.place;
    if (morning && d.flags) morning.flags = d.flags;
    if (morning) checkIns.set(date, morning);
    const m = computeVerdict({ today: date, settings, activities: acts, checkIns: [...checkIns.values()] });
    if (d.run) acts.push(act(date, { km: d.run, hour: 8 }));
    if (d.l !== undefined) {
      const c: CheckIn = { ...(morning ?? { date, pain: d.l, atMs: 0 }), pain: d.l, atMs: at(date, 19) };
      c.later = { pain: d.l, atMs: at(date, 19) };
      if (d.place) c.place = d.place;
      if (d.flags) c.flags = d.flags;
      checkIns.set(date, c);
    }
    const e = computeVerdict({ today: date, settings, activities: acts, checkIns: [...checkIns.values()] });
    out.push({ date, morning: m, evening: e });
  }
  return out;
}

export function dump(year: ReturnType<typeof judge>) {
  if (!process.env.PAIN_PRINT) return;
  for (const d of year)
    for (const [w, v] of [
      ['m', d.morning],
      ['e', d.evening],
    ] as const)
      if (v.level !== 'ok')
        console.log(
          d.date,
          weekdayOf(d.date),
          w,
          v.level,
          v.title,
          v.reasons.map((r) => r.code + ':' + r.level).join(' '),
        );
}

const PAIN_CODES = new Set(['red_flag', 'pain_persistent', 'pain_week_rise', 'pain_high', 'pain_not_settled']);

/** The levels the pain answers alone gave (the load rules have their own matrix). */
const colours = (year: ReturnType<typeof judge>) => {
  dump(year);
  const n = { ok: 0, calm: 0, ease_off: 0, warning: 0 };
  for (const d of year)
    for (const v of [d.morning, d.evening]) {
      const pain = v.reasons.filter((r) => PAIN_CODES.has(r.code));
      const rank = { ok: 0, calm: 1, ease_off: 2, warning: 3 } as const;
      n[pain.reduce<keyof typeof rank>((a, r) => (rank[r.level] > rank[a] ? r.level : a), 'ok')]++;
    }
  return n;
};
const painLevel = (v: Verdict) => v.reasons.filter((r) => PAIN_CODES.has(r.code)).map((r) => r.level);

/** Every screen agrees with itself: no "fine" beside easing off, a red flag always stops, no distance when stopped. */
function consistent(year: ReturnType<typeof judge>) {
  for (const { date, morning, evening } of year)
    for (const v of [morning, evening]) {
      const codes = v.reasons.map((r) => r.code);
      const said = `${date}: ${codes.join(', ')}`;
      if (codes.includes('pain_fine') || codes.includes('pain_settled'))
        expect(
          v.reasons.filter((r) => r.code.startsWith('pain_') && r.level !== 'ok'),
          said,
        ).toEqual([]);
      if (codes.includes('red_flag')) {
        expect(v.plan.today.kind, said).toBe('stop');
        expect(v.plan.next, said).toBeNull();
      }
      if (v.hipCare.referral) expect(v.title, said).not.toBe('all_good');
    }
}

// Tue, Thu, Sat easy 8 km, Sun long 16-18 km; a rest day on Monday and Wednesday and Friday.
const weekendLong = (date: string, i: number) => {
  const wd = weekdayOf(date);
  return wd === 0 ? 16 + (i % 3) : wd === 2 || wd === 4 || wd === 6 ? 8 : 0;
};

describe('pain diaries through the engine', () => {
  it('4 the evening after every Sunday long run, 1 the next morning: never amber or red', () => {
    const year = judge((date, i) => {
      const run = weekendLong(date, i);
      const wd = weekdayOf(date);
      return { run, m: wd === 1 ? 1 : 0, l: wd === 0 ? 4 : run ? 1 : undefined, place: 'outside' };
    });
    consistent(year);
    const n = colours(year);
    expect(n.warning).toBe(0);
    expect(n.ease_off).toBe(0);
    // The evening after the long run asks for the morning; the morning after says settled.
    const sunday = year.find((d) => weekdayOf(d.date) === 0 && d.date > addDays(START, 14))!;
    expect(sunday.evening.reasons.map((r) => r.code)).toContain('pain_acceptable');
    const monday = year.find((d) => d.date === addDays(sunday.date, 1))!;
    expect(monday.morning.reasons.map((r) => r.code)).toContain('pain_settled');
  });

  it('a daily runner with mild steady pain (1 in the morning, 3 after runs): calm referral after two weeks, never red', () => {
    const year = judge(
      (_, i) => ({ run: [6, 8, 10, 8, 6, 14, 8][i % 7], m: 1, l: 3, place: 'buttock' }),
      preset('experienced'),
    );
    consistent(year);
    const n = colours(year);
    expect(n.warning).toBe(0);
    expect(n.ease_off).toBe(0);
    expect(n.calm).toBeGreaterThan(130);
    const firstReferral = year.findIndex((d) => d.evening.hipCare.referral !== null);
    expect(firstReferral).toBe(13);
  });

  it('pain rising from 2 to 6 over three weeks: easing off before it passes 5, red only above 5', () => {
    const year = judge((date, i) => {
      const run = weekendLong(date, i);
      const week = Math.floor(i / 7);
      const after = week < 4 ? 2 : Math.min(6, 2 + Math.floor((i - 28) / 4));
      return { run, m: Math.max(0, after - 2), l: after, place: 'groin', flags: [] };
    });
    consistent(year);
    const firstAmber = year.findIndex((d) => [d.evening, d.morning].some((v) => painLevel(v).includes('ease_off')));
    const firstOver5 = year.findIndex((d) => d.evening.reasons.some((r) => r.code === 'pain_high'));
    expect(firstAmber).toBeGreaterThan(27);
    expect(firstOver5).toBeGreaterThan(firstAmber);
    for (const d of year)
      for (const v of [d.morning, d.evening])
        if (painLevel(v).includes('warning')) expect(v.reasons.some((r) => r.code === 'pain_high')).toBe(true);
  });

  it('a limp reported once in the groin stops running every day until the runner clears it', () => {
    const flagged = 30;
    const cleared = 41;
    const year = judge((date, i) => {
      const stopped = i >= flagged && i < cleared;
      return {
        run: stopped ? 0 : weekendLong(date, i),
        // Only a few check-ins while stopped; the sign stays until it is unticked.
        m: i === flagged || i === cleared || !stopped ? 2 : undefined,
        place: 'groin',
        flags: i === flagged ? ['limp'] : i === cleared ? [] : undefined,
      };
    });
    consistent(year);
    for (let i = flagged; i < cleared; i++) {
      expect(year[i]!.morning.title, year[i]!.date).toBe('see_clinician');
      expect(year[i]!.evening.plan.today.kind).toBe('stop');
    }
    expect(year[cleared]!.morning.title).not.toBe('see_clinician');
  });
});
