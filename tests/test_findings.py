"""Findings and citations as plain functions: the data rules, the scan of a page's Markdown, the
site-wide checks and the references page's markup. The build runs the same functions (see
test_citations_build.py for each rule stopping a real build)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from hooks.content.findings import MAX_QUOTE_WORDS, BackLink, Finding
from hooks.content.problems import DataError
from hooks.content.references import validate_references
from hooks.content.site_data import load_site_data
from hooks.pages.citations import configured_slugify, index_citations, scan_page
from hooks.pages.shortcode_renderers import options_shown
from hooks.render.references import render_finding, render_reference_list
from tests.support.html import read_markup

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCE = "data/references.yml"
REAL = yaml.safe_load((REPO_ROOT / SOURCE).read_text(encoding="utf-8"))
DATA = load_site_data(REPO_ROOT / "data")
HALLER = 'data/references.yml: reference "haller-2020" (entry 9)'


def haller(data: dict) -> dict:
    return next(entry for entry in data["references"] if entry["key"] == "haller-2020")


def messages_after(change) -> list[str]:
    data = copy.deepcopy(REAL)
    change(data)
    with pytest.raises(DataError) as caught:
        validate_references(data, SOURCE)
    return caught.value.messages


def test_every_source_has_findings_with_short_quotes():
    references = validate_references(REAL, SOURCE)
    assert all(reference.findings for reference in references)
    assert all(len(f.quote.split()) <= MAX_QUOTE_WORDS for r in references for f in r.findings)


def test_a_finding_without_quote_or_where_is_refused():
    assert messages_after(lambda data: haller(data)["findings"][0].pop("quote")) == [
        f'{HALLER}, field "findings[1].quote": found nothing (the field is missing); '
        "allowed: a value (this field is required)."
    ]
    assert messages_after(lambda data: haller(data)["findings"][1].update(where=None)) == [
        f'{HALLER}, field "findings[2].where": found nothing (empty); allowed: non-empty text.'
    ]


def test_a_quote_over_forty_words_is_refused():
    long_quote = " ".join(["word"] * (MAX_QUOTE_WORDS + 1))
    assert messages_after(lambda data: haller(data)["findings"][0].update(quote=long_quote)) == [
        f'{HALLER}, field "findings[1].quote": found "41 words" (text); '
        "allowed: at most 40 words of the source (quote the words that carry the claim)."
    ]


def test_a_source_without_findings_is_refused():
    assert messages_after(lambda data: haller(data).pop("findings")) == [
        f'{HALLER}, field "findings": found nothing (the field is missing); allowed: a value (this field is required).'
    ]


def test_finding_ids_are_unique_within_a_source():
    def twice(data: dict) -> None:
        haller(data)["findings"][1]["id"] = haller(data)["findings"][0]["id"]

    assert messages_after(twice) == [
        f'{HALLER}, field "findings[2].id": found "trials" (text); allowed: an id used once in this source.'
    ]


PAGE = """---
description: x
---

# The page

