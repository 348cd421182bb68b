// @ts-check
// A practice plan and its link, with no DOM: the address's query is read against the contract the
// build writes (the exercises' own breath lengths and breath counts, the your-own pattern's
// contract, and a plan's own bounds), and anything unusable is replaced by a safe value with a
// plain reason. Link names (a public contract): exercise, minutes, days, time, and for
// exercise=your-own the pattern link's in, hold, out, rest and pace, read by pattern-link.js.
//
// Breaths rule: a day's session is the whole number of breaths nearest to filling the minutes
// (after the lead-in), at least one, so it ends on a whole breath within half a breath of the
// minutes. An exercise's data cap its breaths, so an exercise offers only the whole minutes whose
// breaths stay within its range (minutesRange): 4-7-8's four breaths fill one minute at most.
import { parsePattern, patternQuery, shown } from './pattern-link.js';

/**
 * @typedef {object} PlanExercise  One exercise a plan can follow, as the build writes it.
 * @property {string} id
 * @property {number} seconds   one breath (one cycle of its phases), at the exercise's own pace
 * @property {number} leadIn    seconds of the phase played once before the first breath; 0 for none
 * @property {BreathRange} cycles  the breaths a session of it may have
 *
 * @typedef {object} BreathRange
 * @property {number} min
 * @property {number} max
 *
 * @typedef {object} WholeBounds
 * @property {number} min
 * @property {number} max
 * @property {number} default
 *
 * @typedef {object} PlanDefault  the value a link that leaves a name out gets
 * @property {string} default
 *
 * @typedef {object} PlanContract  What the build writes into <br-plan>'s data-contract (plan_contract.py;
 *   tests/test_plan_data.py checks that the two have the same fields).
 * @property {PlanExercise[]} exercises
 * @property {import('./pattern-link.js').Contract} pattern  the your-own link's contract; its id names it
 * @property {WholeBounds} minutes   minutes a day
 * @property {WholeBounds} days      days in a row
 * @property {PlanDefault} time      HH:MM, 24-hour
 * @property {PlanDefault} exercise  the id used when the link names none, or none that can be planned
 *
 * @typedef {object} Plan
 * @property {string} exercise  an exercise's id, or the pattern contract's id (your-own)
 * @property {import('./pattern-link.js').Pattern | null} pattern  the reader's own pattern; null otherwise
 * @property {number} minutes
 * @property {number} days
 * @property {string} time      HH:MM, 24-hour
 * @property {number} breaths   a day's session: the breaths that fill the minutes
 */

