// What each browser's built manifest promises, checked on the build the scenarios run
// (.output/chrome-mv3, .output/firefox-mv3), and the Firefox build's web-ext lint.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../paths';
import { expect, test } from './fixture';

interface Manifest {
  version: string;
  background: { service_worker?: string; scripts?: string[] };
  content_scripts: { js: string[]; world?: string }[];
  optional_permissions?: string[];
  permissions: string[];
  browser_specific_settings?: {
    gecko?: {
      id?: string;
      strict_min_version?: string;
      data_collection_permissions?: { required: string[]; optional?: string[] };
    };
  };
}

const built = async (engine: string): Promise<Manifest> =>
  JSON.parse(
    await readFile(
      path.join(REPO_ROOT, `.output/${engine === 'firefox' ? 'firefox' : 'chrome'}-mv3/manifest.json`),
      'utf8',
    ),
  );

test('the built manifest: version from package.json, page-world scripts, background, permissions', async ({
  engine,
}) => {
  const m = await built(engine);
  const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  expect(m.version).toBe(pkg.version);
  // The three scripts that read the sites' own JavaScript run in the page's world.
  expect(
    m.content_scripts
      .filter((c) => c.world === 'MAIN')
      .flatMap((c) => c.js)
      .sort(),
  ).toEqual([
    'content-scripts/garmin-requests.js',
    'content-scripts/strava-activity-data.js',
    'content-scripts/strava-training-requests.js',
  ]);
  // Notifications are asked for only when the runner turns them on.
  expect(m.optional_permissions).toEqual(['notifications']);
  expect(m.permissions).not.toContain('notifications');
  if (engine === 'firefox') {
    // Firefox MV3: an event page (background.scripts), no service worker.
    expect(m.background).toEqual({ scripts: ['background.js'] });
    const gecko = m.browser_specific_settings?.gecko;
    expect(gecko?.id).toBe('hip-check@hipcheck.invalid');
    // Nothing is collected but, with run sync on and the runner's consent, hip check-ins (health
    // data, never implicit); Firefox 142 is the first to know the declaration (MAIN world needs 128).
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'], optional: ['healthInfo'] });
    expect(Number(gecko?.strict_min_version?.split('.')[0])).toBeGreaterThanOrEqual(142);
  } else {
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m.browser_specific_settings).toBeUndefined();
  }
});

test('web-ext lint finds no errors, and its only warning is Preact’s own innerHTML', async ({ engine }) => {
  test.skip(engine !== 'firefox', 'web-ext lints the Firefox package');
  const { stdout } = await promisify(execFile)(
    'npx',
    ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json', '--no-config-discovery'],
    { cwd: REPO_ROOT, maxBuffer: 16 << 20 },
  );
  const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as Record<
    'errors' | 'warnings',
    { code: string; message: string }[]
  >;
  expect(report.errors).toEqual([]);
  for (const w of report.warnings)
    expect(`${w.code}: ${w.message}`).toBe('UNSAFE_VAR_ASSIGNMENT: Unsafe assignment to innerHTML');
  // ...and that innerHTML is not ours: no source file of Hip Check assigns it.
  for (const dir of ['background', 'components', 'content', 'core', 'entrypoints', 'messaging']) {
    for (const f of await readdir(path.join(REPO_ROOT, dir), { recursive: true }))
      if (/\.tsx?$/.test(f)) expect(await readFile(path.join(REPO_ROOT, dir, f), 'utf8'), f).not.toMatch(/innerHTML/);
  }
});
