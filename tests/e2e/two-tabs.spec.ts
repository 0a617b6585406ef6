// Two tabs, one log: hundreds of interleaved actions lose and duplicate nothing, and a command
// decided on a stale view is refused with an explanation and the fresh state shown.
import { test, expect, openApp } from './fixtures';
import { button, currentValue, expectEventCount, placeOrder, selectOrder, statusCell } from './page-helpers';
import { exportLog } from './export-helpers';

test('two tabs through 200 interleaved actions: no event lost or duplicated, both agree', async ({ context }) => {
  test.setTimeout(600_000);
  const tabs = [await context.newPage(), await context.newPage()];
  for (const tab of tabs) await openApp(tab);
  const lifecycle = ['Place order', 'Pay', 'Ship', 'Deliver'];
  let events = 0;
  let orders = 0;
  for (let step = 0; step < 200; step++) {
    // Each order's life is split across the tabs: whoever acts next is the other tab.
    const tab = tabs[step % 2];
    const action = lifecycle[step % lifecycle.length];
    if (action === 'Place order') {
      orders += 1;
      await placeOrder(tab, `Customer ${orders}`, `${orders}.25`);
    } else {
      await selectOrder(tab, orders);
      await button(tab, action).click();
    }
    events += 1;
    // The other tab has caught up before it acts next (the actor's own count is checked at the end).
    await expectEventCount(tabs[(step + 1) % 2], events === 1 ? '1 event' : `${events} events`);
  }
  await expect(tabs[0].getByRole('alert')).toHaveCount(0);

  const [a, b] = [await exportLog(tabs[0]), await exportLog(tabs[1])];
  expect(a.event_count).toBe(200);
  expect(b).toEqual(a);
  // Gapless, unique ids; each order's versions 1..4 in order; exactly the actions taken.
  expect(a.events.map((e) => e.event_id)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  for (let order = 1; order <= 50; order++) {
    const own = a.events.filter((e) => e.order_id === order);
    expect(own.map((e) => e.version)).toEqual([1, 2, 3, 4]);
    expect(own.map((e) => e.event_type)).toEqual(['OrderPlaced', 'OrderPaid', 'OrderShipped', 'OrderDelivered']);
  }

  // A third tab, opened fresh from storage, agrees too.
  const third = await context.newPage();
  await openApp(third);
  await expectEventCount(third, '200 events');
  expect(await exportLog(third)).toEqual(a);
});

test('a command decided on a stale view is refused, explained, and the fresh state shown', async ({ context }) => {
  const [first, second] = [await context.newPage(), await context.newPage()];
  // Lets the test make the second tab deaf to other tabs (as a busy or suspended tab may be):
  // its storage listener is gated by a flag.
  await second.addInitScript(() => {
    const add = window.addEventListener.bind(window);
    window.addEventListener = ((type: string, listener: any, options?: any) => {
      if (type !== 'storage') return add(type, listener, options);
      const gated = (e: Event) => {
        if ((window as any).__deaf) return;
        typeof listener === 'function' ? listener(e) : listener.handleEvent(e);
      };
      return add(type, gated, options);
    }) as typeof window.addEventListener;
  });
  await openApp(first);
  await openApp(second);
  await placeOrder(first, 'Stale', '10.00');
  await expectEventCount(second, '1 event');

  // The second tab stops hearing from the first: its view goes stale.
  await second.evaluate(() => { (window as any).__deaf = true; });
  await button(first, 'Pay').click();
  await expectEventCount(first, '2 events');
  await expectEventCount(second, '1 event');
  expect(await currentValue(statusCell(second, 1))).toBe('Placed');

  // Decided on "Placed", the second tab's Pay would pay twice: the store refuses it.
  await button(second, 'Pay').click();
  await expect(second.getByRole('alert')).toContainText('another tab');
  await expectEventCount(second, '2 events');
  expect(await currentValue(statusCell(second, 1))).toBe('Paid');
  const log = await exportLog(second);
  expect(log.events.map((e) => e.event_type)).toEqual(['OrderPlaced', 'OrderPaid']);
});

test('a tab that wrote last and closed leaves nothing to wait for: the next click is recorded at once', async ({ context }) => {
  // Each tab's commit mark lasts as long as the tab. With the later writer closed, the newest
  // mark left is this tab's own, naming an older head than storage shows; it must not be
  // mistaken for a commit still on its way (which refused the click, after waiting 3 s).
  const [first, second] = [await context.newPage(), await context.newPage()];
  await openApp(first);
  await openApp(second);
  await placeOrder(first, 'First', '1.00');
  await expectEventCount(second, '1 event');
  await placeOrder(second, 'Second', '2.00');
  await expectEventCount(first, '2 events');
  await second.close();

  await placeOrder(first, 'Third', '3.00');
  await expectEventCount(first, '3 events');
  await expect(first.getByRole('alert')).toHaveCount(0);
});
