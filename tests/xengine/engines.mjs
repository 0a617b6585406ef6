// The engines the cross-engine suite drives, each through its own WebDriver server:
//   firefox  Firefox ESR (Debian's firefox-esr), headless, through geckodriver
//   webkit   WebKitGTK's MiniBrowser (Debian's webkit2gtk-driver), through WebKitWebDriver,
//            under xvfb-run: MiniBrowser is a GTK program and needs a display
// Each session gets a fresh driver process in a process group of its own, so stopping it (and
// everything it started: the browser, Xvfb) is one kill, whatever state the browser is in.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Builder } from 'selenium-webdriver';
import { findFreePort } from 'selenium-webdriver/net/portprober.js';

const HOST = '127.0.0.1';

function firstExisting(paths) {
  return paths.find((p) => p && existsSync(p));
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const candidate = `${dir}/${name}`;
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export const ENGINES = {
  firefox: {
    label: 'Firefox ESR',
    paths() {
      return {
        driver: process.env.GECKODRIVER || onPath('geckodriver'),
        browser: process.env.FIREFOX_PATH || firstExisting(['/usr/bin/firefox-esr', '/usr/bin/firefox']),
      };
    },
    command({ driver }, port) {
      return [driver, ['--host', HOST, '--port', String(port), '--log', 'warn']];
    },
    capabilities({ browser }) {
      return {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          binary: browser,
          // geckodriver makes a fresh temporary profile for every session.
          args: ['-headless'],
          prefs: {
            // Nothing but the page under test talks to the network (there is none but loopback).
            'app.update.disabledForTesting': true,
            'browser.safebrowsing.malware.enabled': false,
            'browser.safebrowsing.phishing.enabled': false,
            'datareporting.policy.dataSubmissionEnabled': false,
            'network.captive-portal-service.enabled': false,
            'network.connectivity-service.enabled': false,
            'toolkit.telemetry.enabled': false,
          },
        },
      };
    },
  },
  webkit: {
    label: 'WebKitGTK',
    paths() {
      return {
        driver: process.env.WEBKIT_WEBDRIVER || onPath('WebKitWebDriver'),
        browser: process.env.MINIBROWSER_PATH || firstExisting([
          '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
          '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
          '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
          '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
        ]),
        xvfbRun: onPath('xvfb-run'),
      };
    },
    command({ driver, xvfbRun }, port) {
      // -a picks a free display number; the screen is as large as the Chromium tests' viewport.
      return [xvfbRun, ['-a', '-s', '-screen 0 1366x900x24 -nolisten tcp', driver, `--host=${HOST}`, `--port=${port}`]];
    },
    capabilities({ browser }) {
      return {
        browserName: 'MiniBrowser',
        // --automation: MiniBrowser's automation mode, an ephemeral session (nothing kept on disk).
        'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] },
      };
    },
  },
};

/** What is missing to run `name`, or an empty list. */
export function missing(name) {
  const paths = ENGINES[name].paths();
  return Object.entries(paths).filter(([, p]) => !p || !existsSync(p)).map(([what]) => what);
}

async function waitForStatus(url, child, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`the WebDriver server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/status`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no WebDriver server at ${url} after ${ms} ms`);
}

/** Kills a detached process and its whole process group (the driver, the browser, Xvfb). */
function killGroup(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      // The leader is gone; stragglers in its group (a browser) may not be.
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* none left */ }
      resolve();
      return;
    }
    const hard = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    }, 3000);
    child.once('exit', () => {
      clearTimeout(hard);
      // xvfb-run stops Xvfb when its command ends; anything else left in the group goes now.
      setTimeout(() => {
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* none left */ }
        resolve();
      }, 200);
    });
    try { process.kill(-child.pid, 'SIGTERM'); } catch { resolve(); }
  });
}

const running = new Set();
/** Stops every driver still running (called on exit and on SIGINT/SIGTERM). */
export function killAll() {
  for (const child of running) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  }
}

/**
 * Starts the engine's WebDriver server and one browser session in it.
 * Returns { driver, close() }; close() ends the session and kills the server's process group.
 */
export async function startSession(name, logLines) {
  const engine = ENGINES[name];
  const paths = engine.paths();
  const port = await findFreePort(HOST);
  const [cmd, args] = engine.command(paths, port);
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  const log = (chunk) => {
    for (const line of String(chunk).split('\n')) if (line.trim()) logLines.push(line);
  };
  child.stdout.on('data', log);
  child.stderr.on('data', log);
  const close = async () => {
    await killGroup(child);
    running.delete(child);
  };
  try {
    const url = `http://${HOST}:${port}`;
    await waitForStatus(url, child, 20_000);
    const driver = await new Builder().usingServer(url).withCapabilities(engine.capabilities(paths)).build();
    return {
      driver,
      async close() {
        // A session that does not end in time is ended by killing its process group.
        await Promise.race([driver.quit().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
        await close();
      },
    };
  } catch (err) {
    await close();
    throw err;
  }
}
