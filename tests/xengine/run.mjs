// The cross-engine suite: the release build in Firefox ESR and WebKitGTK through plain WebDriver.
//
//   node tests/xengine/run.mjs [--engine firefox|webkit]... [--grep TEXT] [--dist DIR] [--port N]
//
// Serves a copy of DIST (default dist/) under /event-sourcing-demo/ with tests/e2e/serve.mjs, the
// copy's index.html carrying tests/xengine/guard.js as its first script (the page records its own
// script errors; WebDriver cannot read every engine's console). Runs every check of checks.mjs in
// every engine, each check in a fresh browser session, and writes test-results/xengine.json
// ({ passed, failed, engines, tests }). Exits 1 when a check failed. No check can hang: each has
// a time limit, and every driver (with its browser and Xvfb) is killed as a process group.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS } from './checks.mjs';
import { ENGINES, killAll, missing, startSession } from './engines.mjs';
import { AppPage } from './page.mjs';
import { findFreePort } from 'selenium-webdriver/net/portprober.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const results = join(root, 'test-results');
const artifacts = join(results, 'xengine');

const opts = { engines: [], grep: null, dist: join(root, 'dist'), port: Number(process.env.XENGINE_PORT ?? 4273) };
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg === '--engine') opts.engines.push(process.argv[++i]);
  else if (arg === '--grep') opts.grep = process.argv[++i];
  else if (arg === '--dist') opts.dist = resolve(process.argv[++i]);
  else if (arg === '--port') opts.port = Number(process.argv[++i]);
  else { console.error(`unknown argument ${arg}`); process.exit(2); }
}
if (opts.engines.length === 0) opts.engines = Object.keys(ENGINES);
for (const e of opts.engines) if (!ENGINES[e]) { console.error(`unknown engine ${e} (${Object.keys(ENGINES)})`); process.exit(2); }
const checks = CHECKS.filter((c) => !opts.grep || c.name.includes(opts.grep));
/** A ceiling against hangs, not a speed check. */
const CHECK_TIMEOUT = Number(process.env.XENGINE_CHECK_TIMEOUT ?? 120_000);

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** A copy of the build whose index.html loads the error guard first (right after the CSP). */
function prepareSite() {
  const site = join(artifacts, 'site');
  if (!existsSync(join(opts.dist, 'index.html'))) throw new Error(`${opts.dist}/index.html not found: build it first (.ci/build-dist)`);
  rmSync(site, { recursive: true, force: true });
  cpSync(opts.dist, site, { recursive: true });
  cpSync(join(here, 'guard.js'), join(site, 'xengine-guard.js'));
  const file = join(site, 'index.html');
  const html = readFileSync(file, 'utf8');
  const tag = '<script src="./xengine-guard.js"></script>';
  const csp = html.match(/<meta[^>]*Content-Security-Policy[^>]*>/i);
  const head = html.match(/<head[^>]*>/i);
  const at = csp ? csp.index + csp[0].length : head ? head.index + head[0].length : -1;
  if (at < 0) throw new Error('index.html has neither a CSP meta tag nor a <head>');
  writeFileSync(file, html.slice(0, at) + tag + html.slice(at));
  // The service worker caches the app's files for offline use: the guard must be among them.
  const sw = join(site, 'sw.js');
  const script = readFileSync(sw, 'utf8');
  if (!/const ASSETS = \[/.test(script)) throw new Error('sw.js has no "const ASSETS = [" list to add the guard to');
  writeFileSync(sw, script.replace(/const ASSETS = \[/, 'const ASSETS = ["./xengine-guard.js",'));
  return site;
}

/** Serves `site` under /event-sourcing-demo/ on `port`; resolves once it answers. */
async function startServer(site, port) {
  const child = spawn(process.execPath, [join(root, 'tests/e2e/serve.mjs'), String(port), site], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const url = `http://127.0.0.1:${port}/event-sourcing-demo/`;
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
    child.once('exit', () => resolve());
    child.kill();
  });
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`the static server exited: ${output.trim()}`);
    // "serving" is printed once this server (not another one on the port) is listening.
    if (output.includes('serving ')) {
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
        if (res.ok && (await res.text()).includes('xengine-guard.js')) return { url, stop };
      } catch { /* not yet */ }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`the static server did not answer at ${url} (is port ${port} taken? set XENGINE_PORT): ${output.trim()}`);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

/** Problems recorded by the guard in every window of the session. */
async function pageProblems(driver, page) {
  const problems = [];
  for (const handle of await driver.getAllWindowHandles()) {
    await driver.switchTo().window(handle);
    problems.push(...await page.problems());
  }
  return problems;
}

