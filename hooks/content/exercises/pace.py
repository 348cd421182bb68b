"""The paces a reader can choose and the shortest phase any pace may play.

One definition for the build and the page: every pacer's `data-exercise` and the your-own pattern's
`data-contract` carry them (`pace_rule`), and the browser's scripts keep no copy. A pace multiplies
every phase's seconds; a pace is offered for an exercise only while its shortest phase, lead-in
included, stays at least `SHORTEST_PHASE_SECONDS` long.
"""

from __future__ import annotations

from typing import Any

# Multiplier -> the words the pacer's Pace list shows for it, fastest first. 1 plays the data as written.
PACES = {0.75: "Faster", 0.9: "A little faster", 1: "As written", 1.25: "A little slower", 1.5: "Slower"}
AS_WRITTEN = 1
SHORTEST_PHASE_SECONDS = 1


def pace_rule() -> dict[str, Any]:
    """The paces and the shortest phase, as both payloads carry them."""
    return {
        "paces": [{"value": value, "name": name} for value, name in PACES.items()],
        "shortest_phase": SHORTEST_PHASE_SECONDS,
    }
