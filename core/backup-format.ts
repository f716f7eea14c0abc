import type { Activity } from './activity';
import { problem, type Problem } from './problem-codes';
import { checkStoredActivity } from './activity-validation';
import { checkCheckIn, type CheckIn } from './check-in';
import { errorText } from './guards';
import { isLocalDate, localDateOf } from './local-date';
import { checkDay, latestToday, MAX_BACKUP_ACTIVITIES, maxDatedRecords } from './plausibility';
import { upgradeStoredSettings, validateSettingsPatch, type Settings } from './settings';

// The backup file. Documented in README ("Backup file format"); bump BACKUP_VERSION and keep a
// reader for every older version when the format changes, so an old backup always imports.

export const BACKUP_FORMAT = 'hip-check-backup';
export const BACKUP_VERSION = 2;

export interface BackupV1 {
  format: typeof BACKUP_FORMAT;
  version: 1;
  exportedAt: string;
  settings: Settings;
  activities: Activity[];
}

/** Version 2 adds the days marked "I rested today" and the daily hip check-ins. */
export interface BackupV2 extends Omit<BackupV1, 'version'> {
  version: 2;
  restMarks: string[];
  checkIns: CheckIn[];
}

export function makeBackup(
  activities: readonly Activity[],
  settings: Settings,
  nowMs: number,
  restMarks: readonly string[] = [],
  checkIns: readonly CheckIn[] = [],
): BackupV2 {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(nowMs).toISOString(),
    settings,
    activities: [...activities].sort((a, b) => a.startMs - b.startMs),
    restMarks: [...restMarks].sort(),
    checkIns: [...checkIns].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  };
}

/** Named for the runner's date of the backup (a backup made at 00:30 is today's, not yesterday's). */
export function backupFileName(nowMs: number, timeZone = 'UTC'): string {
  return `hip-check-backup-${localDateOf(nowMs, timeZone)}.json`;
}

export type ParsedBackup =
  | {
      ok: true;
      activities: Activity[];
      settings: Settings;
      /** Records whose source id an earlier record in the same backup already holds: reported, not imported. */
      duplicates: { item: string; reason: Problem }[];
      restMarks: string[];
      checkIns: CheckIn[];
    }
  | { ok: false; error: Problem };

/**
 * Reads a backup, all or nothing: one damaged activity refuses the whole file with a message
 * naming it, so a half-imported history can't happen.
 */
export function parseBackup(text: string, nowMs: number, current: Settings): ParsedBackup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: problem('backup_not_json', errorText(e).slice(0, 200)) };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, error: problem('backup_no_format') };
  }
  const d = data as Record<string, unknown>;
  if (typeof d.version !== 'number' || !Number.isInteger(d.version) || d.version < 1) {
    return { ok: false, error: problem('backup_no_version') };
  }
  if (d.version > BACKUP_VERSION) {
    return { ok: false, error: problem('backup_newer_version', d.version) };
  }
  if (!Array.isArray(d.activities)) return { ok: false, error: problem('backup_no_activities') };
  // A backup carries no time zone: "today" is the latest date anywhere on earth.
  const today = latestToday(nowMs);
  const maxDated = maxDatedRecords(today);
  // Counts first, so a backup too large is refused before any record is checked, and never cut short.
  if (d.activities.length > MAX_BACKUP_ACTIVITIES)
    return { ok: false, error: problem('backup_too_many_activities', d.activities.length, MAX_BACKUP_ACTIVITIES) };
  if (Array.isArray(d.checkIns) && d.checkIns.length > maxDated)
    return { ok: false, error: problem('backup_too_many_checkins', d.checkIns.length, maxDated) };
  if (Array.isArray(d.restMarks) && d.restMarks.length > maxDated)
    return { ok: false, error: problem('backup_too_many_rest_marks', d.restMarks.length, maxDated) };
  const activities: Activity[] = [];
  const duplicates: { item: string; reason: Problem }[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < d.activities.length; i++) {
    const r = checkStoredActivity(d.activities[i], nowMs);
    if (!r.ok) return { ok: false, error: problem('backup_activity_damaged', i + 1, r.error) };
    const twin = r.value.sourceKeys.find((k) => seen.has(k));
    if (twin !== undefined) {
      duplicates.push({ item: twin, reason: problem('backup_repeats_activity', i + 1, seen.get(twin)! + 1) });
      continue;
    }
    for (const k of r.value.sourceKeys) seen.set(k, i);
    activities.push(r.value);
  }
  // Version 1 had neither; a version 2 file must have both lists.
  const restMarks: string[] = [];
  const checkIns: CheckIn[] = [];
  if (d.version >= 2) {
    if (!Array.isArray(d.restMarks) || !Array.isArray(d.checkIns))
      return { ok: false, error: problem('backup_no_rest_or_checkins') };
    const marked = new Set<string>();
    for (let i = 0; i < d.restMarks.length; i++) {
      const date: unknown = d.restMarks[i];
      if (!isLocalDate(date)) return { ok: false, error: problem('backup_rest_day_not_date', i + 1) };
      const dayErr = checkDay(date, today);
      if (dayErr) return { ok: false, error: problem('backup_rest_day_out_of_range', i + 1, dayErr) };
      // A date marked twice is one mark.
      if (!marked.has(date)) restMarks.push(date);
      marked.add(date);
    }
    // One check-in a date: a backup Hip Check wrote never repeats one, so a repeat is refused
    // (which of two answers is the runner's can't be told), naming both.
    const lineOf = new Map<string, number>();
    for (let i = 0; i < d.checkIns.length; i++) {
      const r = checkCheckIn(d.checkIns[i], nowMs);
      if (!r.ok) return { ok: false, error: problem('backup_checkin_damaged', i + 1, r.error) };
      const first = lineOf.get(r.value.date);
      if (first !== undefined)
        return { ok: false, error: problem('backup_checkin_repeated', i + 1, first, r.value.date) };
      lineOf.set(r.value.date, i + 1);
      checkIns.push(r.value);
    }
  }
  let settings = current;
  if (d.settings !== undefined) {
    // A backup made before a setting existed keeps meaning what it meant (upgradeStoredSettings).
    const s = validateSettingsPatch(upgradeStoredSettings(d.settings), current);
    if (!s.ok) {
      const e = s.errors[0]!;
      return { ok: false, error: problem('backup_settings_damaged', e.field, e.problem) };
    }
    settings = s.value;
  }
  return { ok: true, activities, settings, duplicates, restMarks, checkIns };
}
