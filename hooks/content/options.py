"""The options for each reason people come to SER (data/options.yml), checked into Option objects.

Every option answers the same seven questions. An answer is paragraphs of sentences, and each
sentence either cites the findings it rests on or is marked as our own note; a number in a
sentence must be in the quote of a finding it cites (hooks/content/numbers.py says what counts
as a number). The at-a-glance tables' cells (what studies show, cost, time) are short forms of
the answers, and may cite only findings the card's answer to the same question cites, so the
table and the card cannot disagree. hooks/render/options.py shows both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from hooks.content.fields import is_slug
from hooks.content.findings import Finding
from hooks.content.numbers import unsupported_numbers
from hooks.content.problems import MISSING, Entries, Lines, Location, Problems, entries, field_name
from hooks.content.references import Reference, short_label
from hooks.content.schemas import check_schema

OPTIONS = Entries("options", "option", "id", is_slug)
# The seven questions, in the order every card answers them.
QUESTIONS = ("what", "how", "benefit", "risks", "cost", "time", "daily")
# The at-a-glance table's columns after the option's label.
GLANCE = ("benefit", "cost", "time")
# A link in a sentence: to a page of the site (a path from the docs folder), an https:// address or a phone.
_LINK_TARGET = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]*)")
_SITE_PAGE = re.compile(r"^(?!references\.md)(?:[a-z0-9-]+/)*[a-z0-9-]+\.md(?:#[a-z0-9-]+)?$")
_OTHER_SAFE = re.compile(r"^(?:https://\S+|tel:\+?[0-9]+)$")
SAFE_TARGETS = (
    "a page of the site as a path from the docs folder (session.md#touch), an https:// address or a tel: number"
)


@dataclass(frozen=True)
class Statement:
    """Sentences and what they rest on: finding anchors, or nothing because they are our own note."""

    text: str
    cites: tuple[str, ...] = ()
    own: bool = False


Paragraph = tuple[Statement, ...]


@dataclass(frozen=True)
class Option:
    id: str
    condition: str
    label: str
    title: str
    answers: Mapping[str, tuple[Paragraph, ...]]  # question -> paragraphs; none for an unknown one
    glance: Mapping[str, Statement]  # benefit, cost, time -> the table's cell
    unknown: tuple[str, ...] = ()  # the questions no readable source answers, said once on the card

    def card_findings(self) -> list[str]:
        """Every finding the card cites, once each, in reading order."""
        anchors: dict[str, None] = {}
        for question in QUESTIONS:
            for paragraph in self.answers.get(question, ()):
                for statement in paragraph:
                    anchors.update(dict.fromkeys(statement.cites))
        return list(anchors)

    def glance_findings(self) -> list[str]:
        anchors: dict[str, None] = {}
        for column in GLANCE:
            anchors.update(dict.fromkeys(self.glance[column].cites))
        return list(anchors)


@dataclass(frozen=True)
class Condition:
    id: str
    title: str
    options: tuple[Option, ...] = ()


@dataclass(frozen=True)
class OptionsData:
    conditions: Mapping[str, Condition] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)  # source key -> how its citations read


def validate_options(
    raw: Any, source: str, references: list[Reference] | None, lines: Lines | None = None
) -> OptionsData:
    """Check the parsed options file (data/schemas/options.schema.json, then the rules below);
    return it or raise DataError with every problem. `references` (None when references.yml
    itself is broken) gives the findings that may be cited and their quotes."""
    problems = Problems(source, raw, lines or {}, OPTIONS)
    check_schema(raw, "options", problems)
    findings = None if references is None else {f.anchor: f for ref in references for f in ref.findings}
    citations = {} if references is None else {ref.key: ref.citation for ref in references}
    conditions = {item.get("id") for _, item in _list(raw, "conditions") if is_slug(item.get("id"))}
    _check_unique(raw, "conditions", problems)
    _check_unique(raw, "options", problems)
    for key in (raw.get("source_labels") or {}) if isinstance(raw, dict) else {}:
        if references is not None and key not in citations:
            problems.at(("source_labels", key), key, "the key of a source in references.yml")
    for index, option in entries(raw, "options"):
        at: Location = ("options", index)
        if is_slug(option.get("condition")) and option["condition"] not in conditions:
            known = ", ".join(sorted(str(name) for name in conditions))
            problems.at((*at, "condition"), option["condition"], f"the id of a reason under conditions ({known})")
        _check_answers(option, at, findings, citations, problems)
    problems.raise_if_any()
    return _options_data(raw, references or [])


def _list(raw: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    return entries(raw, key)


def _check_unique(raw: Any, key: str, problems: Problems) -> None:
    seen: dict[str, int] = {}
    for index, item in entries(raw, key):
        name = item.get("id")
        if is_slug(name) and name in seen:
            problems.at((key, index, "id"), name, f"an id used once (entry {seen[name]} already uses it)")
        elif is_slug(name):
            seen[name] = index + 1


def _statements(option: dict[str, Any]) -> Iterator[tuple[Location, str, dict[str, Any]]]:
    """(location, question, statement) of every sentence in the option's answers."""
    answers = option.get("answers")
    for question, paragraphs in answers.items() if isinstance(answers, dict) else ():
        for p_index, paragraph in enumerate(paragraphs if isinstance(paragraphs, list) else ()):
            for s_index, statement in enumerate(paragraph if isinstance(paragraph, list) else ()):
                if isinstance(statement, dict):
                    yield ("answers", question, p_index, s_index), question, statement


