// Trunk post-build hook: writes sw.js from tools/service-worker.js with the list of files to
// cache and a version that is a hash of all of them, so any change makes a new service worker.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk hook');

const files = (d) => readdirSync(d).flatMap((name) => {
  const path = join(d, name);
  return statSync(path).isDirectory() ? files(path) : [path];
});
const assets = files(dir)
  .map((path) => relative(dir, path).split('\\').join('/'))
  .filter((path) => path !== 'sw.js')
  .sort();
const hash = createHash('sha256');
for (const path of assets) hash.update(path).update(readFileSync(join(dir, path)));
const version = hash.digest('hex').slice(0, 16);
const urls = ['./', ...assets.map((path) => `./${path}`)];
const template = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8');
writeFileSync(join(dir, 'sw.js'),
  template.replace("'__VERSION__'", JSON.stringify(version)).replace('__ASSETS__', JSON.stringify(urls)));
console.log(`service-worker: version ${version}, ${urls.length} files cached`);
