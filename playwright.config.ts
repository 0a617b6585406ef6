import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download is not possible on these machines.
const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

// E2E_DIST / E2E_PORT let several runs (or people) test different builds side by side.
const dist = process.env.E2E_DIST ?? 'dist';
const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}/event-sourcing-demo/`;

const desktop = { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 900 } };

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // A ceiling against hangs, not a speed check: a loaded 2-core machine can be slow.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', use: desktop, testIgnore: /tabs-race\.spec\.ts/ },
    // Races show only sometimes: the tab-race specs run several times over.
    { name: 'races', use: desktop, testMatch: /tabs-race\.spec\.ts/, repeatEach: 3 },
  ],
  webServer: {
    command: `node tests/e2e/serve.mjs ${port} ${dist}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
  },
});
