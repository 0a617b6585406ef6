// What a tab holds, as its own Export JSON button writes it.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { button } from './page-helpers';

export type Exported = {
  event_count: number;
  events: { event_id: number; order_id: number; version: number; event_type: string }[];
};

/** Downloads the tab's log with Export JSON (opening the storage panel if needed). */
export async function exportLog(page: Page): Promise<Exported> {
  const panel = page.getByText('Storage, export and import');
  if (!(await button(page, 'Export JSON').isVisible())) await panel.click();
  const download = page.waitForEvent('download');
  await button(page, 'Export JSON').click();
  return JSON.parse(readFileSync(await (await download).path(), 'utf8'));
}
