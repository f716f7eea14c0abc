// What scenarios read from the extension itself, the same way in both browsers (through
// Driver.inExtension, so the functions below run inside the browser and must not close over anything).
import type { Driver, DriverPage } from './driver';
import type { SeedActivity } from '../e2e/seed';

interface Chrome {
  chrome: {
    action: { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]> };
    runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> };
    storage: Record<'local' | 'sync', { get(k: null | string[]): Promise<Record<string, unknown>> }>;
  };
}

/** The keys of every stored activity, read from IndexedDB without creating anything. */
export function storedKeys(driver: Driver): Promise<string[]> {
  return driver.inExtension(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'hip-check')) return [];
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('hip-check');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    try {
      if (!db.objectStoreNames.contains('activities')) return [];
      return await new Promise<string[]>((res, rej) => {
        const q = db.transaction('activities').objectStore('activities').getAllKeys();
        q.onsuccess = () => res((q.result as string[]).sort());
        q.onerror = () => rej(q.error);
      });
    } finally {
      db.close();
    }
  });
}

/** The toolbar badge's text and colour as "#rrggbb". */
export function badge(driver: Driver): Promise<{ text: string; color: string }> {
  return driver.inExtension(async () => {
    const { action } = (globalThis as unknown as Chrome).chrome;
    const text = await action.getBadgeText({});
    const c = await action.getBadgeBackgroundColor({});
    return {
      text,
      color:
        '#' +
        c
          .slice(0, 3)
          .map((n) => n.toString(16).padStart(2, '0'))
          .join(''),
    };
  });
}

export function storageItems(driver: Driver, area: 'local' | 'sync'): Promise<Record<string, unknown>> {
  return driver.inExtension((a) => (globalThis as unknown as Chrome).chrome.storage[a].get(null), area);
}

/** Stores activities through the extension's own messages, from one of its pages. */
export async function seed(page: DriverPage, activities: SeedActivity[]): Promise<void> {
  const r = await page.evaluate(
    (acts) =>
      (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ type: 'activities/add', activities: acts }),
    activities,
  );
  if (!r.ok) throw new Error(`seeding failed: ${JSON.stringify(r.error)}`);
}

/** Answers the hip check-in of `date` with `pain`, as the popup's check-in would. */
export async function answerCheckIn(page: DriverPage, date: string, pain: number): Promise<void> {
  const r = await page.evaluate(
    (checkIn) => (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ type: 'checkin/set', checkIn }),
    { date, pain },
  );
  if (!r.ok) throw new Error(`check-in not answered: ${JSON.stringify(r.error)}`);
}

/**
 * Clicks an element that saves a file, and returns the file's name and text. The download itself
 * is caught in the page (the object URL's Blob), since the Firefox driver sees no downloads.
 */
export async function savedFile(page: DriverPage, selector: string): Promise<{ name: string; text: string }> {
  await page.evaluate(() => {
    const w = window as unknown as { __saved?: Promise<{ name: string; text: string }> };
    const blobs = new Map<string, Blob>();
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => {
      const u = create(b);
      if (b instanceof Blob) blobs.set(u, b);
      return u;
    };
    w.__saved = new Promise((resolve) => {
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        const blob = blobs.get(this.href);
        if (blob) void blob.text().then((text) => resolve({ name: this.download, text }));
      };
    });
  });
  await page.click(selector);
  return page.evaluate(() => (window as unknown as { __saved: Promise<{ name: string; text: string }> }).__saved);
}

/** The source ids of every stored activity, one list per record, sorted. */
export function storedSourceKeys(driver: Driver): Promise<string[][]> {
  return driver.inExtension(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'hip-check')) return [];
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('hip-check');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    try {
      if (!db.objectStoreNames.contains('activities')) return [];
      return await new Promise<string[][]>((res, rej) => {
        const q = db.transaction('activities').objectStore('activities').getAll();
        q.onsuccess = () => res((q.result as { sourceKeys: string[] }[]).map((a) => [...a.sourceKeys].sort()).sort());
        q.onerror = () => rej(q.error);
      });
    } finally {
      db.close();
    }
  });
}
