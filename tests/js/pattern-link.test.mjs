// @ts-check
// The pattern link's parser and writer: `node --test tests/js/`. The contract is the build's own
// (hooks/content/exercises/bounds.py), asked of Python, so these cases test the bounds the site ships.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';

import {
  hasHold,
  parsePattern,
  patternExercise,
  patternQuery,
} from '../../overrides/assets/javascripts/pattern-link.js';

const python = existsSync('.venv/bin/python') ? '.venv/bin/python' : 'python3';
/** @type {import('../../overrides/assets/javascripts/pattern-link.js').Contract} */
const CONTRACT = JSON.parse(
  execFileSync(
    python,
    [
      '-c',
      'import json; from hooks.content.exercises.bounds import pattern_contract; print(json.dumps(pattern_contract()))',
    ],
    { encoding: 'utf8' },
  ),
);

/** @param {string} search */
const seconds = search => parsePattern(search, CONTRACT).pattern.seconds;

describe('pattern links', () => {
  it('round-trips a pattern: the link a pattern makes reads back as the same pattern, with no problems', () => {
    const { pattern, problems } = parsePattern('?in=4&hold=7&out=8&rest=0&breaths=4', CONTRACT);
    assert.deepEqual(problems, []);
    assert.deepEqual(pattern, { seconds: { in: 4, hold: 7, out: 8, rest: 0 }, breaths: 4, pace: 1 });
    assert.equal(patternQuery(pattern, CONTRACT), '?in=4&hold=7&out=8&rest=0&breaths=4');
    const slower = { ...pattern, pace: 1.25 };
    assert.deepEqual(parsePattern(patternQuery(slower, CONTRACT), CONTRACT), { pattern: slower, problems: [] });
  });

  it('uses the defaults for an address with no pattern', () => {
    assert.deepEqual(parsePattern('', CONTRACT), {
      pattern: { seconds: { in: 4, hold: 0, out: 6, rest: 0 }, breaths: 10, pace: 1 },
      problems: [],
    });
  });

  it('replaces text, negative, huge and fractional values, and says what it used', () => {
    const { pattern, problems } = parsePattern('?in=abc&hold=-3&out=999&rest=0.5&breaths=1e9&pace=7', CONTRACT);
    assert.deepEqual(pattern, { seconds: { in: 4, hold: 0, out: 20, rest: 1 }, breaths: 10, pace: 1 });
    assert.equal(problems.length, 6);
    assert.match(problems[0], /^"in" was "abc", which is not a number; used 4 instead\.$/);
    assert.match(problems[1], /"hold" was "-3", which is less than 0; used 0 instead/);
    assert.match(problems[2], /"out" was "999": more than 20 seconds; used 20 instead/);
    assert.match(problems[3], /"rest" was "0.5": a hold is 0 \(none\) or at least 1 second; used 1 instead/);
    assert.match(problems[4], /"breaths" was "1e9", which is not a number; used 10 instead/);
    assert.match(problems[5], /"pace" was "7", which is not one of the paces on offer/);
  });

  it('keeps markup from the address as short plain text in its messages', () => {
    const { pattern, problems } = parsePattern(
      '?in=<script>alert(1)</script>&out=<img src=x onerror=alert(1)>',
      CONTRACT,
    );
    assert.deepEqual(pattern.seconds, { in: 4, hold: 0, out: 6, rest: 0 });
    assert.equal(problems[0], '"in" was "<script>alert(1)</script…", which is not a number; used 4 instead.');
    assert.ok(problems.every(problem => problem.length < 200));
  });

  it('keeps a played phase at least a second, a breath count whole, and names unknown or repeated names', () => {
    assert.deepEqual(seconds('?in=0&out=0.04'), { in: 1, hold: 0, out: 1, rest: 0 });
    assert.deepEqual(seconds('?in=4.56'), { in: 4.6, hold: 0, out: 6, rest: 0 });
    const { pattern, problems } = parsePattern('?breaths=3.6&in=5&in=9&hodl=7', CONTRACT);
    assert.equal(pattern.breaths, 4);
    assert.equal(pattern.seconds.in, 5);
    assert.ok(problems.includes('"in" was given more than once; used the first.'));
    assert.ok(problems.some(problem => problem.includes('"hodl" is not part of a pattern link')));
    assert.ok(problems.some(problem => problem.includes('"breaths" was "3.6": rounded to a whole number; used 4')));
  });

  it('offers only paces that keep every phase a second long', () => {
    const { pattern, problems } = parsePattern('?in=1&out=4&pace=0.75', CONTRACT);
    assert.equal(pattern.pace, 1);
    assert.match(problems[0], /not one of the paces on offer for this pattern \(1, 1.25, 1.5\)/);
  });

  it('plays holds only when asked for, as the exercise payload the pacer reads', () => {
    const pattern = parsePattern('?in=4&hold=7&out=8&breaths=4&pace=1.5', CONTRACT).pattern;
    const exercise = patternExercise(pattern, CONTRACT);
    assert.deepEqual(
      exercise.phases.map(phase => [phase.action, phase.seconds, phase.label]),
      [
        ['breathe-in', 4, 'In'],
        ['hold-full', 7, 'Hold'],
        ['breathe-out', 8, 'Out'],
      ],
    );
    assert.deepEqual(exercise.settings, { cycles: 4, pace: 1.5 });
    assert.equal(hasHold(pattern, CONTRACT), true);
    assert.equal(hasHold(parsePattern('?in=4&out=8', CONTRACT).pattern, CONTRACT), false);
  });
});
