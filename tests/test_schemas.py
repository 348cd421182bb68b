"""The data files' JSON Schemas: each data file names its schema for the editor, each schema is a
valid 2020-12 schema, the data as committed passes it, and a file read from YAML that breaks it
gets the build's located message (file, entry, field, found, allowed, line), every one at once."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from hooks.content.cautions import validate_cautions
from hooks.content.countries import TOPICS, validate_countries
from hooks.content.exercises import MAX_CYCLES, MAX_SECONDS, MIN_CYCLES, MIN_SECONDS, validate_exercises
from hooks.content.problems import DataError, Problems
from hooks.content.references import validate_references
from hooks.content.schemas import check_schema, load_schema
from hooks.content.site_data import load_site_data
from hooks.content.yaml_source import load_yaml_document, parse_yaml_document
from tests.support.options_data import MINIMAL_OPTIONS

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = ("exercises", "references", "cautions", "countries")
MODELINE = re.compile(r"^# yaml-language-server: \$schema=\./schemas/([a-z]+)\.schema\.json$")


@pytest.mark.parametrize("name", DATA_FILES)
def test_each_data_file_names_its_schema_on_its_first_line(name):
    first_line = (REPO_ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.match(first_line)
    assert match, first_line
    assert match.group(1) == name
    assert (REPO_ROOT / "data/schemas" / f"{name}.schema.json").is_file()


@pytest.mark.parametrize("path", sorted((REPO_ROOT / "data/schemas").glob("*.schema.json")), ids=lambda p: p.name)
def test_each_schema_is_a_valid_2020_12_schema(path):
    schema = load_schema(path.name.removesuffix(".schema.json"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", DATA_FILES)
def test_each_data_file_as_committed_passes_its_schema(name):
    document = load_yaml_document(REPO_ROOT / "data" / f"{name}.yml", f"data/{name}.yml")
    problems = Problems(f"data/{name}.yml", document.data, document.lines)
    check_schema(document.data, name, problems)
    assert problems.messages == []


def test_the_pacer_bounds_and_country_topics_are_the_schemas_own():
    phase = load_schema("exercises")["$defs"]["phase"]["properties"]["seconds"]
    assert (MIN_SECONDS, MAX_SECONDS) == (phase["minimum"], phase["maximum"]) == (1, 20)
    assert (MIN_CYCLES, MAX_CYCLES) == (1, 100)
    assert list(load_schema("countries")["$defs"]["country"]["properties"]) == [
        "name",
        *TOPICS,
        "short_name",
        "time_zones",
        "languages",
        "shared_zone_name",
        "missing",
    ]


# The schema route, on small files read from YAML (so each message carries its line) ----------

EXERCISES = """\
exercises:
  - id: calm
    title: Calm
    summary: Slow.
    phases:
      - action: breathe-in
        seconds: 4
      - action: breathe-out
        seconds: 6
    cycles: {default: 5, min: 1, max: 10}
    steps:
      - Sit.
"""
CALM = 'data/exercises.yml: exercise "calm" (entry 1)'


def exercise_messages(text: str) -> list[str]:
    document = parse_yaml_document(text, "data/exercises.yml")
    with pytest.raises(DataError) as caught:
        validate_exercises(document.data, "data/exercises.yml", None, document.lines)
    return caught.value.messages


def test_the_small_exercises_file_is_valid():
    document = parse_yaml_document(EXERCISES, "data/exercises.yml")
    assert [item.id for item in validate_exercises(document.data, "data/exercises.yml", None, document.lines)] == [
        "calm"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "seconds: 4",
            'seconds: "four"',
            f'{CALM}, field "phases[1].seconds": found "four" (text); allowed: a number from 1 to 20. (line 7)',
            id="wrong type",
        ),
        pytest.param(
            "    title: Calm\n",
            "    title: Calm\n    colour: blue\n",
            f'{CALM}, field "colour": found "blue" (text); allowed: only the known fields id, title, summary, '
            "lead_in, phases, cycles, steps, cautions, references, steps_from. (line 4)",
            id="unknown field",
        ),
        pytest.param(
            "    summary: Slow.\n",
            "",
            f'{CALM}, field "summary": found nothing (the field is missing); allowed: a value (this field is '
            "required). (line 2)",
            id="missing required field",
        ),
        pytest.param(
            "seconds: 6",
            "seconds: 20.5",
            f'{CALM}, field "phases[2].seconds": found 20.5; allowed: a number from 1 to 20. (line 9)',
            id="number out of range",
        ),
        pytest.param(
            "max: 10}",
            "max: 101}",
            f'{CALM}, field "cycles.max": found 101; allowed: a whole number from 1 to 100. (line 10)',
            id="whole number out of range",
        ),
        pytest.param(
            "action: breathe-out",
            "action: exhale",
            f'{CALM}, field "phases[2].action": found "exhale" (text); allowed: one of breathe-in, hold-full, '
            "breathe-out, hold-empty. (line 8)",
            id="bad enum value",
        ),
        pytest.param(
            "      - Sit.\n",
            "      - ' '\n",
            f'{CALM}, field "steps[1]": found " " (text); allowed: non-empty text (inline Markdown). (line 12)',
            id="blank text",
        ),
        pytest.param(
            "  - id: calm",
            "  - id: Calm Breathing",
            'data/exercises.yml: exercise at entry 1, field "id": found "Calm Breathing" (text); allowed: '
            "lower-case letters, digits and single hyphens, e.g. box, 4-7-8 or ma-2017. (line 2)",
            id="bad slug",
        ),
        pytest.param(
            "seconds: 4",
            "seconds: .nan",
            f'{CALM}, field "phases[1].seconds": found nan; allowed: a number from 1 to 20. (line 7)',
            id="not a number",
        ),
    ],
)
def test_a_schema_mistake_gives_its_exact_located_message(old, new, expected):
    assert old in EXERCISES
    assert exercise_messages(EXERCISES.replace(old, new, 1)) == [expected]


REFERENCES = """\
references:
  - key: nhs-page
    citation: NHS. A page.
    url: https://www.nhs.uk/page/
    read: 2026-11-29
    findings:
      - id: claim
        quote: The page's words.
        where: Its first section
