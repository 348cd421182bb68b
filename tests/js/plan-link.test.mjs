// @ts-check
// The plan link's parser and writer: `node --test tests/js/`. The exercises and the your-own
// pattern's contract are the site's own data (support/plan-contract.mjs asks the build's Python).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  breathsFor,
  minutesRange,
  parsePlan,
  planQuery,
  planSentence,
} from '../../overrides/assets/javascripts/plan-link.js';
import { CONTRACT, TITLES } from './support/plan-contract.mjs';

/** @param {string} search */
const parsed = search => parsePlan(search, CONTRACT);
/** @param {string} id */
const exercise = id => {
  const found = CONTRACT.exercises.find(entry => entry.id === id);
  assert.ok(found, id);
  return found;
};

describe('plan links: round trip and defaults', () => {
  it('round-trips every exercise: the link a plan makes reads back as the same plan, with no problems', () => {
    for (const { id } of CONTRACT.exercises) {
      const range = minutesRange(exercise(id), CONTRACT.minutes);
      assert.ok(range, `${id} can be planned`);
      const search = `?exercise=${id}&minutes=${range.max}&days=3&time=21:05`;
      const { plan, problems } = parsed(search);
      assert.deepEqual(problems, [], id);
      assert.equal(planQuery(plan, CONTRACT), search);
      assert.deepEqual(parsed(planQuery(plan, CONTRACT)), { plan, problems: [] }, id);
    }
  });

  it('round-trips your own pattern, its pace included; its breaths come from the minutes', () => {
    const search = '?exercise=your-own&in=4&hold=7&out=8&rest=0&pace=1.25&minutes=5&days=14&time=07:30';
    const { plan, problems } = parsed(search);
    assert.deepEqual(problems, []);
    // One breath is 19 s × 1.25 = 23.75 s; 300 s / 23.75 s = 12.6, so 13 breaths.
    assert.deepEqual(plan, {
      exercise: 'your-own',
      pattern: { seconds: { in: 4, hold: 7, out: 8, rest: 0 }, breaths: 13, pace: 1.25 },
      minutes: 5,
      days: 14,
      time: '07:30',
      breaths: 13,
    });
    assert.equal(planQuery(plan, CONTRACT), search);
    assert.deepEqual(parsed(planQuery(plan, CONTRACT)), { plan, problems: [] });
  });

  it('uses the defaults for an address with no plan, and reads H:MM as HH:MM', () => {
    assert.deepEqual(parsed(''), {
      plan: { exercise: 'gentle', pattern: null, minutes: 5, days: 14, time: '08:00', breaths: 30 },
      problems: [],
    });
    assert.equal(parsed('?time=7:05').plan.time, '07:05');
    assert.equal(parsed('time=23:59').plan.time, '23:59');
  });

  it('keeps the default minutes within an exercise that cannot fill them, without a problem', () => {
    const { plan, problems } = parsed('?exercise=4-7-8');
    assert.deepEqual(problems, []);
    assert.equal(plan.minutes, 1);
    assert.equal(plan.breaths, 3); // (60 s − the 4 s lead-in) / 19 s = 2.9
  });
});

describe('plan links: breaths that fill the minutes', () => {
  it('is the nearest whole breath after the lead-in, a half rounding up, and at least one', () => {
    assert.equal(breathsFor(5, 10), 30);
    assert.equal(breathsFor(5, 16, 4), 19); // 296 / 16 = 18.5
    assert.equal(breathsFor(1, 19, 4), 3); // 56 / 19 = 2.9
    assert.equal(breathsFor(1, 80), 1); // 0.75 of a breath: one whole breath
    assert.equal(breathsFor(1, 200), 1);
    assert.equal(breathsFor(2, 4.1 + 4.3), 14); // 120 / 8.4 = 14.29, decimals summed as the data give them
  });

  it('offers only the minutes whose breaths stay within the exercise data', () => {
    assert.deepEqual(minutesRange(exercise('gentle'), CONTRACT.minutes), { min: 1, max: 5 });
    assert.deepEqual(minutesRange(exercise('4-7-8'), CONTRACT.minutes), { min: 1, max: 1 });
    assert.deepEqual(
      minutesRange({ id: 'x', seconds: 10, leadIn: 0, cycles: { min: 1, max: 100 } }, CONTRACT.minutes),
      {
        min: 1,
        max: 16,
      },
    );
    assert.equal(minutesRange({ id: 'x', seconds: 5, leadIn: 0, cycles: { min: 1, max: 4 } }, CONTRACT.minutes), null);
    for (const entry of CONTRACT.exercises) {
      const range = minutesRange(entry, CONTRACT.minutes);
      assert.ok(range, entry.id);
      for (const minutes of [range.min, range.max]) {
        const breaths = breathsFor(minutes, entry.seconds, entry.leadIn);
        assert.ok(breaths >= entry.cycles.min && breaths <= entry.cycles.max, `${entry.id} ${minutes}`);
      }
    }
  });

  it("caps minutes by the exercise's breaths and says so", () => {
    const { plan, problems } = parsed('?exercise=gentle&minutes=20');
    assert.equal(plan.minutes, 5);
    assert.equal(plan.breaths, 30);
    assert.deepEqual(problems, [
      `"minutes" was "20": this exercise's breaths fill at most 5 minutes a day; used 5 instead.`,
    ]);
    const nostril = parsed('?exercise=alternate-nostril&minutes=1');
    assert.equal(nostril.plan.minutes, 2);
    assert.match(nostril.problems[0], /fill at least 2 minutes a day; used 2 instead\.$/);
  });
});

