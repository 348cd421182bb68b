"""Safety wording shared by many pages: checked like the exercises, written once, rendered here.

The light-headedness rule and the hold caution appear beside several pacers and on the safety
page, and the short crisis line on every page that talks about distress. Keeping one copy in
`data/cautions.yml` means every page says exactly the same thing, and a number is changed once.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from hooks.content.inline_markdown import check_links, render_inline
from hooks.content.problems import Lines, Problems
from hooks.content.schemas import check_schema


@dataclass(frozen=True)
class SharedCautions:
    light_headed: str  # one rule, shown with every pacer and wherever the site mentions light-headedness
    holds: tuple[str, ...]  # who should skip breath holds; shown with every exercise that has one
    hold_free_lead: str  # the words before the generated links to the hold-free exercises
    crisis: str = ""  # the crisis numbers in one line, as tel: and sms: links, for pages about distress
    holds_who: tuple[str, ...] = ()  # who should not hold their breath: a short list under the first hold line


def validate_cautions(raw: Any, source: str, lines: Lines | None = None) -> SharedCautions:
    """Check the parsed cautions file (data/schemas/cautions.schema.json, then its links); return
    its wording or raise DataError with every problem."""
    problems = Problems(source, raw, lines or {})
    check_schema(raw, "cautions", problems)
    for name in ("light_headed", "holds", "holds_who", "hold_free_lead", "crisis"):
        check_links(raw.get(name) if isinstance(raw, dict) else None, (name,), problems)
    problems.raise_if_any()
    return SharedCautions(
        light_headed=raw["light_headed"].strip(),
        holds=tuple(line.strip() for line in raw["holds"]),
        hold_free_lead=raw["hold_free_lead"].strip(),
        crisis=raw["crisis"].strip(),
        holds_who=tuple(line.strip() for line in raw["holds_who"]),
    )


class ExerciseLink(NamedTuple):
    """A link to an exercise's pacer, with `url` relative to the page the link appears on."""

    title: str
    url: str


def light_headed_rule(cautions: SharedCautions) -> str:
    """The one light-headedness rule, as a paragraph for a page."""
    return f'<p class="br-light-headed">{render_inline(cautions.light_headed)}</p>'


def crisis_line(cautions: SharedCautions) -> str:
    """The crisis numbers as one paragraph, for pages where distress comes up (defined once, in the data)."""
    return f'<p class="br-crisis">{render_inline(cautions.crisis)}</p>'


def hold_items(cautions: SharedCautions, hold_free: Sequence[ExerciseLink]) -> str:
    """The hold caution as list items, so a pacer's "Before you start" list can include them."""
    who = "".join(f"<li>{render_inline(line)}</li>" for line in cautions.holds_who)
    who_list = f'<ul class="br-hold-who">{who}</ul>' if who else ""
    lines = "".join(
        f'<li class="br-hold-caution">{render_inline(line)}{who_list if index == 0 else ""}</li>'
        for index, line in enumerate(cautions.holds)
    )
    if not hold_free:
        return lines
    links = ", ".join(f'<a href="{html.escape(link.url)}">{html.escape(link.title)}</a>' for link in hold_free)
    return lines + f'<li class="br-hold-free">{render_inline(cautions.hold_free_lead)} {links}.</li>'


def hold_caution(cautions: SharedCautions, hold_free: Sequence[ExerciseLink]) -> str:
    """Who should skip breath holds, and where the exercises without holds are, as a list for a page."""
    return f'<ul class="br-holds">{hold_items(cautions, hold_free)}</ul>'


CRISIS_BOX_TITLE = "Are you in crisis or unsafe right now?"


def crisis_box(cautions: SharedCautions) -> str:
    """The crisis line in a red box for the home page: the same words and order as every other page."""
    return (
        f'<div class="admonition danger"><p class="admonition-title">{CRISIS_BOX_TITLE}</p>'
        f"{crisis_line(cautions)}</div>"
    )
