import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    // The fake browser has no i18n: every test reads the English messages.
    setupFiles: ['tests/unit/setup-i18n.ts'],
    server: { deps: { inline: ['zustand'] } },
  },
});
