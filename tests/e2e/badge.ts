import type { Page } from '@playwright/test';
import { expect } from './extension-fixture';

// The toolbar badge as the runner sees it: its text and its colour for each verdict level.

export const BADGE = { ok: [46, 125, 50], calm: [31, 95, 139], ease_off: [178, 106, 0], warning: [198, 40, 40] };

/** The badge's text and background colour (RGB), read from one of the extension's pages. */
export async function badge(page: Page): Promise<{ text: string; rgb: number[] }> {
  return page.evaluate(async () => {
    const a = (
      globalThis as unknown as {
        chrome: {
          action: {
            getBadgeText(d: object): Promise<string>;
            getBadgeBackgroundColor(d: object): Promise<number[]>;
          };
        };
      }
    ).chrome.action;
    return { text: await a.getBadgeText({}), rgb: (await a.getBadgeBackgroundColor({})).slice(0, 3) };
  });
}

export async function expectBadge(page: Page, text: string, level: keyof typeof BADGE) {
  await expect.poll(() => badge(page)).toEqual({ text, rgb: BADGE[level] });
}

/** Waits for the badge to take a level's colour, whatever its number. */
export async function expectBadgeLevel(page: Page, level: keyof typeof BADGE) {
  await expect.poll(() => badge(page).then((b) => b.rgb)).toEqual(BADGE[level]);
}
