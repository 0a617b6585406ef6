// The side-by-side page, driven by clicks as a learner drives it: both databases change live,
// the traditional row is overwritten (old value struck through) and the log only grows.
import { readFileSync } from 'node:fs';
import { test, expect, openApp, expectNoA11yViolations, screenshot } from './fixtures';
import {
  bothDatabases, button, currentValue, eventTypes, expectEventCount, loadBlogExample, logRegion,
  logRows, orderSelect, placeOrder, rowOf, selectOrder, statusCell, tableRegion, tableRows,
} from './page-helpers';

test('the first screen shows both empty databases, their columns and a hint', async ({ page }) => {
  await openApp(page);
  const table = tableRegion(page);
  const log = logRegion(page);
  await expect(table.getByRole('columnheader')).toHaveText(
    ['order_id', 'customer_id', 'order_date', 'total_amount', 'status']);
  await expect(log.getByRole('columnheader')).toHaveText(
    ['event_id', 'order_id', 'event_type', 'event_data', 'event_timestamp']);
  await expectEventCount(page, '0 events');
  await expect(page.getByText('Both databases are empty.')).toBeVisible();
  await expect(table).toContainText('No rows yet');
  await expect(log).toContainText('No events yet');
  // Defaults make one click enough.
  await expect(page.getByLabel('Customer')).not.toHaveValue('');
  await expect(page.getByLabel('Total amount')).not.toHaveValue('');
  await expect(orderSelect(page)).toBeDisabled();
  await expectNoA11yViolations(page, 'on the empty first screen');
});

test('place, pay, ship and deliver: the row is overwritten in place while events are appended', async ({ page }) => {
  await openApp(page);
  await placeOrder(page, 'Ada', '12.50');
  await expect(tableRows(page)).toHaveCount(1);
  await expect(rowOf(page, 1).locator('td').nth(1)).toHaveText('Ada');
  await expect(rowOf(page, 1).locator('td').nth(3)).toHaveText('12.50');
  await expect(statusCell(page, 1)).toHaveText('Placed');
  await expect(orderSelect(page)).toHaveValue('1');
  await expectEventCount(page, '1 event');
  await expect(logRows(page).first()).toHaveClass(/is-new/);

  const steps: [string, string, string, string][] = [
    ['Pay', 'Placed', 'Paid', 'OrderPaid'],
    ['Ship', 'Paid', 'Shipped', 'OrderShipped'],
    ['Deliver', 'Shipped', 'Delivered', 'OrderDelivered'],
  ];
  for (const [[action, before, after, eventType], i] of steps.map((s, i) => [s, i] as const)) {
    await button(page, action).click();
    const cell = statusCell(page, 1);
    // The new value, and the one the UPDATE destroyed, struck through (a <del>).
    await expect(cell.locator('.new-value')).toHaveText(after);
    await expect(cell.locator('del')).toHaveText(before);
    await expect(cell.locator('del')).toHaveCSS('text-decoration-line', 'line-through');
    // Still one row, but one more event, and the newest is highlighted at the top.
    await expect(tableRows(page)).toHaveCount(1);
    await expectEventCount(page, `${i + 2} events`);
    await expect(logRows(page).first().locator('td').nth(2)).toHaveText(eventType);
    await expect(logRows(page).first()).toHaveClass(/is-new/);
    await expect(logRows(page).nth(1)).not.toHaveClass(/is-new/);
    await expect(tableRegion(page).locator('.counter')).toContainText(`${i + 1} value`);
  }
  expect(await eventTypes(page)).toEqual(['OrderPlaced', 'OrderPaid', 'OrderShipped', 'OrderDelivered']);
  // event_data is readable JSON, and the ship event keeps what the table had no column for.
  await expect(logRows(page).nth(1).locator('td').nth(3)).toHaveText(/"carrier": "DHL", "tracking_number": "DHL-0001"/);
  await expect(tableRegion(page)).not.toContainText('DHL-0001');
  // The SQL each side ran: an UPDATE beside an INSERT.
  const sql = page.getByRole('region', { name: 'SQL each side just ran' });
  await expect(sql).toContainText("UPDATE orders SET status = 'Delivered' WHERE order_id = 1;");
  await expect(sql).toContainText('INSERT INTO order_events');
  // The state derived from the events agrees with the row.
  const derived = page.getByRole('region', { name: 'Derived by replaying events' });
  await expect(derived).toContainText('Agrees with the traditional row for order 1');
  await expectNoA11yViolations(page, 'after a delivered order');
});

