"""Exercise data to HTML: the pacer block and the written steps.

The pacer's data travels in a `data-exercise` attribute as HTML-escaped JSON, never in an
inline script: Material's instant navigation re-runs inline scripts as JavaScript. Everything
from the data file is escaped; steps and cautions are inline Markdown rendered without raw HTML.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from typing import Any

from hooks.content.cautions import ExerciseLink, SharedCautions, hold_items
from hooks.content.exercises.check import Exercise, Phase, has_hold
from hooks.content.exercises.pace import pace_rule
from hooks.content.inline_markdown import render_inline
from hooks.content.references import Reference, short_label

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


def _attribute(value: str) -> str:
    """Escaped for HTML, line breaks included: a blank line would end Markdown's raw HTML block."""
    return html.escape(value, quote=True).replace("\n", "&#10;")


def render_steps(exercise: Exercise) -> str:
    """The written steps as an ordered list."""
    items = "".join(f"<li>{render_inline(step)}</li>" for step in exercise.steps)
    return f'<ol class="br-steps__list">{items}</ol>'


def _render_cautions(exercise: Exercise, cautions: SharedCautions, hold_free: Sequence[ExerciseLink]) -> str:
    """The exercise's own cautions, framed by the shared ones the data decides it needs."""
    holds = hold_items(cautions, hold_free) if has_hold(exercise) else ""
    own = "".join(f"<li>{render_inline(caution)}</li>" for caution in exercise.cautions)
    items = f'{holds}{own}<li class="br-light-headed">{render_inline(cautions.light_headed)}</li>'
    return (
        f'<aside class="admonition warning br-cautions" aria-label="Cautions for {_attribute(exercise.title)}">'
        f'<p class="admonition-title">Before you start</p><ul>{items}</ul></aside>'
    )


def _reference_link(anchor: str, references: Mapping[str, Reference], references_url: str) -> str:
    """A citation of one finding (its anchor), labelled with its source; data-preview asks Material
    to show the finding in place on hover or focus (a tap still follows the link)."""
    source = next(ref for ref in references.values() if any(f.anchor == anchor for f in ref.findings))
    label = _attribute(short_label(source))
    return f'<a href="{_attribute(references_url)}#{_attribute(anchor)}" data-preview>{label}</a>'


STEPS_COMMON_FORM = "These steps are the form most often taught; versions differ."
NO_STUDY_READ = "We found no study of this exercise that we could read."


def _render_sources(exercise: Exercise, references: Mapping[str, Reference], references_url: str) -> str:
    """Where the steps come from, kept apart from the research on what the exercise does."""
    if exercise.steps_from:
        origin = f"Steps from: {_reference_link(exercise.steps_from, references, references_url)}."
    else:
        origin = STEPS_COMMON_FORM
    research = ", ".join(_reference_link(key, references, references_url) for key in exercise.references)
    evidence = (
        f" Studies and advice on breathing like this (not on these steps): {research}."
        if research
        else f" {NO_STUDY_READ}"
    )
    return f'<p class="br-sources">{origin}{evidence}</p>'


def render_pacer(
    exercise: Exercise,
    references: Mapping[str, Reference],
    references_url: str,
    cautions: SharedCautions,
    hold_free: Sequence[ExerciseLink],
) -> str:
    """The whole exercise block: cautions first, the pacer, then the steps and sources.

    `hold_free` links the exercises without holds (the caller finds them from the data); an
    exercise with a hold points to them. One block with no blank lines, so Markdown passes it
    through untouched.
    """
    payload = json.dumps(exercise_payload(exercise), ensure_ascii=False, separators=(",", ":"))
    title = _attribute(exercise.title)
    return (
        f'<div class="br-exercise" id="exercise-{exercise.id}">'
        f"{_render_cautions(exercise, cautions, hold_free)}"
        f'<br-pacer data-pacer="{exercise.id}" data-exercise="{_attribute(payload)}" '
        f'role="group" aria-label="{_attribute(exercise.title)} pacer">'
        f'<div class="br-pacer__fallback"><p>{title}</p>'
        f'<p class="br-pacer__pattern">{_attribute(pattern_text(exercise))}</p></div>'
        f"</br-pacer>"
        f'<details class="br-steps" open><summary>Step by step</summary>{render_steps(exercise)}</details>'
        f"{_render_sources(exercise, references, references_url)}"
        f"</div>"
    )
