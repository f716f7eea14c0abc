import { sameAnswers, type CheckIn } from './check-in';
import { DEFAULT_SETTINGS, type Settings } from './settings';

// What restoring a backup changed, as counts and setting keys with their old and new values:
// the options page words it from _locales ("units from Miles to Kilometres"), so a restore
// never changes something silently.

export type SettingKey = keyof Settings;

export interface SettingChange<K extends SettingKey = SettingKey> {
  key: K;
  from: Settings[K];
  to: Settings[K];
}

export interface RecordCounts {
  added: number;
  /** Stored already, and replaced by (or completed from) the backup's version. */
  replaced: number;
  /** Stored already with the same values. */
  unchanged: number;
}

export interface RestoreChanges {
  activities: RecordCounts;
  /** In the order of DEFAULT_SETTINGS' keys; empty when the settings are as they were. */
  settings: SettingChange[];
  /** Null when the backup holds no check-ins (a version 1 backup, or none were given). */
  checkIns: RecordCounts | null;
  /** Null when the backup holds no rest marks. Marks are only ever added (a mark has no value). */
  restMarks: { added: number; unchanged: number } | null;
}

const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    // A list of sports is a set: the order it was ticked in changes nothing.
    const sorted = (l: unknown[]) => l.map(String).sort().join('\n');
    return a.length === b.length && sorted(a) === sorted(b);
  }
  return a === b;
}

/** The settings whose value differs, each with its value before and after. */
export function settingsChanges(before: Settings, after: Settings): SettingChange[] {
  const out: SettingChange[] = [];
  for (const key of SETTING_KEYS) {
    if (!sameValue(before[key], after[key])) out.push({ key, from: before[key], to: after[key] });
  }
  return out;
}

/** Check-ins are one per date; the time of the answer alone is no change. */
export function checkInChanges(stored: readonly CheckIn[], incoming: readonly CheckIn[]): RecordCounts {
  const byDate = new Map(stored.map((c) => [c.date, c]));
  const out: RecordCounts = { added: 0, replaced: 0, unchanged: 0 };
  for (const c of incoming) {
    const old = byDate.get(c.date);
    if (!old) out.added++;
    else if (sameAnswers(old, c)) out.unchanged++;
    else out.replaced++;
    // A backup holding one date twice: the second answer replaces the first.
    byDate.set(c.date, c);
  }
  return out;
}

export function restMarkChanges(
  stored: readonly string[],
  incoming: readonly string[],
): { added: number; unchanged: number } {
  const have = new Set(stored);
  let added = 0;
  for (const d of new Set(incoming)) if (!have.has(d)) added++;
  return { added, unchanged: new Set(incoming).size - added };
}

export interface RestoreInput {
  activities: { added: number; merged: number; unchanged: number };
  settingsBefore: Settings;
  settingsAfter: Settings;
  checkInsStored: readonly CheckIn[];
  checkInsInBackup: readonly CheckIn[];
  restMarksStored: readonly string[];
  restMarksInBackup: readonly string[];
}

export function restoreChanges(r: RestoreInput): RestoreChanges {
  return {
    activities: { added: r.activities.added, replaced: r.activities.merged, unchanged: r.activities.unchanged },
    settings: settingsChanges(r.settingsBefore, r.settingsAfter),
    checkIns: r.checkInsInBackup.length ? checkInChanges(r.checkInsStored, r.checkInsInBackup) : null,
    restMarks: r.restMarksInBackup.length ? restMarkChanges(r.restMarksStored, r.restMarksInBackup) : null,
  };
}
