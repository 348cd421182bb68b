"""Fixtures: one strict build of the site, served on loopback under /breathing-room/, and the
Chromium the browser tests drive; and the kind of every test (unit, build or browser), so
`make test-fast` can leave the browsers out. The code behind them lives in tests/support/.

The build and the server are session-scoped so the whole suite pays for them once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from xdist.scheduler import LoadFileScheduling

from tests.support import browsers, engines, kinds, offline
from tests.support.build import BUILD_CONTEXT, REVIEWER, build_site, build_with_zensical, copy_site
from tests.support.contexts import QUIET, ContextPool
from tests.support.csp import serve_sitemap_from, spied_copy
from tests.support.pacer import pacer_paths
from tests.support.paths import page_addresses
from tests.support.server import serve
from tests.support.shared import made_once


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once for all workers (tests/support/shared.py); tests only read it."""

    def build(destination: Path) -> None:
        # The default address (/breathing-room/) and no repository context, so the site is the same
        # locally and in CI (tests/test_site_address.py reads it as the build without a repository).
        result = build_site(destination, env=dict.fromkeys(BUILD_CONTEXT))
        if result.returncode != 0:
            pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}", pytrace=False)

    return made_once(tmp_path_factory, "site", build)


@pytest.fixture(scope="session")
def built_pages(built_site: Path) -> list[Path]:
    """Every HTML page of the built site, 404 included."""
    return sorted(built_site.rglob("*.html"))


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site on a free loopback port, e.g. http://127.0.0.1:PORT/breathing-room/."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def spied_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """(a copy of the built site whose pages report policy violations, its address on a test
    server): what the Chromium crawl and the policy tests load (tests/support/csp.py)."""
    copy = spied_copy(built_site, tmp_path_factory.mktemp("spied") / "site")
    with serve(copy) as url:
        serve_sitemap_from(copy, url)
        yield copy, url


@pytest.fixture(scope="session")
def zensical_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the site's sources for the Zensical build, with a reviewer named on the About page
    (front matter is text: it must show as typed), built by Zensical into site-zensical/ (and
    hooks.finish), as `make build-zensical` does; once for all workers."""

    def copy_and_build(root: Path) -> None:
        copy_site(root)
        about = root / "docs/about.md"
        text = about.read_text(encoding="utf-8")
        if "reviewed_by:" not in text:
            about.write_text(
                text.replace("\nreviewed:", f"\nreviewed_by: '{REVIEWER}'\nreviewed:", 1), encoding="utf-8"
            )
        built = build_with_zensical(root)
        assert built.returncode == 0, built.stdout + built.stderr

    return made_once(tmp_path_factory, "zensical-source", copy_and_build)


@pytest.fixture(scope="session")
def zensical_site(zensical_source: Path) -> Path:
    """zensical_source as Zensical built it."""
    return zensical_source / "site-zensical"


