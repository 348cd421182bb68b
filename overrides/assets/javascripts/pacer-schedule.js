// @ts-check
// The breath pacer's timekeeping, with no DOM: a session planned from the exercise data, and
// where that session stands at any time t (ms since Start). The element asks these functions
// instead of counting, so a resume, a hidden tab or a slow device always lands on the clock.

/**
 * @typedef {object} DataPhase  One phase as the build hook writes it into data-exercise.
 * @property {string} action    breathe-in | hold-full | breathe-out | hold-empty
 * @property {number} seconds
 * @property {string | null} side    left | right, for alternate-nostril breathing; null otherwise
 * @property {string} cue       the words shown
 * @property {string} label     short name for the step list ("In", "Hold", "Out")
 *
 * @typedef {object} Cycles  How many breaths a session has, and the range a reader may choose from.
 * @property {number} default
 * @property {number} min
 * @property {number} max
 *
 * @typedef {object} Pace  One pace a reader can choose (hooks/content/exercises/pace.py).
 * @property {number} value    the multiplier of every phase's seconds; 1 plays the data as written
 * @property {string} name     the words the pacer's Pace list shows for it
 *
 * @typedef {object} GivenSettings  Breaths and pace to use instead of the remembered ones (a pattern's link).
 * @property {number} cycles
 * @property {number} pace
 *
 * @typedef {object} Exercise  What the build writes into data-exercise (render.py's exercise_payload;
 *   tests/test_contract_types.py checks that the two have the same fields).
 * @property {string} id
 * @property {DataPhase | null} lead_in
 * @property {DataPhase[]} phases
 * @property {Cycles} cycles
 * @property {Pace[]} paces           every pace, fastest first
 * @property {number} shortest_phase  seconds: no phase may be shorter at the pace chosen
 * @property {GivenSettings} [settings]  never written by the build: pattern-link.js adds it
 *
 * @typedef {object} PlannedPhase
 * @property {DataPhase} data
 * @property {string} name      the element's data-phase: the action, or "lead-in"
 * @property {number} cycle     from 1 (the lead-in counts as cycle 1)
 * @property {number} step      index in one cycle's phases; -1 for the lead-in
 * @property {number} start     ms from Start
 * @property {number} end       ms from Start; the next phase's start
 *
 * @typedef {object} Plan
 * @property {PlannedPhase[]} phases
 * @property {number} total     ms
 * @property {number} cycles
 * @property {number} pace
 *
 * @typedef {object} Position
 * @property {number} index     into plan.phases; plan.phases.length once the session is over
 * @property {PlannedPhase | undefined} phase
 * @property {number} elapsed   ms into the phase
 * @property {number} secondsLeft   the countdown: whole seconds left in the phase, rounded up
 * @property {number} progress  0 to 1 through the whole session
 */

/**
 * The paces on offer for an exercise, fastest first: those that keep every phase, lead-in included,
 * at least its shortest_phase long. The paces and that bound come with the exercise's data.
 * @param {Exercise} exercise
 * @returns {number[]}
 */
export function pacesFor(exercise) {
  const shortest = Math.min(...exercise.phases.concat(exercise.lead_in || []).map(phase => phase.seconds));
  return exercise.paces.map(pace => pace.value).filter(pace => pace * shortest >= exercise.shortest_phase - 1e-9);
}

/**
 * A whole number of cycles within the exercise's range; anything unreadable gives the default.
 * @param {Exercise} exercise
 * @param {unknown} wanted
 */
export function clampCycles(exercise, wanted) {
  const { min, max } = exercise.cycles,
    rounded = Math.round(Number(wanted));
  return rounded ? Math.min(max, Math.max(min, rounded)) : exercise.cycles.default;
}

/**
 * The session as one list of phases end to end: the lead-in (if any), then every cycle.
 * Each start is the previous end, so the phases tile the session exactly.
 * @param {Exercise} exercise
 * @param {number} cycles
 * @param {number} pace
 * @returns {Plan}
 */
