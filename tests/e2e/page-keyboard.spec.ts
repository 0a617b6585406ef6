// Keyboard only: every control is reachable with Tab and shows a focus ring, the actions have
// single-key shortcuts (ignored while typing), and the shortcuts are listed in a help dialog.
import type { Page } from '@playwright/test';
import { test, expect, openApp, expectNoA11yViolations } from './fixtures';
import { currentValue, expectEventCount, orderSelect, statusCell, tableRows } from './page-helpers';

/** Presses Tab until `matches` says the focused element is the one, and returns its name. */
async function tabTo(page: Page, matches: (el: { tag: string; name: string }) => boolean) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    if (matches(el)) return el;
  }
  throw new Error('never reached by Tab');
}

async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    const name = (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim();
    return { tag: el.tagName.toLowerCase(), name };
  });
}

test('every control is reachable with Tab, in a sensible order, with a visible focus ring', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Enter'); // nothing focused yet: no effect
  await page.keyboard.press('n'); // one order, so the order controls are enabled
  await expectEventCount(page, '1 event');
  const names: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    // Between the last control and the first, focus passes through the document itself.
    if (el.tag === 'body') continue;
    if (names.includes(`${el.tag}:${el.name}`)) break;
    names.push(`${el.tag}:${el.name}`);
    // The focus ring: a solid outline at least 2px wide, on every stop.
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style, `focus ring on ${el.tag} ${el.name}`).not.toBe('none');
    expect(outline.width, `focus ring on ${el.tag} ${el.name}`).toBeGreaterThanOrEqual(2);
  }
  const order = (name: string) => names.findIndex((n) => n.includes(name));
  for (const wanted of [
    'Skip to the databases', 'Presenter mode', 'Keyboard shortcuts', 'input:Customer', 'input:Total amount',
    'Place order', 'select:Order', 'Pay', 'Ship', 'Deliver', 'Cancel order', 'input:Carrier',
    'input:Tracking number', 'input:Cancel reason', 'Load blog example', 'Reset',
    'input:Filter by order', 'select:Filter by event type', 'Copy traditional SQL',
    'Download traditional.sql',
  ]) {
    expect(order(wanted), `${wanted} is reachable by Tab (got ${names.join(' | ')})`).toBeGreaterThanOrEqual(0);
  }
  expect(order('Customer')).toBeLessThan(order('Place order'));
  expect(order('Place order')).toBeLessThan(order('Pay'));
  expect(order('Pay')).toBeLessThan(order('Filter by order'));
});

test('keyboard alone: place by Enter, choose an order, act with shortcuts', async ({ page }) => {
  await openApp(page);
  await tabTo(page, (el) => el.name === 'Customer');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Kai');
  // Typing letters that are shortcuts must not trigger them.
  await page.keyboard.type(' pscd');
  await expectEventCount(page, '0 events');
  await page.keyboard.press('Enter');
  await expectEventCount(page, '1 event');
  await expect(tableRows(page).first().locator('td').nth(1)).toHaveText('Kai pscd');

  await tabTo(page, (el) => el.name.startsWith('Place order'));
  await page.keyboard.press('Enter');
  await expectEventCount(page, '2 events');
  await expect(orderSelect(page)).toHaveValue('2');

  // Shortcuts act on the selected order; j and k move the selection.
  await page.keyboard.press('k');
  await expect(orderSelect(page)).toHaveValue('1');
  await page.keyboard.press('p');
  await expect(statusCell(page, 1).locator('.new-value')).toHaveText('Paid');
  await page.keyboard.press('s');
  await expect(statusCell(page, 1).locator('.new-value')).toHaveText('Shipped');
  await page.keyboard.press('d');
  await expect(statusCell(page, 1).locator('.new-value')).toHaveText('Delivered');
  await page.keyboard.press('c');
  await expect(page.getByRole('alert')).toContainText('cannot be cancelled');
  await page.keyboard.press('j');
  await expect(orderSelect(page)).toHaveValue('2');
  await page.keyboard.press('c');
  await expect(statusCell(page, 2).locator('.new-value')).toHaveText('Cancelled');
  await page.keyboard.press('n');
  await expectEventCount(page, '7 events');
  expect(await currentValue(statusCell(page, 3))).toBe('Placed');

  // The Order select works with arrow keys too.
  await orderSelect(page).focus();
  await page.keyboard.press('ArrowUp');
  await expect(orderSelect(page)).toHaveValue('2');
  // A letter while the select has focus is for the select, not a shortcut.
  await page.keyboard.press('p');
  await expectEventCount(page, '7 events');
});

test('? opens the shortcuts help as a dialog, Escape closes it and focus returns', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const line of ['Place order', 'Pay the selected order', 'Ship the selected order',
    'Deliver the selected order', 'Cancel the selected order', 'Presenter mode',
    'Timeline: one event back', 'Lesson: next step']) {
    await expect(help).toContainText(line);
  }
  // Shortcuts do nothing while the dialog is open.
  await page.keyboard.press('n');
  await expectEventCount(page, '0 events');
  await expectNoA11yViolations(page, 'with the shortcuts dialog open');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // The header button opens it too; its Close button closes it, focus goes back to the opener.
  const opener = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(help).toBeVisible();
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(help).toBeHidden();
  await expect(opener).toBeFocused();
});

test('the presenter toggle works from the keyboard and is announced as pressed', async ({ page }) => {
  await openApp(page);
  const toggle = page.getByRole('button', { name: 'Presenter mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('f');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
});
