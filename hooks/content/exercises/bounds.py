"""The contract of a reader's own breathing pattern: the names a link carries and their bounds.

One definition for the build and the page: the bounds are the exercise data's own (hooks/content/exercises/check.py),
and the page reads them from the `data-contract` attribute this module's contract is written into, so
the form, the link parser and the data checker can never disagree. The names `in`, `hold`, `out`,
`rest`, `breaths` and `pace` are public (practitioners send them as links): keep them stable.
"""

from __future__ import annotations

from typing import Any

from hooks.content.exercises.check import (
    MAX_CYCLES,
    MAX_SECONDS,
    MIN_CYCLES,
    MIN_SECONDS,
    Cycles,
    Exercise,
    Phase,
    default_cue,
)
from hooks.content.exercises.render import exercise_payload

PATTERN_ID = "your-own"
PATTERN_TITLE = "Your own pattern"
# Link name -> the phase it sets, in the order a breath plays them; the two holds may be 0 (left out).
PHASES = (("in", "breathe-in"), ("hold", "hold-full"), ("out", "breathe-out"), ("rest", "hold-empty"))
OPTIONAL = frozenset({"hold", "rest"})
# What a page without a pattern in its address shows: slow breathing with no holds, in 4 and out 6.
DEFAULT_SECONDS = {"in": 4, "hold": 0, "out": 6, "rest": 0}
DEFAULT_BREATHS = 10
DEFAULT_PACE = 1
# Seconds are kept to tenths: what a form and a link can say plainly.
SECONDS_STEP = 0.1


def pattern_exercise(seconds: dict[str, float], breaths: int) -> Exercise:
    """A pattern as an exercise, the phases with zero seconds left out."""
    phases = tuple(
        Phase(action, seconds[name], None, None, default_cue(action, None, None))
        for name, action in PHASES
        if seconds[name] > 0
    )
    return Exercise(
        id=PATTERN_ID,
        title=PATTERN_TITLE,
        summary="",
        lead_in=None,
        phases=phases,
        cycles=Cycles(default=breaths, min=MIN_CYCLES, max=MAX_CYCLES),
        steps=(),
        cautions=(),
        references=(),
    )


def pattern_contract() -> dict[str, Any]:
    """What the page needs to read, check and play a pattern: each phase's link name, bounds, default
    and the words the pacer shows for it (taken from the exercise payload, so they match every pacer)."""
    every_phase = pattern_exercise({name: MIN_SECONDS for name, _ in PHASES}, DEFAULT_BREATHS)
    shown = exercise_payload(every_phase)["phases"]
    phases = [
        {
            "name": name,
            "min": 0 if name in OPTIONAL else MIN_SECONDS,
            "least": MIN_SECONDS,  # a phase that is played lasts at least this long
            "max": MAX_SECONDS,
            "default": DEFAULT_SECONDS[name],
            "action": payload["action"],
            "cue": payload["cue"],
            "label": payload["label"],
        }
        for (name, _), payload in zip(PHASES, shown, strict=True)
    ]
    return {
        "id": PATTERN_ID,
        "phases": phases,
        "step": SECONDS_STEP,
        "breaths": {"name": "breaths", "min": MIN_CYCLES, "max": MAX_CYCLES, "default": DEFAULT_BREATHS},
        "pace": {"name": "pace", "default": DEFAULT_PACE},
    }
