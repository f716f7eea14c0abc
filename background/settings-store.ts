import { browser } from 'wxt/browser';
import { problemOf } from '../core/problem-codes';
import { settingsFromStored, validateSettingsPatch, type Settings, type Validated } from '../core/settings';

// Settings live in storage.sync so they follow the runner's browser profile to other machines.
const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.sync.get(KEY);
  return settingsFromStored(got[KEY]);
}

export async function updateSettings(patch: unknown): Promise<Validated<Settings>> {
  const current = await loadSettings();
  const r = validateSettingsPatch(patch, current);
  if (!r.ok) return r;
  try {
    await browser.storage.sync.set({ [KEY]: r.value });
  } catch (e) {
    return { ok: false, errors: [{ field: 'settings', problem: problemOf(e) }] };
  }
  return r;
}

/** Stores settings that were already validated as a whole (a backup's). */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [KEY]: settings });
}

export function onSettingsChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && KEY in changes) listener();
  });
}
