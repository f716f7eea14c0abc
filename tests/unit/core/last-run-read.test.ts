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
      file: '',
    });
  });

  it('a name a file reader made up says only the file; a file’s own title is kept', () => {
    const file = (name: string, sport: Activity['sport'] = 'run') => ({
      ...act('2025-06-16', { source: 'file', sport }),
      name,
    });
    expect(lastRunRead([file('Run (run-29.fit)')], RUNNING)).toMatchObject({ name: '', file: 'run-29.fit' });
    expect(lastRunRead([file('Trail run (a.GPX)', 'trail_run')], RUNNING)).toMatchObject({ name: '', file: 'a.GPX' });
    expect(lastRunRead([file('Hill repeats (hills.fit)')], RUNNING)).toMatchObject({
      name: 'Hill repeats',
      file: 'hills.fit',
    });
    expect(lastRunRead([file('Run')], RUNNING)).toMatchObject({ name: '', file: '' });
    expect(lastRunRead([file('Tempo (fast)')], RUNNING)).toMatchObject({ name: 'Tempo (fast)', file: '' });
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
