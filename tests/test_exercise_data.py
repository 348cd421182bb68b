"""The exercise data file: each kind of mistake stops the build with its own exact message."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from hooks.content.exercises import validate_exercises
from hooks.content.problems import DataError
from hooks.content.site_data import load_site_data
from hooks.content.yaml_source import parse_yaml
from tests.support.options_data import MINIMAL_OPTIONS

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCE = "data/exercises.yml"
# A small exercises file of our own, so editing, adding or reordering the real exercises never
# changes what these tests expect. Its shapes cover every checker: a lead-in, holds, sides.
FIXTURE = yaml.safe_load(
    """
exercises:
  - id: diaphragmatic
    title: Belly
    summary: Slow.
    phases: [{action: breathe-in, seconds: 4, through: nose}, {action: breathe-out, seconds: 6, through: mouth}]
    cycles: {default: 12, min: 3, max: 30}
    steps: [Lie down.]
    references: [ma-2017-attention]
  - id: 4-7-8
    title: Four seven eight
    summary: Holds.
    lead_in: {action: breathe-out, seconds: 4, through: mouth}
    phases:
      - {action: breathe-in, seconds: 4, through: nose}
      - {action: hold-full, seconds: 7}
      - {action: breathe-out, seconds: 8, through: mouth}
    cycles: {default: 4, min: 1, max: 4}
    steps: [One., Two., Three., Four., Five., Six., Seven.]
    references: [balban-2023-cyclic-sighing-best]
  - id: box
    title: Box
    summary: Square.
    phases:
      - {action: breathe-in, seconds: 4, through: nose}
      - {action: hold-full, seconds: 4}
      - {action: breathe-out, seconds: 4, through: mouth}
      - {action: hold-empty, seconds: 4}
    cycles: {default: 6, min: 2, max: 20}
    steps: [Sit.]
    references: [balban-2023-cyclic-sighing-best]
  - id: alternate-nostril
    title: Sides
    summary: One nostril at a time.
    phases:
      - {action: breathe-in, seconds: 4, side: left}
      - {action: breathe-out, seconds: 4, side: right}
      - {action: breathe-in, seconds: 4, side: right}
      - {action: breathe-out, seconds: 4, side: left}
    cycles: {default: 5, min: 5, max: 10}
    steps: [Sit.]
    references: [brom-2017-better-than-waitlist]
  - id: gentle
    title: Gentle
    summary: No holds.
    phases: [{action: breathe-in, seconds: 5, through: nose}, {action: breathe-out, seconds: 5, through: mouth}]
    cycles: {default: 18, min: 6, max: 30}
    steps: [Breathe.]
    references: [andersen-2020-no-extra-benefit]
