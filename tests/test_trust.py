"""What a careful reader checks, on the built site: hold cautions beside every pacer with a hold,
one light-headedness rule, crisis numbers you can tap, the options page linked where decisions
are made, and no "practitioners say" without a source. The reader's rules live in the build
(hooks/pages/built_rules.py): here they are run on the built site, on copies broken on purpose to
show each can fail, and through `mkdocs build` to show the build applies them."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from hooks.content.exercises import has_hold
from hooks.content.site_data import DATA_PROBLEMS, load_site_data
from hooks.finish import built_page_problems
from hooks.pipeline import BuildError
from hooks.render.cautions import crisis_line
from tests.support.build import build_copy, copy_site, replace_in
from tests.support.html import read_markup, read_page
from tests.support.pipeline import LOCAL_EXTRA, expand, render, site_pages, start
from tests.support.site_checks import article_words, citation_problems, hold_caution_problems, links_to

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA = load_site_data(REPO_ROOT / "data")
HOLDS = {key for key, exercise in DATA.exercises.items() if has_hold(exercise)}
HOLD_FREE = set(DATA.exercises) - HOLDS
BUILD = start()
OPTIONS_LINKED_FROM = ["index.html", "ser/index.html", "faq/index.html", "safety/index.html"]


@pytest.fixture
def broken_copy(built_site: Path, tmp_path: Path):
    """A copy of the built site; call it with (page, old, new) to break one page."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)

    def breaking(page: str, old: str, new: str) -> Path:
        path = copy / page
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {page}"
        path.write_text(text.replace(old, new), encoding="utf-8")
        return copy

    return breaking


def source_of(page: str) -> str:
    """The source in docs/ of a built page: faq/index.html <- faq.md, index.html <- index.md."""
    folder = page.removesuffix("index.html").rstrip("/")
    return f"{folder}.md" if folder else "index.md"


def holds_problems(site: Path) -> list[str]:
    return hold_caution_problems(site, HOLDS, HOLD_FREE, DATA.cautions.holds)


def reader_problems(site: Path) -> list[str]:
    """The build's own last check of every built page (hooks/finish.py)."""
    return built_page_problems(site, DATA)


def test_every_built_page_keeps_the_readers_rules(built_site):
    assert reader_problems(built_site) == []


@pytest.mark.build
def test_the_build_stops_on_pages_that_break_a_readers_rule(tmp_path):
    """`mkdocs build --strict` itself refuses the pages, naming each with its source, all at once;
    no offline copy is written. Each rule's own failures: tests/test_built_rules.py."""
    site = copy_site(tmp_path)
    breaks = [
        (
            "safety.md",
            "[116 123](tel:116123)",
            "116 123",
            'safety/index.html (from docs/safety.md): "116 123" is not a tel: link to that number',
        ),
        (
            "release.md",
            "You do not have to hold back",
            "Practitioners say you need not hold back",
            'release/index.html (from docs/release.md): "practitioners say" with no citation in the same paragraph',
        ),
        (
            "faq.md",
            "Stop and breathe normally.",
            "Stop if you are light-headed and breathe normally.",
            "faq/index.html (from docs/faq.md): light-headedness worded differently from data/cautions.yml",
        ),
    ]
    for page, old, new, _ in breaks:
        replace_in(site / "docs" / page, old, new)
    result = build_copy(site)
    assert result.returncode != 0
    assert "Built pages break rules that protect readers; nothing was published:" in result.stderr
    for *_, message in breaks:
        assert message in result.stderr
    assert not (site / "site/sw.js").exists()


# Hold cautions ------------------------------------------------------------------------------


def test_the_data_has_exercises_with_and_without_holds():
    assert HOLDS
    assert HOLD_FREE


def test_every_exercise_with_a_hold_shows_the_caution_and_links_to_hold_free_ones(built_site):
    assert holds_problems(built_site) == []


def test_hold_check_fails_when_a_caution_or_a_link_is_missing(broken_copy):
    site = broken_copy("exercises/box/index.html", 'class="br-hold-caution"', 'class="x"')
    assert any("exercise box has a hold but shows 0 hold caution lines" in p for p in holds_problems(site))
    site = broken_copy("exercises/4-7-8/index.html", "../gentle/#exercise-gentle", "../gentle/")
    assert any("exercise 4-7-8 has a hold but does not link to hold-free ['gentle']" in p for p in holds_problems(site))


