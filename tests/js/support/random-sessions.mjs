// @ts-check
// Seeded random exercises for the pacer's property tests (schedule and sound track): the same seed
// gives the same exercises, so a failure can be replayed with PACER_SEED=<seed>.
import { pacesFor } from '../../../overrides/assets/javascripts/pacer-schedule.js';
import { PACE_RULE } from './contract.mjs';

/** @typedef {import('../../../overrides/assets/javascripts/pacer-schedule.js').Exercise} Exercise */

const ACTIONS = ['breathe-in', 'hold-full', 'breathe-out', 'hold-empty'];
/** @type {Record<string, string>} */
export const LABELS = { 'breathe-in': 'In', 'hold-full': 'Hold', 'breathe-out': 'Out', 'hold-empty': 'Hold' };
const SEED = Number(process.env.PACER_SEED) || 20261129;
export const CASES = 300;

/** A small, fast, seedable generator (mulberry32): the same seed gives the same exercises.
 * @param {number} seed @returns {() => number} */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {() => number} next @returns {import('../../../overrides/assets/javascripts/pacer-schedule.js').DataPhase} */
function randomPhase(next) {
  const action = ACTIONS[Math.floor(next() * ACTIONS.length)];
  // Whole and half seconds, and now and then an awkward decimal, from 1 to 20 as the data allows.
  const seconds = next() < 0.2 ? 1 + Math.round(next() * 1900) / 100 : 1 + Math.floor(next() * 39) / 2;
  return { action, seconds, side: next() < 0.2 ? 'left' : null, cue: action, label: LABELS[action] };
}

/** @param {() => number} next @returns {Exercise} */
function randomExercise(next) {
  const min = 1 + Math.floor(next() * 10),
    max = min + Math.floor(next() * 30);
  return {
    id: 'random',
    lead_in: next() < 0.5 ? randomPhase(next) : null,
    phases: Array.from({ length: 1 + Math.floor(next() * 5) }, () => randomPhase(next)),
    cycles: { min, max, default: min + Math.floor(next() * (max - min + 1)) },
    ...PACE_RULE,
  };
}

/** Runs `check` on `cases` (CASES unless told) random (exercise, cycles, pace) triples, naming the seed on failure.
 * @param {(exercise: Exercise, cycles: number, pace: number, next: () => number) => void} check @param {number} [cases] */
export function forRandomSessions(check, cases = CASES) {
  for (let n = 0; n < cases; n++) {
    const seed = SEED + n,
      next = random(seed),
      exercise = randomExercise(next);
    const paces = pacesFor(exercise);
    const pace = paces[Math.floor(next() * paces.length)];
    const cycles = exercise.cycles.min + Math.floor(next() * (exercise.cycles.max - exercise.cycles.min + 1));
    try {
      check(exercise, cycles, pace, next);
    } catch (error) {
      if (error instanceof Error) error.message += `\n  (replay with PACER_SEED=${seed})`;
      throw error;
    }
  }
}
