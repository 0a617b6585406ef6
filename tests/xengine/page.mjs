// Drives the app through plain WebDriver, by the names of the page's contract (DESIGN.md, "The
// page's contract"): buttons by their accessible names, the select labelled "Order", the regions
// "Traditional table" and "Event log", role="alert" for refusals. Elements are found by a small
// script in the page (WebDriver has no "by role"), then clicked and read through WebDriver itself,
// so the engine's own input handling is what the app sees.
import { Select } from 'selenium-webdriver/lib/select.js';

/** How long a step may take to show its effect on a loaded 2-core machine. */
export const STEP_TIMEOUT = 15_000;

// In-page finders. A name is the element's aria-label, the text of its aria-labelledby
// elements, or its own text: enough for this page, whose controls are named in one of those ways.
const FINDERS = `
  const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const text = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
  // Text as an accessible name counts it: without aria-hidden parts (such as an arrow glyph).
  const spoken = (node) => node.nodeType === 3 ? node.data
    : node.nodeType === 1 && node.getAttribute('aria-hidden') !== 'true' ? [...node.childNodes].map(spoken).join('') : '';
  const nameOf = (el) => {
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label').trim();
    const ids = el.getAttribute('aria-labelledby');
    const parts = ids ? ids.split(/\\s+/).map((id) => document.getElementById(id)).filter(Boolean) : [el];
    return parts.map(spoken).join(' ').replace(/\\s+/g, ' ').trim();
  };
  const region = (name) => [...document.querySelectorAll('section[aria-labelledby], section[aria-label], [role="region"]')]
    .find((el) => nameOf(el) === name && visible(el)) || null;
  const button = (name, within) => [...(within || document).querySelectorAll('button, [role="button"]')]
    .find((el) => nameOf(el) === name && visible(el)) || null;
  const labelled = (name) => {
    const label = [...document.querySelectorAll('label[for]')].find((l) => text(l) === name);
    return label ? document.getElementById(label.htmlFor) : null;
  };
`;

