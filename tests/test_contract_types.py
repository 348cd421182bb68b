"""The Python-to-JavaScript contract: what the build writes into `data-exercise` and `data-contract`
has exactly the fields the scripts' JSDoc types say, through every nested object, so a field added or
renamed on one side only fails here; and the paces, defined once in Python, keep the pacer's promises."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.content.exercises.bounds import DEFAULT_PACE, pattern_contract
from hooks.content.exercises.check import MIN_SECONDS
from hooks.content.exercises.pace import AS_WRITTEN, PACES, SHORTEST_PHASE_SECONDS
from hooks.content.exercises.render import exercise_payload
from hooks.content.site_data import load_site_data
from tests.support.jsdoc import check_value, read_typedefs
from tests.support.paths import DATA_DIR, PACER_SCHEDULE_JS, PACER_SCRIPTS_DIR

PATTERN_LINK_JS = PACER_SCRIPTS_DIR / "pattern-link.js"
TYPEDEFS = read_typedefs(PACER_SCHEDULE_JS, PATTERN_LINK_JS)
EXERCISES = load_site_data(DATA_DIR).exercises


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_each_pacers_data_has_the_fields_of_the_exercise_typedef(exercise_id):
    assert check_value(exercise_payload(EXERCISES[exercise_id]), "Exercise", TYPEDEFS) == []


def test_the_data_covers_every_shape_of_the_exercise_typedef():
    """Some exercise has a lead-in and some a side, so the check above reaches every nested type."""
    payloads = [exercise_payload(exercise) for exercise in EXERCISES.values()]
    assert any(payload["lead_in"] for payload in payloads)
    assert any(phase["side"] for payload in payloads for phase in payload["phases"])


def test_the_pattern_contract_has_the_fields_of_the_contract_typedef():
    assert check_value(pattern_contract(EXERCISES.values()), "Contract", TYPEDEFS) == []


def test_the_check_finds_a_field_on_either_side_alone_at_any_depth(tmp_path: Path):
    script = tmp_path / "typed.js"
    script.write_text(
        """/**
 * @typedef {object} Inner
 * @property {number} value
 * @property {string | null} [note]
 *
 * @typedef {object} Outer  what the build writes
 * @property {string} id
 * @property {Inner[]} items
 * @property {Inner | null} first
 * @typedef {{a: number}} Inline
 */""",
        encoding="utf-8",
    )
    typedefs = read_typedefs(script)
    assert set(typedefs) == {"Inner", "Outer"}
    good = {"id": "x", "items": [{"value": 1}, {"value": 2, "note": None}], "first": None}
    assert check_value(good, "Outer", typedefs) == []
    assert check_value({**good, "extra": 1}, "Outer", typedefs) == [
        "Outer: has 'extra', which @typedef Outer does not name"
    ]
    assert check_value({"id": "x", "first": None}, "Outer", typedefs) == [
        "Outer: lacks 'items', which @typedef Outer names as required"
    ]
    deep = {**good, "items": [{"value": 1, "label": "In"}], "first": {"value": "1"}}
    assert check_value(deep, "Outer", typedefs) == [
        "Outer.items[0]: has 'label', which @typedef Inner does not name",
        "Outer.first.value: found string '1'; the typedef says number",
    ]


def test_pace_one_plays_every_exercise_as_written_and_is_always_offered():
    """The pacer falls back to pace 1 and the pattern page starts there: it must be a pace, and no phase
    the data allow may be too short for it."""
    assert AS_WRITTEN in PACES and DEFAULT_PACE == AS_WRITTEN
    assert AS_WRITTEN * MIN_SECONDS >= SHORTEST_PHASE_SECONDS
    assert list(PACES) == sorted(PACES), "fastest first, as the Pace list shows them"
    assert len(set(PACES.values())) == len(PACES), "each pace has its own name"
