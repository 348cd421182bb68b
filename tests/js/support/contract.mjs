// @ts-check
// The build's own contract, asked of Python once, so the JS tests use what the site ships and keep
// no copy: the paces and the shortest phase every pacer's data carries (pace.py), and the your-own
// pattern's contract (bounds.py), its hold bound from data/exercises.yml.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const python = existsSync('.venv/bin/python') ? '.venv/bin/python' : 'python3';
const ASK = `import json
from pathlib import Path
from hooks.content.exercises.bounds import pattern_contract
from hooks.content.exercises.pace import pace_rule
from hooks.content.site_data import load_site_data
exercises = load_site_data(Path("data")).exercises.values()
print(json.dumps({"rule": pace_rule(), "contract": pattern_contract(exercises)}))`;
const answer = JSON.parse(execFileSync(python, ['-c', ASK], { encoding: 'utf8' }));

/** @type {{paces: import('../../../overrides/assets/javascripts/pacer-schedule.js').Pace[], shortest_phase: number}} */
export const PACE_RULE = answer.rule;
/** @type {import('../../../overrides/assets/javascripts/pattern-link.js').Contract} */
export const CONTRACT = answer.contract;
/** Every pace's multiplier, fastest first. */
export const PACES = PACE_RULE.paces.map(pace => pace.value);
