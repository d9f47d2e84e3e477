import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: pure logic, plus Dexie logic on fake-indexeddb. End-to-end tests live in
// tests/e2e and run with Playwright in real Chromium.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'happy-dom',
  },
});
