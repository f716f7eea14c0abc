import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { healthDataMayLeave, keepSyncWithinConsent } from '../../../background/health-consent';
import { isSyncOn, SYNC_ON_KEY } from '../../../background/sync/sync-local';

const chrome = { getAll: async () => ({ permissions: ['storage'], origins: [] }) };
const firefox = (data_collection: string[]) => ({ getAll: async () => ({ permissions: [], data_collection }) });

beforeEach(() => fakeBrowser.reset());

describe('health data consent for run sync', () => {
  it('lets health data leave only with Firefox healthInfo consent, and always in Chrome', async () => {
    expect(await healthDataMayLeave(chrome)).toBe(true);
    expect(await healthDataMayLeave(firefox(['healthInfo']))).toBe(true);
    expect(await healthDataMayLeave(firefox([]))).toBe(false);
    expect(await healthDataMayLeave(firefox(['technicalAndInteraction']))).toBe(false);
  });

  it('turns sync off in Firefox when the consent is missing or withdrawn, and nowhere else', async () => {
    await fakeBrowser.storage.local.set({ [SYNC_ON_KEY]: true });
    expect(await keepSyncWithinConsent(chrome)).toBe(false);
    expect(await keepSyncWithinConsent(firefox(['healthInfo']))).toBe(false);
    expect(await isSyncOn()).toBe(true);
    expect(await keepSyncWithinConsent(firefox([]))).toBe(true);
    expect(await isSyncOn()).toBe(false);
    // Already off: nothing written.
    expect(await keepSyncWithinConsent(firefox([]))).toBe(false);
  });
});
