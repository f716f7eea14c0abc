import { SPORTS, type Sport } from './activity';
import { planSettingsPatch } from './plan-preset';
import { problem, type Problem } from './problem-codes';

// Every threshold Hip Check uses, with its default and its valid range. The options page renders
// from FIELDS, the background validates with validateSettingsPatch, and nothing invalid is stored.

export const PRESETS = ['beginner', 'regular', 'experienced'] as const;
export type Preset = (typeof PRESETS)[number];

export interface Settings {
  /** Last preset chosen; "custom" once any preset value is changed by hand. */
  preset: Preset | 'custom';
  /** Running days in a row allowed; a rest day is due on the next one. 0 = no limit. */
  maxRunDaysInRow: number;
  /**
   * Days in a row with any training (cross-training included, low-impact sports not) before a full
   * rest day is due. 0 = no limit.
   */
  maxDaysWithoutFullRest: number;
  /** Runs per week the preset aims at; information for the popup. */
  targetRunsPerWeek: number;
  /**
   * Easy days wanted in any 7 days (0 = not checked). An easy day has no run, or runs adding up to
   * at most easyRunPct % of the runner's usual run (the median run day of the 28 days before).
   */
  minEasyDaysPerWeek: number;
  easyRunPct: number;
  /** The plan questions' answers: days a week the runner usually runs (null = not answered yet). */
  runDaysPerWeek: number | null;
  /** The runner's usual rest day, 0 = Sunday ... 6 = Saturday; null = none or not said. */
  usualRestDay: number | null;
  /** A run longer than the longest of the previous window by more than this % is a caution. */
  longRunCautionPct: number;
  longRunWarningPct: number;
  longRunHighPct: number;
  /** Days looked back for the longest recent run. */
  longRunWindowDays: number;
  /** Last 7 days' running over the biggest of the four 7-day blocks before by more than this % is a warning; 0 = off. */
  weeklyRampWarnPct: number;
  /** ... but only when that block had at least this many km. */
  weeklyRampMinBaseKm: number;
  /** Sports that count as running load. */
  runningLoadSports: Sport[];
  /**
   * Sports that leave a full rest day a full rest day (a dog walk, an easy hike). Never also in
   * runningLoadSports: validation refuses a sport in both.
   */
  lowImpactSports: Sport[];
  units: 'auto' | 'km' | 'mi';
  /** 0 = Sunday ... 6 = Saturday, or "auto" for the browser locale's. */
  weekStartsOn: 'auto' | 0 | 1 | 2 | 3 | 4 | 5 | 6;
  notifications: boolean;
  /**
   * Catch up from Strava and Garmin Connect by itself: when the popup opens and the last read is
   * over an hour old, and once in the morning (core/catch-up.ts). Off until the runner turns it on.
   */
  autoCatchUp: boolean;
  /** Pain on the outside of the hip: cross-body stretches are not suggested. */
  outerHipPain: boolean;
  /** The runner reports red-flag symptoms: the advice is to stop and see a clinician. */
  redFlagSymptoms: boolean;
}

type NumberKey = {
  [K in keyof Settings]: Settings[K] extends number ? K : never;
}[keyof Settings];

export interface NumberField {
  key: NumberKey;
  /** The valid range; 0 is valid too when the field can be turned off. */
  min: number;
  max: number;
  integer: boolean;
  unit: 'days' | 'runs' | '%' | 'km';
  /**
   * 0 turns the rule off (a daily runner needs no streak limit). onAgain is the value the options
   * page sets when the runner turns it back on.
   */
  off?: { onAgain: number };
}

type PresetValues = Pick<
  Settings,
  'maxRunDaysInRow' | 'maxDaysWithoutFullRest' | 'targetRunsPerWeek' | 'minEasyDaysPerWeek'
>;

