"""Tables that stay tables for a screen reader when a phone shows them as cards.

On a narrow screen site.css shows a table of three columns or more as one card per row, with each
value under its column's name. Changing a table's `display` makes some browsers (WebKit, so
Safari) drop its table semantics, so the build writes them down: ARIA roles on the table and
its parts, and each cell's column name in `data-label`, which the card shows. Works on the ElementTree a Markdown table
becomes (the Python-Markdown adapter runs it on every page, under either generator).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

# A table this wide becomes cards on a narrow screen; two columns fit a phone as they are.
CARDS_FROM_COLUMNS = 3
# Python-Markdown's placeholders for stashed text (\x02...\x03), left in text until its last step.
_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")


def header_text(cell: Element) -> str:
    """A header cell's words, as one line (links and emphasis kept as their text)."""
    return " ".join(_PLACEHOLDER.sub("", "".join(cell.itertext())).split())


def _children(element: Element, *tags: str) -> list[Element]:
    return [child for child in element if child.tag in tags]


def label_table(table: Element) -> None:
    """Give `table` its roles and each body cell its column's name; mark it for cards when wide."""
    head = next(iter(_children(table, "thead")), None)
    header_row = next(iter(_children(head, "tr")), None) if head is not None else None
    names = [header_text(cell) for cell in _children(header_row, "th", "td")] if header_row is not None else []
    table.set("role", "table")
    if len(names) >= CARDS_FROM_COLUMNS:
        table.set("data-layout", "cards")
    for section in _children(table, "thead", "tbody", "tfoot"):
        section.set("role", "rowgroup")
        for row in _children(section, "tr"):
            row.set("role", "row")
            for column, cell in enumerate(_children(row, "th", "td")):
                if section.tag == "thead":
                    cell.set("role", "columnheader")
                    continue
                cell.set("role", "rowheader" if cell.tag == "th" else "cell")
                if column < len(names) and names[column]:
                    cell.set("data-label", names[column])


def label_tables(root: Element) -> int:
    """Every table under `root` (a page's tree), labelled; returns how many."""
    tables = list(root.iter("table"))
    for table in tables:
        label_table(table)
    return len(tables)
