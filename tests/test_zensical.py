"""The site also builds under Zensical, Material for MkDocs' successor, and says the same things.

Zensical ignores MkDocs hooks, so it gets the shortcodes from hooks/markdown_extension.py
(configured in zensical.yml). Both builds come from the same sources; page by page they must show
the same pacers (their data-exercise), steps, cautions, review dates and safety notice. Bad data
or a bad shortcode stop the Zensical build with the messages the MkDocs build gives.
"""

from __future__ import annotations

import datetime
import html
import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml
from playwright.sync_api import expect

from hooks.pages.front_matter import front_matter_problems
from hooks.pages.shortcodes import FRONT_MATTER
from tests.support.build import BUILD_CONTEXT, REVIEWER, build_site, build_with_zensical, copy_site, replace_in
from tests.support.csp import policy_problems
from tests.support.paths import REPO_ROOT, page_addresses, representative
from tests.support.polling import PAGE_READY, wait_until
from tests.support.watch import watch

DOCS = REPO_ROOT / "docs"
NOT_FOUND_CONSOLE_LINE = "Failed to load resource: the server responded with a status of 404 (Not Found)"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """Service workers allowed again, and the real search index (tests/conftest.py blocks the one and
    empties the other), for the Chromium crawl of the Zensical build, the one test here on
    pytest-playwright's `page`: an error of the offline copy's worker or of search must show up."""
    return {**browser_context_args, "service_workers": "allow", "extra_http_headers": {}}


@pytest.fixture(scope="module")
def both_builds(zensical_source: Path, zensical_site: Path) -> tuple[Path, Path]:
    """(MkDocs build, Zensical build) of one copy of the site, with no repository context and a
    reviewer named on the About page (tests/conftest.py)."""
    mkdocs = build_site(zensical_source / "site", cwd=zensical_source, env=dict.fromkeys(BUILD_CONTEXT))
    assert mkdocs.returncode == 0, mkdocs.stderr
    return zensical_source / "site", zensical_site


def squeeze(html: str) -> str:
    return re.sub(r"\s+", " ", html).strip()


def what_a_reader_is_told(page: Path, site: Path) -> dict[str, object]:
    """The parts of a page both builds must agree on, with links resolved against the page."""
    text = page.read_text(encoding="utf-8")
    page_path = "/" + page.relative_to(site).as_posix()
    notice = re.search(r'<p class="br-notice">(.*?)</p>', text, re.DOTALL)
    review = re.search(r'<div class="br-review[^"]*">(.*?)</div>', text, re.DOTALL)
    footer_help = re.search(r'<div class="br-footer-help[^"]*">(.*?)</div>', text, re.DOTALL)
    links_in = lambda fragment: [urljoin(page_path, href) for href in re.findall(r'href="([^"]+)"', fragment)]  # noqa: E731
    cautions = re.findall(r'<aside class="admonition warning br-cautions".*?</aside>', text, re.DOTALL)
    exercises = re.findall(r'<div class="br-exercise".*?</br-pacer>.*?</div>', text, re.DOTALL)
    return {
        "pacers": re.findall(r'data-exercise="([^"]*)"', text),
        "steps": re.findall(r'<ol class="br-steps__list">.*?</ol>', text, re.DOTALL),
        "cautions": cautions,
        "source links": [links_in(exercise) for exercise in exercises],
        # Unescaped: the engines escape alike but spell some entities differently (/ as &#x2f;).
        "review": html.unescape(squeeze(re.sub(r'href="[^"]*"', "", review.group(1)))) if review else None,
        "review links": links_in(review.group(1)) if review else None,
        "notice": squeeze(re.sub(r'href="[^"]*"', "", notice.group(1))) if notice else None,
        "notice links": links_in(notice.group(1)) if notice else None,
        # Crisis help at the foot of every page (no page history here: the builds run without a repository).
        "footer help": squeeze(re.sub(r'href="[^"]*"', "", footer_help.group(1))) if footer_help else None,
        "footer help links": links_in(footer_help.group(1)) if footer_help else None,
    }


def test_zensical_builds_the_same_pages(both_builds):
    mkdocs, zensical = both_builds
    pages = sorted(path.relative_to(mkdocs).as_posix() for path in mkdocs.rglob("index.html"))
    assert pages == sorted(path.relative_to(zensical).as_posix() for path in zensical.rglob("index.html"))
    assert (zensical / "404.html").is_file()


def test_every_page_tells_the_reader_the_same_under_both(both_builds):
    mkdocs, zensical = both_builds
    differences = []
    pacers_seen = 0
    for page in sorted(mkdocs.rglob("index.html")):
        relative = page.relative_to(mkdocs)
        expected = what_a_reader_is_told(page, mkdocs)
        found = what_a_reader_is_told(zensical / relative, zensical)
        pacers_seen += len(expected["pacers"])
        assert expected["review"], relative
        assert expected["notice"], relative
        assert expected["footer help"], relative
        differences += [
            f"{relative}: {part}:\n  MkDocs:   {expected[part]}\n  Zensical: {found[part]}"
            for part in expected
            if expected[part] != found[part]
        ]
    assert pacers_seen >= 5
    assert not differences, "\n".join(differences)


def test_the_reviewer_stands_beside_the_review_dates_in_both(both_builds):
    for site in both_builds:
        text = (site / "about/index.html").read_text(encoding="utf-8")
        reviewer = re.search(r'</time> by <span class="br-review__by">([^<]*)</span>', text)
        assert reviewer is not None, site
        assert html.unescape(reviewer.group(1)) == REVIEWER  # escaped, so shown as typed