export function planSession(exercise, cycles, pace) {
  /** @type {PlannedPhase[]} */
  const phases = [];
  let at = 0;
  /** @param {DataPhase} data @param {string} name @param {number} cycle @param {number} step */
  const add = (data, name, cycle, step) => {
    const end = at + data.seconds * pace * 1000;
    phases.push({ data, name, cycle, step, start: at, end });
    at = end;
  };
  if (exercise.lead_in) add(exercise.lead_in, 'lead-in', 1, -1);
  for (let cycle = 1; cycle <= cycles; cycle++) {
    exercise.phases.forEach((data, step) => add(data, data.action, cycle, step));
  }
  return { phases, total: at, cycles, pace };
}

/**
 * Where the session stands at time t (ms since Start).
 * @param {Plan} plan
 * @param {number} t
 * @returns {Position}
 */
export function positionAt(plan, t) {
  const time = Math.max(0, t);
  let index = plan.phases.findIndex(phase => time < phase.end);
  if (index < 0) index = plan.phases.length;
  const phase = plan.phases[index];
  const elapsed = phase ? time - phase.start : 0;
  return {
    index,
    phase,
    elapsed,
    secondsLeft: phase ? Math.ceil((phase.end - time) / 1000) : 0,
    progress: Math.min(1, time / plan.total),
  };
}

/**
 * The next moment after t when something on screen changes: the countdown's next second or the
 * phase's end, whichever comes first. The element sleeps until then.
 * @param {Plan} plan
 * @param {number} t
 */
export function nextChangeAfter(plan, t) {
  const { phase } = positionAt(plan, t);
  if (!phase) return plan.total;
  return phase.end - (Math.ceil((phase.end - t) / 1000) - 1) * 1000;
}

/** A timer this late or less still shows a phase change within a frame (16.7 ms at 60 Hz). */
export const ON_TIME_MS = 8;
const FRAME_MS = 1000 / 60;
const SAMPLES_NEEDED = 8; // wake-ups seen before this engine's timers are trusted
const LEAD_MS = 150; // how long before a change frames are watched, at the least, when they are
const LONGEST_LEAD_MS = 250;

/**
 * How long before a phase change to start checking on every frame, from how late recent wake-up
 * timers ran (ms). Timers that keep time need no frames; where they often run late (Firefox's, by
 * up to a tenth of a second, with its main thread idle) frames take over well before the change:
 * 150 ms, or one frame more than the worst lateness seen. One late timer alone (a busy moment) is
 * not a habit; two are.
 * @param {number[]} lateness
 */
export function frameWatchLead(lateness) {
  if (lateness.length < SAMPLES_NEEDED) return LEAD_MS;
  const late = lateness.filter(ms => ms > ON_TIME_MS);
  return late.length < 2 ? 0 : Math.min(LONGEST_LEAD_MS, Math.max(LEAD_MS, ...late.map(ms => ms + FRAME_MS)));
}

/**
 * How full the lungs are (0 empty, 1 full) at the start and end of a phase.
 * @param {string} action
 * @returns {[number, number]}
 */
export function lungsDuring(action) {
  return action === 'breathe-in'
    ? [0, 1]
    : action === 'breathe-out'
      ? [1, 0]
      : action === 'hold-full'
        ? [1, 1]
        : [0, 0];
}

/**
 * The Start time (on the performance.now() clock) that puts a session `position` ms in at `now`:
 * resuming a pause, or re-entering a session, is just a new origin.
 * @param {number} now
 * @param {number} position
 */
export function originFor(now, position) {
  return now - position;
}

/**
 * Seconds as people say them: 4 -> "4", 4.5 -> "4.5", 5.625 -> "5.63".
 * @param {number} ms
 */
export function spokenSeconds(ms) {
  return `${+(ms / 1000).toFixed(2)}`;
}
