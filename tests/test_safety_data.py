"""Shared safety wording, hold cautions found from the data, references' read dates, editors and
reviewers: plain functions, each mistake with its own located message."""

from __future__ import annotations

import copy
import datetime
from dataclasses import replace
from pathlib import Path

import pytest

from hooks.content.cautions import validate_cautions
from hooks.content.editors import editor_names
from hooks.content.exercises import Cycles, Exercise, Phase, has_hold
from hooks.content.exercises.render import render_pacer
from hooks.content.problems import DataError
from hooks.content.references import validate_references
from hooks.content.site_data import load_site_data
from hooks.pages.front_matter import front_matter_problems
from hooks.pages.shortcode_renderers import hold_free_links, pacer_pages, shortcode_renderers
from hooks.render.site import render_editors

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA = load_site_data(REPO_ROOT / "data")
# A small cautions file of our own: editing the real wording never changes what these tests expect.
CAUTIONS_FIXTURE = {
    "light_headed": "Stop if you feel light-headed.",
    "holds": ["Choose an exercise with no holds if you:", "Sit down for the holds."],
    "holds_who": ["are pregnant", "have heart disease", "have asthma", "get panic attacks", "have fainted"],
    "hold_free_lead": "Exercises with no holds:",
    "crisis": "Call [999](tel:999).",
}


def exercise(exercise_id: str, *actions: str, lead_in: str | None = None) -> Exercise:
    return Exercise(
        id=exercise_id,
        title=f"{exercise_id.title()} breathing",
        summary="A test exercise.",
        lead_in=Phase(lead_in, 4, None, None, "Lead") if lead_in else None,
        phases=tuple(Phase(action, 4, None, None, action) for action in actions),
        cycles=Cycles(3, 1, 5),
        steps=("Breathe.",),
        cautions=(),
        references=("ma-2017-attention",),
    )


def site_with(*extra: Exercise):
    exercises = {**DATA.exercises, **{item.id: item for item in extra}}
    return replace(DATA, exercises=exercises)


URLS = {"gentle": "../gentle/#exercise-gentle", "diaphragmatic": "../diaphragmatic/#exercise-diaphragmatic"}


# Hold cautions, decided by the data --------------------------------------------------------


def test_has_hold_looks_at_every_phase_and_the_lead_in():
    assert has_hold(exercise("a", "breathe-in", "hold-full", "breathe-out"))
    assert has_hold(exercise("b", "breathe-in", "breathe-out", "hold-empty"))
    assert has_hold(exercise("c", "breathe-in", "breathe-out", lead_in="hold-empty"))
    assert not has_hold(exercise("d", "breathe-in", "breathe-out", lead_in="breathe-out"))


def test_a_new_exercise_with_a_hold_gets_the_caution_and_a_hold_free_one_does_not():
    held = exercise("sigh", "breathe-in", "hold-full", "breathe-out")
    free = exercise("hum", "breathe-in", "breathe-out")
    renderers = shortcode_renderers(
        site_with(held, free), "../references/", exercise_urls={**URLS, "hum": "../hum/"}, editors=()
    )
    with_hold, without_hold = renderers["pacer"]("sigh"), renderers["pacer"]("hum")
    # The pacer always plays its holds, so the advice is another exercise, never "skip the holds".
    assert "choose an exercise with no holds" in DATA.cautions.holds[0].lower()
    assert "skip the" not in " ".join(DATA.cautions.holds).lower()
    assert with_hold.count('class="br-hold-caution"') == len(DATA.cautions.holds)
    # Who should not hold their breath is a short list inside the first line, one person per item.
    who = with_hold.split('<ul class="br-hold-who">', 1)[1].split("</ul>", 1)[0]
    assert who == "".join(f"<li>{line}</li>" for line in DATA.cautions.holds_who)
    assert with_hold.index("br-hold-who") < with_hold.index(DATA.cautions.holds[1])
    assert 'href="../hum/">Hum breathing</a>' in with_hold  # the new hold-free one is offered too
    assert 'href="../gentle/#exercise-gentle">Gentle breathing (no holds)</a>' in with_hold
    assert "br-hold-caution" not in without_hold
    assert "br-hold-free" not in without_hold
    for markup in (with_hold, without_hold):
        assert markup.count('class="br-light-headed"') == 1


