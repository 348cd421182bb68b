"""Every citation lands on the words of its source: each build rule stops a real build of a copy
broken on purpose, with a message naming the page and line or the data entry; the built
references page shows every quote, links back to every citing place, and previews are on."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from lxml.html import HtmlElement

from hooks.content.site_data import DATA_PROBLEMS, load_site_data
from hooks.pages.citations import CITATION_PROBLEMS
from hooks.pipeline import BuildError
from tests.support.build import build_copy, build_with_zensical, copy_site, replace_in
from tests.support.html import element_ids, read_page
from tests.support.paths import DATA_DIR, REPO_ROOT
from tests.support.pipeline import data_problems, learn_problems, replaced, site_pages, start

DATA = load_site_data(DATA_DIR)
FINDINGS = {finding.anchor: finding for reference in DATA.references.values() for finding in reference.findings}
SITE_PATH = "/breathing-room/"
FIRST_FINDING = next(iter(FINDINGS))


def findings_of(source: str) -> str:
    return ", ".join(finding.anchor for finding in DATA.references[source].findings)


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    return copy_site(tmp_path)


# The build runs the citation rules: one build, every problem located, nothing published -----


@pytest.mark.build
def test_citations_that_land_on_no_finding_stop_the_build(site_copy):
    faq_line = replace_in(site_copy / "docs/faq.md", "#lewis-2020-first-line", "#lewis-2020-first-lines")
    box_line = replace_in(site_copy / "docs/exercises/box.md", "#balban-2023-remote-trial", "#ref-balban-2023")
    result = build_copy(site_copy)
    assert result.returncode != 0, "the build should have stopped"
    for message in (
        CITATION_PROBLEMS,
        f'docs/faq.md, line {faq_line}: cites "lewis-2020-first-lines", but the source "lewis-2020" has no such finding;',
        f'docs/exercises/box.md, line {box_line}: cites the source "balban-2023" without naming a finding;',
    ):
        assert message in result.stderr, f"{message!r} not in:\n{result.stderr}"
    assert not (site_copy / "site").exists(), "nothing may be published"


# Citations in pages, in-process -------------------------------------------------------------


def test_a_citation_of_a_finding_that_does_not_exist_is_refused():
    pages = site_pages()
    line = replaced(pages, "faq.md", "#lewis-2020-first-line", "#lewis-2020-first-lines")
    assert learn_problems(pages) == (
        f"{CITATION_PROBLEMS}\n"
        f'docs/faq.md, line {line}: cites "lewis-2020-first-lines", but the source "lewis-2020" has no such finding; '
        f"allowed: one of {findings_of('lewis-2020')} (or add the finding, with its quote, to data/references.yml)."
    )


def test_a_citation_of_a_source_that_does_not_exist_is_refused():
    pages = site_pages()
    line = replaced(pages, "ser.md", "#hyman-1996-imagery-false-events", "#hymen-1997-imagery")
    assert learn_problems(pages) == (
        f"{CITATION_PROBLEMS}\n"
        f'docs/ser.md, line {line}: cites "hymen-1997-imagery", which is no finding in data/references.yml; '
        f"allowed: references.md#SOURCE-FINDING, e.g. references.md#{FIRST_FINDING}."
    )


def test_a_citation_of_a_source_without_a_finding_is_refused():
    pages = site_pages()
    line = replaced(pages, "exercises/box.md", "#balban-2023-remote-trial", "#ref-balban-2023")
    assert learn_problems(pages) == (
        f"{CITATION_PROBLEMS}\n"
        f'docs/exercises/box.md, line {line}: cites the source "balban-2023" without naming a finding; '
        f"allowed: a link to one of its findings, e.g. references.md#{DATA.references['balban-2023'].findings[0].anchor} "
        f"(its findings: {findings_of('balban-2023')}).\n"
        # box.md was the one page citing that finding, so the rule that every finding is cited speaks too.
        'data/references.yml: reference "balban-2023", finding "remote-trial": nothing on the site cites it; '
        "allowed: a finding that a page cites as references.md#balban-2023-remote-trial, or remove it."
    )


def test_a_finding_that_nothing_cites_is_refused(tmp_path):
    data = shutil.copytree(DATA_DIR, tmp_path / "data")
    replace_in(
        data / "references.yml",
        "      - id: no-extra-benefit\n",
        "      - id: unused\n        quote: A sentence nobody cites.\n        where: Abstract\n      - id: no-extra-benefit\n",
    )
    with pytest.raises(BuildError) as refused:
        start(data_dir=data)
    assert str(refused.value) == (
        f"{CITATION_PROBLEMS}\n"
        'data/references.yml: reference "andersen-2020", finding "unused": nothing on the site cites it; '
        "allowed: a finding that a page cites as references.md#andersen-2020-unused, or remove it."
    )


def test_an_exercise_citing_an_unknown_finding_is_refused(tmp_path):
    message = data_problems(tmp_path, "exercises.yml", "[balban-2023-cyclic-sighing-best]", "[balban-2023]")
    assert message.startswith(DATA_PROBLEMS + "\n")
    assert (
        'data/exercises.yml: exercise "box" (entry 3), field "references[1]": found "balban-2023" (text); '
        "allowed: a finding defined in data/references.yml (SOURCE-FINDING)" in message
    )


# Findings in the data, in-process -----------------------------------------------------------


def finding_line(removed: str) -> int:
    """The line of the finding (its "- id:") that holds `removed`, in data/references.yml: where the
    build places a problem with one of that finding's fields."""
    lines = (DATA_DIR / "references.yml").read_text(encoding="utf-8").splitlines()
    index = lines.index(removed.rstrip("\n"))
    while not lines[index].lstrip().startswith("- id:"):
        index -= 1
    return index + 1


