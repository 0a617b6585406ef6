// The first screen in index.html: on the page before the wasm arrives (title, explanation, the
// two schemas as empty tables, "Loading the app (N KB)…" with the true size), replaced by the app
// without moving anything, and saying what went wrong when the app cannot load or start.
import { test, expect, expectNoA11yViolations, screenshot } from './fixtures';
import { test as base, type Page, type Route } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.env.E2E_DIST ?? 'dist';
const WASM = '**/event-sourcing-demo-*_bg.wasm';
const GLUE = /\/event-sourcing-demo-[0-9a-f]+\.js$/;

/** What the loader still downloads once the first screen is painted: the wasm and its JS,
 *  gzip -9, in KB of 1,024 bytes, as the progress line says. */
function appDownloadKb() {
  const names = readdirSync(dist).filter((n) => /^event-sourcing-demo-[0-9a-f]+(_bg\.wasm|\.js)$/.test(n));
  expect(names.length).toBe(2);
  const bytes = names.reduce((sum, n) => sum + gzipSync(readFileSync(join(dist, n)), { level: 9 }).length, 0);
  return Math.round(bytes / 1024);
}

/** Holds the wasm request until `release()` is called. */
async function holdWasm(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.route(WASM, async (route: Route) => { await released; await route.continue(); });
  return release;
}

/** Header, both database cards and their tables: where each is, to the pixel. */
const BOXES = ['.app-header', '.db-table', '.db-log', '.db-table .table-scroll', '.db-log .table-scroll'];
function boxes(page: Page) {
  return page.evaluate((selectors) => selectors.map((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { s, x: r.x, y: r.y, width: r.width, height: r.height };
  }), BOXES);
}

/** Records layout shifts, and whether the first frame after the first screen left shows the app. */
function watchHandOver() {
  const seen = { shifts: 0, frameAfterRemoval: '' };
  (window as unknown as { __handOver: typeof seen }).__handOver = seen;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
      if (!e.hadRecentInput) seen.shifts += e.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new MutationObserver((_, observer) => {
    if (!document.body || document.getElementById('first-screen')) return;
    observer.disconnect();
    // requestAnimationFrame runs right before the next frame is painted.
    requestAnimationFrame(() => {
      const app = document.querySelector('.app h1') ? 'app' : 'nothing';
      seen.frameAfterRemoval = document.getElementById('first-screen') ? 'both' : app;
    });
  }).observe(document, { childList: true, subtree: true });
}

for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the first screen is there before the wasm, and the app replaces it without moving anything', async ({ page }) => {
      await page.addInitScript(watchHandOver);
      const release = await holdWasm(page);
      await page.goto('./', { waitUntil: 'domcontentloaded' });

      // Before the wasm: the title, the explanation, the two schemas, and what is loading.
      const first = page.locator('#first-screen');
      await expect(first.getByRole('heading', { level: 1 })).toHaveText('Event sourcing, side by side');
      await expect(first.getByText('only ever appends, so nothing is lost.')).toBeVisible();
      await expect(first.getByRole('status')).toHaveText(`Loading the app (${appDownloadKb()} KB)…`);
      await expect(first.getByRole('status')).toBeInViewport();
      for (const [heading, columns] of [
        ['Traditional table', ['order_id', 'customer_id', 'order_date', 'total_amount', 'status']],
        ['Event log', ['event_id', 'order_id', 'event_type', 'event_data', 'event_timestamp']],
      ] as const) {
        const card = first.locator('section.db').filter({ has: page.getByRole('heading', { name: heading }) });
        await expect(card.getByRole('columnheader')).toHaveText([...columns]);
        // Empty: no rows, and no sentence about rows the app has not read yet.
        await expect(card.getByRole('row')).toHaveCount(2);
        await expect(card.getByRole('cell')).toHaveText([''], { useInnerText: true });
      }
      // Nothing of the app's controls is offered before the app can answer.
      await expect(page.getByRole('button')).toHaveCount(0);
      await expect(page.getByRole('textbox')).toHaveCount(0);
      expect(await page.evaluate(() => document.body.dataset.appReady)).toBeUndefined();
      await expectNoA11yViolations(page, 'on the first screen');
      await screenshot(page, `first-screen-${viewport.width}`);
      const before = await boxes(page);

      release();
      await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
      const after = await boxes(page);
      for (const [i, box] of before.entries()) {
        for (const key of ['x', 'y', 'width', 'height'] as const) {
          expect(Math.abs(after[i][key] - box[key]), `${box.s} ${key}: ${box[key]} before, ${after[i][key]} after`).toBeLessThanOrEqual(1);
        }
      }
      // The app replaced the first screen: once, in the frame it took over.
      await expect(page.locator('#first-screen')).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('banner')).toHaveCount(1);
      await expect(page.getByRole('button', { name: 'Place order' })).toBeEnabled();
      const handOver = await page.evaluate(() => (window as unknown as { __handOver: { shifts: number; frameAfterRemoval: string } }).__handOver);
      expect(handOver.frameAfterRemoval).toBe('app');
      expect(handOver.shifts, 'layout shift score while loading').toBeLessThan(0.01);
    });
  });
}

