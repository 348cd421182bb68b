"""Exercise data to HTML: the pacer block and the written steps (hooks/templates/exercises/).

The pacer's data travels in a `data-exercise` attribute as HTML-escaped JSON, never in an
inline script: Material's instant navigation re-runs inline scripts as JavaScript. Everything
from the data file is escaped; steps and cautions are inline Markdown rendered without raw HTML.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from hooks.content.cautions import ExerciseLink, SharedCautions
from hooks.content.exercises.check import Exercise, Phase, has_hold
from hooks.content.exercises.pace import pace_rule
from hooks.content.references import Reference, short_label
from hooks.render.templates import render

# The one definition of each action's short name: the written pattern uses it, and the pacer's
# step list gets it in the payload ("label") rather than keeping a copy of its own.
_SHORT_ACTION = {"breathe-in": "In", "hold-full": "Hold", "breathe-out": "Out", "hold-empty": "Hold"}


def format_seconds(seconds: float) -> str:
    """4 -> '4', 4.5 -> '4.5': counts read as people say them."""
    return f"{seconds:g}"


def _phase_label(phase: Phase) -> str:
    side = f" {phase.side}" if phase.side else ""
    return f"{_SHORT_ACTION[phase.action]}{side} {format_seconds(phase.seconds)}"


def pattern_text(exercise: Exercise) -> str:
    """The rhythm in words, e.g. 'First: Breathe out completely (4 s). Then: In 4 · Hold 7 · Out 8.'"""
    rhythm = " · ".join(_phase_label(phase) for phase in exercise.phases)
    cycles = exercise.cycles
    if cycles.min == cycles.max:
        repeat = f"Repeat {cycles.default} times."
    else:
        repeat = f"Repeat {cycles.default} times (you can choose {cycles.min} to {cycles.max})."
    if exercise.lead_in:
        lead = exercise.lead_in
        return f"First: {lead.cue} ({format_seconds(lead.seconds)} s). Then: {rhythm}. {repeat}"
    return f"{rhythm}. {repeat}"


def _phase_payload(phase: Phase) -> dict[str, Any]:
    return {
        "action": phase.action,
        "seconds": phase.seconds,
        "side": phase.side,
        "cue": phase.cue,
        "label": _SHORT_ACTION[phase.action],
    }


def exercise_payload(exercise: Exercise) -> dict[str, Any]:
    """What the pacer script needs, and nothing more: the id keys its saved settings; the paces on
    offer and the shortest phase come from pace.py, so the script keeps no copy of them. Its shape is
    the `Exercise` typedef in pacer-schedule.js (tests/test_contract_types.py keeps the two alike)."""
    return {
        "id": exercise.id,
        "lead_in": _phase_payload(exercise.lead_in) if exercise.lead_in else None,
        "phases": [_phase_payload(phase) for phase in exercise.phases],
        "cycles": {"default": exercise.cycles.default, "min": exercise.cycles.min, "max": exercise.cycles.max},
        **pace_rule(),
    }


class Citation(NamedTuple):
    """A citation of one finding: its anchor on the references page and its source's short label."""

    anchor: str
    label: str


def _citation(anchor: str, references: Mapping[str, Reference]) -> Citation:
    source = next(ref for ref in references.values() if any(f.anchor == anchor for f in ref.findings))
    return Citation(anchor, short_label(source))


def render_steps(exercise: Exercise) -> str:
    """The written steps as an ordered list."""
    return render("exercises/steps.html", exercise=exercise)


def render_pacer(
    exercise: Exercise,
    references: Mapping[str, Reference],
    references_url: str,
    cautions: SharedCautions,
    hold_free: Sequence[ExerciseLink],
) -> str:
    """The whole exercise block (hooks/templates/exercises/pacer.html): the pacer first (Start in a
    phone's first screen), the cautions right under it, then the steps and sources. An exercise with
    a hold names its caution box on the pacer, which shows who should skip holds beside Start.

    `hold_free` links the exercises without holds (the caller finds them from the data); an
    exercise with a hold points to them. One block with no blank lines, so Markdown passes it
    through untouched.
    """
    return render(
        "exercises/pacer.html",
        exercise=exercise,
        payload=json.dumps(exercise_payload(exercise), ensure_ascii=False, separators=(",", ":")),
        pattern=pattern_text(exercise),
        has_hold=has_hold(exercise),
        cautions=cautions,
        hold_free=hold_free,
        references_url=references_url,
        steps_from=_citation(exercise.steps_from, references) if exercise.steps_from else None,
        research=[_citation(anchor, references) for anchor in exercise.references],
    )
