"""Findings: the words of a source that a sentence on the site rests on.

Each source in data/references.yml lists the findings the site uses. A finding quotes the
source (at most 40 words, found in the copy we read) and says where in the source the words
are, so a reader can check the sentence that cites it. This module checks the findings;
hooks/render/references.py shows each with its quote and the places on the site that cite it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from hooks.content.problems import MISSING, Problems, check_fields

FINDING_ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FINDING_REQUIRED = ("id", "quote", "where")
FINDING_OPTIONAL = ("does_not_show",)
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


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def validate_findings(raw: Any, source_key: str, where: str, problems: Problems) -> tuple[Finding, ...]:
    """Check one source's `findings` list; report each problem, return the clean findings.

    `where` names the source entry (e.g. 'reference "haller-2020" (entry 10)')."""
    if raw is None or raw is MISSING:
        problems.add(
            where,
            "findings",
            raw,
            "a list of at least one finding (id, quote, where); a source we could not read is not cited, "
            "so remove it from the list",
        )
        return ()
    if not isinstance(raw, list) or not raw:
        problems.add(where, "findings", raw, "a list of at least one finding (id, quote, where)")
        return ()
    findings: list[Finding] = []
    seen: set[str] = set()
    for index, entry in enumerate(raw, start=1):
        prefix = f"findings[{index}]."
        if not isinstance(entry, dict):
            problems.add(where, f"findings[{index}]", entry, "a mapping with id, quote and where")
            continue
        before = len(problems.messages)
        check_fields(entry, FINDING_REQUIRED, FINDING_OPTIONAL, problems, where, prefix=prefix)
        finding_id = entry.get("id")
        if finding_id is not None and not (isinstance(finding_id, str) and FINDING_ID_PATTERN.match(finding_id)):
            problems.add(where, f"{prefix}id", finding_id, "lower-case letters, digits and single hyphens")
        elif isinstance(finding_id, str) and finding_id in seen:
            problems.add(where, f"{prefix}id", finding_id, "an id used once in this source")
        for name in ("quote", "where", "does_not_show"):
            value = entry.get(name)
            if value is not None and not _text(value):
                problems.add(where, f"{prefix}{name}", value, "non-empty text")
        quote = entry.get("quote")
        if isinstance(quote, str) and word_count(quote) > MAX_QUOTE_WORDS:
            problems.add(
                where,
                f"{prefix}quote",
                f"{word_count(quote)} words",
                f"at most {MAX_QUOTE_WORDS} words of the source (quote the words that carry the claim)",
            )
        if len(problems.messages) == before and isinstance(finding_id, str):
            seen.add(finding_id)
            limits = entry.get("does_not_show")
            findings.append(
                Finding(
                    source_key=source_key,
                    id=finding_id,
                    quote=" ".join(str(quote).split()),
                    where=str(entry["where"]).strip(),
                    does_not_show=" ".join(limits.split()) if isinstance(limits, str) else None,
                )
            )
    return tuple(findings)


def finding_title(label: str, finding: Finding) -> str:
    """'Haller 2020: pain vs sham': the source's short label and the finding's id in words."""
    return f"{label}: {finding.id.replace('-', ' ')}"
