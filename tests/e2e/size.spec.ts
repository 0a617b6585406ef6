// Size is a feature: the gzip size of what a visitor downloads must stay within the budget in
// size-budget.json. Deterministic, so it is a test; raising the budget is a decision.
// Two budgets: `total_gzip_bytes` and `wasm_gzip_bytes` are today's size plus about 1% (no
// regressions; lower them as the build shrinks), and `target_total_gzip_bytes` is the goal of
// 240 KB for the first visit on a slow classroom link (see README "Size").
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function gzipSizes() {
  return files(process.env.E2E_DIST ?? 'dist').map((path) => ({
    path,
    gzip: gzipSync(readFileSync(path), { level: 9 }).length,
  }));
}

test('dist/ stays within its gzip size budget', () => {
  const sizes = gzipSizes();
  const total = sizes.reduce((sum, f) => sum + f.gzip, 0);
  const wasm = sizes.filter((f) => f.path.endsWith('.wasm')).reduce((s, f) => s + f.gzip, 0);
  console.log(sizes.map((f) => `${f.path}: ${f.gzip} B gzip`).join('\n'), `\ntotal: ${total} B gzip`);
  expect(wasm, 'wasm gzip bytes').toBeGreaterThan(10_000); // a real app, not an empty page
  expect(wasm, 'wasm gzip bytes').toBeLessThanOrEqual(budget.wasm_gzip_bytes);
  expect(total, 'total gzip bytes of dist/').toBeLessThanOrEqual(budget.total_gzip_bytes);
});

test('dist/ fits the 240 KB gzip goal for a first visit on a slow link', () => {
  // Not met yet: 363 KB, 339 KB of it the wasm (every feature of both lesson parts is in). Marked as
  // failing so that the day the build fits, Playwright reports an unexpected pass and the mark
  // has to come off.
  test.fail(true, 'known: 363 KB today, most of it the wasm; see README "Size"');
  const total = gzipSizes().reduce((sum, f) => sum + f.gzip, 0);
  expect(total, 'total gzip bytes of dist/').toBeLessThanOrEqual(budget.target_total_gzip_bytes);
});
