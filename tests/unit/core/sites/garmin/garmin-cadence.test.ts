import { describe, expect, it } from 'vitest';
import { corpusJson } from '../../../../paths';
import { describeWithCorpus } from '../../../needs-corpus';
import { readGarminActivity, readGarminActivityList } from '../../../../../core/sites/garmin/garmin-activities';

// Garmin Connect gives a run's cadence as both feet's steps a minute, in its real responses
// (../shared/corpus/pages/garmin): kept as it is, rounded; a walk's or a ski's too low to believe.

const NOW = Date.parse('2026-11-25T12:00:00Z');
const P = 'garmin-connect-export__';
type Raw = Record<string, unknown>;
const load = (file: string) => corpusJson('pages/garmin', file) as Raw | Raw[];

function cadences(file: string, reader: 'list' | 'activity') {
  const r = reader === 'list' ? readGarminActivityList(load(file), NOW) : readGarminActivity(load(file), NOW);
  if (!r.ok) throw new Error(`${file} refused`);
  return Object.fromEntries(r.activities.map((a) => [a.sourceId, [a.sport, a.cadenceSpm]]));
}

describeWithCorpus('cadence from Garmin Connect', () => {
  const garthList =
    'garth__test_activity_list.body0__activitylist-service_activities_search_activities__limit3_start0.json';

  it('the list’s averageRunningCadenceInStepsPerMinute, rounded', () => {
    const raw = load(`${P}activities-list.json`) as Raw[];
    const run = raw.find((a) => a.activityId === 6585943400)!;
    expect(run.averageRunningCadenceInStepsPerMinute).toBe(134.59375);
    expect(cadences(`${P}activities-list.json`, 'list')).toEqual({
      '6609987243': ['walk', undefined], // 68.5: a walk with stops, not a cadence to believe
      '6585943400': ['run', Math.round(run.averageRunningCadenceInStepsPerMinute as number)],
    });
    expect(cadences(garthList, 'list')).toEqual({
      '21482825013': ['trail_run', 112], // 111.734375
      '21461718086': ['hike', 106], // 106.15625
      '21419635589': ['other', undefined], // paddleboarding: strokes
    });
    expect(cadences(`${P}activitylist-service.json`, 'list')).toEqual({ '2541953812': ['other', undefined] });
  });

  it('is both feet’s: the run’s step count over its time gives the same figure, not half', () => {
    const run = (load(`${P}activities-list.json`) as Raw[]).find((a) => a.activityId === 6585943400)!;
    const stepsPerMinute = (run.steps as number) / ((run.duration as number) / 60);
    expect(stepsPerMinute / (run.averageRunningCadenceInStepsPerMinute as number)).toBeCloseTo(1, 1);
  });

  it('one activity’s summaryDTO.averageRunCadence: the same figure as the list’s', () => {
    expect(cadences('garth__test_activity_get.body1__activity-service_activity.json', 'activity')).toEqual({
      '21482825013': ['trail_run', cadences(garthList, 'list')['21482825013']![1]],
    });
    expect(cadences(`${P}activity_emoji.json`, 'activity')).toEqual({ '2958378924': ['run', 124] }); // 124.03125
    expect(cadences(`${P}activity_multisport_child.json`, 'activity')).toEqual({ '6588349076': ['walk', undefined] });
  });

  it('the old search’s WeightedMeanDoubleCadence, not its one-foot WeightedMeanRunCadence', () => {
    const page = load(`${P}activity-search-service-1.2.json`) as Raw;
    expect(cadences(`${P}activity-search-service-1.2.json`, 'list')).toEqual({ '2541953812': ['other', undefined] });
    // The same response as if the ski had been a run at 164.5 steps a minute.
    const copy = structuredClone(page) as { results: { activities: { activity: Raw }[] } };
    const a = copy.results.activities[0]!.activity;
    const summary = a.activitySummary as Record<string, { value: string; uom: string }>;
    expect(summary.WeightedMeanRunCadence!.value).toBe('17.0');
    summary.WeightedMeanDoubleCadence!.value = '164.5';
    (a.activityType as Raw).key = 'running';
    const r = readGarminActivityList(copy, NOW);
    expect(r.ok && r.activities.map((x) => [x.sport, x.cadenceSpm])).toEqual([['run', 165]]);
  });
});

describe('cadence from Garmin Connect: what is not one', () => {
  const item = (over: Raw) => ({
    activityId: 1,
    activityName: 'Run',
    activityType: { typeKey: 'running' },
    startTimeGMT: '2026-11-20 07:00:00',
    startTimeLocal: '2026-11-20 08:00:00',
    distance: 10_000,
    duration: 3000,
    ...over,
  });
  const one = (over: Raw) => {
    const r = readGarminActivityList([item(over)], NOW);
    if (!r.ok) throw new Error('refused');
    return r.activities[0]!;
  };

  it('absent, null, text or out of range: the run without a cadence', () => {
    for (const v of [undefined, null, 'fast', 0, 400])
      expect(one({ averageRunningCadenceInStepsPerMinute: v }).cadenceSpm).toBeUndefined();
    expect(one({ averageRunningCadenceInStepsPerMinute: 171.6 }).cadenceSpm).toBe(172);
  });

  it('a ride’s cadence counts pedal turns: not read', () => {
    expect(
      one({ activityType: { typeKey: 'cycling' }, averageRunningCadenceInStepsPerMinute: 170 }).cadenceSpm,
    ).toBeUndefined();
  });
});
