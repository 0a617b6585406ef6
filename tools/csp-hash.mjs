// Trunk post-build hook: allows exactly the inline scripts trunk wrote into index.html.
//
// index.html's Content-Security-Policy carries the placeholder __INLINE_SCRIPT_HASHES__. Trunk
// injects an inline <script type="module"> that loads the wasm; its text names the hashed file
// names, so it changes with every build and its hash can only be known afterwards. This hook
// runs once the final index.html is in the staging directory and replaces the placeholder with
// a 'sha256-...' source for each inline script. Release builds allow nothing else inline; debug
// builds (trunk serve) also allow 'unsafe-inline' so trunk's injected auto-reload script runs.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PLACEHOLDER = '__INLINE_SCRIPT_HASHES__';
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk hook');
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
if (!html.includes(PLACEHOLDER)) throw new Error(`${file} has no ${PLACEHOLDER} in its CSP`);

const sources = [];
for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  const [, attributes, body] = match;
  if (/\bsrc\s*=/i.test(attributes)) continue;
  sources.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}
if (sources.length === 0) throw new Error('no inline script found: is the placeholder still needed?');
// A hash would make browsers ignore 'unsafe-inline', so debug builds list that alone.
const allowed = process.env.TRUNK_PROFILE === 'release' ? sources : ["'unsafe-inline'"];
writeFileSync(file, html.replace(PLACEHOLDER, allowed.join(' ')));
console.log(`csp-hash: allowed ${allowed.join(' ')}`);