"""
)
# Exercises cite findings: SOURCE-FINDING.
REFERENCE_KEYS = {
    "andersen-2020-no-extra-benefit",
    "balban-2023-breathwork-beats-mindfulness",
    "balban-2023-cyclic-sighing-best",
    "brom-2017-better-than-waitlist",
    "ma-2017-attention",
}


def test_the_fixture_itself_is_valid():
    assert [exercise.id for exercise in validate_exercises(FIXTURE, SOURCE, REFERENCE_KEYS)] == [
        item["id"] for item in FIXTURE["exercises"]
    ]


def entry(data: dict, exercise_id: str) -> dict:
    return next(item for item in data["exercises"] if item["id"] == exercise_id)


def messages_after(change) -> list[str]:
    data = copy.deepcopy(FIXTURE)
    change(data)
    with pytest.raises(DataError) as caught:
        validate_exercises(data, SOURCE, REFERENCE_KEYS)
    return caught.value.messages


BOX = 'data/exercises.yml: exercise "box" (entry 3)'
FOUR_SEVEN_EIGHT = 'data/exercises.yml: exercise "4-7-8" (entry 2)'

CASES = {
    "unknown field": (
        lambda data: entry(data, "box").update(colour="blue"),
        f'{BOX}, field "colour": found "blue" (text); allowed: only the known fields id, title, summary, lead_in, phases, cycles, steps, cautions, references, steps_from.',
    ),
    "missing required field": (
        lambda data: entry(data, "box").pop("title"),
        f'{BOX}, field "title": found nothing (the field is missing); allowed: a value (this field is required).',
    ),
    "duplicate id": (
        lambda data: entry(data, "alternate-nostril").update(id="box"),
        'data/exercises.yml: exercise "box" (entry 4), field "id": found "box" (text); allowed: a unique id (entry 3 already uses it).',
    ),
    "malformed id": (
        lambda data: entry(data, "box").update(id="Box Breathing"),
        'data/exercises.yml: exercise at entry 3, field "id": found "Box Breathing" (text); allowed: lower-case letters, digits and single hyphens, e.g. box, 4-7-8 or ma-2017.',
    ),
    "non-numeric seconds": (
        lambda data: entry(data, "box")["phases"][1].update(seconds="four"),
        f'{BOX}, field "phases[2].seconds": found "four" (text); allowed: a number from 1 to 20.',
    ),
    "zero seconds": (
        lambda data: entry(data, "box")["phases"][1].update(seconds=0),
        f'{BOX}, field "phases[2].seconds": found 0; allowed: a number from 1 to 20.',
    ),
    "negative seconds": (
        lambda data: entry(data, "box")["phases"][1].update(seconds=-4),
        f'{BOX}, field "phases[2].seconds": found -4; allowed: a number from 1 to 20.',
    ),
    "absurd seconds": (
        lambda data: entry(data, "box")["phases"][1].update(seconds=400),
        f'{BOX}, field "phases[2].seconds": found 400; allowed: a number from 1 to 20.',
    ),
    "not-a-number seconds": (
        lambda data: entry(data, "box")["phases"][1].update(seconds=float("nan")),
        f'{BOX}, field "phases[2].seconds": found nan; allowed: a number from 1 to 20.',
    ),
    "yes/no seconds": (
        lambda data: entry(data, "box")["phases"][1].update(seconds=True),
        f'{BOX}, field "phases[2].seconds": found true (a yes/no value); allowed: a number from 1 to 20.',
    ),
    "unknown breath action": (
        lambda data: entry(data, "box")["phases"][0].update(action="inhale"),
        f'{BOX}, field "phases[1].action": found "inhale" (text); allowed: one of breathe-in, hold-full, breathe-out, hold-empty.',
    ),
    "side on a hold": (
        lambda data: entry(data, "box")["phases"][1].update(side="left"),
        f'{BOX}, field "phases[2].side": found "left" (text); allowed: nothing on a hold-full phase (only breathe-in and breathe-out have a side).',
    ),
    "side through the mouth": (
        lambda data: entry(data, "box")["phases"][2].update(side="right"),
        f'{BOX}, field "phases[3].side": found "right" (text); allowed: nothing when breathing through the mouth (a side is a nostril).',
    ),
    "empty phases": (
        lambda data: entry(data, "box").update(phases=[]),
        f'{BOX}, field "phases": found an empty list; allowed: a list of at least one phase.',
    ),
    "default cycles outside the range": (
        lambda data: entry(data, "4-7-8")["cycles"].update(default=9),
        f'{FOUR_SEVEN_EIGHT}, field "cycles.default": found 9; allowed: a whole number from 1 to 4 (cycles.min to cycles.max).',
    ),
    "undefined reference key": (
        lambda data: entry(data, "4-7-8").update(references=["weil-1999"]),
        f'{FOUR_SEVEN_EIGHT}, field "references[1]": found "weil-1999" (text); allowed: a finding defined in data/references.yml (SOURCE-FINDING), such as andersen-2020-no-extra-benefit, balban-2023-breathwork-beats-mindfulness, balban-2023-cyclic-sighing-best.',
    ),
    "undefined steps_from key": (
        lambda data: entry(data, "4-7-8").update(steps_from="weil-1999"),
        f'{FOUR_SEVEN_EIGHT}, field "steps_from": found "weil-1999" (text); allowed: a finding defined in data/references.yml (SOURCE-FINDING), such as andersen-2020-no-extra-benefit, balban-2023-breathwork-beats-mindfulness, balban-2023-cyclic-sighing-best.',
    ),
    "script link in a step": (
        lambda data: entry(data, "4-7-8")["steps"].append("[tap](javascript:alert(1))"),
        f'{FOUR_SEVEN_EIGHT}, field "steps[8]": found "javascript:alert(1" (text); allowed: links to full https://, http:// or mailto: addresses, or tel:/sms: numbers, only.',
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_mistake_gives_its_exact_message(case):
    change, expected = CASES[case]
    assert messages_after(change) == [expected]


def test_all_mistakes_are_reported_in_one_run():
    def several(data):
        entry(data, "diaphragmatic")["phases"][0].update(action="inhale")
        entry(data, "4-7-8").update(references=["weil-1999"])
        entry(data, "box").update(colour="blue")
        entry(data, "alternate-nostril")["phases"][3].update(seconds=-1)
        entry(data, "gentle")["cycles"].update(default=99)

    fields = [message.split('field "')[1].split('"')[0] for message in messages_after(several)]
    assert fields == ["phases[1].action", "references[1]", "colour", "phases[4].seconds", "cycles.default"]


def test_yaml_syntax_error_names_file_and_line():
    with pytest.raises(DataError) as caught:
        parse_yaml("exercises:\n  - id: box\n    title: [unclosed\n", SOURCE)
    # libyaml's words (PyYAML's own parser, where PyYAML lacks libyaml, says "expected ',' or ']',
    # but got '<stream end>'"); the place is the same.
    [message] = caught.value.messages
    assert message.startswith("data/exercises.yml: line 4, column 1: YAML syntax error: ")
    assert "expected ',' or ']'" in message


def test_a_key_written_twice_is_an_error_not_a_silent_overwrite():
    with pytest.raises(DataError) as caught:
        parse_yaml("exercises:\n  - id: box\n    id: square\n", SOURCE)
    assert caught.value.messages == [
        'data/exercises.yml: line 3, column 5: YAML syntax error: the key "id" appears twice in one mapping.'
    ]


def test_the_real_data_files_are_valid():
    """data/ as committed passes every check, and each entry of exercises.yml is loaded under its own id."""
    data = load_site_data(REPO_ROOT / "data")
    real = yaml.safe_load((REPO_ROOT / "data/exercises.yml").read_text(encoding="utf-8"))
    assert list(data.exercises) == [item["id"] for item in real["exercises"]]


def test_missing_data_file_is_reported(tmp_path):
    with pytest.raises(DataError) as caught:
        load_site_data(tmp_path)
    assert any(message.startswith("data/references.yml: file not found") for message in caught.value.messages)
    assert any(message.startswith("data/exercises.yml: file not found") for message in caught.value.messages)
    assert any(message.startswith("data/cautions.yml: file not found") for message in caught.value.messages)
    assert any(message.startswith("data/countries.yml: file not found") for message in caught.value.messages)


def test_problems_in_every_file_are_reported_together(tmp_path):
    (tmp_path / "references.yml").write_text(
        "references:\n  - key: Bad Key\n    citation: x\n    findings: [{id: a, quote: q, where: w}]\n",
        encoding="utf-8",
    )
    (tmp_path / "exercises.yml").write_text("exercises: []\n", encoding="utf-8")
    (tmp_path / "cautions.yml").write_text("light_headed: x\nholds: [y]\nholds_who: [w]\ncrisis: z\n", encoding="utf-8")
    (tmp_path / "countries.yml").write_text("countries: []\n", encoding="utf-8")
    (tmp_path / "options.yml").write_text(MINIMAL_OPTIONS, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site_data(tmp_path)
    assert caught.value.messages == [
        'data/references.yml: reference at entry 1, field "key": found "Bad Key" (text); allowed: lower-case letters, digits and single hyphens, e.g. box, 4-7-8 or ma-2017. (line 2)',
        'data/exercises.yml, field "exercises": found an empty list; allowed: a list of at least one exercise. (line 1)',
        'data/cautions.yml, field "hold_free_lead": found nothing (the field is missing); allowed: a value (this field is required).',
        'data/countries.yml, field "countries": found an empty list; allowed: a list of 1 to 12 countries (the chosen tab\'s underline in overrides/assets/stylesheets/site.css is written for at most 12). (line 1)',
    ]
