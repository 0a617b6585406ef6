// The guided lesson, as a class follows it. Every step puts the page into the state its text
// describes however it is reached (Next alone from an empty log, Previous, a jump, a reload
// that resumes), notices a task when it is done and offers "Show me", has one primary button,
// never replaces the learner's own log without asking, and reads on a projector and a phone.
import type { Page } from '@playwright/test';
import { test, expect, openApp, expectNoA11yViolations, screenshot } from './fixtures';
import { expectEventCount, orderSelect, placeOrder, statusCell, tableRegion, logRegion } from './page-helpers';
import { debuggerPanel, expectPosition, lessonBar } from './replay-helpers';

const TITLES = [
  'Two ways to keep orders',
  'The traditional schema',
  'What an UPDATE forgets',
  'The event schema',
  "The blog's four orders",
  'State is derived by replay',
  'Travel in time',
  'The bug nobody could reproduce',
  'Finding the culprit',
  'The fix: a correction, not a second payment',
  'When event sourcing fits, and when it does not',
  'Beyond the basics: a question nobody planned',
  'Several views of one log',
  'Two clerks, one order: the lost update',
  'Old events stay readable',
  'Challenges only the log can answer',
];
const STEPS = TITLES.length;

/** The element the lesson outlines: exactly one, visible and scrolled into view. */
async function expectOutlined(page: Page, selector: string) {
  const outlined = page.locator('[data-lesson-target]');
  await expect(outlined).toHaveCount(1);
  await expect(page.locator(selector)).toHaveAttribute('data-lesson-target', 'true');
  await expect(outlined).toBeInViewport({ ratio: 0.1 });
  await expect(outlined).toHaveCSS('outline-style', 'solid');
}

async function expectStep(page: Page, n: number) {
  const bar = lessonBar(page);
  await expect(bar.getByRole('combobox', { name: 'Lesson step' })).toHaveValue(String(n - 1));
  await expect(bar.getByRole('combobox', { name: 'Lesson step' }).locator('option:checked'))
    .toHaveText(`Step ${n} of ${STEPS}: ${TITLES[n - 1]}`);
  await expect(bar.getByRole('progressbar', { name: 'Lesson progress' })).toHaveAttribute('value', String(n));
  await expect(bar.getByRole('heading', { level: 2 })).toHaveText(TITLES[n - 1]);
}

/** The bar has exactly one primary button, and it is this one. */
async function expectPrimary(page: Page, name: RegExp | string) {
  const primary = lessonBar(page).locator('.button-primary');
  await expect(primary).toHaveCount(1);
  await expect(primary).toHaveText(name);
}

const next = (page: Page) => lessonBar(page).getByRole('button', { name: 'Next step' });

