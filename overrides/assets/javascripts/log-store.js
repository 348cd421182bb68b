// @ts-check
// The private practice log's storage and its CSV, with no DOM. One localStorage key, written only
// once the reader has turned the log on; removed entirely when it is off and empty. Nothing here,
// or anywhere in the site, sends it anywhere.

/**
 * @typedef {object} Session
 * @property {string} started   ISO 8601 time the session started (UTC)
 * @property {string} exercise  the exercise's id (e.g. box, your-own)
 * @property {string} title     its name (e.g. Box breathing)
 * @property {string} pattern   one breath as the pacer showed it (e.g. In 4 · Hold 4 · Out 4 · Hold 4)
 * @property {number} breaths   whole breaths done
 * @property {number} minutes   time practised, to a tenth of a minute, pauses left out
 * @property {'finished' | 'stopped'} ended
 * @property {number | null} before  tension before, 1 (not at all) to 5 (very), null if skipped
 * @property {number | null} after   tension after, likewise
 *
 * @typedef {{on: boolean, sessions: Session[]}} Log
 */

export const LOG_KEY = 'breathing-room:practice-log';
/** Sessions shorter than this are not kept: a Start pressed by mistake is not practice. */
export const SHORTEST_KEPT_SECONDS = 10;
export const CSV_COLUMNS = [
  'started',
  'exercise',
  'pattern',
  'breaths',
  'minutes',
  'ended',
  'tension_before',
  'tension_after',
];

/** @param {unknown} value */
const rating = value => (Number.isInteger(value) && Number(value) >= 1 && Number(value) <= 5 ? Number(value) : null);

/** A stored session as it should be, or null: storage is the reader's own, but may be from an older version.
 * @param {any} raw @returns {Session | null} */
function checked(raw) {
  if (!raw || typeof raw !== 'object' || typeof raw.started !== 'string' || Number.isNaN(Date.parse(raw.started)))
    return null;
  return {
    started: raw.started,
    exercise: String(raw.exercise || ''),
    title: String(raw.title || raw.exercise || ''),
    pattern: String(raw.pattern || ''),
    breaths: Math.max(0, Math.round(Number(raw.breaths) || 0)),
    minutes: Math.max(0, Number(raw.minutes) || 0),
    ended: raw.ended === 'finished' ? 'finished' : 'stopped',
    before: rating(raw.before),
    after: rating(raw.after),
  };
}

/** The log as stored; off and empty when nothing is stored or storage is unavailable.
 * @param {Storage} [storage] @returns {Log} */
export function readLog(storage = localStorage) {
  try {
    const raw = JSON.parse(storage.getItem(LOG_KEY) || 'null');
    if (!raw || typeof raw !== 'object') return { on: false, sessions: [] };
    const sessions = Array.isArray(raw.sessions)
      ? raw.sessions.map(checked).filter((/** @type {Session | null} */ s) => s !== null)
      : [];
    return { on: raw.on === true, sessions: /** @type {Session[]} */ (sessions) };
  } catch {
    return { on: false, sessions: [] };
  }
}

/** Store the log; a log that is off and empty leaves nothing behind. @param {Log} log @param {Storage} [storage] */
export function writeLog(log, storage = localStorage) {
  try {
    if (!log.on && !log.sessions.length) storage.removeItem(LOG_KEY);
    else storage.setItem(LOG_KEY, JSON.stringify(log));
    return true;
  } catch {
    return false; // full or refused storage: the page says the session was not kept
  }
}

/**
 * A finished or stopped session from a pacer event's detail, or null when it is too short to keep.
 * @param {{exercise: string, title: string, pattern: string, breaths: number, seconds: number}} detail
 * @param {'finished' | 'stopped'} ended @param {number} now  ms since the epoch, when it ended
 * @returns {Session | null}
 */
export function sessionFrom(detail, ended, now) {
  const seconds = Number(detail.seconds) || 0;
  if (seconds < SHORTEST_KEPT_SECONDS) return null;
  return checked({
    started: new Date(now - seconds * 1000).toISOString(),
    exercise: detail.exercise,
    title: detail.title,
    pattern: detail.pattern,
    breaths: detail.breaths,
    minutes: Math.round(seconds / 6) / 10,
    ended,
    before: null,
    after: null,
  });
}

/** A date and time on this device's clock, as "2026-11-30 09:05". @param {string} iso */
export function localTime(iso) {
  const date = new Date(iso),
    two = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet. @param {string | number | null} value */
function field(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The sessions as CSV, oldest first, with a header row. @param {Session[]} sessions */
export function toCsv(sessions) {
  const rows = [...sessions]
    .sort((a, b) => a.started.localeCompare(b.started))
    .map(s => [localTime(s.started), s.title, s.pattern, s.breaths, s.minutes, s.ended, s.before, s.after]);
  return [CSV_COLUMNS, ...rows].map(row => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * Minutes practised on each of the last `days` days (this device's calendar), oldest first.
 * @param {Session[]} sessions @param {number} days @param {Date} today
 * @returns {{day: string, minutes: number}[]}
 */
export function minutesPerDay(sessions, days, today) {
  const totals = new Map();
  for (const session of sessions) {
    const day = localTime(session.started).slice(0, 10);
    totals.set(day, (totals.get(day) || 0) + session.minutes);
  }
  const result = [];
  for (let back = days - 1; back >= 0; back--) {
    const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() - back, 12);
    const day = localTime(date.toISOString()).slice(0, 10);
    result.push({ day, minutes: Math.round((totals.get(day) || 0) * 10) / 10 });
  }
  return result;
}
