import type { Worker } from '@playwright/test';

/** The keys of every stored activity, read in the background worker without creating anything. */
export function storedKeys(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'hip-check')) return [];
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('hip-check');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    if (!db.objectStoreNames.contains('activities')) return [];
    return new Promise<string[]>((res, rej) => {
      const q = db.transaction('activities').objectStore('activities').getAllKeys();
      q.onsuccess = () => res((q.result as string[]).sort());
      q.onerror = () => rej(q.error);
    });
  });
}