def test_a_new_exercise_with_a_hold_gets_the_caution_on_its_page(tmp_path):
    """Add an exercise with a hold to the data and a page for it: the page gets the caution."""
    data = shutil.copytree(REPO_ROOT / "data", tmp_path / "data")
    with (data / "exercises.yml").open("a", encoding="utf-8") as exercises:
        exercises.write(
            "\n  - id: sigh-hold\n    title: Sigh and hold\n    summary: A test.\n    phases:\n"
            "      - {action: breathe-in, seconds: 4}\n      - {action: hold-empty, seconds: 3}\n"
            "    cycles: {default: 3, min: 1, max: 5}\n    steps: [Breathe.]\n    references: [balban-2023-cyclic-sighing-best]\n"
        )
    pages = site_pages()
    pages["exercises/sigh-hold.md"] = (
        "---\ndescription: A test page for an exercise with a breath hold, added by a test.\nreviewed: 2026-11-29\n"
        "next_review: 2027-05-29\n---\n\n# Sigh and hold\n\n<!-- md:pacer sigh-hold -->\n"
    )
    result = expand(start(pages, data_dir=data), "exercises/sigh-hold.md", pages["exercises/sigh-hold.md"])
    assert result.problems == []
    block = read_markup(result.markdown).xpath("//div[@id='exercise-sigh-hold']")[0]
    assert len(block.xpath(".//li[@class='br-hold-caution']")) == len(DATA.cautions.holds)
    linked = {str(href) for href in block.xpath(".//li[contains(@class, 'br-hold-free')]//a/@href")}
    # Each exercise without a hold, at its pacer on the page that shows it, from this page's address.
    assert linked == {f"../{exercise}/#exercise-{exercise}" for exercise in HOLD_FREE}


# Citations -------------------------------------------------------------------------------------


FINDINGS = {finding.anchor for reference in DATA.references.values() for finding in reference.findings}


def test_every_citation_resolves_and_every_finding_is_cited(built_site):
    assert citation_problems(built_site, FINDINGS) == []


def test_citation_check_fails_on_a_dangling_citation_a_bare_source_and_an_unused_finding(broken_copy):
    broken_copy("ser/index.html", "#hyman-1996-imagery-false-events", "#hyman-1996-imagery-false-event")
    site = broken_copy("faq/index.html", "#lewis-2020-first-line", "#ref-lewis-2020")
    problems = citation_problems(site, FINDINGS | {"unused-2020-finding"})
    assert "ser/index.html: cites #hyman-1996-imagery-false-event, which is not on the references page" in problems
    assert "faq/index.html: cites #ref-lewis-2020, which is a source, not one of its findings" in problems
    assert "references: unused-2020-finding is listed but never cited" in problems


# One light-headedness rule ------------------------------------------------------------------


def test_light_headedness_is_worded_the_same_everywhere(built_site):
    for page in ("safety/index.html", "exercises/index.html", "exercises/box/index.html"):
        assert " ".join(DATA.cautions.light_headed.split()) in (built_site / page).read_text(encoding="utf-8"), page


def test_light_headed_check_fails_on_a_second_wording(broken_copy):
    site = broken_copy(
        "faq/index.html", "Stop and breathe normally.", "Stop if you are light-headed and breathe normally."
    )
    assert any(p.startswith("faq/index.html: light-headedness worded differently") for p in reader_problems(site))


# Crisis numbers you can tap -----------------------------------------------------------------


def test_every_crisis_number_is_a_tel_link(built_site):
    safety = (built_site / "safety/index.html").read_text(encoding="utf-8")
    for number in ("999", "112", "911", "988", "116123"):
        assert f'href="tel:{number}"' in safety, number
    assert 'href="https://findahelpline.com"' in safety


def test_crisis_check_fails_on_a_number_that_is_not_a_link(broken_copy):
    site = broken_copy("index.html", '<a href="tel:116123">116 123</a>', "116 123")
    assert any(p.startswith('index.html: "116 123" is not a tel: link') for p in reader_problems(site))
    site = broken_copy("mind-body/index.html", 'href="tel:911"', 'href="tel:999"')
    assert any(p.startswith('mind-body/index.html: "911"') for p in reader_problems(site))


CRISIS_HELP_WHERE_NEEDED = ["release/index.html", "session/index.html", "faq/index.html", "safety/index.html"]