// A limit is the number of days allowed in a row: the rest day falls due on the day after the
// last allowed one (calm), and only training on a day past the limit is a warning. 0 = no limit.
export const PRESET_VALUES: Readonly<Record<Preset, PresetValues>> = {
  // Two run days in a row at most: the second makes tomorrow a rest day (calm), only a third is
  // over the limit; a full rest day at least once a week.
  beginner: { maxRunDaysInRow: 2, maxDaysWithoutFullRest: 6, targetRunsPerWeek: 3, minEasyDaysPerWeek: 0 },
  // At least one rest day a week: rest due after 6 running days in a row, a warning only if the
  // 7th is run; a full rest day (no cross-training either) at least every 14 days.
  regular: { maxRunDaysInRow: 6, maxDaysWithoutFullRest: 13, targetRunsPerWeek: 6, minEasyDaysPerWeek: 0 },
  // Daily runners run every day on purpose: no streak limit, so no day is red for keeping the
  // plan; 2 easy days in any 7 carry the load advice instead.
  experienced: { maxRunDaysInRow: 0, maxDaysWithoutFullRest: 0, targetRunsPerWeek: 7, minEasyDaysPerWeek: 2 },
};

const PRESET_KEYS = Object.keys(PRESET_VALUES.regular) as (keyof PresetValues)[];

/**
 * The preset a runner's plan values describe, else "custom": a preset's own values, or the values
 * their plan answer tuned it to (4 days a week: Regular with 4 runs and 4 days in a row). Values
 * typed back by hand to a preset's show that preset again.
 */
export function presetOfValues(s: Settings): Preset | 'custom' {
  const same = (v: PresetValues) => PRESET_KEYS.every((k) => s[k] === v[k]);
  for (const p of PRESETS) if (same(PRESET_VALUES[p])) return p;
  if (s.runDaysPerWeek !== null) {
    const { preset, targetRunsPerWeek, maxRunDaysInRow } = planSettingsPatch(s.runDaysPerWeek, s.usualRestDay);
    if (same({ ...PRESET_VALUES[preset], targetRunsPerWeek, maxRunDaysInRow })) return preset;
  }
  return 'custom';
}

// Where the weekly ramp's warning starts by default (Nielsen 2014), and where it comes back when
// turned on again.
const RAMP_WARN_PCT = 30;

export const NUMBER_FIELDS: readonly NumberField[] = [
  {
    key: 'maxRunDaysInRow',
    min: 1,
    max: 30,
    integer: true,
    unit: 'days',
    off: { onAgain: PRESET_VALUES.regular.maxRunDaysInRow },
  },
  {
    key: 'maxDaysWithoutFullRest',
    min: 1,
    max: 60,
    integer: true,
    unit: 'days',
    off: { onAgain: PRESET_VALUES.regular.maxDaysWithoutFullRest },
  },
  { key: 'targetRunsPerWeek', min: 1, max: 14, integer: true, unit: 'runs' },
  {
    key: 'minEasyDaysPerWeek',
    min: 1,
    max: 7,
    integer: true,
    unit: 'days',
    off: { onAgain: PRESET_VALUES.experienced.minEasyDaysPerWeek },
  },
  { key: 'easyRunPct', min: 10, max: 100, integer: false, unit: '%' },
  { key: 'longRunCautionPct', min: 1, max: 500, integer: false, unit: '%' },
  { key: 'longRunWarningPct', min: 1, max: 500, integer: false, unit: '%' },
  { key: 'longRunHighPct', min: 1, max: 1000, integer: false, unit: '%' },
  { key: 'longRunWindowDays', min: 7, max: 120, integer: true, unit: 'days' },
  { key: 'weeklyRampWarnPct', min: 1, max: 500, integer: false, unit: '%', off: { onAgain: RAMP_WARN_PCT } },
  { key: 'weeklyRampMinBaseKm', min: 0, max: 1000, integer: false, unit: 'km' },
];

export const DEFAULT_RUNNING_LOAD_SPORTS: readonly Sport[] = ['run', 'trail_run', 'treadmill_run', 'virtual_run'];
// A walk or an easy hike barely loads the legs: a beginner whose watch logs the dog walk still
// had a full rest day.
export const DEFAULT_LOW_IMPACT_SPORTS: readonly Sport[] = ['walk', 'hike'];

