// Trunk post-build hook. Trunk starts the hooks of one stage all at once, so the steps that
// depend on each other run here, in order: first the page's CSP gets the hash of trunk's
// bootstrap script, then the languages loaded on demand are copied, then the service worker
// lists the finished files (so it keeps the languages for offline use too).
await import('./csp-hash.mjs');
await import('./locales.mjs');
await import('./service-worker.mjs');
