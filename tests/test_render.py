"""Rendering exercise data to HTML, and expanding shortcodes: plain functions, no MkDocs."""

from __future__ import annotations

import html
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import UndefinedError

from hooks.content.cautions import ExerciseLink, SharedCautions
from hooks.content.exercises import ACTIONS, Cycles, Exercise, Phase, default_cue
from hooks.content.exercises.render import exercise_payload, pattern_text, render_pacer, render_steps
from hooks.content.findings import Finding
from hooks.content.references import Reference
from hooks.pages.shortcodes import ShortcodeError, expand_shortcodes
from hooks.render.escape import escape
from hooks.render.templates import render
from tests.support.html import read_markup

HOSTILE = "<img src=x onerror=alert(1)>"
REFERENCES = {
    "ma-2017": Reference(
        "ma-2017",
        "Ma, X., & Yue, Z. (2017). Title. Journal.",
        "https://doi.org/10.3389/fpsyg.2017.00874",
        None,
        findings=(Finding("ma-2017", "attention", "Sustained attention increased.", "Abstract"),),
    )
}

CAUTIONS = SharedCautions(
    "Stop if you feel light-headed.", ("Skip the holds if you are pregnant.",), "No holds:", "Call [999](tel:999)."
)
HOLD_FREE = [ExerciseLink("Gentle breathing", "../gentle/#exercise-gentle")]


def pacer(exercise: Exercise) -> str:
    return render_pacer(exercise, REFERENCES, "../references/", CAUTIONS, HOLD_FREE)


def make_exercise(**overrides) -> Exercise:
    fields = {
        "id": "box",
        "title": "Box breathing",
        "summary": "Four equal sides.",
        "lead_in": Phase("breathe-out", 4, "mouth", None, "Breathe out completely"),
        "phases": (
            Phase("breathe-in", 4, "nose", None, "Breathe in through your nose"),
            Phase("hold-full", 7, None, None, "Hold"),
            Phase("breathe-out", 8.5, "mouth", None, "Breathe out through your mouth"),
        ),
        "cycles": Cycles(4, 1, 8),
        "steps": ("Sit **upright**.", "Breathe in."),
        "cautions": ("Stop if *dizzy*.",),
        "references": ("ma-2017-attention",),
    }
    fields.update(overrides)
    return Exercise(**fields)


def start_tags(markup: str) -> list[tuple[str, dict[str, str]]]:
    """Every element of the markup and its attributes, as an HTML parser sees them."""
    wrapper = read_markup(markup)
    return [
        (element.tag, dict(element.attrib)) for element in wrapper.iterdescendants() if isinstance(element.tag, str)
    ]


def pacer_attributes(markup: str) -> dict[str, str]:
    return next(attrs for tag, attrs in start_tags(markup) if tag == "br-pacer")


def test_hostile_text_is_escaped_everywhere():
    hostile = make_exercise(title=HOSTILE, steps=(HOSTILE,), cautions=(HOSTILE,))
    markup = pacer(hostile)
    assert not any(tag == "img" for tag, _ in start_tags(markup))
    assert "&lt;img src=x onerror=alert(1)&gt;" in markup
    assert pacer_attributes(markup)["aria-label"] == f"{HOSTILE} pacer"


def test_attribute_json_decodes_back_to_the_data():
    exercise = make_exercise()
    attributes = pacer_attributes(pacer(exercise))
    assert json.loads(attributes["data-exercise"]) == exercise_payload(exercise)
    assert attributes["data-pacer"] == "box"
    # Only what something reads: the script sets data-state, data-phase and data-cycle itself.
    # data-hold-caution: the box whose hold caution the pacer shows beside Start (this one holds).
    assert set(attributes) == {"data-pacer", "data-exercise", "data-hold-caution", "role", "aria-label"}
    assert attributes["data-hold-caution"] == "cautions-box"
    payload = json.loads(attributes["data-exercise"])
    assert [phase["seconds"] for phase in payload["phases"]] == [4, 7, 8.5]
    assert payload["lead_in"]["action"] == "breathe-out"
    assert [phase["label"] for phase in payload["phases"]] == ["In", "Hold", "Out"]
    assert payload["cycles"] == {"default": 4, "min": 1, "max": 8}


def test_the_block_has_no_blank_line_and_no_inline_script():
    markup = pacer(make_exercise())
    assert "\n\n" not in markup
    assert "<script" not in markup


def test_fallback_pattern_reads_like_the_data():
    assert pattern_text(make_exercise()) == (
        "First: Breathe out completely (4 s). Then: In 4 · Hold 7 · Out 8.5. Repeat 4 times (you can choose 1 to 8)."
    )
    sides = make_exercise(
        lead_in=None,
        phases=(Phase("breathe-in", 4, None, "left", "x"), Phase("breathe-out", 4, None, "right", "y")),
        cycles=Cycles(5, 5, 5),
    )
    assert pattern_text(sides) == "In left 4 · Out right 4. Repeat 5 times."


def test_the_pacer_comes_first_its_cautions_before_the_steps_and_sources_link_to_references():
    markup = pacer(make_exercise())
    # Start in a phone's first screen; the cautions right under the pacer, read before the steps.
    assert markup.index("<br-pacer") < markup.index("br-cautions") < markup.index("br-steps")
    assert '<a href="../references/#ma-2017-attention" data-preview>Ma 2017</a>' in markup
    assert "These steps are our own description, from no one source; other versions differ." in markup


def test_steps_name_their_origin_apart_from_the_research():
    markup = pacer(make_exercise(steps_from="ma-2017-attention", references=()))
    assert 'Steps from: <a href="../references/#ma-2017-attention" data-preview>Ma 2017</a>.' in markup
    assert "our own description" not in markup
    assert "We found no study of this exercise that we could read." in markup


