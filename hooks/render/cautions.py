"""The shared safety wording (data/cautions.yml) as HTML, from the templates in hooks/templates/cautions/."""

from __future__ import annotations

from collections.abc import Sequence

from hooks.content.cautions import ExerciseLink, SharedCautions
from hooks.render.templates import render


def light_headed_rule(cautions: SharedCautions) -> str:
    """The one light-headedness rule, as a paragraph for a page."""
    return render("cautions/light_headed.html", cautions=cautions)


def crisis_line(cautions: SharedCautions) -> str:
    """The crisis numbers as one paragraph, for pages where distress comes up (defined once, in the data)."""
    return render("cautions/crisis_line.html", cautions=cautions)


def crisis_help(cautions: SharedCautions) -> str:
    """The crisis line for a page, after a place for the reader's own country's line."""
    return render("cautions/crisis_help.html", cautions=cautions)


def hold_items(cautions: SharedCautions, hold_free: Sequence[ExerciseLink]) -> str:
    """The hold caution as list items, so a pacer's "Before you start" list can include them."""
    return render("cautions/hold_items.html", cautions=cautions, hold_free=hold_free)


def hold_caution(cautions: SharedCautions, hold_free: Sequence[ExerciseLink]) -> str:
    """Who should skip breath holds, and where the exercises without holds are, as a list for a page."""
    return render("cautions/hold_caution.html", cautions=cautions, hold_free=hold_free)


def crisis_box(cautions: SharedCautions) -> str:
    """The crisis line in a red box for the home page: the same words and order as every other page."""
    return render("cautions/crisis_box.html", cautions=cautions)


def local_line() -> str:
    """A place for the reader's own country's help, filled on the device (safety's "Get help now")."""
    return render("countries/local_line.html")
