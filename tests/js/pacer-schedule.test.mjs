// @ts-check
// Unit and property tests of the pacer's pure schedule: `node --test tests/js/` (make test runs it).
// Random exercises come from a seeded generator so a failure can be replayed: the seed is in the
// failure message; set PACER_SEED=<seed> to run exactly that case again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PACES, PACE_RULE } from './support/contract.mjs';
import { LABELS, forRandomSessions } from './support/random-sessions.mjs';

import {
  ON_TIME_MS,
  clampCycles,
  frameWatchLead,
  lungsDuring,
  nextChangeAfter,
  originFor,
  pacesFor,
  planSession,
  positionAt,
  spokenSeconds,
} from '../../overrides/assets/javascripts/pacer-schedule.js';

/** @typedef {import('../../overrides/assets/javascripts/pacer-schedule.js').Exercise} Exercise */

const box = /** @type {Exercise} */ ({
  id: 'box',
  lead_in: { action: 'breathe-out', seconds: 4, side: null, cue: 'Breathe out', label: 'Out' },
  phases: ['breathe-in', 'hold-full', 'breathe-out', 'hold-empty'].map(action => ({
    action,
    seconds: 4,
    side: null,
    cue: action,
    label: LABELS[action],
  })),
  cycles: { default: 6, min: 2, max: 12 },
  ...PACE_RULE,
});

describe('planSession', () => {
  it('puts the lead-in first, then every cycle in the data order', () => {
    const plan = planSession(box, 2, 1);
    assert.deepEqual(
      plan.phases.map(p => p.name),
      [
        'lead-in',
        'breathe-in',
        'hold-full',
        'breathe-out',
        'hold-empty',
        'breathe-in',
        'hold-full',
        'breathe-out',
        'hold-empty',
      ],
    );
    assert.deepEqual(
      plan.phases.map(p => p.cycle),
      [1, 1, 1, 1, 1, 2, 2, 2, 2],
    );
    assert.deepEqual(
      plan.phases.map(p => p.step),
      [-1, 0, 1, 2, 3, 0, 1, 2, 3],
    );
    assert.equal(plan.total, 36_000);
  });

  it('scales every phase by the pace', () => {
    const plan = planSession(box, 1, 1.25);
    assert.deepEqual(
      plan.phases.map(p => p.end - p.start),
      [5000, 5000, 5000, 5000, 5000],
    );
  });

  it('tiles the session with no gap or overlap, at any pace (property)', () => {
    forRandomSessions((exercise, cycles, pace) => {
      const plan = planSession(exercise, cycles, pace);
      assert.equal(plan.phases[0].start, 0);
      for (let i = 1; i < plan.phases.length; i++) assert.equal(plan.phases[i].start, plan.phases[i - 1].end);
      for (const phase of plan.phases) assert.ok(phase.end - phase.start >= 1000 - 1e-6, 'a phase under a second');
      assert.equal(plan.phases.at(-1)?.end, plan.total);
      const expected =
        ((exercise.lead_in?.seconds ?? 0) + cycles * exercise.phases.reduce((sum, p) => sum + p.seconds, 0)) *
        pace *
        1000;
      assert.ok(Math.abs(plan.total - expected) < 1e-6, `total ${plan.total} !== ${expected}`);
    });
  });

  it('ends on a complete breath: every cycle has all its phases, the last ends the session (property)', () => {
    forRandomSessions((exercise, cycles, pace) => {
      const plan = planSession(exercise, cycles, pace);
      const breaths = plan.phases.filter(p => p.step >= 0);
      assert.equal(breaths.length, cycles * exercise.phases.length);
      assert.deepEqual(
        breaths.map(p => p.step),
        Array.from({ length: breaths.length }, (_, i) => i % exercise.phases.length),
      );
      assert.equal(plan.phases.at(-1)?.cycle, cycles);
      assert.equal(plan.phases.at(-1)?.step, exercise.phases.length - 1);
    });
  });
});

describe('positionAt', () => {
  it('gives phase, countdown and progress at any time', () => {
    const plan = planSession(box, 2, 1);
    const at = positionAt(plan, 4000 + 2500);
    assert.equal(at.phase?.name, 'breathe-in');
    assert.equal(at.elapsed, 2500);
    assert.equal(at.secondsLeft, 2);
    assert.equal(at.progress, 6500 / 36_000);
    assert.equal(positionAt(plan, 4000).phase?.name, 'breathe-in'); // a boundary belongs to the phase it starts
    assert.equal(positionAt(plan, 3999.9).phase?.name, 'lead-in');
    const over = positionAt(plan, 36_000);
    assert.equal(over.phase, undefined);
    assert.equal(over.index, plan.phases.length);
    assert.equal(over.progress, 1);
  });

  it('finds the one phase that holds t, for any t in the session (property)', () => {
    forRandomSessions((exercise, cycles, pace, next) => {
      const plan = planSession(exercise, cycles, pace);
      for (let k = 0; k < 20; k++) {
        const t = next() * plan.total,
          at = positionAt(plan, t);
        assert.ok(at.phase && at.phase.start <= t && t < at.phase.end);
        assert.equal(at.elapsed, t - at.phase.start);
        assert.ok(at.secondsLeft >= 1 && at.secondsLeft - 1 < (at.phase.end - t) / 1000 + 1e-9);
        assert.ok(at.progress >= 0 && at.progress < 1);
      }
    });
  });
});

