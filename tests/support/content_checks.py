"""Checks a careful reader would make on the built site, as plain functions.

Each takes the built site's folder and returns a list of problems (empty when all is well), so
a test can run it on the real build and again on a copy broken on purpose, and see it fail.
HTML is read into a small tree with the standard library's parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from hooks.countries import text_only_numbers, validate_countries
from hooks.yaml_source import load_yaml
from tests.support.paths import DATA_DIR

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
PROSE_BLOCKS = {"p", "li", "dd", "dt", "td", "th"}
# Crisis and emergency numbers as they are written on the pages (UK, EU, US, Canada, Samaritans,
# NHS 111): each must be a tel: link to itself.
# "NHS 111" is the service's name, not an offer to call, so it is left out.
# A crisis number on its own, not a group inside a longer spaced number ("1800 111 888").
CRISIS_NUMBER = re.compile(r"(?<![\d-])(?<!\d )(?<!NHS )(999|112|911|988|111|116 ?123)(?![\d-])(?! \d)")
# Services you can only text (Shout in the UK, Text About It in Ireland): each must be an sms: link
# to itself, and there is no number to call, so no tel: link is expected beside it.
TEXT_ONLY_NUMBER = re.compile(r"(?<![\d-])(85258|50808)(?![\d-])")
# Text numbers in the country data (hooks/countries.py) with no call to the same number, such as
# Lifeline Australia's text line: a tel: link to them is not expected either.
TEXT_ONLY_IN_COUNTRY_DATA = text_only_numbers(
    validate_countries(load_yaml(DATA_DIR / "countries.yml", "data/countries.yml"), "data/countries.yml")
)
# Link words that offer to open a text message ("send a text", "Text 988"), not a service's name.
OFFER_TO_TEXT = re.compile(r"send a text|text \d")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = None

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return " ".join("".join(part if isinstance(part, str) else part.text() for part in self.children).split())

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.walk() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)]

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs}, parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {name: value or "" for name, value in attrs}, parent=self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def read_page(path: Path) -> Node:
    builder = _TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    builder.close()
    return builder.root


def content_pages(site: Path) -> list[str]:
    """Site-relative paths of every built HTML page, 404 included."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def target_of(page: str, href: str) -> tuple[str | None, str]:
    """The site-relative file a relative link points to, and its fragment; None for other sites."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return None, parts.fragment
    if not parts.path:
        return page, unquote(parts.fragment)
    resolved: list[str] = []
    for part in (PurePosixPath(page).parent / unquote(parts.path)).parts:
        if part == "..":
            if resolved:
                resolved.pop()
        elif part not in {".", ""}:
            resolved.append(part)
    path = "/".join(resolved)
    if not path.endswith(".html"):
        path = f"{path}/index.html" if path else "index.html"
    return path, unquote(parts.fragment)


def article(root: Node) -> Node:
    found = root.find_all("article")
    return found[0] if found else root


def article_words(path: Path) -> int:
    """The words a reader meets in a page's article: headings, tables and cards, not the menus."""
    return len(article(read_page(path)).text().split())


# The checks ----------------------------------------------------------------------------------


def hold_caution_problems(site: Path, hold_ids: set[str], hold_free_ids: set[str], holds: tuple[str, ...]) -> list[str]:
    """Every exercise block with a hold shows each hold line and links to every hold-free exercise
    shown on the site; no hold-free exercise shows the hold caution."""
    problems = []
    shown: dict[str, tuple[str, Node]] = {}
    for page in content_pages(site):
        for block in read_page(site / page).find_all("div", "br-exercise"):
            shown.setdefault(block.attrs.get("id", "").removeprefix("exercise-"), (page, block))
    for exercise_id in sorted(hold_ids):
        if exercise_id not in shown:
            continue
        page, block = shown[exercise_id]
        lines = [node.text() for node in block.find_all("li", "br-hold-caution")]
        if len(lines) != len(holds):
            problems.append(f"{page}: exercise {exercise_id} has a hold but shows {len(lines)} hold caution lines")
        links = [a.attrs.get("href", "") for item in block.find_all("li", "br-hold-free") for a in item.find_all("a")]
        linked = set()
        for href in links:
            target, fragment = target_of(page, href)
            if target and (site / target).is_file() and fragment.startswith("exercise-"):
                linked.add(fragment.removeprefix("exercise-"))
        missing = sorted((hold_free_ids & set(shown)) - linked)
        if missing:
            problems.append(f"{page}: exercise {exercise_id} has a hold but does not link to hold-free {missing}")
    for exercise_id in sorted(hold_free_ids & set(shown)):
        page, block = shown[exercise_id]
        if block.find_all(cls="br-hold-caution"):
            problems.append(f"{page}: exercise {exercise_id} has no hold but shows the hold caution")
    return problems


