// Trunk post-build hook: writes into the first screen how much the app still has to download.
//
// index.html's first screen says "Loading the app (__APP_DOWNLOAD_KB__ KB)…" while the wasm and
// its JavaScript download (the HTML and CSS are there already, or it would not be painted). This
// hook replaces the placeholder with their gzip size, as a static host such as GitHub Pages
// sends them (gzip -9 here, as .ci/bench and the size test count; KB of 1,024 bytes). It runs
// before csp-hash.mjs and service-worker.mjs, which read the final index.html.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const PLACEHOLDER = '__APP_DOWNLOAD_KB__';
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk hook');
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
if (html.split(PLACEHOLDER).length !== 2) throw new Error(`${file} must hold ${PLACEHOLDER} exactly once`);

// The files trunk's loader fetches: the wasm-bindgen JS it imports and the wasm it passes to init
// (under the public URL: './' in release builds, '/' for trunk serve).
const js = html.match(/import init, \* as bindings from '[^']*?([^'/]+\.js)'/)?.[1];
const wasm = html.match(/module_or_path: '[^']*?([^'/]+\.wasm)'/)?.[1];
if (!js || !wasm) throw new Error(`${file}: trunk's loader (its JS import and wasm path) not found`);
const bytes = [js, wasm].reduce((sum, name) => sum + gzipSync(readFileSync(join(dir, name)), { level: 9 }).length, 0);
const kb = Math.round(bytes / 1024).toLocaleString('en-US');
writeFileSync(file, html.replace(PLACEHOLDER, kb));
console.log(`download-size: the app downloads ${kb} KB gzip (${js}, ${wasm})`);
