// @ts-check
// The plan's calendar file: `node --test tests/js/`. Structure, folding and escaping as RFC 5545
// asks, the start date, and the reader's time zone described in the file for zones north and
// south of the equator, with and without daylight saving time. tests/test_plan_calendar.py reads
// the same files with a maintained iCalendar library.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  PRODID,
  escapeText,
  foldLine,
  icsFor,
  startDate,
  transitions,
  utcOffset,
  vtimezone,
} from '../../overrides/assets/javascripts/plan-calendar.js';

const URL_ = 'https://example.org/breathing-room/practice/plan/?exercise=gentle&minutes=5&days=14&time=08:00';
const PLAN = { minutes: 5, days: 14, time: '08:00' };
/** @param {Partial<import('../../overrides/assets/javascripts/plan-calendar.js').CalendarOptions>} [options] */
const OPTIONS = (options = {}) => ({
  title: 'Gentle breathing, 5 minutes',
  url: URL_,
  description: 'Gentle breathing, 5 minutes a day, for 14 days, at 8:00',
  now: new Date('2026-03-20T07:00:00Z'),
  timeZone: 'Europe/London',
  ...options,
});
const octets = (/** @type {string} */ text) => new TextEncoder().encode(text).length;
/** The content lines, unfolded. @param {string} ics */
const unfolded = ics => ics.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
/** The blocks of one kind, each as its lines. @param {string[]} lines @param {string} kind */
const blocks = (lines, kind) => {
  /** @type {string[][]} */
  const found = [];
  let inside = /** @type {string[] | null} */ (null);
  for (const line of lines) {
    if (line === `BEGIN:${kind}`) inside = [];
    else if (line === `END:${kind}`) (found.push(/** @type {string[]} */ (inside)), (inside = null));
    else if (inside) inside.push(line);
  }
  return found;
};
/** @param {string[]} lines @param {string} name */
const value = (lines, name) => lines.find(line => line.startsWith(name + ':') || line.startsWith(name + ';'));

describe('plan calendar: the file', () => {
  it('is one VCALENDAR with one daily VEVENT, its zone, its reminder and its link', () => {
    const ics = icsFor(PLAN, OPTIONS());
    assert.ok(ics.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(ics), 'every line ends in CRLF');
    const lines = unfolded(ics);
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.equal(lines.at(-1), 'END:VCALENDAR');
    for (const line of ['VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN']) assert.ok(lines.includes(line), line);
    const [event] = blocks(lines, 'VEVENT');
    assert.equal(blocks(lines, 'VEVENT').length, 1);
    assert.equal(value(event, 'DTSTART'), 'DTSTART;TZID=Europe/London:20260320T080000');
    assert.equal(value(event, 'RRULE'), 'RRULE:FREQ=DAILY;COUNT=14');
    assert.equal(value(event, 'DURATION'), 'DURATION:PT5M');
    assert.equal(value(event, 'DTSTAMP'), 'DTSTAMP:20260320T070000Z');
    assert.equal(value(event, 'URL'), `URL:${URL_}`);
    assert.equal(value(event, 'SUMMARY'), 'SUMMARY:Gentle breathing\\, 5 minutes');
    assert.equal(
      value(event, 'DESCRIPTION'),
      `DESCRIPTION:Gentle breathing\\, 5 minutes a day\\, for 14 days\\, at 8:00\\n\\n${URL_}`,
    );
    assert.match(value(event, 'UID') ?? '', /^UID:20260320-[0-9a-f]{8}@example\.org$/);
    const [alarm] = blocks(lines, 'VALARM');
    assert.deepEqual(alarm, ['ACTION:DISPLAY', 'DESCRIPTION:Gentle breathing\\, 5 minutes', 'TRIGGER:PT0S']);
    assert.equal(blocks(lines, 'VTIMEZONE').length, 1);
    assert.equal(value(blocks(lines, 'VTIMEZONE')[0], 'TZID'), 'TZID:Europe/London');
  });

  it('keeps the UID for the same plan and start date, and changes it for another of either', () => {
    const uid = (/** @type {string} */ ics) => value(unfolded(ics), 'UID');
    const first = uid(icsFor(PLAN, OPTIONS()));
    assert.equal(uid(icsFor(PLAN, OPTIONS({ now: new Date('2026-03-20T07:59:00Z') }))), first);
    assert.notEqual(uid(icsFor(PLAN, OPTIONS({ now: new Date('2026-03-20T08:00:00Z') }))), first);
    assert.notEqual(uid(icsFor(PLAN, OPTIONS({ url: URL_.replace('days=14', 'days=15') }))), first);
    assert.equal(uid(icsFor(PLAN, OPTIONS({ uid: 'given,one' }))), 'UID:given\\,one');
  });

  it('refuses a zone Intl does not know, a zone name that is not one, and a link that is not http(s)', () => {
    assert.throws(() => icsFor(PLAN, OPTIONS({ timeZone: 'Mars/Olympus' })), RangeError);
    assert.throws(() => icsFor(PLAN, OPTIONS({ timeZone: 'Europe/London:x;y' })), RangeError);
    assert.throws(() => icsFor(PLAN, OPTIONS({ url: 'javascript:alert(1)' })), RangeError);
    assert.throws(() => icsFor(PLAN, OPTIONS({ url: 'not a link' })), TypeError);
  });
});

