// Challenges a class can do: tasks whose answers only the log holds, answered by picking or
// typing, checked by the app against the log on the page, with a hint that leads to the panel
// that answers it; a teacher shares the set with the scenario link.
import { test, expect, openApp, expectNoA11yViolations, screenshot } from './fixtures';
import { button, expectEventCount, loadBlogExample, placeOrder, tableRegion } from './page-helpers';
import { bugStory, openAsStudent, sharePanel, timeTravel } from './replay-helpers';
import type { Page } from '@playwright/test';

const region = (page: Page) => page.getByRole('region', { name: 'Challenges', exact: true });
const statusAt = (page: Page) => region(page).getByRole('listitem', { name: /order 3's status at 12:00 UTC on 5 March 2024/ });
const problemSource = (page: Page) => region(page).getByRole('listitem', { name: /Which service set PaymentProblem on order 2/ });
const valuesLost = (page: Page) => region(page).getByRole('listitem', { name: /How many values has the traditional table lost/ });

async function copyLink(page: Page, withChallenges: boolean): Promise<string> {
  const include = sharePanel(page).getByRole('checkbox', { name: 'Include the challenges' });
  await include.setChecked(withChallenges);
  await sharePanel(page).getByRole('button', { name: 'Copy share link' }).click();
  const field = sharePanel(page).getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#/);
  return field.inputValue();
}

test('the status challenge on the blog example: answered wrong, then right', async ({ page }) => {
  await openApp(page);
  await expect(region(page).getByRole('heading', { level: 2 })).toHaveText('Challenges');
  await expect(region(page)).toContainText('Answers only the log holds. The app checks them against the log on this page.');
  await expect(region(page).getByRole('listitem')).toHaveCount(3);

  // The log on the page is empty, not the blog example: the challenge says so and offers it.
  const item = statusAt(page);
  await expect(item).toContainText('About the blog example, and the log on this page is not it');
  await expectNoA11yViolations(page, 'with the challenges on an empty log');
  await item.getByRole('button', { name: 'Load the blog example' }).click();
  await expectEventCount(page, '10 events');
  // The page leads back to the challenge that asked for the log.
  await expect(item).toBeFocused();
  await expect(item).toContainText('About the blog example, which is on this page.');
  await expect(item.getByRole('button', { name: 'Load the blog example' })).toHaveCount(0);

  // Nothing picked yet.
  const answer = item.getByLabel('Status at that moment');
  const verdict = item.getByRole('status');
  await expect(verdict).toBeEmpty();
  await item.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(verdict).toHaveText('?Pick a status first.');

  // Order 3's status now (what the traditional table shows) is not its status then.
  await answer.selectOption('Shipped');
  await item.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(verdict).toContainText('Not right.');
  await expect(verdict).toContainText('Shipped is order 3\'s status now, not then.');
  await expect(verdict).not.toContainText('Paid');
  await expectNoA11yViolations(page, 'with a wrong answer');

  // A new answer clears the old verdict; the right one is marked right, with the evidence.
  await answer.selectOption('Paid');
  await expect(verdict).toBeEmpty();
  await item.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(verdict).toContainText('✓Right: order 3 was Paid at 12:00 UTC on 5 March 2024.');
  await expect(verdict).toContainText('it is Shipped now');
  await region(page).evaluate((e) => e.scrollIntoView());
  await screenshot(page, 'challenges');
  await expectNoA11yViolations(page, 'with a right answer');

  // The log changes: the verdict stays, said to be possibly outdated, until checked again.
  await button(page, 'Pay').click(); // order 4
  await expectEventCount(page, '11 events');
  await expect(item).toContainText('The log has changed since this check, so this verdict may no longer hold: check again.');
  await expectNoA11yViolations(page, 'with an outdated verdict');
  await item.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(verdict).toContainText('Right: order 3 was Paid');
  await expect(item).not.toContainText('The log has changed');

  // Clear the answers: a fresh start for the next learner.
  await region(page).getByRole('button', { name: 'Clear the answers' }).click();
  await expect(answer).toHaveValue('');
  await expect(verdict).toBeEmpty();
  await expect(region(page).getByRole('button', { name: 'Clear the answers' })).toHaveCount(0);
});

test('the source and time challenge on the bug story', async ({ page }) => {
  await openApp(page);
  await placeOrder(page, 'Ada', '5.00');
  const item = problemSource(page);
  await expect(item).toContainText('About the bug story, and the log on this page is not it');

  // The learner's own log has no payment problem: the check says which log answers it.
  await item.getByLabel('Service').selectOption('warehouse scanner');
  await item.getByLabel('Time (UTC)').fill('13:47');
  await item.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(item.getByRole('status')).toHaveText('!No event in this log sets PaymentProblem on order 2. Load the bug story first.');

  // Loading it from the challenge asks first (the log is the learner's), then leads back here
  // rather than to the story.
  await item.getByRole('button', { name: 'Load the bug story' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Replace the current log with the bug story?');
  await dialog.getByRole('button', { name: 'Replace the log' }).click();
  await expectEventCount(page, '10 events');
  await expect(bugStory(page).getByRole('button', { name: 'Find the culprit' })).toBeVisible();
  await expect(item).toBeFocused();
  await expect(item).toContainText('About the bug story, which is on this page.');

  // The right time, but another service; then both right (Enter in the time field checks).
  const service = item.getByLabel('Service');
  await expect(service.getByRole('option', { name: 'packaging-service v2.3 (label printer step)' })).toHaveCount(1);
  await service.selectOption('fraud-check service');
  await item.getByLabel('Time (UTC)').fill('13:47');
  await item.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(item.getByRole('status')).toHaveText('✗Not right. The time is right, but that service did not set it.');
  await service.selectOption('packaging-service v2.3 (label printer step)');
  await item.getByLabel('Time (UTC)').fill('13:47:12');
  await item.getByLabel('Time (UTC)').press('Enter');
  await expect(item.getByRole('status')).toContainText(
    'Right: event 8 (PaymentProblemReported) came from packaging-service v2.3 (label printer step) at 2024-03-11 13:47:12.');
  await expectNoA11yViolations(page, 'with the bug story challenge answered');
  // Checking is reading: both databases are as they were.
  await expectEventCount(page, '10 events');
});

test('values lost, after a few actions', async ({ page }) => {
  await openApp(page);
  await placeOrder(page, 'Ada', '5.00');
  await button(page, 'Pay').click();
  await button(page, 'Ship').click();
  await expectEventCount(page, '3 events');
  const counter = tableRegion(page).locator('.counter');
  await expect(counter).toContainText('overwritten so far');
  const lost = (await counter.locator('strong').innerText()).trim();

  const item = valuesLost(page);
  await expect(item).toContainText('About whatever log is on this page.');
  const answer = item.getByLabel('Values lost');
  // The number of events is a tempting answer; the log loses none of them.
  await answer.fill('3');
  await item.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(item.getByRole('status')).toContainText('Not right. That is how many events the log holds');
  await answer.fill(lost);
  await answer.press('Enter');
  await expect(item.getByRole('status')).toContainText(`Right: the table has overwritten ${lost} values so far, and kept none of them; the log still holds all 3 events.`);
});

test('a hint names the panel that answers the challenge and leads to it', async ({ page }) => {
  await openApp(page);
  await loadBlogExample(page);
  const item = statusAt(page);
  const go = item.getByRole('button', { name: 'Go to Time travel' });
  await expect(go).toBeHidden();
  await item.getByText('Hint', { exact: true }).click();
  await expect(item).toContainText('Drag the Time travel timeline back to the last event at or before 12:00 UTC on 5 March 2024');
  await expectNoA11yViolations(page, 'with a hint open');
  await go.click();
  await expect(timeTravel(page)).toBeFocused();
  await expect(timeTravel(page)).toBeInViewport();

  const lost = valuesLost(page);
  await lost.getByText('Hint', { exact: true }).click();
  await lost.getByRole('button', { name: 'Go to Traditional table' }).click();
  await expect(tableRegion(page)).toBeFocused();
  await expect(tableRegion(page)).toBeInViewport();
  // Focusable by script only: Tab does not stop on the panel itself.
  await expect(tableRegion(page)).toHaveAttribute('tabindex', '-1');
});

test('a share link carries the challenges to another visitor', async ({ page, browser }) => {
  await openApp(page);
  // With an empty log, the link may carry the challenges alone.
  const include = sharePanel(page).getByRole('checkbox', { name: 'Include the challenges' });
  await expect(sharePanel(page).getByRole('button', { name: 'Copy share link' })).toBeDisabled();
  await include.check();
  await expect(sharePanel(page)).toContainText('The log is empty: the link carries only the challenges.');
  const alone = await copyLink(page, true);
  expect(new URL(alone).hash).toBe('#challenges=status-at,problem-source,values-lost');

  await loadBlogExample(page);
  const plain = await copyLink(page, false);
  expect(new URL(plain).hash).toMatch(/^#scenario=[A-Za-z0-9_-]+$/);
  const link = await copyLink(page, true);
  expect(new URL(link).hash).toBe(`${new URL(plain).hash}&challenges=status-at,problem-source,values-lost`);
  await expect(sharePanel(page)).toContainText('events and the challenges.');
  await expectNoA11yViolations(page, 'with a share link carrying the challenges');

  // A student opens it: asked first, then the scenario and its challenges.
  const { context, student, problems } = await openAsStudent(browser, link);
  const dialog = student.getByRole('alertdialog');
  await expect(dialog).toContainText('Load the shared scenario of 10 events and its 3 challenges?');
  await dialog.getByRole('button', { name: 'Load the scenario' }).click();
  await expectEventCount(student, '10 events');
  await expect(region(student)).toBeFocused();
  await expect(region(student)).toContainText('These challenges came from the share link you opened.');
  await expectNoA11yViolations(student, 'with challenges from a link');
  const item = statusAt(student);
  await item.getByLabel('Status at that moment').selectOption('Paid');
  await item.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(item.getByRole('status')).toContainText('Right: order 3 was Paid');
  expect(problems).toEqual([]);
  await context.close();
});

test('a link with challenges alone, and a broken challenge part', async ({ page }) => {
  await openApp(page);
  await loadBlogExample(page);
  const plain = await copyLink(page, false);
  const scenario = new URL(plain).hash;

  // Challenges alone replace nothing else: shown at once, without a question.
  await page.goto('./#challenges=values-lost,status-at:4@2024-03-06T12:00:00Z');
  await expect(region(page)).toContainText('These challenges came from the share link you opened.');
  await expect(region(page).getByRole('listitem')).toHaveCount(2);
  await expect(region(page).getByRole('listitem').nth(1)).toContainText("What was order 4's status at 12:00 UTC on 6 March 2024?");
  await expect(region(page)).toBeFocused();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expectEventCount(page, '10 events');

  // Hostile text in the challenge part is refused as text; the scenario is still offered.
  await page.goto(`./${scenario}&challenges=<img src=x onerror=alert(1)>`);
  const alert = page.getByRole('alert').filter({ hasText: 'The challenges in the share link were not read' });
  await expect(alert).toContainText('“<img src=x onerror=alert(1)>” is not a challenge (known: status-at, problem-source, values-lost).');
  await expect(alert).toContainText('Your challenges are unchanged.');
  await expect(page.locator('img')).toHaveCount(0);
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Replace your log of 10 events with the shared scenario of 10 events?');
  await expectNoA11yViolations(page, 'with a broken challenge part refused');
  await dialog.getByRole('button', { name: 'Keep everything' }).click();
  await expect(region(page).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Close message' }).click();
  await expect(alert).toHaveCount(0);
});