async function runCheck(engine, check, server, report) {
  const started = Date.now();
  const driverLog = [];
  const facts = report.engines[engine].facts;
  let session;
  let error = null;
  // A check may start a server of its own (to take it away again); it is stopped afterwards.
  const ownServers = [];
  const startOwnServer = async () => {
    const own = await startServer(server.site, await findFreePort('127.0.0.1'));
    ownServers.push(own);
    return own;
  };
  try {
    session = await withTimeout(startSession(engine, driverLog), 60_000, 'starting the browser');
    const { driver } = session;
    const caps = await driver.getCapabilities();
    report.engines[engine].browserName = caps.get('browserName');
    report.engines[engine].browserVersion = caps.get('browserVersion');
    await driver.manage().window().setRect({ width: 1366, height: 900 }).catch(() => {});
    const page = new AppPage(driver, server.url);
    await withTimeout((async () => {
      await check.run({ page, driver, engine, facts, startOwnServer });
      const problems = await pageProblems(driver, page);
      if (problems.length) throw new Error(`the page reported problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    })(), CHECK_TIMEOUT, 'the check');
  } catch (err) {
    error = err;
    if (session) {
      // A script error is often why an expectation failed: show it with the failure.
      const problems = await withTimeout(pageProblems(session.driver, new AppPage(session.driver, server.url)), 10_000, 'reading the page')
        .catch(() => []);
      if (problems.length && !String(err.message).includes('the page reported problems')) {
        error = new Error(`${err.message}\nthe page also reported:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
      }
      const base = join(artifacts, `${engine}-${slug(check.name)}`);
      const shot = await withTimeout(session.driver.takeScreenshot(), 10_000, 'a screenshot').catch(() => null);
      if (shot) writeFileSync(`${base}.png`, shot, 'base64');
    }
  } finally {
    if (session) await session.close();
    for (const own of ownServers) await own.stop();
  }
  const duration = Date.now() - started;
  if (error && driverLog.length) writeFileSync(join(artifacts, `${engine}-${slug(check.name)}.driver.log`), driverLog.join('\n') + '\n');
  const status = error ? 'failed' : 'passed';
  console.log(`  ${error ? 'FAIL' : 'ok  '}  ${engine.padEnd(7)} ${check.name} (${seconds(duration)})`);
  if (error) console.log(String(error.message || error).split('\n').map((l) => `          ${l}`).join('\n'));
  report.tests.push({ engine, name: check.name, status, duration_ms: duration, ...(error ? { error: String(error.message || error) } : {}) });
  report[status] += 1;
}

async function main() {
  rmSync(artifacts, { recursive: true, force: true }); // screenshots of an earlier run's failures
  mkdirSync(artifacts, { recursive: true });
  const report = { passed: 0, failed: 0, engines: {}, tests: [] };
  const write = () => writeFileSync(join(results, 'xengine.json'), JSON.stringify(report, null, 2) + '\n');
  for (const engine of opts.engines) report.engines[engine] = { label: ENGINES[engine].label, facts: {} };
  write(); // a run that dies half-way still leaves a file that says so
  let server;
  const stop = () => { killAll(); server?.stop(); };
  const interrupted = (code) => () => {
    stop();
    report.failed += 1;
    report.tests.push({ engine: null, name: 'suite interrupted', status: 'failed', duration_ms: 0, error: `signal, exit ${code}` });
    write();
    console.log(`cross-engine: interrupted; ${report.passed} passed, ${report.failed} failed so far`);
    process.exit(code);
  };
  process.on('SIGINT', interrupted(130));
  process.on('SIGTERM', interrupted(143));
  try {
    const site = prepareSite();
    server = { ...await startServer(site, opts.port), site };
    console.log(`cross-engine suite: ${checks.length} checks x ${opts.engines.join(', ')} against ${server.url}`);
    for (const engine of opts.engines) {
      const lacking = missing(engine);
      if (lacking.length) {
        const why = `${ENGINES[engine].label}: ${lacking.join(', ')} not found (run .ci/bootstrap --test)`;
        console.log(`  FAIL  ${engine.padEnd(7)} ${why}`);
        for (const check of checks) report.tests.push({ engine, name: check.name, status: 'failed', duration_ms: 0, error: why });
        report.failed += checks.length;
        continue;
      }
      for (const check of checks) await runCheck(engine, check, server, report);
      const e = report.engines[engine];
      const f = e.facts;
      // The first check gathers what differs between engines; a --grep run may not have run it.
      if (Object.keys(f).length) {
        console.log(`  ${e.label} ${e.browserVersion ?? '?'}: Web Locks ${f.webLocks ? 'yes' : 'no'}, ` +
          `service worker ${f.serviceWorkerActive ? 'active' : f.serviceWorkerApi ? 'not active' : 'absent'}, ` +
          `Trusted Types ${f.trustedTypes ? 'yes' : 'no'}`);
      }
    }
  } catch (err) {
    console.log(`  FAIL  the suite could not run: ${err.stack || err}`);
    report.failed += 1;
    report.tests.push({ engine: null, name: 'suite set-up', status: 'failed', duration_ms: 0, error: String(err.message || err) });
  } finally {
    stop();
    write();
  }
  console.log(`cross-engine: ${report.passed} passed, ${report.failed} failed (report: test-results/xengine.json)`);
  process.exitCode = report.failed === 0 && report.passed > 0 ? 0 : 1;
}

await main();
// Nothing may keep the process alive (a keep-alive socket to a killed driver, say).
process.exit(process.exitCode);