export class AppPage {
  constructor(driver, baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  /** Runs `body` (a function body using the finders) in the page with `args`. */
  async js(body, ...args) {
    return this.driver.executeScript(`${FINDERS}\n${body}`, ...args);
  }

  /**
   * Waits until `probe` returns a truthy value; returns it. On time-out the error names `what`
   * and what `seen()` (default: the probe's last value) shows of the page then.
   */
  async waitFor(what, probe, { timeout = STEP_TIMEOUT, seen } = {}) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await probe();
        if (last) return last;
      } catch (err) {
        last = `error: ${err.message}`;
      }
      if (Date.now() > end) {
        const shown = seen ? await seen().catch((err) => `error: ${err.message}`) : last;
        throw new Error(`timed out after ${timeout} ms waiting for ${what}; the page shows: ${JSON.stringify(shown)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Opens the app (relative to the sub-path) and waits until it has mounted. */
  async open(path = './') {
    await this.driver.get(new URL(path, this.baseUrl).href);
    await this.waitUntilReady();
  }

  /**
   * Reloads the page as a person does (F5), through the page's own location.reload(). WebDriver's
   * Refresh is not that in every engine: Firefox's bypasses the service worker, like Shift+F5.
   */
  async reload() {
    try {
      await this.driver.executeScript('window.__xengineBeforeReload = true; setTimeout(() => location.reload(), 0);');
    } catch { /* a driver may report the navigation as an interrupted script */ }
    await this.waitFor('the page to reload', () => this.driver.executeScript(
      'return window.__xengineBeforeReload !== true && document.readyState !== "loading";'), { timeout: 30_000 });
    await this.waitUntilReady();
  }

  /** Waits until a service worker controls the page (the app registers ./sw.js once mounted). */
  async waitForServiceWorker() {
    await this.waitFor('a service worker to control the page', () => this.driver.executeScript(
      'return !!(navigator.serviceWorker && navigator.serviceWorker.controller);'), { timeout: 30_000 });
  }

  /** The app sets body[data-app-ready="true"] once it has mounted and loaded the stored log. */
  async waitUntilReady() {
    await this.waitFor('the app to mount (an h1 and body[data-app-ready="true"])', () => this.js(`
      const h1 = document.querySelector('h1');
      return visible(h1) && document.body.getAttribute('data-app-ready') === 'true';`), {
      timeout: 30_000,
      seen: () => this.driver.executeScript(`return { url: location.href, title: document.title,
        ready: document.body && document.body.getAttribute('data-app-ready'), text: (document.body ? document.body.innerText : '').slice(0, 200) };`),
    });
  }

  async button(name, withinRegion) {
    const el = await this.js('return button(arguments[0], arguments[1] ? region(arguments[1]) : null);', name, withinRegion ?? null);
    if (!el) throw new Error(`no visible button named "${name}"${withinRegion ? ` in region "${withinRegion}"` : ''}`);
    return el;
  }

  /**
   * Clicks the named button as a person does, after scrolling it to the middle of the window:
   * WebKitWebDriver 2.50 refuses to click a button far below the window ("element not
   * interactable") where it should scroll to it first, as geckodriver and chromedriver do.
   */
  async click(name, withinRegion) {
    const el = await this.button(name, withinRegion);
    await this.driver.executeScript('arguments[0].scrollIntoView({ block: "center" });', el);
    await el.click();
  }

  /** Chooses `orderId` in the select labelled "Order". */
  async selectOrder(orderId) {
    const select = await this.js('return labelled("Order");');
    if (!select) throw new Error('no control labelled "Order"');
    await new Select(select).selectByValue(String(orderId));
    await this.waitFor(`order ${orderId} to be selected`, async () => (await select.getAttribute('value')) === String(orderId),
      { seen: () => select.getAttribute('value') });
  }

  /** The Event log region's counter, e.g. "2 events". */
  eventCount() {
    return this.js(`const r = region('Event log'); const c = r && r.querySelector('.counter'); return c ? text(c) : null;`);
  }

  async waitForEventCount(expected) {
    await this.waitFor(`the Event log to say "${expected}"`, async () => (await this.eventCount()) === expected,
      { seen: () => this.eventCount() });
  }

  /** The event_type column of the log, oldest first. */
  async eventTypes() {
    const types = await this.js(`
      const r = region('Event log');
      return r ? [...r.querySelectorAll('table tbody tr:not(.empty-row) td:nth-child(3)')].map(text) : null;`);
    return types ? types.reverse() : null;
  }

  /** order_id -> current status in the Traditional table (without a struck-through old value). */
  async statuses() {
    return this.js(`
      const r = region('Traditional table');
      if (!r) return null;
      const out = {};
      for (const row of r.querySelectorAll('table tbody tr:not(.empty-row)')) {
        const cells = row.querySelectorAll('td');
        const status = cells[4];
        const fresh = status && status.querySelector('.new-value');
        out[text(cells[0])] = text(fresh || status);
      }
      return out;`);
  }

  /** Everything both databases show (to prove a refused action changed nothing). */
  bothDatabases() {
    return this.js(`
      const t = region('Traditional table'), l = region('Event log');
      return [t && t.querySelector('table').innerText, l && l.querySelector('table').innerText, l && text(l.querySelector('.counter'))];`);
  }

  /** Texts of the visible role="alert" elements. */
  alerts() {
    return this.js(`return [...document.querySelectorAll('[role="alert"]')].filter(visible).map(text);`);
  }

  /** Loads the blog's four orders, confirming the replacement when the log is not empty. */
  async loadBlogExample() {
    await this.click('Load blog example');
    const state = await this.waitFor('the blog example or the confirmation dialog', () => this.js(`
      const dialog = [...document.querySelectorAll('[role="alertdialog"]')].find(visible);
      if (dialog) return 'dialog';
      const r = region('Event log'); const c = r && r.querySelector('.counter');
      return c && text(c) === '10 events' ? 'loaded' : null;`));
    if (state === 'dialog') {
      const replace = await this.js(`
        const dialog = [...document.querySelectorAll('[role="alertdialog"]')].find(visible);
        return button('Replace the log', dialog);`);
      await replace.click();
    }
    await this.waitForEventCount('10 events');
  }

  /** Problems the page recorded (tests/xengine/guard.js); fails when the guard did not run at all. */
  async problems() {
    const seen = await this.driver.executeScript(`
      if (window.__xengineGuard !== true) return ['the error guard did not run: the test cannot see script errors'];
      let stored = [];
      try { stored = JSON.parse(sessionStorage.getItem('__xengine_problems') || '[]'); } catch (e) { stored = ['sessionStorage unreadable: ' + e]; }
      return stored.concat(window.__xengineProblems || []);`);
    return seen;
  }
}
