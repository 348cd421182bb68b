"""The exercise data: checked against data/schemas/exercises.schema.json, then by the rules a
schema cannot state (unique ids, cycles.min <= default <= max, a phase's airway and side, the
findings it cites, safe links), into plain, immutable objects.

Every problem in the file is collected before anything is raised, so a maintainer fixes them
all in one pass. Messages name the file, the exercise (its id, or its position), the field,
what was found, what is allowed and the line.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from hooks.content.fields import is_slug
from hooks.content.inline_markdown import check_links
from hooks.content.problems import Entries, Lines, Location, Problems, entries
from hooks.content.schemas import check_schema, load_schema

_SCHEMA = load_schema("exercises")["$defs"]
ACTIONS: tuple[str, ...] = tuple(_SCHEMA["phase"]["properties"]["action"]["enum"])
BREATHING_ACTIONS = ("breathe-in", "breathe-out")
HOLD_ACTIONS = ("hold-full", "hold-empty")
# The bounds the pacer and the your-own pattern page share, read from the schema that checks them.
MIN_SECONDS: int = _SCHEMA["phase"]["properties"]["seconds"]["minimum"]
MAX_SECONDS: int = _SCHEMA["phase"]["properties"]["seconds"]["maximum"]
MIN_CYCLES: int = _SCHEMA["cycleCount"]["minimum"]
MAX_CYCLES: int = _SCHEMA["cycleCount"]["maximum"]
EXERCISES = Entries("exercises", "exercise", "id", is_slug)


@dataclass(frozen=True)
class Phase:
    action: str
    seconds: float
    through: str | None
    side: str | None
    cue: str


@dataclass(frozen=True)
class Cycles:
    default: int
    min: int
    max: int


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    summary: str
    lead_in: Phase | None
    phases: tuple[Phase, ...]
    cycles: Cycles
    steps: tuple[str, ...]
    cautions: tuple[str, ...]
    references: tuple[str, ...]
    steps_from: str | None = None


def has_hold(exercise: Exercise) -> bool:
    """Whether any phase, the lead-in included, asks the reader to hold their breath.

    The hold caution and the list of hold-free exercises are both decided by this, from the
    data, so a new exercise with a hold cannot be published without its caution.
    """
    lead_in = (exercise.lead_in,) if exercise.lead_in else ()
    return any(phase.action in HOLD_ACTIONS for phase in (*lead_in, *exercise.phases))


def default_cue(action: str, through: str | None, side: str | None) -> str:
    """The words shown for a phase when the data gives none."""
    if action in ("hold-full", "hold-empty"):
        return "Hold"
    verb = "Breathe in" if action == "breathe-in" else "Breathe out"
    if side:
        return f"{verb} through your {side} nostril"
    if through:
        return f"{verb} through your {through}"
    return verb


def _check_phase(phase: Any, location: Location, problems: Problems) -> None:
    """A phase's airway and side fit its action: only a breath goes through the nose or a nostril."""
    if not isinstance(phase, dict) or phase.get("action") not in ACTIONS:
        return
    action, through, side = phase["action"], phase.get("through"), phase.get("side")
    if action in HOLD_ACTIONS and through in ("nose", "mouth"):
        allowed = f"nothing on a {action} phase (only breathe-in and breathe-out have one)"
        problems.at((*location, "through"), through, allowed)
    if action in HOLD_ACTIONS and side in ("left", "right"):
        allowed = f"nothing on a {action} phase (only breathe-in and breathe-out have a side)"
        problems.at((*location, "side"), side, allowed)
    elif through == "mouth" and side in ("left", "right"):
        problems.at((*location, "side"), side, "nothing when breathing through the mouth (a side is a nostril)")


def _check_cycles(cycles: Any, location: Location, problems: Problems) -> None:
    counts = [cycles.get(name) for name in ("default", "min", "max")] if isinstance(cycles, dict) else []
    whole = [count for count in counts if isinstance(count, int) and not isinstance(count, bool)]
    if len(whole) != 3:
        return  # the schema reports what is missing or not a whole number
    default, least, most = whole
    if least > most:
        problems.at((*location, "min"), least, f"at most cycles.max ({most})")
    elif not least <= default <= most:
        allowed = f"a whole number from {least} to {most} (cycles.min to cycles.max)"
        problems.at((*location, "default"), default, allowed)


def _check_cited(key: Any, location: Location, known: Collection[str], problems: Problems) -> None:
    if is_slug(key) and key not in known:
        allowed = "a finding defined in data/references.yml (SOURCE-FINDING), such as " + ", ".join(sorted(known)[:3])
        problems.at(location, key, allowed)


def _check_rules(raw: Any, reference_keys: Collection[str] | None, problems: Problems) -> None:
    first_position_of_id: dict[str, int] = {}
    for index, entry in entries(raw, "exercises"):
        at: Location = ("exercises", index)
        exercise_id = entry.get("id")
        if is_slug(exercise_id) and exercise_id in first_position_of_id:
            allowed = f"a unique id (entry {first_position_of_id[exercise_id]} already uses it)"
            problems.at((*at, "id"), exercise_id, allowed)
        elif is_slug(exercise_id):
            first_position_of_id[exercise_id] = index + 1
        _check_phase(entry.get("lead_in"), (*at, "lead_in"), problems)
        phases = entry.get("phases")
        for position, phase in enumerate(phases if isinstance(phases, list) else []):
            _check_phase(phase, (*at, "phases", position), problems)
        _check_cycles(entry.get("cycles"), (*at, "cycles"), problems)
        for name in ("steps", "cautions"):
            check_links(entry.get(name), (*at, name), problems)
        if reference_keys is None:
            continue  # the references file itself is broken: reported there
        references = entry.get("references")
        for position, key in enumerate(references if isinstance(references, list) else []):
            _check_cited(key, (*at, "references", position), reference_keys, problems)
        _check_cited(entry.get("steps_from"), (*at, "steps_from"), reference_keys, problems)


def _phase(raw: dict[str, Any]) -> Phase:
    action, through, side, cue = raw["action"], raw.get("through"), raw.get("side"), raw.get("cue")
    return Phase(action, raw["seconds"], through, side, cue.strip() if cue else default_cue(action, through, side))


def _exercise(raw: dict[str, Any]) -> Exercise:
    """An entry that passed every check, as the object the pages render."""
    cycles = raw["cycles"]
    return Exercise(
        id=raw["id"],
        title=raw["title"].strip(),
        summary=raw["summary"].strip(),
        lead_in=_phase(raw["lead_in"]) if "lead_in" in raw else None,
        phases=tuple(_phase(phase) for phase in raw["phases"]),
        cycles=Cycles(default=cycles["default"], min=cycles["min"], max=cycles["max"]),
        steps=tuple(line.strip() for line in raw["steps"]),
        cautions=tuple(line.strip() for line in raw.get("cautions", ())),
        references=tuple(raw.get("references", ())),
        steps_from=raw.get("steps_from"),
    )


def validate_exercises(
    raw: Any, source: str, reference_keys: Collection[str] | None, lines: Lines | None = None
) -> list[Exercise]:
    """Check the parsed exercise file; return the exercises or raise DataError with every problem.

    `reference_keys` is None when the references file could not be read: keys go unchecked.
    `lines` (from yaml_source) puts each problem's line in its message.
    """
    problems = Problems(source, raw, lines or {}, EXERCISES)
    check_schema(raw, "exercises", problems)
    _check_rules(raw, reference_keys, problems)
    problems.raise_if_any()
    return [_exercise(entry) for _, entry in entries(raw, "exercises")]
