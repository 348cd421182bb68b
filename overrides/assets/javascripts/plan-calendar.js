// @ts-check
// A practice plan as an iCalendar file (RFC 5545), with no DOM: one daily event at the plan's time
// in the reader's own time zone, repeated for the plan's days, lasting its minutes, with a reminder.
// The reader's zone is described in the file itself (a VTIMEZONE computed with Intl from the zone's
// offsets), so DTSTART;TZID=... means the same wall-clock time in any calendar that imports it.
//
// Start rule: the first session is today if the plan's time is still ahead on the reader's clock
// (the file is made before it), otherwise tomorrow.
// Reminder rule: the alarm goes off when the session starts (TRIGGER:PT0S): the time the reader
// chose is the time to breathe, and one moment to remember is simpler than two.

/**
 * @typedef {object} CalendarPlan  What the file needs of a plan (plan-link.js's Plan has it).
 * @property {number} minutes  a day's session
 * @property {number} days     sessions, one a day
 * @property {string} time     HH:MM, 24-hour, the reader's local time
 *
 * @typedef {object} CalendarOptions
 * @property {string} title        the event's name, plain text
 * @property {string} url          the plan link (absolute http or https)
 * @property {string} description  plain text; the link is added after it
 * @property {Date} now            when the file is made: the start date and DTSTAMP come from it
 * @property {string} timeZone     the reader's IANA zone, e.g. Intl.DateTimeFormat().resolvedOptions().timeZone
 * @property {string} [uid]        the event's UID; by default one made from the link and the start date
 *
 * @typedef {{year: number, month: number, day: number}} LocalDate
 *
 * @typedef {object} Transition  A change of the zone's offset from UTC.
 * @property {number} at    the first instant (ms since 1970, UTC) of the new offset
 * @property {number} from  the offset before, in seconds east of UTC
 * @property {number} to    the offset after
 */

export const PRODID = '-//Breathing Room//Practice plan//EN';
const CRLF = '\r\n';
const LONGEST_LINE = 75; // octets, not counting the line break (RFC 5545, 3.1)
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const ZONE_NAME = /^[A-Za-z0-9_+-]+(?:\/[A-Za-z0-9_+-]+)*$/;
// Control characters have no place in a calendar's text; a tab is kept as a space.
const CONTROL = /\p{Cc}/gu;

const encoder = new TextEncoder();

/**
 * Text as an iCalendar TEXT value: backslashes, semicolons and commas escaped, line breaks as \n.
 * @param {string} text
 */
export function escapeText(text) {
  return text
    .replace(/\r\n|\r/g, '\n')
    .replace(/\t/g, ' ')
    .split('\n')
    .map(line => line.replace(CONTROL, '').replace(/[\\;,]/g, '\\$&'))
    .join('\\n');
}

/**
 * One content line folded so that no line is longer than 75 octets of UTF-8, each continuation
 * starting with a space; a character is never split between lines.
 * @param {string} line
 */
export function foldLine(line) {
  const lines = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > LONGEST_LINE) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** @param {number} n @param {number} [width] */
const pad = (n, width = 2) => String(n).padStart(width, '0');

/** A formatter that gives a zone's wall clock as numbers. @param {string} timeZone */
function wallClock(timeZone) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  /** @param {number} ms */
  return ms => {
    /** @type {Record<string, number>} */
    const parts = {};
    for (const part of format.formatToParts(ms)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    return parts;
  };
}

/**
 * The zone's offset from UTC at an instant, in seconds east (London in summer: 3600).
 * @param {(ms: number) => Record<string, number>} clock  from wallClock
 * @param {number} ms
 */
function offsetAt(clock, ms) {
  const whole = Math.floor(ms / 1000) * 1000;
  const p = clock(whole);
  return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole) / 1000;
}

/**
 * The date of the first session: today on the reader's clock if the plan's time is still ahead,
 * else tomorrow.
 * @param {string} time  HH:MM
 * @param {Date} now
 * @param {string} timeZone
 * @returns {LocalDate}
 */
