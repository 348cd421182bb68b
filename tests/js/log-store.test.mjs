// @ts-check
// The practice log's CSV: what "Download CSV" writes and what "Bring back a downloaded log" reads.
// `node --test tests/js/` (make test and make test-fast run it).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  BOM,
  CSV_COLUMNS,
  LARGEST_RESTORE_BYTES,
  mergeSessions,
  parseCsv,
  sessionsFromCsv,
  toCsv,
} from '../../overrides/assets/javascripts/log-store.js';

/** @typedef {import('../../overrides/assets/javascripts/log-store.js').Session} Session */

/** @type {Session[]} */
const SESSIONS = [
  {
    started: '2026-11-30T08:58:16.000Z',
    exercise: 'box',
    title: 'Box breathing',
    pattern: 'In 4 · Hold 4 · Out 4 · Hold 4',
    breaths: 6,
    minutes: 1.7,
    ended: 'finished',
    before: 4,
    after: 2,
  },
  {
    started: '2026-11-29T21:05:00.500Z',
    exercise: 'your-own',
    title: 'Your own, "slow", pattern\nwith a line break',
    pattern: 'In 4 · Out 6',
    breaths: 12,
    minutes: 2,
    ended: 'stopped',
    before: null,
    after: 5,
  },
  {
    started: '2026-11-28T07:00:00.000Z',
    exercise: '=cmd',
    title: '=HYPERLINK("x")',
    pattern: "'=not a formula, already quoted",
    breaths: 0,
    minutes: 0.2,
    ended: 'stopped',
    before: null,
    after: null,
  },
];

/** @param {string} text */
function sessionsOf(text) {
  const result = sessionsFromCsv(text);
  assert.ok('sessions' in result, 'problem' in result ? result.problem : '');
  return result.sessions;
}

/** @param {string} text */
function problemOf(text) {
  const result = sessionsFromCsv(text);
  assert.ok('problem' in result, 'expected the file to be refused');
  return result.problem;
}

describe('toCsv', () => {
  it('starts with a byte order mark, ends lines in CRLF, keeps the reading columns first', () => {
    const csv = toCsv(SESSIONS);
    assert.ok(csv.startsWith(BOM + 'started,exercise,pattern,breaths,minutes,ended,tension_before,tension_after,'));
    assert.ok(csv.endsWith('\r\n'));
    assert.equal(csv.replace(/"[^"]*"/g, '').split('\n').length, SESSIONS.length + 2);
    assert.deepEqual(CSV_COLUMNS.slice(-2), ['started_utc', 'exercise_id']);
  });
  it('never lets a spreadsheet read a field as a formula', () => {
    const csv = toCsv(SESSIONS);
    assert.match(csv, /,"'=HYPERLINK\(""x""\)",/);
    assert.match(csv, /,'=cmd\r\n/);
  });
});

describe('sessionsFromCsv', () => {
  it('brings back exactly the sessions toCsv wrote', () => {
    const back = sessionsOf(toCsv(SESSIONS));
    const byStart = (/** @type {Session} */ a, /** @type {Session} */ b) => a.started.localeCompare(b.started);
    assert.deepEqual(back, [...SESSIONS].sort(byStart));
  });
  it('reads the file after a spreadsheet saved it with LF line ends and no byte order mark', () => {
    const resaved = toCsv(SESSIONS).slice(1).replace(/\r\n/g, '\n');
    assert.equal(sessionsOf(resaved).length, SESSIONS.length);
  });
  it('takes a file with no sessions as no sessions', () => {
    assert.deepEqual(sessionsOf(toCsv([])), []);
  });
  it('refuses a file with another header, saying what the first line should be', () => {
    assert.match(problemOf('date,minutes\r\n2026-11-30,3\r\n'), /first line should be the column names started,/);
  });
  it('refuses the earlier format, which cannot be restored exactly', () => {
    const earlier = 'started,exercise,pattern,breaths,minutes,ended,tension_before,tension_after\r\n';
    assert.match(problemOf(earlier), /no started_utc and exercise_id columns/);
  });
  it('refuses a whole file for one bad row, naming the row and the field', () => {
    const rows = toCsv(SESSIONS).split('\r\n');
    assert.match(
      problemOf([...rows.slice(0, 2), rows[2].replace(',stopped,', ',paused,'), ...rows.slice(3)].join('\r\n')),
      /row 3 has an unexpected ended/,
    );
    assert.match(problemOf(rows[0] + '\r\n1,2,3\r\n'), /row 2 has 3 fields, not 10/);
    const box = rows.find(row => row.includes(',finished,4,2,')) || '';
    const badTension = rows[0] + '\r\n' + box.replace(',finished,4,', ',finished,7,');
    assert.match(problemOf(badTension), /row 2 has an unexpected tension_before/);
    assert.match(
      problemOf(rows[0] + '\r\n' + rows[1].replace(/2026-11-\d\dT[^,]*/, 'yesterday')),
      /row 2 has an unexpected started_utc/,
    );
  });
  it('refuses an empty file, a huge one and a binary one', () => {
    assert.equal(problemOf(''), 'This file is empty.');
    assert.equal(problemOf(BOM + '\r\n \r\n'), 'This file is empty.');
    assert.match(problemOf(toCsv(SESSIONS) + 'x'.repeat(LARGEST_RESTORE_BYTES)), /far too big/);
    assert.match(problemOf('PK\u0003\u0004\u0000\u0000'), /not a text file/);
    assert.match(problemOf('\uFFFD\uFFFDPNG'), /not a text file/);
  });
  it('refuses broken quoting', () => {
    const header = CSV_COLUMNS.join(',');
    assert.match(problemOf(`${header}\r\n"unclosed,1\r\n`), /quote mark that is never closed/);
    assert.match(problemOf(`${header}\r\nab"c,1\r\n`), /quote mark inside a field/);
  });
});

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes, line breaks and empty fields', () => {
    assert.deepEqual(parseCsv('a,"b,c","say ""hi""","two\r\nlines",\r\nx\n'), {
      rows: [['a', 'b,c', 'say "hi"', 'two\r\nlines', ''], ['x']],
    });
  });
  it('keeps a last line without a line end', () => {
    assert.deepEqual(parseCsv('\uFEFFa,b\r\nc,d'), {
      rows: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    });
  });
});

describe('mergeSessions', () => {
  it('adds what is missing and never doubles a session already kept', () => {
    const kept = [SESSIONS[0]];
    const first = mergeSessions(kept, sessionsOf(toCsv(SESSIONS)));
    assert.equal(first.added, 2);
    assert.equal(first.already, 1);
    assert.equal(first.sessions.length, 3);
    const again = mergeSessions(first.sessions, sessionsOf(toCsv(SESSIONS)));
    assert.equal(again.added, 0);
    assert.deepEqual(again.sessions, first.sessions);
  });
  it('keeps the kept copy of a session, with a tension given after the download', () => {
    const later = { ...SESSIONS[1], before: 3 };
    const merged = mergeSessions([later], [SESSIONS[1]]);
    assert.deepEqual(merged.sessions, [later]);
  });
});