def test_steps_render_inline_markdown():
    assert (
        render_steps(make_exercise())
        == '<ol class="br-steps__list"><li>Sit <strong>upright</strong>.</li><li>Breathe in.</li></ol>'
    )


def test_default_cues():
    assert default_cue("breathe-in", "nose", None) == "Breathe in through your nose"
    assert default_cue("breathe-out", None, "left") == "Breathe out through your left nostril"
    assert default_cue("hold-empty", None, None) == "Hold"


phases = st.builds(
    Phase,
    action=st.sampled_from(ACTIONS),
    seconds=st.one_of(st.integers(1, 20), st.floats(1, 20, allow_nan=False)),
    through=st.sampled_from([None, "nose", "mouth"]),
    side=st.sampled_from([None, "left", "right"]),
    cue=st.text(min_size=1),
)


@st.composite
def exercises(draw):
    low = draw(st.integers(1, 100))
    high = draw(st.integers(low, 100))
    return make_exercise(
        id=draw(st.from_regex(r"\A[a-z0-9]+(-[a-z0-9]+){0,2}\Z")),
        title=draw(st.text(min_size=1)),
        lead_in=draw(st.one_of(st.none(), phases)),
        phases=tuple(draw(st.lists(phases, min_size=1, max_size=8))),
        cycles=Cycles(draw(st.integers(low, high)), low, high),
        steps=tuple(draw(st.lists(st.text(min_size=1), min_size=1, max_size=5))),
        cautions=tuple(draw(st.lists(st.text(min_size=1), min_size=1, max_size=3))),
    )


@settings(max_examples=150, deadline=None)
@given(exercises())
def test_any_valid_exercise_renders_and_round_trips(exercise):
    markup = pacer(exercise)
    attributes = pacer_attributes(markup)
    assert json.loads(attributes["data-exercise"]) == json.loads(json.dumps(exercise_payload(exercise)))
    assert attributes["data-pacer"] == exercise.id
    # Whatever the text, the only elements are the ones the renderer writes.
    assert {tag for tag, _ in start_tags(markup)} <= {
        "div",
        "aside",
        "p",
        "ul",
        "ol",
        "li",
        "br-pacer",
        "details",
        "summary",
        "a",
        "strong",
        "em",
        "code",
        "br",
        "hr",
    }
    assert "\n\n" not in markup


# Shortcodes -------------------------------------------------------------------------------


RENDERERS = {"pacer": lambda argument: f"<div>pacer {html.escape(argument)}</div>"}


def test_shortcode_line_becomes_a_raw_html_block():
    out = expand_shortcodes("Intro\n<!-- md:pacer box -->\nAfter", RENDERERS, "docs/x.md")
    assert out == "Intro\n\n<div>pacer box</div>\n\nAfter"


def test_shortcodes_inside_fenced_code_are_left_alone():
    text = "```\n<!-- md:pacer box -->\n<!-- md:nonsense -->\n```"
    assert expand_shortcodes(text, RENDERERS, "docs/x.md") == text


def test_unknown_shortcode_names_the_page_and_line():
    with pytest.raises(ShortcodeError) as caught:
        expand_shortcodes("# T\n\n<!-- md:pacr box -->\n", RENDERERS, "docs/x.md")
    assert caught.value.messages == ['docs/x.md, line 3: unknown shortcode "md:pacr"; known shortcodes are md:pacer.']


def test_shortcode_not_alone_on_its_line_is_an_error():
    with pytest.raises(ShortcodeError) as caught:
        expand_shortcodes("Text <!-- md:pacer box --> more", RENDERERS, "docs/x.md")
    assert caught.value.messages == [
        "docs/x.md, line 1: a shortcode must stand alone on its line, like <!-- md:pacer box -->."
    ]


def test_renderer_lookup_errors_carry_page_and_line():
    def pacer(argument):
        raise LookupError(f'unknown exercise "{argument}"')

    with pytest.raises(ShortcodeError) as caught:
        expand_shortcodes("a\nb\n<!-- md:pacer nope -->\n<!-- md:pacer zip -->", {"pacer": pacer}, "docs/y.md")
    assert caught.value.messages == [
        'docs/y.md, line 3: unknown exercise "nope"',
        'docs/y.md, line 4: unknown exercise "zip"',
    ]


def test_ordinary_html_comments_are_untouched():
    text = "<!-- a note for editors -->\ntext"
    assert expand_shortcodes(text, RENDERERS, "docs/x.md") == text


def test_a_blank_line_in_data_text_cannot_end_the_html_block():
    """Hypothesis found this: a title with a blank line split the block, and Markdown ate the rest."""
    markup = pacer(make_exercise(title="Box\n\nbreathing"))
    assert "\n\n" not in markup
    assert pacer_attributes(markup)["aria-label"] == "Box\n\nbreathing pacer"


# Templates ------------------------------------------------------------------------------------


def test_templates_refuse_a_value_they_were_not_given():
    """Not an empty string, nor "no editor yet" for editors nobody passed."""
    with pytest.raises(UndefinedError, match="names"):
        render("site/editors.html")


def test_every_value_a_template_prints_is_escaped_once_with_no_line_break():
    assert escape("a \"b\"\n\n<c> & 'd'") == "a &quot;b&quot;&#10;&#10;&lt;c&gt; &amp; &#x27;d&#x27;"
    assert escape(escape("<")) == "&lt;"  # already markup: not escaped twice
    names = ("Ada\n\n<b>", 'Bo "B"')
    assert render("site/editors.html", names=names) == (
        '<p class="br-editors">Ada&#10;&#10;&lt;b&gt; and Bo &quot;B&quot; edit this site and are responsible for '
        "what it says.</p>"
    )