def test_hold_free_exercises_are_found_from_the_data_not_named_in_code():
    links = hold_free_links(DATA, {**URLS, "box": "../box/", "4-7-8": "../4-7-8/"})
    assert [link.title for link in links] == [
        DATA.exercises["diaphragmatic"].title,
        DATA.exercises["gentle"].title,
    ]  # box and 4-7-8 have holds; an exercise on no page is not linked
    assert {link.url for link in links} == set(URLS.values())


def test_the_caution_shortcode_renders_the_shared_wording():
    renderers = shortcode_renderers(DATA, "references/", exercise_urls=URLS, editors=())
    assert renderers["caution"]("light-headed") == (
        f'<p class="br-light-headed">{DATA.cautions.light_headed.replace("  ", " ")}</p>'
    )
    assert "br-hold-free" in renderers["caution"]("holds")
    with pytest.raises(LookupError, match='unknown caution "dizzy"'):
        renderers["caution"]("dizzy")


def test_pacer_pages_come_from_the_shortcodes_outside_code():
    pages = {
        "a.md": "Text\n<!-- md:pacer box -->\n```\n<!-- md:pacer gentle -->\n```",
        "b.md": "<!-- md:pacer gentle -->\n<!-- md:pacer box -->",
    }
    assert pacer_pages(pages) == {"box": "a.md", "gentle": "b.md"}


def test_render_pacer_needs_the_shared_cautions():
    """The caution is not an option a caller can forget: the renderer has no default for it."""
    with pytest.raises(TypeError):
        render_pacer(DATA.exercises["box"], DATA.references, "../references/")  # type: ignore[call-arg]


# The cautions file -------------------------------------------------------------------------

SOURCE = "data/cautions.yml"
CAUTION_CASES = {
    "missing rule": (
        lambda data: data.pop("light_headed"),
        'data/cautions.yml, field "light_headed": found nothing (the field is missing); '
        "allowed: a value (this field is required).",
    ),
    "empty hold line": (
        lambda data: data["holds"].append("  "),
        'data/cautions.yml, field "holds[3]": found "  " (text); allowed: non-empty text (inline Markdown).',
    ),
    "relative link": (
        lambda data: data.update(hold_free_lead="See [gentle](gentle.md)"),
        'data/cautions.yml, field "hold_free_lead": found "gentle.md" (text); '
        "allowed: links to full https://, http:// or mailto: addresses, or tel:/sms: numbers, only.",
    ),
    "crisis number that is not digits": (
        lambda data: data.update(crisis="Call [Samaritans](tel:samaritans)."),
        'data/cautions.yml, field "crisis": found "tel:samaritans" (text); '
        "allowed: links to full https://, http:// or mailto: addresses, or tel:/sms: numbers, only.",
    ),
    "missing crisis line": (
        lambda data: data.pop("crisis"),
        'data/cautions.yml, field "crisis": found nothing (the field is missing); '
        "allowed: a value (this field is required).",
    ),
    "unknown key": (
        lambda data: data.update(dizzy="x"),
        'data/cautions.yml, field "dizzy": found "x" (text); '
        "allowed: only the known fields light_headed, holds, holds_who, hold_free_lead, crisis.",
    ),
    "empty who line": (
        lambda data: data["holds_who"].append(""),
        'data/cautions.yml, field "holds_who[6]": found "" (text); allowed: non-empty text (inline Markdown).',
    ),
    "holds not a list": (
        lambda data: data.update(holds="Skip them"),
        'data/cautions.yml, field "holds": found "Skip them" (text); allowed: a list of at least one line of text.',
    ),
}


@pytest.mark.parametrize("case", CAUTION_CASES, ids=list(CAUTION_CASES))
def test_each_cautions_mistake_gives_its_exact_message(case):
    change, expected = CAUTION_CASES[case]
    data = copy.deepcopy(CAUTIONS_FIXTURE)
    change(data)
    with pytest.raises(DataError) as caught:
        validate_cautions(data, SOURCE)
    assert caught.value.messages == [expected]