def test_a_finding_without_a_quote_is_refused(tmp_path):
    quote = '        quote: "Five of the 10 RCTs reported safety data. No serious adverse events occurred."\n'
    message = data_problems(tmp_path, "references.yml", quote, "")
    assert message == (
        f"{DATA_PROBLEMS}\n"
        'data/references.yml: reference "haller-2020" (entry 9), field "findings[5].quote": found nothing '
        f"(the field is missing); allowed: a value (this field is required). (line {finding_line(quote)})"
    )


def test_a_finding_without_where_is_refused(tmp_path):
    where = "        where: Abstract, Conclusions\n"
    message = data_problems(tmp_path, "references.yml", where, "")
    assert message == (
        f"{DATA_PROBLEMS}\n"
        'data/references.yml: reference "andersen-2020" (entry 1), field "findings[1].where": found nothing '
        f"(the field is missing); allowed: a value (this field is required). (line {finding_line(where)})"
    )


def test_a_quote_over_forty_words_is_refused(tmp_path):
    message = data_problems(
        tmp_path,
        "references.yml",
        "No serious adverse events occurred.",
        "No serious adverse events occurred." + " Padding" * 30,
    )
    assert message.startswith(
        f"{DATA_PROBLEMS}\n"
        'data/references.yml: reference "haller-2020" (entry 9), field "findings[5].quote": found "43 words" (text); '
        "allowed: at most 40 words of the source"
    )


# The references page, as built --------------------------------------------------------------


def references_page(built_site: Path) -> HtmlElement:
    return read_page(built_site / "references/index.html")


def test_every_finding_shows_its_quote_and_where_under_its_own_heading(built_site):
    root = references_page(built_site)
    for anchor, finding in FINDINGS.items():
        headings = root.xpath(f"//h3[@id='{anchor}']")
        assert len(headings) == 1, anchor
        block = headings[0].getparent()
        assert " ".join(block.xpath("string(.//blockquote)").split()) == finding.quote, anchor
        assert f"Where in the source: {finding.where}" in block.text_content(), anchor
        if finding.does_not_show:
            assert f"What it does not show: {finding.does_not_show}" in block.text_content(), anchor


def test_every_finding_links_back_to_places_that_exist_and_cite_it(built_site):
    root = references_page(built_site)
    page_url = SITE_PATH + "references/"
    for anchor in FINDINGS:
        block = root.xpath(f"//h3[@id='{anchor}']")[0].getparent()
        backs = block.xpath(".//p[@class='br-finding__cited']/a/@href")
        assert backs, f"{anchor} has no links back"
        for href in backs:
            target = urlsplit(urljoin(page_url, str(href)))
            relative = target.path.removeprefix(SITE_PATH)
            built = built_site / relative / "index.html" if not relative.endswith(".html") else built_site / relative
            assert built.is_file(), f"{anchor}: {href} -> no page {built}"
            citing = read_page(built)
            if target.fragment:
                assert target.fragment in element_ids(citing), f"{anchor}: {href} -> no id {target.fragment}"
            cited = [str(h) for h in citing.xpath("//a/@href") if str(h).endswith(f"references/#{anchor}")]
            assert cited, f"{anchor}: {href} does not cite it"


