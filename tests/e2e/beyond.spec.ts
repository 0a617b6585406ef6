// Issue "The lessons no other demo teaches": a new question of old events (a read model built
// on the spot, kept up to date, beside what the traditional table lost), two clerks and one
// order (the lost update, and the append refused at a stale version), and an old log read
// through the upcaster.
import type { Page } from '@playwright/test';
import { test, expect, openApp, expectNoA11yViolations, screenshot } from './fixtures';
import {
  button, expectEventCount, loadBlogExample, logRegion, placeOrder, selectOrder, statusCell, tableRegion,
} from './page-helpers';

const questions = (page: Page) => page.getByRole('region', { name: 'Questions only the log can answer' });
const answerRows = (page: Page) => questions(page).getByRole('group', { name: 'The event log answers' }).locator('tbody tr');

test('a question nobody planned: built by replaying the log, kept up to date, and the table cannot', async ({ page }) => {
  await openApp(page);
  await loadBlogExample(page);
  await questions(page).getByLabel('How long did each order wait between payment and shipping?').check();
  const log = questions(page).getByRole('group', { name: 'The event log answers' });
  await expect(log.getByRole('status')).toHaveText(/^A new read model, built by replaying 10 events in (under 1|\d+) ms\.$/);
  // From the blog's events: order 1 paid 09:17:30 on 4 March, shipped 08:40 the next day.
  await expect(answerRows(page)).toHaveCount(3);
  await expect(answerRows(page).nth(0)).toContainText('2024-03-05 08:40:00');
  await expect(answerRows(page).nth(0).locator('td').last()).toHaveText('23 h 22 min');
  await expect(answerRows(page).nth(1)).toContainText('not yet');
  await expect(answerRows(page).nth(2).locator('td').last()).toHaveText('21 h 48 min');
  const table = questions(page).getByRole('group', { name: 'The traditional table answers' });
  await expect(table).toContainText('It cannot.');
  await expect(table).toContainText('orders.status was overwritten');
  await expect(table.locator('code')).toHaveText(['orders.status']);
  await screenshot(page, 'questions');
  await expectNoA11yViolations(page, 'with a question answered');

  // It keeps up as events arrive: order 2 ships.
  await selectOrder(page, 2);
  await button(page, 'Ship').click();
  await expectEventCount(page, '11 events');
  await expect(log.getByRole('status')).toContainText('Kept up to date since: 11 events now.');
  await expect(answerRows(page).nth(1)).not.toContainText('not yet');

  // Another question of the same log.
  await questions(page).getByLabel('What was the revenue per day (money received, less refunds)?').check();
  await expect(answerRows(page)).toHaveCount(2);
  await expect(answerRows(page).nth(0).locator('td')).toHaveText(['2024-03-04', '49.90', '0.00', '49.90']);
  await expect(answerRows(page).nth(1).locator('td')).toHaveText(['2024-03-05', '143.75', '0.00', '143.75']);
  await expect(questions(page)).toContainText('In all: 193.65.');

  // Which orders were cancelled, and from which status: the table only says "Cancelled".
  await questions(page).getByLabel('Which orders were cancelled, and from which status?').check();
  await expect(questions(page)).toContainText('No order in the log has been cancelled.');
  await selectOrder(page, 3);
  await button(page, 'Cancel order').click();
  await expect(page.getByRole('alert')).toContainText('cannot be cancelled');
  await selectOrder(page, 4);
  await button(page, 'Cancel order').click();
  await expect(statusCell(page, 4)).toContainText('Cancelled');
  await expect(answerRows(page)).toHaveCount(1);
  await expect(answerRows(page).nth(0).locator('td').nth(1)).toHaveText('Placed');
  await expectNoA11yViolations(page, 'with the cancellations answered');
});

test('two clerks, one order: the table silently loses the shipment, the log refuses the stale cancel', async ({ page }) => {
  await openApp(page);
  await loadBlogExample(page);
  await selectOrder(page, 2);
  const clerks = page.getByRole('region', { name: 'Two clerks, one order' });
  await clerks.getByRole('button', { name: 'Start: two clerks, one paid order' }).click();
  await expect(clerks).toContainText('A copy of order 2 of your log.');
  await clerks.getByRole('button', { name: 'Both clerks load order 2' }).click();
  await expect(clerks).toContainText('Both loaded order 2 at version 2, status Paid.');
  await clerks.getByRole('button', { name: 'Ana ships order 2' }).click();
  const tableSide = clerks.getByRole('group', { name: 'Traditional table: UPDATE, the last write wins' });
  const logSide = clerks.getByRole('group', { name: 'Event log: append at the version you loaded' });
  await expect(logSide).toContainText('Appends OrderShipped expecting version 2: accepted, the order is now at version 3.');
  await clerks.getByRole('button', { name: 'Ben cancels order 2' }).click();
  // The second UPDATE won: the row says Cancelled, Ana's Shipped is gone without a trace.
  await expect(tableSide).toContainText("UPDATE orders SET status = 'Cancelled' WHERE order_id = 2;");
  await expect(tableSide.locator('.ck-lost del')).toHaveText('Shipped');
  await expect(tableSide).toContainText('Order 2 in the table now: Cancelled.');
  // The log refused Ben's append made at version 2, and showed him the fresh state and why.
  await expect(logSide.getByRole('status')).toHaveText(
    'Refused: Ben decided on version 2 of order 2, but it is now at version 3 (event 11 OrderShipped came first). Nothing was saved.');
  await expect(logSide).toContainText('Ben now sees the fresh state: version 3, Shipped.');
  await expect(logSide).toContainText('Order 2 cannot be cancelled: it is already Shipped.');
  await expect(logSide).toContainText('Order 2 in the log now: version 3, Shipped.');
  await screenshot(page, 'two-clerks');
  await expectNoA11yViolations(page, 'after the two clerks');
  // A story on copies: the learner's own databases did not change.
  await expectEventCount(page, '10 events');
  await expect(statusCell(page, 2)).toHaveText('Paid');
  await expect(clerks.getByRole('button', { name: 'Start again' })).toBeVisible();
});

test('an old log: stored as an older release wrote it, upcast as it is read, never rewritten', async ({ page }) => {
  await openApp(page);
  await button(page, 'Load an old log').click();
  await expect(page.getByRole('status').filter({ hasText: 'Loaded an old log' })).toBeVisible();
  const markers = logRegion(page).locator('details.upcast');
  await expect(markers).toHaveCount(7);
  const first = logRegion(page).locator('tbody tr').filter({ hasText: 'OrderPlaced' }).last();
  await first.getByText('Upcast: stored in schema version 1').click();
  const forms = first.locator('.upcast-forms');
  await expect(forms.locator('div').nth(0)).toContainText('Stored (version 1)');
  await expect(forms.locator('div').nth(0)).toContainText('"total_amount": "19.90"');
  await expect(forms.locator('div').nth(1)).toContainText('Read as (version 2)');
  await expect(forms.locator('div').nth(1)).toContainText('"total_amount": 1990');
  await expect(tableRegion(page).locator('tbody tr').first().locator('td').nth(3)).toHaveText('19.90');
  await screenshot(page, 'old-log');
  await expectNoA11yViolations(page, 'with an old log');
  // Stored as written: after a reload (and a new event in today's schema) it is still version 1.
  await placeOrder(page, 'Today', '5.00');
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  await expect(logRegion(page).locator('details.upcast')).toHaveCount(7);
  const stored = await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.includes('/log/seg/')).map((k) => localStorage.getItem(k)).join(''));
  expect(stored).toContain('"19.90"');
});
