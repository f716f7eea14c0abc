// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { movingSeconds } from '../../../../core/files/track-summary';

// What the readers of track points share (core/files/track-summary.ts).

describe('moving time from track points', () => {
  it('counts steps of a minute or less at walking pace or faster, nothing else', () => {
    expect(movingSeconds(5, 15)).toBe(5);
    expect(movingSeconds(60, 18)).toBe(60);
    expect(movingSeconds(61, 1000)).toBe(0);
    expect(movingSeconds(5, 1)).toBe(0);
    expect(movingSeconds(0, 10)).toBe(0);
    expect(movingSeconds(-5, 10)).toBe(0);
    expect(movingSeconds(5, NaN)).toBe(0);
  });
});