def test_the_back_link_of_a_section_names_page_and_section(built_site):
    root = references_page(built_site)
    block = root.xpath("//h3[@id='haller-2020-pain-vs-sham']")[0].getparent()
    links = {a.text_content(): a.get("href") for a in block.xpath(".//p[@class='br-finding__cited']/a")}
    assert links["What SomatoEmotional Release is: Studies of CranioSacral Therapy"] == "../ser/#evidence-cst"


def test_every_citation_in_a_page_asks_for_an_instant_preview(built_site):
    """Material shows the finding in place on hover or focus for links with data-preview; a tap
    still follows the link (the attribute changes nothing else)."""
    citations = 0
    for page in sorted(built_site.rglob("index.html")):
        if page.parent.name == "references":
            continue
        for link in read_page(page).xpath("//article//a[contains(@href, 'references/#')]"):
            citations += 1
            assert link.get("data-preview") is not None, f"{page}: {link.get('href')}"
    assert citations > 80


def test_previews_are_configured_and_supported_by_the_pinned_material():
    config = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = yaml.load(config.split("markdown_extensions:", 1)[1].split("\nplugins:", 1)[0], Loader=yaml.SafeLoader)
    preview = next(
        item["material.extensions.preview"]
        for item in extensions
        if isinstance(item, dict) and "material.extensions.preview" in item
    )
    assert preview["targets"]["include"] == ["references.md"]
    pinned = re.search(r"^mkdocs-material==(\S+)", (REPO_ROOT / "requirements.txt").read_text(), re.MULTILINE)
    assert pinned and tuple(int(part) for part in pinned.group(1).split(".")[:2]) >= (9, 7)


def test_the_theme_script_reads_data_preview(built_site):
    bundles = list((built_site / "assets/javascripts").glob("bundle.*.min.js"))
    assert bundles and any('hasAttribute("data-preview")' in bundle.read_text(encoding="utf-8") for bundle in bundles)


@pytest.mark.build
def test_zensical_stops_on_a_bare_citation_with_the_mkdocs_message(site_copy):
    """Zensical ignores MkDocs hooks; the Python-Markdown extension runs the same citation rules."""
    line = replace_in(site_copy / "docs/exercises/box.md", "#balban-2023-remote-trial", "#ref-balban-2023")
    message = f'docs/exercises/box.md, line {line}: cites the source "balban-2023" without naming a finding;'
    zensical = build_with_zensical(site_copy)
    assert zensical.returncode != 0
    assert CITATION_PROBLEMS in zensical.stdout + zensical.stderr
    assert message in zensical.stdout + zensical.stderr
    assert not list((site_copy / "site-zensical").rglob("index.html")), "no page may be written"


@pytest.mark.build
def test_back_links_use_the_heading_ids_of_the_configured_slugify(site_copy):
    """A site whose toc extension slugifies headings its own way (here keeping accents, where the
    default drops them) gets back links to the ids its headings really have."""
    replace_in(
        site_copy / "mkdocs.yml",
        "  - toc:\n",
        "  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n",
    )
    faq = site_copy / "docs/faq.md"
    cite = "A study ([Haller 2020](references.md#haller-2020-pain-vs-sham)).\n"
    faq.write_text(faq.read_text(encoding="utf-8") + "\n## Études récentes\n\n" + cite, encoding="utf-8")
    result = build_copy(site_copy)
    assert result.returncode == 0, result.stderr
    assert "études-récentes" in element_ids(read_page(site_copy / "site/faq/index.html"))
    block = references_page(site_copy / "site").xpath("//h3[@id='haller-2020-pain-vs-sham']")[0].getparent()
    links = {a.text_content(): a.get("href") for a in block.xpath(".//p[@class='br-finding__cited']/a")}
    assert links["Questions people ask: Études récentes"] == "../faq/#études-récentes"