describe('plan links: bad values', () => {
  it('replaces each bad value and says what was wrong and what it used', () => {
    const { plan, problems } = parsed('?exercise=nope&minutes=abc&days=-3&time=25:00');
    assert.deepEqual(plan, { exercise: 'gentle', pattern: null, minutes: 5, days: 1, time: '08:00', breaths: 30 });
    assert.deepEqual(problems, [
      '"exercise" was "nope", which is not one of the exercises (or your-own); used gentle instead.',
      '"minutes" was "abc", which is not a whole number; used 5 instead.',
      '"days" was "-3", which is less than 1 day; used 1 instead.',
      '"time" was "25:00", which is not a time of day from 00:00 to 23:59 (hours and minutes, 24-hour clock); used 08:00 instead.',
    ]);
  });

  it('rounds, caps and refuses numbers as a whole-number bound should', () => {
    assert.deepEqual(parsed('?minutes=2.6&days=61').problems, [
      '"minutes" was "2.6": rounded to a whole number; used 3 instead.',
      '"days" was "61": a plan lasts at most 60 days; used 60 instead.',
    ]);
    assert.equal(parsed('?days=0').problems[0], '"days" was "0": a plan lasts at least 1 day; used 1 instead.');
    for (const bad of ['', ' ', '1e3', '0x10', '5 minutes', 'Infinity', 'NaN', '٥', '５', '+5']) {
      const { plan, problems } = parsed(`?minutes=${encodeURIComponent(bad)}`);
      assert.equal(plan.minutes, 5, bad);
      assert.match(problems[0], /which is not a whole number; used 5 instead\.$/, bad);
    }
  });

  it('accepts only a 24-hour time of day', () => {
    for (const bad of ['24:00', '8', '8:5', '08:60', '8pm', '08:00:00', '-1:00', '08h00', '', '１:00']) {
      const { plan, problems } = parsed(`?time=${encodeURIComponent(bad)}`);
      assert.equal(plan.time, '08:00', bad);
      assert.equal(problems.length, 1, bad);
      assert.match(problems[0], /^"time" was ".*", which is not a time of day/, bad);
    }
    for (const [good, kept] of [
      ['0:00', '00:00'],
      ['00:00', '00:00'],
      ['12:30', '12:30'],
      [' 9:15 ', '09:15'],
    ]) {
      assert.deepEqual(parsed(`?time=${encodeURIComponent(good)}`), {
        ...parsed(''),
        plan: { ...parsed('').plan, time: kept },
      });
    }
  });

  it("reads your own pattern's values with the pattern link's own rules and messages", () => {
    const { plan, problems } = parsed('?exercise=your-own&in=abc&out=999&pace=7');
    assert.deepEqual(plan.pattern?.seconds, { in: 4, hold: 0, out: 20, rest: 0 });
    assert.equal(plan.pattern?.pace, 1);
    assert.deepEqual(problems.slice(0, 2), [
      '"in" was "abc", which is not a number; used 4 instead.',
      '"out" was "999": more than 20 seconds; used 20 instead.',
    ]);
    assert.match(problems[2], /"pace" was "7", which is not one of the paces on offer/);
  });

  it("refuses a pattern's names for an exercise from the data, and breaths anywhere", () => {
    const { plan, problems } = parsed('?exercise=box&in=3&pace=1.5&breaths=4');
    assert.deepEqual(plan, parsed('?exercise=box').plan);
    assert.deepEqual(problems, [
      `"breaths" is not part of a plan link: a plan's breaths come from "minutes". It was ignored.`,
      '"in" belongs to your own pattern (exercise=your-own) and was ignored.',
      '"pace" belongs to your own pattern (exercise=your-own) and was ignored.',
    ]);
  });

  it('falls back to the default exercise when your own pattern cannot fill a whole minute', () => {
    const tight = {
      ...CONTRACT,
      pattern: { ...CONTRACT.pattern, breaths: { ...CONTRACT.pattern.breaths, max: 5 } },
    };
    const { plan, problems } = parsePlan('?exercise=your-own&in=1&out=1', tight);
    assert.equal(plan.exercise, 'gentle');
    assert.equal(plan.pattern, null);
    assert.equal(
      problems.at(-1),
      "Your own pattern's breaths cannot fill a whole number of minutes; used gentle instead.",
    );
  });
});

