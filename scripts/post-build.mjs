// Trunk post-build hook. Trunk starts the hooks of one stage all at once, so the steps that
// depend on each other run here, in order: first the page's CSP gets the hash of trunk's
// bootstrap script, then the service worker lists the finished files.
await import('./csp-hash.mjs');
await import('./service-worker.mjs');
