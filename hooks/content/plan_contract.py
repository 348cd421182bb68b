"""The plan link's contract: what the plan page's script needs to read, check and play a plan link.

Written into `data-contract` on <br-plan> (hooks/templates/plans/plan.html); its shape is the
`PlanContract` typedef in plan-link.js (tests/test_contract_types.py keeps the two alike). Every
bound comes from data: each exercise's breath length, lead-in and breath range from exercises.yml,
the your-own pattern's contract from bounds.py, and the plan's own minutes, days, time and default
exercise from plans.yml. The link names exercise, minutes, days and time are public: keep them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hooks.content.exercises import Exercise
from hooks.content.exercises.bounds import pattern_contract
from hooks.content.plan_breaths import breath_seconds, lead_in_seconds
from hooks.content.plans import Bounds


def plan_contract(exercises: Mapping[str, Exercise], bounds: Bounds) -> dict[str, Any]:
    """The contract, from the checked exercises and the plans file's bounds."""
    return {
        "exercises": [
            {
                "id": exercise.id,
                "seconds": breath_seconds(exercise),
                "leadIn": lead_in_seconds(exercise),
                "cycles": {"min": exercise.cycles.min, "max": exercise.cycles.max},
            }
            for exercise in exercises.values()
        ],
        "pattern": pattern_contract(exercises.values()),
        "minutes": {"min": bounds.minutes.min, "max": bounds.minutes.max, "default": bounds.minutes_default},
        "days": {"min": bounds.days.min, "max": bounds.days.max, "default": bounds.days_default},
        "time": {"default": bounds.time},
        "exercise": {"default": bounds.exercise},
    }
