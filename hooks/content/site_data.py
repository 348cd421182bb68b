"""Loading every data file together, so one build reports every mistake in all of them at once."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from hooks.content.cautions import SharedCautions, validate_cautions
from hooks.content.countries import Country, validate_countries
from hooks.content.exercises import Exercise, validate_exercises
from hooks.content.options import OptionsData, validate_options
from hooks.content.plans import Plans, validate_plans
from hooks.content.problems import DataError, Lines
from hooks.content.references import Reference, validate_references
from hooks.content.yaml_source import load_yaml_document

T = TypeVar("T")

EXERCISES_FILE = "exercises.yml"
REFERENCES_FILE = "references.yml"
REFERENCES_PAGE = "references.md"
# The first line of a failed build's message, the same whichever generator runs the build.
DATA_PROBLEMS = "The site data has problems; nothing was built:"
CAUTIONS_FILE = "cautions.yml"
COUNTRIES_FILE = "countries.yml"
OPTIONS_FILE = "options.yml"
PLANS_FILE = "plans.yml"


@dataclass(frozen=True)
class SiteData:
    exercises: dict[str, Exercise]
    references: dict[str, Reference]
    cautions: SharedCautions
    countries: tuple[Country, ...] = ()
    options: OptionsData = field(default_factory=OptionsData)
    plans: Plans | None = None  # None only for a SiteData made by hand without plans


DATA_FILES = (REFERENCES_FILE, EXERCISES_FILE, CAUTIONS_FILE, COUNTRIES_FILE, OPTIONS_FILE, PLANS_FILE)
# Data already read and checked, by folder and the files' contents: the data, or the problems found
# in them. Zensical makes the Markdown extension afresh for every page, so without this one build
# would read and check the same files once per page (about 0.3 s each). A changed file changes the
# key, so `serve` sees every edit.
_CHECKED: dict[tuple[str, str, tuple[str, ...]], SiteData | DataError] = {}
_CHECKED_KEPT = 8


def _contents_key(data_dir: Path, shown_as: str) -> tuple[str, str, tuple[str, ...]]:
    digests = []
    for name in DATA_FILES:
        path = data_dir / name
        digests.append(hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing")
    return str(data_dir.resolve()), shown_as, tuple(digests)


def load_site_data(data_dir: Path, shown_as: str = "data") -> SiteData:
    """Read and check every data file; DataError lists every problem in all of them. The outcome
    is kept for the next call with the same files (SiteData is never changed once made)."""
    key = _contents_key(data_dir, shown_as)
    if key not in _CHECKED:
        if len(_CHECKED) >= _CHECKED_KEPT:
            _CHECKED.pop(next(iter(_CHECKED)))
        try:
            _CHECKED[key] = _read_site_data(data_dir, shown_as)
        except DataError as error:
            _CHECKED[key] = error
    outcome = _CHECKED[key]
    if isinstance(outcome, DataError):
        raise DataError(outcome.messages)
    return outcome


def _read_site_data(data_dir: Path, shown_as: str) -> SiteData:
    messages: list[str] = []

    def checked(name: str, check: Callable[[Any, str, Lines], T]) -> T | None:
        """One file read and checked; its problems are kept, so the other files are checked too."""
        source = f"{shown_as}/{name}"
        try:
            document = load_yaml_document(data_dir / name, source)
            return check(document.data, source, document.lines)
        except DataError as error:
            messages.extend(error.messages)
            return None

    references = checked(REFERENCES_FILE, validate_references)
    # Exercises cite findings (SOURCE-FINDING), as the pages do; unchecked if the references are broken.
    finding_keys = None if references is None else {f.anchor for ref in references for f in ref.findings}
    exercises = checked(EXERCISES_FILE, lambda raw, source, lines: validate_exercises(raw, source, finding_keys, lines))
    cautions = checked(CAUTIONS_FILE, validate_cautions)
    countries = checked(COUNTRIES_FILE, validate_countries)
    # Options cite findings too, and a number in an answer must be in the quote it cites.
    options = checked(OPTIONS_FILE, lambda raw, source, lines: validate_options(raw, source, references, lines))
    # Plans name exercises and findings; they are checked once the exercises could be read.
    by_id = {exercise.id: exercise for exercise in exercises or ()}
    plans = (
        None
        if exercises is None
        else checked(PLANS_FILE, lambda raw, source, lines: validate_plans(raw, source, by_id, finding_keys, lines))
    )
    if (
        messages
        or references is None
        or exercises is None
        or cautions is None
        or countries is None
        or options is None
        or plans is None
    ):
        raise DataError(messages)
    return SiteData(
        by_id,
        {reference.key: reference for reference in references},
        cautions,
        tuple(countries),
        options,
        plans,
    )
