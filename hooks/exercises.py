"""The exercise data: checked field by field into plain, immutable objects.

Every problem in the file is collected before anything is raised, so a maintainer fixes them
all in one pass. Messages name the file, the exercise (its id, or its position), the field,
what was found and what is allowed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from hooks.inline_markdown import unsafe_link_targets
from hooks.problems import Problems, check_fields

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ACTIONS = ("breathe-in", "hold-full", "breathe-out", "hold-empty")
BREATHING_ACTIONS = ("breathe-in", "breathe-out")
AIRWAYS = ("nose", "mouth")
SIDES = ("left", "right")
MIN_SECONDS, MAX_SECONDS = 1, 20
MIN_CYCLES, MAX_CYCLES = 1, 100

EXERCISE_REQUIRED = ("id", "title", "summary", "phases", "cycles", "steps", "cautions", "references")
EXERCISE_OPTIONAL = ("lead_in",)
PHASE_REQUIRED = ("action", "seconds")
PHASE_OPTIONAL = ("through", "side", "cue")
CYCLES_REQUIRED = ("default", "min", "max")


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


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


class _ExerciseChecker:
    """Checks one exercise entry; `where` names it in every message."""

    def __init__(self, problems: Problems, where: str, reference_keys: frozenset[str] | None):
        self.problems = problems
        self.where = where
        self.reference_keys = reference_keys
        self.count_before = len(problems.messages)

    def report(self, field_name: str, found: Any, allowed: str) -> None:
        self.problems.add(self.where, field_name, found, allowed)

    @property
    def clean(self) -> bool:
        return len(self.problems.messages) == self.count_before

    def text(self, entry: dict, name: str) -> str:
        value = entry.get(name)
        if value is not None and not _text(value):
            self.report(name, value, "non-empty text")
        return value if _text(value) else ""

    def phase(self, raw: Any, name: str) -> Phase | None:
        if not isinstance(raw, dict):
            self.report(name, raw, "a mapping with action and seconds")
            return None
        check_fields(raw, PHASE_REQUIRED, PHASE_OPTIONAL, self.problems, self.where, prefix=f"{name}.")
        action, seconds = raw.get("action"), raw.get("seconds")
        through, side, cue = raw.get("through"), raw.get("side"), raw.get("cue")
        if action is not None and action not in ACTIONS:
            self.report(f"{name}.action", action, "one of " + ", ".join(ACTIONS))
        if seconds is not None:
            if not _is_number(seconds) or not MIN_SECONDS <= seconds <= MAX_SECONDS:
                self.report(f"{name}.seconds", seconds, f"a number from {MIN_SECONDS} to {MAX_SECONDS}")
        breathing = action in BREATHING_ACTIONS
        if through is not None:
            if through not in AIRWAYS:
                self.report(f"{name}.through", through, "nose or mouth")
            elif action in ACTIONS and not breathing:
                self.report(
                    f"{name}.through",
                    through,
                    f"nothing on a {action} phase (only breathe-in and breathe-out have one)",
                )
        if side is not None:
            if side not in SIDES:
                self.report(f"{name}.side", side, "left or right")
            elif action in ACTIONS and not breathing:
                self.report(
                    f"{name}.side", side, f"nothing on a {action} phase (only breathe-in and breathe-out have a side)"
                )
            elif through == "mouth":
                self.report(f"{name}.side", side, "nothing when breathing through the mouth (a side is a nostril)")
        if cue is not None and not _text(cue):
            self.report(f"{name}.cue", cue, "non-empty text, or leave it out")
        if action not in ACTIONS or not _is_number(seconds):
            return None
        return Phase(
            action=action,
            seconds=seconds,
            through=through if through in AIRWAYS else None,
            side=side if side in SIDES else None,
            cue=cue.strip() if _text(cue) else default_cue(action, through, side),
        )

    def phases(self, raw: Any) -> tuple[Phase, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list) or not raw:
            self.report("phases", raw, "a list of at least one phase")
            return ()
        checked = [self.phase(item, f"phases[{index}]") for index, item in enumerate(raw, start=1)]
        return tuple(phase for phase in checked if phase)

    def cycles(self, raw: Any) -> Cycles | None:
        if raw is None:
            return None
        if not isinstance(raw, dict):
            self.report("cycles", raw, "a mapping with default, min and max")
            return None
        check_fields(raw, CYCLES_REQUIRED, (), self.problems, self.where, prefix="cycles.")
        values = {}
        for key in CYCLES_REQUIRED:
            value = raw.get(key)
            if value is None:
                continue
            if not _is_whole(value) or not MIN_CYCLES <= value <= MAX_CYCLES:
                self.report(f"cycles.{key}", value, f"a whole number from {MIN_CYCLES} to {MAX_CYCLES}")
            else:
                values[key] = value
        if len(values) < 3:
            return None
        if values["min"] > values["max"]:
            self.report("cycles.min", values["min"], f"at most cycles.max ({values['max']})")
            return None
        if not values["min"] <= values["default"] <= values["max"]:
            self.report(
                "cycles.default",
                values["default"],
                f"a whole number from {values['min']} to {values['max']} (cycles.min to cycles.max)",
            )
            return None
        return Cycles(**values)

    def markdown_lines(self, entry: dict, name: str) -> tuple[str, ...]:
        raw = entry.get(name)
        if raw is None:
            return ()
        if not isinstance(raw, list) or not raw:
            self.report(name, raw, "a list of at least one line of text")
            return ()
        lines = []
        for index, item in enumerate(raw, start=1):
            if not _text(item):
                self.report(f"{name}[{index}]", item, "non-empty text (inline Markdown)")
                continue
            for target in unsafe_link_targets(item):
                self.report(f"{name}[{index}]", target, "links to full https://, http:// or mailto: addresses only")
            lines.append(item.strip())
        return tuple(lines)

    def references(self, raw: Any) -> tuple[str, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list) or not raw:
            self.report("references", raw, "a list of at least one key from the references file")
            return ()
        if self.reference_keys is None:  # the references file itself is broken: reported there
            return tuple(raw)
        for index, key in enumerate(raw, start=1):
            if key not in self.reference_keys:
                self.report(
                    f"references[{index}]",
                    key,
                    "a key defined in data/references.yml, such as " + ", ".join(sorted(self.reference_keys)[:3]),
                )
        return tuple(key for key in raw if key in self.reference_keys)


def _where(raw_id: Any, position: int) -> str:
    if isinstance(raw_id, str) and ID_PATTERN.match(raw_id):
        return f'exercise "{raw_id}" (entry {position})'
    return f"exercise at entry {position}"


def validate_exercises(raw: Any, source: str, reference_keys: frozenset[str] | set[str] | None) -> list[Exercise]:
    """Check the parsed exercise file; return the exercises or raise DataError with every problem.

    `reference_keys` is None when the references file could not be read: keys go unchecked.
    """
    problems = Problems(source)
    if not isinstance(raw, dict) or "exercises" not in raw:
        problems.add_plain('the file must be a mapping with one key, "exercises", holding a list of exercises.')
        problems.raise_if_any()
    for key in raw:
        if key != "exercises":
            problems.add("", key, raw[key], 'only the top-level key "exercises"')
    entries = raw["exercises"]
    if not isinstance(entries, list) or not entries:
        problems.add("", "exercises", entries, "a list of at least one exercise")
        problems.raise_if_any()

    exercises: list[Exercise] = []
    first_position_of_id: dict[str, int] = {}
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.add(f"exercise at entry {position}", "(entry)", entry, "a mapping of fields (id, title, ...)")
            continue
        raw_id = entry.get("id")
        where = _where(raw_id, position)
        checker = _ExerciseChecker(problems, where, None if reference_keys is None else frozenset(reference_keys))
        check_fields(entry, EXERCISE_REQUIRED, EXERCISE_OPTIONAL, problems, where)
        if raw_id is not None:
            if not isinstance(raw_id, str) or not ID_PATTERN.match(raw_id):
                checker.report("id", raw_id, "lower-case letters, digits and single hyphens, e.g. box or 4-7-8")
            elif raw_id in first_position_of_id:
                checker.report("id", raw_id, f"a unique id (entry {first_position_of_id[raw_id]} already uses it)")
            else:
                first_position_of_id[raw_id] = position
        title, summary = checker.text(entry, "title"), checker.text(entry, "summary")
        lead_in = checker.phase(entry["lead_in"], "lead_in") if entry.get("lead_in") is not None else None
        phases = checker.phases(entry.get("phases"))
        cycles = checker.cycles(entry.get("cycles"))
        steps = checker.markdown_lines(entry, "steps")
        cautions = checker.markdown_lines(entry, "cautions")
        references = checker.references(entry.get("references"))
        if checker.clean:
            exercises.append(
                Exercise(raw_id, title.strip(), summary.strip(), lead_in, phases, cycles, steps, cautions, references)
            )
    problems.raise_if_any()
    return exercises
