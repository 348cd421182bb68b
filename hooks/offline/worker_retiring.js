// @ts-check
/// <reference lib="webworker" />
// Breathing Room's retiring service worker, written by `mkdocs serve` (see hooks/offline/service_worker.py):
// a live preview must show the pages as they are now, so this worker keeps nothing, removes the
// offline copy an earlier build may have left for this address, and unregisters itself.

const OFFLINE = /** @type {{base: string, cache: string}} */ (/*@OFFLINE@*/ {});

const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

worker.addEventListener('install', () => worker.skipWaiting());
worker.addEventListener('activate', event =>
  event.waitUntil(
    caches
      .delete(OFFLINE.cache)
      .then(() => worker.registration.unregister())
      .then(() => undefined),
  ),
);
