import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { settingsErrorText } from '../../../components/i18n';
import { DEFAULT_SETTINGS, validateSettingsPatch } from '../../../core/settings';

const HERE = dirname(fileURLToPath(import.meta.url));

function speak(lang: string) {
  const messages = JSON.parse(
    readFileSync(resolve(HERE, `../../../public/_locales/${lang}/messages.json`), 'utf8'),
  ) as Record<string, { message: string }>;
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const m = messages[key]?.message;
    return m === undefined ? '' : m.replace(/\$(\d)/g, (_, d: string) => list[Number(d) - 1] ?? '');
  }) as never);
}

afterEach(() => vi.restoreAllMocks());

describe('settings errors in the UI language', () => {
  const refused = () => {
    const r = validateSettingsPatch({ maxRunDaysInRow: 0 }, { ...DEFAULT_SETTINGS });
    if (r.ok) throw new Error('0 days in a row was accepted');
    return r.errors[0]!;
  };
  it('German puts the unit of a range in its case: "zwischen 1 und 30 Tagen"', () => {
    speak('de');
    expect(settingsErrorText(refused())).toBe('Muss zwischen 1 und 30 Tagen liegen.');
  });
  it('English reads "between 1 and 30 days"', () => {
    speak('en');
    expect(settingsErrorText(refused())).toMatch(/between 1 and 30 days/);
  });
});
