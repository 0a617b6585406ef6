// Browser half of the benchmark: drives the release dist/ in headless Chromium with Playwright.
// Start-up = navigation start to the first frame painted after the app became ready (it mounted,
// replayed the stored log and rendered): the "app-ready" mark, then that task, style, layout and
// paint. Click = Pay dispatched to the next painted frame, and the main thread's work for it.
import { chromium } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = Number(process.env.BENCH_PORT ?? 4400); // BENCH_PORT: two benches side by side
const URL = `http://127.0.0.1:${PORT}/event-sourcing-demo/`;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Runs `measure` `runs` times, one after the other; the median of the runs that measured. */
async function medianOf(runs, measure) {
  const values = [];
  for (let i = 0; i < runs; i++) values.push(await measure());
  return median(values.filter((v) => v != null));
}

function logFile(n) {
  const dir = mkdtempSync(join(tmpdir(), 'esd-bench-'));
  const path = join(dir, `log-${n}.json`);
  writeFileSync(path, execFileSync('cargo', ['run', '-q', '--release', '--example', 'generate_log', '--', String(n)], { maxBuffer: 256 << 20 }));
  return path;
}

/** Records when the first frame after "app-ready" was painted (runs in the page, before its scripts). */
function watchFirstPaint() {
  new MutationObserver((_, observer) => {
    if (document.body?.dataset.appReady !== 'true') return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__appPainted = performance.now(); }, 0));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-app-ready'] });
}

async function ready(page) {
  await page.waitForFunction(() => window.__appPainted !== undefined, null, { timeout: 120_000 });
  return page.evaluate(() => window.__appPainted);
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
  await placeOrder(page);
  return payAndWaitForPaint(page);
}

/** Places an order, so Pay has something it may act on, and waits until it is placed: the write
 *  waits for the cross-tab lock, and a Pay clicked before it lands would act on the order before,
 *  already paid, and be refused (no OrderPaid would ever come). */
async function placeOrder(page) {
  const counter = page.getByRole('region', { name: 'Event log' }).locator('.counter-log');
  const before = await counter.textContent();
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForFunction((before) => document.querySelector('.db-log .counter-log')?.textContent !== before, before);
}

/** Clicks Pay in the page and waits until the new event is on the page (the write waits for
 *  the cross-tab lock, so that is a task or two after the click), then for the next painted
 *  frame; returns the time from the click to that frame. The moment the event shows up is
 *  marked in the trace ('app:paid-shown') and kept as `window.__shownAfter`. */
function payAndWaitForPaint(page) {
  return page.evaluate(async () => {
    const pay = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Pay');
    const newest = () => document.querySelector('.db-log tbody tr td:nth-child(3)')?.textContent;
    const start = performance.now();
    const shown = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (newest() !== 'OrderPaid') return;
        observer.disconnect();
        console.timeStamp('app:paid-shown');
        window.__shownAfter = performance.now() - start;
        resolve();
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    pay.click();
    await shown;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  });
}

/** The main thread's work for one Pay: the click's script (Yew's render included) and the frame
 *  it causes (style, layout, paint, commit), from Chromium's trace. Idle time waiting for the
 *  next vsync is not work, so it is left out: this is what must fit in a 16 ms frame. */
async function clickWork(browser, page) {
  await placeOrder(page);
  await page.waitForTimeout(300);
  return traceFrameWork(browser, page, payAndWaitForPaint);
}

/** The browser's own share of a click, as a reference for the budget: a click whose handler
 *  (plain JS, no app code) inserts one copy of the newest event-log row, as Pay does, measured
 *  exactly like `clickWork`. The copy is removed again before the app renders anything. */
async function rowInsertWork(browser, page) {
  await page.waitForTimeout(300);
  return traceFrameWork(browser, page, (page) => page.evaluate(async () => {
    const body = [...document.querySelectorAll('table')].find((t) => t.querySelector('th')?.textContent === 'event_id').tBodies[0];
    const copy = body.rows[0].cloneNode(true);
    addEventListener('click', () => body.insertBefore(copy, body.rows[0]), { once: true, capture: true });
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    copy.remove();
  }));
}

/** Runs `act` under Chromium's tracer and sums the main thread's busy time from its click to
 *  the end of the first frame painted after it. */
async function traceFrameWork(browser, page, act) {
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  await act(page);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const click = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  if (!click) return null;
  const main = events.filter((e) => e.ph === 'X' && e.tid === click.tid && e.pid === click.pid && e.ts >= click.ts);
  // The frame that shows the change: the first one after the app marked it shown (a click
  // that waits for the write lock renders a task or two later), or after the click itself.
  const shown = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'app:paid-shown');
  const after = shown?.ts ?? click.ts;
  const first = (name) => main.filter((e) => e.name === name && e.ts >= after).sort((a, b) => a.ts - b.ts)[0];
  const commit = first('Commit') ?? first('Paint');
  const end = commit ? commit.ts + commit.dur : click.ts + click.dur;
  // Union of the slices (they nest) between the click and the end of its frame.
  const spans = main.filter((e) => e.ts < end).map((e) => [e.ts, Math.min(e.ts + e.dur, end)]).sort((a, b) => a[0] - b[0]);
  let busy = 0, upTo = click.ts;
  for (const [s, e] of spans) { if (e > upTo) { busy += e - Math.max(s, upTo); upTo = e; } }
  return busy / 1000;
}

export async function measurePage({ runs }) {
  const server = spawn('node', ['tests/e2e/serve.mjs', String(PORT), process.env.BENCH_DIST ?? 'dist'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const result = { browserVersion: browser.version(), startup: {}, click: {}, shown: {}, clickWork: {}, rowInsert: {}, memory: {} };
  try {
    for (const n of [0, 1000, 10000]) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      await context.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
      await context.addInitScript(watchFirstPaint);
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
      const at = n === 0 ? 10 : n;
      const shown = [];
      result.click[at] = await medianOf(runs, async () => {
        const paint = await clickToPaint(page);
        shown.push(await page.evaluate(() => window.__shownAfter));
        return paint;
      });
      result.shown[at] = median(shown);
      result.clickWork[at] = await medianOf(runs, () => clickWork(browser, page));
      result.rowInsert[at] = await medianOf(runs, () => rowInsertWork(browser, page));
      console.error(`bench: ${n} events: start-up ${result.startup[n].toFixed(1)} ms, click to paint ${result.click[at].toFixed(2)} ms, click work ${result.clickWork[at]?.toFixed(2)} ms, browser alone ${result.rowInsert[at]?.toFixed(2)} ms (${await eventCount(page)})`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
  return result;
}
