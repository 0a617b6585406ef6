// The cross-engine checks: what a student does on a Chromebook, in Firefox or on an iPad, run in
// each engine by tests/xengine/run.mjs. Every check starts in a fresh browser session (empty
// storage) and also fails on any script error the page recorded (tests/xengine/guard.js).
import assert from 'node:assert/strict';
import { Key } from 'selenium-webdriver';
import { AppPage } from './page.mjs';

const BASE_PATH = '/event-sourcing-demo/';

/** The traditional table's rows as current cell values (no struck-through old values). */
function tableCells(page) {
  return page.js(`
    const r = region('Traditional table');
    return r ? [...r.querySelectorAll('table tbody tr:not(.empty-row)')].map((row) =>
      [...row.querySelectorAll('td')].map((td) => text(td.querySelector('.new-value') || td))) : null;`);
}

/** The event log's rows as cell texts, newest first. */
function logCells(page) {
  return page.js(`
    const r = region('Event log');
    return r ? [...r.querySelectorAll('table tbody tr:not(.empty-row)')].map((row) =>
      [...row.querySelectorAll('td')].map(text)) : null;`);
}

/** Places an order with the form's defaults and pays it: two events. */
async function placeAndPay(page) {
  await page.click('Place order');
  await page.waitForEventCount('1 event');
  await page.click('Pay');
  await page.waitForEventCount('2 events');
}

/** Step n of the lesson is shown, with its title. */
async function expectLessonStep(page, n, title) {
  await page.waitFor(`lesson step ${n} ("${title}")`, () => page.js(`
    const bar = region('Lesson');
    const h2 = bar && bar.querySelector('h2');
    const jump = bar && bar.querySelector('select');
    const chosen = jump && jump.selectedOptions[0];
    return !!chosen && text(chosen).startsWith(arguments[0]) && !!h2 && text(h2) === arguments[1];`, `Step ${n} of `, title), {
    seen: () => page.js(`const bar = region('Lesson'); return bar ? text(bar).slice(0, 120) : 'no region named Lesson';`),
  });
}

