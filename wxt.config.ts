import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Kendo tenants live at https://{tenant}.kendo.dev; this is the only origin the
// extension talks to or runs on.
export const KENDO_MATCH = 'https://*.kendo.dev/*';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'idle', 'notifications', 'contextMenus'],
    host_permissions: [KENDO_MATCH],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-timer': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandToggle__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kendo-timer@kendo-timer.dev',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
