// Shared steps for the side-by-side page specs: every step is something a person does
// (click a named button, choose an option, type in a labelled field).
import { expect, type Locator, type Page } from '@playwright/test';

export const tableRegion = (page: Page) => page.getByRole('region', { name: 'Traditional table' });
export const logRegion = (page: Page) => page.getByRole('region', { name: 'Event log' });
export const orderSelect = (page: Page) => page.getByLabel('Order', { exact: true });
export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** The traditional table's body rows. */
export const tableRows = (page: Page) => tableRegion(page).locator('table tbody tr:not(.empty-row)');
/** The event log's body rows (newest first). */
export const logRows = (page: Page) => logRegion(page).locator('table tbody tr:not(.empty-row)');

/** The traditional row of `orderId` (first column is order_id). */
export function rowOf(page: Page, orderId: number): Locator {
  return tableRows(page).filter({
    has: page.locator('td:first-child', { hasText: new RegExp(`^${orderId}$`) }),
  });
}

/** The status cell of `orderId`'s traditional row. */
export const statusCell = (page: Page, orderId: number) => rowOf(page, orderId).locator('td').nth(4);

/** The current value of a traditional cell: without the struck-through value it replaced. */
export async function currentValue(cell: Locator): Promise<string> {
  const fresh = cell.locator('.new-value');
  return ((await fresh.count()) > 0 ? await fresh.innerText() : await cell.innerText()).trim();
}

export async function expectEventCount(page: Page, text: string) {
  await expect(logRegion(page).locator('.counter')).toHaveText(text);
}

export async function placeOrder(page: Page, customer?: string, total?: string) {
  if (customer !== undefined) await page.getByLabel('Customer').fill(customer);
  if (total !== undefined) await page.getByLabel('Total amount').fill(total);
  await button(page, 'Place order').click();
}

export async function selectOrder(page: Page, orderId: number) {
  await orderSelect(page).selectOption(String(orderId));
  await expect(orderSelect(page)).toHaveValue(String(orderId));
}

/** The event_type column of the log, oldest first. */
export async function eventTypes(page: Page): Promise<string[]> {
  const types = await logRows(page).locator('td:nth-child(3)').allInnerTexts();
  return types.map((t) => t.trim()).reverse();
}

/** Everything both databases show, to prove a refused action changed nothing. */
export async function bothDatabases(page: Page): Promise<string[]> {
  return [
    await tableRegion(page).locator('table').innerText(),
    await logRegion(page).locator('table').innerText(),
    await logRegion(page).locator('.counter').innerText(),
  ];
}

/** Loads the blog's four orders with the examples button (asking first when needed). */
export async function loadBlogExample(page: Page) {
  await button(page, 'Load blog example').click();
  const dialog = page.getByRole('alertdialog');
  const loaded = logRegion(page).locator('.counter', { hasText: /^10 events$/ });
  await expect(dialog.or(loaded)).toBeVisible();
  if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Replace the log' }).click();
  await expectEventCount(page, '10 events');
}
