// Firefox smoke test: the real Firefox build (.output/firefox-mv3) in Debian's firefox-esr,
// driven over WebDriver BiDi by puppeteer-core. A Strava activity page served at its real URL
// must reach the background and show up on the options page (which Hip Check opens on install;
// the driver may not navigate to moz-extension:// pages itself). Prints a closing line
// "N passed, N failed".
import puppeteer from 'puppeteer-core';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXT = path.join(ROOT, '.output/firefox-mv3');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ACTIVITY_ID = 23456789012;

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push([name, null]);
    console.log(`  ✓ ${name}`);
  } catch (e) {
    results.push([name, e]);
    console.log(`  ✗ ${name}\n    ${e.message}`);
  }
}

async function until(what, fn, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

let html = await readFile(path.join(ROOT, 'tests/fixtures/strava/activity-page.html'), 'utf8');
const values = {
  ACTIVITY_ID,
  VIEWER_ID: 42,
  OWNER_ID: 42,
  NAME: 'Firefox fixture run',
  SPORT_TYPE: 'Run',
  DISTANCE_M: 5000,
  MOVING_S: 1500,
  ELAPSED_S: 1530,
  START_LOCAL_S: Date.parse(`${today()}T07:00:00Z`) / 1000,
  DATE_TEXT: today(),
  KM: '5.00',
};
for (const [k, v] of Object.entries(values)) html = html.replaceAll(`{{${k}}}`, String(v));

console.log('Firefox smoke test');
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
try {
  let options;
  await check('the Firefox build installs and opens its options page on install', async () => {
    await browser.installExtension(EXT);
    // The driver reports the tab's URL as about:blank, so ask the page itself where it is.
    options = await until('the options page', async () => {
      for (const p of await browser.pages()) {
        if ((await p.evaluate(() => location.href).catch(() => '')).endsWith('/options.html')) return p;
      }
      return undefined;
    });
    const text = await until('the options page to render', () => options.evaluate(() => document.body.innerText));
    if (!text.includes('Hip Check settings')) throw new Error(`unexpected options page: ${text.slice(0, 200)}`);
    if (!text.includes('0 activities stored')) throw new Error('a fresh install should have no activities');
  });

  await check('a run on a Strava activity page reaches the background and IndexedDB', async () => {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.url().startsWith('https://www.strava.com/'))
        void req.respond({ status: 200, contentType: 'text/html', body: html });
      else void req.abort();
    });
    await page.goto(`https://www.strava.com/activities/${ACTIVITY_ID}`);
    await until('the options page to count the new run', async () =>
      (await options.evaluate(() => document.body.innerText)).includes('1 activity stored'),
    );
  });

  await check('an invalid threshold is refused with a message', async () => {
    await options.evaluate(() => {
      const input = document.getElementById('maxRunDaysInRow');
      input.value = '0';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const msg = await until('the error message', () =>
      options.evaluate(() => document.querySelector('[data-testid="error-maxRunDaysInRow"]')?.textContent),
    );
    if (!msg.includes('between 1 and 30')) throw new Error(`unexpected message: ${msg}`);
  });

  await check('the popup paints every exercise drawing (an SVG file as a CSS mask) in Firefox', async () => {
    // The options tab can open the popup's page itself; the driver cannot.
    await options.evaluate(() => (location.href = '/popup.html'));
    await until('the popup to render', () => options.evaluate(() => !!document.querySelector('.hip-drawing')));
    const found = await options.evaluate(async () => {
      const out = [];
      for (const el of document.querySelectorAll('.hip-drawing[role="img"]')) {
        const s = getComputedStyle(el);
        const url = s.maskImage.match(/url\("?([^")]+)"?\)/)?.[1] ?? '';
        const img = new Image();
        img.src = url;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = 128;
        c.height = 96;
        const ctx = c.getContext('2d');
        ctx.drawImage(img, 0, 0, 128, 96);
        const d = ctx.getImageData(0, 0, 128, 96).data;
        let ink = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 64) ink++;
        out.push({
          url,
          ink: ink / (128 * 96),
          same: s.backgroundColor === s.color,
          h: el.getBoundingClientRect().height,
        });
      }
      return out;
    });
    if (found.length < 2) throw new Error(`expected exercise drawings in the popup, found ${found.length}`);
    for (const f of found)
      if (!/\/exercises\/[a-z_]+\.svg$/.test(f.url) || f.ink < 0.05 || f.ink > 0.4 || !f.same || f.h < 96)
        throw new Error(`drawing not painted as expected: ${JSON.stringify(f)}`);
  });
} finally {
  await browser.close();
}

const failed = results.filter(([, e]) => e).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
