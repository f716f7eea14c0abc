import { expect, test } from './extension-fixture';
import { runOn, seed } from './seed';

// The exercise drawings are files the popup paints as CSS masks in the text colour
// (components/exercise-icons.tsx, public/exercises/). Checked in real Chromium: every file
// parses as SVG and draws something, and the popup shows each one, large enough, in light and
// dark. DRAWINGS_SHOT=<dir> also saves the whole library as PNGs to look at.

const IDS = [
  'figure_four',
  'kneeling_hip_flexor',
  'hip_circles',
  'knee_to_opposite_shoulder',
  'lunge_twist',
  'downward_dog',
  'glute_bridge',
  'clamshell',
  'lateral_step_up',
  'standing_isometric_abduction',
  'side_lying_abduction',
  'single_leg_bridge',
  'band_side_steps',
];

test('every drawing file parses as SVG in Chromium and draws a figure, not a blank or a block', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage('popup.html');
  const results = await page.evaluate(async (ids) => {
    const out: Record<string, { error: string | null; root: string; inked: number }> = {};
    for (const id of ids) {
      const res = await fetch(`/exercises/${id}.svg`);
      const text = await res.text();
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const error = doc.querySelector('parsererror')?.textContent ?? (res.ok ? null : `HTTP ${res.status}`);
      const img = new Image();
      img.src = `/exercises/${id}.svg`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = 128;
      canvas.height = 96;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0, 128, 96);
      const data = ctx.getImageData(0, 0, 128, 96).data;
      let inked = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 64) inked++;
      out[id] = { error, root: doc.documentElement.localName, inked: inked / (128 * 96) };
    }
    return out;
  }, IDS);
  for (const id of IDS) {
    expect(results[id]!.error, id).toBeNull();
    expect(results[id]!.root, id).toBe('svg');
    // A figure in thick strokes covers some of the frame, never most of it.
    expect(results[id]!.inked, id).toBeGreaterThan(0.05);
    expect(results[id]!.inked, id).toBeLessThan(0.4);
  }
});

test('the popup shows each exercise drawing at 96 px or more, in the text colour, light and dark', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await seed(options, [runOn(1, 8, 'r1'), runOn(0, 8, 'r0')]);
  const popup = await openExtensionPage('popup.html');
  // The popup's real width.
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.getByTestId('hip-library').locator('> summary').click();
  const drawings = popup.getByTestId('hip-library').locator('.hip-drawing[role="img"]');
  await expect(drawings).toHaveCount(IDS.length);
  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: scheme });
    for (const el of await drawings.all()) {
      const id = (await el.getAttribute('data-icon'))!;
      expect(IDS).toContain(id);
      await expect(el).toHaveAttribute('aria-label', /.{30,}/);
      const box = (await el.boundingBox())!;
      expect(box.height, id).toBeGreaterThanOrEqual(96);
      const style = await el.evaluate((x) => {
        const s = getComputedStyle(x);
        return { mask: s.maskImage, bg: s.backgroundColor, color: s.color };
      });
      expect(style.mask, id).toContain(`/exercises/${id}.svg`);
      expect(style.bg, id).toBe(style.color);
      // The mask loaded: the drawing shows ink over part of its box, neither blank nor a block.
      const shot = (await el.screenshot()).toString('base64');
      const ink = await popup.evaluate(async (png) => {
        const img = new Image();
        img.src = `data:image/png;base64,${png}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        // The page's background is the corner pixel; ink is anything clearly different.
        let n = 0;
        for (let i = 0; i < d.length; i += 4)
          if (Math.abs(d[i]! - d[0]!) + Math.abs(d[i + 1]! - d[1]!) + Math.abs(d[i + 2]! - d[2]!) > 90) n++;
        return n / (c.width * c.height);
      }, shot);
      expect(ink, `${id} ${scheme}`).toBeGreaterThan(0.05);
      expect(ink, `${id} ${scheme}`).toBeLessThan(0.4);
    }
    if (process.env.DRAWINGS_SHOT) {
      const lib = await popup.getByTestId('hip-library').evaluate((x) => {
        const r = x.getBoundingClientRect();
        return { y: r.top + scrollY, height: r.height };
      });
      for (let y = lib.y, i = 0; y < lib.y + lib.height; y += 1000, i++)
        await popup.screenshot({
          path: `${process.env.DRAWINGS_SHOT}/library-${scheme}-${i}.png`,
          fullPage: true,
          clip: { x: 0, y, width: 360, height: Math.min(1000, lib.y + lib.height - y) },
        });
    }
  }
});
