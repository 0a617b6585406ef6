// Issue "Nothing lost, whatever the tabs do": tabs that click at the same moment. Every click is
// accounted for (recorded once, or refused where the learner sees it), ids stay unique and
// gapless, and after a reload every tab shows the same log and table. A race shows only
// sometimes, so the config runs this file several times (project "races", repeatEach).
import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { button, expectEventCount, orderSelect, statusCell, tableRegion } from './page-helpers';
import { exportLog } from './export-helpers';

/** A moment shortly after now, the same for every tab, so their clicks start together. */
const soon = () => Date.now() + 1_500;

/** From page script, as a person drumming on the button: `clicks` clicks on `name`, starting
 * at `start` (epoch ms), 0-15 ms apart. Resolves once every click has been made. */
function drum(page: Page, name: string, clicks: number, start: number) {
  return page.evaluate(async ({ name, clicks, start }) => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await sleep(start - Date.now());
    for (let i = 0; i < clicks; i++) {
      const target = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
      target!.click();
      await sleep(Math.floor(Math.random() * 16));
    }
  }, { name, clicks, start });
}

/** The page is done writing: nothing waits for the lock any more. */
async function settled(page: Page) {
  await expect(page.locator('.controls[aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
}

test('three tabs placing 40 orders each at the same moment: all 120 recorded, once, everywhere', async ({ context }) => {
  test.setTimeout(240_000);
  const tabs = [await context.newPage(), await context.newPage(), await context.newPage()];
  for (const tab of tabs) await openApp(tab);

  const start = soon();
  await Promise.all(tabs.map((tab) => drum(tab, 'Place order', 40, start)));
  // Every tab ends up showing every tab's orders, and nothing is left waiting for the lock.
  for (const tab of tabs) await expect(tab.locator('.counter-log')).toHaveText('120 events', { timeout: 60_000 });
  for (const tab of tabs) await settled(tab);
  // No click was refused: a new order conflicts with nothing.
  for (const tab of tabs) await expect(tab.getByRole('alert')).toHaveCount(0);

  for (const tab of tabs) {
    await tab.reload();
    await expect(tab.locator('body')).toHaveAttribute('data-app-ready', 'true');
    await expectEventCount(tab, '120 events');
    await expect(tableRegion(tab).locator('.counter-rows')).toHaveText('120 rows');
    await expect(orderSelect(tab).locator('option')).toHaveCount(120);
    // Start-up found the two databases in agreement: no recovery banner.
    await expect(tab.getByRole('heading', { name: 'Stored data needs your decision' })).toHaveCount(0);
  }
  const logs = await Promise.all(tabs.map(exportLog));
  expect(logs[1]).toEqual(logs[0]);
  expect(logs[2]).toEqual(logs[0]);
  const events = logs[0].events;
  expect(events.map((e) => e.event_id)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  expect(events.map((e) => e.order_id)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  expect(new Set(events.map((e) => e.event_type))).toEqual(new Set(['OrderPlaced']));
});

test('two tabs paying the same order at the same moment: one OrderPaid, the other refused with the fresh state', async ({ context }) => {
  const tabs = [await context.newPage(), await context.newPage()];
  for (const tab of tabs) await openApp(tab);
  await button(tabs[0], 'Place order').click();
  for (const tab of tabs) await expectEventCount(tab, '1 event');

  const start = soon();
  await Promise.all(tabs.map((tab) => drum(tab, 'Pay', 1, start)));
  const alerts = () => Promise.all(tabs.map((tab) => tab.getByRole('alert').count()));
  // Exactly one tab was refused, said why, and shows the order as it now is.
  await expect.poll(async () => (await alerts()).reduce((a, b) => a + b)).toBe(1);
  for (const tab of tabs) await settled(tab);
  for (const tab of tabs) {
    await expectEventCount(tab, '2 events');
    await expect(statusCell(tab, 1)).toContainText('Paid');
  }
  const refusals = await alerts();
  expect([...refusals].sort()).toEqual([0, 1]);
  const refused = tabs[refusals.indexOf(1)];
  await expect(refused.getByRole('alert')).toContainText(/another tab|cannot be paid/);
  await expect(refused.locator('#order-status')).toContainText('Paid');
  const log = await exportLog(tabs[0]);
  expect(log.events.map((e) => e.event_type)).toEqual(['OrderPlaced', 'OrderPaid']);
});

test('one tab clicking Pay twice in a row: the second click waits its turn and is refused, not dropped', async ({ page }) => {
  await openApp(page);
  await button(page, 'Place order').click();
  await expectEventCount(page, '1 event');
  await drum(page, 'Pay', 2, Date.now());
  await expect(page.getByRole('alert')).toContainText('Order 1 cannot be paid');
  await settled(page);
  await expectEventCount(page, '2 events');
});