describe('plan calendar: folding and escaping', () => {
  it('folds at 75 octets of UTF-8, never inside a character, and unfolds to the same line', () => {
    const line = 'DESCRIPTION:' + 'Atmen – ruhig 🫁, ça va; 呼吸 '.repeat(12);
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    assert.ok(physical.length > 5);
    for (const [n, part] of physical.entries()) {
      assert.ok(octets(part) <= 75, `line ${n} is ${octets(part)} octets`);
      if (n > 0) assert.ok(part.startsWith(' '), 'a continuation starts with a space');
      assert.doesNotThrow(() => encodeURIComponent(part), 'no half of a character');
    }
    assert.ok(octets(physical[0]) >= 72, 'a line is filled before it is folded');
    assert.equal(folded.replace(/\r\n /g, ''), line);
    assert.equal(foldLine('X'.repeat(75)), 'X'.repeat(75));
    assert.equal(foldLine('X'.repeat(76)), 'X'.repeat(75) + '\r\n X');
  });

  it('folds every line of a file with long, non-English text', () => {
    const ics = icsFor(
      PLAN,
      OPTIONS({ title: 'Sanftes Atmen – fünf Minuten 🫁'.repeat(4), description: 'ß'.repeat(200) }),
    );
    for (const line of ics.split('\r\n')) assert.ok(octets(line) <= 75, line);
    const lines = unfolded(ics);
    assert.equal(value(lines, 'DESCRIPTION'), `DESCRIPTION:${'ß'.repeat(200)}\\n\\n${URL_}`);
  });

  it('escapes backslashes, semicolons, commas and line breaks, and drops control characters', () => {
    assert.equal(escapeText('a\\b;c,d\ne\r\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\\ng');
    assert.equal(escapeText('tab\there\u0000\u0007\u001b[31m\u007f'), 'tab here[31m');
    const lines = unfolded(icsFor(PLAN, OPTIONS({ title: 'x\r\nEND:VEVENT\r\nBEGIN:VEVENT', description: 'a;b' })));
    assert.equal(value(lines, 'SUMMARY'), 'SUMMARY:x\\nEND:VEVENT\\nBEGIN:VEVENT');
    assert.equal(blocks(lines, 'VEVENT').length, 1, 'text from outside cannot start another event');
  });
});

describe('plan calendar: the first session', () => {
  it('is today while the time is still ahead on the reader’s clock, else tomorrow', () => {
    const london = (/** @type {string} */ iso) => startDate('08:00', new Date(iso), 'Europe/London');
    assert.deepEqual(london('2026-01-10T07:59:59Z'), { year: 2026, month: 1, day: 10 });
    assert.deepEqual(london('2026-01-10T08:00:00Z'), { year: 2026, month: 1, day: 11 });
    assert.deepEqual(london('2026-07-10T06:59:00Z'), { year: 2026, month: 7, day: 10 }, '07:59 BST');
    assert.deepEqual(london('2026-07-10T07:00:00Z'), { year: 2026, month: 7, day: 11 }, '08:00 BST');
    assert.deepEqual(london('2026-12-31T23:30:00Z'), { year: 2027, month: 1, day: 1 }, 'across a year');
  });

  it("uses the reader's date, not UTC's", () => {
    // 21:00 UTC on 10 January is 08:00 on 11 January in Sydney (UTC+11 in summer).
    assert.deepEqual(startDate('09:00', new Date('2026-01-10T21:00:00Z'), 'Australia/Sydney'), {
      year: 2026,
      month: 1,
      day: 11,
    });
    assert.deepEqual(startDate('07:00', new Date('2026-01-10T21:00:00Z'), 'Australia/Sydney'), {
      year: 2026,
      month: 1,
      day: 12,
    });
    // 02:00 UTC on 11 January is 20:00 on 10 January in Chicago (UTC-6).
    assert.deepEqual(startDate('21:30', new Date('2026-01-11T02:00:00Z'), 'America/Chicago'), {
      year: 2026,
      month: 1,
      day: 10,
    });
  });
});

describe('plan calendar: the reader’s time zone', () => {
  it('writes offsets as iCalendar does', () => {
    assert.equal(utcOffset(0), '+0000');
    assert.equal(utcOffset(3600), '+0100');
    assert.equal(utcOffset(-6 * 3600), '-0600');
    assert.equal(utcOffset(19800), '+0530');
    assert.equal(utcOffset(-(3 * 3600 + 30 * 60)), '-0330');
    assert.equal(utcOffset(-75), '-000115');
  });

  it('finds each change to the minute', () => {
    const year = (/** @type {string} */ zone) =>
      transitions(zone, Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31)).map(({ at, from, to }) => [
        new Date(at).toISOString(),
        from / 3600,
        to / 3600,
      ]);
    assert.deepEqual(year('Europe/London'), [
      ['2026-03-29T01:00:00.000Z', 0, 1],
      ['2026-10-25T01:00:00.000Z', 1, 0],
    ]);
    assert.deepEqual(year('America/Chicago'), [
      ['2026-03-08T08:00:00.000Z', -6, -5],
      ['2026-11-01T07:00:00.000Z', -5, -6],
    ]);
    assert.deepEqual(year('Australia/Sydney'), [
      ['2026-04-04T16:00:00.000Z', 11, 10],
      ['2026-10-03T16:00:00.000Z', 10, 11],
    ]);
    assert.deepEqual(year('Asia/Kolkata'), []);
  });

  it('Europe/London: the changes from a year before to the end, at local time before each', () => {
    const zone = vtimezone('Europe/London', { year: 2026, month: 3, day: 20 }, 14);
    assert.deepEqual(blocks(zone, 'DAYLIGHT'), [
      ['DTSTART:20250330T010000', 'TZOFFSETFROM:+0000', 'TZOFFSETTO:+0100'],
      ['DTSTART:20260329T010000', 'TZOFFSETFROM:+0000', 'TZOFFSETTO:+0100'],
    ]);
    assert.deepEqual(blocks(zone, 'STANDARD'), [['DTSTART:20251026T020000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0000']]);
  });

  it('Australia/Sydney: daylight time in the southern summer', () => {
    const zone = vtimezone('Australia/Sydney', { year: 2026, month: 9, day: 28 }, 30);
    assert.deepEqual(blocks(zone, 'STANDARD'), [['DTSTART:20260405T030000', 'TZOFFSETFROM:+1100', 'TZOFFSETTO:+1000']]);
    assert.deepEqual(blocks(zone, 'DAYLIGHT'), [
      ['DTSTART:20251005T020000', 'TZOFFSETFROM:+1000', 'TZOFFSETTO:+1100'],
      ['DTSTART:20261004T020000', 'TZOFFSETFROM:+1000', 'TZOFFSETTO:+1100'],
    ]);
  });

  it('Asia/Kolkata: no daylight time, one STANDARD observance', () => {
    assert.deepEqual(vtimezone('Asia/Kolkata', { year: 2026, month: 3, day: 20 }, 60), [
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Kolkata',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0530',
      'TZOFFSETTO:+0530',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('America/Chicago: a plan across the autumn change', () => {
    const ics = icsFor(
      { minutes: 10, days: 14, time: '06:30' },
      OPTIONS({
        timeZone: 'America/Chicago',
        now: new Date('2026-10-25T12:00:00Z'),
      }),
    );
    const lines = unfolded(ics);
    assert.equal(value(blocks(lines, 'VEVENT')[0], 'DTSTART'), 'DTSTART;TZID=America/Chicago:20261026T063000');
    const zone = blocks(lines, 'VTIMEZONE')[0];
    assert.deepEqual(blocks(zone, 'STANDARD'), [
      ['DTSTART:20251102T020000', 'TZOFFSETFROM:-0500', 'TZOFFSETTO:-0600'],
      ['DTSTART:20261101T020000', 'TZOFFSETFROM:-0500', 'TZOFFSETTO:-0600'],
    ]);
    assert.deepEqual(blocks(zone, 'DAYLIGHT'), [['DTSTART:20260308T020000', 'TZOFFSETFROM:-0600', 'TZOFFSETTO:-0500']]);
  });
});
