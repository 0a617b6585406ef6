// Looks and access: a 390 px phone (the databases stack, no sideways page scroll, no word
// broken), the presenter toggle at projector size, a 1280x720 projector's first screen, the bug
// story's small table in its card, the dark theme, and axe-core audits of each state.
import { test, expect, openApp, expectNoA11yViolations, screenshot } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import {
  button, expectEventCount, loadBlogExample, logRegion, logRows, selectOrder, statusCell, tableRegion, tableRows,
} from './page-helpers';
import { bugStory, debuggerPanel, loadBugStory, timeTravel } from './replay-helpers';

const PRESENTER_KEY = 'event-sourcing-demo/prefs/presenter';
type Box = { x: number; y: number; width: number; height: number };

/** Whether `inner` lies inside `outer` (a pixel of rounding allowed). */
function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1
    && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
}

/** `target` is whole on the first screen and whole inside its scroll box, which does not scroll sideways. */
async function expectShownWhole(page: Page, target: Locator, what: string) {
  const viewport = page.viewportSize()!;
  const box = (await target.boundingBox())!;
  expect(inside(box, { x: 0, y: 0, ...viewport }), `${what} lies inside the first screen: ${JSON.stringify(box)}`).toBe(true);
  const scrollBox = target.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " table-scroll ")][1]');
  expect(inside(box, (await scrollBox.boundingBox())!), `${what} is not clipped by its table's box`).toBe(true);
}

/** The cells whose content is wider than the cell (spilling into the next one, or cut off). */
async function overflowingCells(table: Locator): Promise<string[]> {
  return table.locator('th, td').evaluateAll((cells) =>
    cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => `${c.textContent} (${c.scrollWidth} > ${c.clientWidth})`));
}

/** Words drawn across two lines inside `root`'s elements matching `selector` (their text split by spaces). */
async function wordsBrokenMidWord(root: Locator, selector: string): Promise<string[]> {
  return root.locator(selector).evaluateAll((elements) => {
    const broken: string[] = [];
    for (const element of elements) {
      if (!(element as HTMLElement).offsetParent) continue; // not shown
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(`"${match[0]}" in ${element.tagName.toLowerCase()}.${element.className}`);
        }
      }
    }
    return broken;
  });
}

/** The actions, the whole traditional table and the newest event, all on the first screen. */
async function expectProjectorFirstScreen(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const name of ['Place order', 'Pay', 'Ship', 'Deliver', 'Cancel order']) {
    await expect(button(page, name), `${name} on the first screen`).toBeInViewport({ ratio: 1 });
  }
  const table = tableRegion(page);
  for (const column of ['order_id', 'customer_id', 'order_date', 'total_amount', 'status']) {
    await expectShownWhole(page, table.getByRole('columnheader', { name: column, exact: true }), `the ${column} header`);
  }
  for (const row of await tableRows(page).all()) await expectShownWhole(page, row.locator('td').nth(4), 'a status cell');
  expect(await overflowingCells(table.locator('table')), 'traditional cells wider than their column').toEqual([]);
  const newest = logRows(page).first();
  await expectShownWhole(page, newest, 'the newest event');
  await expect(newest.locator('td').nth(2).locator('.type-badge')).toBeInViewport({ ratio: 1 });
  const scroller = table.locator('.table-scroll');
  expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth), 'the traditional table scrolls sideways').toBeLessThanOrEqual(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'horizontal page overflow in px').toBeLessThanOrEqual(0);
}