def test_the_hold_caution_names_who_should_skip_holds():
    text = " ".join(DATA.cautions.holds + DATA.cautions.holds_who).lower()
    for who in ("pregnant", "heart disease", "high blood pressure", "asthma", "copd", "panic", "fainted", "seizure"):
        assert who in text, who


# References: read dates for web pages ------------------------------------------------------


FINDING = [{"id": "claim", "quote": "The source's words.", "where": "Abstract"}]


def test_a_web_page_needs_the_date_it_was_read_and_a_doi_does_not():
    entries = {
        "references": [
            {"key": "doi-paper", "citation": "A (2020). T.", "url": "https://doi.org/10.1/x", "findings": FINDING},
            {"key": "web-page", "citation": "NHS. A page.", "url": "https://www.nhs.uk/page/", "findings": FINDING},
            {
                "key": "bad-date",
                "citation": "X.",
                "url": "https://example.org/",
                "read": "yesterday",
                "findings": FINDING,
            },
            {"key": "a-book", "citation": "U (2002). A book.", "findings": FINDING},
        ]
    }
    with pytest.raises(DataError) as caught:
        validate_references(entries, "data/references.yml")
    assert caught.value.messages == [
        'data/references.yml: reference "web-page" (entry 2), field "read": found nothing (the field is missing); '
        "allowed: the date the page was read, written as YYYY-MM-DD (web pages change; a DOI needs none).",
        'data/references.yml: reference "bad-date" (entry 3), field "read": found "yesterday" (text); '
        "allowed: a date written as YYYY-MM-DD, e.g. 2026-11-30.",
    ]
    entries["references"][1]["read"] = datetime.date(2026, 11, 29)
    del entries["references"][2]
    assert [ref.read for ref in validate_references(entries, "data/references.yml")] == [
        None,
        datetime.date(2026, 11, 29),
        None,
    ]


def test_the_references_list_shows_the_read_date():
    shown = shortcode_renderers(DATA, "references/", exercise_urls=URLS, editors=())["references"]("")
    assert "(read 29 November 2026)" in shown


# Editors and reviewers ---------------------------------------------------------------------

NO_EDITOR_YET = "No named editor is listed yet. The pages are written by the project's contributors."


def test_no_editor_listed_says_so_plainly():
    assert editor_names(None) == ()
    assert editor_names([]) == ()
    assert NO_EDITOR_YET in render_editors(())


def test_editor_names_are_escaped_and_joined():
    assert render_editors(editor_names(["Ada <b>", "Bo"])) == (
        '<p class="br-editors">Ada &lt;b&gt; and Bo edit this site and are responsible for what it says.</p>'
    )


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            "Ada",
            'mkdocs.yml: field "extra.editors": found "Ada" (text); allowed: a list of names, e.g. ["Ada Lovelace"].',
        ),
        (["Ada", ""], 'mkdocs.yml: field "extra.editors[2]": found "" (text); allowed: a name as non-empty text.'),
    ],
)
def test_bad_editor_lists_are_located(raw, message):
    with pytest.raises(DataError) as caught:
        editor_names(raw)
    assert caught.value.messages == [message]


def test_editors_shortcode_uses_the_names_given():
    assert "Ada" in shortcode_renderers(DATA, "references/", exercise_urls=URLS, editors=("Ada",))["editors"]("")
    assert NO_EDITOR_YET in shortcode_renderers(DATA, "references/", exercise_urls=URLS, editors=())["editors"]("")


def _meta(**extra):
    return {
        "description": "A plain sentence long enough for the fifty-character rule.",
        "reviewed": datetime.date(2026, 1, 1),
        "next_review": datetime.date(2026, 6, 1),
        **extra,
    }


def test_reviewed_by_is_optional_but_never_empty():
    assert front_matter_problems(_meta()) == []
    assert front_matter_problems(_meta(reviewed_by="Dr A. Example, GP")) == []
    assert front_matter_problems(_meta(reviewed_by=" ")) == [
        'field "reviewed_by": found " " (text); allowed: the name (and role) of the person who reviewed the page, '
        "as text, or leave the field out."
    ]
    assert front_matter_problems(_meta(reviewed_by=None))[0].startswith('field "reviewed_by": found nothing (empty)')
