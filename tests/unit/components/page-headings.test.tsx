import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { Welcome } from '../../../components/Welcome';
import { repoPath } from '../../paths';
import { speak } from '../speak';

let root: HTMLElement | null = null;

afterEach(() => {
  if (root) render(null, root);
  vi.restoreAllMocks();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

/** A font size in px, from px or rem (16 px) as the page's own CSS gives it; NaN when none is set. */
function px(el: Element): number {
  const v = getComputedStyle(el).fontSize;
  const m = /^([\d.]+)(px|rem)$/.exec(v);
  return m ? Number(m[1]) * (m[2] === 'rem' ? 16 : 1) : NaN;
}

/** Whether the page's own CSS sets the element's font size (else the browser's defaults decide, and differ). */
function sizedByPage(el: Element): boolean {
  return [...document.styleSheets].some((sheet) =>
    [...sheet.cssRules].some((r) => r instanceof CSSStyleRule && r.style.fontSize !== '' && el.matches(r.selectorText)),
  );
}

describe('the first-run page’s headings', () => {
  it.each(['en', 'de'])('%s: each level is sized by the page, h1 > h2 > h3, not by the browser', async (lang) => {
    speak(lang);
    // The page's data never arrives: its headings are all there without it.
    vi.spyOn(browser.runtime, 'sendMessage').mockReturnValue(new Promise(() => {}) as never);
    for (const f of ['components/theme.css', 'components/pages.css']) {
      const style = document.createElement('style');
      style.textContent = readFileSync(repoPath(f), 'utf8').replace(/^@import .*$/m, '');
      document.head.append(style);
    }
    const page = (root = document.createElement('div'));
    document.body.append(page);
    await act(() => render(<Welcome />, page));
    const size = (tag: string) => [...page.querySelectorAll(tag)].map(px);
    const [h1s, h2s, h3s] = [size('h1'), size('h2'), size('h3')];
    expect(h1s.length * h2s.length * h3s.length).toBeGreaterThan(0);
    for (const s of [...h1s, ...h2s, ...h3s]) expect(s).not.toBeNaN();
    for (const h of page.querySelectorAll('h1, h2, h3, h4')) expect(sizedByPage(h), h.outerHTML).toBe(true);
    expect(Math.min(...h1s)).toBeGreaterThan(Math.max(...h2s));
    expect(Math.min(...h2s)).toBeGreaterThan(Math.max(...h3s));
  });
});
