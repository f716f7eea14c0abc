import { describe, expect, it } from 'vitest';
import { GARMIN_PROFILE_URL, readGarminViewer } from '../../../../../core/sites/garmin/garmin-viewer';

describe('readGarminViewer', () => {
  it('takes the profile id the site reports for the signed-in athlete', () => {
    expect(readGarminViewer({ profileId: 2591602, displayName: 'runner' })).toBe('2591602');
    expect(readGarminViewer({ profileId: '2836200' })).toBe('2836200');
  });

  it('is unsure (null) of anything else', () => {
    for (const body of [
      null,
      'login page',
      [],
      {},
      { profileId: 0 },
      { profileId: -5 },
      { profileId: 1.5 },
      { profileId: '12a' },
      { profileId: '' },
      { profileId: 1e20 },
      { displayName: 'runner' },
    ])
      expect(readGarminViewer(body)).toBeNull();
  });

  it('knows the profile request by its path only', () => {
    expect(GARMIN_PROFILE_URL.test('https://connect.garmin.com/gc-api/userprofile-service/socialProfile')).toBe(true);
    expect(GARMIN_PROFILE_URL.test('https://connect.garmin.com/gc-api/userprofile-service/socialProfile?x=1')).toBe(
      true,
    );
    expect(GARMIN_PROFILE_URL.test('https://connect.garmin.com/gc-api/userprofile-service/socialProfile/123')).toBe(
      false,
    );
  });
});
