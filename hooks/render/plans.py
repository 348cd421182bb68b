"""Practice plans as HTML (hooks/templates/plans/): the plan page's <br-plan> block, the built-in
plans, and the plan link's format table, all from the checked data.

The plan page is one page for every plan: the build writes every exercise's cautions and steps into
it, hidden, and the script shows the ones the link's exercise needs, so the cautions are the build's
own wording (data/cautions.yml, data/exercises.yml) and never text from the address.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from hooks.content.cautions import ExerciseLink, SharedCautions
from hooks.content.countries import Country, Help, dial
from hooks.content.exercises import Exercise, has_hold
from hooks.content.exercises.bounds import PATTERN_TITLE
from hooks.content.exercises.render import Citation, exercise_payload
from hooks.content.plan_breaths import minutes_range
from hooks.content.plan_contract import plan_contract
from hooks.content.plans import Plan, Plans
from hooks.content.references import Reference, short_label
from hooks.render.templates import render

# What the printed plan lists for each country: the emergency number, then the crisis lines.
CRISIS_TOPICS = ("emergency", "crisis")


def _crisis_items(country: Country) -> list[Help]:
    """A country's emergency number and crisis lines that have a number to call or text."""
    return [item for topic in CRISIS_TOPICS for item in country.help.get(topic, ()) if item.call or item.text]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def plan_query(plan: Plan) -> str:
    """A built-in plan as its link's query, in the documented order: ?exercise=ID&minutes=M&days=D&time=HH:MM."""
    return f"?exercise={plan.exercise}&minutes={plan.minutes}&days={plan.days}&time={plan.time}"


def plan_words(plan: Plan, exercises: Mapping[str, Exercise]) -> str:
    """ "Gentle breathing, 5 minutes a day, for 14 days, at 8:00", as plan-link.js's planSentence says it."""

    def counted(count: int, unit: str) -> str:
        return f"{count} {unit}{'' if count == 1 else 's'}"

    time = plan.time[1:] if plan.time.startswith("0") else plan.time
    title = exercises[plan.exercise].title
    return f"{title}, {counted(plan.minutes, 'minute')} a day, for {counted(plan.days, 'day')}, at {time}"


def render_plan(
    plans: Plans,
    exercises: Mapping[str, Exercise],
    cautions: SharedCautions,
    hold_free: Sequence[ExerciseLink],
    countries: Sequence[Country],
) -> str:
    """The <br-plan> block: the contract, every exercise's pacer payload, cautions and steps, and
    the crisis lines for the printed page."""
    contract = plan_contract(exercises, plans.bounds)
    titles = {exercise.id: exercise.title for exercise in exercises.values()}
    titles[contract["pattern"]["id"]] = PATTERN_TITLE
    return render(
        "plans/plan.html",
        contract=contract,
        contract_json=_json(contract),
        exercises_json=_json({exercise.id: exercise_payload(exercise) for exercise in exercises.values()}),
        titles_json=_json(titles),
        exercises=list(exercises.values()),
        plannable=[exercise for exercise in exercises.values() if minutes_range(exercise, plans.bounds.minutes)],
        holding={exercise.id for exercise in exercises.values() if has_hold(exercise)},
        own_id=contract["pattern"]["id"],
        own_title=PATTERN_TITLE,
        default=plans.bounds,
        cautions=cautions,
        hold_free=hold_free,
        crisis_lines=[(country.name, items) for country in countries if (items := _crisis_items(country))],
        dial=dial,
    )


def render_plan_list(
    plans: Plans, exercises: Mapping[str, Exercise], references: Mapping[str, Reference], references_url: str
) -> str:
    """The built-in plans: each one's name, summary, plan in words, link and findings."""

    def citation(anchor: str) -> Citation:
        source = next(ref for ref in references.values() if any(f.anchor == anchor for f in ref.findings))
        return Citation(anchor, short_label(source))

    items = [
        {
            "plan": plan,
            "words": plan_words(plan, exercises),
            "query": plan_query(plan),
            "research": [citation(anchor) for anchor in plan.references],
        }
        for plan in plans.plans
    ]
    return render("plans/list.html", items=items, references_url=references_url)


def render_plan_link_format(plans: Plans, exercises: Mapping[str, Exercise]) -> str:
    """The plan link's names and bounds, from the same contract the page's script reads."""
    contract = plan_contract(exercises, plans.bounds)
    return render("plans/link_format.md", contract=contract, own_title=PATTERN_TITLE)
