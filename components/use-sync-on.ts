import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SYNC_ON_KEY } from '../background/sync/sync-local';

/** Whether run sync is on in this browser, followed as it changes (the switch is in storage.local). */
export function useSyncOn(): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const load = async () => setOn((await browser.storage.local.get(SYNC_ON_KEY))[SYNC_ON_KEY] === true);
    void load();
    const l = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SYNC_ON_KEY in changes) void load();
    };
    browser.storage.onChanged.addListener(l);
    return () => browser.storage.onChanged.removeListener(l);
  }, []);
  return on;
}
