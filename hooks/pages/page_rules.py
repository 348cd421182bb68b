"""Rules for a page's own text, beyond its front matter, so the build refuses a page that breaks them.

Each check returns messages without the file name; the MkDocs glue adds it."""

from __future__ import annotations

import re

from hooks.pages.fences import prose_lines

# A Markdown link whose address is a DOI resolver, e.g. [study](https://doi.org/10.1/x).
DOI_LINK = re.compile(r"\]\(\s*<?(?:https?:)?//(?:dx\.)?doi\.org/", re.IGNORECASE)
H1_TAG = re.compile(r"<h1[\s>]", re.IGNORECASE)


def citation_problems(markdown: str, first_line: int = 1) -> list[str]:
    """Claims cite the references page, which gives the source in full; a link to a DOI skips it.

    Fenced code is left alone, so a page can show such a link as an example."""
    problems = []
    for number, line in prose_lines(markdown, first_line):
        if DOI_LINK.search(line):
            problems.append(
                f"line {number}: found a link straight to a DOI; allowed: a link to the finding on the "
                "references page, e.g. [Ma 2017](references.md#ma-2017-attention) (a new source and its "
                "findings go into data/references.yml)."
            )
    return problems


def heading_problems(content_html: str) -> list[str]:
    """One title per page: screen-reader users jump by headings, and the first h1 names the page."""
    count = len(H1_TAG.findall(content_html))
    if count <= 1:
        return []
    return [f"found {count} top-level headings (# Title); allowed: one, the page title (use ## below it)."]