describe('nextChangeAfter', () => {
  it('wakes at each countdown second and at the phase end, counted from the schedule', () => {
    const plan = planSession(box, 1, 1.25); // 5 s phases
    assert.equal(nextChangeAfter(plan, 0), 1000);
    assert.equal(nextChangeAfter(plan, 999), 1000);
    assert.equal(nextChangeAfter(plan, 1000), 2000);
    assert.equal(nextChangeAfter(plan, 4500), 5000); // the end of the lead-in
    assert.equal(nextChangeAfter(plan, plan.total + 10), plan.total);
  });

  it('never skips a change and never wakes twice for one (property)', () => {
    forRandomSessions((exercise, cycles, pace, next) => {
      const plan = planSession(exercise, cycles, pace);
      let t = (next() * plan.total) / 2,
        wakes = 0;
      while (t < plan.total) {
        const wake = nextChangeAfter(plan, t),
          before = positionAt(plan, t),
          after = positionAt(plan, wake);
        assert.ok(wake > t, `woke at ${wake}, not after ${t}`);
        assert.ok(wake - t <= 1000 + 1e-6, 'slept longer than a second');
        // Between now and the wake nothing on screen changes; at the wake something does.
        const mid = positionAt(plan, (t + wake) / 2);
        assert.equal(mid.index, before.index);
        assert.equal(mid.secondsLeft, before.secondsLeft);
        assert.ok(after.index !== before.index || after.secondsLeft !== before.secondsLeft);
        t = wake;
        assert.ok(++wakes < 10_000);
      }
    });
  });
});

describe('frameWatchLead', () => {
  const onTime = [0.4, 1, 2.9, ON_TIME_MS, 0, 1, 2, 3];

  it('watches frames until it has seen eight timers', () => {
    assert.equal(frameWatchLead([]), 150);
    assert.equal(frameWatchLead(onTime.slice(1)), 150);
  });

  it('watches no frames while timers keep time', () => {
    assert.equal(frameWatchLead(onTime), 0);
  });

  it('takes one late timer for a busy moment, not a habit', () => {
    assert.equal(frameWatchLead([...onTime, 4000]), 0);
  });

  it('watches from 150 ms before a change once timers have run late twice', () => {
    assert.equal(frameWatchLead([...onTime, ON_TIME_MS + 1, ON_TIME_MS + 1]), 150);
    assert.equal(frameWatchLead([...onTime, 40, 86]), 150);
  });

  it('watches from one frame before the latest timer would have come, when later than that', () => {
    assert.equal(frameWatchLead([...onTime, 20, 200]), 200 + 1000 / 60);
  });

  it('watches at most a quarter of a second, however late timers were', () => {
    assert.equal(frameWatchLead([...onTime, 2000, 4000]), 250);
  });
});

describe('resume and settings', () => {
  it('a pause at any point resumes at the same position', () => {
    const plan = planSession(box, 3, 1),
      pausedAt = 13_370,
      resumedNow = 99_000;
    const origin = originFor(resumedNow, pausedAt);
    assert.deepEqual(positionAt(plan, resumedNow - origin), positionAt(plan, pausedAt));
  });

  it('offers only paces that keep every phase at least a second long', () => {
    assert.deepEqual(PACES, [0.75, 0.9, 1, 1.25, 1.5]); // the cases below are worked out for these
    assert.equal(PACE_RULE.shortest_phase, 1);
    assert.deepEqual(pacesFor(box), PACES);
    const quick = { ...box, phases: [{ ...box.phases[0], seconds: 1.2 }] };
    assert.deepEqual(pacesFor(quick), [0.9, 1, 1.25, 1.5]);
    const shortLeadIn = { ...box, lead_in: { ...box.phases[0], seconds: 1 } };
    assert.deepEqual(pacesFor(shortLeadIn), [1, 1.25, 1.5]);
  });

  it('keeps cycles whole and in range; nonsense gives the default', () => {
    assert.equal(clampCycles(box, '7'), 7);
    assert.equal(clampCycles(box, 6.6), 7);
    assert.equal(clampCycles(box, 500), 12);
    assert.equal(clampCycles(box, 1), 2);
    for (const nonsense of ['', 'many', null, undefined, 0, NaN]) assert.equal(clampCycles(box, nonsense), 6);
  });

  it('knows how full the lungs are through each phase', () => {
    assert.deepEqual(['breathe-in', 'hold-full', 'breathe-out', 'hold-empty'].map(lungsDuring), [
      [0, 1],
      [1, 1],
      [1, 0],
      [0, 0],
    ]);
  });

  it('says seconds as people do', () => {
    assert.deepEqual([4000, 4500, 5625, 7000 * 0.9].map(spokenSeconds), ['4', '4.5', '5.63', '6.3']);
  });
});