A claim ([Haller 2020](references.md#haller-2020-pain-vs-sham)).

## Evidence {#evidence}

```
A fenced example ([x](references.md#not-a-finding)) is left alone.
```

### What the `trials` show

Two ([a](../references.md#ref-haller-2020)) and ([b](references.md#haller-2020-pain-vs-shan)).
"""


def test_the_scan_finds_each_citation_with_its_line_and_section():
    title, citations = scan_page("faq.md", PAGE)
    assert title == "The page"
    found = [(c.line, c.anchor, c.section_id, c.section_title) for c in citations]
    assert found == [
        (7, "haller-2020-pain-vs-sham", "", ""),
        (17, "ref-haller-2020", "what-the-trials-show", "What the trials show"),
        (17, "haller-2020-pain-vs-shan", "what-the-trials-show", "What the trials show"),
    ]


def test_section_ids_are_made_by_the_configured_slugify():
    """The toc extension may be configured to slugify its own way; back links must follow it."""
    slugify = configured_slugify(
        {"slugify": lambda text, separator: text.upper().replace(" ", separator), "separator": "_"}
    )
    _, citations = scan_page("faq.md", PAGE, slugify)
    assert [c.section_id for c in citations] == ["", "WHAT_THE_TRIALS_SHOW", "WHAT_THE_TRIALS_SHOW"]
    assert configured_slugify(None)("What the `trials` show") == "what-the-trials-show"


def test_unknown_and_bare_citations_are_named_by_page_and_line():
    index = index_citations({"faq.md": PAGE}, DATA.references, {})
    problems = [p for p in index.problems if p.startswith("docs/faq.md")]
    assert problems == [
        'docs/faq.md, line 17: cites the source "haller-2020" without naming a finding; allowed: a link to one of '
        "its findings, e.g. references.md#haller-2020-trials (its findings: haller-2020-trials, "
        "haller-2020-pain-vs-usual-care, haller-2020-pain-vs-sham, haller-2020-pain-vs-active, haller-2020-safety).",
        'docs/faq.md, line 17: cites "haller-2020-pain-vs-shan", but the source "haller-2020" has no such finding; '
        "allowed: one of haller-2020-trials, haller-2020-pain-vs-usual-care, haller-2020-pain-vs-sham, "
        "haller-2020-pain-vs-active, haller-2020-safety (or add the finding, with its quote, to data/references.yml).",
    ]


def test_a_finding_nothing_cites_is_named_by_its_entry():
    index = index_citations({"faq.md": PAGE}, DATA.references, {})
    assert (
        'data/references.yml: reference "haller-2020", finding "safety": nothing on the site cites it; allowed: a '
        "finding that a page cites as references.md#haller-2020-safety, or remove it." in index.problems
    )
    assert not any('finding "pain-vs-sham"' in problem for problem in index.problems)


def test_the_real_site_has_no_citation_problems_and_exercises_count_as_citations():
    pages = {
        p.relative_to(REPO_ROOT / "docs").as_posix(): p.read_text("utf-8") for p in (REPO_ROOT / "docs").rglob("*.md")
    }
    index = index_citations(pages, DATA.references, DATA.exercises, shown_by=options_shown(DATA.options))
    assert index.problems == []
    places = {(c.page, c.section_id) for c in index.cited_at["ma-2017-attention"]}
    assert ("exercises/diaphragmatic.md", "exercise-diaphragmatic") in places


def test_back_links_name_page_and_section_once_each():
    index = index_citations(
        {"faq.md": PAGE + "\nAgain ([H](references.md#haller-2020-pain-vs-sham)).\n"}, DATA.references, {}
    )
    links = index.back_links(lambda page: page.replace(".md", "/"))
    assert links["haller-2020-pain-vs-sham"] == [
        BackLink("The page", "faq/"),
        BackLink("The page: What the trials show", "faq/#what-the-trials-show"),
    ]


def test_a_section_named_as_its_page_gets_no_second_link_a_reader_could_not_tell_apart():
    page = PAGE + "\n## The page {#again}\n\nAgain ([H](references.md#haller-2020-pain-vs-sham)).\n"
    links = index_citations({"faq.md": page}, DATA.references, {}).back_links(lambda page: page.replace(".md", "/"))
    assert links["haller-2020-pain-vs-sham"] == [BackLink("The page", "faq/")]


def test_a_finding_renders_its_quote_where_limits_and_back_links_escaped():
    finding = Finding("x-2020", "claim", "Says <b>this</b>.", "Abstract", "Not <i>that</i>.")
    markup = render_finding("X 2020", finding, [BackLink("Page <one>", "page/#a&b")])
    root = read_markup(markup)
    assert root.xpath("//h3/@id") == ["x-2020-claim"]
    assert root.xpath("string(//blockquote)") == "Says <b>this</b>."
    assert "Where in the source: Abstract" in root.text_content()
    assert "What it does not show: Not <i>that</i>." in root.text_content()
    assert root.xpath("//p[@class='br-finding__cited']/a/@href") == ["page/#a&b"]
    assert not root.xpath("//b | //i")


def test_the_references_page_lists_every_source_and_finding_under_its_own_heading():
    root = read_markup(render_reference_list(list(DATA.references.values()), {}))
    ids = set(root.xpath("//h2/@id")) | set(root.xpath("//h3/@id"))
    expected = {f"ref-{key}" for key in DATA.references} | {
        f.anchor for reference in DATA.references.values() for f in reference.findings
    }
    assert ids == expected
    assert len(root.xpath("//blockquote")) == sum(len(r.findings) for r in DATA.references.values())