def _check_answers(
    option: dict[str, Any],
    at: Location,
    findings: Mapping[str, Finding] | None,
    citations: Mapping[str, str],
    problems: Problems,
) -> None:
    raw_answers, raw_unknown = option.get("answers"), option.get("unknown")
    unknown: list[Any] = raw_unknown if isinstance(raw_unknown, list) else []
    answers: dict[str, Any] = raw_answers if isinstance(raw_answers, dict) else {}
    # A missing or malformed `answers` is the schema's to report.
    for question in QUESTIONS if isinstance(raw_answers, dict) else ():
        if question in answers and question in unknown:
            problems.at(
                (*at, "answers", question),
                "an answer",
                f'no answer: "{question}" is listed under unknown (remove it there, or remove this answer)',
            )
        elif question not in answers and question not in unknown:
            problems.at(
                (*at, "answers", question),
                MISSING,
                f'an answer to "{question}" ({_QUESTION_WORDS[question]}), or "{question}" listed under unknown '
                "when no source we could read answers it",
            )
    cited_by_question: dict[str, set[str]] = {}
    for location, question, statement in _statements(option):
        _check_statement(statement, (*at, *location), findings, citations, problems, links=True)
        cited_by_question.setdefault(question, set()).update(_cites(statement))
    raw_glance = option.get("glance")
    glance: dict[str, Any] = raw_glance if isinstance(raw_glance, dict) else {}
    for column in GLANCE:
        cell = glance.get(column)
        if not isinstance(cell, dict):
            continue
        location = (*at, "glance", column)
        _check_statement(cell, location, findings, citations, problems, links=False)
        if column in unknown and "cites" in cell:
            problems.at(
                (*location, "cites"),
                cell["cites"],
                f'no cites: "{column}" is unknown on this card, so its cell is our own ("own: true")',
            )
            continue
        outside = [anchor for anchor in _cites(cell) if anchor not in cited_by_question.get(column, set())]
        for anchor in outside:
            problems.at(
                (*location, "cites"),
                anchor,
                f'a finding the card\'s own answer to "{column}" cites, so the table and the card agree',
            )


_QUESTION_WORDS = {
    "what": "what it is",
    "how": "how it works",
    "benefit": "what studies show",
    "risks": "its risks",
    "cost": "cost and how to get it",
    "time": "how long before it helps",
    "daily": "effect on daily life",
}


