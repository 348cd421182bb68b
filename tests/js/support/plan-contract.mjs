// @ts-check
// The plan link's contract for the node tests, from the site's own data: every exercise's breath
// length, lead-in and breath range from data/exercises.yml, and the your-own pattern's contract, both
// asked of Python (the build's code), so these tests check the bounds the site ships.
// The plan's own bounds (minutes a day, days, time) are the proposal below until the build writes
// them from data into the plan page's data-contract attribute; the tests then read them from there.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const python = existsSync('.venv/bin/python') ? '.venv/bin/python' : 'python3';

const ASK_PYTHON = `
import json
from pathlib import Path
from hooks.content.exercises import validate_exercises
from hooks.content.exercises.bounds import pattern_contract
from hooks.content.yaml_source import load_yaml

exercises = validate_exercises(load_yaml(Path("data/exercises.yml"), "data/exercises.yml"), "data/exercises.yml", None)
print(json.dumps({
    "exercises": [
        {
            "id": e.id,
            "title": e.title,
            "seconds": sum(p.seconds for p in e.phases),
            "leadIn": e.lead_in.seconds if e.lead_in else 0,
            "cycles": {"min": e.cycles.min, "max": e.cycles.max},
        }
        for e in exercises
    ],
    "pattern": pattern_contract(),
}))
`;

/** @type {{exercises: (import('../../../overrides/assets/javascripts/plan-link.js').PlanExercise & {title: string})[], pattern: import('../../../overrides/assets/javascripts/pattern-link.js').Contract}} */
const fromData = JSON.parse(execFileSync(python, ['-c', ASK_PYTHON], { encoding: 'utf8' }));

/** @type {import('../../../overrides/assets/javascripts/plan-link.js').PlanContract} */
export const CONTRACT = {
  exercises: fromData.exercises.map(({ id, seconds, leadIn, cycles }) => ({ id, seconds, leadIn, cycles })),
  pattern: fromData.pattern,
  minutes: { min: 1, max: 20, default: 5 },
  days: { min: 1, max: 60, default: 14 },
  time: { default: '08:00' },
  exercise: { default: 'gentle' },
};

/** Each exercise's name by id, your-own's too. @type {Record<string, string>} */
export const TITLES = Object.fromEntries([
  ...fromData.exercises.map(({ id, title }) => [id, title]),
  [fromData.pattern.id, 'Your own pattern'],
]);
