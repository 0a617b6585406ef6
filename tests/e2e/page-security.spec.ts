// Text a user typed is only ever text, and the Content-Security-Policy allows only what the
// app needs: its own files, WebAssembly, and trunk's loader by its exact hash.
import { test, expect, openApp } from './fixtures';
import { button, logRows, placeOrder, rowOf } from './page-helpers';

const PAYLOAD = '<img src=x onerror=alert(1)>';
const SNEAKY = '"><svg onload="window.__pwned = true"><script>window.__pwned = true</script>';

test('markup typed as a customer name or reason is shown as text and never runs', async ({ page }) => {
  await openApp(page);
  await placeOrder(page, PAYLOAD, '10.00');
  await expect(rowOf(page, 1).locator('td').nth(1)).toHaveText(PAYLOAD);
  await expect(logRows(page).first()).toContainText(JSON.stringify(PAYLOAD).slice(1, -1));
  await placeOrder(page, SNEAKY, '11.00');
  await expect(rowOf(page, 2).locator('td').nth(1)).toHaveText(SNEAKY);
  await page.getByLabel('Cancel reason').fill(PAYLOAD);
  await button(page, 'Cancel order').click();
  await expect(logRows(page).first()).toContainText('OrderCancelled');
  // The label of the Order select and the history show the same text, as text.
  await expect(page.getByLabel('Order', { exact: true }).locator('option:checked')).toHaveText(`#2 · ${SNEAKY}`);
  await expect(page.getByRole('region', { name: 'History of order 2' })).toContainText(PAYLOAD);
  await page.reload();
  await expect(rowOf(page, 1).locator('td').nth(1)).toHaveText(PAYLOAD);

  // No element was created from the text, and nothing ran (an alert() would fail the test
  // through the fixture's dialog guard).
  expect(await page.locator('#app img, #app script').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
});

test.describe('the Content-Security-Policy', () => {
  // The last step injects a script on purpose: its refusal is logged as a console error.
  test.use({ allowedConsoleErrors: [/Content Security Policy|TrustedScript|Trusted Type/] });

test('allows only what the app needs, and nothing the app does violates it', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await openApp(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toBeTruthy();
  const directives = Object.fromEntries(policy!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives['default-src']).toEqual(["'none'"]);
  expect(directives['script-src']).toContain("'self'");
  expect(directives['script-src']).toContain("'wasm-unsafe-eval'");
  expect(directives['script-src'].some((s: string) => s.startsWith("'sha256-"))).toBe(true);
  expect(directives['script-src']).not.toContain("'unsafe-inline'");
  expect(directives['script-src']).not.toContain("'unsafe-eval'");
  expect(directives['style-src']).toEqual(["'self'"]);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(policy).not.toContain('__INLINE_SCRIPT_HASHES__');

  // Use the page a little, including the dialogs, then look for violations.
  await placeOrder(page, PAYLOAD);
  await button(page, 'Pay').click();
  await button(page, 'Reset').click();
  await page.getByRole('button', { name: 'Keep everything' }).click();
  await page.keyboard.press('?');
  await page.keyboard.press('Escape');
  // No inline style attribute anywhere: the CSP would block it.
  expect(await page.locator('[style]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  // An injected inline script is refused, proving the policy is in force.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    (window as unknown as { __ran?: boolean }).__ran = false;
    try { s.textContent = 'window.__ran = true'; } catch { return 'blocked by Trusted Types'; }
    document.head.append(s);
    return (window as unknown as { __ran?: boolean }).__ran ? 'ran' : 'blocked';
  });
  expect(ran).not.toBe('ran');
});
});
