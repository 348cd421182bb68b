"""The breathing exercises: checked field by field (check.py), then rendered as pacer blocks (render.py)."""

from hooks.content.exercises.check import (
    ACTIONS,
    MAX_CYCLES,
    MAX_SECONDS,
    MIN_CYCLES,
    MIN_SECONDS,
    Cycles,
    Exercise,
    Phase,
    default_cue,
    has_hold,
    validate_exercises,
)

__all__ = [
    "ACTIONS",
    "MAX_CYCLES",
    "MAX_SECONDS",
    "MIN_CYCLES",
    "MIN_SECONDS",
    "Cycles",
    "Exercise",
    "Phase",
    "default_cue",
    "has_hold",
    "validate_exercises",
]