test('on a 390 px phone the two databases stack and the page never scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await loadBlogExample(page);
  await selectOrder(page, 2);
  await button(page, 'Ship').click();
  await expect(statusCell(page, 2).locator('del')).toHaveText('Paid');

  const table = await tableRegion(page).boundingBox();
  const log = await logRegion(page).boundingBox();
  expect(table && log).toBeTruthy();
  // Stacked: same column, the log below the table, each about the screen's width.
  expect(Math.abs(table!.x - log!.x)).toBeLessThan(2);
  expect(log!.y).toBeGreaterThanOrEqual(table!.y + table!.height);
  expect(table!.width).toBeLessThanOrEqual(390);
  expect(table!.width).toBeGreaterThan(300);

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'horizontal page overflow in px').toBeLessThanOrEqual(0);
  // Wide tables scroll inside their own box instead.
  const logScroll = logRegion(page).locator('.table-scroll');
  expect(await logScroll.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  // Every action button is at least 24 px tall and wide enough to hit with a thumb.
  for (const name of ['Place order', 'Pay', 'Ship', 'Deliver', 'Cancel order']) {
    const box = await button(page, name).boundingBox();
    expect(box!.height, name).toBeGreaterThanOrEqual(24);
    expect(box!.x + box!.width, name).toBeLessThanOrEqual(390);
  }
  await expectNoA11yViolations(page, 'on a phone');
  await tableRegion(page).scrollIntoViewIfNeeded();
  await screenshot(page, 'phone');
  await page.screenshot({ path: 'test-results/screenshots/phone-full.png', fullPage: true });
});

test('the presenter toggle enlarges type at projector size, and is remembered', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  await loadBlogExample(page);
  const heading = tableRegion(page).getByRole('heading', { name: 'Traditional table' });
  const cell = statusCell(page, 1);
  const sizeOf = (l: typeof cell) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const before = { heading: await sizeOf(heading), cell: await sizeOf(cell) };

  const toggle = page.getByRole('button', { name: 'Presenter mode' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const after = { heading: await sizeOf(heading), cell: await sizeOf(cell) };
  expect(after.heading).toBeGreaterThan(before.heading * 1.2);
  expect(after.cell).toBeGreaterThan(before.cell * 1.2);
  await selectOrder(page, 3);
  await button(page, 'Deliver').click();
  await expect(statusCell(page, 3).locator('del')).toHaveText('Shipped');
  // The whole traditional row fits, changed status cell included: no sideways scrolling.
  const scroller = tableRegion(page).locator('.table-scroll');
  expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  // And the databases start in the upper half of the screen, so the class sees them.
  expect((await tableRegion(page).boundingBox())!.y).toBeLessThan(540);
  await expectNoA11yViolations(page, 'in presenter mode');
  await screenshot(page, 'presenter');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  expect(await sizeOf(heading)).toBeCloseTo(before.heading, 0);
});

test('light and dark themes follow the system, and both pass the audit', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    const luminance = (r + g + b) / 3;
    if (scheme === 'dark') expect(luminance).toBeLessThan(60);
    else expect(luminance).toBeGreaterThan(200);
    await expectNoA11yViolations(page, `empty, ${scheme}`);

    await loadBlogExample(page);
    await selectOrder(page, 2);
    await button(page, 'Ship').click();
    await button(page, 'Ship').click(); // refused: shows the alert
    await expect(page.getByRole('alert')).toContainText('cannot be shipped');
    await page.getByLabel('Filter by order').fill('2');
    await expectEventCount(page, '3 of 11 events');
    await expectNoA11yViolations(page, `after actions, an alert and a filter, ${scheme}`);
    if (scheme === 'dark') await screenshot(page, 'dark');
    await button(page, 'Reset').click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expectEventCount(page, '0 events');
  }
});

test('animations are switched off for people who ask for reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await button(page, 'Place order').click();
  await button(page, 'Pay').click();
  const names = await page.evaluate(() =>
    [...document.querySelectorAll('tr.is-new td, .overwritten, .alert')].map((el) => getComputedStyle(el).animationName));
  expect(names.length).toBeGreaterThan(0);
  expect(new Set(names)).toEqual(new Set(['none']));
});

test('a 1280x720 projector in presenter mode shows the actions and both databases whole in its first screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript((key) => localStorage.setItem(key, 'true'), PRESENTER_KEY);
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'true');

  // The blog's orders, one status just changed (the old value struck through beside the new).
  await loadBlogExample(page);
  await selectOrder(page, 3);
  await button(page, 'Deliver').click();
  await expect(statusCell(page, 3).locator('del')).toHaveText('Shipped');
  await expect(logRows(page).first()).toContainText('OrderDelivered');
  await expectProjectorFirstScreen(page);
  await screenshot(page, 'presenter-1280x720');

  // The widest values: PaymentProblem in the table, PaymentProblemReported in the log.
  await loadBugStory(page);
  await selectOrder(page, 2);
  await expect(statusCell(page, 2)).toHaveText('PaymentProblem');
  await page.getByLabel('Filter by event type').selectOption('PaymentProblemReported');
  await expectEventCount(page, '1 of 10 events');
  await expectProjectorFirstScreen(page);
  await expectNoA11yViolations(page, 'presenter mode at 1280x720');
});

