"""data/plans.yml and the plan contract: the checker's rules across files, each proven on a small
inline change to the real data with its exact message; the contract's shape against plan-link.js's
typedef; the breaths rule the same in Python and JavaScript; and the your-own link's hold bound
derived from the exercise data (never a literal)."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

from hooks.content.countries import dial
from hooks.content.exercises.bounds import longest_hold, pattern_contract
from hooks.content.plan_breaths import WholeRange, minutes_range
from hooks.content.plan_contract import plan_contract
from hooks.content.plans import validate_plans
from hooks.content.problems import DataError
from hooks.content.site_data import load_site_data
from hooks.render.plans import render_plan
from tests.support.html import read_markup
from tests.support.jsdoc import check_value, read_typedefs
from tests.support.node import run_module
from tests.support.paths import DATA_DIR, PACER_SCHEDULE_JS, PACER_SCRIPTS_DIR

SOURCE = "data/plans.yml"
DATA = load_site_data(DATA_DIR)
FINDINGS = {finding.anchor for reference in DATA.references.values() for finding in reference.findings}
RAW = yaml.safe_load((DATA_DIR / "plans.yml").read_text(encoding="utf-8"))
# pacer-schedule.js and plan-link.js each have a `Plan` (a session's, a practice plan's): read apart.
TYPEDEFS = {
    **read_typedefs(PACER_SCHEDULE_JS, PACER_SCRIPTS_DIR / "pattern-link.js"),
    **read_typedefs(PACER_SCRIPTS_DIR / "plan-link.js"),
}


def problems_with(change) -> list[str]:
    """The checker's messages for the real plans file after `change(raw)`."""
    raw = copy.deepcopy(RAW)
    change(raw)
    with pytest.raises(DataError) as caught:
        validate_plans(raw, SOURCE, DATA.exercises, FINDINGS)
    return caught.value.messages


def test_the_real_plans_file_is_valid_and_has_at_least_two_built_in_plans():
    assert DATA.plans is not None
    assert len(DATA.plans.plans) >= 2
    assert {plan.exercise for plan in DATA.plans.plans} <= set(DATA.exercises)


def test_a_plan_must_name_an_exercise_that_exists():
    def change(raw):
        raw["plans"][0]["exercise"] = "square"

    assert problems_with(change) == [
        f'{SOURCE}: plan "two-weeks-gentle" (entry 1), field "exercise": found "square" (text); '
        "allowed: an exercise id from data/exercises.yml: diaphragmatic, 4-7-8, box, alternate-nostril, gentle."
    ]


def test_a_plans_minutes_must_be_ones_its_exercises_breaths_can_fill():
    """4-7-8 has at most four breaths: they cannot fill five minutes."""

    def change(raw):
        raw["plans"][0]["exercise"] = "4-7-8"

    assert problems_with(change) == [
        f'{SOURCE}: plan "two-weeks-gentle" (entry 1), field "minutes": found 5; allowed: a whole number '
        'from 1 to 1: the minutes "4-7-8"\'s breaths (1 to 4) can fill within bounds.minutes.'
    ]


def test_the_default_exercise_must_fill_a_whole_minute_but_others_may_be_too_short():
    def change(raw):
        raw["bounds"]["minutes"] = {"min": 2, "max": 20, "default": 5}
        raw["bounds"]["exercise"] = "4-7-8"

    assert problems_with(change) == [
        f'{SOURCE}, field "bounds.exercise": found "4-7-8" (text); allowed: an exercise whose breaths (1 to 4 for '
        '"4-7-8") fill at least one whole minute from 2 to 20 (bounds.minutes).'
    ]
    # With gentle as the default, 4-7-8 being too short for 2 minutes is no error: links fall back.
    raw = copy.deepcopy(RAW)
    raw["bounds"]["minutes"] = {"min": 2, "max": 20, "default": 5}
    assert validate_plans(raw, SOURCE, DATA.exercises, FINDINGS).bounds.minutes == WholeRange(2, 20)


def test_defaults_days_ids_and_findings_are_checked_together():
    def change(raw):
        raw["bounds"]["days"]["default"] = 61
        raw["bounds"]["exercise"] = "nope"
        raw["plans"][1]["days"] = 90
        raw["plans"][1]["references"] = ["balban-2023-nothing"]
        raw["plans"].append({**raw["plans"][0]})

    assert problems_with(change) == [
        f'{SOURCE}, field "bounds.days.default": found 61; allowed: a whole number from 1 to 60 (min to max).',
        f'{SOURCE}, field "bounds.exercise": found "nope" (text); allowed: an exercise id from data/exercises.yml: '
        "diaphragmatic, 4-7-8, box, alternate-nostril, gentle.",
        f'{SOURCE}: plan "five-minutes-box" (entry 2), field "days": found 90; allowed: a whole number from 1 to 60 '
        "(bounds.days).",
        f'{SOURCE}: plan "five-minutes-box" (entry 2), field "references[1]": found "balban-2023-nothing" (text); '
        "allowed: a finding defined in data/references.yml (SOURCE-FINDING).",
        f'{SOURCE}: plan "two-weeks-gentle" (entry 3), field "id": found "two-weeks-gentle" (text); '
        "allowed: a unique id (entry 1 already uses it).",
    ]