@pytest.fixture(scope="session")
def spied_zensical_site(zensical_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The Zensical build as spied_site is the MkDocs one."""
    copy = spied_copy(zensical_site, tmp_path_factory.mktemp("spied-zensical") / "site")
    with serve(copy) as url:
        serve_sitemap_from(copy, url)
        yield copy, url


@pytest.fixture(scope="module")
def offline_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[offline.SiteServer]:
    """A copy of the suite's build, served at its own address on a server that logs every request
    and can be taken down, for one module's offline tests (tests/support/offline.py)."""
    server = offline.serve_copy_of(built_site, tmp_path_factory.mktemp("offline-site"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def page_paths(built_site: Path) -> list[str]:
    """Site-relative URL of every content page (directory URLs), 404 excluded, home first."""
    return page_addresses(built_site)


@pytest.fixture(scope="session")
def pacer_urls(built_site: Path, site_url: str) -> dict[str, str]:
    """Exercise id -> full URL of a page with its pacer, on the test server."""
    return {exercise_id: site_url + path for exercise_id, path in pacer_paths(built_site).items()}


@pytest.fixture(scope="session")
def shared_engines() -> Iterator[engines.SharedEngines]:
    """Firefox and WebKit, each launched at most once per test process (tests/support/engines.py)."""
    with engines.SharedEngines() as shared:
        yield shared


@pytest.fixture(scope="module", params=engines.ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[engines.EnginePage]:
    """One browser per engine for the module that asks for it, Firefox and WebKit shared with the
    process's other modules; each test loads its page afresh."""
    if request.param == "chromium":
        with engines.chromium_page(request.getfixturevalue("browser")) as page:
            yield page
    else:
        yield request.getfixturevalue("shared_engines").page(request.param)


@pytest.fixture(scope="session")
def context_pool(browser: Browser) -> Iterator[ContextPool]:
    """This worker's warm Chromium contexts (tests/support/contexts.py)."""
    pool = ContextPool(browser)
    yield pool
    pool.close()


@pytest.fixture
def open_page(context_pool: ContextPool) -> Iterator[Callable[..., Page]]:
    """open_page(viewport=..., color_scheme=..., timezone_id=..., ...) -> a fresh page in a clean,
    warm context, for a test that needs no cold browser; every page the test opened there is closed
    after it. A test that installs a clock, routes or scripts on the whole context, or goes offline,
    makes its own context instead."""
    yield context_pool.open_page
    context_pool.release()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright's `context` and `page` with service workers blocked: the offline copy's
    worker would precache the whole site (4.6 MB) in every test's context. The tests about the offline
    copy and the crawls that watch every page for errors make their own contexts, workers allowed.
    And with the search index empty (tests/support/server.py), as in the warm pool's contexts."""
    return {**browser_context_args, **QUIET}


def _playwright_has_own_chromium() -> bool:
    with sync_playwright() as playwright:
        return Path(playwright.chromium.executable_path).is_file()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright's launch arguments with the Chromium `make test` found (no install here)."""
    try:
        executable = browsers.find(browsers.CHROMIUM)
    except browsers.BrowserNotFoundError as error:
        raise pytest.UsageError(str(error)) from None
    if executable is None and not _playwright_has_own_chromium():
        pytest.fail(browsers.advice(browsers.CHROMIUM), pytrace=False)
    args = {
        **browser_type_launch_args,
        "args": [*browsers.chromium_args(executable), *browsers.TEST_ONLY_CHROMIUM_ARGS],
    }
    if executable:
        args["executable_path"] = executable
    return args


# The kinds of test, one per test, chosen here so a new test file needs no bookkeeping: a test that
# drives a browser (marked so, or using a browser fixture) is "browser"; one that builds the site
# (marked "build", or using a fixture that builds) is "build"; anything else is "unit". The kinds
# are checked as the tests run (tests/support/kinds.py): a unit test that starts a build fails, so
# does a test marked "build" that builds nothing, and so does a fixture that builds but is missing
# from BUILD_FIXTURES (every test using it would be miscounted).
BROWSER_FIXTURES = {
    "page",
    "browser",
    "context",
    "engine",
    "shared_engines",
    "open_page",
    "context_pool",
}
BUILD_FIXTURES = {
    "built_site",
    "spied_site",
    "zensical_source",
    "zensical_site",
    "spied_zensical_site",
    "built_pages",
    "site_url",
    "page_paths",
    "pacer_urls",
    "offline_site",
    "published",
    "built_without_repository",
    "both_builds",
    "spied_sites",
    "served_copy",
}
KIND = pytest.StashKey[str]()
ENGINE_EXERCISES = {"4-7-8", "alternate-nostril"}
ENGINE_BUILDS = {"mkdocs"}
CRAWLS = ("test_every_page_loads_with_no_violation", "test_instant_navigation_and_a_running_pacer_cause_no_violation")
# Chromium's one crawl of every page watches the console, axe-core and the policy together, so
# test_csp_browser.py's page-load crawl runs in Firefox and WebKit only: in the MkDocs build,
# test_browser_pages.py; in the Zensical build, test_zensical.py.

# The browser test files that take longest here, by wall time (each runs on one worker, --dist
# loadfile): they go to the workers first, so a run does not end with one long file on one worker
# while the other cores idle. `make test` tells pytest-xdist to keep this order (--no-loadscope-reorder;
# by default it hands out the files with the most tests first). Every other file keeps its place.
LONGEST_FIRST = ("test_browser_pages.py", "test_pacer_engines.py", "test_csp_browser.py", "test_offline_browser.py")


# Firefox and WebKit start once in each test process that asks for them (SharedEngines in
# tests/support/engines.py), for seconds of CPU each: the files that share them run in one process,
# one work unit for pytest-xdist (a file of its own for every other file, as --dist loadfile has it).
SHARED_ENGINE_FILES = ("test_pacer_engines.py", "test_csp_browser.py", "test_phone_fit_browser.py")
SHARED_ENGINES_UNIT = "tests/ (the files that share Firefox and WebKit)"


class _SharedEnginesTogether(LoadFileScheduling):
    """--dist loadfile, with SHARED_ENGINE_FILES as one unit of work."""

    def _split_scope(self, nodeid: str) -> str:
        file = super()._split_scope(nodeid)
        return SHARED_ENGINES_UNIT if Path(file).name in SHARED_ENGINE_FILES else file


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: `-p no:xdist` still runs
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> LoadFileScheduling | None:
    """Under --dist loadfile (the browser tests in `make test`), the files sharing Firefox and WebKit together."""
    return _SharedEnginesTogether(config, log) if config.getoption("dist") == "loadfile" else None


def _fixtures(item: pytest.Item) -> set[str]:
    """The fixtures a test uses, not counting the arguments it is parametrized with (a test
    parametrized over `page`, a path, drives no browser page)."""
    direct: set[str] = set()
    for mark in item.iter_markers("parametrize"):
        if mark.kwargs.get("indirect"):
            continue
        names = mark.args[0] if mark.args else mark.kwargs.get("argnames", ())
        direct |= {name.strip() for name in names.split(",")} if isinstance(names, str) else set(names)
    return set(getattr(item, "fixturenames", ())) - direct


def _kind(item: pytest.Item) -> str:
    fixtures = _fixtures(item)
    if item.get_closest_marker("browser") or fixtures & BROWSER_FIXTURES:
        return "browser"
    if item.get_closest_marker("build") or fixtures & BUILD_FIXTURES:
        return "build"
    return "unit"


def _builds_through_a_fixture(item: pytest.Item) -> bool:
    return bool(_fixtures(item) & BUILD_FIXTURES)


def _beyond_the_representative_set(item: pytest.Item) -> bool:
    """An engine test (test_pacer_engines.py, test_csp_browser.py) on an exercise or build past the
    representative ones. The quickened sessions run in Chromium on those exercises too: Chromium
    plays every exercise whole on its fake clock, to the frame (test_pacer_timing.py)."""
    callspec = getattr(item, "callspec", None)
    engine = callspec.params.get("engine") if callspec else None
    if engine is None:
        return False
    exercise, build = callspec.params.get("exercise_id"), callspec.params.get("build")
    if exercise is not None and exercise not in ENGINE_EXERCISES:
        return True
    return engine != "chromium" and build is not None and build not in ENGINE_BUILDS and item.name.startswith(CRAWLS)


def _crawled_elsewhere(item: pytest.Item) -> bool:
    """Chromium loads every page within the policy on its one crawl (see above CRAWLS)."""
    callspec = getattr(item, "callspec", None)
    engine = callspec.params.get("engine") if callspec else None
    return engine == "chromium" and getattr(item, "originalname", "") == CRAWLS[0]


def _start_order(item: pytest.Item) -> int:
    """Where the item's file stands in LONGEST_FIRST (any other file after them)."""
    name = item.path.name
    return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    kept, dropped = [], []
    for item in items:
        (dropped if _beyond_the_representative_set(item) or _crawled_elsewhere(item) else kept).append(item)
        item.stash[KIND] = _kind(item)
        item.add_marker(item.stash[KIND])
    if dropped:
        config.hook.pytest_deselected(items=dropped)
    items[:] = sorted(kept, key=_start_order)


def pytest_configure(config: pytest.Config) -> None:
    kinds.install()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before any fixture of the test is made: a unit test's fixtures may not build either."""
    kinds.start_test(item.nodeid, item.stash.get(KIND, "unit"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    result = yield
    if item.stash.get(KIND, "") == "build" and not _builds_through_a_fixture(item) and kinds.RUNNING.builds == 0:
        pytest.fail(
            f"{item.nodeid} is marked build but built nothing: drop the mark (it is a unit test), "
            "or add the fixture that builds to BUILD_FIXTURES in tests/conftest.py.",
            pytrace=False,
        )
    return result


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    kinds.end_test()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef[Any], request: pytest.FixtureRequest) -> Iterator[Any]:
    before = kinds.RUNNING.builds
    result = yield
    if kinds.RUNNING.builds > before and fixturedef.argname not in BUILD_FIXTURES:
        pytest.fail(
            f"the fixture {fixturedef.argname} builds the site: add it to BUILD_FIXTURES in tests/conftest.py, "
            "so every test using it counts as a build test.",
            pytrace=False,
        )
    return result
