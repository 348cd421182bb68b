// @ts-check
// A reader's own breathing pattern and its link, with no DOM: the address's query is read against
// the contract the build writes (hooks/content/exercises/bounds.py), every value checked by the same bounds
// the exercise data obey, and anything unusable replaced by a safe value with a plain reason.
// Link names (a public contract): in, hold, out, rest (seconds; 0 leaves a hold out), breaths, pace.
import { pacesFor } from './pacer-schedule.js';

/**
 * @typedef {object} ContractPhase
 * @property {string} name     the link's name for it: in | hold | out | rest
 * @property {number} min      0 for a hold that may be left out
 * @property {number} least    the shortest a played phase may be
 * @property {number} max
 * @property {number} default
 * @property {string} action
 * @property {string} cue
 * @property {string} label
 *
 * @typedef {object} ContractBreaths
 * @property {string} name     the link's name for it: breaths
 * @property {number} min
 * @property {number} max
 * @property {number} default
 *
 * @typedef {object} ContractPace
 * @property {string} name     the link's name for it: pace
 * @property {number} default
 *
 * @typedef {object} Contract  What the build writes into data-contract (bounds.py's pattern_contract;
 *   tests/test_contract_types.py checks that the two have the same fields).
 * @property {string} id
 * @property {ContractPhase[]} phases
 * @property {number} step
 * @property {ContractBreaths} breaths
 * @property {ContractPace} pace
 * @property {import('./pacer-schedule.js').Pace[]} paces  every pace, fastest first
 * @property {number} shortest_phase  seconds: no phase may be shorter at the pace chosen
 *
 * @typedef {{seconds: Record<string, number>, breaths: number, pace: number}} Pattern
 */

const LONGEST_SHOWN = 24; // characters of a bad value repeated back in a message
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
// Control and format characters (right-to-left overrides among them) would make a message read
// differently from what it says; they are shown as a replacement character instead.
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}]/gu;

/** A value from the address, safe to show as text and short (the plan link's messages use it too).
 * @param {string} raw */
export function shown(raw) {
  const flat = [...raw.replace(/\s+/g, ' ').replace(HIDDEN_CHARACTERS, '\uFFFD')];
  return flat.length > LONGEST_SHOWN ? flat.slice(0, LONGEST_SHOWN).join('') + '…' : flat.join('');
}

/**
 * One number from the address, kept within [min, max] at `step`; a problem says what was wrong.
 * @param {string} name @param {string} raw @param {{min: number, max: number, least?: number, step: number, fallback: number, unit: string}} rule
 * @returns {{value: number, problem: string | null}}
 */
function checkedNumber(name, raw, rule) {
  const said = `"${name}" was "${shown(raw)}"`;
  const amount = (/** @type {number} */ n) => `${n}${n === 1 ? rule.unit.replace(/s$/, '') : rule.unit}`;
  const text = raw.trim();
  if (!PLAIN_NUMBER.test(text)) {
    const negative = /^-\s*\d/.test(text);
    const value = negative ? rule.min : rule.fallback;
    return {
      value,
      problem: `${said}, which is ${negative ? 'less than ' + rule.min : 'not a number'}; used ${value} instead.`,
    };
  }
  const number = Number(text);
  const stepped = Math.round(number / rule.step) * rule.step;
  let value = Number(stepped.toFixed(6));
  let why = value === number ? '' : `rounded to ${rule.step === 1 ? 'a whole number' : 'tenths of a second'}`;
  if (value > rule.max) [value, why] = [rule.max, `more than ${amount(rule.max)}`];
  else if (value < rule.min) [value, why] = [rule.min, `less than ${amount(rule.min)}`];
  else if (rule.least && value > 0 && value < rule.least) {
    [value, why] = [rule.least, `a hold is 0 (none) or at least ${amount(rule.least)}`];
  }
  return { value, problem: why ? `${said}: ${why}; used ${value} instead.` : null };
}

/**
 * The pattern a query string asks for, and what could not be used as written.
 * @param {string} search  location.search, with or without its "?"
 * @param {Contract} contract
 * @returns {{pattern: Pattern, problems: string[]}}
 */
