"""The site's shortcodes, bound to its data, its repository and the page being built."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from hooks.content.cautions import ExerciseLink
from hooks.content.exercises import Exercise, has_hold
from hooks.content.exercises.pattern_html import render_pattern_link_format, render_pattern_maker
from hooks.content.exercises.render import render_pacer, render_steps
from hooks.content.findings import BackLink
from hooks.content.options import Condition, OptionsData
from hooks.content.plans import Plans
from hooks.content.repository import Repository
from hooks.content.site_data import CAUTIONS_FILE, EXERCISES_FILE, OPTIONS_FILE, PLANS_FILE, SiteData
from hooks.pages.citations import Shown, ShownBy
from hooks.pages.shortcodes import Renderer, shortcodes_in
from hooks.render.cautions import crisis_box, crisis_help, hold_caution, light_headed_rule, local_line
from hooks.render.countries import parse_topics, render_country_tabs
from hooks.render.options import render_cards, render_glance
from hooks.render.plans import render_plan, render_plan_link_format, render_plan_list
from hooks.render.references import render_reference_list
from hooks.render.site import render_contact, render_editors, render_publisher

# The first line of a failed build's message, the same whichever generator runs the shortcodes.
SHORTCODE_PROBLEMS = "Shortcode problems:"
# One reason's options: its at-a-glance table, and its cards (on one page, which the table links to).
OPTIONS_GLANCE = "options-glance"
OPTIONS_CARDS = "options-cards"


def pacer_pages(markdown_by_page: Mapping[str, str]) -> dict[str, str]:
    """Exercise id -> the page (its source path) that first shows its pacer, in page order."""
    pages: dict[str, str] = {}
    for page, markdown in markdown_by_page.items():
        for name, argument in shortcodes_in(markdown):
            if name == "pacer" and argument:
                pages.setdefault(argument, page)
    return pages


def options_pages(markdown_by_page: Mapping[str, str]) -> dict[str, str]:
    """Reason id -> the page (its source path) that first shows its cards, in page order."""
    pages: dict[str, str] = {}
    for page, markdown in markdown_by_page.items():
        for name, argument in shortcodes_in(markdown):
            if name == OPTIONS_CARDS and argument:
                pages.setdefault(argument, page)
    return pages


def options_shown(options: OptionsData) -> ShownBy:
    """The findings each options shortcode shows: a card's under the card's own heading, a
    table's in the section it stands in. A table's cells show no citation (their card does), so
    the references page links back to the cards, not to the tables; the cells still count for
    the page's review date."""

    def shown(name: str, argument: str) -> Sequence[Shown]:
        condition = options.conditions.get(argument)
        if condition is None:
            return ()
        if name == OPTIONS_CARDS:
            return [Shown(a, o.id, o.title) for o in condition.options for a in o.card_findings()]
        if name == OPTIONS_GLANCE:
            return [Shown(anchor, linked=False) for option in condition.options for anchor in option.glance_findings()]
        return ()

    return shown


def hold_free_links(data: SiteData, exercise_urls: Mapping[str, str]) -> list[ExerciseLink]:
    """Every exercise with no hold phase that a page shows, linked, in the data file's order."""
    return [
        ExerciseLink(exercise.title, exercise_urls[exercise.id])
        for exercise in data.exercises.values()
        if not has_hold(exercise) and exercise.id in exercise_urls
    ]


