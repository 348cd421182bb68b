"""How many breaths fill a plan's minutes, the one rule the build and plan-link.js share.

A day's session is the whole number of breaths nearest to filling the minutes after the lead-in (a
half rounds up), at least one, so it ends on a whole breath. An exercise's data cap its breaths
(cycles.min to cycles.max), so it offers only the whole minutes whose breaths stay in that range.
plan-link.js's breathsFor and minutesRange do the same sums in the browser; tests/js compares them.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from hooks.content.exercises import Exercise


class WholeRange(NamedTuple):
    min: int
    max: int


def breath_seconds(exercise: Exercise) -> float:
    """One breath (one cycle of its phases) at the exercise's own pace."""
    return round(sum(phase.seconds for phase in exercise.phases), 6)


def lead_in_seconds(exercise: Exercise) -> float:
    return exercise.lead_in.seconds if exercise.lead_in else 0


def breaths_for(minutes: int, seconds_per_breath: float, lead_in: float = 0) -> int:
    """The whole breaths nearest to filling `minutes`, a half rounding up; at least one."""
    exact = round((minutes * 60 - lead_in) / seconds_per_breath, 6)
    return max(1, math.floor(exact + 0.5))


def minutes_range(exercise: Exercise, minutes: WholeRange) -> WholeRange | None:
    """The whole minutes within `minutes` whose breaths stay within the exercise's cycles; None if none do."""
    fits = [
        m
        for m in range(minutes.min, minutes.max + 1)
        if exercise.cycles.min
        <= breaths_for(m, breath_seconds(exercise), lead_in_seconds(exercise))
        <= exercise.cycles.max
    ]
    return WholeRange(fits[0], fits[-1]) if fits else None
