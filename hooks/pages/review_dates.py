"""A page's "last reviewed" date is on or after the day each source it cites was read.

A web page we cite can change after we read it, so references.yml keeps the day we read it
(`read:`). A page that says it was last reviewed before that day would claim a check of words
nobody had read yet. This rule runs on the citation index (hooks/pages/citations.py), so it
counts every citation the reader sees: links in the text, and the findings an exercise's pacer
or an option's card or table shows, at the shortcode's line.
"""

from __future__ import annotations

from collections.abc import Mapping

from hooks.content.fields import is_date
from hooks.content.references import Reference
from hooks.pages.citations import CitationIndex
from hooks.pages.front_matter import read_front_matter

# The first line of a failed build's message, the same whichever generator runs the build.
REVIEW_DATE_PROBLEMS = "Review date problems (a page is reviewed on or after the day each source it cites was read):"


def review_date_problems(
    markdown_by_page: Mapping[str, str],
    index: CitationIndex,
    sources: Mapping[str, Reference],
    docs_name: str = "docs",
) -> list[str]:
    """One message per citation of a source read after the citing page's `reviewed` date, by page and line.

    A page without a valid `reviewed` date is left to the front matter rule, which reports it."""
    source_of = {finding.anchor: source for source in sources.values() for finding in source.findings}
    reviewed = {page: read_front_matter(text).get("reviewed") for page, text in markdown_by_page.items()}
    found: list[tuple[str, int, str]] = []
    for anchor, citations in index.cited_at.items():
        source = source_of.get(anchor)
        if source is None or source.read is None:
            continue
        for citation in citations:
            day = reviewed.get(citation.page)
            if not is_date(day) or day >= source.read:
                continue
            found.append(
                (
                    citation.page,
                    citation.line,
                    f'{docs_name}/{citation.page}, line {citation.line}: cites "{anchor}", from a page read on '
                    f"{source.read} ({source.key}), after the page's last review (reviewed: {day}); allowed: a "
                    f'"reviewed" date on or after {source.read}: check the page against its sources, then change '
                    "the date.",
                )
            )
    return [message for _, _, message in sorted(found)]
