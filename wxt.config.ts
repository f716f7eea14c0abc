import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import path from 'node:path';
import { GARMIN_MATCH } from './core/sites/garmin/garmin-site';
import { STRAVA_MATCH } from './core/sites/strava/strava-site';

// Site access is limited to the two sites Hip Check reads; nothing else is ever requested.
export const SITE_MATCHES = [STRAVA_MATCH, GARMIN_MATCH];

// The background and the extension pages get webextension-polyfill (promise-based `browser` in
// every browser). Content scripts don't: they only send messages, which Chrome's and Firefox's
// own APIs already do with promises, and the polyfill's start-up alone cost several
// milliseconds on every Strava and Garmin page (npm run bench:pages), over the 5 ms budget.
const POLYFILL_ALIAS = { find: /^wxt\/browser$/, replacement: '@wxt-dev/webextension-polyfill/browser' };

function addPolyfill(config: { resolve?: { alias?: unknown } }): void {
  config.resolve ??= {};
  const alias = config.resolve.alias;
  const list = Array.isArray(alias)
    ? alias
    : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
  config.resolve.alias = [POLYFILL_ALIAS, ...list];
}

export default defineConfig({
  hooks: {
    // PRIVACY.md ships inside the extension as plain text, so the options page can link to it
    // offline and both browsers show it rather than download it. One source for repo and package.
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: path.resolve(wxt.config.root, 'PRIVACY.md'), relativeDest: 'privacy.txt' });
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((e) => e.type !== 'content-script')) addPolyfill(config);
    },
    'vite:devServer:extendConfig': (config) => addPolyfill(config),
  },
  // Explicit imports keep the data flow readable (page → content → background → db → popup).
  imports: false,
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
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
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
