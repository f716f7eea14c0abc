import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR, corpusJson } from '../../../../paths';
import { describeWithCorpus } from '../../../needs-corpus';
import { activitiesOf, bytesSource, readActivityFile } from '../../../../../core/files';
import { readStravaActivityPage, type StravaPageSnapshot } from '../../../../../core/sites/strava/strava-activity-page';

// Strava keeps a run's cadence as one foot's strides a minute (its API's average_cadence):
// the activity page's reader doubles it. No page in the corpus carries average_cadence, so the
// unit is checked on what the corpus has: Strava's own cadence streams of two runs against the
// FIT files the watches wrote for them.

const snap = (attrs: Record<string, unknown>): StravaPageSnapshot => ({
  urlActivityId: '12345678901',
  activityId: 12345678901,
  activityAthleteId: 42,
  currentAthleteId: 42,
  activity: {
    id: 12345678901,
    sport_type: 'Run',
    distance: 10_000,
    moving_time: 3000,
    elapsed_time: 3100,
    startDateLocal: Date.parse('2026-11-24T07:15:00Z') / 1000,
    name: 'Easy',
    ...attrs,
  },
});

const cadenceOf = (attrs: Record<string, unknown>) => {
  const r = readStravaActivityPage(snap(attrs), 'Europe/Berlin');
  if (r.kind !== 'activity') throw new Error(r.kind);
  return r.activity.cadenceSpm;
};

describe('cadence on a Strava activity page', () => {
  it('a run’s average_cadence doubled, rounded', () => {
    expect(cadenceOf({ average_cadence: 84.6 })).toBe(169);
    expect(cadenceOf({ averageCadence: 80 })).toBe(160);
    expect(cadenceOf({ sport_type: 'Walk', average_cadence: 58 })).toBe(116);
  });

  it('none, broken or implausible: the run without a cadence', () => {
    for (const v of [undefined, null, 'fast', 0, 150, 30]) expect(cadenceOf({ average_cadence: v })).toBeUndefined();
  });

  it('a ride’s cadence counts pedal turns: not read', () => {
    expect(cadenceOf({ sport_type: 'Ride', average_cadence: 85 })).toBeUndefined();
  });
});

describeWithCorpus('Strava’s run cadence is one foot’s', () => {
  it.each([
    ['sports-lib__3156040843.json', 'files/sports-lib__6909950168.fit'],
    ['sports-lib__3183465494.json', 'files/sports-lib__6916663933.fit'],
  ])('%s: its cadence stream matches %s’s strides, and reads as its steps', async (stream, fit) => {
    const cadence = (corpusJson('pages/strava', stream) as { cadence: (number | null)[] }).cadence;
    const stepping = cadence.filter((c): c is number => c !== null && c > 0);
    const average = stepping.reduce((s, c) => s + c, 0) / stepping.length;
    const r = await readActivityFile(path.basename(fit), bytesSource(readFileSync(path.join(CORPUS_DIR, fit))), {
      timeZone: 'UTC',
      nowMs: Date.UTC(2026, 11, 1),
    });
    const fromFit = activitiesOf(r)[0]!.cadenceSpm!;
    expect(fromFit).toBeGreaterThan(170);
    // One foot's: the stream's average is half the watch's steps, not the same.
    expect(Math.abs(average * 2 - fromFit)).toBeLessThanOrEqual(2);
    expect(Math.abs(cadenceOf({ average_cadence: Math.round(average * 10) / 10 })! - fromFit)).toBeLessThanOrEqual(2);
  });
});