@pytest.mark.parametrize("where", CRISIS_HELP_WHERE_NEEDED)
def test_crisis_numbers_are_on_the_page_where_distress_is_discussed(where):
    """A reader in distress on these pages can call or text without first going to another page
    (in the page's own content, rendered in-process)."""
    text = render(BUILD, source_of(where))
    for href in ("tel:999", "tel:112", "tel:911", "tel:116123", "tel:988", "sms:988"):
        assert f'href="{href}"' in text, (where, href)


@pytest.mark.parametrize("where", [*CRISIS_HELP_WHERE_NEEDED[:3], "index.html"])
def test_the_crisis_line_comes_from_the_data_word_for_word(built_site, where):
    """The numbers are written once, in data/cautions.yml: a changed number changes every page."""
    text = (built_site / where).read_text(encoding="utf-8")
    assert text.count(crisis_line(DATA.cautions)) == 1, where


def test_text_only_lines_and_nhs_111_are_tappable_on_the_safety_page(built_site):
    safety = (built_site / "safety/index.html").read_text(encoding="utf-8")
    for href in ("sms:85258?body=SHOUT", "sms:50808?body=HELLO", "tel:111"):
        assert f'href="{href}"' in safety, href


def test_crisis_check_fails_on_a_text_only_number_that_is_not_an_sms_link(broken_copy):
    site = broken_copy("safety/index.html", 'href="sms:85258?body=SHOUT"', 'href="https://giveusashout.org"')
    assert any(p.startswith('safety/index.html: "85258" is not an sms: link') for p in reader_problems(site))
    site = broken_copy("options/index.html", '<a href="tel:111">NHS 111</a>', "NHS 111 on 111")
    assert any(p.startswith('options/index.html: "111" is not a tel: link') for p in reader_problems(site))


def test_text_link_check_fails_on_a_plain_link_or_a_lone_sms(broken_copy):
    site = broken_copy("release/index.html", 'href="sms:988"', 'href="https://988lifeline.org"')
    assert any(p.startswith('release/index.html: the link "Text 988" offers a text') for p in reader_problems(site))
    site = broken_copy("faq/index.html", 'href="tel:988"', 'href="tel:911"')
    assert any(p.startswith("faq/index.html: sms:988 has no tel: link") for p in reader_problems(site))


def test_footer_crisis_check_fails_without_the_link(broken_copy):
    site = broken_copy("options/index.html", 'class="br-footer-help__crisis"', 'class="x"')
    assert reader_problems(site) == [
        'options/index.html: no link to crisis help (safety page, #crisis-help) in the footer (class "br-footer-help__crisis")'
    ]


# The options page, linked where people decide ------------------------------------------------


@pytest.mark.parametrize("where", OPTIONS_LINKED_FROM)
def test_options_page_is_linked(where):
    """In the page's own content, rendered in-process, where links still name source files (as
    MkDocs reads them); the check on a built page: test_options_link_check_fails_without_the_link."""
    source = source_of(where)
    hrefs = read_markup(render(BUILD, source)).xpath("//a/@href")
    assert "/options/index.md" in {urlsplit(urljoin("http://site.invalid/" + source, str(href))).path for href in hrefs}


def test_options_link_check_fails_without_the_link(broken_copy):
    site = broken_copy("ser/index.html", 'href="../options/"', 'href="../ser/"')
    assert not links_to(site, "ser/index.html", "options/index.html")


# One page per reason, each short enough to finish under stress (issue 17: under about 1,500 words).
CONDITION_PAGES = ("stress", "pain", "ptsd")
CONDITION_PAGE_WORDS_MAX = 1500


def test_options_overview_has_the_three_tables_and_links_each_reason(built_site):
    text = (built_site / "options/index.html").read_text(encoding="utf-8")
    # The old page's section anchors still land, on the table for that reason.
    for section in CONDITION_PAGES:
        assert f'id="{section}"' in text, section
        assert f'href="{section}/"' in text, section
        for choice in ("guideline", "ser", "breathing", "nothing"):
            assert f'href="{section}/#{section}-{choice}"' in text, f"{section}-{choice}"
    assert text.count("<table") == 3
    assert 'id="how-to-use"' in text