test.describe('when the app cannot load', () => {
  // What a failed download or start prints to the console and reports as uncaught: expected here.
  test.use({
    allowedConsoleErrors: [/Failed to load resource|Failed to fetch|WebAssembly/],
    allowedPageErrors: [/Failed to fetch|WebAssembly|dynamically imported module/],
  });

  test('a wasm that does not arrive is reported with what to try', async ({ page }) => {
    await page.route(WASM, (route) => route.abort('aborted'));
    await page.goto('./');
    const alert = page.getByRole('alert');
    await expect(alert).toHaveText('The app could not be downloaded. Check the network connection and reload the page. If it keeps failing, a firewall, a content filter or a browser extension may be blocking it.');
    await expect(page.getByText('Loading the app')).toHaveCount(0);
    await expect(page.getByText(/^What the browser said: /)).toBeVisible();
    await expect(alert).toBeInViewport();
    await expectNoA11yViolations(page, 'when the wasm did not load');
    await screenshot(page, 'first-screen-failed');
  });

  test('a script of the app that does not arrive is named', async ({ page }) => {
    await page.route(GLUE, (route) => route.abort('aborted'));
    await page.goto('./');
    await expect(page.getByRole('alert')).toHaveText(/^The app could not be downloaded: the app’s JavaScript did not load\. Check the network connection/);
  });

  test('a browser without WebAssembly is told to use a current one', async ({ page }) => {
    await page.addInitScript(() => { delete (window as { WebAssembly?: unknown }).WebAssembly; });
    await page.goto('./');
    await expect(page.getByRole('alert')).toHaveText('This browser cannot run the app: it does not support WebAssembly. Open this page in a current version of Chrome, Edge, Firefox or Safari.');
  });
});

// Playwright's own test, not the guarded one: with JavaScript off, Chromium refuses the module
// preload of the app's JS (reported as a request blocked by "csp"), which the guard would count.
base.describe('without JavaScript', () => {
  base.use({ javaScriptEnabled: false });

  base('the first screen says the app needs JavaScript, and promises no loading', async ({ page }) => {
    await page.goto('./');
    // A CSS locator: Playwright's text locators do not look inside <noscript>.
    await expect(page.locator('.first-screen-noscript')).toHaveText('This app runs in your browser and needs JavaScript. Turn JavaScript on for this page, then reload it.');
    await expect(page.locator('.first-screen-noscript')).toBeVisible();
    await expect(page.getByText('Loading the app')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Event sourcing, side by side');
  });
});

test('nothing on the first screen or in its hand-over violates the Content-Security-Policy', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const release = await holdWasm(page);
  await page.goto('./', { waitUntil: 'domcontentloaded' });
  await expect(page.locator('#first-screen').getByRole('status')).toBeVisible();
  release();
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  expect(await page.locator('[style]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});
