import type { BrowserContext } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchWithExtension, ROOT, test as base } from './extension-fixture';
import { daysAgo, runOn, seed, type SeedActivity } from './seed';

// The extension with the browser in German: every text from _locales/de, numbers and dates
// through Intl in de-DE. Same launch as extension-fixture.ts, plus the language.

const test = base.extend<{ context: BrowserContext }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    // On Linux, Chromium takes its UI language (and so the extension's _locales) from the environment.
    const { context, cleanUp } = await launchWithExtension({
      locale: 'de-DE',
      env: { LANGUAGE: 'de', LANG: 'de_DE.UTF-8' },
      args: ['--lang=de-DE'],
    });
    await use(context);
    await cleanUp();
  },
});
const expect = test.expect;

type Messages = Record<string, { message: string }>;
let de: Messages;
test.beforeAll(async () => {
  de = JSON.parse(await readFile(path.join(ROOT, 'public/_locales/de/messages.json'), 'utf8')) as Messages;
});
/** A German message, with $1… filled in as Chrome does. */
const msg = (key: string, ...subs: string[]) => {
  const m = de[key]?.message;
  if (m === undefined) throw new Error(`no German message ${key}`);
  return m.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
};

/** German weekday abbreviations as Intl writes them, Sunday first (Date#getDay). */
const WEEKDAYS = ['So.', 'Mo.', 'Di.', 'Mi.', 'Do.', 'Fr.', 'Sa.'];
const MONTHS = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'];
/** "Mo., 16. Juni" for a local YYYY-MM-DD, written out by hand (not by Intl) to check Intl. */
function germanShortDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${d}. ${MONTHS[m - 1]}`;
}

test('the browser runs in German, and the first-run popup says so', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  const lang = await popup.evaluate(() => {
    const i18n = (globalThis as unknown as { chrome: { i18n: { getMessage(k: string): string } } }).chrome.i18n;
    return { extension: i18n.getMessage('@@ui_locale'), nav: navigator.language, html: document.documentElement.lang };
  });
  // Chromium only switches to German when it has German of its own (Debian: chromium-l10n).
  expect(
    lang.extension,
    "the extension's messages are not German: is Chromium's German locale (chromium-l10n) installed?",
  ).toMatch(/^de/);
  expect(lang.nav).toBe('de-DE');
  expect(lang.html).toBe('de-DE');

  const first = popup.getByTestId('first-run');
  await expect(first.getByRole('heading', { level: 2 })).toHaveText(msg('firstRunTitle'));
  await expect(first.getByRole('heading', { level: 2 })).toHaveText('Willkommen bei Hip Check');
  for (const key of ['firstRunWhat', 'firstRunStrava', 'firstRunGarmin', 'firstRunImport', 'privacyLinePopup'])
    await expect(first).toContainText(msg(key));
  await expect(popup.getByRole('button', { name: msg('openOptions') })).toBeVisible();
  await expect(popup.getByTestId('i-ran')).toHaveText('Ich bin heute gelaufen');
  await expect(popup.getByTestId('i-rested')).toHaveText(msg('iRestedToday'));
  await expect(popup.locator('body')).not.toContainText('Welcome');
});

test('the options page: headings and labels in German, weekdays and dates through Intl', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('heading', { level: 1 })).toHaveText(msg('optionsTitle'));
  await expect(options.getByRole('heading', { level: 2 })).toHaveText([
    msg('dataTitle'),
    msg('historyTitle'),
    msg('autoCatchUpTitle'),
    msg('planTitle'),
    msg('settingsTitle'),
    msg('hipsTitle'),
    msg('trend_sectionTitle'),
    msg('painModel_title'),
    msg('displayTitle'),
    msg('syncTitle'),
    msg('deleteAllTitle'),
  ]);
  await expect(options.getByRole('heading', { level: 2 }).first()).toHaveText('Deine Läufe');
  await expect(options.getByLabel(msg('setting_units'))).toBeVisible();
  await expect(options.getByText(msg('historyEmpty'))).toBeVisible();
  await expect(options.getByTestId('activity-count')).toHaveText(msg('storedCount_other', '0'));
  // The week-start choice names the days as Intl does in German, Monday first.
  await expect(options.getByLabel(msg('setting_weekStartsOn')).locator('option')).toHaveText([
    msg('weekStart_auto'),
    'Montag',
    'Dienstag',
    'Mittwoch',
    'Donnerstag',
    'Freitag',
    'Samstag',
    'Sonntag',
  ]);

  await seed(options, [runOn(2, 10.5, 'a'), runOn(1, 42.195, 'b', 7, 'ride')]);
  const history = options.getByTestId('history');
  await expect(history.locator('tbody tr')).toHaveCount(2);
  await expect(history.locator('thead th')).toHaveText([
    msg('colDate'),
    msg('colActivity'),
    msg('colDistance'),
    msg('colTime'),
    msg('colSource'),
    msg('colActions'),
  ]);
  const run = history.locator('tr[data-key="strava:a"]');
  await expect(run.locator('td').nth(0)).toHaveText(germanShortDate(daysAgo(2)));
  // The activity's name above its sport.
  await expect(run.locator('td').nth(1).locator('.activity-name')).toHaveText('Run a');
  await expect(run.locator('td').nth(1)).toContainText('Lauf');
  await expect(run.locator('td').nth(2)).toHaveText('10,5 km');
  await expect(run.getByRole('button', { name: msg('editActivity', germanShortDate(daysAgo(2))) })).toHaveText(
    'Bearbeiten',
  );
  const ride = history.locator('tr[data-key="strava:b"]');
  await expect(ride.locator('td').nth(1)).toContainText(msg('sport_ride'));
  await expect(ride.locator('td').nth(2)).toHaveText('42,2 km');
  await expect(options.getByTestId('activity-count')).toHaveText(msg('storedCount_other', '2'));
  if (process.env.UPDATE_SCREENSHOTS) await options.screenshot({ path: 'docs/options-de.png', fullPage: true });
});

test('a run of 10.5 km today shows as "10,5 km" with a German weekday in the popup', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await seed(options, [runOn(0, 10.5, 'x')]);
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('verdict')).toContainText(msg('title_all_good'));
  await expect(popup.getByTestId('streak')).toHaveText(`1 ${msg('streakDaysInRow_one')}`);
  await expect(popup.getByRole('heading', { name: msg('recentTitle') })).toBeVisible();
  const row = popup.getByTestId('recent-activities').locator('tbody tr').first();
  await expect(row.locator('td')).toHaveText([germanShortDate(daysAgo(0)), 'Lauf', '10,5 km', '57:45']);
  await expect(row.locator('td').first()).toHaveText(
    new RegExp(`^${WEEKDAYS[new Date().getDay()]!.replace('.', '\\.')}, `),
  );
  await expect(popup.getByTestId('day-strip').locator(`li[data-date="${daysAgo(0)}"]`)).toHaveAttribute(
    'title',
    `${msg('today')}: ${msg('day_run')}`,
  );
  await expect(popup.getByTestId('weekly-chart').getByTestId('week-km')).toHaveText(['10,5']);
  await expect(popup.getByTestId('weekly-chart')).toContainText(msg('chartLast7'));
  await expect(popup.getByTestId('hip-care').getByRole('heading', { level: 2 })).toHaveText(msg('hip_title'));
});

function sixDaysInARow(): SeedActivity[] {
  const out: SeedActivity[] = [];
  // Eight weeks of four runs a week, then the last six days in a row, today included.
  for (let d = 56; d >= 7; d--) if (d % 7 !== 0 && d % 7 !== 3 && d % 7 !== 5) out.push(runOn(d, 8, `old${d}`));
  for (let d = 5; d >= 0; d--) out.push(runOn(d, d === 0 ? 12.4 : 8, `now${d}`));
  return out;
}

test('six running days in a row: the verdict, its reasons and the hip care in German', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await seed(options, sixDaysInARow());
  const popup = await openExtensionPage('popup.html');
  const verdict = popup.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-level', 'warning');
  // The 55 % long run today is the warning; the title names the rest day that falls due tomorrow.
  await expect(verdict.getByRole('heading')).toContainText(msg('title_warning_rest_tomorrow'));
  await expect(verdict).toContainText(
    'Dein Limit sind 6 Lauftage in Folge, deshalb ist morgen ein Ruhetag vom Laufen.',
  );
  await expect(verdict).toContainText(`6 ${msg('streakDaysInRow_other')}`);
  // 12,4 km today against a longest of 8 km: 55 % longer, written the German way.
  await expect(verdict).toContainText('Dein heutiger Lauf war 12,4 km lang, 55 % länger');
  await expect(popup.getByTestId('hip-today').getByTestId('hip-dose').first()).toHaveText(/ halten| Sätze mit /);
  await expect(popup.getByTestId('popup')).not.toContainText(/\b(days in a row|rest day|Today|Recent activities)\b/);
  if (process.env.UPDATE_SCREENSHOTS) {
    // Chrome's popup window at its real size: what is above the fold is what the runner sees.
    // As a runner sees it once the plan questions are answered (on the welcome page or here).
    await popup.getByLabel(msg('planDays')).selectOption('6');
    await popup.getByTestId('plan-save').click();
    await expect(popup.getByTestId('plan-questions')).toHaveCount(0);
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.evaluate(() => window.scrollTo(0, 0));
    await popup.screenshot({ path: 'docs/popup-de.png' });
  }
});

test('refusals in German: a setting out of range, a file that is not a backup', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  // The field itself (its "Aus" box beside it has a label of its own).
  const days = options.locator('#maxRunDaysInRow');
  await days.fill('31');
  await days.blur();
  // The unit in the range's case: "zwischen 1 und 30 Tagen"; 0 turns the limit off.
  await expect(options.getByTestId('error-maxRunDaysInRow')).toHaveText(
    msg('problem_settings_range_or_off', '1', '30', msg('problem_settings_unit_days')),
  );
  await expect(options.getByTestId('error-maxRunDaysInRow')).toHaveText(
    'Muss 0 (aus) sein oder zwischen 1 und 30 Tagen liegen.',
  );

  // JSON that is not a Hip Check backup goes to the backup reader, which refuses it: why, in German.
  await options.getByLabel(msg('importActivities')).setInputFiles({
    name: 'fremd.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"something-else","version":1}'),
  });
  const message = options.getByTestId('data-message');
  await expect(message.getByTestId('import-summary')).toHaveText(
    `fremd.json: ${msg('importOutcome_refused_one', '1')}.`,
  );
  await message.getByText(msg('importListed_one', '1')).click();
  await expect(message.locator('.import-outcomes li')).toHaveText(`fremd.json: ${msg('problem_backup_no_format')}`);
  await expect(options.locator('body')).not.toContainText(/Hip Check backup|Must be between/);
});