@pytest.mark.parametrize("section", CONDITION_PAGES)
def test_each_condition_page_opens_with_its_table_then_cards_then_questions(section):
    text = render(BUILD, f"options/{section}.md")
    for choice in ("guideline", "ser", "breathing", "nothing"):
        assert f'id="{section}-{choice}"' in text, f"{section}-{choice}"
    assert text.count("<table") == 1
    assert text.count("<dt>What it is</dt>") == 4
    assert text.count("<dt>Effect on daily life</dt>") == 4
    order = [text.index(marker) for marker in ("<table", f'id="{section}-guideline"', 'id="what-matters"')]
    assert order == sorted(order)
    assert 'id="questions-for-a-doctor"' in text


@pytest.mark.parametrize("section", CONDITION_PAGES)
def test_each_condition_page_is_short_enough_to_finish(built_site, section):
    assert article_words(built_site / f"options/{section}/index.html") < CONDITION_PAGE_WORDS_MAX


def test_the_length_check_counts_the_article_words(tmp_path):
    page = tmp_path / "index.html"
    body = " ".join(["word"] * CONDITION_PAGE_WORDS_MAX)
    page.write_text(f"<html><body><nav>menu words</nav><article>{body}</article></body></html>", encoding="utf-8")
    assert article_words(page) == CONDITION_PAGE_WORDS_MAX


# "Practitioners say" always names a source --------------------------------------------------


def test_practitioners_say_always_cites_a_source(built_site):
    assert "Practitioners say" in (built_site / "session/index.html").read_text(encoding="utf-8")


def test_practitioners_say_check_fails_without_a_citation(broken_copy):
    site = broken_copy("release/index.html", "You do not have to hold back", "Practitioners say you need not hold back")
    assert any(p.startswith('release/index.html: "practitioners say" with no citation') for p in reader_problems(site))


# Authority: named editors and reviewers come from config and front matter ---------------------


def test_about_page_says_plainly_that_no_editor_is_named_yet(built_site):
    about = (built_site / "about/index.html").read_text(encoding="utf-8")
    assert "No named editor is listed yet." in about
    assert "No doctor, nurse or other clinician has reviewed this site yet." in about


def test_editors_in_config_appear_on_the_about_page():
    build = start(extra={**LOCAL_EXTRA, "editors": ["Ada Example"]})
    about = expand(build, "about.md").markdown
    assert "Ada Example edits this site and is responsible for what it says." in about
    assert "No named editor" not in about


def test_a_bad_list_of_editors_stops_the_build():
    with pytest.raises(BuildError) as refused:
        start(extra={**LOCAL_EXTRA, "editors": [""]})
    assert str(refused.value) == (
        f'{DATA_PROBLEMS}\nmkdocs.yml: field "extra.editors[1]": found "" (text); allowed: a name as non-empty text.'
    )


def test_an_empty_reviewer_stops_the_build_with_its_page_named():
    text = site_pages()["ser.md"].replace("next_review:", 'reviewed_by: ""\nnext_review:', 1)
    assert expand(start(), "ser.md", text).problems == [
        "docs/ser.md: front matter problems:\n"
        'docs/ser.md: field "reviewed_by": found "" (text); allowed: the name (and role) of the person '
        "who reviewed the page, as text, or leave the field out."
    ]


# Safety gaps a reviewer found (issue 17) ----------------------------------------------------


def test_belly_breathing_says_to_lie_on_the_side_or_sit_in_later_pregnancy(built_site):
    text = (built_site / "exercises/diaphragmatic/index.html").read_text(encoding="utf-8")
    assert "In later pregnancy, lie on your side or sit instead." in text  # the steps
    assert "If you are in later pregnancy, do not lie on your back: lie on your side, or sit." in text  # cautions
    assert "This is our own precaution" in text


def test_guided_imagery_and_meditation_carry_the_trauma_caution_with_its_source(built_site):
    root = read_page(built_site / "practices/index.html")
    paragraphs = [p for p in root.iter("p") if "if you have been through trauma" in p.text_content()]
    assert len(paragraphs) == 1
    hrefs = [str(a.get("href")) for a in paragraphs[0].iter("a")]
    assert "../references/#nccih-relaxation-safety" in hrefs
    assert "guided meditation" in paragraphs[0].text_content()
    assert "Our own precaution" in paragraphs[0].text_content()


def test_a_country_number_from_the_data_must_be_tappable_too(broken_copy):
    """The numbers in data/countries.yml join the crisis numbers the build checks (Lifeline Australia)."""
    site = broken_copy("safety/index.html", '<a href="tel:131114">13 11 14</a>', "13 11 14")
    assert any(p.startswith('safety/index.html: "13 11 14" is not a tel: or sms: link') for p in reader_problems(site))