test('Next alone, from an empty log: every step shows what its text says', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  await page.getByRole('button', { name: 'Start the lesson' }).click();
  const bar = lessonBar(page);
  await expectStep(page, 1);
  await expect(bar.getByRole('button', { name: 'Previous step' })).toBeDisabled();
  await expect(bar).toContainText('on the left');
  await expect(bar).toContainText('on a narrow screen, the table on top and the log below it');
  await expectOutlined(page, '#databases');
  await expectPrimary(page, /Next step/);
  await expectNoA11yViolations(page, 'on the first lesson step');

  await next(page).click();
  await expectStep(page, 2);
  await expectOutlined(page, '.db-table');

  // Step 3 asks for something: the card with Place order is outlined, "Show me" does it, and
  // the step notices it is done.
  await next(page).click();
  await expectStep(page, 3);
  await expectOutlined(page, '.controls');
  await expect(page.locator('.controls').getByRole('button', { name: 'Place order' })).toBeVisible();
  await expectPrimary(page, 'Show me');
  await bar.getByRole('button', { name: 'Show me' }).click();
  await expect(bar.getByRole('status')).toContainText('Done: the status went from Placed to Paid');
  await expectEventCount(page, '2 events');
  await expect(statusCell(page, 1)).toContainText('Paid');
  await expectPrimary(page, /Next step/);

  // Step 4 says where the ids-only orders table is: under the log's heading.
  await next(page).click();
  await expectStep(page, 4);
  await expectOutlined(page, '.db-log');
  await expect(bar).toContainText("listed under the log's heading");
  await expect(logRegion(page).locator('.db-ids')).toHaveText('orders keeps only ids: 1');

  // Step 5 is about the blog's four orders: they are loaded (the lesson's own log is replaced
  // without asking), and the page shows four rows and ten events, as the text says.
  await next(page).click();
  await expectStep(page, 5);
  await expectEventCount(page, '10 events');
  await expect(tableRegion(page).locator('.counter-rows')).toHaveText('4 rows');
  await expect(bar).toContainText('The table shows four rows. The log shows the ten events behind them.');
  await expectOutlined(page, '#databases');

  await next(page).click();
  await expectStep(page, 6);
  await expect(orderSelect(page)).toHaveValue('1');
  await expect(page.getByRole('region', { name: 'History of order 1' })).toBeVisible();
  await expectOutlined(page, '.panel-history');

  await next(page).click();
  await expectStep(page, 7);
  await expect(bar).toContainText('The timeline stands at event 3');
  await expectPosition(page, 3, 10);
  await expectOutlined(page, '#time-travel');
  await expectNoA11yViolations(page, 'on the time-travel lesson step');

  await next(page).click();
  await expectStep(page, 8);
  await expectOutlined(page, '#bug-story');
  await expect(statusCell(page, 2)).toHaveText('PaymentProblem');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  await next(page).click();
  await expectStep(page, 9);
  await expect(debuggerPanel(page)).toContainText('This is the culprit.');
  await expectOutlined(page, '#replay-debugger .rd-step.is-culprit');
  await expectPrimary(page, 'Show me');
  await bar.getByRole('button', { name: 'Show me' }).click();
  await expect(debuggerPanel(page).getByRole('checkbox', { name: 'Skip event 8' })).toBeChecked();
  await expect(bar.getByRole('status')).toContainText('Done: replayed without the culprit, the order is Paid');
  await expectEventCount(page, '10 events');

  await next(page).click();
  await expectStep(page, 10);
  await expectOutlined(page, '.bs-correct');
  await expect(bar).toContainText('Paying again would charge the customer twice');
  await bar.getByRole('button', { name: 'Show me' }).click();
  await expect(bar.getByRole('status')).toContainText('Done: the correction is a new event');
  await expectEventCount(page, '11 events');
  await expect(statusCell(page, 2)).toContainText('Paid');
  await expect(logRegion(page).locator('tbody tr').first()).toContainText('PaymentProblemRetracted');

  await next(page).click();
  await expectStep(page, 11);
  await expectOutlined(page, '#bug-story-why');
  await expect(bar).toContainText('CRUD (create, read, update, delete');

  // Part 2. A question nobody planned, answered by a read model built on the spot.
  await next(page).click();
  await expectStep(page, 12);
  await expectOutlined(page, '#questions');
  const questions = page.getByRole('region', { name: 'Questions only the log can answer' });
  await expect(questions.getByLabel('How long did each order wait between payment and shipping?')).toBeChecked();
  await expect(questions.getByRole('status')).toContainText('A new read model, built by replaying 10 events');
  await expect(questions).toContainText('It cannot.');

  await next(page).click();
  await expectStep(page, 13);
  await expect(questions.getByLabel('What was the revenue per day (money received, less refunds)?')).toBeChecked();

  await next(page).click();
  await expectStep(page, 14);
  await expectOutlined(page, '#two-clerks');
  await expectPrimary(page, 'Show me');
  await bar.getByRole('button', { name: 'Show me' }).click();
  await expect(bar.getByRole('status')).toContainText("Done: the table kept Ben's Cancelled over Ana's Shipped");
  await expect(page.getByRole('region', { name: 'Two clerks, one order' })).toContainText('Refused: Ben decided on version 2');

  await next(page).click();
  await expectStep(page, 15);
  await expectOutlined(page, '.db-log .upcast >> nth=0');
  await expect(logRegion(page).locator('details.upcast')).toHaveCount(7);
  await expect(bar).toContainText('every version ever written must stay readable');

  await next(page).click();
  await expectStep(page, 16);
  await expectOutlined(page, '#challenges');
  await expectEventCount(page, '10 events');
  await expect(page.getByRole('region', { name: 'Challenges' })).toContainText('About the blog example, which is on this page.');
  await expect(bar.getByRole('button', { name: 'Next step' })).toHaveCount(0);
  await expectPrimary(page, 'Finish the lesson');
  await expectNoA11yViolations(page, 'on the last lesson step');
  await bar.getByRole('button', { name: 'Finish the lesson' }).click();
  await expect(lessonBar(page)).toHaveCount(0);
  await expect(page.locator('[data-lesson-target]')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('event-sourcing-demo/prefs/lesson'))).toBeNull();
  await expect(page.getByRole('button', { name: 'Start the lesson' })).toBeVisible();
});

