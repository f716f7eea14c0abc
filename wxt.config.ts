import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Site access is limited to the two sites Hip Check reads; nothing else is ever requested.
export const SITE_MATCHES = ['https://www.strava.com/*', 'https://connect.garmin.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
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