def crisis_number_problems(site: Path) -> list[str]:
    """Every crisis or emergency number anywhere on a page is a tel: link to that number."""
    problems = []
    # The references page names services in citations ("Shout 85258. FAQ."): titles, not offers to call.
    for page in (page for page in content_pages(site) if page != "references/index.html"):
        root = read_page(site / page)
        for node in root.walk():
            if node.tag in {"script", "style", "head"}:
                continue
            # "Text 988" on an sms: link is as tappable as "988" on a tel: link; a prefilled
            # keyword (sms:85258?body=SHOUT) does not change the number.
            href = node.attrs.get("href", "") if node.tag == "a" else ""
            scheme, _, target = href.partition(":")
            dial = target.split("?", 1)[0] if scheme in {"tel", "sms"} else ""
            for child in node.children:
                if not isinstance(child, str):
                    continue
                if any(a.tag in {"script", "style", "head"} for a in [node, *node.ancestors()]):
                    continue
                for match in CRISIS_NUMBER.finditer(child):
                    number = match.group(1)
                    if dial != number.replace(" ", ""):
                        problems.append(f"{page}: {number!r} is not a tel: link to itself (in {child.strip()[:60]!r})")
                for match in TEXT_ONLY_NUMBER.finditer(child):
                    number = match.group(1)
                    if scheme != "sms" or dial != number:
                        problems.append(f"{page}: {number!r} is not an sms: link to itself (in {child.strip()[:60]!r})")
    return problems


def links_to(site: Path, page: str, target: str) -> bool:
    hrefs = [a.attrs.get("href", "") for a in article(read_page(site / page)).find_all("a")]
    return any(target_of(page, href)[0] == target for href in hrefs)


def practitioners_say_problems(site: Path) -> list[str]:
    """A sentence saying what practitioners say names a source: its paragraph or item cites one."""
    problems = []
    for page in content_pages(site):
        for block in article(read_page(site / page)).walk():
            if block.tag not in PROSE_BLOCKS or "practitioners say" not in block.text().lower():
                continue
            if any(inner.tag in PROSE_BLOCKS for inner in block.walk() if inner is not block):
                continue  # judged at the innermost block
            if any("br-references" in outer.classes for outer in block.ancestors()):
                continue  # an entry in the list of sources is a source, not a claim
            cites = any("#ref-" in a.attrs.get("href", "") for a in block.find_all("a"))
            if not cites:
                problems.append(f"{page}: no citation for {block.text()[:80]!r}")
    return problems


def light_headed_problems(site: Path, rule: str) -> list[str]:
    """The light-headedness rule is worded the same wherever the site mentions light-headedness."""
    problems = []
    expected = " ".join(rule.split())
    for page in content_pages(site):
        for block in article(read_page(site / page)).walk():
            if block.tag not in PROSE_BLOCKS or "light-headed" not in block.text().lower():
                continue
            if block.text() != expected:
                problems.append(f"{page}: light-headedness worded differently: {block.text()[:90]!r}")
    return problems


def citation_problems(site: Path, reference_keys: set[str]) -> list[str]:
    """Every link to references/#ref-KEY lands on a listed entry, and every listed source is cited."""
    listed = {n.attrs["id"] for n in read_page(site / "references/index.html").walk() if "id" in n.attrs}
    cited: set[str] = set()
    problems = []
    for page in content_pages(site):
        for link in read_page(site / page).find_all("a"):
            target, fragment = target_of(page, link.attrs.get("href", ""))
            if target != "references/index.html" or not fragment.startswith("ref-"):
                continue
            cited.add(fragment.removeprefix("ref-"))
            if fragment not in listed:
                problems.append(f"{page}: cites #{fragment}, which is not on the references page")
    problems += [f"references: {key} is listed but never cited" for key in sorted(reference_keys - cited)]
    return problems


def text_link_problems(site: Path) -> list[str]:
    """Where a page offers to "send a text", the link opens a text message (sms:) to a number the
    same page also lets you call (tel:), so "call or text" works with one tap either way."""
    problems = []
    for page in content_pages(site):
        links = read_page(site / page).find_all("a")
        calls = {
            a.attrs.get("href", "").removeprefix("tel:") for a in links if a.attrs.get("href", "").startswith("tel:")
        }
        for link in links:
            href = link.attrs.get("href", "")
            says_text = OFFER_TO_TEXT.match(link.text().lower()) is not None
            if says_text and not href.startswith("sms:"):
                problems.append(f"{page}: {link.text()!r} is not an sms: link (href {href!r})")
            number = href.removeprefix("sms:").split("?", 1)[0]
            text_only = TEXT_ONLY_NUMBER.fullmatch(number) or number in TEXT_ONLY_IN_COUNTRY_DATA
            if href.startswith("sms:") and not text_only and number not in calls:
                problems.append(f"{page}: {href} has no tel: link to the same number on the page")
    return problems


def footer_crisis_problems(site: Path) -> list[str]:
    """Every page ends, in its footer, with a link to crisis help on the safety page."""
    problems = []
    for page in content_pages(site):
        hrefs = [
            link.attrs.get("href", "") for link in read_page(site / page).find_all("a", cls="br-footer-help__crisis")
        ]
        # The 404 page links by absolute path (/breathing-room/safety/), as it is served from any address.
        targets = [target_of(page, href) if not href.startswith("/") else (href, "") for href in hrefs]
        absolute = [href for href in hrefs if href.startswith("/") and href.endswith("/safety/#crisis-help")]
        if ("safety/index.html", "crisis-help") not in targets and not absolute:
            problems.append(f"{page}: no crisis-help link in the footer (found {targets})")
    return problems
