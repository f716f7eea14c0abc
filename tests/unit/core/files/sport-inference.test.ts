// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { inferSport } from '../../../../core/files/sport-inference';

describe('inferSport', () => {
  it.each([
    [['Morning Run'], 'Run'],
    [['Urban Biker'], 'Ride'],
    [[undefined, 'Laufband 5 km'], 'Treadmill'],
    [['Trail Running'], 'TrailRun'],
    [['Abendspaziergang'], null],
    [['Spaziergang'], 'Walk'],
    [['Forerunner 935', 'Connect Api'], null],
    [['vívoactive HR'], null],
    [[], null],
  ] as const)('%j → %s', (hints, label) => {
    expect(inferSport(hints)).toBe(label);
  });
});
