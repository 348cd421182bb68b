"""Tables keep their meaning on a phone: every table gets ARIA roles and each body cell its
column's name (hooks/pages/table_roles.py), under both generators' Markdown (the adapter in
hooks/markdown_extension.py); a table of three columns or more is marked to become cards."""

from __future__ import annotations

import markdown

from hooks.markdown_extension import TableRolesExtension
from hooks.pages.table_roles import label_tables

THREE_COLUMNS = """
| Exercise | Breath *holds*? | How long |
|---|---|---|
| [Box](box.md) | Yes | 2 minutes |
| Gentle | No | 3 to 5 minutes |
"""

TWO_COLUMNS = """
| Field | What it holds |
|---|---|
| Started | The time |
"""


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", TableRolesExtension()])


def test_a_wide_table_gets_roles_labels_and_the_cards_mark() -> None:
    html = render(THREE_COLUMNS)
    assert '<table data-layout="cards" role="table">' in html
    assert html.count('<thead role="rowgroup">') == 1
    assert html.count('<tbody role="rowgroup">') == 1
    assert html.count('role="row"') == 3
    assert html.count('<th role="columnheader">') == 3
    assert '<td data-label="Exercise" role="cell"><a href="box.md">Box</a></td>' in html
    assert '<td data-label="Breath holds?" role="cell">No</td>' in html
    assert html.count('data-label="How long" role="cell"') == 2


def test_a_two_column_table_stays_a_table_but_keeps_its_roles() -> None:
    html = render(TWO_COLUMNS)
    assert '<table role="table">' in html
    assert "data-layout" not in html
    assert '<td data-label="What it holds" role="cell">The time</td>' in html


def test_the_zensical_extension_labels_tables_too() -> None:
    # ShortcodeExtension (what zensical.yml lists) registers the same tree step.
    from hooks.markdown_extension import ShortcodeExtension

    md = markdown.Markdown(extensions=["tables", ShortcodeExtension()])
    assert "breathing_room_table_roles" in md.treeprocessors
    assert 'data-label="How long"' in md.convert(THREE_COLUMNS)


def test_label_tables_counts_and_leaves_a_page_without_tables_alone() -> None:
    from xml.etree.ElementTree import fromstring

    page = fromstring("<div><p>No table here.</p></div>")
    assert label_tables(page) == 0
    assert page.find("p").attrib == {}  # type: ignore[union-attr]


def test_the_mkdocs_build_writes_the_roles_into_every_table(built_site):
    from tests.support.html import read_page

    for page in ("exercises/index.html", "options/index.html", "practice/index.html"):
        tables = read_page(built_site / page).xpath("//article//table")
        assert tables, page
        for table in tables:
            assert table.get("role") == "table", page
            cells = table.xpath(".//tbody//td")
            assert cells, page
            assert all(cell.get("role") == "cell" and cell.get("data-label") for cell in cells), page
