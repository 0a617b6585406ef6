// The app's service worker: after one visit the app opens again with no network.
// tools/service-worker.mjs stamps VERSION and ASSETS at build time and writes dist/sw.js, so every
// deployment with any changed file has a byte-different sw.js, which is how browsers notice it.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const PREFIX = 'event-sourcing-demo-';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  // cache: 'reload' so a stale HTTP cache entry can never be stored as the new version.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(ASSETS.map((url) => new Request(url, { cache: 'reload' })))),
  );
  // No skipWaiting() here: a new version waits until the page says "update now", so a class in
  // the middle of a lesson is never switched to new code under its feet.
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    // The very first visit is controlled at once, so it already works offline.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Every navigation gets the app shell: the app keeps its state in the URL fragment only.
    const cached = request.mode === 'navigate'
      ? await cache.match('./index.html')
      : await cache.match(request, { ignoreSearch: true });
    return cached ?? fetch(request);
  })());
});
