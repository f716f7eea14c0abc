import { describe, expect, it, vi } from 'vitest';
import { restrictStorage } from '../../../background/storage-access';

describe('restrictStorage', () => {
  it('closes every area that offers setAccessLevel to content scripts, and skips the others', async () => {
    const calls: string[] = [];
    const area = (name: string) => ({
      setAccessLevel: async (o: { accessLevel: string }) => void calls.push(`${name} ${o.accessLevel}`),
    });
    // Chrome: all three areas.
    expect(await restrictStorage({ local: area('local'), sync: area('sync'), session: area('session') })).toEqual([
      'local',
      'sync',
      'session',
    ]);
    expect(calls).toEqual(['local TRUSTED_CONTEXTS', 'sync TRUSTED_CONTEXTS', 'session TRUSTED_CONTEXTS']);
    // Firefox: storage.session alone has it.
    expect(await restrictStorage({ local: {}, sync: {}, session: area('session') })).toEqual(['session']);
    expect(await restrictStorage(undefined)).toEqual([]);
  });

  it('logs an area the browser refuses to restrict and goes on with the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ok = { setAccessLevel: async () => {} };
    const refusing = { setAccessLevel: () => Promise.reject(new Error('not supported')) };
    expect(await restrictStorage({ local: refusing, sync: ok, session: ok })).toEqual(['sync', 'session']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('storage.local not restricted'));
    warn.mockRestore();
  });
});
