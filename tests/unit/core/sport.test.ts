import { describe, expect, it } from 'vitest';
import { normalizeSport } from '../../../core/sport';

describe('sport names', () => {
  it.each([
    ['Run', 'run'],
    ['TrailRun', 'trail_run'],
    ['trail_running', 'trail_run'],
    ['treadmill_running', 'treadmill_run'],
    ['VirtualRun', 'virtual_run'],
    ['Ride', 'ride'],
    ['lap_swimming', 'swim'],
    ['WeightTraining', 'strength'],
    ['Walk', 'walk'],
  ])('%s is %s', (label, sport) => expect(normalizeSport(label)).toBe(sport));

  it('anything unknown is "other", never a run; object built-ins are not sports', () => {
    for (const label of ['Quidditch', '', null, undefined, 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(normalizeSport(label)).toBe('other');
    }
  });
});
