"""Loading every data file together, so one build reports every mistake in all of them at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hooks.content.cautions import SharedCautions, validate_cautions
from hooks.content.countries import Country, validate_countries
from hooks.content.exercises import Exercise, validate_exercises
from hooks.content.problems import DataError
from hooks.content.references import Reference, validate_references
from hooks.content.yaml_source import load_yaml

EXERCISES_FILE = "exercises.yml"
REFERENCES_FILE = "references.yml"
REFERENCES_PAGE = "references.md"
# The first line of a failed build's message, the same whichever generator runs the build.
DATA_PROBLEMS = "The site data has problems; nothing was built:"
CAUTIONS_FILE = "cautions.yml"
COUNTRIES_FILE = "countries.yml"


@dataclass(frozen=True)
class SiteData:
    exercises: dict[str, Exercise]
    references: dict[str, Reference]
    cautions: SharedCautions
    countries: tuple[Country, ...] = ()


def load_site_data(data_dir: Path, shown_as: str = "data") -> SiteData:
    """Read and check every data file; DataError lists every problem in all of them."""
    messages: list[str] = []
    references: list[Reference] = []
    reference_keys: set[str] | None = None
    try:
        references = validate_references(
            load_yaml(data_dir / REFERENCES_FILE, f"{shown_as}/{REFERENCES_FILE}"), f"{shown_as}/{REFERENCES_FILE}"
        )
        # Exercises cite findings (SOURCE-FINDING), as the pages do.
        reference_keys = {finding.anchor for reference in references for finding in reference.findings}
    except DataError as error:
        messages.extend(error.messages)
    exercises: list[Exercise] = []
    source = f"{shown_as}/{EXERCISES_FILE}"
    try:
        exercises = validate_exercises(load_yaml(data_dir / EXERCISES_FILE, source), source, reference_keys)
    except DataError as error:
        messages.extend(error.messages)
    cautions: SharedCautions | None = None
    source = f"{shown_as}/{CAUTIONS_FILE}"
    try:
        cautions = validate_cautions(load_yaml(data_dir / CAUTIONS_FILE, source), source)
    except DataError as error:
        messages.extend(error.messages)
    countries: list[Country] = []
    source = f"{shown_as}/{COUNTRIES_FILE}"
    try:
        countries = validate_countries(load_yaml(data_dir / COUNTRIES_FILE, source), source)
    except DataError as error:
        messages.extend(error.messages)
    if messages or cautions is None:
        raise DataError(messages)
    return SiteData(
        {exercise.id: exercise for exercise in exercises},
        {reference.key: reference for reference in references},
        cautions,
        tuple(countries),
    )
