// Offline after first load: the service worker serves the app shell with no network, and a new
// deployment is announced in the page and applied cleanly when the user asks.
import { test, expect, openApp } from './fixtures';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

async function controlledByServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

const appCaches = (page: Page) =>
  page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('event-sourcing-demo-')));

test('a page opened once opens again with no network', async ({ page, context }) => {
  await openApp(page);
  await controlledByServiceWorker(page);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('region', { name: 'Event log' })).toContainText('1 event');

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The app is the real one, with its stored log, not a cached error page.
  await expect(page.getByRole('region', { name: 'Event log' })).toContainText('1 event');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('region', { name: 'Event log' })).toContainText('2 events');
  await context.setOffline(false);
});

test.describe('a new deployment', () => {
  let server: ChildProcess | undefined;
  let dir = '';

  test.afterEach(() => {
    server?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('is announced, applied on request, and replaces the old cache', async ({ page }, info) => {
    // A private copy of dist/ on its own port, so this test can "deploy" a new version.
    dir = `test-results/deploy-${info.workerIndex}`;
    rmSync(dir, { recursive: true, force: true });
    cpSync(process.env.E2E_DIST ?? 'dist', dir, { recursive: true });
    const port = 4300 + info.workerIndex;
    server = spawn('node', ['tests/e2e/serve.mjs', String(port), dir], { stdio: 'pipe' });
    await new Promise<void>((resolve) => server!.stdout!.once('data', () => resolve()));
    const url = `http://127.0.0.1:${port}/event-sourcing-demo/`;

    await openApp(page, url);
    await controlledByServiceWorker(page);
    const [firstCache] = await appCaches(page);
    expect(firstCache).toBeTruthy();
    await expect(page.getByText('A new version of this app is ready.')).toHaveCount(0);

    // Deploy: any changed file gives sw.js a new version.
    const sw = readFileSync(`${dir}/sw.js`, 'utf8');
    const next = sw.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1next"');
    expect(next).not.toEqual(sw);
    writeFileSync(`${dir}/sw.js`, next);

    await page.reload(); // the browser checks sw.js on navigation and installs the new version
    await expect(page.getByText('A new version of this app is ready.')).toBeVisible();
    // The page reloads itself once the new version has taken over: a marker left on the old
    // page's window is gone after that reload.
    await page.evaluate(() => { (window as any).__beforeUpdate = true; });
    await page.getByRole('button', { name: 'Update now' }).click();
    await expect.poll(() => page.evaluate(() => !(window as any).__beforeUpdate
      && document.body.dataset.appReady === 'true').catch(() => false), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => appCaches(page)).toEqual([`${firstCache}next`]);
    await expect(page.getByText('A new version of this app is ready.')).toHaveCount(0);
  });
});