UNREVIEWED = re.compile(r'<a class="br-review__unreviewed" href="([^"]+)">Not yet reviewed by a clinician</a>')


def test_pages_without_a_reviewer_say_no_clinician_has_reviewed_them_in_both(both_builds):
    """The About page names a reviewer here, so the line is gone there and present on every other page,
    linking to the About page's medical-review policy."""
    for site in both_builds:
        for page in sorted(site.rglob("index.html")):
            relative = page.relative_to(site).as_posix()
            found = UNREVIEWED.findall(page.read_text(encoding="utf-8"))
            if relative == "about/index.html":
                assert found == [], site
            else:
                assert len(found) == 1, f"{site.name}/{relative}: {found}"
                target = urljoin("/" + relative, found[0])
                assert target == "/about/#medical-review", f"{site.name}/{relative}: {target}"


@pytest.mark.browser
def test_the_zensical_build_works_in_chromium(spied_zensical_site, page):
    """Not published, but it must not be a facade: clean pages within their content security
    policy (tests/support/csp.py), nothing third-party, pacers start. The representative pages
    (tests/support/paths.py): every page's policy is checked in the files (tests/test_csp.py) and
    its words against the MkDocs page's (above); the other engines crawl the MkDocs build
    (tests/test_csp_browser.py)."""
    zensical, site = spied_zensical_site
    watcher = watch(page, site)
    outside_policy = {}
    for path in representative(page_addresses(zensical)):
        page.goto(site + path, wait_until="load")
        wait_until(page, PAGE_READY)
        time.sleep(0.4)  # what a page starts after load (search index, service worker) has its go
        outside_policy[path] = policy_problems(page.evaluate)
    page.goto(site + "no/such/page/", wait_until="load")
    time.sleep(0.4)
    outside_policy["404"] = policy_problems(page.evaluate)
    assert watcher.errors == [NOT_FOUND_CONSOLE_LINE]  # the missing page's own 404 status
    watcher.errors.clear()
    page.goto(site + "exercises/box/")
    pacer = page.locator('br-pacer[data-pacer="box"][data-ready]')
    pacer.get_by_role("button", name="Start").click()
    expect(pacer).to_have_attribute("data-state", "running")
    page.wait_for_load_state("networkidle")
    assert {path: problems for path, problems in outside_policy.items() if problems} == {}
    assert watcher.errors == []
    assert watcher.foreign_requests == []


def test_no_shortcode_is_left_in_the_zensical_build(both_builds):
    _, zensical = both_builds
    for page in zensical.rglob("*.html"):
        assert not re.search(r"<!--\s*md:", page.read_text(encoding="utf-8")), page


@pytest.mark.build
def test_zensical_stops_on_bad_data_with_the_mkdocs_message(tmp_path):
    """The message tests/test_build.py sees from MkDocs for the same mistake, word for word."""
    root = copy_site(tmp_path)
    replace_in(
        root / "data/exercises.yml",
        "      - action: hold-full\n        seconds: 7",
        "      - action: hold-full\n        seconds: -7",
    )
    message = (
        "The site data has problems; nothing was built:\n"
        'data/exercises.yml: exercise "4-7-8" (entry 2), field "phases[2].seconds": '
        "found -7; allowed: a number from 1 to 20."
    )
    zensical = build_with_zensical(root)
    assert zensical.returncode != 0
    assert message in zensical.stdout + zensical.stderr
    assert not list((root / "site-zensical").rglob("index.html")), "no page may be written"


@pytest.mark.build
def test_zensical_names_the_page_and_line_of_a_bad_shortcode_as_mkdocs_does(tmp_path):
    """MkDocs' message for the same mistake: tests/test_build.py (the page rules' build)."""
    root = copy_site(tmp_path)
    line = replace_in(root / "docs/exercises/box.md", "<!-- md:pacer box -->", "<!-- md:pacer boxx -->")
    message = f'docs/exercises/box.md, line {line}: unknown exercise "boxx" in <!-- md:pacer -->'
    zensical = build_with_zensical(root)
    assert zensical.returncode != 0
    assert message in zensical.stdout + zensical.stderr


# What Zensical cannot check (it ignores the MkDocs hook's front-matter check), checked on docs/ --


def page_front_matter(page: Path) -> dict:
    match = FRONT_MATTER.match(page.read_text(encoding="utf-8"))
    assert match, f"{page}: no front matter"
    return yaml.safe_load(match.group(0).strip().strip("-")) or {}


@pytest.mark.parametrize("source", sorted(DOCS.rglob("*.md")), ids=lambda source: source.relative_to(DOCS).as_posix())
def test_every_page_passes_the_hooks_front_matter_check(source):
    """The rule the MkDocs build enforces, applied to the sources so a Zensical-only build keeps it."""
    assert front_matter_problems(page_front_matter(source)) == []


def test_the_front_matter_check_refuses_a_reviewer_that_is_not_text():
    meta = {
        "description": "A page about one thing, in one plain sentence of 50 characters or more.",
        "reviewed": datetime.date(2026, 11, 28),
        "next_review": datetime.date(2027, 5, 28),
    }
    assert front_matter_problems(meta) == []
    for empty in ("  ", None, 3):
        (problem,) = front_matter_problems({**meta, "reviewed_by": empty})
        assert problem.startswith('field "reviewed_by": found '), problem
