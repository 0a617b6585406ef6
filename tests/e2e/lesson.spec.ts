// The guided lesson, as a class follows it: start, every step from the first to the last by
// button and arrow keys, each step outlining the part of the page it talks about; a reload
// resumes where the class was; it works in presenter mode.
import { test, expect, openApp, expectNoA11yViolations, screenshot } from './fixtures';
import { expectEventCount } from './page-helpers';
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
  'When event sourcing fits, and when it does not',
];

/** The element the lesson outlines: exactly one, visible and scrolled into view. */
async function expectOutlined(page: import('@playwright/test').Page, selector: string) {
  const outlined = page.locator('[data-lesson-target]');
  await expect(outlined).toHaveCount(1);
  await expect(page.locator(selector)).toHaveAttribute('data-lesson-target', 'true');
  await expect(outlined).toBeInViewport({ ratio: 0.1 });
  await expect(outlined).toHaveCSS('outline-style', 'solid');
}

async function expectStep(page: import('@playwright/test').Page, n: number) {
  const bar = lessonBar(page);
  await expect(bar.getByText(`Step ${n} of 10`)).toBeVisible();
  await expect(bar.getByRole('progressbar', { name: 'Lesson progress' })).toHaveAttribute('value', String(n));
  await expect(bar.getByRole('heading', { level: 2 })).toHaveText(TITLES[n - 1]);
}

test('the whole lesson, from the first step to the last', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Start the lesson' }).click();
  const bar = lessonBar(page);
  const next = bar.getByRole('button', { name: 'Next step' });
  await expectStep(page, 1);
  await expect(bar.getByRole('button', { name: 'Previous step' })).toBeDisabled();
  await expectOutlined(page, '#databases');
  await expectNoA11yViolations(page, 'on the first lesson step');

  await next.click();
  await expectStep(page, 2);
  await expectOutlined(page, '.db-table');
  // Arrow keys, when no field has the focus.
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 3);
  await expectOutlined(page, '.action-bar');
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 2);
  // Not while typing: the arrows move the caret there.
  await page.getByLabel('Customer').focus();
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 2);
  await next.click();
  await next.click();
  await expectStep(page, 4);
  await expectOutlined(page, '.db-log');

  // Step 5 loads the blog's four orders.
  await next.click();
  await expectStep(page, 5);
  await bar.getByRole('button', { name: 'Load blog example' }).click();
  await expectEventCount(page, '10 events');
  await expectOutlined(page, '#databases');

  await next.click();
  await expectStep(page, 6);
  await expectOutlined(page, '.panel-history');

  // Step 7 drives the timeline to event 3.
  await next.click();
  await expectStep(page, 7);
  await expectPosition(page, 3, 10);
  await expectOutlined(page, '#time-travel');
  await screenshot(page, 'lesson-time-travel');
  await expectNoA11yViolations(page, 'on the time-travel lesson step');

  // Step 8 runs the bug story (asking first: the log is not empty).
  await next.click();
  await expectStep(page, 8);
  await expectOutlined(page, '#bug-story');
  await bar.getByRole('button', { name: 'Run the bug story' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace the log' }).click();
  await expectEventCount(page, '10 events');

  // Step 9 finds the culprit.
  await next.click();
  await expectStep(page, 9);
  await bar.getByRole('button', { name: 'Find the culprit' }).click();
  await expect(debuggerPanel(page)).toContainText('This is the culprit.');
  await expectOutlined(page, '#replay-debugger');

  await next.click();
  await expectStep(page, 10);
  await expectOutlined(page, '#bug-story-why');
  await expect(bar.getByRole('button', { name: 'Next step' })).toHaveCount(0);
  await expectNoA11yViolations(page, 'on the last lesson step');
  await bar.getByRole('button', { name: 'Finish the lesson' }).click();
  await expect(lessonBar(page)).toHaveCount(0);
  await expect(page.locator('[data-lesson-target]')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('event-sourcing-demo/prefs/lesson'))).toBeNull();
  await expect(page.getByRole('button', { name: 'Start the lesson' })).toBeVisible();
});

test('a reload resumes the lesson where the class was, and it works in presenter mode', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Start the lesson' }).click();
  for (let i = 0; i < 3; i++) await lessonBar(page).getByRole('button', { name: 'Next step' }).click();
  await expectStep(page, 4);
  expect(await page.evaluate(() => localStorage.getItem('event-sourcing-demo/prefs/lesson'))).toBe('{"step":3}');
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  await expectStep(page, 4);
  await expectOutlined(page, '.db-log');
  // The remembered step is a preference, not stored data the log's recovery would question.
  await expect(page.getByRole('region', { name: 'Stored data needs your decision' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'true');
  await expect(lessonBar(page)).toBeInViewport();
  await lessonBar(page).getByRole('button', { name: 'Previous step' }).click();
  await expectStep(page, 3);
  await expectOutlined(page, '.action-bar');
  await screenshot(page, 'lesson-presenter');
  await expectNoA11yViolations(page, 'in the lesson in presenter mode');
  await lessonBar(page).getByRole('button', { name: 'End lesson' }).click();
  await expect(lessonBar(page)).toHaveCount(0);
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  await expect(lessonBar(page)).toHaveCount(0);
});

test('a remembered step that makes no sense is ignored', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.setItem('event-sourcing-demo/prefs/lesson', '{"step":99}'));
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
  await expect(page.getByRole('button', { name: 'Start the lesson' })).toBeVisible();
  await expect(lessonBar(page)).toHaveCount(0);
});
