import { addDays } from '../local-date';

// One plan for today and the next run. Rules do not write sentences about distances: each gives
// constraints (stop running, rest on a day, easy runs only, no long run, a ceiling), and this
// composes them. The tightest ceiling wins, "stop" removes every distance, a rest day has no
// distance, and each day gets one line. Screens render the plan and add no numbers of their own.

/** The rule behind a constraint, shown as the ceiling's basis ("your usual run", ...). */
export type PlanBasis =
  /** Red flags or pain that needs a clinician. */
  | 'clinician'
  /** The running-days-in-a-row limit. */
  | 'run_streak'
  /** Days in a row with training, before a day with none. */
  | 'full_rest'
  /** Pain above 5, rising, or not settled by the morning. */
  | 'pain'
  /** The longest run of the 30 days before (a spike counted only as far as it was allowed), plus 10 %. */
  | 'longest'
  /** The runner's usual run: an easy run no longer than it. */
  | 'usual'
  /** Too few easy days: an easy day, up to easyRunPct % of the usual run. */
  | 'easy_days'
  /** The days after a race or an ultra: short easy runs, no long run. */
  | 'recovery'
  /** Back after 14+ days without a run: building up again. */
  | 'comeback'
  /** A recent long-run spike: no long run until it is a week old. */
  | 'spike';

/** What a ceiling was worked out from, for its sentence ("your longest run before your break, 14 km"). */
export interface CeilingRef {
  /** The run or usual distance behind it, metres, or moving time, seconds. */
  m: number | null;
  s: number | null;
  /** The run it names, if one. */
  date: string | null;
  /** Days looked back (the long-run window). */
  windowDays: number;
  /** The longest run came from before a break of 30+ days. */
  afterBreak: boolean;
}

export type Constraint =
  /** No running at all until a GP or physiotherapist has seen the runner. */
  | { kind: 'stop'; by: PlanBasis }
  /** No run on `date` (full: no training at all). */
  | { kind: 'rest'; date: string; full: boolean; by: PlanBasis }
  /** From `from` to `to` (inclusive): easy runs only, no long run. */
  | { kind: 'easy'; from: string; to: string; by: PlanBasis }
  /** From `from` to `to`: a run no longer than maxM metres (or maxS seconds when distances are unknown). */
  | {
      kind: 'ceiling';
      from: string;
      to: string;
      maxM: number | null;
      maxS: number | null;
      by: PlanBasis;
      ref?: CeilingRef;
    };

export type DayKind =
  /** Stop running; see a GP or physiotherapist. */
  | 'stop'
  /** A rest day from running. */
  | 'rest'
  /** A day with no training at all. */
  | 'full_rest'
  /** The runner marked the day as rested. */
  | 'rested'
  /** Today already has a run. */
  | 'done'
  /** An easy run only (no long run, no hills or speed). */
  | 'easy'
  /** Run as planned, long run included. */
  | 'run';

export interface DayPlan {
  date: string;
  kind: DayKind;
  /** The one ceiling for the day, metres; null for stop, rest, done, or when none is known. */
  maxM: number | null;
  /** A ceiling in moving time, seconds, when the runner's recent runs have no distance. */
  maxS: number | null;
  /** The rule that set the kind and the ceiling (the tightest); null when nothing constrains the day. */
  by: PlanBasis | null;
  /** What the ceiling was worked out from. */
  ref: CeilingRef | null;
}

export interface Plan {
  today: DayPlan;
  /** The next day to run (tomorrow or later), when today is not one; null after "stop". */
  next: DayPlan | null;
}

export interface PlanInput {
  today: string;
  constraints: readonly Constraint[];
  /** Today already has a run. */
  ranToday: boolean;
  restedToday: boolean;
}

const covers = (c: Constraint, date: string) =>
  c.kind === 'rest' ? c.date === date : c.kind === 'stop' ? true : c.from <= date && date <= c.to;

// Who wins when two rules set a ceiling of the same size: the more specific reason.
const BASIS_RANK: Readonly<Record<PlanBasis, number>> = {
  clinician: 9,
  pain: 8,
  run_streak: 7,
  full_rest: 7,
  comeback: 6,
  recovery: 5,
  easy_days: 4,
  spike: 3,
  usual: 2,
  longest: 1,
};

type Ceiling = Extract<Constraint, { kind: 'ceiling' }>;

function tightest(ceilings: readonly Ceiling[], value: (c: Ceiling) => number | null): Ceiling | null {
  let best: Ceiling | null = null;
  let bestV = Infinity;
  for (const c of ceilings) {
    const v = value(c);
    if (v === null) continue;
    if (!best || v < bestV - 1e-9 || (Math.abs(v - bestV) <= 1e-9 && BASIS_RANK[c.by] > BASIS_RANK[best.by])) {
      best = c;
      bestV = v;
    }
  }
  return best;
}

const NONE = { maxM: null, maxS: null, ref: null };

/** The plan for one day from every constraint covering it. */
export function planDay(date: string, constraints: readonly Constraint[]): DayPlan {
  const on = constraints.filter((c) => covers(c, date));
  const stop = on.find((c) => c.kind === 'stop');
  if (stop) return { date, kind: 'stop', by: stop.by, ...NONE };
  const rests = on.filter((c): c is Extract<Constraint, { kind: 'rest' }> => c.kind === 'rest');
  if (rests.length > 0) {
    const full = rests.find((r) => r.full);
    const r = full ?? rests.reduce((a, b) => (BASIS_RANK[b.by] > BASIS_RANK[a.by] ? b : a));
    return { date, kind: full ? 'full_rest' : 'rest', by: r.by, ...NONE };
  }
  const easy = on.filter((c) => c.kind === 'easy');
  const ceilings = on.filter((c): c is Ceiling => c.kind === 'ceiling');
  // A distance ceiling wins over a time one: only one is ever shown.
  const m = tightest(ceilings, (c) => c.maxM);
  const s = m ? null : tightest(ceilings, (c) => c.maxS);
  const easyBy = easy.reduce<PlanBasis | null>(
    (a, c) => (a === null || BASIS_RANK[c.by] > BASIS_RANK[a] ? c.by : a),
    null,
  );
  const won = m ?? s;
  return {
    date,
    kind: easy.length > 0 ? 'easy' : 'run',
    maxM: m?.maxM ?? null,
    maxS: s?.maxS ?? null,
    by: won?.by ?? easyBy,
    ref: won?.ref ?? null,
  };
}

/** Days looked ahead for the next run day; rest rules never ask for more than two in a row. */
const LOOK_AHEAD_DAYS = 7;

export function composePlan(input: PlanInput): Plan {
  const { today, constraints } = input;
  const day = planDay(today, constraints);
  let todayPlan: DayPlan = day;
  if (day.kind !== 'stop') {
    if (input.restedToday) todayPlan = { date: today, kind: 'rested', by: null, ...NONE };
    else if (input.ranToday) todayPlan = { date: today, kind: 'done', by: null, ...NONE };
  }
  if (todayPlan.kind === 'stop') return { today: todayPlan, next: null };
  if (todayPlan.kind === 'run' || todayPlan.kind === 'easy') return { today: todayPlan, next: null };
  for (let i = 1; i <= LOOK_AHEAD_DAYS; i++) {
    const p = planDay(addDays(today, i), constraints);
    if (p.kind === 'run' || p.kind === 'easy') return { today: todayPlan, next: p };
  }
  return { today: todayPlan, next: null };
}