export const CHECKS = [
  {
    name: 'the app mounts from the sub-path with no script error',
    async run({ page, facts }) {
      await page.open('./');
      assert.match(await page.driver.getTitle(), /event sourcing/i);
      const loaded = await page.js(`
        return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
          .map((e) => new URL(e.name).pathname);`);
      assert.ok(loaded.length > 2, `only ${loaded.length} requests: ${loaded}`);
      // Every asset came from under the sub-path: nothing assumes it is hosted at /.
      for (const path of loaded) assert.ok(path.startsWith(BASE_PATH), `${path} is not under ${BASE_PATH}`);
      // The wasm module really loaded (not a static fallback page).
      assert.ok(loaded.some((p) => p.endsWith('.wasm')), `no .wasm among ${loaded.join(', ')}`);
      assert.deepEqual(await page.eventCount(), '0 events');

      // What differs between engines, for the report (not asserted here).
      Object.assign(facts, await page.driver.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        const out = {
          userAgent: navigator.userAgent,
          webLocks: !!navigator.locks,
          trustedTypes: typeof window.trustedTypes === 'object' && window.trustedTypes !== null,
          serviceWorkerApi: 'serviceWorker' in navigator,
          secureContext: window.isSecureContext,
        };
        if (!out.serviceWorkerApi) { done(out); return; }
        // The app registers ./sw.js once mounted; give it a few seconds to install.
        const timeout = new Promise((r) => setTimeout(() => r(null), 8000));
        Promise.race([navigator.serviceWorker.ready, timeout]).then((reg) => {
          out.serviceWorkerActive = !!(reg && reg.active);
          out.serviceWorkerScope = reg ? new URL(reg.scope).pathname : null;
          done(out);
        }, (e) => { out.serviceWorkerError = String(e); done(out); });`));
    },
  },
  {
    name: 'the blog example loads',
    async run({ page }) {
      await page.open('./');
      await page.loadBlogExample();
      assert.deepEqual(await page.statuses(), { 1: 'Delivered', 2: 'Paid', 3: 'Shipped', 4: 'Placed' });
      assert.deepEqual(await page.eventTypes(), [
        'OrderPlaced', 'OrderPaid', 'OrderPlaced', 'OrderShipped', 'OrderPlaced',
        'OrderPaid', 'OrderPaid', 'OrderShipped', 'OrderDelivered', 'OrderPlaced',
      ]);
    },
  },
  {
    name: 'a forbidden action is refused with its message',
    async run({ page }) {
      await page.open('./');
      await page.click('Place order');
      await page.waitForEventCount('1 event');
      const before = await page.bothDatabases();
      await page.click('Ship');
      const message = 'Order 1 cannot be shipped: it is Placed, not Paid.';
      await page.waitFor(`the alert "${message}"`, async () => (await page.alerts()).includes(message),
        { seen: () => page.alerts() });
      // Nothing changed in either database.
      assert.deepEqual(await page.bothDatabases(), before);
      assert.deepEqual(await page.statuses(), { 1: 'Placed' });
    },
  },
  {
    name: 'Place order and Pay append events',
    async run({ page }) {
      await page.open('./');
      await page.click('Place order');
      await page.waitForEventCount('1 event');
      assert.deepEqual(await page.eventTypes(), ['OrderPlaced']);
      assert.deepEqual(await page.statuses(), { 1: 'Placed' });
      await page.click('Pay');
      await page.waitForEventCount('2 events');
      assert.deepEqual(await page.eventTypes(), ['OrderPlaced', 'OrderPaid']);
      assert.deepEqual(await page.statuses(), { 1: 'Paid' });
      assert.deepEqual(await page.alerts(), []);
    },
  },
  {
    name: 'a reload restores both databases',
    async run({ page }) {
      await page.open('./');
      await placeAndPay(page);
      const table = await tableCells(page);
      const log = await logCells(page);
      assert.equal(table.length, 1);
      assert.equal(log.length, 2);
      await page.reload();
      await page.waitForEventCount('2 events');
      assert.deepEqual(await tableCells(page), table);
      assert.deepEqual(await logCells(page), log);
      assert.deepEqual(await page.statuses(), { 1: 'Paid' });
    },
  },
  {
    name: 'the lesson advances',
    async run({ page, driver }) {
      await page.open('./');
      await page.click('Start the lesson');
      await expectLessonStep(page, 1, 'Two ways to keep orders');
      await page.click('Next step', 'Lesson');
      await expectLessonStep(page, 2, 'The traditional schema');
      // The step outlines the part of the page it talks about.
      await page.waitFor('the traditional table to be outlined', () => page.js(`
        const marked = document.querySelectorAll('[data-lesson-target]');
        return marked.length === 1 && marked[0].matches('.db-table');`), {
        seen: () => page.js(`return [...document.querySelectorAll('[data-lesson-target]')].map((el) => el.className);`),
      });
      // The arrow key moves on too (focus is on a button, not in a field).
      await driver.actions().sendKeys(Key.ARROW_RIGHT).perform();
      await expectLessonStep(page, 3, 'What an UPDATE forgets');
    },
  },
  {
    name: "two windows of the same engine see each other's events",
    async run({ page, driver }) {
      await page.open('./');
      const first = await driver.getWindowHandle();
      await driver.switchTo().newWindow('window');
      const second = await driver.getWindowHandle();
      await page.open('./');

      await driver.switchTo().window(first);
      await page.click('Place order');
      await page.waitForEventCount('1 event');
      await driver.switchTo().window(second);
      await page.waitForEventCount('1 event');
      assert.deepEqual(await page.statuses(), { 1: 'Placed' });

      await page.click('Pay');
      await page.waitForEventCount('2 events');
      await driver.switchTo().window(first);
      await page.waitForEventCount('2 events');
      assert.deepEqual(await page.statuses(), { 1: 'Paid' });
      assert.deepEqual(await page.eventTypes(), ['OrderPlaced', 'OrderPaid']);
      assert.deepEqual(await page.alerts(), []);
    },
  },
  {
    name: 'after one visit the app opens with its server gone (service worker)',
    async run({ driver, startOwnServer }) {
      // A server of this check's own, on its own port (origin), that the check takes away.
      const server = await startOwnServer();
      const page = new AppPage(driver, server.url);
      await page.open('./');
      await page.waitForServiceWorker();
      await page.click('Place order');
      await page.waitForEventCount('1 event');
      await server.stop();
      await assert.rejects(fetch(server.url, { signal: AbortSignal.timeout(2000) }), 'the server is still answering');
      // A fresh navigation (not a reload), with nothing listening on the port.
      await page.open('./');
      await page.waitForEventCount('1 event');
      await page.click('Pay');
      await page.waitForEventCount('2 events');
      assert.deepEqual(await page.statuses(), { 1: 'Paid' });
    },
  },
];
