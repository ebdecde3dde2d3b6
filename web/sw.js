// Hear Me's service worker, so the app opens with no network (a home visit without Wi-Fi,
// a tab the tablet discarded). scripts/service-worker.mjs writes the build's own files and
// their content hash into this template after every build: there is no hand-kept list.
//
// - Install: every file of this build into one cache, all or nothing (a failed download
//   leaves the previous version working offline).
// - An update waits: the page shows "A new version is ready" to the worker, who applies it
//   (the page posts "apply-update") when no child is in the middle of something.
// - Fetch: the page itself, from any address inside the scope, is this build's index.html;
//   every other file of this origin comes from the cache, then the network. Nothing from
//   another origin is touched (and the CSP allows none).

const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `hear-me-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('hear-me-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'apply-update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const cached =
        request.mode === 'navigate' ? await cache.match('index.html') : await cache.match(request, { ignoreSearch: true });
      return cached || fetch(request);
    })(),
  );
});
