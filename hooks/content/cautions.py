"""Safety wording shared by many pages: checked like the exercises, written once (shown by hooks/render/cautions.py).

The light-headedness rule and the hold caution appear beside several pacers and on the safety
page, and the short crisis line on every page that talks about distress. Keeping one copy in
`data/cautions.yml` means every page says exactly the same thing, and a number is changed once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from hooks.content.inline_markdown import check_links
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
