import { describe, expect, it } from 'vitest';
import { activityFromInput, SPORTS } from '../../../core/activity';
import { checkActivityInput, checkStoredActivity } from '../../../core/activity-validation';
import { cadenceSpm, plausibleCadence } from '../../../core/cadence';
import { mergeInto } from '../../../core/merge-duplicates';
import { NOW, run } from '../activity-fixtures';

describe('cadence in steps a minute, both feet', () => {
  it('doubles one foot’s strides a minute', () => {
    expect(cadenceSpm(85, 'strides', 'run')).toBe(170);
    expect(cadenceSpm(79.5, 'strides', 'trail_run')).toBe(159);
  });

  it('keeps a value already in steps a minute', () => {
    expect(cadenceSpm(172, 'steps', 'run')).toBe(172);
    expect(cadenceSpm(111.734375, 'steps', 'trail_run')).toBe(112);
  });

  it('takes a fractional part before rounding (FIT: 79 + 92/128 strides)', () => {
    expect(cadenceSpm(79 + 92 / 128, 'strides', 'run')).toBe(159);
    expect(cadenceSpm(79, 'strides', 'run')).toBe(158);
  });

  it('drops what no runner does, in either unit', () => {
    expect(cadenceSpm(40, 'strides', 'run')).toBeUndefined(); // 80 steps
    expect(cadenceSpm(140, 'strides', 'run')).toBeUndefined(); // 280 steps: a value already in steps
    expect(cadenceSpm(68.5, 'steps', 'walk')).toBeUndefined();
    expect(cadenceSpm(300, 'steps', 'run')).toBeUndefined();
  });

  it('reads a pedalling field reused for runs as strides, unless no stride rate is that high', () => {
    expect(cadenceSpm(82, 'cycles', 'run')).toBe(164);
    expect(cadenceSpm(130, 'cycles', 'run')).toBe(260);
    expect(cadenceSpm(168, 'cycles', 'run')).toBe(168);
    expect(cadenceSpm(300, 'cycles', 'run')).toBeUndefined();
  });

  it('says nothing without a value', () => {
    for (const v of [null, undefined, 0, -80, NaN, Infinity]) expect(cadenceSpm(v, 'strides', 'run')).toBeUndefined();
  });

  it('reads walks and hikes too, and no sport whose cadence is not steps', () => {
    expect(cadenceSpm(61, 'strides', 'walk')).toBe(122);
    expect(cadenceSpm(106.2, 'steps', 'hike')).toBe(106);
    const notOnFoot = SPORTS.filter(
      (s) => !['run', 'trail_run', 'treadmill_run', 'virtual_run', 'walk', 'hike'].includes(s),
    );
    expect(notOnFoot).toEqual(['ride', 'swim', 'strength', 'other']);
    for (const s of notOnFoot) expect(cadenceSpm(85, 'strides', s)).toBeUndefined();
  });

  it('believes 100 to 260 steps a minute, rounded', () => {
    expect([99.4, 99.5, 100, 260, 260.4, 260.5].map(plausibleCadence)).toEqual([
      undefined,
      100,
      100,
      260,
      260,
      undefined,
    ]);
    for (const v of ['170', null, undefined, {}, true, NaN]) expect(plausibleCadence(v)).toBeUndefined();
  });
});

describe('a stored cadence passes the checkpoint or is left out', () => {
  it('keeps a believable cadence, rounded', () => {
    const r = checkActivityInput({ ...run(), cadenceSpm: 171.6 }, NOW);
    expect(r).toMatchObject({ ok: true, value: { cadenceSpm: 172 } });
  });

  it.each([
    ['absent', undefined],
    ['null', null],
    ['a text', '170'],
    ['an object', { spm: 170 }],
    ['too low', 60],
    ['too high', 400],
    ['not finite', NaN],
  ])('leaves out a cadence %s and keeps the run', (_, cadence) => {
    for (const r of [
      checkActivityInput({ ...run(), cadenceSpm: cadence }, NOW),
      checkStoredActivity({ ...activityFromInput(run(), NOW), cadenceSpm: cadence }, NOW),
    ]) {
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect('cadenceSpm' in r.value).toBe(false);
        expect(r.value.distanceM).toBe(10_000);
      }
    }
  });

  it('a stored record keeps its cadence', () => {
    const r = checkStoredActivity(activityFromInput(run({ cadenceSpm: 168 }), NOW), NOW);
    expect(r).toMatchObject({ ok: true, value: { cadenceSpm: 168 } });
  });

  it('a new record has a cadence only when its reading had one', () => {
    expect(activityFromInput(run({ cadenceSpm: 168 }), NOW).cadenceSpm).toBe(168);
    expect('cadenceSpm' in activityFromInput(run(), NOW)).toBe(false);
  });
});

describe('merging readings keeps a cadence', () => {
  const stored = activityFromInput(run({ cadenceSpm: 166 }), NOW);

  it('survives a re-read of the same source without one', () => {
    expect(mergeInto(stored, run(), NOW).cadenceSpm).toBe(166);
  });

  it('a re-read of the same source with one replaces it', () => {
    expect(mergeInto(stored, run({ cadenceSpm: 170 }), NOW).cadenceSpm).toBe(170);
  });

  it('a lower-priority source fills a gap but does not replace', () => {
    const file = run({ source: 'file', sourceId: '2026-11-20T07:00:00Z', cadenceSpm: 162 });
    expect(mergeInto(stored, file, NOW).cadenceSpm).toBe(166);
    expect(mergeInto(activityFromInput(run(), NOW), file, NOW).cadenceSpm).toBe(162);
  });

  it('a corrected run keeps its cadence, and gains one it lacked', () => {
    const edited = { ...stored, edited: true, distanceM: 9000 };
    const merged = mergeInto(edited, run({ cadenceSpm: 180 }), NOW);
    expect(merged).toMatchObject({ cadenceSpm: 166, distanceM: 9000, edited: true });
    const { cadenceSpm: _, ...without } = edited;
    expect(mergeInto(without, run({ cadenceSpm: 180 }), NOW).cadenceSpm).toBe(180);
  });

  it('no reading with a cadence, no cadence', () => {
    expect('cadenceSpm' in mergeInto(activityFromInput(run(), NOW), run(), NOW)).toBe(false);
  });
});
