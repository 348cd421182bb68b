"""The contract of a reader's own breathing pattern: the names a link carries and their bounds.

One definition for the build and the page: the bounds are the exercise data's own (check.py), the
paces and the shortest phase are pace.py's, and the page reads them from the `data-contract` attribute
this module's contract is written into, so the form, the link parser and the data checker can never
disagree. The names `in`, `hold`, `out`, `rest`, `breaths` and `pace` are public (practitioners send
them as links): keep them stable.

Holds: a link's hold (`hold`, `rest`) is at most the longest hold in the exercise data (lead-ins
included), as written. A pace multiplies every phase, so at any pace a hold from a link lasts no
longer than the site's own longest hold at that pace (7 s in today's data: 10.5 s at the slowest).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from hooks.content.exercises.check import (
    HOLD_ACTIONS,
    MAX_CYCLES,
    MAX_SECONDS,
    MIN_CYCLES,
    MIN_SECONDS,
    Cycles,
    Exercise,
    Phase,
    default_cue,
)
from hooks.content.exercises.pace import AS_WRITTEN, pace_rule
from hooks.content.exercises.render import exercise_payload

PATTERN_ID = "your-own"
PATTERN_TITLE = "Your own pattern"
# Link name -> the phase it sets, in the order a breath plays them; the two holds may be 0 (left out).
PHASES = (("in", "breathe-in"), ("hold", "hold-full"), ("out", "breathe-out"), ("rest", "hold-empty"))
OPTIONAL = frozenset({"hold", "rest"})
# What a page without a pattern in its address shows: slow breathing with no holds, in 4 and out 6.
DEFAULT_SECONDS = {"in": 4, "hold": 0, "out": 6, "rest": 0}
DEFAULT_BREATHS = 10
DEFAULT_PACE = AS_WRITTEN
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


def longest_hold(exercises: Iterable[Exercise]) -> float:
    """The longest hold any exercise plays as written (lead-ins included); MIN_SECONDS when none holds,
    so a hold from a link is then as short as a played phase may be."""
    holds = [
        phase.seconds
        for exercise in exercises
        for phase in (*((exercise.lead_in,) if exercise.lead_in else ()), *exercise.phases)
        if phase.action in HOLD_ACTIONS
    ]
    return max(holds, default=MIN_SECONDS)


def pattern_contract(exercises: Iterable[Exercise]) -> dict[str, Any]:
    """What the page needs to read, check and play a pattern: each phase's link name, bounds, default
    and the words the pacer shows for it (taken from the exercise payload, so they match every pacer),
    and the paces with the shortest phase. A hold's bound is the data's longest hold (see above).
    Its shape is the `Contract` typedef in pattern-link.js."""
    hold_max = longest_hold(exercises)
    every_phase = pattern_exercise({name: MIN_SECONDS for name, _ in PHASES}, DEFAULT_BREATHS)
    shown = exercise_payload(every_phase)["phases"]
    phases = [
        {
            "name": name,
            "min": 0 if name in OPTIONAL else MIN_SECONDS,
            "least": MIN_SECONDS,  # a phase that is played lasts at least this long
            "max": hold_max if name in OPTIONAL else MAX_SECONDS,
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
        **pace_rule(),
    }
