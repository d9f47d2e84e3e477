import { defineConfig } from '@playwright/test';

// End-to-end tests load the built extension into Debian's browsers, never downloaded ones:
// `chromium` runs .output/chrome-mv3 in /usr/bin/chromium (tests/support/chromium.ts),
// `firefox` runs .output/firefox-mv3 in /usr/bin/firefox-esr (tests/support/firefox.ts).
// Every spec runs in both; `--project=firefox` runs one.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // In CI a failed test runs once more, so its second result shows whether it is flaky; a test
  // that passes only on retry still fails the run (and the summary prints "passed on retry").
  retries: process.env.CI ? 1 : 0,
  failOnFlakyTests: !!process.env.CI,
  reporter: [['list'], ['./tests/support/summary-reporter.ts']],
  use: { trace: 'off' },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' } },
    // Firefox starts slower (a new profile, the add-on installed at startup): more room per test.
    { name: 'firefox', use: { browserName: 'firefox' }, timeout: 90_000 },
  ],
});
