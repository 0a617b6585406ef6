// Browser half of the benchmark: drives the release dist/ in headless Chromium with Playwright.
// Start-up = navigation start to the app's "app-ready" performance mark (set once it mounted,
// replayed the stored log and rendered). Click = Pay dispatched to the next painted frame.
import { chromium } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = 4400;
const URL = `http://127.0.0.1:${PORT}/event-sourcing-demo/`;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function logFile(n) {
  const dir = mkdtempSync(join(tmpdir(), 'esd-bench-'));
  const path = join(dir, `log-${n}.json`);
  writeFileSync(path, execFileSync('cargo', ['run', '-q', '--release', '--example', 'generate_log', '--', String(n)], { maxBuffer: 256 << 20 }));
  return path;
}

async function ready(page) {
  await page.waitForFunction(() => document.body.dataset.appReady === 'true', null, { timeout: 120_000 });
  return page.evaluate(() => performance.getEntriesByName('app-ready')[0]?.startTime ?? performance.now());
}

const eventCount = (page) => page.getByRole('region', { name: 'Event log' }).getByText(/^\d[\d,]* events?$/).first().textContent();

async function importLog(page, path, n) {
  await page.locator('input[type=file]').setInputFiles(path);
  const replace = page.getByRole('button', { name: /^Replace/ });
  if (await replace.isVisible({ timeout: 5_000 }).catch(() => false)) await replace.click();
  await page.waitForFunction((n) => document.body.innerText.includes(`${n.toLocaleString('en-US')} events`) || document.body.innerText.includes(`${n} events`), n, { timeout: 120_000 });
}

/** Pay on a freshly placed order, measured from the click to the next painted frame. */
async function clickToPaint(page) {
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.getByRole('button', { name: 'Pay' }).waitFor();
  return page.evaluate(async () => {
    const pay = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Pay');
    const start = performance.now();
    pay.click();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  });
}

export async function measurePage({ runs }) {
  const server = spawn('node', ['tests/e2e/serve.mjs', String(PORT), process.env.BENCH_DIST ?? 'dist'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const result = { browserVersion: browser.version(), startup: {}, click: {}, memory: {} };
  try {
    for (const n of [0, 1000, 10000]) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      await context.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
      const page = await context.newPage();
      await page.goto(URL);
      await ready(page);
      if (n > 0) await importLog(page, logFile(n), n);
      const startups = [];
      for (let i = 0; i < runs; i++) {
        await page.reload();
        startups.push(await ready(page));
      }
      result.startup[n] = median(startups);
      if (n === 10000) {
        await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
        result.memory = await page.evaluate(() => ({
          jsHeap: performance.memory?.usedJSHeapSize,
          wasm: window.__wasm?.memory?.buffer?.byteLength,
        }));
      }
      // Clicks: the empty log gets 10 events first, so "10 events" means ten.
      if (n === 0) for (let i = 0; i < 5; i++) await clickToPaint(page);
      const clicks = [];
      for (let i = 0; i < runs; i++) clicks.push(await clickToPaint(page));
      result.click[n === 0 ? 10 : n] = median(clicks);
      console.error(`bench: ${n} events: start-up ${result.startup[n].toFixed(1)} ms, click ${median(clicks).toFixed(2)} ms (${await eventCount(page)})`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
  return result;
}
