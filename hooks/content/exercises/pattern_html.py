"""The "your own pattern" block (hooks/templates/exercises/pattern_maker.html): a place for the
pacer the page makes, its cautions right under it, and the form, with the pattern contract in
`data-contract`.

The form works as a plain GET form without script (it writes the pattern into the address); the
page's script (pattern-maker-element.js) reads the address, checks it against the contract and
plays it. The hold caution is shown unless the script knows the pattern has no hold.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from hooks.content.cautions import ExerciseLink, SharedCautions
from hooks.content.exercises.bounds import PATTERN_TITLE, pattern_contract
from hooks.content.exercises.check import Exercise
from hooks.render.templates import render

# The "Before you start" box under the pacer: a pacer of a pattern with a hold names it in
# data-hold-caution (pattern-maker-element.js reads it from the box's id).
PATTERN_CAUTIONS_ID = "cautions-your-own"


def render_pattern_maker(
    exercises: Iterable[Exercise], cautions: SharedCautions, hold_free: Sequence[ExerciseLink]
) -> str:
    """The whole block, in one piece with no blank lines so Markdown passes it through untouched."""
    contract = pattern_contract(exercises)
    return render(
        "exercises/pattern_maker.html",
        contract=contract,
        contract_json=json.dumps(contract, separators=(",", ":")),
        title=PATTERN_TITLE,
        box_id=PATTERN_CAUTIONS_ID,
        cautions=cautions,
        hold_free=hold_free,
    )


def render_pattern_link_format(exercises: Iterable[Exercise]) -> str:
    """The pattern link's names and bounds as a table, from the contract the page's script reads."""
    return render("exercises/link_format.md", contract=pattern_contract(exercises))
