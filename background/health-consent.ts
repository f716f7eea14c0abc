// Run sync carries hip check-ins (pain, where, warning signs) to the runner's browser account,
// outside this browser. Firefox counts them as health information ('healthInfo'), which no add-on
// may take as implicitly consented: in Firefox, check-ins travel only with that optional data
// permission, asked when the runner turns sync on; without it (refused, or withdrawn in
// about:addons) runs, rest marks and deletions still sync, and check-ins stay in this browser.
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
