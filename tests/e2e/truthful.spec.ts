// Issue "Every sentence on screen is true": money typed with a decimal comma, the exact names
// of the column headers, the units of what the log shows, the SQL showing only columns the page
// shows, the bug story's fix as a correction (never a second charge), and Load bug story
// leading to the story.
import { test, expect, openApp } from './fixtures';
import {
  bothDatabases, button, expectEventCount, logRegion, orderSelect, placeOrder, statusCell, tableRegion,
} from './page-helpers';
import { bugStory, loadBugStory } from './replay-helpers';

test('"1,50" is 1.50, and an ambiguous "1,500" is refused, not guessed', async ({ page }) => {
  await openApp(page);
  await placeOrder(page, 'Comma', '1,50');
  await expectEventCount(page, '1 event');
  await expect(tableRegion(page).locator('tbody tr').first().locator('td').nth(3)).toHaveText('1.50');
  await expect(logRegion(page).locator('tbody tr').first()).toContainText('"total_amount": 150');

  const before = await bothDatabases(page);
  await placeOrder(page, 'Ambiguous', '1,500');
  await expect(page.getByRole('alert')).toHaveText(
    'The total amount is not valid. “1,500” could mean a thousand times more or less: write it without a thousands separator (1500) or with two decimals (1.50).');
  expect(await bothDatabases(page)).toEqual(before);

  await placeOrder(page, 'Grouped', '1.234,50');
  await expectEventCount(page, '2 events');
  await expect(tableRegion(page).locator('tbody tr').nth(1).locator('td').nth(3)).toHaveText('1234.50');
});

test('every column header is named exactly its column, and the units are said where they show', async ({ page }) => {
  await openApp(page);
  await placeOrder(page, 'Ada', '49.90');
  await expectEventCount(page, '1 event');
  const columns = {
    'Traditional table': ['order_id', 'customer_id', 'order_date', 'total_amount', 'status'],
    'Event log': ['event_id', 'order_id', 'event_type', 'event_data', 'event_timestamp'],
  };
  for (const [region, names] of Object.entries(columns)) {
    const headers = page.getByRole('region', { name: region }).getByRole('columnheader');
    await expect(headers).toHaveCount(5);
    for (const [i, name] of names.entries()) await expect(headers.nth(i)).toHaveAccessibleName(name);
  }
  // The log keeps 4990 where the table shows 49.90, and says why; times say they are UTC.
  await expect(logRegion(page)).toContainText('money is whole cents (4990 is 49.90): integers, so nothing is ever rounded. Times are UTC.');
  await expect(tableRegion(page)).toContainText('Times are UTC.');
  // The event side's SQL names only the columns the log shows.
  const sql = page.getByRole('region', { name: 'SQL each side just ran' });
  await expect(sql).toContainText('INSERT INTO order_events (event_id, order_id, event_type, event_data, event_timestamp)');
  await expect(sql).not.toContainText('schema_version');
});

test('Load bug story leads to the story, on its order', async ({ page }) => {
  await openApp(page);
  await button(page, 'Load bug story').click();
  await expect(bugStory(page)).toBeFocused();
  await expect(bugStory(page)).toBeInViewport();
  await expect(orderSelect(page)).toHaveValue('2');
});

test('the fix is a correction: paying again is refused, the correction cites the culprit', async ({ page }) => {
  await openApp(page);
  await loadBugStory(page);
  await expect(orderSelect(page)).toHaveValue('2');
  // "Pay again" would charge a second 240.00: the rules refuse it, nothing changes.
  await button(page, 'Pay').click();
  await expect(page.getByRole('alert')).toHaveText(
    'Order 2 is already paid in full (240.00): paying again would charge the customer twice. If its status is wrong, record a correction instead.');
  await expectEventCount(page, '10 events');

  const story = bugStory(page);
  await expect(story).toContainText('Paying again would charge the customer a second 240.00');
  await story.getByRole('button', { name: 'Record the correction' }).click();
  await expectEventCount(page, '11 events');
  await expect(story.getByRole('status')).toContainText('Recorded as event 11: PaymentProblemRetracted citing event 8.');
  await expect(statusCell(page, 2)).toContainText('Paid');
  const newest = logRegion(page).locator('tbody tr').first();
  await expect(newest).toContainText('PaymentProblemRetracted');
  await expect(newest).toContainText('"retracts": 8');
  await expect(newest).toContainText('"status": "Paid"');
  // The derived state agrees with the row, and the order was paid once.
  const derived = page.getByRole('region', { name: 'Derived by replaying events' });
  await expect(derived).toContainText('Agrees with the traditional row for order 2.');
  await expect(derived).toContainText('240.00');
  await expect(derived).not.toContainText('480.00');
});

test('key hints for a keyboard are not shown on a touch screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await openApp(page);
  await expect(page.locator('#timeline-keys')).toBeHidden();
  await expect(button(page, 'Pay').locator('kbd')).toBeHidden();
  await context.close();
});

test('a download the browser refuses says so, in the SQL panel and the storage panel', async ({ page }) => {
  // A browser that will not make a file from the page (a policy, a full disk, an extension).
  await page.addInitScript(() => {
    URL.createObjectURL = () => { throw new Error('blocked by policy'); };
  });
  await openApp(page);
  await placeOrder(page, 'Ada', '1.00');
  await expectEventCount(page, '1 event');
  const sql = page.getByRole('region', { name: 'SQL each side just ran' });
  await sql.getByRole('button', { name: 'Download traditional.sql' }).click();
  await expect(sql.getByRole('alert')).toContainText('The download did not start');
  await page.getByText('Storage, export and import').click();
  await button(page, 'Export JSON').click();
  await expect(page.locator('.panel-storage').getByRole('alert')).toContainText('The download did not start');
  await expectEventCount(page, '1 event');
});
