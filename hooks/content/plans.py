"""Practice plans (data/plans.yml): the bounds of a plan link and the built-in plans, checked.

The schema states each field's form; the rules here span files: a plan's exercise exists in
exercises.yml, its minutes are ones that exercise's breaths can fill, the default exercise exists
and fills at least one whole minute (a link falls back to it), defaults sit within their bounds,
and a plan's findings exist in references.yml. An exercise too short to fill a whole minute is
allowed: the plan page's form leaves it out, and a link naming it says why it gets the default.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from hooks.content.exercises import Exercise
from hooks.content.fields import is_slug
from hooks.content.plan_breaths import WholeRange, minutes_range
from hooks.content.problems import Entries, Lines, Location, Problems, entries
from hooks.content.schemas import check_schema

PLANS = Entries("plans", "plan", "id", is_slug)


@dataclass(frozen=True)
class Bounds:
    minutes: WholeRange
    minutes_default: int
    days: WholeRange
    days_default: int
    time: str  # HH:MM, 24-hour
    exercise: str  # an exercise id


@dataclass(frozen=True)
class Plan:
    id: str
    title: str
    summary: str
    exercise: str
    minutes: int
    days: int
    time: str
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class Plans:
    bounds: Bounds
    plans: tuple[Plan, ...]


def _whole_bounds(raw: Any, location: Location, problems: Problems) -> WholeRange | None:
    """min <= default <= max; None when the schema already found the numbers malformed."""
    counts = [raw.get(name) for name in ("min", "max", "default")] if isinstance(raw, dict) else []
    whole = [count for count in counts if isinstance(count, int) and not isinstance(count, bool)]
    if len(whole) != 3:
        return None  # the schema reports what is missing or not a whole number
    least, most, default = whole
    if least > most:
        problems.at((*location, "min"), least, f"at most {location[-1]}.max ({most})")
        return None
    if not least <= default <= most:
        problems.at((*location, "default"), default, f"a whole number from {least} to {most} (min to max)")
    return WholeRange(least, most)


def _known(exercise_id: Any, location: Location, exercises: Mapping[str, Exercise], problems: Problems) -> bool:
    if not is_slug(exercise_id):
        return False  # the schema reports it
    if exercise_id not in exercises:
        problems.at(location, exercise_id, "an exercise id from data/exercises.yml: " + ", ".join(exercises))
        return False
    return True


def _check_bounds(raw: Any, exercises: Mapping[str, Exercise], problems: Problems) -> WholeRange | None:
    bounds = raw.get("bounds") if isinstance(raw, dict) else None
    if not isinstance(bounds, dict):
        return None
    minutes = _whole_bounds(bounds.get("minutes"), ("bounds", "minutes"), problems)
    days = _whole_bounds(bounds.get("days"), ("bounds", "days"), problems)
    if minutes is None or days is None:
        return None
    # The exercise a link falls back to must fill at least one whole minute (plan-link.js relies on
    # it). Any other exercise may be too short to plan: a link naming it gets the fallback and says why.
    default = bounds.get("exercise")
    known = _known(default, ("bounds", "exercise"), exercises, problems)
    exercise = exercises[default] if known and isinstance(default, str) else None
    if exercise is not None and minutes_range(exercise, minutes) is None:
        allowed = (
            f'an exercise whose breaths ({exercise.cycles.min} to {exercise.cycles.max} for "{exercise.id}") '
            f"fill at least one whole minute from {minutes.min} to {minutes.max} (bounds.minutes)"
        )
        problems.at(("bounds", "exercise"), exercise.id, allowed)
    return minutes


def _check_plan(
    entry: dict[str, Any],
    at: Location,
    exercises: Mapping[str, Exercise],
    minutes_bounds: WholeRange | None,
    days_bounds: Any,
    reference_keys: Collection[str] | None,
    problems: Problems,
) -> None:
    minutes = entry.get("minutes")
    if _known(entry.get("exercise"), (*at, "exercise"), exercises, problems) and minutes_bounds:
        exercise = exercises[entry["exercise"]]
        fits = minutes_range(exercise, minutes_bounds)
        if fits and isinstance(minutes, int) and not fits.min <= minutes <= fits.max:
            allowed = (
                f'a whole number from {fits.min} to {fits.max}: the minutes "{exercise.id}"\'s breaths '
                f"({exercise.cycles.min} to {exercise.cycles.max}) can fill within bounds.minutes"
            )
            problems.at((*at, "minutes"), minutes, allowed)
    days = entry.get("days")
    if isinstance(days_bounds, dict) and isinstance(days, int):
        least, most = days_bounds.get("min"), days_bounds.get("max")
        if isinstance(least, int) and isinstance(most, int) and not least <= days <= most:
            problems.at((*at, "days"), days, f"a whole number from {least} to {most} (bounds.days)")
    if reference_keys is None:
        return
    references = entry.get("references")
    for position, key in enumerate(references if isinstance(references, list) else []):
        if is_slug(key) and key not in reference_keys:
            problems.at((*at, "references", position), key, "a finding defined in data/references.yml (SOURCE-FINDING)")


def validate_plans(
    raw: Any,
    source: str,
    exercises: Mapping[str, Exercise],
    reference_keys: Collection[str] | None,
    lines: Lines | None = None,
) -> Plans:
    """Check the parsed plans file against the exercises and findings; return it or raise DataError."""
    problems = Problems(source, raw, lines or {}, PLANS)
    check_schema(raw, "plans", problems)
    minutes_bounds = _check_bounds(raw, exercises, problems)
    bounds = raw.get("bounds") if isinstance(raw, dict) else None
    days_bounds = bounds.get("days") if isinstance(bounds, dict) else None
    first_position: dict[str, int] = {}
    for index, entry in entries(raw, "plans"):
        at: Location = ("plans", index)
        plan_id = entry.get("id")
        if is_slug(plan_id) and plan_id in first_position:
            problems.at((*at, "id"), plan_id, f"a unique id (entry {first_position[plan_id]} already uses it)")
        elif is_slug(plan_id):
            first_position[plan_id] = index + 1
        _check_plan(entry, at, exercises, minutes_bounds, days_bounds, reference_keys, problems)
    problems.raise_if_any()
    bounds = raw["bounds"]
    return Plans(
        Bounds(
            minutes=WholeRange(bounds["minutes"]["min"], bounds["minutes"]["max"]),
            minutes_default=bounds["minutes"]["default"],
            days=WholeRange(bounds["days"]["min"], bounds["days"]["max"]),
            days_default=bounds["days"]["default"],
            time=bounds["time"],
            exercise=bounds["exercise"],
        ),
        tuple(
            Plan(
                id=entry["id"],
                title=entry["title"].strip(),
                summary=entry["summary"].strip(),
                exercise=entry["exercise"],
                minutes=entry["minutes"],
                days=entry["days"],
                time=entry["time"],
                references=tuple(entry.get("references", ())),
            )
            for _, entry in entries(raw, "plans")
        ),
    )