"""


@pytest.mark.parametrize(
    "bad_date",
    ["29-11-2026", "2026-13-45", "2026-11-29T10:00:00", '"yesterday"'],
)
def test_a_bad_date_is_located_not_a_crash(bad_date):
    document = parse_yaml_document(REFERENCES.replace("2026-11-29", bad_date), "data/references.yml")
    with pytest.raises(DataError) as caught:
        validate_references(document.data, "data/references.yml", document.lines)
    found = bad_date.strip('"')
    assert caught.value.messages == [
        f'data/references.yml: reference "nhs-page" (entry 1), field "read": found "{found}" (text); '
        "allowed: a date written as YYYY-MM-DD, e.g. 2026-11-30. (line 5)"
    ]


def test_a_good_date_becomes_a_date():
    document = parse_yaml_document(REFERENCES, "data/references.yml")
    [reference] = validate_references(document.data, "data/references.yml", document.lines)
    assert reference.read is not None
    assert reference.read.isoformat() == "2026-11-29"


def test_countries_and_cautions_use_the_same_located_messages():
    countries = parse_yaml_document(
        textwrap.dedent(
            """\
            countries:
              - name: Testland
                flag: green
                crisis:
                  - service: Helpline
                    call: 116123
                    source: https://example.org/help?utm_source=news
                    read: 2026-11-30
            """
        ),
        "data/countries.yml",
    )
    with pytest.raises(DataError) as caught:
        validate_countries(countries.data, "data/countries.yml", countries.lines)
    testland = 'data/countries.yml: country "Testland" (entry 1)'
    assert caught.value.messages == [
        f'{testland}, field "flag": found "green" (text); allowed: only the known fields name, emergency, crisis, '
        "urgent, therapy, side_effects, sexual_assault, short_name, time_zones, languages, shared_zone_name, "
        "missing. (line 3)",
        f'{testland}, field "crisis[1].call": found 116123; allowed: a phone number written with digits, spaces '
        'or hyphens, e.g. "116 123". (line 6)',
        f'{testland}, field "crisis[1].source": found "https://example.org/help?utm_source=news" (text); allowed: '
        "the address without tracking tags (utm_..., gclid, fbclid): a reader's click must not carry them. (line 7)",
    ]
    cautions = parse_yaml_document("light_headed: Stop.\nholds: []\nholds_who: [x]\ncrisis: 999\n", "c.yml")
    with pytest.raises(DataError) as caught:
        validate_cautions(cautions.data, "data/cautions.yml", cautions.lines)
    assert caught.value.messages == [
        'data/cautions.yml, field "crisis": found 999; allowed: non-empty text (inline Markdown). (line 4)',
        'data/cautions.yml, field "hold_free_lead": found nothing (the field is missing); allowed: a value (this '
        "field is required).",
        'data/cautions.yml, field "holds": found an empty list; allowed: a list of at least one line of text. (line 2)',
    ]


def test_several_problems_across_files_are_reported_together_with_their_lines(tmp_path):
    (tmp_path / "references.yml").write_text(REFERENCES.replace("read: 2026-11-29", "read: soon"), encoding="utf-8")
    (tmp_path / "exercises.yml").write_text(
        EXERCISES.replace("seconds: 6", "seconds: 0").replace("min: 1", "min: one"), encoding="utf-8"
    )
    (tmp_path / "cautions.yml").write_text(
        "light_headed: x\nholds: [y]\nholds_who: [w]\nhold_free_lead: z\ncrisis: '[Call](tel:help)'\n",
        encoding="utf-8",
    )
    (tmp_path / "countries.yml").write_text("countries:\n  - name: A\n  - name: A\n", encoding="utf-8")
    (tmp_path / "options.yml").write_text(MINIMAL_OPTIONS, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site_data(tmp_path)
    assert caught.value.messages == [
        'data/references.yml: reference "nhs-page" (entry 1), field "read": found "soon" (text); '
        "allowed: a date written as YYYY-MM-DD, e.g. 2026-11-30. (line 5)",
        f'{CALM}, field "phases[2].seconds": found 0; allowed: a number from 1 to 20. (line 9)',
        f'{CALM}, field "cycles.min": found "one" (text); allowed: a whole number from 1 to 100. (line 10)',
        'data/cautions.yml, field "crisis": found "tel:help" (text); allowed: links to full https://, http:// '
        "or mailto: addresses, or tel:/sms: numbers, only. (line 5)",
        'data/countries.yml: country "A" (entry 2), field "name": found "A" (text); allowed: a name no other '
        "country uses (entry 1 has it). (line 3)",
    ]
