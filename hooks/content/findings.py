"""Findings: the words of a source that a sentence on the site rests on.

Each source in data/references.yml lists the findings the site uses. A finding quotes the
source (at most 40 words, found in the copy we read) and says where in the source the words
are, so a reader can check the sentence that cites it. This module checks the findings (their
fields: data/schemas/references.schema.json); hooks/render/references.py shows each with its
quote and the places on the site that cite it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hooks.content.fields import is_slug
from hooks.content.problems import Location, Problems

# A quote long enough to carry a claim, short enough to read in a preview and to quote fairly.
MAX_QUOTE_WORDS = 40


@dataclass(frozen=True)
class Finding:
    source_key: str
    id: str
    quote: str
    where: str
    does_not_show: str | None = None

    @property
    def anchor(self) -> str:
        """The finding's id on the references page; pages cite references.md#ANCHOR."""
        return finding_anchor(self.source_key, self.id)


@dataclass(frozen=True)
class BackLink:
    """A place on the site that cites a finding: its label and its address from the references page."""

    label: str
    href: str


def finding_anchor(source_key: str, finding_id: str) -> str:
    """haller-2020 + pain-vs-sham -> haller-2020-pain-vs-sham."""
    return f"{source_key}-{finding_id}"


def word_count(text: str) -> int:
    return len(text.split())


def check_findings(raw: Any, source_key: str, location: Location, anchors: dict[str, str], problems: Problems) -> None:
    """The rules on one source's findings that its schema cannot state: ids used once in the
    source, anchors used once on the site (`anchors`: anchor -> the entry that has it), and
    quotes short enough to quote fairly."""
    seen: set[str] = set()
    where, _ = problems.where(location)
    for index, entry in enumerate(raw if isinstance(raw, list) else []):
        if not isinstance(entry, dict):
            continue
        finding_id, quote = entry.get("id"), entry.get("quote")
        if is_slug(finding_id) and finding_id in seen:
            problems.at((*location, index, "id"), finding_id, "an id used once in this source")
        elif is_slug(finding_id):
            seen.add(finding_id)
            anchor = finding_anchor(source_key, finding_id)
            if anchor in anchors:
                allowed = f"an id whose anchor {anchor} is not already used by {anchors[anchor]}"
                problems.at((*location, index, "id"), finding_id, allowed)
            anchors.setdefault(anchor, where)
        if isinstance(quote, str) and word_count(quote) > MAX_QUOTE_WORDS:
            allowed = f"at most {MAX_QUOTE_WORDS} words of the source (quote the words that carry the claim)"
            problems.at((*location, index, "quote"), f"{word_count(quote)} words", allowed)


def finding(source_key: str, raw: dict[str, Any]) -> Finding:
    """A finding that passed every check, as the object the references page renders."""
    limits = raw.get("does_not_show")
    return Finding(
        source_key=source_key,
        id=raw["id"],
        quote=" ".join(raw["quote"].split()),
        where=raw["where"].strip(),
        does_not_show=" ".join(limits.split()) if limits else None,
    )


def finding_title(label: str, finding: Finding) -> str:
    """'Haller 2020: pain vs sham': the source's short label and the finding's id in words."""
    return f"{label}: {finding.id.replace('-', ' ')}"
