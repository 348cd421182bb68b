"""Health numbers: a count of people, trials or sessions, or a share, cites a finding or says it is ours.

A reader trusts a number more than a word, so a paragraph, list item, table cell or definition
that states one must show where it comes from: a citation of a finding on the references page
(`](references.md#KEY-FINDING)`, from any folder depth), or the words "our own" (as in "Our own
advice: ..."), which tell the reader the number is the site's choice, not a research finding.

What counts as a health number (documented in README.md's rules table):
- a number, in digits or words (two to twenty, the tens, hundred, thousand), then at most two
  other words, then one of UNITS: "43 young adults", "12 trials", "20 sessions", "8 weeks",
  "three to ten sessions"; a year (1900 to 2099) counts only right before its unit ("2000 people");
- a share: "44%", "44 per cent", "44 percent";
- a rate: "1 in 100", "one in every 5".
"One", singular units and plain times ("3 to 5 minutes", "4 breaths") are left alone: they are
the exercises' own instructions, which the pacer data states.

The rule reads the page's Markdown as written, before shortcodes are expanded, so anything a
shortcode shows from data/ is checked where its data are. Fenced code, headings, shortcodes,
HTML tag lines and the separator row of a table are left alone. A list (and its nested items)
right after a paragraph that says "our own" is marked by that paragraph: "Our own precaution,
if you:" followed by the list.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass

from hooks.pages.citations import CITATION
from hooks.pages.fences import prose_lines

# The first line of a failed build's group of messages, after the page's name.
NUMBER_PROBLEMS = "uncited health numbers (each cites a finding in the same block, or says it is our own)"
OWN_MARKER = re.compile(r"\bour own\b", re.IGNORECASE)

_WORD_NUMBERS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    "hundreds|thousand|thousands|million|millions|dozens?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = rf"(?:{_DIGITS}|(?:{_WORD_NUMBERS})(?:-(?:{_WORD_NUMBERS}|one))?)"
UNITS = (
    "people|persons|adults|children|patients|participants|volunteers|men|women|"
    "trials|rcts|studies|sessions|treatments|weeks|months|years"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
# A number, then at most two words that are not numbers themselves, then a unit.
_COUNT = re.compile(
    rf"(?<![Nn]o )\b(?P<number>{NUMBER})(?:[ \t]+(?:to|or|and|-)[ \t]+{NUMBER})?"
    rf"(?P<between>(?:[ \t]+(?!{NUMBER}\b)[\w'-]+){{0,2}}?)[ \t]+(?P<unit>{UNITS})\b",
    re.IGNORECASE,
)
_SHARE = re.compile(rf"\b{NUMBER}[ \t]*(?:%|per[ \t]?cent\b|percent\b)", re.IGNORECASE)
_RATE = re.compile(
    rf"\b(?:{NUMBER}|one)(?:[ \t]+[\w'-]+){{0,2}}?[ \t]+in[ \t]+(?:every[ \t]+)?(?!(?:19|20)\d\d\b){NUMBER}\b",
    re.IGNORECASE,
)

_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]")
_LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|\d+[.)])[ \t]+")
_DEFINITION = re.compile(r"^[ \t]*:[ \t]+")
_TABLE_ROW = re.compile(r"^[ \t]*\|")
_TABLE_SEPARATOR = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_HTML_LINE = re.compile(r"^[ \t]*</?[A-Za-z][^>]*>[ \t]*$|^[ \t]*<!--.*-->[ \t]*$")
_ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True)
class Block:
    """One unit of prose a reader takes in at once; `kind` is paragraph, item, cell or definition."""

    kind: str
    lines: tuple[tuple[int, str], ...]  # (source line, text of that line in the block)

    @property
    def text(self) -> str:
        return " ".join(text.strip() for _, text in self.lines)


def health_number(text: str) -> str | None:
    """The first health number in `text`, as written, or None."""
    found: list[re.Match[str]] = []
    for match in _COUNT.finditer(text):
        is_year = _YEAR.fullmatch(match["number"]) is not None
        if is_year and match["between"].strip():
            continue  # "a 2020 review of people": a year, not a count
        found.append(match)
        break
    for pattern in (_SHARE, _RATE):
        share = pattern.search(text)
        if share:
            found.append(share)
    if not found:
        return None
    first = min(found, key=lambda match: match.start())
    return " ".join(first.group(0).split())


def _cells(number: int, line: str) -> Iterator[Block]:
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    for cell in _CELL_SPLIT.split(row):
        if cell.strip():
            yield Block("cell", ((number, cell),))


def blocks(markdown: str, first_line: int = 1) -> Iterator[tuple[Block, bool]]:
    """Each prose block of a page's Markdown body, with whether a lead-in paragraph says "our own"
    for it (a list right after such a paragraph)."""
    current: list[tuple[int, str]] = []
    kind = "paragraph"
    lead_in_marked = False  # the paragraph just before a list said "our own"
    in_list = False

    def flush() -> Iterator[tuple[Block, bool]]:
        nonlocal current, lead_in_marked
        if current:
            block = Block(kind, tuple(current))
            yield block, in_list and lead_in_marked
            if kind == "paragraph" and not in_list:
                lead_in_marked = OWN_MARKER.search(block.text) is not None
        current = []

    for number, line in prose_lines(markdown, first_line):
        if not line.strip():
            yield from flush()
            continue
        if _HEADING.match(line) or _HTML_LINE.match(line) or _ADMONITION.match(line):
            yield from flush()
            in_list, lead_in_marked = False, False
            continue
        if _TABLE_ROW.match(line):
            yield from flush()
            in_list, lead_in_marked = False, False
            if not _TABLE_SEPARATOR.match(line):
                for cell in _cells(number, line):
                    yield cell, False
            continue
        item = _LIST_ITEM.match(line)
        definition = _DEFINITION.match(line)
        if item or definition:
            yield from flush()
            kind = "item" if item else "definition"
            in_list = item is not None
            current = [(number, line[(item or definition).end() :])]  # type: ignore[union-attr]
            continue
        if not current:
            indented = line.startswith(("    ", "\t"))
            if not indented:
                in_list = False  # a paragraph at the margin ends any list
            kind = "item" if in_list and indented else "paragraph"
        current.append((number, line))
    yield from flush()


def number_problems(markdown: str, first_line: int = 1, allowed: Collection[str] = ()) -> list[str]:
    """Every block that states a health number with no citation and no "our own" in it (or in the
    lead-in of its list), unless its text is one of `allowed`; messages without the file name, as
    the other page rules give them."""
    problems = []
    for block, marked_by_lead_in in blocks(markdown, first_line):
        text = block.text
        found = health_number(text)
        if found is None or marked_by_lead_in or CITATION.search(text) or OWN_MARKER.search(text):
            continue
        if text in allowed:
            continue
        line = next((number for number, part in block.lines if health_number(part)), block.lines[0][0])
        excerpt = text if len(text) <= 90 else text[:87] + "..."
        problems.append(
            f'line {line}: {_KIND_NAMES[block.kind]} "{excerpt}" states the health number "{found}" with no '
            "citation; allowed: a citation of a finding in the same "
            f"{_KIND_NAMES[block.kind]}, e.g. [Ma 2017](references.md#ma-2017-design), or the words "
            '"our own" in it, e.g. "Our own advice: ..."'
        )
    return problems


# Blocks that may break the rule for now, by page: none since the options pages' tables and cards
# are rendered from data/options.yml, whose own rule holds each number to the quote it cites
# (hooks/content/options.py). An entry must still fail without it (tests/test_number_rule.py).
ALLOWED_FOR_NOW: Mapping[str, frozenset[str]] = {}

_KIND_NAMES = {"paragraph": "paragraph", "item": "list item", "cell": "table cell", "definition": "definition"}
