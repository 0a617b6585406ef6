// The benchmark command's engine (see .ci/bench): measures size, the first visit on a slow link,
// start-up, click latency, storage costs, replay speed (wasm and native), quota and memory;
// checks the budgets; writes
// BENCHMARKS.md and prints it. Timings are medians over repeated runs. Nothing here is a test:
// a missed budget is reported, and the command exits 1 so it cannot go unnoticed.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { measurePage } from './page.mjs';
import { measureFirstVisit, SLOW_LINK } from './first-visit.mjs';

const quick = process.argv.includes('--quick');
const out = [];
const budgets = [];
const kb = (bytes) => (bytes / 1024).toFixed(1);
const ms = (v) => (v == null ? 'n/a' : `${v.toFixed(v < 10 ? 2 : 1)} ms`);
const sec = (v) => (v == null ? 'n/a' : `${(v / 1000).toFixed(2)} s`);

function run(cmd, args, env = {}) {
  console.error(`bench: ${cmd} ${args.join(' ')}`);
  return execFileSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
}

// 1. Transfer size of every file in dist/.
const files = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : [join(d, n)]));
const sizes = files(process.env.BENCH_DIST ?? 'dist').sort().map((path) => {
  const bytes = readFileSync(path);
  return {
    path: path.replace(/^[^/]+\//, ''),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = sizes.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
budgets.push({ name: 'total transfer (gzip)', limit: '≤ 240 KB', value: `${kb(total.gzip)} KB`, pass: total.gzip <= 240 * 1024 });

// 2. The first visit on a slow link: cold cache, throttled network and CPU (first-visit.mjs).
const firstVisit = await measureFirstVisit({ runs: quick ? 3 : 7 });
budgets.push({ name: 'first visit on a slow link: first contentful paint', limit: '≤ 0.6 s', value: sec(firstVisit.fcp), pass: firstVisit.fcp <= 600 });
budgets.push({ name: 'first visit on a slow link: interactive (the app mounted, its log loaded, painted)', limit: '≤ 1.8 s', value: sec(firstVisit.interactive), pass: firstVisit.interactive <= 1800 });

// 3. The page in headless Chromium.
const page = await measurePage({ runs: quick ? 5 : 15 });

// 4. Storage and replay inside the browser's wasm engine (release build).
const wasmEnv = { CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: 'wasm-bindgen-test-runner' };
const wasmOut =
  run('cargo', ['test', '--release', '--target', 'wasm32-unknown-unknown', '--test', 'browser_bench', '--', '--nocapture'], wasmEnv) +
  run('cargo', ['test', '--release', '--target', 'wasm32-unknown-unknown', '--test', 'browser_store', '--', '--nocapture', '--include-ignored', 'bench_store_costs'], wasmEnv);
const grab = (re) => { const m = wasmOut.match(re); return m ? Number(m[1]) : null; };
const wasm = {
  replay10k: grab(/BENCH wasm_replay_10000 ([\d.]+) ms/),
  replay100k: grab(/BENCH wasm_replay_100000 ([\d.]+) ms/),
  parse10k: grab(/BENCH wasm_parse_10000 ([\d.]+) ms/),
  append: [10, 1000, 10000].map((n) => grab(new RegExp(`append at ${n} events: ([\\d.]+) ms`))),
  bytesPerEvent: grab(/= (\d+) bytes per event/),
  fit: grab(/events that fit in localStorage \(\d+ bytes\): (\d+) fit/),
  limit: grab(/events that fit in localStorage \((\d+) bytes\)/),
};

// 5. The same replay natively (criterion).
const native = {};
const crit = run('cargo', ['bench', '--bench', 'domain', '--', ...(quick ? ['--quick'] : [])]);
for (const m of crit.matchAll(/^(\S+)\s*(?:\n\s*)?time:\s+\[\S+ \S+ (\S+) (\S+) \S+ \S+\]/gm)) {
  const unit = { ns: 1e-6, 'µs': 1e-3, us: 1e-3, ms: 1, s: 1000 }[m[3]];
  native[m[1]] = Number(m[2]) * unit;
}

// Budgets on speed: a click with 10k events costs at most 1.5x a click with 10, and under a frame;
// start-up with 10k events at most twice the empty start-up. A click's cost is the main thread's
// work for it (script, style, layout, paint, commit): time spent waiting for the next vsync is
// not work, and it is what has to fit in one 16 ms frame.
const click10 = page.clickWork[10], click10k = page.clickWork[10000];
budgets.push({ name: 'click with 10,000 events vs 10 events', limit: '≤ 1.5×', value: `${(click10k / click10).toFixed(2)}×`, pass: click10k <= 1.5 * click10 });
budgets.push({ name: 'click with 10,000 events', limit: '< 16 ms', value: ms(click10k), pass: click10k < 16 });
budgets.push({ name: 'click with 10,000 events until its event is on the page (cross-tab lock included)', limit: '< 16 ms', value: ms(page.shown[10000]), pass: page.shown[10000] < 16 });
budgets.push({ name: 'start-up with 10,000 events vs empty', limit: '≤ 2×', value: `${(page.startup[10000] / page.startup[0]).toFixed(2)}×`, pass: page.startup[10000] <= 2 * page.startup[0] });

// The report.
const cpu = cpus()[0]?.model ?? 'unknown CPU';
out.push('# Benchmarks', '');
out.push(`Written by \`.ci/bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${cpus().length} × ${cpu}, ${kb(totalmem() / 1024).replace(/\.\d$/, '')} MB RAM, Linux ${release()}, Chromium ${page.browserVersion} (headless). Timings are medians of ${quick ? 5 : 15} runs (criterion's own statistics for native code); these machines are shared, so expect noise of ±20%.`, '');
out.push('## Budgets', '', '| budget | limit | measured | |', '| --- | --- | --- | --- |');
for (const b of budgets) out.push(`| ${b.name} | ${b.limit} | ${b.value} | ${b.pass ? 'pass' : '**FAIL**'} |`);
out.push('', '## Transfer size of `dist/`', '', '| file | raw | gzip | brotli |', '| --- | ---: | ---: | ---: |');
for (const f of sizes) out.push(`| ${f.path.replace(/-[0-9a-f]{12,16}(?=[._])/, '-…')} | ${kb(f.raw)} KB | ${kb(f.gzip)} KB | ${kb(f.brotli)} KB |`);
out.push(`| **total** | ${kb(total.raw)} KB | **${kb(total.gzip)} KB** | ${kb(total.brotli)} KB |`);
const link = SLOW_LINK;
out.push('', '## First visit on a slow link', '',
  `Cold cache (a fresh browser context per run, service workers blocked), \`dist/\` served with gzip from \`/event-sourcing-demo/\` as GitHub Pages does, ${link.downloadBitsPerSecond / 1e6} Mbit/s down, ${link.uploadBitsPerSecond / 1e3} kbit/s up, ${link.latencyMs} ms latency (Chrome DevTools Protocol \`Network.emulateNetworkConditions\`), CPU slowed ${link.cpuSlowdown}× (\`Emulation.setCPUThrottlingRate\`), 1366×900. Medians of ${firstVisit.runs} cold runs, each time from navigation start.`,
  '', '| measurement | median |', '| --- | ---: |');
out.push(`| first contentful paint | ${sec(firstVisit.fcp)} |`);
out.push(`| wasm downloaded (end of its response) | ${sec(firstVisit.wasmLoaded)} |`);
out.push(`| interactive: the first frame painted after the app mounted and loaded its log (\`body[data-app-ready]\`) | ${sec(firstVisit.interactive)} |`);
out.push(`| a click on **Place order** made right then has its event on the page, painted | ${sec(firstVisit.answered)} |`);
out.push(`| bytes transferred until then | ${kb(firstVisit.transferred)} KB |`);
out.push('', '## In the browser (release build, headless Chromium)', '', '| measurement | 0 / 10 events | 1,000 events | 10,000 events |', '| --- | ---: | ---: | ---: |');
out.push(`| start-up: navigation to the first painted frame of the app | ${ms(page.startup[0])} | ${ms(page.startup[1000])} | ${ms(page.startup[10000])} |`);
out.push(`| click **Pay**: main-thread work (script, style, layout, paint) | ${ms(page.clickWork[10])} | ${ms(page.clickWork[1000])} | ${ms(page.clickWork[10000])} |`);
out.push(`| for reference, the browser alone: a click that inserts one event-log row, no app code (measured like the line above) | ${ms(page.rowInsert[10])} | ${ms(page.rowInsert[1000])} | ${ms(page.rowInsert[10000])} |`);
out.push(`| click **Pay** until its event is on the page (takes the cross-tab write lock first) | ${ms(page.shown[10])} | ${ms(page.shown[1000])} | ${ms(page.shown[10000])} |`);
out.push(`| click **Pay** to the next painted frame after it (includes waiting for vsync) | ${ms(page.click[10])} | ${ms(page.click[1000])} | ${ms(page.click[10000])} |`);
out.push(`| one append in localStorage (store only) | ${ms(wasm.append[0])} | ${ms(wasm.append[1])} | ${ms(wasm.append[2])} |`);
out.push('', '| measurement | value |', '| --- | ---: |');
out.push(`| replay 10,000 events (wasm) | ${ms(wasm.replay10k)} |`);
out.push(`| replay 100,000 events (wasm) | ${ms(wasm.replay100k)} |`);
out.push(`| parse an exported log of 10,000 events (wasm) | ${ms(wasm.parse10k)} |`);
out.push(`| stored size of one event (UTF-16 bytes) | ${wasm.bytesPerEvent ?? 'n/a'} |`);
out.push(`| events that fit in the localStorage quota (${wasm.limit ? kb(wasm.limit / 1024) + ' MB' : 'n/a'}) | about ${wasm.fit ?? 'n/a'} |`);
out.push(`| JS heap after loading 10,000 events | ${page.memory.jsHeap ? kb(page.memory.jsHeap / 1024) + ' MB' : 'n/a'} |`);
out.push(`| wasm memory after loading 10,000 events | ${page.memory.wasm ? kb(page.memory.wasm / 1024) + ' MB' : 'n/a'} |`);
out.push('', '## Natively (criterion, `cargo bench --bench domain`)', '', '| benchmark | median |', '| --- | ---: |');
for (const [name, v] of Object.entries(native)) out.push(`| ${name} | ${ms(v)} |`);
out.push('');
const text = out.join('\n');
writeFileSync('BENCHMARKS.md', text);
console.log(text);
process.exit(budgets.every((b) => b.pass) ? 0 : 1);
