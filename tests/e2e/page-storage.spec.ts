// Where the events live: localStorage survives a reload, a second tab follows along, damaged
// data is kept (with a backup download) until the learner decides, and the log can be exported
// and imported (an invalid file changes nothing).
import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect, openApp } from './fixtures';
import {
  button, currentValue, expectEventCount, loadBlogExample, placeOrder, statusCell, tableRegion, tableRows,
} from './page-helpers';

test('the log survives a reload and is replayed into both databases', async ({ page }) => {
  await openApp(page);
  await placeOrder(page, 'Lin', '20.00');
  await button(page, 'Pay').click();
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  await expectEventCount(page, '2 events');
  await expect(page.getByRole('status').filter({ hasText: /Replayed 2 events in \d+ ms/ })).toBeVisible();
  expect(await currentValue(statusCell(page, 1))).toBe('Paid');
  await button(page, 'Ship').click();
  await expectEventCount(page, '3 events');
});

test('a second tab catches up with what the first one does', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await openApp(first);
  await openApp(second);
  await placeOrder(first, 'Two tabs', '5.00');
  await expectEventCount(second, '1 event');
  await expect(second.getByRole('status').filter({ hasText: 'Caught up with another tab' })).toBeVisible();
  await expect(tableRows(second)).toHaveCount(1);

  // The second tab acts on the order; the first follows.
  await button(second, 'Pay').click();
  await expectEventCount(first, '2 events');
  expect(await currentValue(statusCell(first, 1))).toBe('Paid');
});

