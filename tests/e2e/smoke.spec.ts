// The foundation: the release build, served from a sub-path like GitHub Pages, loads cleanly.
import { test, expect, openApp, expectNoA11yViolations, screenshot } from './fixtures';

test('the app mounts from a sub-path with no console errors or failed requests', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (req) => requested.push(new URL(req.url()).pathname));
  await openApp(page);
  await expect(page).toHaveTitle(/event sourcing/i);
  // Every asset came from under the project's sub-path: nothing assumes it is hosted at /.
  expect(requested.length).toBeGreaterThan(2);
  for (const path of requested) expect(path.startsWith('/event-sourcing-demo/')).toBe(true);
  // The wasm module was really loaded (not a static fallback page).
  expect(requested.some((p) => p.endsWith('.wasm'))).toBe(true);
  await screenshot(page, 'first-screen');
});

test('the first screen passes an axe-core audit', async ({ page }) => {
  await openApp(page);
  await expectNoA11yViolations(page, 'on the first screen');
});
