"""data/options.yml checked in-process: every rule's located message (file, option, field, what
was found, what is allowed, line), each shown on a small copy broken on purpose; the real file
passes; and what counts as a number in an option's answer (hooks/content/numbers.py)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from hooks.content.numbers import is_supported, sentence_numbers, unsupported_numbers
from hooks.content.options import QUESTIONS, validate_options
from hooks.content.problems import DataError
from hooks.content.references import Reference, validate_references
from hooks.content.site_data import load_site_data
from hooks.content.yaml_source import load_yaml_document
from tests.support.paths import DATA_DIR

SOURCE = "data/options.yml"
REFERENCES = validate_references(
    {
        "references": [
            {
                "key": "smith-2020",
                "citation": "Smith, A. (2020). A review. Journal, 1, 1.",
                "url": "https://doi.org/10.1000/xyz",
                "findings": [
                    {
                        "id": "nnt",
                        "quote": "The number needed to treat was 5 (NNT=5); 58% improved.",
                        "where": "Abstract",
                    },
                    {"id": "weeks", "quote": "Sessions lasted five to seven weeks.", "where": "Methods"},
                ],
            }
        ]
    },
    "data/references.yml",
)


def statement(text: str, *cites: str) -> dict[str, Any]:
    return {"text": text, "cites": list(cites)} if cites else {"text": text, "own": True}


def good_file() -> dict[str, Any]:
    """A file with one reason and one option that answers every question."""
    answers = {question: [[statement(f"Our note on {question}.")]] for question in QUESTIONS}
    answers["benefit"] = [[statement("For every 5 people treated, 1 more improves: 58 in 100.", "smith-2020-nnt")]]
    answers["time"] = [[statement("Five to seven weeks.", "smith-2020-weeks")]]
    return {
        "conditions": [{"id": "stress", "title": "Stress"}],
        "options": [
            {
                "id": "stress-guideline",
                "condition": "stress",
                "label": "Guideline",
                "title": "What the guideline recommends first",
                "answers": answers,
                "glance": {
                    "benefit": statement("1 more in every 5", "smith-2020-nnt"),
                    "cost": statement("Free"),
                    "time": statement("5 to 7 weeks", "smith-2020-weeks"),
                },
            }
        ],
    }


OPTION = 'data/options.yml: option "stress-guideline" (entry 1)'


def messages_after(change, references: list[Reference] | None = REFERENCES) -> list[str]:
    raw = good_file()
    change(raw)
    with pytest.raises(DataError) as caught:
        validate_options(raw, SOURCE, references)
    return caught.value.messages


def option(raw: dict[str, Any]) -> dict[str, Any]:
    return raw["options"][0]


def test_the_small_file_and_the_real_file_pass():
    data = validate_options(good_file(), SOURCE, REFERENCES)
    card = data.conditions["stress"].options[0]
    assert card.card_findings() == ["smith-2020-nnt", "smith-2020-weeks"]
    assert data.labels["smith-2020"] == "Smith 2020"
    real = load_site_data(DATA_DIR).options
    assert list(real.conditions) == ["stress", "pain", "ptsd"]
    assert all(len(condition.options) == 4 for condition in real.conditions.values())


def test_a_wrong_type_is_named_by_option_and_field():
    assert messages_after(lambda raw: option(raw)["answers"]["what"][0][0].update(text=5)) == [
        f'{OPTION}, field "answers.what[1][1].text": found 5; allowed: non-empty text.'
    ]


def test_an_unknown_field_is_refused():
    assert messages_after(lambda raw: option(raw).update(summary="x")) == [
        f'{OPTION}, field "summary": found "x" (text); allowed: only the known fields id, condition, label, '
        "title, unknown, answers, glance."
    ]


def test_a_missing_answer_is_refused_unless_the_question_is_unknown():
    assert messages_after(lambda raw: option(raw)["answers"].pop("how")) == [
        f'{OPTION}, field "answers.how": found nothing (the field is missing); allowed: an answer to "how" '
        '(how it works), or "how" listed under unknown when no source we could read answers it.'
    ]

    def unknown_and_missing(raw: dict[str, Any]) -> None:
        option(raw)["answers"].pop("how")
        option(raw)["unknown"] = ["how"]

    validate_options(_changed(unknown_and_missing), SOURCE, REFERENCES)  # said once on the card instead
    assert messages_after(lambda raw: option(raw).update(unknown=["how"])) == [
        f'{OPTION}, field "answers.how": found "an answer" (text); allowed: no answer: "how" is listed under '
        "unknown (remove it there, or remove this answer)."
    ]


def _changed(change) -> dict[str, Any]:
    raw = good_file()
    change(raw)
    return raw


def test_a_finding_that_does_not_exist_is_refused():
    def unknown_finding(raw: dict[str, Any]) -> None:
        option(raw)["answers"]["what"][0][0] = statement("A plan in steps.", "smith-2020-week")

    assert messages_after(unknown_finding) == [
        f'{OPTION}, field "answers.what[1][1].cites[1]": found "smith-2020-week" (text); allowed: a finding in '
        "references.yml (SOURCE-FINDING)."
    ]


def test_a_sentence_with_neither_findings_nor_own_is_refused():
    assert messages_after(lambda raw: option(raw)["answers"]["what"][0][0].pop("own")) == [
        f'{OPTION}, field "answers.what[1][1].cites": found nothing (the field is missing); allowed: the findings '
        "the text rests on (cites: [SOURCE-FINDING]), or own: true for our own note."
    ]


def test_a_number_not_in_the_cited_quote_is_refused_unless_our_own():
    def wrong_number(raw: dict[str, Any]) -> None:
        option(raw)["answers"]["benefit"][0][0]["text"] = "For every 6 people treated, 1 more improves: 58 in 100."

    assert messages_after(wrong_number) == [
        f'{OPTION}, field "answers.benefit[1][1].text": found the number 6, which no quote of the findings it '
        "cites holds (smith-2020-nnt); allowed: a number in the quote of a finding the sentence cites, or own: "
        "true when it is our own."
    ]

    def own_number(raw: dict[str, Any]) -> None:
        option(raw)["answers"]["risks"][0][0]["text"] = "Our own note: 2 or 3 days of stiffness."

    validate_options(_changed(own_number), SOURCE, REFERENCES)


def test_a_glance_cell_cites_only_what_its_card_cites_and_its_numbers_too():
    def other_finding(raw: dict[str, Any]) -> None:
        option(raw)["glance"]["time"] = statement("58 in 100", "smith-2020-nnt")

    assert messages_after(other_finding) == [
        f'{OPTION}, field "glance.time.cites": found "smith-2020-nnt" (text); allowed: a finding the card\'s own '
        'answer to "time" cites, so the table and the card agree.'
    ]
    assert messages_after(lambda raw: option(raw)["glance"]["time"].update(text="8 to 12 sessions")) == [
        f'{OPTION}, field "glance.time.text": found the number 8, which no quote of the findings it cites holds '
        "(smith-2020-weeks); allowed: a number in the quote of a finding the sentence cites, or own: true when "
        "it is our own.",
        f'{OPTION}, field "glance.time.text": found the number 12, which no quote of the findings it cites holds '
        "(smith-2020-weeks); allowed: a number in the quote of a finding the sentence cites, or own: true when "
        "it is our own.",
    ]


def test_links_in_answers_go_to_site_pages_https_or_phones_only():
    def bad_link(raw: dict[str, Any]) -> None:
        option(raw)["answers"]["what"][0][0]["text"] = "See [this](javascript:alert(1)) and [refs](references.md#x)."

    assert messages_after(bad_link) == [
        f'{OPTION}, field "answers.what[1][1].text": found "javascript:alert(1" (text); allowed: links to a page '
        "of the site as a path from the docs folder (session.md#touch), an https:// address or a tel: number; "
        "no images; cite findings with cites.",
        f'{OPTION}, field "answers.what[1][1].text": found "references.md#x" (text); allowed: links to a page of '
        "the site as a path from the docs folder (session.md#touch), an https:// address or a tel: number; no "
        "images; cite findings with cites.",
    ]


def test_every_problem_in_the_file_is_reported_at_once_with_its_line(tmp_path: Path):
    raw = good_file()
    option(raw)["condition"] = "sleep"
    option(raw)["answers"]["time"][0][0]["text"] = "Five to nine weeks."
    path = tmp_path / "options.yml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    document = load_yaml_document(path, SOURCE)
    with pytest.raises(DataError) as caught:
        validate_options(document.data, SOURCE, REFERENCES, document.lines)
    lines = path.read_text(encoding="utf-8").split("\n")
    condition_line = next(n for n, line in enumerate(lines, 1) if "condition: sleep" in line)
    nine_line = next(n for n, line in enumerate(lines, 1) if "Five to nine weeks." in line)
    assert caught.value.messages == [
        f'{OPTION}, field "condition": found "sleep" (text); allowed: the id of a reason under conditions (stress). '
        f"(line {condition_line})",
        f'{OPTION}, field "answers.time[1][1].text": found the number nine, which no quote of the findings it cites '
        "holds (smith-2020-weeks); allowed: a number in the quote of a finding the sentence cites, or own: true "
        f"when it is our own. (line {nine_line})",
    ]


def test_broken_references_leave_the_findings_unchecked_but_the_fields_checked():
    def unknown_finding(raw: dict[str, Any]) -> None:
        option(raw)["answers"]["what"][0][0] = statement("A plan in steps.", "nowhere-1")

    validate_options(_changed(unknown_finding), SOURCE, None)
    assert messages_after(lambda raw: option(raw).pop("glance"), None) == [
        f'{OPTION}, field "glance": found nothing (the field is missing); allowed: a value (this field is required).'
    ]


# What counts as a number ------------------------------------------------------------------


def test_sentence_numbers_are_figures_not_names_phones_or_scales():
    text = (
        "A 2020 review of 42 studies, 8,171 people: 58 in 100, 1 in 5, five weeks, Forty-two. "
        "NICE NG59 and CG113; 4-7-8 breathing; SSRIs; call [NHS 111](tel:111); 15 points on a scale of 0 to 100."
    )
    assert sentence_numbers(text) == ["2020", "42", "8,171", "58", "5", "five", "Forty-two", "15"]


def test_a_figure_matches_the_same_number_written_any_way_or_rounded():
    assert is_supported("8,171", ["114 trials of 8171 participants"])
    assert is_supported("42", ["Forty-two studies were included"])
    assert is_supported("five", ["Remission within the first 5 months"])
    assert is_supported("29", ["28.6% in CPT"])  # 29 in 100
    assert is_supported("10", ["The MD was 10.26 points lower"])
    assert is_supported("5", ["mean difference \u22125.30"])
    assert is_supported("2020", ["no year here"], ["Lewis, C. (2020). A review."])
    assert not is_supported("2021", ["no year here"], ["Lewis, C. (2020). A review."])
    assert not is_supported("30", ["28.6% in CPT"])
    assert not is_supported("12", ["Most of the therapies last 3 to 4 months."])


def test_unsupported_numbers_lists_each_missing_figure_once_in_order():
    quotes = ["The pooled rate of dropout was 16% (95% CI 14\u201318%)."]
    assert unsupported_numbers("About 16 in 100 stopped, or 3 in 10.", quotes) == ["3", "10"]
    assert unsupported_numbers("About 16 in 100 stopped.", quotes) == []


def test_the_real_options_keep_the_number_rule():
    """The shipped file passes; the same file with one figure changed does not (a copy broken on purpose)."""
    document = load_yaml_document(DATA_DIR / "options.yml", SOURCE)
    references = list(load_site_data(DATA_DIR).references.values())
    validate_options(document.data, SOURCE, references, document.lines)
    broken = copy.deepcopy(document.data)
    ptsd_wait = next(item for item in broken["options"] if item["id"] == "ptsd-nothing")
    ptsd_wait["answers"]["benefit"][0][1]["text"] = "After 40 months on average, 45 in 100 no longer had PTSD."
    with pytest.raises(DataError) as caught:
        validate_options(broken, SOURCE, references, document.lines)
    assert len(caught.value.messages) == 1
    assert caught.value.messages[0].startswith(
        'data/options.yml: option "ptsd-nothing" (entry 12), field "answers.benefit[1][2].text": found the number '
        "45, which no quote of the findings it cites holds (morina-2014-remission-44)"
    )
