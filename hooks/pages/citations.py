"""Citations: every link from a page to the references page, checked against the findings.

A page cites a finding, never a whole source: [Haller 2020](references.md#haller-2020-pain-vs-sham).
The build reads every page's Markdown (and the exercises each page shows), and refuses:
a citation of a source or finding that does not exist, a bare citation of a source
(#ref-KEY, which names no finding), and a finding that nothing cites. It also learns, for
the references page, where on the site each finding is cited, so a reader can go back.

Plain Python on page sources and data, so MkDocs and Zensical run the same checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown.extensions import toc

from hooks.content.exercises import Exercise
from hooks.content.findings import BackLink, Finding
from hooks.content.references import Reference
from hooks.pages.fences import prose_lines
from hooks.pages.shortcodes import FRONT_MATTER, SHORTCODE, body_first_line

REFERENCES_FILE = "data/references.yml"
# The first line of a failed build's message, the same whichever generator runs the build.
CITATION_PROBLEMS = "Citation problems (every citation names a finding, and every finding is cited):"
# A Markdown link to the references page from any folder depth, with a fragment:
# ](references.md#anchor) or ](../references.md#anchor).
CITATION = re.compile(r"\]\(\s*<?(?:\.\./)*references\.md#(?P<anchor>[^)\s>\"']*)")
HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<text>.+?)[ \t]*#*[ \t]*$")
HEADING_ID = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")
INLINE_MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")


# A heading's text -> its id, as the site's toc extension makes it.
Slugify = Callable[[str], str]


def configured_slugify(toc_config: Mapping[str, Any] | None) -> Slugify:
    """The slugify of the toc extension's settings (mkdocs.yml's `toc:`), or its default, with its
    separator: section ids in the back links must be the ids the built headings get."""
    settings = toc_config or {}
    slugify = settings.get("slugify") or toc.slugify
    separator = str(settings.get("separator") or "-")
    if not callable(slugify):
        raise TypeError(f"the toc extension's slugify is {slugify!r}, not a function")
    return lambda text: str(slugify(text, separator))


DEFAULT_SLUGIFY = configured_slugify(None)


@dataclass(frozen=True)
class Shown:
    """A finding that a shortcode shows on a page: in a section of its own (an exercise's pacer, an
    option's card: its id and title), or, with no section_id, in the section it stands in."""

    anchor: str
    section_id: str | None = None
    section_title: str = ""
    linked: bool = True  # False: shown without a link to the finding (a table cell), so no link back to it


# A shortcode (its name and argument) -> the findings it shows; the data's own checks have
# already refused any finding that does not exist.
ShownBy = Callable[[str, str], Sequence[Shown]]


def _nothing_shown(name: str, argument: str) -> Sequence[Shown]:
    return ()


@dataclass(frozen=True)
class Citation:
    """One citation: the page's source path, the line, the anchor it names, and its section."""

    page: str
    line: int
    anchor: str
    section_id: str  # empty: the top of the page
    section_title: str
    linked: bool = True  # the page links to the finding here (a link back may point at it)


@dataclass
class CitationIndex:
    """Where each finding is cited, in page order, and the problems found on the way."""

    cited_at: dict[str, list[Citation]] = field(default_factory=dict)
    page_titles: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def back_links(self, href_of: Callable[[str], str]) -> dict[str, list[BackLink]]:
        """Finding anchor -> one link per citing section; `href_of(page)` gives a page's address as
        seen from the references page (each generator resolves pages its own way). A section
        headed as its page is named as the page, so only its first link is kept: a reader could
        not tell two links of one name apart."""
        links: dict[str, list[BackLink]] = {}
        for anchor, citations in self.cited_at.items():
            seen: set[tuple[str, str]] = set()
            for citation in citations:
                page_title = self.page_titles.get(citation.page, citation.page)
                label = page_title
                if citation.section_title and citation.section_title != page_title:
                    label = f"{page_title}: {citation.section_title}"
                place = (citation.page, citation.section_id)
                if place in seen or (citation.page, label) in seen or not citation.linked:
                    continue
                seen.update((place, (citation.page, label)))
                fragment = f"#{citation.section_id}" if citation.section_id else ""
                links.setdefault(anchor, []).append(BackLink(label, href_of(citation.page) + fragment))
        return links


def _heading_text(raw: str) -> str:
    """A heading as the reader sees it: no {#id} attributes, no Markdown markup."""
    text = ATTRIBUTES.sub("", raw)
    return INLINE_MARKUP.sub(lambda match: match.group(1) or "", text).strip()


def scan_page(
    page: str, source: str, slugify: Slugify = DEFAULT_SLUGIFY, shown_by: ShownBy = _nothing_shown
) -> tuple[str, list[Citation]]:
    """The page's title (its first # heading) and every citation in it, outside fenced code: its
    links to findings, and the findings its shortcodes show (`shown_by`), at the shortcode's line.

    Section ids follow the toc extension: an explicit {#id}, else `slugify` of the heading text."""
    front_matter = FRONT_MATTER.match(source)
    body = source[front_matter.end() :] if front_matter else source
    first_line = body_first_line(source)
    body = body.lstrip("\n")
    title, section_id, section_title = page, "", ""
    used_ids: set[str] = set()
    citations: list[Citation] = []
    for number, line in prose_lines(body, first_line):
        heading = HEADING.match(line)
        if heading:
            text = _heading_text(heading.group("text"))
            explicit = HEADING_ID.search(heading.group("text"))
            heading_id = explicit.group("id") if explicit else toc.unique(slugify(text), used_ids)
            used_ids.add(heading_id)
            if len(heading.group("level")) == 1 and title == page:
                title = text
            else:
                section_id, section_title = heading_id, text
            continue
        shortcode = SHORTCODE.match(line)
        if shortcode:
            for shown in shown_by(shortcode.group("name"), shortcode.group("args").strip()):
                in_section = shown.section_id is None
                citations.append(
                    Citation(
                        page,
                        number,
                        shown.anchor,
                        section_id if in_section else str(shown.section_id),
                        section_title if in_section else shown.section_title,
                        shown.linked,
                    )
                )
            continue
        for match in CITATION.finditer(line):
            citations.append(Citation(page, number, match.group("anchor"), section_id, section_title))
    return title, citations


def _describe_unknown(anchor: str, sources: Mapping[str, Reference]) -> str:
    """Why a cited anchor lands nowhere, and what would."""
    if anchor.startswith("ref-"):
        key = anchor[len("ref-") :]
        if key in sources:
            named = ", ".join(finding.anchor for finding in sources[key].findings)
            return (
                f'cites the source "{key}" without naming a finding; allowed: a link to one of its findings, '
                f"e.g. references.md#{sources[key].findings[0].anchor} (its findings: {named})."
            )
        return f'cites the source "{key}", which is not in {REFERENCES_FILE}; allowed: a finding of a listed source.'
    owners = [key for key in sources if anchor.startswith(key + "-")]
    if owners:
        key = max(owners, key=len)
        named = ", ".join(finding.anchor for finding in sources[key].findings)
        return (
            f'cites "{anchor}", but the source "{key}" has no such finding; allowed: one of {named} '
            f"(or add the finding, with its quote, to {REFERENCES_FILE})."
        )
    return (
        f'cites "{anchor}", which is no finding in {REFERENCES_FILE}; allowed: references.md#SOURCE-FINDING, '
        "e.g. references.md#" + next(iter(f.anchor for s in sources.values() for f in s.findings), "KEY-FINDING") + "."
    )


def index_citations(
    pages: Mapping[str, str],
    sources: Mapping[str, Reference],
    exercises: Mapping[str, Exercise],
    docs_name: str = "docs",
    slugify: Slugify = DEFAULT_SLUGIFY,
    shown_by: ShownBy = _nothing_shown,
) -> CitationIndex:
    """Scan every page (source path -> file text, in nav or file order) for citations; check each.
    `slugify` makes a heading's id, as the site's toc extension does.

    An exercise cites its findings on each page that shows its pacer (at the pacer's own anchor);
    any other shortcode, the findings `shown_by` says it shows. Every finding must be cited
    somewhere, or the references page would quote words nothing uses."""

    def shown(name: str, argument: str) -> Sequence[Shown]:
        exercise = exercises.get(argument) if name == "pacer" else None
        if exercise is None:
            return shown_by(name, argument)
        cited = (*([exercise.steps_from] if exercise.steps_from else []), *exercise.references)
        return [Shown(anchor, f"exercise-{exercise.id}", exercise.title) for anchor in cited]

    findings: dict[str, Finding] = {
        finding.anchor: finding for source in sources.values() for finding in source.findings
    }
    index = CitationIndex()
    for page, text in pages.items():
        title, citations = scan_page(page, text, slugify, shown)
        index.page_titles[page] = title
        for citation in citations:
            if citation.anchor in findings:
                index.cited_at.setdefault(citation.anchor, []).append(citation)
            else:
                index.problems.append(
                    f"{docs_name}/{page}, line {citation.line}: {_describe_unknown(citation.anchor, sources)}"
                )
    for source in sources.values():
        for finding in source.findings:
            if finding.anchor not in index.cited_at:
                index.problems.append(
                    f'{REFERENCES_FILE}: reference "{source.key}", finding "{finding.id}": nothing on the site cites '
                    f"it; allowed: a finding that a page cites as references.md#{finding.anchor}, or remove it."
                )
    return index


def finding_anchors(sources: Iterable[Reference]) -> frozenset[str]:
    """Every finding's anchor: what a page or an exercise may cite."""
    return frozenset(finding.anchor for source in sources for finding in source.findings)
