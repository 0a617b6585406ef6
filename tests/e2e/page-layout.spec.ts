// Looks and access: a 390 px phone (the databases stack, no sideways page scroll), the
// presenter toggle at projector size, the dark theme, and axe-core audits of each state.
import { test, expect, openApp, expectNoA11yViolations, screenshot } from './fixtures';
import { button, expectEventCount, loadBlogExample, logRegion, selectOrder, statusCell, tableRegion } from './page-helpers';

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
