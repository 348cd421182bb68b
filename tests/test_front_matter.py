"""The front matter rules, as plain functions: where each limit lies and what the message says.
tests/test_build.py checks that the build applies them to real pages."""

from __future__ import annotations

import datetime

import pytest

from hooks.pages.front_matter import front_matter_problems

REVIEWED = datetime.date(2026, 11, 28)


def meta(**overrides) -> dict:
    fields = {
        "description": "A plain sentence that says what this page is about, for readers.",
        "reviewed": REVIEWED,
        "next_review": REVIEWED + datetime.timedelta(days=181),
    }
    fields.update(overrides)
    return fields


def test_a_page_within_every_rule_has_no_problems():
    assert front_matter_problems(meta()) == []


@pytest.mark.parametrize(("length", "allowed"), [(49, False), (50, True), (160, True), (161, False)])
def test_the_description_is_50_to_160_characters(length, allowed):
    problems = front_matter_problems(meta(description="x" * length))
    expected = [] if allowed else [f'field "description": found {length} characters; allowed: 50 to 160.']
    assert problems == expected


@pytest.mark.parametrize(("days", "allowed"), [(1, True), (184, True), (185, False)])
def test_the_next_review_is_at_most_six_months_away(days, allowed):
    next_review = REVIEWED + datetime.timedelta(days=days)
    problems = front_matter_problems(meta(next_review=next_review))
    expected = (
        []
        if allowed
        else [
            f'field "next_review": found {next_review}, {days} days after "reviewed"; '
            "allowed: at most 184 days (six months) after it."
        ]
    )
    assert problems == expected


def test_the_next_review_comes_after_the_last():
    assert front_matter_problems(meta(next_review=REVIEWED)) == [
        f'field "next_review": found {REVIEWED}; allowed: a date after "reviewed" ({REVIEWED}).'
    ]


def test_a_quoted_date_is_not_a_date():
    assert front_matter_problems(meta(reviewed="2026-11-28")) == [
        'field "reviewed": found "2026-11-28" (text); allowed: a date written as YYYY-MM-DD, unquoted.'
    ]
