import type { ActivityInput } from '../../core/activity';

/** A plausible run; override what the test is about. */
export function run(over: Partial<ActivityInput> = {}): ActivityInput {
  return {
    source: 'strava',
    sourceId: '1001',
    startMs: Date.parse('2026-11-20T07:00:00Z'),
    localDate: '2026-11-20',
    sport: 'run',
    sportLabel: 'Run',
    distanceM: 10_000,
    movingS: 3000,
    elapsedS: 3100,
    name: 'Morning Run',
    ...over,
  };
}

export const NOW = Date.parse('2026-11-25T12:00:00Z');