const PLAN_NAMES = ['exercise', 'minutes', 'days', 'time'];
const MOST_NAMES_LISTED = 5; // unknown names reported one by one; the rest are counted
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const TIME = /^(\d{1,2}):(\d{2})$/;
/** "1 minute", "5 minutes". @param {number} count @param {string} unit */
function counted(count, unit) {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * The whole breaths that fill `minutes`: the nearest whole number (a half rounds up), at least one.
 * @param {number} minutes
 * @param {number} secondsPerBreath  one breath at the pace played
 * @param {number} [leadIn]  seconds played once before the first breath
 */
export function breathsFor(minutes, secondsPerBreath, leadIn = 0) {
  const exact = Number(((minutes * 60 - leadIn) / secondsPerBreath).toFixed(6));
  return Math.max(1, Math.round(exact));
}

/**
 * The whole minutes, within the plan's bounds, whose breaths stay within the exercise's range;
 * null when no whole minute does (such an exercise cannot be planned).
 * @param {PlanExercise} exercise
 * @param {{min: number, max: number}} minutes
 * @returns {{min: number, max: number} | null}
 */
export function minutesRange(exercise, minutes) {
  const fits = [];
  for (let m = minutes.min; m <= minutes.max; m++) {
    const breaths = breathsFor(m, exercise.seconds, exercise.leadIn);
    if (breaths >= exercise.cycles.min && breaths <= exercise.cycles.max) fits.push(m);
  }
  return fits.length ? { min: fits[0], max: fits[fits.length - 1] } : null;
}

/**
 * A reader's own pattern as a plan exercise: one breath is every phase at the pattern's pace.
 * @param {import('./pattern-link.js').Pattern} pattern @param {import('./pattern-link.js').Contract} contract
 * @returns {PlanExercise}
 */
export function patternPlanExercise(pattern, contract) {
  const seconds = Object.values(pattern.seconds).reduce((sum, s) => sum + s, 0) * pattern.pace;
  return { id: contract.id, seconds, leadIn: 0, cycles: contract.breaths };
}

/** The pattern link's names a plan link carries for your-own: its seconds and pace, not its breaths.
 * @param {import('./pattern-link.js').Contract} contract */
function patternLinkNames(contract) {
  return [...contract.phases.map(phase => phase.name), contract.pace.name];
}

/**
 * A whole number from the address within [min, max], the fallback when it is not one.
 * @param {string} name @param {string} raw
 * @param {{min: number, max: number, fallback: number, unit: string, why: (bound: 'min' | 'max') => string}} rule
 * @returns {{value: number, problem: string | null}}
 */
function checkedWhole(name, raw, rule) {
  const said = `"${name}" was "${shown(raw)}"`;
  const text = raw.trim();
  if (!PLAIN_NUMBER.test(text)) {
    const negative = /^-\s*\d/.test(text);
    const value = negative ? rule.min : rule.fallback;
    const why = negative ? `less than ${counted(rule.min, rule.unit)}` : 'not a whole number';
    return { value, problem: `${said}, which is ${why}; used ${value} instead.` };
  }
  const number = Number(text);
  let value = Math.round(number);
  let why = value === number ? '' : 'rounded to a whole number';
  if (value > rule.max) [value, why] = [rule.max, rule.why('max')];
  else if (value < rule.min) [value, why] = [rule.min, rule.why('min')];
  return { value, problem: why ? `${said}: ${why}; used ${value} instead.` : null };
}

/**
 * The plan a query string asks for, and what could not be used as written.
 * @param {string} search  location.search, with or without its "?"
 * @param {PlanContract} contract
 * @returns {{plan: Plan, problems: string[]}}
 */
export function parsePlan(search, contract) {
  const params = new URLSearchParams(search);
  /** @type {string[]} */
  const problems = [];
  const own = contract.pattern;
  const patternNames = patternLinkNames(own);
  /** @type {string[]} */
  const unknown = [];
  for (const name of new Set(params.keys())) {
    if (PLAN_NAMES.includes(name)) {
      if (params.getAll(name).length > 1) problems.push(`"${name}" was given more than once; used the first.`);
    } else if (name === own.breaths.name) {
      problems.push(`"${name}" is not part of a plan link: a plan's breaths come from "minutes". It was ignored.`);
    } else if (!patternNames.includes(name)) unknown.push(name);
  }
  for (const name of unknown.slice(0, MOST_NAMES_LISTED)) {
    problems.push(`"${shown(name)}" is not part of a plan link and was ignored.`);
  }
  if (unknown.length > MOST_NAMES_LISTED) {
    problems.push(`${counted(unknown.length - MOST_NAMES_LISTED, 'other name')} in the link were ignored.`);
  }

  const { exercise, planned, pattern } = readExercise(params, contract, problems);
  // readExercise returns only an exercise with at least one whole minute.
  const range = /** @type {{min: number, max: number}} */ (minutesRange(planned, contract.minutes));
  const minutes = readWhole(params, 'minutes', problems, {
    min: range.min,
    max: range.max,
    fallback: Math.min(range.max, Math.max(range.min, contract.minutes.default)),
    unit: 'minute',
    why: bound =>
      bound === 'max'
        ? `this exercise's breaths fill at most ${counted(range.max, 'minute')} a day`
        : `this exercise's breaths fill at least ${counted(range.min, 'minute')} a day`,
  });
  const days = readWhole(params, 'days', problems, {
    ...contract.days,
    fallback: contract.days.default,
    unit: 'day',
    why: bound =>
      bound === 'max'
        ? `a plan lasts at most ${counted(contract.days.max, 'day')}`
        : `a plan lasts at least ${counted(contract.days.min, 'day')}`,
  });
  const time = readTime(params.get('time'), contract.time.default, problems);
  const breaths = breathsFor(minutes, planned.seconds, planned.leadIn);
  if (pattern) pattern.breaths = breaths;
  return { plan: { exercise, pattern, minutes, days, time, breaths }, problems };
}

/**
 * The exercise a link names, and for your-own the pattern it carries (read by pattern-link.js).
 * @param {URLSearchParams} params @param {PlanContract} contract @param {string[]} problems
 * @returns {{exercise: string, planned: PlanExercise, pattern: import('./pattern-link.js').Pattern | null}}
 */
function readExercise(params, contract, problems) {
  const own = contract.pattern;
  const patternNames = patternLinkNames(own);
  const byId = new Map(contract.exercises.map(exercise => [exercise.id, exercise]));
  const fallback = byId.get(contract.exercise.default);
  if (!fallback || !minutesRange(fallback, contract.minutes)) {
    throw new Error(`The plan contract's default exercise "${contract.exercise.default}" cannot be planned.`);
  }
  const raw = params.get('exercise');
  if (raw === own.id) {
    const patternParams = new URLSearchParams();
    for (const [name, value] of params) if (patternNames.includes(name)) patternParams.append(name, value);
    const read = parsePattern(patternParams.toString(), own);
    problems.push(...read.problems);
    const planned = patternPlanExercise(read.pattern, own);
    if (minutesRange(planned, contract.minutes)) return { exercise: own.id, planned, pattern: read.pattern };
    problems.push(`Your own pattern's breaths cannot fill a whole number of minutes; used ${fallback.id} instead.`);
    return { exercise: fallback.id, planned: fallback, pattern: null };
  }
  for (const name of patternNames) {
    if (params.has(name)) {
      problems.push(`"${name}" belongs to your own pattern (exercise=${own.id}) and was ignored.`);
    }
  }
  if (raw === null) return { exercise: fallback.id, planned: fallback, pattern: null };
  const named = byId.get(raw);
  if (named && minutesRange(named, contract.minutes)) return { exercise: named.id, planned: named, pattern: null };
  const why = named
    ? `whose breaths cannot fill a whole number of minutes`
    : `which is not one of the exercises (or ${own.id})`;
  problems.push(`"exercise" was "${shown(raw)}", ${why}; used ${fallback.id} instead.`);
  return { exercise: fallback.id, planned: fallback, pattern: null };
}

/**
 * @param {URLSearchParams} params @param {string} name @param {string[]} problems
 * @param {Parameters<typeof checkedWhole>[2]} rule
 */
function readWhole(params, name, problems, rule) {
  const raw = params.get(name);
  if (raw === null) return rule.fallback;
  const { value, problem } = checkedWhole(name, raw, rule);
  if (problem) problems.push(problem);
  return value;
}

/**
 * A time of day as HH:MM (24-hour); H:MM is read too.
 * @param {string | null} raw @param {string} fallback @param {string[]} problems
 */
function readTime(raw, fallback, problems) {
  if (raw === null) return fallback;
  const match = TIME.exec(raw.trim());
  if (match && Number(match[1]) <= 23 && Number(match[2]) <= 59) return `${match[1].padStart(2, '0')}:${match[2]}`;
  problems.push(
    `"time" was "${shown(raw)}", which is not a time of day from 00:00 to 23:59 (hours and minutes, ` +
      `24-hour clock); used ${fallback} instead.`,
  );
  return fallback;
}

/**
 * The query string that carries a plan, every name given: exercise, the pattern's seconds (and
 * its pace when changed) for your-own, minutes, days, time. parsePlan reads it back as the same plan.
 * @param {Plan} plan @param {PlanContract} contract
 */
export function planQuery(plan, contract) {
  const params = new URLSearchParams({ exercise: plan.exercise });
  if (plan.pattern) {
    const pattern = new URLSearchParams(patternQuery(plan.pattern, contract.pattern));
    pattern.delete(contract.pattern.breaths.name);
    for (const [name, value] of pattern) params.append(name, value);
  }
  params.append('minutes', String(plan.minutes));
  params.append('days', String(plan.days));
  params.append('time', plan.time);
  // A colon is allowed in a query as it is; the documented form is time=HH:MM.
  return '?' + params.toString().replace(/%3A/g, ':');
}

/**
 * The plan in words: "Gentle breathing, 5 minutes a day, for 14 days, at 8:00".
 * @param {Plan} plan
 * @param {Record<string, string>} titles  each exercise's name by id (your-own's too)
 */
export function planSentence(plan, titles) {
  let name = titles[plan.exercise] ?? plan.exercise;
  if (plan.pattern) {
    const phases = Object.entries(plan.pattern.seconds)
      .filter(([, seconds]) => seconds > 0)
      .map(([phase, seconds]) => `${phase} ${seconds}`);
    const pace = plan.pattern.pace === 1 ? '' : `, at pace ${plan.pattern.pace}`;
    name += ` (${phases.join(', ')} seconds${pace})`;
  }
  const time = plan.time.replace(/^0(\d)/, '$1');
  return `${name}, ${counted(plan.minutes, 'minute')} a day, for ${counted(plan.days, 'day')}, at ${time}`;
}
