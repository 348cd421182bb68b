// @ts-check
// The practice log's keeper, on every page: when a pacer reports a finished or stopped session (its
// `br-pacer:finish` / `br-pacer:stop` events) and the reader has turned the log on, the session is
// kept on this device (log-store.js), and a small question under the pacer asks how tense they were
// before and are now: one tap each, skippable. With the log off this does nothing at all. Not an
// element: one listener on the document, which the events reach even from a pacer that has left it.
import { readLog, sessionFrom, writeLog } from './log-store.js';

/** @typedef {import('./log-store.js').Session} Session */

/** The address of the "Your practice" page, from the site's root (where the manifest is). */
function practicePage() {
  const manifest = /** @type {HTMLLinkElement | null} */ (document.querySelector('link[rel=manifest]'));
  return manifest ? new URL('practice/', manifest.href).href : '';
}

/** Change one kept session, found by its start time and exercise. @param {Session} kept @param {Partial<Session>} change */
function update(kept, change) {
  const log = readLog();
  const session = log.sessions.find(s => s.started === kept.started && s.exercise === kept.exercise);
  if (!session || !log.on) return false;
  Object.assign(session, change);
  return writeLog(log);
}

/** One question, five buttons; a tap answers it. @param {string} question @param {(value: number) => boolean} answer */
function ratingRow(question, answer) {
  const row = document.createElement('fieldset');
  row.className = 'br-log-rate__row';
  const legend = document.createElement('legend');
  legend.textContent = question;
  row.append(legend);
  for (let value = 1; value <= 5; value++) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'br-pacer__btn br-log-rate__value';
    button.textContent = String(value);
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', () => {
      if (!answer(value)) return;
      for (const other of row.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other === button));
    });
    row.append(button);
  }
  return row;
}

/** The question under the pacer that just ended. @param {Element} pacer @param {Session} kept */
function askAbout(pacer, kept) {
  pacer.parentElement?.querySelector(':scope > .br-log-rate')?.remove();
  const box = document.createElement('div');
  box.className = 'br-log-rate';
  const said = document.createElement('p');
  said.append(`Kept in your practice log: ${kept.minutes} min. `);
  const link = document.createElement('a');
  link.href = practicePage();
  link.textContent = 'See your practice';
  said.append(link);
  const hint = document.createElement('p');
  hint.textContent = 'If you like, say how tense you felt, from 1 (not at all) to 5 (very).';
  const skip = document.createElement('button');
  skip.type = 'button';
  skip.className = 'br-pacer__btn br-log-rate__skip';
  skip.textContent = 'Skip';
  skip.addEventListener('click', () => box.remove());
  box.append(
    said,
    hint,
    ratingRow('Before you started', value => update(kept, { before: value })),
    ratingRow('Now', value => update(kept, { after: value })),
    skip,
  );
  pacer.after(box);
}

/** @param {Event} event @param {'finished' | 'stopped'} ended */
function record(event, ended) {
  const log = readLog();
  if (!log.on) return;
  const session = sessionFrom(/** @type {CustomEvent} */ (event).detail, ended, Date.now());
  if (!session) return;
  log.sessions.push(session);
  if (!writeLog(log)) return;
  const pacer = event.target;
  if (pacer instanceof Element && pacer.isConnected) askAbout(pacer, session);
}

// Registered once for the life of the document (module scripts run once, instant navigation or not).
document.addEventListener('br-pacer:finish', event => record(event, 'finished'));
document.addEventListener('br-pacer:stop', event => record(event, 'stopped'));
