// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../core/activity';
import { lastRunRead } from '../../../core/last-run-read';
import { act, settings } from './engine/diary';

const RUNNING = settings().runningLoadSports;

function merged(a: Activity, source: 'garmin' | 'manual', id: string): Activity {
  return { ...a, sources: [...a.sources, { source, id }], sourceKeys: [...a.sourceKeys, `${source}:${id}`] };
}

describe('last run read', () => {
  it('the run with the latest start, its name and every source that read it', () => {
    const early = { ...act('2025-06-16', { hour: 6 }), name: 'Early' };
    const late = merged({ ...act('2025-06-16', { hour: 18 }), name: ' Evening Run ' }, 'garmin', '9');
    const ride = act('2025-06-17', { sport: 'ride' });
    expect(lastRunRead([late, ride, early], RUNNING)).toEqual({
      sources: ['strava', 'garmin'],
      startMs: late.startMs,
      localDate: '2025-06-16',
      name: 'Evening Run',
    });
  });

  it('a run entered by hand is not a reading; a site’s run that was also entered by hand is', () => {
    const site = act('2025-06-15', { source: 'file' });
    const byHand = act('2025-06-16', { source: 'manual' });
    expect(lastRunRead([site, byHand], RUNNING)?.sources).toEqual(['file']);
    expect(lastRunRead([byHand], RUNNING)).toBeNull();
    expect(lastRunRead([merged(act('2025-06-16'), 'manual', 'x')], RUNNING)?.sources).toEqual(['strava']);
    expect(lastRunRead([], RUNNING)).toBeNull();
  });
});
