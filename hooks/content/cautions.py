"""Safety wording shared by many pages: checked like the exercises, written once (shown by hooks/render/cautions.py).

The light-headedness rule and the hold caution appear beside several pacers and on the safety
page, and the short crisis line on every page that talks about distress. Keeping one copy in
`data/cautions.yml` means every page says exactly the same thing, and a number is changed once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from hooks.content.inline_markdown import unsafe_link_targets
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