def test_the_schema_states_the_time_of_day():
    def change(raw):
        raw["plans"][0]["time"] = "8am"

    assert problems_with(change) == [
        f'{SOURCE}: plan "two-weeks-gentle" (entry 1), field "time": found "8am" (text); allowed: a time of day as '
        'HH:MM on a 24-hour clock, from 00:00 to 23:59, in quotes ("08:00").'
    ]


def test_a_missing_plans_file_stops_the_build(tmp_path: Path):
    for name in ("references.yml", "exercises.yml", "cautions.yml", "countries.yml", "options.yml"):
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    with pytest.raises(DataError) as caught:
        load_site_data(tmp_path)
    assert caught.value.messages == [f"data/plans.yml: file not found (expected at {tmp_path / 'plans.yml'})."]


def test_the_plan_contract_has_the_fields_of_the_plan_contract_typedef():
    assert DATA.plans is not None
    assert check_value(plan_contract(DATA.exercises, DATA.plans.bounds), "PlanContract", TYPEDEFS) == []


def test_the_plan_contracts_bounds_are_the_data_files():
    assert DATA.plans is not None
    contract = plan_contract(DATA.exercises, DATA.plans.bounds)
    assert contract["minutes"] == RAW["bounds"]["minutes"]
    assert contract["days"] == RAW["bounds"]["days"]
    assert contract["time"] == {"default": RAW["bounds"]["time"]}
    assert contract["exercise"] == {"default": RAW["bounds"]["exercise"]}
    assert [entry["id"] for entry in contract["exercises"]] == list(DATA.exercises)


def test_python_and_javascript_agree_on_every_exercises_whole_minutes():
    assert DATA.plans is not None
    contract = plan_contract(DATA.exercises, DATA.plans.bounds)
    from_js = run_module(
        """
import { minutesRange } from './overrides/assets/javascripts/plan-link.js';
console.log(JSON.stringify(input.exercises.map(e => minutesRange(e, input.minutes))));
""",
        contract,
    )
    bounds = DATA.plans.bounds.minutes
    from_python = [minutes_range(exercise, bounds) for exercise in DATA.exercises.values()]
    assert from_js == [None if fit is None else {"min": fit.min, "max": fit.max} for fit in from_python]


def test_a_links_hold_is_at_most_the_longest_hold_in_the_exercise_data():
    """The bound is the data's longest hold as written: 7 s today (4-7-8), so at the slowest pace a hold
    from a link is as long as the site's own longest hold at that pace, never longer."""
    contract = pattern_contract(DATA.exercises.values())
    holds = {phase["name"]: phase["max"] for phase in contract["phases"] if phase["min"] == 0}
    assert holds == {"hold": longest_hold(DATA.exercises.values()), "rest": longest_hold(DATA.exercises.values())}
    assert longest_hold(DATA.exercises.values()) == 7
    breaths = {phase["name"]: phase["max"] for phase in contract["phases"] if phase["min"] > 0}
    assert breaths == {"in": 20, "out": 20}  # the breaths keep the data's own phase bound


def test_the_hold_bound_follows_the_data_not_a_literal():
    shorter = {
        exercise_id: dataclasses.replace(
            exercise,
            phases=tuple(
                dataclasses.replace(phase, seconds=3) if phase.action.startswith("hold") else phase
                for phase in exercise.phases
            ),
            lead_in=None,
        )
        for exercise_id, exercise in DATA.exercises.items()
    }
    contract = pattern_contract(shorter.values())
    assert [phase["max"] for phase in contract["phases"] if phase["min"] == 0] == [3, 3]


def test_minutes_range_is_none_when_no_whole_minute_fits():
    four_seven_eight = DATA.exercises["4-7-8"]
    assert minutes_range(four_seven_eight, WholeRange(1, 20)) == WholeRange(1, 1)
    assert minutes_range(four_seven_eight, WholeRange(2, 20)) is None


def test_the_printed_crisis_lines_keep_the_word_to_text():
    """A service that asks for a word first ("text SHOUT to 85258") prints it, as the country tabs
    show it, and its sms: link fills it in: a printed number alone may not reach the service."""
    assert DATA.plans is not None
    printed = read_markup(render_plan(DATA.plans, DATA.exercises, DATA.cautions, [], DATA.countries))
    lines = " ".join(" ".join(line.text_content().split()) for line in printed.xpath("//p[@data-country]"))
    asking = [
        item for country in DATA.countries for items in country.help.values() for item in items if item.text_keyword
    ]
    printed_asking = [
        item for item in asking if any(href.startswith(f"sms:{dial(item.text)}") for href in printed.xpath("//a/@href"))
    ]
    assert printed_asking, "no printed service asks for a word first"
    for item in printed_asking:
        assert f"text {item.text_keyword} to {item.text}" in lines, item.service
        assert printed.xpath(f'//a[@href="sms:{dial(item.text)}?body={quote(item.text_keyword)}"]'), item.service