test('the SQL panel copies what each side ran and downloads both whole-database scripts', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await loadBlogExample(page);
  await selectOrder(page, 4);
  await button(page, 'Pay').click();
  const sql = page.getByRole('region', { name: 'SQL each side just ran' });
  await sql.getByRole('button', { name: 'Copy traditional SQL' }).click();
  await expect(sql.getByRole('status')).toHaveText('Copied traditional SQL.');
  expect(await page.evaluate(() => navigator.clipboard.readText()))
    .toBe("UPDATE orders SET status = 'Paid' WHERE order_id = 4;");
  await sql.getByRole('button', { name: 'Copy event SQL' }).click();
  await expect(sql.getByRole('status')).toHaveText('Copied event SQL.');
  expect(await page.evaluate(() => navigator.clipboard.readText()))
    .toMatch(/^INSERT INTO order_events \(event_id, order_id, .*\) VALUES \(11, 4, .*'OrderPaid', '\{"amount":31040\}'/);

  const traditional = page.waitForEvent('download');
  await sql.getByRole('button', { name: 'Download traditional.sql' }).click();
  const table = readFileSync(await (await traditional).path(), 'utf8');
  expect(table).toContain('CREATE TABLE orders');
  expect(table.match(/INSERT INTO orders /g)).toHaveLength(4);
  expect(table).not.toContain('order_events');
  const sourced = page.waitForEvent('download');
  await sql.getByRole('button', { name: 'Download event_sourced.sql' }).click();
  const log = readFileSync(await (await sourced).path(), 'utf8');
  expect(log.match(/INSERT INTO order_events /g)).toHaveLength(11);
  expect(log).not.toContain('UPDATE');
});

test('cancel order: the reason goes into the log, the table only learns "Cancelled"', async ({ page }) => {
  await openApp(page);
  await placeOrder(page);
  await button(page, 'Pay').click();
  await page.getByLabel('Cancel reason').fill('Found it cheaper elsewhere');
  await button(page, 'Cancel order').click();
  await expect(statusCell(page, 1).locator('.new-value')).toHaveText('Cancelled');
  await expect(statusCell(page, 1).locator('del')).toHaveText('Paid');
  await expect(logRows(page).first()).toContainText('"reason": "Found it cheaper elsewhere"');
  await expect(logRows(page).first()).toContainText('"refund"');
  await expect(tableRegion(page).locator('table')).not.toContainText('Found it cheaper elsewhere');
  await expect(tableRegion(page).locator('.lost-facts')).toContainText('Found it cheaper elsewhere');
});

