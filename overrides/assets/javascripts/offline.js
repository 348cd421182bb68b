// @ts-check
// Breathing Room offline copy: registers the service worker the build writes (sw.js at the site's
// root) and, when a newer version of the site has been fetched in the background, says so in one
// quiet line with a Reload button. Nothing reloads unless the reader presses it.
// A module loaded once per full page load, so Material's instant navigation never runs it twice;
// the line lives directly in <body>, which instant navigation keeps.

const SITE_ROOT = new URL('../../', import.meta.url); // this file is assets/javascripts/offline.js
const RECHECK_MS = 30 * 60 * 1000; // a reader who keeps the tab open still hears of updates

/** @type {HTMLElement | null} */
let line = null;
let reloadRequested = false;
let lastCheck = Date.now();

/** The status line, created empty at start so screen readers announce it when it fills. */
function statusLine() {
  if (line) return line;
  line = document.createElement('div');
  line.className = 'br-update';
  line.setAttribute('role', 'status');
  document.body.append(line);
  return line;
}

/**
 * Tell the reader a new version is ready; pressing Reload hands over to it and reloads this tab.
 * @param {ServiceWorker | null} waiting the installed worker, or null when it already took over
 */
function announceUpdate(waiting) {
  const region = statusLine();
  if (region.childElementCount) return;
  const text = document.createElement('span');
  text.textContent = 'A new version of this site is ready.';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'br-update__button';
  reload.textContent = 'Reload';
  reload.addEventListener('click', () => {
    reloadRequested = true;
    if (waiting && waiting.state === 'installed') waiting.postMessage('activate-now');
    else location.reload();
  });
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'br-update__button br-update__button--quiet';
  later.textContent = 'Later';
  later.addEventListener('click', () => region.replaceChildren());
  region.replaceChildren(text, ' ', reload, ' ', later);
}

/**
 * @param {ServiceWorkerRegistration} registration
 */
function watchForUpdates(registration) {
  const hadController = Boolean(navigator.serviceWorker.controller);
  if (registration.waiting && hadController) announceUpdate(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const incoming = registration.installing;
    incoming?.addEventListener('statechange', () => {
      // The very first install is not an update: nothing to say.
      if (incoming.state === 'installed' && navigator.serviceWorker.controller) announceUpdate(incoming);
    });
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloadRequested) location.reload();
    else if (hadController) announceUpdate(null); // another tab's Reload moved this one on
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || !navigator.onLine || Date.now() - lastCheck < RECHECK_MS) return;
    lastCheck = Date.now();
    registration.update().catch(() => {}); // offline or server down: try again later
  });
}

async function register() {
  try {
    const registration = await navigator.serviceWorker.register(new URL('sw.js', SITE_ROOT), {
      scope: SITE_ROOT.pathname,
      updateViaCache: 'none',
    });
    watchForUpdates(registration);
  } catch {
    // No offline copy (private mode, storage off, file:// or a preview without sw.js): the site works as before.
  }
}

if ('serviceWorker' in navigator && window.isSecureContext) {
  statusLine();
  // After the page's own load, so the offline copy never competes with what the reader came for.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', () => register(), { once: true });
}
