import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

// Kendo tenants live at https://{tenant}.kendo.dev; this is the only origin the
// extension talks to or runs on.
export const KENDO_MATCH = 'https://*.kendo.dev/*';

/**
 * Page text is rendered as text, never as HTML: lint forbids `dangerouslySetInnerHTML`, and this
 * takes the capability out of Preact itself, so no code path can assign innerHTML (and Firefox's
 * add-on linter, which flags Preact's assignment, has nothing to flag).
 */
function textOnlyPreact(): Plugin {
  return {
    name: 'kendo-timer:text-only-preact',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]/.test(id)) return null;
      const out = code.replace(
        /(\w+)\.innerHTML=(\w+)\.__html/g,
        '(()=>{throw new Error("Kendo Timer renders text only")})()',
      );
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * The service worker runs on browsers whose own extension APIs return promises (Chrome MV3,
 * Firefox), so it takes WXT's plain `browser` instead of the webextension polyfill that
 * `@wxt-dev/webextension-polyfill` puts behind `wxt/browser` (2.7 KB gzip of a 20 KB budget).
 * Pages and the content script keep the polyfill.
 */
function plainBrowserApi(): Plugin {
  return {
    name: 'kendo-timer:plain-browser-api',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [textOnlyPreact(), preact()] }),
  // The Firefox sources zip is what a reviewer rebuilds from: the code, not test or run output.
  zip: {
    excludeSources: [
      'test-results/**',
      'playwright-report/**',
      'demo-output/**',
      'bench/results.json',
    ],
  },
  hooks: {
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (entrypoints.every((e) => e.type === 'background')) {
        viteConfig.plugins = [plainBrowserApi(), ...(viteConfig.plugins ?? [])];
      }
    },
  },
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
            // 140 (an ESR) is the first desktop Firefox that reads
            // data_collection_permissions; Android has it from 142.
            gecko: {
              id: 'kendo-timer@kendo-timer.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
