"""The exercise data: checked field by field into plain, immutable objects.

Every problem in the file is collected before anything is raised, so a maintainer fixes them
all in one pass. Messages name the file, the exercise (its id, or its position), the field,
what was found and what is allowed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, TypeGuard

from hooks.content.inline_markdown import unsafe_link_targets
from hooks.content.problems import MISSING, DataError, Problems, check_fields

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ACTIONS = ("breathe-in", "hold-full", "breathe-out", "hold-empty")
BREATHING_ACTIONS = ("breathe-in", "breathe-out")
HOLD_ACTIONS = ("hold-full", "hold-empty")
AIRWAYS = ("nose", "mouth")
SIDES = ("left", "right")
MIN_SECONDS, MAX_SECONDS = 1, 20
MIN_CYCLES, MAX_CYCLES = 1, 100

EXERCISE_REQUIRED = ("id", "title", "summary", "phases", "cycles", "steps")
# cautions: only what is special to this exercise. The shared ones (light-headedness, and the
# hold caution for any exercise with a hold) come from data/cautions.yml.
# steps_from: the reference the steps are taken from; without it the page says the steps are
# the common form and that versions differ.
EXERCISE_OPTIONAL = ("lead_in", "cautions", "steps_from", "references")
PHASE_REQUIRED = ("action", "seconds")
PHASE_OPTIONAL = ("through", "side", "cue")
CYCLES_REQUIRED = ("default", "min", "max")
TYPED = ("id", "cycles")  # required fields whose absence their own checker reports, so it can type them


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


def _is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _is_whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and value.strip() != ""


class _ExerciseChecker:
    """Checks one exercise entry; `where` names it in every message."""

    def __init__(self, problems: Problems, where: str, reference_keys: frozenset[str] | None) -> None:
        self.problems = problems
        self.where = where
        self.reference_keys = reference_keys
        self.count_before = len(problems.messages)

    def report(self, field_name: str, found: Any, allowed: str) -> None:
        self.problems.add(self.where, field_name, found, allowed)

    @property
    def clean(self) -> bool:
        return len(self.problems.messages) == self.count_before

    def missing(self, entry: dict[str, Any], name: str) -> bool:
        """Reports a required field that is absent or empty; the typed checkers below own theirs."""
        if entry.get(name) is not None:
            return False
        self.report(name, entry.get(name, MISSING), "a value (this field is required)")
        return True

    def identifier(self, entry: dict[str, Any], position: int, first_position_of_id: dict[str, int]) -> str | None:
        """The entry's id, or None once a problem with it is reported."""
        if self.missing(entry, "id"):
            return None
        raw_id = entry["id"]
        if not isinstance(raw_id, str) or not ID_PATTERN.match(raw_id):
            self.report("id", raw_id, "lower-case letters, digits and single hyphens, e.g. box or 4-7-8")
            return None
        if raw_id in first_position_of_id:
            self.report("id", raw_id, f"a unique id (entry {first_position_of_id[raw_id]} already uses it)")
            return None
        first_position_of_id[raw_id] = position
        return raw_id

    def text(self, entry: dict[str, Any], name: str) -> str:
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
        if seconds is not None and not (_is_number(seconds) and MIN_SECONDS <= seconds <= MAX_SECONDS):
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
        if isinstance(action, str) and action in ACTIONS and _is_number(seconds):
            return Phase(
                action=action,
                seconds=seconds,
                through=through if through in AIRWAYS else None,
                side=side if side in SIDES else None,
                cue=cue.strip() if _text(cue) else default_cue(action, through, side),
            )
        return None

    def phases(self, raw: Any) -> tuple[Phase, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list) or not raw:
            self.report("phases", raw, "a list of at least one phase")
            return ()
        checked = [self.phase(item, f"phases[{index}]") for index, item in enumerate(raw, start=1)]
        return tuple(phase for phase in checked if phase)

    def cycles(self, entry: dict[str, Any]) -> Cycles | None:
        """The cycle counts, or None once a problem with them is reported."""
        if self.missing(entry, "cycles"):
            return None
        raw = entry["cycles"]
        if not isinstance(raw, dict):
            self.report("cycles", raw, "a mapping with default, min and max")
            return None
        check_fields(raw, CYCLES_REQUIRED, (), self.problems, self.where, prefix="cycles.")
        values: dict[str, int] = {}
        for key in CYCLES_REQUIRED:
            value = raw.get(key)
            if value is None:
                continue  # reported as missing by check_fields
            if _is_whole(value) and MIN_CYCLES <= value <= MAX_CYCLES:
                values[key] = value
            else:
                self.report(f"cycles.{key}", value, f"a whole number from {MIN_CYCLES} to {MAX_CYCLES}")
        if len(values) < len(CYCLES_REQUIRED):
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
        return Cycles(default=values["default"], min=values["min"], max=values["max"])

    def markdown_lines(self, entry: dict[str, Any], name: str) -> tuple[str, ...]:
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

    def reference_key(self, raw: Any, name: str) -> str | None:
        if raw is None:
            return None
        if self.reference_keys is None:  # the references file itself is broken: reported there
            return raw if isinstance(raw, str) else None
        if raw not in self.reference_keys:
            self.report(
                name,
                raw,
                "a finding defined in data/references.yml (SOURCE-FINDING), such as "
                + ", ".join(sorted(self.reference_keys)[:3]),
            )
            return None
        return str(raw)

    def references(self, raw: Any) -> tuple[str, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list) or not raw:
            self.report("references", raw, "a list of at least one finding from the references file")
            return ()
        if self.reference_keys is None:  # the references file itself is broken: reported there
            return tuple(raw)
        for index, key in enumerate(raw, start=1):
            if key not in self.reference_keys:
                self.report(
                    f"references[{index}]",
                    key,
                    "a finding defined in data/references.yml (SOURCE-FINDING), such as "
                    + ", ".join(sorted(self.reference_keys)[:3]),
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
        problems.fail('the file must be a mapping with one key, "exercises", holding a list of exercises.')
    for key in raw:
        if key != "exercises":
            problems.add("", key, raw[key], 'only the top-level key "exercises"')
    entries = raw["exercises"]
    if not isinstance(entries, list) or not entries:
        problems.add("", "exercises", entries, "a list of at least one exercise")
        raise DataError(problems.messages)

    exercises: list[Exercise] = []
    first_position_of_id: dict[str, int] = {}
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.add(f"exercise at entry {position}", "(entry)", entry, "a mapping of fields (id, title, ...)")
            continue
        raw_id = entry.get("id")
        where = _where(raw_id, position)
        checker = _ExerciseChecker(problems, where, None if reference_keys is None else frozenset(reference_keys))
        check_fields(entry, EXERCISE_REQUIRED, EXERCISE_OPTIONAL, problems, where, missing_checked_by_caller=TYPED)
        exercise_id = checker.identifier(entry, position, first_position_of_id)
        title, summary = checker.text(entry, "title"), checker.text(entry, "summary")
        lead_in = checker.phase(entry["lead_in"], "lead_in") if entry.get("lead_in") is not None else None
        phases = checker.phases(entry.get("phases"))
        cycles = checker.cycles(entry)
        steps = checker.markdown_lines(entry, "steps")
        cautions = checker.markdown_lines(entry, "cautions")
        references = checker.references(entry.get("references"))
        steps_from = checker.reference_key(entry.get("steps_from"), "steps_from")
        # id and cycles are None only after their checker reported why, so a clean entry has both.
        if checker.clean and exercise_id is not None and cycles is not None:
            exercises.append(
                Exercise(
                    id=exercise_id,
                    title=title.strip(),
                    summary=summary.strip(),
                    lead_in=lead_in,
                    phases=phases,
                    cycles=cycles,
                    steps=steps,
                    cautions=cautions,
                    references=references,
                    steps_from=steps_from,
                )
            )
    problems.raise_if_any()
    return exercises