def shortcode_renderers(
    data: SiteData,
    references_url: str,
    repository: Repository | None = None,
    *,
    exercise_urls: Mapping[str, str],
    editors: tuple[str, ...],
    cited_by: Mapping[str, Sequence[BackLink]] | None = None,
    page: str = "",
    cards_pages: Mapping[str, str] | None = None,
) -> dict[str, Renderer]:
    """The shortcodes, bound to this site's data, its repository and the page being built.

    `references_url` and `exercise_urls` (id -> the pacer's address) are relative to that page,
    so the same links work at every depth. `editors` are the names from the site config. Both
    are required: without the addresses, a hold caution could not point to the exercises
    without holds. `cited_by` (finding anchor -> the places citing it, addressed from the
    references page) gives the references page its links back. `page` is the page's source path
    from the docs folder (the options' Markdown links are made relative to it), and `cards_pages`
    (reason id -> page) says where each reason's cards are, for its table's links.
    """

    def exercise(shortcode: str, argument: str) -> Exercise:
        if not argument:
            raise LookupError(f"<!-- md:{shortcode} --> needs an exercise id, e.g. <!-- md:{shortcode} box -->.")
        if argument not in data.exercises:
            known = ", ".join(sorted(data.exercises))
            raise LookupError(
                f'unknown exercise "{argument}" in <!-- md:{shortcode} -->; data/{EXERCISES_FILE} defines {known}.'
            )
        return data.exercises[argument]

    hold_free = hold_free_links(data, exercise_urls)

    def pacer(argument: str) -> str:
        return render_pacer(exercise("pacer", argument), data.references, references_url, data.cautions, hold_free)

    def no_argument(shortcode: str, argument: str) -> None:
        if argument:
            raise LookupError(f'<!-- md:{shortcode} --> takes no argument; found "{argument}".')

    def references(argument: str) -> str:
        no_argument("references", argument)
        return render_reference_list(list(data.references.values()), cited_by)

    def contact(argument: str) -> str:
        no_argument("contact", argument)
        return render_contact(repository)

    def publisher(argument: str) -> str:
        no_argument("publisher", argument)
        return render_publisher(repository)

    def caution(argument: str) -> str:
        if argument == "light-headed":
            return light_headed_rule(data.cautions)
        if argument == "holds":
            return hold_caution(data.cautions, hold_free)
        if argument == "crisis":
            return crisis_help(data.cautions)
        if argument == "crisis-box":
            return crisis_box(data.cautions)
        if argument == "local-line":
            return local_line()
        raise LookupError(
            f'unknown caution "{argument}" in <!-- md:caution -->; use <!-- md:caution light-headed -->, '
            "<!-- md:caution holds -->, <!-- md:caution crisis -->, <!-- md:caution crisis-box --> or "
            "<!-- md:caution local-line --> "
            f"(the wording is in data/{CAUTIONS_FILE})."
        )

    def countries(argument: str) -> str:
        return render_country_tabs(list(data.countries), parse_topics(argument))

    def your_own(argument: str) -> str:
        no_argument("your-own", argument)
        return render_pattern_maker(data.exercises.values(), data.cautions, hold_free)

    def plans(shortcode: str, argument: str) -> Plans:
        no_argument(shortcode, argument)
        if data.plans is None:
            raise LookupError(f"<!-- md:{shortcode} --> needs data/{PLANS_FILE}, which this build did not load.")
        return data.plans

    def plan(argument: str) -> str:
        return render_plan(plans("plan", argument), data.exercises, data.cautions, hold_free, data.countries)

    def plan_list(argument: str) -> str:
        return render_plan_list(plans("plans", argument), data.exercises, data.references, references_url)

    def plan_link_format(argument: str) -> str:
        return render_plan_link_format(plans("plan-link-format", argument), data.exercises)

    def pattern_link_format(argument: str) -> str:
        no_argument("pattern-link-format", argument)
        return render_pattern_link_format(data.exercises.values())

    def condition(shortcode: str, argument: str) -> Condition:
        if argument not in data.options.conditions:
            known = ", ".join(data.options.conditions)
            raise LookupError(
                f'unknown reason "{argument}" in <!-- md:{shortcode} -->; data/{OPTIONS_FILE} defines {known} '
                f"(e.g. <!-- md:{shortcode} {next(iter(data.options.conditions), 'stress')} -->)."
            )
        return data.options.conditions[argument]

    sources = {finding.anchor: key for key, ref in data.references.items() for finding in ref.findings}

    def option_cards(argument: str) -> str:
        labels = dict(data.options.labels)
        return render_cards(condition(OPTIONS_CARDS, argument), page, labels, sources)

    def option_glance(argument: str) -> str:
        shown = condition(OPTIONS_GLANCE, argument)
        cards_page = (cards_pages or {}).get(argument)
        if cards_page is None:
            raise LookupError(
                f'no page shows the cards of "{argument}", so its table has nothing to link to; '
                f"add <!-- md:{OPTIONS_CARDS} {argument} --> to the page for that reason."
            )
        return render_glance(shown, cards_page, page)

    def editor_list(argument: str) -> str:
        no_argument("editors", argument)
        return render_editors(editors)

    return {
        "pacer": pacer,
        "steps": lambda argument: render_steps(exercise("steps", argument)),
        "references": references,
        "contact": contact,
        "publisher": publisher,
        "caution": caution,
        "editors": editor_list,
        "your-own": your_own,
        "countries": countries,
        OPTIONS_GLANCE: option_glance,
        OPTIONS_CARDS: option_cards,
        "plan": plan,
        "plans": plan_list,
        "plan-link-format": plan_link_format,
        "pattern-link-format": pattern_link_format,
    }
