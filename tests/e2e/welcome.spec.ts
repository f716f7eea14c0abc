import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { CORPUS_DIR } from '../paths';
import { expect, test } from './extension-fixture';
import { needsCorpus } from './needs-corpus';

const FILES = path.join(CORPUS_DIR, 'files');

needsCorpus('tests/e2e/welcome.spec.ts (it imports a FIT file of the corpus)');

test('install opens the first-run page: what it does, the plan, how to get runs in, import, pinning', async ({
  context,
  extensionId,
}) => {
  // The install tab may already be open by the time the worker is found.
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const welcome =
    context.pages().find((p) => p.url() === url) ??
    (await context.waitForEvent('page', { predicate: (p) => p.url() === url, timeout: 15_000 }));
  await welcome.setViewportSize({ width: 900, height: 800 });
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to Hip Check');
  await expect(welcome.locator('.welcome-what li')).toHaveCount(3);
  await expect(welcome.getByTestId('plan-questions')).toBeVisible();
  const runs = welcome.getByTestId('welcome-runs');
  await expect(runs.getByRole('heading', { name: 'Get your runs in' })).toBeVisible();
  await expect(runs).toContainText('Settings → My Account → Download or delete your account');
  await expect(runs).toContainText('Export Original');
  await expect(runs).toContainText('account data export');
  await expect(welcome.getByRole('heading', { name: 'Pin the toolbar button' })).toBeVisible();

  // "Import activities" works right here.
  await welcome.getByLabel('Import activities').setInputFiles(path.join(FILES, 'sports-lib__6914538454.fit'));
  await expect(welcome.getByTestId('import-summary')).toContainText('1 added', { timeout: 30_000 });
  await expect(welcome.getByTestId('welcome-count')).toHaveText('1 activity stored in this browser.');
  if (process.env.UPDATE_SCREENSHOTS) await welcome.screenshot({ path: 'docs/welcome.png', fullPage: true });

  for (const scheme of ['light', 'dark'] as const) {
    await welcome.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page: welcome }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
