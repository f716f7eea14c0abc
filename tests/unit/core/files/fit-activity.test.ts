// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFitActivities } from '../../../../core/files/fit-activity';
import { FitWriter, fitTime, SESSION_FIELDS, T } from './helpers';

// Real-file fixes of issue #10: a session far from its own track points.

const ctx = { fileName: 'run.fit', timeZone: 'UTC', nowMs: Date.UTC(2026, 10, 30) };
const T0 = fitTime('2024-05-04T08:00:00Z');

/** An hour of track points over 10 km from T0, after a file_id; the caller adds the rest. */
function recording(): FitWriter {
  const w = new FitWriter().define(0, 0, [[0, 1, T.enum]]).data(0, [4]);
  w.define(1, 20, [
    [253, 4, T.uint32],
    [5, 4, T.uint32],
  ]);
  for (let i = 0; i <= 60; i++) w.data(1, [T0 + i * 60, Math.round((1_000_000 * i) / 60)]);
  return w;
}

describe('FIT: real-file fixes', () => {
  it('believes the track points when the session starts weeks before them', () => {
    const w = recording();
    const start = T0 - 27 * 86400;
    w.define(2, 18, [[253, 4, T.uint32], ...SESSION_FIELDS]).data(2, [
      T0 + 3600,
      start,
      1,
      0,
      (3600 + 27 * 86400) * 1000,
      3500 * 1000,
      1_000_000,
    ]);
    const r = readFitActivities(w.finish(), ctx);
    expect(r.kind === 'activities' && r.activities[0]).toMatchObject({
      startMs: Date.UTC(2024, 4, 4, 8),
      localDate: '2024-05-04',
      elapsedS: 3600,
      movingS: 3500,
      distanceM: 10_000,
    });
    expect(r.kind === 'activities' && r.warnings.map((w) => w.code)).toContain('fit_session_far_from_records');
  });
});
