// Shared fixtures: every test fails on a console error, an uncaught exception, a failed request
// or an unexpected JavaScript dialog, and can run an axe-core audit in one line.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

type Guard = {
  /** Console errors matching one of these are expected by the test (e.g. a simulated quota error). */
  allowedConsoleErrors: RegExp[];
  /** Uncaught exceptions matching one of these are expected by the test (e.g. a failed download). */
  allowedPageErrors: RegExp[];
  /** Collected problems; asserted empty after each test. */
  pageProblems: string[];
};

export const test = base.extend<Guard>({
  allowedConsoleErrors: [[], { option: true }],
  allowedPageErrors: [[], { option: true }],
  pageProblems: [
    async ({ page, allowedConsoleErrors, allowedPageErrors }, use) => {
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (allowedConsoleErrors.some((re) => re.test(text))) return;
        problems.push(`console error: ${text}`);
      });
      page.on('pageerror', (err) => {
        if (allowedPageErrors.some((re) => re.test(err.message))) return;
        problems.push(`uncaught: ${err.message}`);
      });
      page.on('requestfailed', (req) => {
        // A download or an aborted navigation is not a failure of the app.
        if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
        problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
      });
      page.on('response', (res) => {
        if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
      });
      page.on('dialog', async (dialog) => {
        problems.push(`unexpected ${dialog.type()} dialog: ${dialog.message()}`);
        await dialog.dismiss();
      });
      await use(problems);
      expect(problems, 'the page reported problems').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Waits until the Yew app has mounted and rendered its first screen. The app sets
 * body[data-app-ready="true"] once it has mounted and loaded the stored log (src/ui/app.rs).
 */
export async function openApp(page: Page, path = './') {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-app-ready', 'true');
}

/** Runs axe-core (WCAG 2.1 A and AA) on the page and expects zero violations. */
export async function expectNoA11yViolations(page: Page, context = '') {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations ${context}`).toEqual([]);
}

/** Saves a screenshot under test-results/screenshots/ for the README and for humans to look at. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}
