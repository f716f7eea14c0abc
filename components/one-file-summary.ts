import type { ActivityInput } from '../core/activity';
import { OUTCOME_KINDS } from '../core/files/import-stream';
import type { ChosenSummary } from './import-chosen-files';
import { t, tn } from './i18n';
import { listFormat } from './intl-cache';
import { problemText } from './problem-text';

// One file imported: its summary says plainly what became of it ("not a run (Yoga)", "skipped:
// this FIT file holds settings") instead of a row of counts that are mostly 0.

/** An activity's sport as the runner knows it: Hip Check's name, or the file's own label. */
export function sportName(a: ActivityInput): string {
  if (a.sport !== 'other') return t(`sport_${a.sport}`);
  // "training/yoga" (FIT sport/sub-sport), "Yoga" (Strava), "strength_training" (Garmin).
  const own = a.sportLabel.split('/').pop()?.replace(/_/g, ' ').trim() ?? '';
  return own ? own[0]!.toUpperCase() + own.slice(1) : t('sport_other');
}

/** The lines of a one-file summary, or null when the usual counts say it better. */
export function oneFileLines(s: ChosenSummary, name: string): string[] | null {
  if (s.totalFiles !== 1 || s.restores.length > 0 || s.cancelled || s.error) return null;
  const c = s.counts;
  // Not an activity at all: why, in the reader's words when it gave them.
  if (c.skipped === 1 && c.added + c.merged + c.known + c.refused + c.needs_sport === 0) {
    const why = s.notActivity[0];
    return [
      why ? t('importOneSkippedWhy', [name, problemText(why)]) : t('importOneSkipped', [name, t('importWhy_skipped')]),
    ];
  }
  const shown = OUTCOME_KINDS.filter((k) => c[k] > 0);
  if (shown.length === 0) return null;
  const lines = [`${name}: ${shown.map((k) => tn(`importOutcome_${k}`, c[k])).join(', ')}.`];
  // Stored, but not a run: say so, or the runner wonders why the streak did not move.
  if (s.runs === 0 && s.notRuns.length > 0 && c.added + c.merged + c.known > 0) {
    const sports = [...new Set(s.notRuns.map(sportName))];
    lines.push(t('importNotRun', listFormat(navigator.language).format(sports)));
  }
  return lines;
}
