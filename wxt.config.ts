import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import path from 'node:path';
import { GARMIN_MATCH } from './core/sites/garmin/garmin-site';
import { STRAVA_MATCH } from './core/sites/strava/strava-site';

// Site access is limited to the two sites Hip Check reads; nothing else is ever requested.
export const SITE_MATCHES = [STRAVA_MATCH, GARMIN_MATCH];

// Only the background gets webextension-polyfill (promise-based `browser` in every browser).
// Content scripts and the extension pages (popup, options, welcome) don't: they only send
// messages, read storage and i18n, open the options page and ask for a permission, which Chrome's
// MV3 and Firefox's own APIs already do with promises. The polyfill cost several milliseconds on
// every Strava and Garmin page (npm run bench:pages), and about 3 KB gzip of the popup's 15 KB.
const POLYFILL_ALIAS = { find: /^wxt\/browser$/, replacement: '@wxt-dev/webextension-polyfill/browser' };

function addPolyfill(config: { resolve?: { alias?: unknown } }): void {
  config.resolve ??= {};
  const alias = config.resolve.alias as unknown[] | Record<string, unknown> | undefined;
  const list: unknown[] = Array.isArray(alias)
    ? alias
    : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
  config.resolve.alias = [POLYFILL_ALIAS, ...list];
}

// The extension pages (popup, options, welcome) share one chunk of basics (Preact, messages,
// formatting) instead of several small ones: one file to read and one gzip stream is smaller and
// quicker for the popup, whose JavaScript and CSS must stay under 15 KB gzip
// (scripts/popup-size.mjs).
const PAGE_BASICS =
  /node_modules\/preact\/|\/components\/(i18n|format)\.ts$|\/messaging\/(ask|data-version)\.ts$|\/core\/local-date\.ts$|wxt-html-plugins/;

function sharePageBasics(config: { build?: { rollupOptions?: { output?: unknown } } }): void {
  config.build ??= {};
  config.build.rollupOptions ??= {};
  const output = (config.build.rollupOptions.output ?? {}) as Record<string, unknown>;
  config.build.rollupOptions.output = {
    ...output,
    manualChunks: (id: string) => (PAGE_BASICS.test(id) ? 'basics' : undefined),
  };
}

export default defineConfig({
  hooks: {
    // PRIVACY.md ships inside the extension as plain text, so the options page can link to it
    // offline and both browsers show it rather than download it. One source for repo and package.
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: path.resolve(wxt.config.root, 'PRIVACY.md'), relativeDest: 'privacy.txt' });
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.type === 'background')) addPolyfill(config);
      if (entrypoints.some((e) => e.type === 'popup')) sharePageBasics(config);
    },
    'vite:devServer:extendConfig': (config) => addPolyfill(config),
  },
  // Explicit imports keep the data flow readable (page → content → background → db → popup).
  imports: false,
  manifestVersion: 3,
  // Pages' HTML preloads the chunks their entry imports (the popup's basics chunk is fetched beside
  // its own, not after it: one round trip less before the first render), with no polyfill and no
  // preload list in the scripts themselves (bytes the popup's 15 KB budget cannot spare).
  vite: () => ({
    plugins: [preact()],
    build: {
      modulePreload: {
        polyfill: false,
        resolveDependencies: (_file: string, deps: string[], ctx: { hostType: string }) =>
          ctx.hostType === 'html' ? deps : [],
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    // Asked for only when the runner turns rest-day notifications on.
    optional_permissions: ['notifications'],
    host_permissions: SITE_MATCHES,
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'hip-check@hipcheck.invalid',
              strict_min_version: '142.0',
              // Nothing leaves the browser but, with run sync on, hip check-ins (health data):
              // optional, asked when the runner turns sync on (background/health-consent.ts).
              data_collection_permissions: { required: ['none'], optional: ['healthInfo'] },
            },
          },
        }
      : {}),
  }),
});
