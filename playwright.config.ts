/**
 * End-to-end tests drive the renderer in browser mode (scripts/web.mjs serves dist/renderer) in
 * the system Chromium. Playwright never downloads a browser: tests/support/chromium.ts finds one.
 * `npm run test:e2e` builds first (`vite build && playwright test`).
 */
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium';

const isCI = Boolean(process.env.CI);
/** Fixed so the web server and the tests agree; override when 4818 is taken. */
const port = Number(process.env.PUMASI_E2E_PORT ?? 4818);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // The machines have 2 cores; more workers only make each test slower and timing-sensitive.
  workers: 2,
  fullyParallel: true,
  // No retries: a flaky test must be fixed, not hidden.
  retries: 0,
  forbidOnly: isCI,
  timeout: 60_000,
  expect: {
    timeout: 10_000,
    toHaveScreenshot: {
      // Anti-aliasing of Korean glyphs differs by a few pixels between runs at most.
      maxDiffPixelRatio: 0.01,
      animations: 'disabled',
      caret: 'hide',
    },
  },
  // Baselines are committed; no platform suffix because every machine is the same Debian kind.
  snapshotPathTemplate: 'tests/e2e/__screenshots__/{testFilePath}/{arg}{ext}',
  reporter: isCI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  outputDir: 'test-results',
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: 'node scripts/web.mjs --no-build',
    url: `${baseURL}/index.html`,
    env: { PUMASI_PORT: String(port) },
    // Never test a stale server left running by someone else on the same port.
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
