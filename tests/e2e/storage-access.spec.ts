import type { Page } from '@playwright/test';
import { expect, fixturePage, test } from './extension-fixture';

/** Runs `expression` in Hip Check's content script world on `page` (its isolated world, over CDP). */
async function inContentScript(page: Page, extensionId: string, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
  if (!world) throw new Error(`no content script world among ${JSON.stringify(contexts)}`);
  const r = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  return r.result.value;
}

const TRY_AREA = (area: string) => `(async () => {
  try {
    await chrome.storage.${area}.set({ probe: 'from a content script' });
    return 'written';
  } catch (e) {
    return 'refused';
  }
})()`;

test('content scripts cannot read or write storage; the background still can', async ({
  context,
  worker,
  extensionId,
}) => {
  const html = await fixturePage('strava/upload-select.html', {});
  await context.route('https://www.strava.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  const page = await context.newPage();
  await page.goto('https://www.strava.com/upload/select');
  // The background restricts the areas when it starts; give a slow machine a moment.
  await expect.poll(() => inContentScript(page, extensionId, TRY_AREA('local')), { timeout: 10_000 }).toBe('refused');
  // A try before the background had restricted the areas may have written: start clean, try again.
  await worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }
    ).chrome.storage.local.remove('probe'),
  );
  expect(await inContentScript(page, extensionId, TRY_AREA('local'))).toBe('refused');
  expect(await inContentScript(page, extensionId, TRY_AREA('sync'))).toBe('refused');
  expect(await inContentScript(page, extensionId, TRY_AREA('session'))).toBe('refused');
  expect(
    await inContentScript(
      page,
      extensionId,
      `chrome.storage.local.get(null).then(() => 'read', () => 'refused').catch(() => 'refused')`,
    ),
  ).not.toBe('read');
  // Nothing arrived, and the background reads and writes as before.
  const seen = await worker.evaluate(async () => {
    interface Local {
      get(k: string): Promise<object>;
      set(o: object): Promise<void>;
      remove(k: string): Promise<void>;
    }
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    const before = await local.get('probe');
    await local.set({ workerProbe: 1 });
    const after = await local.get('workerProbe');
    await local.remove('workerProbe');
    return { before, after };
  });
  expect(seen).toEqual({ before: {}, after: { workerProbe: 1 } });
});
