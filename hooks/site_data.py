"""Loading the data files together, and the shortcodes they feed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from hooks.cautions import SharedCautions, validate_cautions
from hooks.editors import render_editors
from hooks.exercises import Exercise, has_hold, validate_exercises
from hooks.pacer_html import ExerciseLink, crisis_line, hold_caution, light_headed_rule, render_pacer, render_steps
from hooks.pattern_html import render_pattern_maker
from hooks.problems import DataError
from hooks.references import Reference, render_reference_list, validate_references
from hooks.repository import Repository, render_contact, render_publisher
from hooks.shortcodes import Renderer, shortcodes_in
from hooks.yaml_source import load_yaml

EXERCISES_FILE = "exercises.yml"
REFERENCES_FILE = "references.yml"
REFERENCES_PAGE = "references.md"
# The first line of a failed build's message, the same whichever generator runs the shortcodes.
DATA_PROBLEMS = "The site data has problems; nothing was built:"
SHORTCODE_PROBLEMS = "Shortcode problems:"
CAUTIONS_FILE = "cautions.yml"


@dataclass(frozen=True)
class SiteData:
    exercises: dict[str, Exercise]
    references: dict[str, Reference]
    cautions: SharedCautions


CRISIS_BOX_TITLE = "Are you in crisis or unsafe right now?"


def crisis_box(cautions: SharedCautions) -> str:
    """The crisis line in a red box for the home page: the same words and order as every other page."""
    return (
        f'<div class="admonition danger"><p class="admonition-title">{CRISIS_BOX_TITLE}</p>'
        f"{crisis_line(cautions)}</div>"
    )


def load_site_data(data_dir: Path, shown_as: str = "data") -> SiteData:
    """Read and check every data file; DataError lists every problem in all of them."""
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
    cautions: SharedCautions | None = None
    source = f"{shown_as}/{CAUTIONS_FILE}"
    try:
        cautions = validate_cautions(load_yaml(data_dir / CAUTIONS_FILE, source), source)
    except DataError as error:
        messages.extend(error.messages)
    if messages or cautions is None:
        raise DataError(messages)
    return SiteData(
        {exercise.id: exercise for exercise in exercises},
        {reference.key: reference for reference in references},
        cautions,
    )


def pacer_pages(markdown_by_page: Mapping[str, str]) -> dict[str, str]:
    """Exercise id -> the page (its source path) that first shows its pacer, in page order."""
    pages: dict[str, str] = {}
    for page, markdown in markdown_by_page.items():
        for name, argument in shortcodes_in(markdown):
            if name == "pacer" and argument:
                pages.setdefault(argument, page)
    return pages


def hold_free_links(data: SiteData, exercise_urls: Mapping[str, str]) -> list[ExerciseLink]:
    """Every exercise with no hold phase that a page shows, linked, in the data file's order."""
    return [
        ExerciseLink(exercise.title, exercise_urls[exercise.id])
        for exercise in data.exercises.values()
        if not has_hold(exercise) and exercise.id in exercise_urls
    ]


def shortcode_renderers(
    data: SiteData,
    references_url: str,
    repository: Repository | None = None,
    *,
    exercise_urls: Mapping[str, str],
    editors: tuple[str, ...],
) -> dict[str, Renderer]:
    """The shortcodes, bound to this site's data, its repository and the page being built.

    `references_url` and `exercise_urls` (id -> the pacer's address) are relative to that page,
    so the same links work at every depth. `editors` are the names from the site config. Both
    are required: without the addresses, a hold caution could not point to the exercises
    without holds.
    """

    def exercise(shortcode: str, argument: str) -> Exercise:
        if not argument:
            raise LookupError(f"<!-- md:{shortcode} --> needs an exercise id, e.g. <!-- md:{shortcode} box -->.")
        if argument not in data.exercises:
            known = ", ".join(sorted(data.exercises))
            raise LookupError(
                f'unknown exercise "{argument}" in <!-- md:{shortcode} -->; data/{EXERCISES_FILE} defines {known}.'
            )
        return data.exercises[argument]

    hold_free = hold_free_links(data, exercise_urls)

    def pacer(argument: str) -> str:
        return render_pacer(exercise("pacer", argument), data.references, references_url, data.cautions, hold_free)

    def no_argument(shortcode: str, argument: str) -> None:
        if argument:
            raise LookupError(f'<!-- md:{shortcode} --> takes no argument; found "{argument}".')

    def references(argument: str) -> str:
        no_argument("references", argument)
        return render_reference_list(list(data.references.values()))

    def contact(argument: str) -> str:
        no_argument("contact", argument)
        return render_contact(repository)

    def publisher(argument: str) -> str:
        no_argument("publisher", argument)
        return render_publisher(repository)

    def caution(argument: str) -> str:
        if argument == "light-headed":
            return light_headed_rule(data.cautions)
        if argument == "holds":
            return hold_caution(data.cautions, hold_free)
        if argument == "crisis":
            return crisis_line(data.cautions)
        if argument == "crisis-box":
            return crisis_box(data.cautions)
        raise LookupError(
            f'unknown caution "{argument}" in <!-- md:caution -->; use <!-- md:caution light-headed -->, '
            "<!-- md:caution holds -->, <!-- md:caution crisis --> or <!-- md:caution crisis-box --> "
            f"(the wording is in data/{CAUTIONS_FILE})."
        )

    def your_own(argument: str) -> str:
        no_argument("your-own", argument)
        return render_pattern_maker(data.cautions, hold_free)

    def editor_list(argument: str) -> str:
        no_argument("editors", argument)
        return render_editors(editors)

    return {
        "pacer": pacer,
        "steps": lambda argument: render_steps(exercise("steps", argument)),
        "references": references,
        "contact": contact,
        "publisher": publisher,
        "caution": caution,
        "editors": editor_list,
        "your-own": your_own,
    }