describe('plan links: hostile addresses', () => {
  it('keeps markup from the address as short plain text in its messages', () => {
    const { plan, problems } = parsed(
      '?exercise=<script>alert(1)</script>&time=<img src=x onerror=alert(1)>&days="><svg/onload=alert(1)>',
    );
    assert.deepEqual(plan, parsed('').plan);
    assert.deepEqual(problems, [
      '"exercise" was "<script>alert(1)</script…", which is not one of the exercises (or your-own); used gentle instead.',
      '"days" was ""><svg/onload=alert(1)>", which is not a whole number; used 14 instead.',
      '"time" was "<img src=x onerror=alert…", which is not a time of day from 00:00 to 23:59 (hours and minutes, 24-hour clock); used 08:00 instead.',
    ]);
  });

  it('reports unknown names such as note and title, and never carries them', () => {
    const { plan, problems } = parsed('?exercise=gentle&note=Call+me&title=<b>Free</b>&minutes=5');
    assert.deepEqual(problems, [
      '"note" is not part of a plan link and was ignored.',
      '"title" is not part of a plan link and was ignored.',
    ]);
    assert.ok(!planQuery(plan, CONTRACT).includes('note'));
    assert.ok(!planQuery(plan, CONTRACT).includes('title'));
  });

  it('uses the first of a repeated name and says so', () => {
    const { plan, problems } = parsed('?minutes=3&minutes=4&exercise=box&exercise=gentle&in=5&exercise=your-own');
    assert.equal(plan.exercise, 'box');
    assert.equal(plan.minutes, 3);
    assert.deepEqual(problems.slice(0, 2), [
      '"minutes" was given more than once; used the first.',
      '"exercise" was given more than once; used the first.',
    ]);
    const own = parsed('?exercise=your-own&in=5&in=9');
    assert.equal(own.plan.pattern?.seconds.in, 5);
    assert.deepEqual(own.problems, ['"in" was given more than once; used the first.']);
  });

  it('keeps its messages few and short for a very long address with thousands of names', () => {
    const long = 'x'.repeat(100_000);
    const many = Array.from({ length: 2000 }, (_, n) => `n${n}=1`).join('&');
    const { plan, problems } = parsed(`?exercise=${long}&minutes=${long}&${many}&${long}=1`);
    assert.deepEqual(plan, parsed('').plan);
    assert.equal(problems.length, 5 + 1 + 2);
    assert.equal(problems[5], '1996 other names in the link were ignored.');
    assert.ok(
      problems.every(problem => problem.length < 200),
      'every message is short',
    );
  });

  it('shows unicode whole and hidden characters as a visible mark', () => {
    const bidi = parsed(`?exercise=${encodeURIComponent('abc\u202Egpj.exe')}`).problems[0];
    assert.ok(bidi.startsWith('"exercise" was "abc\uFFFDgpj.exe"'), bidi);
    const emoji = parsed(`?time=${encodeURIComponent('🫁'.repeat(30))}`).problems[0];
    assert.ok(emoji.includes(`"${'🫁'.repeat(24)}…"`), 'cut between characters, never inside one');
    assert.doesNotThrow(() => encodeURIComponent(emoji), 'no half of a character is left over');
    const newline = parsed(`?days=${encodeURIComponent('1\n<b>\r\t2')}`).problems[0];
    assert.ok(newline.startsWith('"days" was "1 <b> 2"'), newline);
  });
});

describe('plan links: the plan in words', () => {
  it('says the exercise, minutes a day, days and time, with the hour as people write it', () => {
    assert.equal(
      planSentence(parsed('?exercise=gentle&minutes=5&days=14&time=08:00').plan, { gentle: 'Gentle breathing' }),
      'Gentle breathing, 5 minutes a day, for 14 days, at 8:00',
    );
    assert.equal(
      planSentence(parsed('?exercise=4-7-8&minutes=1&days=1&time=21:30').plan, TITLES),
      '4-7-8 breathing, 1 minute a day, for 1 day, at 21:30',
    );
  });

  it("names your own pattern's seconds and its pace", () => {
    const { plan } = parsed('?exercise=your-own&in=4&hold=7&out=8&pace=1.5&minutes=3&days=28&time=00:05');
    assert.equal(
      planSentence(plan, TITLES),
      'Your own pattern (in 4, hold 7, out 8 seconds, at pace 1.5), 3 minutes a day, for 28 days, at 0:05',
    );
  });
});
