"""Checks on the built site that only the tests make: they compare the site with the data.

The rules that protect a reader live in the build (hooks/pages/built_rules.py); these check that
the data reached the pages as intended. Each takes the built site's folder and returns problems,
so a test can run it on the real build and on a copy broken on purpose.
"""

from __future__ import annotations

from pathlib import Path

from lxml.html import HtmlElement

from tests.support.html import classes, element_ids, link_target, read_page

REFERENCES_PAGE = "references/index.html"


def built_pages(site: Path) -> list[str]:
    """Site-relative paths of every built HTML page, 404 included."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def hold_caution_problems(site: Path, hold_ids: set[str], hold_free_ids: set[str], holds: tuple[str, ...]) -> list[str]:
    """Every exercise block with a hold shows each hold line and links to every hold-free exercise
    shown on the site; no hold-free exercise shows the hold caution."""
    problems = []
    shown: dict[str, tuple[str, HtmlElement]] = {}
    for page in built_pages(site):
        for block in read_page(site / page).xpath("//div[contains(concat(' ', @class, ' '), ' br-exercise ')]"):
            shown.setdefault(str(block.get("id", "")).removeprefix("exercise-"), (page, block))
    for exercise_id in sorted(hold_ids & set(shown)):
        page, block = shown[exercise_id]
        lines = [item for item in block.iter("li") if "br-hold-caution" in classes(item)]
        if len(lines) != len(holds):
            problems.append(f"{page}: exercise {exercise_id} has a hold but shows {len(lines)} hold caution lines")
        linked = set()
        for item in block.iter("li"):
            if "br-hold-free" not in classes(item):
                continue
            for link in item.iter("a"):
                target, fragment = link_target(page, link.get("href", ""), site)
                if target and (site / target).is_file() and fragment.startswith("exercise-"):
                    linked.add(fragment.removeprefix("exercise-"))
        missing = sorted((hold_free_ids & set(shown)) - linked)
        if missing:
            problems.append(f"{page}: exercise {exercise_id} has a hold but does not link to hold-free {missing}")
    for exercise_id in sorted(hold_free_ids & set(shown)):
        page, block = shown[exercise_id]
        if any("br-hold-caution" in classes(element) for element in block.iter()):
            problems.append(f"{page}: exercise {exercise_id} has no hold but shows the hold caution")
    return problems


def citation_problems(site: Path, finding_anchors: set[str]) -> list[str]:
    """Every citation (a link into the references page) names a finding that the page lists, and
    every finding is cited from another page. The references page's own links do not count."""
    listed = element_ids(read_page(site / REFERENCES_PAGE))
    cited: set[str] = set()
    problems = []
    for page in built_pages(site):
        if page == REFERENCES_PAGE:
            continue
        for link in read_page(site / page).iter("a"):
            target, fragment = link_target(page, link.get("href", ""), site)
            if target != REFERENCES_PAGE or not fragment:
                continue
            cited.add(fragment)
            if fragment not in listed:
                problems.append(f"{page}: cites #{fragment}, which is not on the references page")
            elif fragment not in finding_anchors:
                problems.append(f"{page}: cites #{fragment}, which is a source, not one of its findings")
    problems += [f"references: {anchor} is listed but never cited" for anchor in sorted(finding_anchors - cited)]
    return problems


def links_to(site: Path, page: str, target: str) -> bool:
    """Whether the page's own content (its <article>) links to the built page `target`."""
    root = read_page(site / page)
    scope = root.find(".//article")
    hrefs = [link.get("href", "") for link in (scope if scope is not None else root).iter("a")]
    return any(link_target(page, href, site)[0] == target for href in hrefs)


def article_words(path: Path) -> int:
    """The words a reader meets in a page's article: headings, tables and cards, not the menus."""
    root = read_page(path)
    scope = root.find(".//article")
    return len((scope if scope is not None else root).text_content().split())
