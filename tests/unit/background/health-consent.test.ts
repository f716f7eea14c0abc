import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { healthDataMayLeave } from '../../../background/health-consent';

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
});
