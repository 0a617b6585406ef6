// Shared steps for the replay, bug-story, lesson and share specs: named controls, as a person
// finds them on the page.
import { expect, type Browser, type Page } from '@playwright/test';
import { button, expectEventCount, logRegion } from './page-helpers';

export const timeTravel = (page: Page) => page.getByRole('region', { name: 'Time travel' });
export const timeline = (page: Page) => page.getByRole('slider', { name: 'Timeline' });
export const debuggerPanel = (page: Page) => page.getByRole('region', { name: /^Replay debugger/ });
export const bugStory = (page: Page) => page.getByRole('region', { name: 'The bug nobody could reproduce' });
export const lessonBar = (page: Page) => page.getByRole('region', { name: 'Lesson' });
export const sharePanel = (page: Page) => page.getByRole('region', { name: 'Share this scenario' });

/** The three columns under the timeline. */
export const asOfOrders = (page: Page) => timeTravel(page).getByRole('group', { name: 'Derived from the events' });
export const asOfLog = (page: Page) => timeTravel(page).getByRole('group', { name: 'Event log' });
export const onlyNow = (page: Page) => timeTravel(page).getByRole('group', { name: 'Traditional table' });

export async function expectPosition(page: Page, position: number, of: number) {
  const text = `Event ${position.toLocaleString('en-US')} of ${of.toLocaleString('en-US')}`;
  await expect(timeline(page)).toHaveAttribute('aria-valuetext', text);
  await expect(timeline(page)).toHaveValue(String(position));
}

/** Loads the bug story with the examples button, answering the dialog when the log is not empty. */
export async function loadBugStory(page: Page) {
  await button(page, 'Load bug story').click();
  const dialog = page.getByRole('alertdialog');
  const loaded = bugStory(page).getByRole('button', { name: 'Find the culprit' });
  await expect(dialog.or(loaded)).toBeVisible();
  if (await dialog.isVisible()) {
    await expect(dialog).toContainText('Replace the current log with the bug story?');
    await dialog.getByRole('button', { name: 'Replace the log' }).click();
  }
  await expect(loaded).toBeVisible();
  await expectEventCount(page, '10 events');
  await expect(logRegion(page)).toBeVisible();
}

/** A student's own browser (a new context) opening a link; `problems` collects the page's
 *  console errors and uncaught exceptions, which a test expects to stay empty. */
export async function openAsStudent(browser: Browser, link: string) {
  const context = await browser.newContext();
  const student = await context.newPage();
  const problems: string[] = [];
  student.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  student.on('pageerror', (e) => problems.push(e.message));
  await student.goto(link);
  return { context, student, problems };
}