export { presetForPlan } from './plan-preset';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  preset: 'regular',
  ...PRESET_VALUES.regular,
  easyRunPct: 60,
  runDaysPerWeek: null,
  usualRestDay: null,
  longRunCautionPct: 10,
  longRunWarningPct: 30,
  longRunHighPct: 100,
  longRunWindowDays: 30,
  weeklyRampWarnPct: RAMP_WARN_PCT,
  weeklyRampMinBaseKm: 10,
  runningLoadSports: [...DEFAULT_RUNNING_LOAD_SPORTS],
  lowImpactSports: [...DEFAULT_LOW_IMPACT_SPORTS],
  units: 'auto',
  weekStartsOn: 'auto',
  notifications: false,
  autoCatchUp: false,
  outerHipPain: false,
  redFlagSymptoms: false,
});

export interface SettingsError {
  field: keyof Settings | 'settings';
  problem: Problem;
}

/** A number field's unit, as the problems name it. */
const UNIT_PROBLEM: Record<NumberField['unit'], Problem> = {
  days: problem('settings_unit_days'),
  runs: problem('settings_unit_runs'),
  '%': problem('settings_unit_pct'),
  km: problem('settings_unit_km'),
};

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: SettingsError[] };

const BOOLEAN_KEYS = ['notifications', 'autoCatchUp', 'outerHipPain', 'redFlagSymptoms'] as const;

/**
 * Checks a partial update against the current settings. Returns the full new settings, or every
 * problem found; a single bad field refuses the whole update so nothing half-valid is stored.
 */
export function validateSettingsPatch(patch: unknown, current: Settings): Validated<Settings> {
  const errors: SettingsError[] = [];
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    return { ok: false, errors: [{ field: 'settings', problem: problem('settings_not_object') }] };
  }
  const p = patch as Record<string, unknown>;
  const next: Settings = {
    ...current,
    runningLoadSports: [...current.runningLoadSports],
    lowImpactSports: [...current.lowImpactSports],
  };
  const known = new Set<string>(Object.keys(DEFAULT_SETTINGS));
  for (const k of Object.keys(p)) {
    if (!known.has(k)) errors.push({ field: 'settings', problem: problem('settings_unknown', k.slice(0, 60)) });
  }

  if ('preset' in p) {
    const v = p.preset;
    if (v === 'custom') next.preset = 'custom';
    else if (typeof v === 'string' && (PRESETS as readonly string[]).includes(v)) {
      next.preset = v as Preset;
      Object.assign(next, PRESET_VALUES[v as Preset]);
    } else errors.push({ field: 'preset', problem: problem('settings_preset', PRESETS.join(', ')) });
  }

  let handEdited = false;
  for (const f of NUMBER_FIELDS) {
    if (!(f.key in p)) continue;
    const v = p[f.key];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      errors.push({ field: f.key, problem: problem('settings_number', UNIT_PROBLEM[f.unit]) });
    } else if (f.integer && !Number.isInteger(v)) {
      errors.push({ field: f.key, problem: problem('settings_integer', UNIT_PROBLEM[f.unit]) });
    } else if ((v < f.min || v > f.max) && !(f.off && v === 0)) {
      const unit = UNIT_PROBLEM[f.unit];
      errors.push({
        field: f.key,
        problem: f.off
          ? problem('settings_range_or_off', f.min, f.max, unit)
          : problem('settings_range', f.min, f.max, unit),
      });
    } else {
      next[f.key] = v;
      if (!('preset' in p) && f.key in PRESET_VALUES.regular) handEdited = true;
    }
  }

  if ('runningLoadSports' in p) {
    const v = p.runningLoadSports;
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || !(SPORTS as readonly string[]).includes(s))) {
      errors.push({ field: 'runningLoadSports', problem: problem('settings_sports_list', SPORTS.join(', ')) });
    } else if (v.length === 0) {
      errors.push({ field: 'runningLoadSports', problem: problem('settings_no_sports') });
    } else next.runningLoadSports = [...new Set(v as Sport[])];
  }

  if ('lowImpactSports' in p) {
    const v = p.lowImpactSports;
    // Empty is fine: then every sport breaks a full rest day.
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || !(SPORTS as readonly string[]).includes(s))) {
      errors.push({ field: 'lowImpactSports', problem: problem('settings_sports_list', SPORTS.join(', ')) });
    } else next.lowImpactSports = [...new Set(v as Sport[])];
  }

  if ('units' in p) {
    const v = p.units;
    if (v === 'auto' || v === 'km' || v === 'mi') next.units = v;
    else errors.push({ field: 'units', problem: problem('settings_units') });
  }

  if ('weekStartsOn' in p) {
    const v = p.weekStartsOn;
    if (v === 'auto' || (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 6)) {
      next.weekStartsOn = v as Settings['weekStartsOn'];
    } else errors.push({ field: 'weekStartsOn', problem: problem('settings_week_start') });
  }

  for (const k of BOOLEAN_KEYS) {
    if (!(k in p)) continue;
    const v = p[k];
    if (typeof v === 'boolean') next[k] = v;
    else errors.push({ field: k, problem: problem('settings_on_off') });
  }

  if ('runDaysPerWeek' in p) {
    const v = p.runDaysPerWeek;
    if (v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 7)) next.runDaysPerWeek = v;
    else errors.push({ field: 'runDaysPerWeek', problem: problem('settings_run_days') });
  }

  if ('usualRestDay' in p) {
    const v = p.usualRestDay;
    if (v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 6)) next.usualRestDay = v;
    else errors.push({ field: 'usualRestDay', problem: problem('settings_rest_day') });
  }

  // A preset's value edited by hand: the preset those values describe now, or "custom".
  if (handEdited) next.preset = presetOfValues(next);

  if (errors.length === 0) {
    // A run is never low impact: a sport in both lists would make the two rules disagree. The
    // refusal names the list this change touched.
    if (next.lowImpactSports.some((sp) => next.runningLoadSports.includes(sp))) {
      const field = 'runningLoadSports' in p && !('lowImpactSports' in p) ? 'runningLoadSports' : 'lowImpactSports';
      errors.push({ field, problem: problem('settings_sport_in_both') });
    }
    if (!(next.longRunCautionPct < next.longRunWarningPct && next.longRunWarningPct < next.longRunHighPct)) {
      errors.push({ field: 'longRunWarningPct', problem: problem('settings_long_run_order') });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: next };
}

