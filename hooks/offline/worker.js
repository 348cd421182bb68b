// @ts-check
/// <reference lib="webworker" />
// Breathing Room's service worker: template filled in by hooks/offline/service_worker.py after each build.
// Keeps every file of one version of the site in Cache Storage, keyed by address + content hash,
// and answers from there first, so pages, pacers and search work with no connection.
// Only files named in OFFLINE.entries are ever stored, each only after a 200 whose contents
// match its hash: nothing from another host, no 404, no half-fetched version.

/** @typedef {{base: string, cache: string, notFound: string, entries: Record<string, string>}} OfflineSettings */

const OFFLINE = /** @type {OfflineSettings} */ (/*@OFFLINE@*/ {});

const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const SITEMAP = OFFLINE.base + 'sitemap.xml';

/**
 * The cache key of one version of one file: the same address and hash in two builds give the
 * same key, so an update leaves that entry alone.
 * @param {string} path
 * @param {string} revision
 */
function cacheKey(path, revision) {
  return new URL(`${path}?offline-revision=${revision}`, worker.location.origin).href;
}

/**
 * The hash the build gave the file (see hooks/offline/service_worker.py content_hash), from what was received.
 * @param {string} path
 * @param {Response} response
 */
async function revisionOf(path, response) {
  let bytes = await response.clone().arrayBuffer();
  if (path === SITEMAP) {
    const text = new TextDecoder().decode(bytes).replace(/<lastmod>[^<]*<\/lastmod>/g, '');
    bytes = new TextEncoder().encode(text).buffer;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, byte => byte.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 16);
}

/**
 * Fetch one file and keep it, refusing anything but the exact version the build listed.
 * @param {Cache} cache
 * @param {string} path
 * @param {string} revision
 */
async function keep(cache, path, revision) {
  const response = await fetch(path, { cache: 'no-cache', credentials: 'same-origin' });
  if (response.status !== 200 || response.redirected || response.type !== 'basic') {
    throw new Error(`${path}: HTTP ${response.status}${response.redirected ? ' after a redirect' : ''}`);
  }
  const received = await revisionOf(path, response);
  if (received !== revision) {
    throw new Error(`${path}: received version ${received}, expected ${revision} (a newer build is on its way)`);
  }
  await cache.put(cacheKey(path, revision), response);
}

/** Fetch only what the cache lacks; a failure fails the install and the current version stays. */
async function install() {
  const cache = await caches.open(OFFLINE.cache);
  const present = new Set((await cache.keys()).map(request => request.url));
  const missing = Object.entries(OFFLINE.entries).filter(([path, rev]) => !present.has(cacheKey(path, rev)));
  await Promise.all(missing.map(([path, revision]) => keep(cache, path, revision)));
}

/** Drop every entry this version does not list: an old file is never served again. */
async function activate() {
  const cache = await caches.open(OFFLINE.cache);
  const wanted = new Set(Object.entries(OFFLINE.entries).map(([path, rev]) => cacheKey(path, rev)));
  const stale = (await cache.keys()).filter(request => !wanted.has(request.url));
  await Promise.all(stale.map(request => cache.delete(request)));
  await worker.clients.claim();
}

/**
 * The listed address this request is for: 'about/index.html' is the same page as 'about/'.
 * @param {URL} url
 */
function listedPath(url) {
  if (url.pathname in OFFLINE.entries) return url.pathname;
  const directory = url.pathname.replace(/index\.html$/, '');
  return directory in OFFLINE.entries ? directory : null;
}

/**
 * @param {Request} request
 * @param {string} path
 */
async function fromCache(request, path) {
  const cached = await caches.match(cacheKey(path, OFFLINE.entries[path]), { cacheName: OFFLINE.cache });
  if (cached) return cached;
  // Not stored yet (the first visit is still filling the cache): the network's answer. A fetch cut
  // short by a navigation ends as an ordinary network error, not as a rejected respondWith, which
  // Firefox reports as a failure of the worker itself.
  return fetch(request).catch(() => Response.error());
}

/**
 * A page this version does not list: the network's answer, or offline the site's own 404 page.
 * @param {Request} request
 * @param {URL} url
 */
async function pageOrNotFound(request, url) {
  try {
    return await fetch(request);
  } catch (error) {
    if (`${url.pathname}/` in OFFLINE.entries) return Response.redirect(`${url.pathname}/${url.search}`, 301);
    const notFound = await caches.match(cacheKey(OFFLINE.notFound, OFFLINE.entries[OFFLINE.notFound]), {
      cacheName: OFFLINE.cache,
    });
    if (!notFound) throw error;
    return new Response(notFound.body, { status: 404, statusText: 'Not Found', headers: notFound.headers });
  }
}

worker.addEventListener('install', event => event.waitUntil(install()));
worker.addEventListener('activate', event => event.waitUntil(activate()));

// The page's "Reload" button: the only way a waiting version takes over while pages are open.
worker.addEventListener('message', event => {
  if (event.data === 'activate-now') worker.skipWaiting();
});

worker.addEventListener('fetch', event => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin || !url.pathname.startsWith(OFFLINE.base)) {
    return; // other hosts and other sites on this host: the browser's own handling, untouched
  }
  const path = listedPath(url);
  if (path) event.respondWith(fromCache(request, path));
  else if (request.mode === 'navigate') event.respondWith(pageOrNotFound(request, url));
});