def _cites(statement: dict[str, Any]) -> list[str]:
    cites = statement.get("cites")
    return [anchor for anchor in cites if isinstance(anchor, str)] if isinstance(cites, list) else []


def _check_statement(
    statement: dict[str, Any],
    location: Location,
    findings: Mapping[str, Finding] | None,
    citations: Mapping[str, str],
    problems: Problems,
    *,
    links: bool,
) -> None:
    """A sentence cites findings that exist, or is our own; its numbers are in what it cites; its links are safe."""
    text, cites = statement.get("text"), _cites(statement)
    if "cites" in statement and statement.get("own") is True:
        problems.at((*location, "own"), True, "either cites (the findings it rests on) or own: true, not both")
    elif "cites" not in statement and "own" not in statement:
        problems.at(
            (*location, "cites"),
            MISSING,
            "the findings the text rests on (cites: [SOURCE-FINDING]), or own: true for our own note",
        )
    if findings is not None:
        for position, anchor in enumerate(cites):
            if is_slug(anchor) and anchor not in findings:
                problems.at((*location, "cites", position), anchor, "a finding in references.yml (SOURCE-FINDING)")
    if not isinstance(text, str):
        return
    if links:
        for image, target in _LINK_TARGET.findall(text):
            if image or not (_SITE_PAGE.match(target) or _OTHER_SAFE.match(target)):
                shown = f"![...]({target})" if image else target
                problems.at((*location, "text"), shown, f"links to {SAFE_TARGETS}; no images; cite findings with cites")
    if statement.get("own") is True or findings is None or not cites or any(a not in findings for a in cites):
        return
    quotes = [findings[anchor].quote for anchor in cites]
    sources = [citations.get(findings[anchor].source_key, "") for anchor in cites]
    for number in unsupported_numbers(text, quotes, sources):
        _number_problem(problems, (*location, "text"), number, cites)


def _number_problem(problems: Problems, location: Location, number: str, cites: list[str]) -> None:
    """Located like every other problem, but the found value is a number inside the text."""
    where, rest = problems.where(location)
    line = problems.line(location)
    suffix = f" (line {line})" if line else ""
    problems.found.append(
        (
            location,
            f'{problems.source}: {where}, field "{field_name(rest)}": found the number {number}, which no quote of '
            f"the findings it cites holds ({', '.join(cites)}); allowed: a number in the quote of a finding the "
            f"sentence cites, or own: true when it is our own.{suffix}",
        )
    )


def _statement(raw: dict[str, Any]) -> Statement:
    return Statement(" ".join(raw["text"].split()), tuple(raw.get("cites", ())), raw.get("own") is True)


def _options_data(raw: dict[str, Any], references: list[Reference]) -> OptionsData:
    """A file that passed every check, as the objects the cards and tables render."""
    options: dict[str, list[Option]] = {}
    for item in raw["options"]:
        answers = {
            question: tuple(tuple(_statement(s) for s in paragraph) for paragraph in item["answers"][question])
            for question in QUESTIONS
            if question in item["answers"]
        }
        glance = {column: _statement(item["glance"][column]) for column in GLANCE}
        option = Option(
            item["id"],
            item["condition"],
            item["label"].strip(),
            item["title"].strip(),
            answers,
            glance,
            tuple(question for question in QUESTIONS if question in item.get("unknown", ())),
        )
        options.setdefault(option.condition, []).append(option)
    conditions = {
        item["id"]: Condition(item["id"], item["title"].strip(), tuple(options.get(item["id"], ())))
        for item in raw["conditions"]
    }
    labels = {reference.key: short_label(reference) for reference in references}
    labels.update({key: str(value).strip() for key, value in (raw.get("source_labels") or {}).items()})
    return OptionsData(conditions, labels)
