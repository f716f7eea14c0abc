import { browser } from 'wxt/browser';

// Bumped in storage.local whenever stored data or settings change, so an open popup or options
// page can refresh itself without polling.
export const DATA_VERSION_KEY = 'dataVersion';

export function onDataChanged(listener: () => void): () => void {
  const l = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && DATA_VERSION_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(l);
  return () => browser.storage.onChanged.removeListener(l);
}