test('arrow keys, Previous, a jump and a reload each set up the step they land on', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Start the lesson' }).click();
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 2);
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 1);
  // Not while typing: the arrows move the caret there.
  await page.getByLabel('Customer').focus();
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 1);

  // A jump straight to the bug story's culprit loads the story and opens the debugger on it.
  await lessonBar(page).getByRole('combobox', { name: 'Lesson step' }).selectOption({ label: `Step 9 of ${STEPS}: Finding the culprit` });
  await expectStep(page, 9);
  await expect(debuggerPanel(page)).toContainText('This is the culprit.');
  await expect(statusCell(page, 2)).toHaveText('PaymentProblem');

  // Previous twice: the blog again, the timeline at event 3.
  await lessonBar(page).getByRole('button', { name: 'Previous step' }).click();
  await lessonBar(page).getByRole('button', { name: 'Previous step' }).click();
  await expectStep(page, 7);
  await expectEventCount(page, '10 events');
  await expect(statusCell(page, 1)).toHaveText('Delivered');
  await expectPosition(page, 3, 10);

  // A reload resumes the step, and sets it up again.
  await page.getByRole('button', { name: 'Load bug story' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace the log' }).click();
  await expect(statusCell(page, 2)).toHaveText('PaymentProblem');
  expect(await page.evaluate(() => localStorage.getItem('event-sourcing-demo/prefs/lesson'))).toBe('{"step":6,"owns":true}');
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  await expectStep(page, 7);
  await expectEventCount(page, '10 events');
  await expect(statusCell(page, 1)).toHaveText('Delivered');
  await expectPosition(page, 3, 10);
  await expectOutlined(page, '#time-travel');
  // The remembered step is a preference, not stored data the log's recovery would question.
  await expect(page.getByRole('region', { name: 'Stored data needs your decision' })).toHaveCount(0);
});

test("the learner's own log is replaced only if they say so; if not, the step says it is not shown", async ({ page }) => {
  await openApp(page);
  await placeOrder(page, 'Mine', '7.00');
  await expectEventCount(page, '1 event');
  await page.getByRole('button', { name: 'Start the lesson' }).click();
  await lessonBar(page).getByRole('combobox', { name: 'Lesson step' }).selectOption('4');
  await expectStep(page, 5);
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText("This lesson step is about the blog's four orders. Load them in place of your log?");
  await dialog.getByRole('button', { name: 'Keep everything' }).click();
  await expectEventCount(page, '1 event');
  const bar = lessonBar(page);
  await expect(bar).toContainText("This step is about the blog's four orders. Your own log is kept instead");
  await expect(bar).not.toContainText('The table shows four rows');
  await expectPrimary(page, "Load the blog's four orders");
  await bar.getByRole('button', { name: "Load the blog's four orders" }).click();
  await dialog.getByRole('button', { name: 'Replace the log' }).click();
  await expectEventCount(page, '10 events');
  await expect(bar).toContainText('The table shows four rows.');
});

test('screenshots of every step on a projector (1280x720, presenter mode)', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => localStorage.setItem('event-sourcing-demo/prefs/presenter', 'true'));
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'true');
  await page.getByRole('button', { name: 'Start the lesson' }).click();
  for (let n = 1; n <= STEPS; n++) {
    await expectStep(page, n);
    await expect(lessonBar(page)).toBeInViewport();
    await expect(page.locator('[data-lesson-target]')).toBeInViewport({ ratio: 0.1 });
    await page.waitForTimeout(400); // smooth scrolling settles
    await screenshot(page, `lesson-presenter-${String(n).padStart(2, '0')}`);
    if (n < STEPS) await next(page).click();
  }
  await expectNoA11yViolations(page, 'in the lesson in presenter mode');
});

test('on a 390 px phone the bar can be folded, and each step scrolls its target above the bar', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await openApp(page);
  await page.getByRole('button', { name: 'Start the lesson' }).click();
  const bar = lessonBar(page);
  for (let n = 1; n <= STEPS; n++) {
    await expectStep(page, n);
    // The target's top is on screen, above the bar, so the learner sees what the step is about
    // (once the smooth scroll has settled).
    await expect.poll(async () => {
      const target = await page.locator('[data-lesson-target]').boundingBox();
      const barBox = await bar.boundingBox();
      return target !== null && target.y >= -1 && target.y + 40 <= barBox!.y;
    }, { message: `step ${n}: the target's top shows above the bar`, timeout: 5_000 }).toBe(true);
    await screenshot(page, `lesson-phone-${String(n).padStart(2, '0')}`);
    if (n < STEPS) await next(page).click();
  }
  // Folded, the bar keeps its place and buttons but gives the page back.
  const open = (await bar.boundingBox())!.height;
  await bar.getByRole('button', { name: 'Hide text' }).click();
  await expect(bar.getByRole('button', { name: 'Show text' })).toHaveAttribute('aria-expanded', 'false');
  const folded = (await bar.boundingBox())!.height;
  expect(folded).toBeLessThan(open);
  expect(folded).toBeLessThan(844 * 0.25);
  await bar.getByRole('button', { name: 'Show text' }).click();
  await expect(bar.locator('.lesson-body').first()).toBeVisible();
  await context.close();
});

test('a remembered step that makes no sense is ignored', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.setItem('event-sourcing-demo/prefs/lesson', '{"step":99}'));
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  await expect(page.getByRole('button', { name: 'Start the lesson' })).toBeVisible();
  await expect(lessonBar(page)).toHaveCount(0);
});
