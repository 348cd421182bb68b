"""Rules that protect a reader, checked on every built page as the reader will get it.

Each rule reads one page (its site-relative path and its parsed tree) and returns messages that
quote what it found, so a maintainer can search the source for it. They run as the build's last
step, under MkDocs and Zensical alike, so a site that breaks one is never published.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from urllib.parse import urljoin, urlsplit

from hooks.pages.html_tree import NOT_PROSE, Node, article

PROSE_BLOCKS = {"p", "li", "dd", "dt", "td", "th"}
# Crisis and emergency numbers as the pages write them (UK, EU, US, Canada, Samaritans, NHS 111):
# each must be a tel: link to itself, so a reader in distress can call with one tap. "NHS 111"
# names the service, not an offer to call, so it is left out.
# A number on its own, not a group inside a longer spaced number ("1800 111 888").
CRISIS_NUMBER = re.compile(r"(?<![\d-])(?<!\d )(?<!NHS )(999|112|911|988|111|116 ?123)(?![\d-])(?! \d)")
# Services you can only text (Shout in the UK, Text About It in Ireland): each must be an sms:
# link to itself, and there is no number to call, so no tel: link is expected beside it.
TEXT_ONLY_NUMBER = re.compile(r"(?<![\d-])(85258|50808)(?![\d-])")
# Link words that offer to open a text message ("send a text", "Text 988"), not a service's name.
OFFER_TO_TEXT = re.compile(r"send a text|text \d")
# The references page names services in its citations ("Shout 85258. FAQ."): titles, not offers to call.
REFERENCES_PAGE = "references/index.html"
_DIGIT = re.compile(r"\d")
# Any origin will do: it only anchors relative links while urljoin resolves them.
_ORIGIN = "http://site.invalid/"

PageRule = Callable[[str, Node], list[str]]


def _resolved(page: str, href: str) -> tuple[str, str]:
    """The path (from the site's root, with no leading slash) and fragment a link leads to."""
    parts = urlsplit(urljoin(_ORIGIN + page, href))
    return parts.path.lstrip("/"), parts.fragment


def _is_page(path: str, page: str) -> bool:
    """Whether `path` (as _resolved gives it) is the built page `page` ("safety/index.html")."""
    folder = page.removesuffix("index.html")
    return path.endswith(page) or (folder != "" and path.endswith(folder))


def _dials_in_block(node: Node) -> set[str]:
    """The numbers that tel: and sms: links dial in the paragraph or list item holding `node`."""
    block = next((outer for outer in [node, *node.ancestors()] if outer.tag in PROSE_BLOCKS), None)
    if block is None:
        return set()
    hrefs = [link.attrs.get("href", "") for link in block.find_all("a")]
    return {href.split(":", 1)[1].split("?", 1)[0] for href in hrefs if href.startswith(("tel:", "sms:"))}


def crisis_number_problems(page: str, root: Node, data_numbers: re.Pattern[str] | None = None) -> list[str]:
    """Every crisis or emergency number is a tel: link to itself; a text-only line, an sms: link.
    `data_numbers` matches the numbers of data/countries.yml as written, which must be links too."""
    if page == REFERENCES_PAGE:
        return []
    problems = []
    for node in root.walk(skip=NOT_PROSE):  # what a reader reads
        # "Text 988" on an sms: link is as tappable as "988" on a tel: link; a prefilled
        # keyword (sms:85258?body=SHOUT) does not change the number.
        href = node.attrs.get("href", "") if node.tag == "a" else ""
        scheme, _, target = href.partition(":")
        dial = target.split("?", 1)[0] if scheme in {"tel", "sms"} else ""
        for child in node.children:
            if not isinstance(child, str) or not _DIGIT.search(child):
                continue  # every number these rules look for has a digit
            for match in CRISIS_NUMBER.finditer(child):
                number = match.group(1)
                if dial != number.replace(" ", ""):
                    problems.append(f'"{number}" is not a tel: link to that number (in "{child.strip()[:60]}")')
            for match in data_numbers.finditer(child) if data_numbers else ():
                number = match.group(0)
                # A service named after its number ("Need to talk? 1737") is fine where the same
                # line lets the reader tap that number.
                if re.sub(r"[^0-9+]", "", number) not in {dial, *_dials_in_block(node)}:
                    problems.append(f'"{number}" is not a tel: or sms: link to that number (in "{child.strip()[:60]}")')
            for match in TEXT_ONLY_NUMBER.finditer(child):
                number = match.group(1)
                if scheme != "sms" or dial != number:
                    problems.append(f'"{number}" is not an sms: link to that number (in "{child.strip()[:60]}")')
    return problems


def text_link_problems(page: str, root: Node, text_only: frozenset[str] = frozenset()) -> list[str]:
    """Where a page offers to "send a text", the link opens a text message (sms:) to a number the
    same page also lets you call (tel:), so "call or text" works with one tap either way; a line
    you can only text (`text_only`, from data/countries.yml) needs no call link."""
    problems = []
    links = root.find_all("a")
    calls = {a.attrs.get("href", "").removeprefix("tel:") for a in links if a.attrs.get("href", "").startswith("tel:")}
    for link in links:
        href = link.attrs.get("href", "")
        if OFFER_TO_TEXT.match(link.text().lower()) and not href.startswith("sms:"):
            problems.append(f'the link "{link.text()}" offers a text but is not an sms: link (href "{href}")')
        number = href.removeprefix("sms:").split("?", 1)[0]
        texted_only = TEXT_ONLY_NUMBER.fullmatch(number) or number in text_only
        if href.startswith("sms:") and not texted_only and number not in calls:
            problems.append(f"{href} has no tel: link to the same number on the page, for readers who cannot text")
    return problems


def practitioners_say_problems(page: str, root: Node) -> list[str]:
    """A sentence saying what practitioners say names whose claim it is: its paragraph or list item
    links to a source on the references page."""
    problems = []
    for block in article(root).walk():
        if block.tag not in PROSE_BLOCKS or "practitioners say" not in block.text().lower():
            continue
        if any(inner.tag in PROSE_BLOCKS for inner in block.walk() if inner is not block):
            continue  # judged at the innermost block
        if any("br-references" in outer.classes for outer in block.ancestors()):
            continue  # an entry in the list of sources is a source, not a claim
        cites = False
        for link in block.find_all("a"):
            path, fragment = _resolved(page, link.attrs.get("href", ""))
            cites = cites or (_is_page(path, REFERENCES_PAGE) and fragment != "")
        if not cites:
            problems.append(f'"practitioners say" with no citation in the same paragraph: "{block.text()[:80]}"')
    return problems


def light_headed_rule_problems(rule_text: str) -> PageRule:
    """The light-headedness rule is worded the same wherever a page mentions light-headedness, so
    a reader never meets two versions of what to do."""
    expected = " ".join(rule_text.split())

    def check(page: str, root: Node) -> list[str]:
        return [
            f'light-headedness worded differently from data/cautions.yml: "{block.text()[:90]}"'
            for block in article(root).walk()
            if block.tag in PROSE_BLOCKS
            and "light-headed" in block.text().lower()
            and block.text() != expected
            # A quote on the references page is the source's wording, not ours.
            and not any("br-references" in outer.classes for outer in block.ancestors())
        ]

    return check


def footer_crisis_problems(page: str, root: Node) -> list[str]:
    """Every page ends, in its footer, with a link to crisis help on the safety page."""
    for link in root.find_all("a", cls="br-footer-help__crisis"):
        path, fragment = _resolved(page, link.attrs.get("href", ""))
        if _is_page(path, "safety/index.html") and fragment == "crisis-help":
            return []
    return ['no link to crisis help (safety page, #crisis-help) in the footer (class "br-footer-help__crisis")']


def written_numbers(numbers: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern for phone numbers as the data writes them ("13 11 14"), standing on their own."""
    written = sorted({number for number in numbers if len(re.sub(r"[^0-9]", "", number)) > 3}, key=len, reverse=True)
    if not written:
        return None
    return re.compile(r"(?<![\d-])(?:" + "|".join(re.escape(number) for number in written) + r")(?![\d-])")


def page_rules(
    light_headed: str, numbers: Iterable[str] = (), text_only: frozenset[str] = frozenset()
) -> list[PageRule]:
    """Every rule a built page must keep. `light_headed` is the one wording from data/cautions.yml;
    `numbers` are the country data's numbers as written, and `text_only` those you can only text."""
    data_numbers = written_numbers(numbers)
    return [
        lambda page, root: crisis_number_problems(page, root, data_numbers),
        lambda page, root: text_link_problems(page, root, text_only),
        practitioners_say_problems,
        light_headed_rule_problems(light_headed),
        footer_crisis_problems,
    ]