test('the bug story\'s own small table fits its card, on laptops and projectors', async ({ page }) => {
  const sizes = [
    { width: 1280, height: 800, presenter: false }, { width: 1366, height: 768, presenter: false },
    { width: 1440, height: 900, presenter: false }, { width: 1280, height: 720, presenter: true },
    { width: 1440, height: 900, presenter: true }, { width: 1920, height: 1080, presenter: true },
  ];
  await openApp(page);
  await loadBugStory(page);
  for (const { width, height, presenter } of sizes) {
    const what = `${width}x${height}${presenter ? ' presenter' : ''}`;
    await page.setViewportSize({ width, height });
    const toggle = page.getByRole('button', { name: 'Presenter mode' });
    if ((await toggle.getAttribute('aria-pressed')) !== String(presenter)) await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', String(presenter));
    const table = bugStory(page).getByRole('table', { name: 'The traditional row of order 2' });
    await table.scrollIntoViewIfNeeded();
    await expect(table).toContainText('PaymentProblem');
    const card = table.locator('xpath=ancestor::li[1]');
    const content = await card.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      const [left, right] = [parseFloat(s.paddingLeft) + parseFloat(s.borderLeftWidth), parseFloat(s.paddingRight) + parseFloat(s.borderRightWidth)];
      return { x: r.x + left, y: r.y, width: r.width - left - right, height: r.height };
    });
    expect(inside((await table.boundingBox())!, content), `${what}: the table inside its card`).toBe(true);
    expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth), `${what}: the table wider than its box`).toBeLessThanOrEqual(0);
    expect(await overflowingCells(table), `${what}: cells wider than their column`).toEqual([]);
    expect(await wordsBrokenMidWord(table, 'th, td'), `${what}: words broken`).toEqual([]);
  }
});

test('on a 390 px phone no status, event type or bug-story value is broken mid-word', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await openApp(page);
  await loadBugStory(page);
  await bugStory(page).getByRole('button', { name: 'Find the culprit' }).click();
  await expect(debuggerPanel(page)).toBeInViewport();

  const pills = '.status-badge, .type-badge';
  const checks: [string, Locator, string][] = [
    ['the actions', page.locator('.action-bar'), pills],
    ['the traditional table', tableRegion(page), `${pills}, th, td.col-status`],
    ['the event log', logRegion(page), `${pills}, th`],
    ['time travel', timeTravel(page), `${pills}, th, td`],
    ['the bug story', bugStory(page), `${pills}, th, td, dd`],
    ['the replay debugger', debuggerPanel(page), `${pills}, th, td`],
  ];
  for (const [what, region, selector] of checks) {
    await region.scrollIntoViewIfNeeded(); // panels below the fold are laid out when near
    expect(await wordsBrokenMidWord(region, selector), `${what}: words broken across lines`).toEqual([]);
  }
  // The bug story's row, too wide for a phone, stands on its side: every value on screen.
  const row = bugStory(page).getByRole('table', { name: 'The traditional row of order 2' });
  await expect(row.getByRole('rowheader', { name: 'status' })).toBeVisible();
  await expect(row.getByRole('row', { name: /^status/ })).toContainText('PaymentProblem');
  expect(await row.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'horizontal page overflow in px').toBeLessThanOrEqual(0);
  await expectNoA11yViolations(page, 'on a phone with the bug story and the debugger');
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, 'phone-390');
  await context.close();
});

test('on a phone the traditional table scrolls sideways to show the cell an action changed', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await loadBlogExample(page);
  await selectOrder(page, 2);
  await button(page, 'Ship').click();
  const changed = statusCell(page, 2);
  await expect(changed.locator('del')).toHaveText('Paid');
  const box = await tableRegion(page).locator('.table-scroll').boundingBox();
  const cell = await changed.boundingBox();
  // The status cell, where the old value is struck through, lies inside the visible box.
  expect(cell!.x).toBeGreaterThanOrEqual(box!.x - 1);
  expect(cell!.x + cell!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
});