export function parsePattern(search, contract) {
  const params = new URLSearchParams(search);
  /** @type {string[]} */
  const problems = [];
  const known = new Set([...contract.phases.map(phase => phase.name), contract.breaths.name, contract.pace.name]);
  for (const name of new Set(params.keys())) {
    if (!known.has(name)) problems.push(`"${shown(name)}" is not part of a pattern link and was ignored.`);
    else if (params.getAll(name).length > 1) problems.push(`"${name}" was given more than once; used the first.`);
  }
  /** @param {string} name @param {number} fallback @param {Parameters<typeof checkedNumber>[2]} rule */
  const read = (name, fallback, rule) => {
    const raw = params.get(name);
    if (raw === null) return fallback;
    const { value, problem } = checkedNumber(name, raw, rule);
    if (problem) problems.push(problem);
    return value;
  };
  /** @type {Record<string, number>} */
  const seconds = {};
  for (const phase of contract.phases) {
    seconds[phase.name] = read(phase.name, phase.default, {
      min: phase.min,
      max: phase.max,
      least: phase.least,
      step: contract.step,
      fallback: phase.default,
      unit: ' seconds',
    });
  }
  const { breaths: rule } = contract;
  const breaths = read(rule.name, rule.default, { ...rule, step: 1, fallback: rule.default, unit: '' });
  const pattern = { seconds, breaths, pace: contract.pace.default };
  const rawPace = params.get(contract.pace.name);
  if (rawPace !== null) {
    const offered = pacesFor(patternExercise(pattern, contract));
    const pace = Number(rawPace.trim());
    if (PLAIN_NUMBER.test(rawPace.trim()) && offered.includes(pace)) pattern.pace = pace;
    else
      problems.push(
        `"${contract.pace.name}" was "${shown(rawPace)}", which is not one of the paces on offer ` +
          `for this pattern (${offered.join(', ')}); used ${contract.pace.default} instead.`,
      );
  }
  return { pattern, problems };
}

/**
 * The query string that carries a pattern: every phase and the breaths, the pace only when changed.
 * @param {Pattern} pattern @param {Contract} contract
 */
export function patternQuery(pattern, contract) {
  const params = new URLSearchParams();
  for (const phase of contract.phases) params.set(phase.name, String(pattern.seconds[phase.name]));
  params.set(contract.breaths.name, String(pattern.breaths));
  if (pattern.pace !== contract.pace.default) params.set(contract.pace.name, String(pattern.pace));
  return '?' + params.toString();
}

/**
 * The pattern as the pacer's exercise payload (what the build writes for a data exercise), with
 * the link's breaths and pace as its settings.
 * @param {Pattern} pattern @param {Contract} contract
 * @returns {import('./pacer-schedule.js').Exercise}
 */
export function patternExercise(pattern, contract) {
  const phases = contract.phases
    .filter(phase => pattern.seconds[phase.name] > 0)
    .map(phase => ({
      action: phase.action,
      seconds: pattern.seconds[phase.name],
      side: null,
      cue: phase.cue,
      label: phase.label,
    }));
  const { min, max } = contract.breaths;
  return {
    id: contract.id,
    lead_in: null,
    phases,
    cycles: { default: pattern.breaths, min, max },
    paces: contract.paces,
    shortest_phase: contract.shortest_phase,
    settings: { cycles: pattern.breaths, pace: pattern.pace },
  };
}

/** Whether the pattern asks the reader to hold their breath. @param {Pattern} pattern @param {Contract} contract */
export function hasHold(pattern, contract) {
  return contract.phases.some(phase => phase.action.startsWith('hold') && pattern.seconds[phase.name] > 0);
}

/**
 * The pattern as written steps, one a phase at the pace chosen, then the breaths:
 * ["Breathe in for 4 seconds.", "Breathe out for 6 seconds.", "Repeat: 10 breaths in all."].
 * @param {Pattern} pattern @param {Contract} contract
 */
export function patternSteps(pattern, contract) {
  const seconds = (/** @type {number} */ n) => `${n} second${n === 1 ? '' : 's'}`;
  const steps = patternExercise(pattern, contract).phases.map(
    phase => `${phase.cue} for ${seconds(Number((phase.seconds * pattern.pace).toFixed(2)))}.`,
  );
  steps.push(`Repeat: ${pattern.breaths} breath${pattern.breaths === 1 ? '' : 's'} in all.`);
  return steps;
}
