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

from hooks.content.inline_markdown import render_inline, unsafe_link_targets
from hooks.content.problems import Problems, check_fields

REQUIRED = ("light_headed", "holds", "holds_who", "hold_free_lead", "crisis")


@dataclass(frozen=True)
class SharedCautions:
    light_headed: str  # one rule, shown with every pacer and wherever the site mentions light-headedness
    holds: tuple[str, ...]  # who should skip breath holds; shown with every exercise that has one
    hold_free_lead: str  # the words before the generated links to the hold-free exercises
    crisis: str = ""  # the crisis numbers in one line, as tel: and sms: links, for pages about distress
    holds_who: tuple[str, ...] = ()  # who should not hold their breath: a short list under the first hold line


def _line(problems: Problems, name: str, value: Any) -> str | None:
    if not (isinstance(value, str) and value.strip()):
        problems.add("", name, value, "non-empty text (inline Markdown)")
        return None
    for target in unsafe_link_targets(value):
        allowed = "links to full https://, http:// or mailto: addresses, or tel:/sms: numbers, only"
        problems.add("", name, target, allowed)
    return value.strip()


def validate_cautions(raw: Any, source: str) -> SharedCautions:
    """Check the parsed cautions file; return its wording or raise DataError with every problem."""
    problems = Problems(source)
    if not isinstance(raw, dict):
        problems.add_plain("the file must be a mapping with the keys " + ", ".join(REQUIRED) + ".")
        problems.raise_if_any()
    check_fields(raw, REQUIRED, (), problems, "")
    light_headed = _line(problems, "light_headed", raw.get("light_headed")) if "light_headed" in raw else None
    lead = _line(problems, "hold_free_lead", raw.get("hold_free_lead")) if "hold_free_lead" in raw else None
    crisis = _line(problems, "crisis", raw.get("crisis")) if "crisis" in raw else None
    holds = _lines(problems, "holds", raw)
    holds_who = _lines(problems, "holds_who", raw)
    problems.raise_if_any()
    # All are required, so a missing one was reported above and raise_if_any has raised.
    return SharedCautions(light_headed or "", holds, lead or "", crisis or "", holds_who)


def _lines(problems: Problems, name: str, raw: dict[str, Any]) -> tuple[str, ...]:
    """A required list of short lines (a list reads faster than one long sentence on a phone)."""
    lines: list[str] = []
    value = raw.get(name)
    if name in raw and (not isinstance(value, list) or not value):
        problems.add("", name, value, "a list of at least one line of text")
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            line = _line(problems, f"{name}[{index}]", item)
            if line:
                lines.append(line)
    return tuple(lines)


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
