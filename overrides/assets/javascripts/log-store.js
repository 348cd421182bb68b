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
/** The CSV's columns. The first eight are for reading (local time, the exercise's name); the last
 * two, added later and kept last so older readers of the file still find theirs, make the file
 * restorable exactly: the start time as stored (UTC) and the exercise's id. */
export const CSV_COLUMNS = [
  'started',
  'exercise',
  'pattern',
  'breaths',
  'minutes',
  'ended',
  'tension_before',
  'tension_after',
  'started_utc',
  'exercise_id',
];
/** Byte order mark: without it Excel on Windows reads UTF-8 as its own code page ("In 4 Â· Out 6"). */
export const BOM = '\uFEFF';
/** A bigger file is not a log this page wrote (a session is about 120 bytes): refused unread. */
export const LARGEST_RESTORE_BYTES = 2_000_000;

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

/** Starts like a spreadsheet formula (after any quote marks we put in front of one). */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet (a leading `'`,
 * which restoring takes off again). @param {string | number | null} value */
function field(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = "'" + text;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A field as it was before field() guarded it against formulas. @param {string} text */
const unguarded = text => (FORMULA_START.test(text) && text.startsWith("'") ? text.slice(1) : text);

/** The sessions as CSV, oldest first, with a header row: UTF-8 with a byte order mark, CRLF line
 * ends (RFC 4180). @param {Session[]} sessions */
export function toCsv(sessions) {
  const rows = [...sessions]
    .sort((a, b) => a.started.localeCompare(b.started))
    .map(s => [
      localTime(s.started),
      s.title,
      s.pattern,
      s.breaths,
      s.minutes,
      s.ended,
      s.before,
      s.after,
      s.started,
      s.exercise,
    ]);
  return BOM + [CSV_COLUMNS, ...rows].map(row => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * CSV text as rows of fields (RFC 4180: quoted fields may hold commas, line breaks and doubled
 * quotes; lines end in CRLF or LF; a byte order mark at the start is dropped).
 * @param {string} text @returns {{rows: string[][]} | {problem: string}}
 */
export function parseCsv(text) {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  /** @type {string[][]} */
  const rows = [];
  /** @type {string[]} */
  let row = [];
  let value = '',
    at = 0,
    quoted = false,
    wasQuoted = false;
  const endField = () => {
    row.push(value);
    value = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (at < source.length) {
    const char = source[at];
    if (quoted) {
      if (char === '"' && source[at + 1] === '"') {
        value += '"';
        at += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else value += char;
      at += 1;
      continue;
    }
    if (char === '"') {
      if (value !== '' || wasQuoted) return { problem: `row ${rows.length + 1} has a quote mark inside a field` };
      quoted = wasQuoted = true;
    } else if (char === ',') endField();
    else if (char === '\r' && source[at + 1] === '\n') {
      endRow();
      at += 1;
    } else if (char === '\n' || char === '\r') endRow();
    else if (wasQuoted) return { problem: `row ${rows.length + 1} has text after a closing quote mark` };
    else value += char;
    at += 1;
  }
  if (quoted) return { problem: `row ${rows.length + 1} has a quote mark that is never closed` };
  if (value !== '' || wasQuoted || row.length) endRow();
  return { rows };
}

/** @param {string} text @returns {number | null} */
function tension(text) {
  if (text === '') return null;
  const value = Number(text);
  return /^[1-5]$/.test(text) ? value : NaN;
}

/**
 * The sessions in a CSV that toCsv() wrote, each exactly as it was kept, or what is wrong with the
 * file (one sentence for the reader). Nothing partial: one bad row and no session is taken.
 * @param {string} text @returns {{sessions: Session[]} | {problem: string}}
 */
export function sessionsFromCsv(text) {
  const notOurs = 'This file is not a log downloaded from this page';
  if (text.length > LARGEST_RESTORE_BYTES) return { problem: `${notOurs}: it is far too big.` };
  if (text.includes('\u0000') || text.includes('\uFFFD')) return { problem: `${notOurs}: it is not a text file.` };
  if (!text.replace(BOM, '').trim()) return { problem: 'This file is empty.' };
  const parsed = parseCsv(text);
  if ('problem' in parsed) return { problem: `${notOurs}: ${parsed.problem}.` };
  const [header, ...rows] = parsed.rows.filter(row => row.length > 1 || row[0] !== '');
  if (header.join(',') === CSV_COLUMNS.slice(0, 8).join(','))
    return {
      problem: `${notOurs} as it is now: it has no started_utc and exercise_id columns, so its sessions cannot be brought back exactly.`,
    };
  if (header.join(',') !== CSV_COLUMNS.join(','))
    return { problem: `${notOurs}: its first line should be the column names ${CSV_COLUMNS.join(',')}.` };
  /** @type {Session[]} */
  const sessions = [];
  for (const [index, cells] of rows.entries()) {
    const where = `row ${index + 2}`;
    if (cells.length !== CSV_COLUMNS.length)
      return { problem: `${notOurs}: ${where} has ${cells.length} fields, not ${CSV_COLUMNS.length}.` };
    const [, title, pattern, breaths, minutes, ended, before, after, started, exercise] = cells.map(unguarded);
    /** @type {[string, boolean][]} */
    const checks = [
      ['started_utc', /^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)$/.test(started) && !Number.isNaN(Date.parse(started))],
      ['exercise_id', exercise !== ''],
      ['breaths', /^\d+$/.test(breaths)],
      ['minutes', /^\d+(\.\d+)?$/.test(minutes)],
      ['ended', ended === 'finished' || ended === 'stopped'],
      ['tension_before', !Number.isNaN(tension(before))],
      ['tension_after', !Number.isNaN(tension(after))],
    ];
    const wrong = checks.find(([, fine]) => !fine);
    if (wrong) return { problem: `${notOurs}: ${where} has an unexpected ${wrong[0]}.` };
    sessions.push({
      started,
      exercise,
      title,
      pattern,
      breaths: Number(breaths),
      minutes: Number(minutes),
      ended: /** @type {'finished' | 'stopped'} */ (ended),
      before: tension(before),
      after: tension(after),
    });
  }
  return { sessions };
}

/** The same session (as log-keeper.js finds one): same start and same exercise. @param {Session} a @param {Session} b */
const sameSession = (a, b) => a.started === b.started && a.exercise === b.exercise;

/**
 * The kept sessions with the restored ones added, oldest first; a session already kept stays as it
 * is (a restored file never doubles a session, nor undoes a tension given since).
 * @param {Session[]} kept @param {Session[]} restored
 * @returns {{sessions: Session[], added: number, already: number}}
 */
export function mergeSessions(kept, restored) {
  const sessions = [...kept];
  let added = 0;
  for (const session of restored) {
    if (sessions.some(other => sameSession(other, session))) continue;
    sessions.push(session);
    added += 1;
  }
  sessions.sort((a, b) => a.started.localeCompare(b.started));
  return { sessions, added, already: restored.length - added };
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
