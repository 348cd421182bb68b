// @ts-check
// The plan link's contract for the node tests, asked of Python (the build's own code and data): every
// exercise's breath length, lead-in and breath range from data/exercises.yml, the your-own pattern's
// contract, and the plan's own bounds (minutes a day, days, time, default exercise) from
// data/plans.yml, exactly as the build writes them into the plan page's data-contract attribute.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const python = existsSync('.venv/bin/python') ? '.venv/bin/python' : 'python3';

const ASK_PYTHON = `
import json
from pathlib import Path
from hooks.content.exercises.bounds import PATTERN_TITLE
from hooks.content.plan_contract import plan_contract
from hooks.content.site_data import load_site_data

data = load_site_data(Path("data"))
contract = plan_contract(data.exercises, data.plans.bounds)
titles = {e.id: e.title for e in data.exercises.values()}
titles[contract["pattern"]["id"]] = PATTERN_TITLE
print(json.dumps({"contract": contract, "titles": titles}))
`;

const answer = JSON.parse(execFileSync(python, ['-c', ASK_PYTHON], { encoding: 'utf8' }));

/** @type {import('../../../overrides/assets/javascripts/plan-link.js').PlanContract} */
export const CONTRACT = answer.contract;

/** Each exercise's name by id, your-own's too. @type {Record<string, string>} */
export const TITLES = answer.titles;