export function startDate(time, now, timeZone) {
  const p = wallClock(timeZone)(now.getTime());
  const [hour, minute] = time.split(':').map(Number);
  const ahead = hour * 3600 + minute * 60 > p.hour * 3600 + p.minute * 60 + p.second;
  const date = new Date(Date.UTC(p.year, p.month - 1, p.day + (ahead ? 0 : 1)));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * Every change of the zone's offset between two instants, found day by day and then to the minute.
 * @param {string} timeZone @param {number} fromMs @param {number} toMs
 * @returns {Transition[]}
 */
export function transitions(timeZone, fromMs, toMs) {
  const clock = wallClock(timeZone);
  /** @type {Transition[]} */
  const found = [];
  let before = offsetAt(clock, fromMs);
  for (let day = fromMs + DAY_MS; day < toMs + DAY_MS; day += DAY_MS) {
    const after = offsetAt(clock, day);
    if (after === before) continue;
    let [old, changed] = [Math.floor((day - DAY_MS) / MINUTE_MS), Math.floor(day / MINUTE_MS)];
    while (changed - old > 1) {
      const middle = Math.floor((old + changed) / 2);
      if (offsetAt(clock, middle * MINUTE_MS) === before) old = middle;
      else changed = middle;
    }
    found.push({ at: changed * MINUTE_MS, from: before, to: after });
    before = after;
  }
  return found;
}

/** An offset as iCalendar writes it: +0100, -0600, +0530. @param {number} seconds */
export function utcOffset(seconds) {
  const sign = seconds < 0 ? '-' : '+';
  const whole = Math.abs(seconds);
  const rest = whole % 60;
  return `${sign}${pad(Math.floor(whole / 3600))}${pad(Math.floor(whole / 60) % 60)}${rest ? pad(rest) : ''}`;
}

/** A UTC instant's fields, shifted by an offset, as YYYYMMDDTHHMMSS. @param {number} ms */
function dateTime(ms) {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

/**
 * The zone as a VTIMEZONE: every offset change from a year before the first session to a day after
 * the last, each as a STANDARD or DAYLIGHT observance starting at the change's local time (in the
 * offset before it). An observance is DAYLIGHT when its offset is more than the least offset in
 * that span. A zone without changes is one STANDARD observance from 1970.
 * @param {string} timeZone
 * @param {LocalDate} first  the first session's date
 * @param {number} days      sessions
 * @returns {string[]} content lines, unfolded
 */
export function vtimezone(timeZone, first, days) {
  const firstMs = Date.UTC(first.year, first.month - 1, first.day);
  const from = firstMs - 366 * DAY_MS;
  const to = firstMs + (days + 1) * DAY_MS;
  const changes = transitions(timeZone, from, to);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  if (!changes.length) {
    const offset = utcOffset(offsetAt(wallClock(timeZone), firstMs));
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`);
    return [...lines, 'END:STANDARD', 'END:VTIMEZONE'];
  }
  const least = Math.min(...changes.flatMap(change => [change.from, change.to]));
  for (const change of changes) {
    const kind = change.to > least ? 'DAYLIGHT' : 'STANDARD';
    lines.push(`BEGIN:${kind}`, `DTSTART:${dateTime(change.at + change.from * 1000)}`);
    lines.push(`TZOFFSETFROM:${utcOffset(change.from)}`, `TZOFFSETTO:${utcOffset(change.to)}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** A short, stable hash of text (FNV-1a, 32 bits), as 8 hex digits. @param {string} text */
function hash(text) {
  let h = 0x811c9dc5;
  for (const byte of encoder.encode(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * The plan as the text of an .ics file: CRLF line ends, lines folded at 75 octets.
 * Throws a RangeError for a time zone Intl does not know, or a link that is not http(s).
 * @param {CalendarPlan} plan
 * @param {CalendarOptions} options
 */
export function icsFor(plan, options) {
  const { timeZone } = options;
  if (!ZONE_NAME.test(timeZone)) throw new RangeError(`Not a time zone name: ${timeZone}`);
  wallClock(timeZone); // Intl throws a RangeError for a zone it does not know
  const link = new URL(options.url);
  if (link.protocol !== 'https:' && link.protocol !== 'http:') throw new RangeError('The plan link must be http(s).');
  const first = startDate(plan.time, options.now, timeZone);
  const day = `${pad(first.year, 4)}${pad(first.month)}${pad(first.day)}`;
  const uid = options.uid ?? `${day}-${hash(link.href)}@${link.hostname}`;
  const title = escapeText(options.title);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...vtimezone(timeZone, first, plan.days),
    'BEGIN:VEVENT',
    `UID:${escapeText(uid)}`,
    `DTSTAMP:${dateTime(options.now.getTime())}Z`,
    `DTSTART;TZID=${timeZone}:${day}T${plan.time.replace(':', '')}00`,
    `DURATION:PT${plan.minutes}M`,
    `RRULE:FREQ=DAILY;COUNT=${plan.days}`,
    `SUMMARY:${title}`,
    `DESCRIPTION:${escapeText(`${options.description}\n\n${link.href}`)}`,
    `URL:${link.href}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${title}`,
    'TRIGGER:PT0S',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
