import { browser } from 'wxt/browser';
import { isSyncOn, SYNC_ON_KEY } from './sync/sync-local';

// Run sync carries hip check-ins (pain, where, warning signs) to the runner's browser account,
// outside this browser. Firefox counts them as health information ('healthInfo'), which no add-on
// may take as implicitly consented: in Firefox, sync needs that optional data permission, asked
// when the runner turns sync on; without it (refused, or withdrawn in about:addons) sync is off.
// Chrome has no such permission (getAll() has no data_collection): nothing to ask there.
// Why, with Mozilla's rules: PRIVACY.md.

/** The optional data permission, as permissions.request and the manifest name it. */
export const HEALTH_DATA = { data_collection: ['healthInfo'] };

export interface DataPermissions {
  getAll(): Promise<object & { data_collection?: string[] }>;
}

/** May health data leave this browser: always where the browser has no data-collection consent. */
export async function healthDataMayLeave(permissions: DataPermissions): Promise<boolean> {
  const granted = (await permissions.getAll()).data_collection;
  return !granted || granted.includes('healthInfo');
}

/** Turns run sync off when health data may not leave; true if it did. */
export async function keepSyncWithinConsent(permissions: DataPermissions): Promise<boolean> {
  if (!(await isSyncOn()) || (await healthDataMayLeave(permissions))) return false;
  await browser.storage.local.set({ [SYNC_ON_KEY]: false });
  return true;
}