test("the blog's four orders, placed and moved on by clicks", async ({ page }) => {
  await openApp(page);
  const act = async (orderId: number, action: string) => {
    await selectOrder(page, orderId);
    await button(page, action).click();
  };
  await placeOrder(page, 'Maria García', '49.90');
  await act(1, 'Pay');
  await placeOrder(page, "Tom O'Brien", '125.00');
  await act(1, 'Ship');
  await placeOrder(page, 'Priya Shah', '18.75');
  await act(3, 'Pay');
  await act(2, 'Pay');
  await act(3, 'Ship');
  await act(1, 'Deliver');
  await placeOrder(page, 'Jonas Berg', '310.40');

  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectEventCount(page, '10 events');
  await expect(tableRows(page)).toHaveCount(4);
  const statuses = await Promise.all([1, 2, 3, 4].map((id) => currentValue(statusCell(page, id))));
  expect(statuses).toEqual(['Delivered', 'Paid', 'Shipped', 'Placed']);
  await expect(rowOf(page, 2).locator('td').nth(1)).toHaveText("Tom O'Brien");
  expect(await eventTypes(page)).toEqual([
    'OrderPlaced', 'OrderPaid', 'OrderPlaced', 'OrderShipped', 'OrderPlaced',
    'OrderPaid', 'OrderPaid', 'OrderShipped', 'OrderDelivered', 'OrderPlaced',
  ]);
  // The options of the Order select are the order ids.
  const values = await orderSelect(page).locator('option').evaluateAll(
    (options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(values).toEqual(['1', '2', '3', '4']);
});

test('Load blog example fills both databases; over a non-empty log it asks first', async ({ page }) => {
  await openApp(page);
  await button(page, 'Load blog example').click();
  await expectEventCount(page, '10 events');
  const statuses = await Promise.all([1, 2, 3, 4].map((id) => currentValue(statusCell(page, id))));
  expect(statuses).toEqual(['Delivered', 'Paid', 'Shipped', 'Placed']);
  await expect(tableRegion(page).locator('.counter')).toContainText('6 values overwritten');

  await placeOrder(page);
  await expectEventCount(page, '11 events');
  await button(page, 'Load blog example').click();
  const dialog = page.getByRole('alertdialog', { name: 'Replace the current log with the blog example?' });
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page, 'with the confirm dialog open');
  await dialog.getByRole('button', { name: 'Keep everything' }).click();
  await expect(dialog).toBeHidden();
  await expectEventCount(page, '11 events');

  await button(page, 'Load blog example').click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expectEventCount(page, '11 events');

  await loadBlogExample(page);
  await expect(tableRows(page)).toHaveCount(4);
});

test('reset asks before it deletes anything', async ({ page }) => {
  await openApp(page);
  await placeOrder(page);
  await button(page, 'Pay').click();
  await button(page, 'Reset').click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete every order and every event?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep everything' }).click();
  await expectEventCount(page, '2 events');
  await expect(tableRows(page)).toHaveCount(1);

  await button(page, 'Reset').click();
  await dialog.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expectEventCount(page, '0 events');
  await expect(tableRows(page)).toHaveCount(0);
  await expect(orderSelect(page)).toBeDisabled();
});

test('a forbidden action changes nothing in either table and says why next to the buttons', async ({ page }) => {
  await openApp(page);
  // Nothing to act on yet.
  await button(page, 'Pay').click();
  await expect(page.getByRole('alert')).toContainText('place an order first');

  await placeOrder(page);
  await expectEventCount(page, '1 event'); // a write waits for the cross-tab lock: let it land
  await expect(page.getByRole('alert')).toHaveCount(0);
  const before = await bothDatabases(page);
  for (const [action, reason] of [
    ['Ship', 'Order 1 cannot be shipped: it is Placed, not Paid.'],
    ['Deliver', 'Order 1 cannot be delivered: it is Placed, not Shipped.'],
  ]) {
    await button(page, action).click();
    await expect(page.getByRole('alert')).toHaveText(reason);
    expect(await bothDatabases(page)).toEqual(before);
  }
  // The alert sits in the actions area, beside the buttons that caused it.
  const actions = page.getByRole('region', { name: 'Act on an order' });
  await expect(actions.getByRole('alert')).toBeVisible();
  await expectNoA11yViolations(page, 'with a rejection shown');

  await button(page, 'Pay').click();
  await button(page, 'Ship').click();
  await expectEventCount(page, '3 events');
  await expect(page.getByRole('alert')).toHaveCount(0);
  const shipped = await bothDatabases(page);
  await button(page, 'Cancel order').click();
  await expect(page.getByRole('alert')).toContainText('Orders can only be cancelled before shipping');
  expect(await bothDatabases(page)).toEqual(shipped);
  await button(page, 'Dismiss').click();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // An invalid amount is refused before anything is written.
  await placeOrder(page, 'Bea', '12.345');
  await expect(page.getByRole('alert')).toContainText('at most two digits after the point');
  expect(await bothDatabases(page)).toEqual(shipped);
});

test('filters narrow the log by order and by event type, and the count says so', async ({ page }) => {
  await openApp(page);
  await loadBlogExample(page);
  const byOrder = page.getByLabel('Filter by order');
  const byType = page.getByLabel('Filter by event type');
  await byOrder.fill('1');
  await expectEventCount(page, '4 of 10 events');
  await expect(logRows(page)).toHaveCount(4);
  for (const cell of await logRows(page).locator('td:nth-child(2)').allInnerTexts()) expect(cell.trim()).toBe('1');

  await byType.selectOption('OrderPaid');
  await expectEventCount(page, '1 of 10 events');
  await byOrder.fill('');
  await expectEventCount(page, '3 of 10 events');
  await expect(logRows(page).locator('td:nth-child(3)')).toHaveText(['OrderPaid', 'OrderPaid', 'OrderPaid']);
  await expectNoA11yViolations(page, 'with a filtered log');

  await byType.selectOption('OrderCancelled');
  await expectEventCount(page, '0 of 10 events');
  await expect(logRegion(page)).toContainText('No events match these filters.');
  await button(page, 'Clear filters').click();
  await expectEventCount(page, '10 events');
  await expect(byType).toHaveValue('');
  await expect(byOrder).toHaveValue('');

  // The order filter is typed (a list of thousands of orders would be no help): an order that
  // does not exist matches nothing, and emptying the box shows every order again.
  await byOrder.fill('99');
  await expectEventCount(page, '0 of 10 events');
  await byOrder.fill('');
  await expectEventCount(page, '10 events');
});

test("selecting an order, or clicking its row, shows its history with each field's change marked", async ({ page }) => {
  await openApp(page);
  await loadBlogExample(page);
  await rowOf(page, 3).click();
  await expect(orderSelect(page)).toHaveValue('3');
  const history = page.getByRole('region', { name: 'History of order 3' });
  const steps = history.locator('tbody tr');
  await expect(steps).toHaveCount(3);
  await expect(steps.locator('th')).toContainText(['OrderPlaced', 'OrderPaid', 'OrderShipped']);
  // Each row is the state after its event; the event that changed a field is marked.
  const status = steps.locator('td:nth-child(2)');
  await expect(status).toHaveText([/Placed/, /Paid/, /Shipped/]);
  await expect(steps.nth(2).locator('td.is-changed-here')).toContainText(['Shipped', 'UPS', '1Z999AA10123456784']);
  await expect(steps.nth(2).locator('td.unchanged').first()).toHaveText('Priya Shah');
  await expect(steps.nth(1).locator('td.is-changed-here')).toContainText(['Paid', '18.75']);

  await selectOrder(page, 1);
  await expect(page.getByRole('region', { name: 'History of order 1' }).locator('tbody tr')).toHaveCount(4);
  const derived = page.getByRole('region', { name: 'Derived by replaying events' });
  await expect(derived).toContainText('replay of its 4 events');
  await expect(derived).toContainText('Agrees with the traditional row for order 1');
  await screenshot(page, 'history');
});

test('the main screen at projector size', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  await loadBlogExample(page);
  await selectOrder(page, 2);
  await button(page, 'Ship').click();
  await expect(statusCell(page, 2).locator('del')).toHaveText('Paid');
  await screenshot(page, 'desktop');
});
