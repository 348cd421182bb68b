"""The "your own pattern" block: its cautions, the form, and a place for the pacer the page makes.

The form works as a plain GET form without script (it writes the pattern into the address); the
page's script (pattern-maker-element.js) reads the address, checks it against the contract in
`data-contract` and plays it. The hold caution is shown unless the script knows the pattern has
no hold: with no script, or before it runs, a reader sees it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from hooks.content.cautions import ExerciseLink, SharedCautions, hold_caution, light_headed_rule
from hooks.content.exercises.bounds import PATTERN_TITLE, pattern_contract

_WORDS = {
    "in": "Breathe in",
    "hold": "Hold (lungs full)",
    "out": "Breathe out",
    "rest": "Hold (lungs empty)",
}


def _attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def _seconds_field(phase: dict[str, object], step: object) -> str:
    name = str(phase["name"])
    return (
        f'<label class="br-your-own__field">{_WORDS[name]} '
        f'<input name="{name}" type="number" inputmode="decimal" required '
        f'min="{phase["min"]}" max="{phase["max"]}" step="{step}" value="{phase["default"]}"> seconds</label>'
    )


def render_pattern_maker(cautions: SharedCautions, hold_free: Sequence[ExerciseLink]) -> str:
    """The whole block, in one piece with no blank lines so Markdown passes it through untouched."""
    contract = pattern_contract()
    breaths = contract["breaths"]
    fields = "".join(_seconds_field(phase, contract["step"]) for phase in contract["phases"])
    payload = _attribute(json.dumps(contract, separators=(",", ":")))
    return (
        f'<div class="br-exercise" id="exercise-your-own">'  # a block, so Markdown leaves it whole
        f'<br-pattern-maker class="br-your-own" data-contract="{payload}">'
        f'<aside class="admonition warning br-cautions" aria-label="Cautions for {PATTERN_TITLE.lower()}">'
        f'<p class="admonition-title">Before you start</p>'
        f'<div class="br-your-own__holds" data-shown-for="holds">{hold_caution(cautions, hold_free)}</div>'
        f"{light_headed_rule(cautions)}</aside>"
        f'<div class="br-your-own__problems" role="alert"></div>'
        f'<form class="br-your-own__form" method="get" aria-label="Your pattern">'
        f"<fieldset><legend>One breath</legend>{fields}</fieldset>"
        f'<label class="br-your-own__field">Breaths <input name="{breaths["name"]}" type="number" '
        f'inputmode="numeric" required min="{breaths["min"]}" max="{breaths["max"]}" step="1" '
        f'value="{breaths["default"]}"></label>'
        f'<label class="br-your-own__field">Pace <select name="{contract["pace"]["name"]}">'
        f'<option value="{contract["pace"]["default"]}" selected>As set above (1&times;)</option></select></label>'
        f'<button type="submit" class="br-pacer__btn br-pacer__btn--main">Use this pattern</button></form>'
        f'<div class="br-your-own__share" hidden><label>Link to this pattern '
        f'<input class="br-your-own__link" type="url" readonly></label> '
        f'<button type="button" class="br-pacer__btn" data-do="copy">Copy link</button>'
        f'<p class="br-your-own__copied" role="status"></p></div>'
        f'<div class="br-your-own__pacer"><p class="br-pacer__fallback">The pacer needs JavaScript. '
        f"The form above still makes a link to your pattern.</p></div>"
        f"</br-pattern-maker></div>"
    )
