// The "not reproducible" bug, from one click to the culprit: the traditional row shows a wrong
// status and nothing else; the log names the event, its source and time; the debugger lands
// on it; skipping it shows the order as it should be. The stored log never changes.
import { test, expect, openApp, expectNoA11yViolations, screenshot } from './fixtures';
import { expectEventCount, placeOrder, rowOf, statusCell } from './page-helpers';
import { asOfOrders, bugStory, debuggerPanel, expectPosition, loadBugStory } from './replay-helpers';

test('the bug story: from a wrong status to the culprit event and the order as it should be', async ({ page }) => {
  await openApp(page);
  // The learner has a log of their own: loading the story asks first.
  await placeOrder(page, 'Ada', '10.00');
  await loadBugStory(page);

  // The traditional table: order 2 says PaymentProblem, and that is all it can say.
  await expect(statusCell(page, 2)).toHaveText('PaymentProblem');
  await expect(rowOf(page, 2)).not.toContainText('packaging');
  const story = bugStory(page);
  await expect(story.getByRole('table', { name: 'The traditional row of order 2' })).toContainText('PaymentProblem');
  await expect(story).toContainText('Ticket closed: “not reproducible”.');

  // The log knows the culprit: its event, source and time.
  await expect(story).toContainText('#8 PaymentProblemReported on order 2');
  await expect(story).toContainText('packaging-service v2.3 (label printer step)');
  await expect(story).toContainText('2024-03-11 13:47:12');
  await expect(story).toContainText('Earlier, event 4 recorded the payment of 240.00');
  await screenshot(page, 'bug-story');
  await expectNoA11yViolations(page, 'with the bug story loaded');

  // Find the culprit: the debugger lands on it, focused, and the timeline stands at it.
  await story.getByRole('button', { name: 'Find the culprit' }).click();
  const rd = debuggerPanel(page);
  await expect(rd).toBeFocused();
  await expect(rd).toBeInViewport();
  await expect(rd.getByRole('heading', { level: 2 })).toHaveText('Replay debugger: order 2');
  await expect(rd.getByRole('heading', { name: 'Event 8: PaymentProblemReported' })).toBeVisible();
  await expect(rd).toContainText('This is the culprit.');
  await expect(rd.getByRole('status')).toHaveText('Step 3 of 3');
  const status = rd.getByRole('table', { name: 'State before and after event 8' }).getByRole('row', { name: /^status/ });
  await expect(status.getByRole('cell').nth(0)).toHaveText('Paid');
  await expect(status.getByRole('cell').nth(1)).toContainText('PaymentProblem');
  await expectPosition(page, 8, 10);
  await expect(asOfOrders(page).locator('tr.is-touched')).toContainText('PaymentProblem');

  // Skip it: replayed without the culprit, order 2 is Paid, as the customer said.
  await story.getByRole('button', { name: 'Skip the culprit' }).click();
  await expect(story.getByRole('button', { name: 'Skip the culprit' })).toHaveAttribute('aria-pressed', 'true');
  await expect(story.getByRole('status')).toHaveText('Without event 8, order 2 is Paid: exactly what the customer said.');
  await expect(rd.getByRole('checkbox', { name: 'Skip event 8' })).toBeChecked();
  await expect(rd.getByRole('region', { name: 'What if event 8 never happened?' }))
    .toContainText('Replayed as facts: without event 8, order 2 would be Paid, not PaymentProblem.');
  // Nothing stored changed: the log still holds all ten events, the row is still wrong.
  await expectEventCount(page, '10 events');
  await expect(statusCell(page, 2)).toHaveText('PaymentProblem');
  await screenshot(page, 'bug-story-culprit-skipped');
  await expectNoA11yViolations(page, 'with the culprit skipped');

  // Skipping again puts it back.
  await story.getByRole('button', { name: 'Skip the culprit' }).click();
  await expect(story.getByRole('button', { name: 'Skip the culprit' })).toHaveAttribute('aria-pressed', 'false');
  await expect(rd.getByRole('checkbox', { name: 'Skip event 8' })).not.toBeChecked();
});

test('on an empty log the bug story loads with one click, and only the story has a culprit', async ({ page }) => {
  await openApp(page);
  await bugStory(page).getByRole('button', { name: 'Run the bug story' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expectEventCount(page, '10 events');
  await expect(bugStory(page).getByRole('button', { name: 'Find the culprit' })).toBeVisible();
  // Another log: no story steps, and the debugger marks no culprit.
  await page.getByRole('button', { name: 'Load blog example', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace the log' }).click();
  await expect(bugStory(page).getByRole('button', { name: 'Run the bug story' })).toBeVisible();
  await expect(debuggerPanel(page)).not.toContainText('This is the culprit.');
});