test.describe('damaged storage', () => {
  test.use({ allowedConsoleErrors: [] });

  test('is kept with a backup until the learner decides, then the valid events go on', async ({ page }) => {
    await openApp(page);
    await loadBlogExample(page);
    // Break the log's head record, as a crash or a hand edit might.
    await page.evaluate(() => localStorage.setItem('event-sourcing-demo/v1/log/head', '{"format":1,'));
    await page.reload();
    await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
    const banner = page.getByRole('region', { name: 'Stored data needs your decision' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('damaged');
    // Nothing is written meanwhile.
    await button(page, 'Place order').click();
    await expect(page.getByRole('alert')).toContainText('damaged');

    const download = page.waitForEvent('download');
    await banner.getByRole('button', { name: 'Download backup' }).click();
    const file = await (await download).path();
    expect(readFileSync(file, 'utf8')).toContain('{\\"format\\":1,');

    await banner.getByRole('button', { name: 'Discard damaged data and keep the valid events' }).click();
    await expect(banner).toBeHidden();
    await button(page, 'Place order').click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a table that disagrees with the log opens in recovery, naming the orders, and keeps everything', async ({ page }) => {
    await openApp(page);
    await loadBlogExample(page);
    // What a lost append used to leave behind: a row whose events are not in the log, and a
    // row whose status its events do not lead to.
    await page.evaluate(() => {
      const row = JSON.parse(localStorage.getItem('event-sourcing-demo/v1/orders/4')!);
      localStorage.setItem('event-sourcing-demo/v1/orders/7', JSON.stringify({ ...row, order_id: 7 }));
      localStorage.setItem('event-sourcing-demo/v1/orders/4', JSON.stringify({ ...row, status: 'Shipped' }));
    });
    await page.reload();
    await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
    const banner = page.getByRole('region', { name: 'Stored data needs your decision' });
    await expect(banner).toContainText('order 4');
    await expect(banner).toContainText('order 7 has a row but no events');
    // Both databases are shown as stored: the ten events, and the stray row.
    await expectEventCount(page, '10 events');
    await expect(tableRegion(page).locator('.counter-rows')).toHaveText('5 rows');
    await button(page, 'Place order').click();
    await expect(page.getByRole('alert')).toContainText('damaged');

    await banner.getByRole('button', { name: 'Discard damaged data and keep the valid events' }).click();
    await expect(banner).toBeHidden();
    // The table is rebuilt from the log: the two agree again.
    await expect(tableRegion(page).locator('.counter-rows')).toHaveText('4 rows');
    expect(await currentValue(statusCell(page, 4))).toBe('Placed');
    await expectEventCount(page, '10 events');
  });
});

test('export JSON, reset, import it back; an invalid file leaves the log untouched', async ({ page }, info) => {
  await openApp(page);
  await loadBlogExample(page);
  await page.getByText('Storage, export and import').click();
  await expect(page.getByLabel('Storage used')).toBeVisible();

  const download = page.waitForEvent('download');
  await button(page, 'Export JSON').click();
  const exported = await download;
  expect(exported.suggestedFilename()).toBe('event-log.json');
  const text = readFileSync(await exported.path(), 'utf8');
  expect(JSON.parse(text).event_count).toBe(10);

  const sql = page.waitForEvent('download');
  await button(page, 'Export SQL').click();
  const sqlText = readFileSync(await (await sql).path(), 'utf8');
  expect(sqlText).toContain('CREATE TABLE order_events');
  expect(sqlText.match(/INSERT INTO order_events/g)).toHaveLength(10);

  await button(page, 'Reset').click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expectEventCount(page, '0 events');

  const chooser = page.getByLabel('Import JSON');
  const good = info.outputPath('event-log.json');
  writeFileSync(good, text);
  await chooser.setInputFiles(good);
  await expectEventCount(page, '10 events');
  expect(await currentValue(statusCell(page, 1))).toBe('Delivered');

  // A log that breaks the rules (order 1 shipped before it was paid) is refused with the reason.
  const doc = JSON.parse(text);
  doc.events = doc.events.filter((e: { event_id: number }) => e.event_id !== 2);
  doc.events.forEach((e: { event_id: number }, i: number) => (e.event_id = i + 1));
  doc.event_count = doc.events.length;
  const bad = info.outputPath('bad.json');
  writeFileSync(bad, JSON.stringify(doc));
  await chooser.setInputFiles(bad);
  await expect(page.getByRole('alert')).toContainText('Nothing was imported');
  await expectEventCount(page, '10 events');

  const junk = info.outputPath('junk.json');
  writeFileSync(junk, 'this is not json');
  await chooser.setInputFiles(junk);
  await expect(page.getByRole('alert')).toContainText('not an event log this app can read');
  await expectEventCount(page, '10 events');
});

test('when storage is full, an action is refused with a message and nothing changes', async ({ page }) => {
  await openApp(page);
  await placeOrder(page);
  // Another app on the same origin fills localStorage up to its quota.
  await page.evaluate(() => {
    let n = 0;
    for (let size = 256 * 1024; size >= 1; size = Math.floor(size / 2)) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem(`someone-else/${n++}`, chunk); } catch { break; }
      }
    }
  });
  await button(page, 'Pay').click();
  await expect(page.getByRole('alert')).toContainText('storage is full');
  await expectEventCount(page, '1 event');
  expect(await currentValue(statusCell(page, 1))).toBe('Placed');
  await page.reload();
  await expectEventCount(page, '1 event');
  expect(await currentValue(statusCell(page, 1))).toBe('Placed');
});

test('without Web Locks the storage panel says cross-tab safety is off, and actions still work', async ({ page }) => {
  // An older browser: no navigator.locks.
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
  });
  await openApp(page);
  await page.getByText('Storage, export and import').click();
  await expect(page.getByText('Cross-tab safety is off')).toBeVisible();
  await placeOrder(page, 'Old browser', '3.00');
  await expectEventCount(page, '1 event');
  await button(page, 'Pay').click();
  await expectEventCount(page, '2 events');
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  await expectEventCount(page, '2 events');
});

test('with Web Locks the storage panel does not warn', async ({ page }) => {
  await openApp(page);
  await page.getByText('Storage, export and import').click();
  await expect(button(page, 'Export JSON')).toBeVisible();
  await expect(page.getByText('Cross-tab safety is off')).toHaveCount(0);
});