/**
 * Settings written before lowImpactSports existed (stored, or in a backup) get the default low-impact
 * sports minus those the runner counted as running, so an old "walks count as running" stays
 * valid. Anything else is returned as it is.
 */
export function upgradeStoredSettings(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return stored;
  const s = stored as Record<string, unknown>;
  if ('lowImpactSports' in s) return s;
  const running = Array.isArray(s.runningLoadSports) ? (s.runningLoadSports as unknown[]) : DEFAULT_RUNNING_LOAD_SPORTS;
  return { ...s, lowImpactSports: DEFAULT_LOW_IMPACT_SPORTS.filter((sp) => !running.includes(sp)) };
}

/**
 * Reads whatever is stored (possibly written by an older version, or damaged) into full settings:
 * each valid stored value is kept, anything else falls back to its default.
 */
export function settingsFromStored(stored: unknown): Settings {
  const base: Settings = {
    ...DEFAULT_SETTINGS,
    runningLoadSports: [...DEFAULT_SETTINGS.runningLoadSports],
    lowImpactSports: [...DEFAULT_SETTINGS.lowImpactSports],
  };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return base;
  const known = new Set<string>(Object.keys(DEFAULT_SETTINGS));
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(upgradeStoredSettings(stored) as Record<string, unknown>)) {
    if (k !== 'preset' && known.has(k)) patch[k] = v;
  }
  // Drop the fields named in errors until the rest validates together (cross-field rules included).
  for (let tries = 0; tries <= known.size; tries++) {
    const r = validateSettingsPatch(patch, base);
    if (r.ok) {
      const preset = (stored as Record<string, unknown>).preset;
      if (preset === 'custom' || (PRESETS as readonly unknown[]).includes(preset))
        r.value.preset = preset as Settings['preset'];
      return r.value;
    }
    for (const e of r.errors) delete patch[e.field];
    if (r.errors.some((e) => e.field === 'longRunWarningPct')) {
      delete patch.longRunCautionPct;
      delete patch.longRunHighPct;
    }
  }
  return base;
}
