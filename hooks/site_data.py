"""Loading both data files together, and the shortcodes they feed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hooks.exercises import Exercise, validate_exercises
from hooks.pacer_html import render_pacer, render_steps
from hooks.problems import DataError
from hooks.references import Reference, render_reference_list, validate_references
from hooks.repository import Repository, render_contact
from hooks.shortcodes import Renderer
from hooks.yaml_source import load_yaml

EXERCISES_FILE = "exercises.yml"
REFERENCES_FILE = "references.yml"
REFERENCES_PAGE = "references.md"
# The first line of a failed build's message, the same whichever generator runs the shortcodes.
DATA_PROBLEMS = "The site data has problems; nothing was built:"
SHORTCODE_PROBLEMS = "Shortcode problems:"


@dataclass(frozen=True)
class SiteData:
    exercises: dict[str, Exercise]
    references: dict[str, Reference]


def load_site_data(data_dir: Path, shown_as: str = "data") -> SiteData:
    """Read and check data/references.yml and data/exercises.yml; DataError lists every problem in both."""
    messages: list[str] = []
    references: list[Reference] = []
    reference_keys: set[str] | None = None
    try:
        references = validate_references(
            load_yaml(data_dir / REFERENCES_FILE, f"{shown_as}/{REFERENCES_FILE}"), f"{shown_as}/{REFERENCES_FILE}"
        )
        reference_keys = {reference.key for reference in references}
    except DataError as error:
        messages.extend(error.messages)
    exercises: list[Exercise] = []
    source = f"{shown_as}/{EXERCISES_FILE}"
    try:
        exercises = validate_exercises(load_yaml(data_dir / EXERCISES_FILE, source), source, reference_keys)
    except DataError as error:
        messages.extend(error.messages)
    if messages:
        raise DataError(messages)
    return SiteData(
        {exercise.id: exercise for exercise in exercises}, {reference.key: reference for reference in references}
    )


def shortcode_renderers(
    data: SiteData, references_url: str, repository: Repository | None = None
) -> dict[str, Renderer]:
    """md:pacer ID, md:steps ID, md:references and md:contact, bound to this site's data and repository."""

    def exercise(shortcode: str, argument: str) -> Exercise:
        if not argument:
            raise LookupError(f"<!-- md:{shortcode} --> needs an exercise id, e.g. <!-- md:{shortcode} box -->.")
        if argument not in data.exercises:
            known = ", ".join(sorted(data.exercises))
            raise LookupError(
                f'unknown exercise "{argument}" in <!-- md:{shortcode} -->; data/{EXERCISES_FILE} defines {known}.'
            )
        return data.exercises[argument]

    def references(argument: str) -> str:
        if argument:
            raise LookupError(f'<!-- md:references --> takes no argument; found "{argument}".')
        return render_reference_list(list(data.references.values()))

    def contact(argument: str) -> str:
        if argument:
            raise LookupError(f'<!-- md:contact --> takes no argument; found "{argument}".')
        return render_contact(repository)

    return {
        "pacer": lambda argument: render_pacer(exercise("pacer", argument), data.references, references_url),
        "steps": lambda argument: render_steps(exercise("steps", argument)),
        "references": references,
        "contact": contact,
    }
