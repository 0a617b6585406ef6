// The first visit on a slow classroom link: the release dist/ served gzipped from a sub-path, as
// GitHub Pages serves it, to a browser with an empty cache on an emulated slow link and a slowed
// CPU (Chrome DevTools Protocol: Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate).
// Each run is a fresh browser context (empty cache, empty storage, service workers blocked).
// Measured from navigation start:
//   - first contentful paint (the browser's 'first-contentful-paint' entry);
//   - wasm downloaded (the .wasm response's end, from Resource Timing);
//   - interactive: the first frame painted after the app marked body[data-app-ready="true"]
//     (it has mounted, with its handlers, and loaded the stored log), as the start-up figure of
//     page.mjs;
//   - a first click answered: right after that frame the page clicks Place order; the first
//     frame painted once its event is on the page ("1 event" in the Event log). It checks that
//     the button works, and shows what still delays a first click.
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The link and machine of a classroom: 1.6 Mbit/s down, about 750 kbit/s up, 150 ms round
 *  trip, and a CPU four times slower than this one. */
export const SLOW_LINK = {
  latencyMs: 150,
  downloadBitsPerSecond: 1.6e6,
  uploadBitsPerSecond: 750e3,
  cpuSlowdown: 4,
};

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const BASE = '/event-sourcing-demo/';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
};
// What GitHub Pages compresses: text and wasm (images such as PNG are compressed already).
const COMPRESSED = new Set(['.html', '.js', '.css', '.wasm', '.svg', '.json']);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Serves `dir` under /event-sourcing-demo/ with Content-Encoding: gzip for text and wasm, as
 *  GitHub Pages does. Compressed once per file (gzip -9, as the size figures count). Listens on a
 *  free port; resolves to { url, close }. */
export async function serveGzipped(dir) {
  const root = resolve(dir);
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(BASE)) { res.writeHead(404).end(); return; }
    const rel = normalize(decodeURIComponent(url.pathname.slice(BASE.length)) || 'index.html');
    if (rel.startsWith('..')) { res.writeHead(400).end(); return; }
    let file = join(root, rel);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const ext = extname(file);
      const gzip = COMPRESSED.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const key = `${file}|${gzip}`;
      if (!cache.has(key)) {
        const body = await readFile(file);
        cache.set(key, gzip ? gzipSync(body, { level: 9 }) : body);
      }
      const body = cache.get(key);
      res.writeHead(200, {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'max-age=600',
        vary: 'Accept-Encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}${BASE}`,
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  };
}

/** Runs in the page before its own scripts: records the paint entries, the first frame painted
 *  once the app is ready, and then a click on Place order until its answer is painted. */
function recordFirstVisit() {
  const seen = (window.__firstVisit = {});
  const done = () => console.debug('first-visit: done');
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint') seen.fcp = entry.startTime;
    }
  }).observe({ type: 'paint', buffered: true });
  const afterNextPaint = (then) => requestAnimationFrame(() => setTimeout(then, 0));
  new MutationObserver((_, observer) => {
    if (document.body?.dataset.appReady !== 'true') return;
    observer.disconnect();
    afterNextPaint(() => {
      seen.interactive = performance.now();
      const place = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Place order');
      if (!place) {
        seen.error = 'no Place order button';
        done();
        return;
      }
      const answered = () => document.querySelector('.db-log .counter-log')?.textContent.trim() === '1 event';
      new MutationObserver((_, watcher) => {
        if (!answered()) return;
        watcher.disconnect();
        afterNextPaint(() => {
          seen.answered = performance.now();
          done();
        });
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
      place.click();
    });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-app-ready'] });
}

/** One cold visit: fresh context, throttled, from navigation to the answered click. */
async function coldVisit(browser, url, viewport) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport });
  try {
    await context.addInitScript(recordFirstVisit);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_LINK.latencyMs,
      downloadThroughput: SLOW_LINK.downloadBitsPerSecond / 8,
      uploadThroughput: SLOW_LINK.uploadBitsPerSecond / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_LINK.cpuSlowdown });
    // The page says when it is done, on the console: polling from here would run Playwright's
    // scripts on the throttled main thread while the page loads, and delay what is measured.
    const done = page.waitForEvent('console', { predicate: (m) => m.text() === 'first-visit: done', timeout: 120_000 });
    await page.goto(url, { waitUntil: 'commit' });
    await done;
    return await page.evaluate(() => {
      const seen = window.__firstVisit;
      if (seen.error) throw new Error(seen.error);
      const resources = performance.getEntriesByType('resource');
      const wasm = resources.filter((e) => e.name.endsWith('.wasm'));
      const navigation = performance.getEntriesByType('navigation')[0];
      // Bytes received before the click (the service worker is blocked, so nothing else loads).
      const transferred = [navigation, ...resources].reduce((sum, e) => sum + (e.transferSize ?? 0), 0);
      return {
        fcp: seen.fcp,
        wasmLoaded: wasm.length ? Math.min(...wasm.map((e) => e.responseEnd)) : null,
        wasmGzipped: wasm.every((e) => e.encodedBodySize < e.decodedBodySize),
        interactive: seen.interactive,
        answered: seen.answered,
        clickWorked: document.querySelector('.db-log .counter-log')?.textContent.trim() === '1 event',
        transferred,
      };
    });
  } finally {
    await context.close();
  }
}

/** Medians over `runs` cold visits of each build in `dists`, visited in turn (A, B, A, B, ...)
 *  so that a busy moment of the shared machine weighs on all of them alike. */
export async function compareFirstVisits({ runs, dists }) {
  const servers = [];
  for (const dist of dists) servers.push(await serveGzipped(dist));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const visits = dists.map(() => []);
    for (let i = 0; i < runs; i++) {
      for (const [k, server] of servers.entries()) {
        const visit = await coldVisit(browser, server.url, { width: 1366, height: 900 });
        if (!visit.clickWorked) throw new Error('first visit: the click on Place order did not add an event');
        if (!visit.wasmGzipped) throw new Error('first visit: the wasm was not served gzipped');
        console.error(`bench: first visit ${i + 1}/${runs} of ${dists[k]}: FCP ${visit.fcp?.toFixed(0)} ms, wasm loaded ${visit.wasmLoaded?.toFixed(0)} ms, interactive ${visit.interactive.toFixed(0)} ms, first click answered ${visit.answered.toFixed(0)} ms, ${(visit.transferred / 1024).toFixed(1)} KB`);
        visits[k].push(visit);
      }
    }
    return visits.map((of) => {
      const med = (key) => median(of.map((v) => v[key]).filter((v) => v != null));
      return { runs, fcp: med('fcp'), wasmLoaded: med('wasmLoaded'), interactive: med('interactive'), answered: med('answered'), transferred: med('transferred') };
    });
  } finally {
    await browser.close();
    for (const server of servers) await server.close();
  }
}

/** Medians over `runs` cold visits of one build (default BENCH_DIST or dist). */
export async function measureFirstVisit({ runs, dist = process.env.BENCH_DIST ?? 'dist' }) {
  return (await compareFirstVisits({ runs, dists: [dist] }))[0];
}

// Alone, to compare builds side by side: node tests/bench/first-visit.mjs RUNS DIST [DIST...]
if (import.meta.url === `file://${process.argv[1]}`) {
  const [runs = '3', ...dists] = process.argv.slice(2);
  const results = await compareFirstVisits({ runs: Number(runs), dists: dists.length ? dists : ['dist'] });
  for (const [k, result] of results.entries()) console.log(dists[k] ?? 'dist', JSON.stringify(result));
}
