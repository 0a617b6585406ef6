// Share links, as a teacher and a class use them: copy a link that carries the log, open it
// elsewhere (asked before anything is replaced), and broken or hostile links refused with a
// message while nothing changes.
import { test, expect, openApp, expectNoA11yViolations, screenshot } from './fixtures';
import {
  bothDatabases, button, expectEventCount, loadBlogExample, placeOrder, statusCell, tableRows,
} from './page-helpers';
import { openAsStudent, sharePanel } from './replay-helpers';
import type { Page } from '@playwright/test';

/** A link to the app carrying `payload` (the part after `#scenario=`). */
const linkWith = (payload: string) => `./#scenario=${payload}`;
/** Hand-made payloads: bytes in the share format, base64url-encoded. */
const payloadOf = (bytes: number[]) => Buffer.from(bytes).toString('base64url');

async function makeShareLink(page: Page): Promise<string> {
  await sharePanel(page).getByRole('button', { name: 'Copy share link' }).click();
  const field = sharePanel(page).getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#scenario=[A-Za-z0-9_-]+$/);
  await expect(field).not.toBeEditable();
  // The clipboard may be refused in a headless browser: either way the learner is told.
  await expect(sharePanel(page).getByRole('status').last()).not.toBeEmpty();
  return field.inputValue();
}

test('a shared link carries the scenario to another browser, which asks first', async ({ page, browser }) => {
  await openApp(page);
  await expect(sharePanel(page).getByRole('button', { name: 'Copy share link' })).toBeDisabled();
  await loadBlogExample(page);
  await button(page, 'Pay').click(); // order 4, so the log is the teacher's own
  const link = await makeShareLink(page);
  expect(new URL(link).pathname).toBe('/event-sourcing-demo/');
  await screenshot(page, 'share-link');
  await expectNoA11yViolations(page, 'with a share link shown');
  // Without the highlight of the last change, as anyone opening the log sees it.
  await page.reload();
  await expectEventCount(page, '11 events');
  const teacher = await bothDatabases(page);

  // A student with an empty log: asked, then the same databases.
  const { context, student, problems } = await openAsStudent(browser, link);
  const dialog = student.getByRole('alertdialog');
  await expect(dialog).toContainText('Load the shared scenario of 11 events?');
  await expectNoA11yViolations(student, 'asking before loading a shared scenario');
  await dialog.getByRole('button', { name: 'Load the scenario' }).click();
  await expectEventCount(student, '11 events');
  expect(await bothDatabases(student)).toEqual(teacher);
  await expect(statusCell(student, 4)).toHaveText('Paid');
  // The link is not left in the address: a reload does not ask again.
  expect(new URL(student.url()).hash).toBe('');
  await student.reload();
  await expect(student.locator('body')).toHaveAttribute('data-app-ready', 'true');
  await expect(student.getByRole('alertdialog')).toHaveCount(0);
  expect(problems).toEqual([]);
  await context.close();
});

test('a visitor with a log of their own can keep it', async ({ page }) => {
  await openApp(page);
  await loadBlogExample(page);
  const link = await makeShareLink(page);
  await button(page, 'Reset').click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await placeOrder(page, 'Mine', '1.00');
  await placeOrder(page, 'Also mine', '2.00');
  await expectEventCount(page, '2 events');
  const mine = await bothDatabases(page);

  // Pasted into the same tab: only the fragment changes, the app still notices.
  await page.goto(link);
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Replace your log of 2 events with the shared scenario of 10 events?');
  await dialog.getByRole('button', { name: 'Keep everything' }).click();
  await expect(dialog).toBeHidden();
  expect(await bothDatabases(page)).toEqual(mine);

  // Opened again and accepted: replaced.
  await page.goto(link);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace my log' }).click();
  await expectEventCount(page, '10 events');
  await expect(tableRows(page)).toHaveCount(4);
});

const broken: [string, string, string][] = [
  ['not base64', 'abc$def', 'character 4 cannot appear in a share link'],
  ['cut off', payloadOf([1, 0, 1, 3, 65, 100]), 'This link is cut off'],
  ['from a newer version', payloadOf([2, 0]), 'share format 2'],
  ['an unknown event type', payloadOf([1, 0, 0, 1, 9, 1, 0]), 'event type 9 is unknown'],
  // Order 1 placed, then delivered without being paid or shipped.
  ['breaking the rules', payloadOf([1, 0, 1, 3, 65, 100, 97, 2, 0, 1, 0, 0, 0xc8, 1, 3, 1, 2]),
    'Event 2 of the shared scenario breaks the rules'],
  // A customer named <script> (only ever text) with a total of zero.
  ['with a hostile name and a zero total', payloadOf([1, 0, 1, 8, ...Buffer.from('<script>'), 1, 0, 1, 0, 0, 0]),
    'Event 1 of the shared scenario breaks the rules'],
  ['oversized', 'A'.repeat(100_001), 'too long for a link'],
];

for (const [what, payload, message] of broken) {
  test(`a link ${what} is refused with a message and changes nothing`, async ({ page }) => {
    await openApp(page);
    await placeOrder(page, 'Ada', '5.00');
    await expectEventCount(page, '1 event');
    const before = await bothDatabases(page);
    await page.goto(linkWith(payload));
    const alert = page.getByRole('alert').filter({ hasText: 'The share link was not opened' });
    await expect(alert).toContainText(message);
    await expect(alert).toContainText('Your own log is unchanged.');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    expect(await bothDatabases(page)).toEqual(before);
    if (what === 'breaking the rules') {
      await screenshot(page, 'share-link-refused');
      await expectNoA11yViolations(page, 'with a refused share link');
    }
    await page.getByRole('button', { name: 'Close message' }).click();
    await expect(alert).toHaveCount(0);
    // Opening the app fresh with the same link: refused the same way.
    await page.goto('about:blank');
    await page.goto(linkWith(payload));
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    await expectEventCount(page, '1 event');
  });
}
