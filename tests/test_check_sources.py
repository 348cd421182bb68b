"""`make check-sources`, offline: every source in tests/fixtures/check_sources/data is fetched from
a local server holding fixture pages (a quote present, a quote changed, a 404, a 301/302 chain, a
DOI that redirects to its publisher, a server that never answers in time, Latin-1, a PDF), and the
report says what a maintainer must look at. Nothing here reaches the internet: every address is
rewritten to 127.0.0.1."""

from __future__ import annotations

import contextlib
import datetime
import http.server
import json
import os
import re
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from hooks.content.findings import Finding
from tests.support.paths import REPO_ROOT
from tests.support.venv_tools import run_venv_tool
from tools.check_sources.__main__ import main
from tools.check_sources.fetch import LOOPBACK_ONLY, Fetcher, FetchSettings, Hop, Page
from tools.check_sources.page_text import page_text
from tools.check_sources.quotes import quote_is_in, quote_parts
from tools.check_sources.report import markdown_report, words
from tools.check_sources.run import TIME_RAN_OUT, RunSettings, fetch_all, spread_by_host
from tools.check_sources.sources import Source, load_sources
from tools.check_sources.verdicts import AddressState, QuoteState, judge

FIXTURES = REPO_ROOT / "tests/fixtures/check_sources"
WORKFLOW = REPO_ROOT / ".github/workflows/check-sources.yml"
# path on the local server -> (status, fixture page or redirect target, content type)
ROUTES: dict[str, tuple[int, str, str]] = {
    "/example.org/present": (200, "present.html", "text/html; charset=utf-8"),
    "/example.org/changed": (200, "changed.html", "text/html; charset=utf-8"),
    "/example.org/latin-1": (200, "latin-1.html", "text/html; charset=iso-8859-1"),
    "/example.org/report.pdf": (200, "report.pdf", "application/pdf"),
    "/example.org/moved": (301, "/example.org/moved-once", ""),
    "/example.org/moved-once": (302, "/example.org/new-home", ""),
    "/example.org/new-home": (200, "new-home.html", "text/html; charset=utf-8"),
    "/doi.org/10.5555/fixture": (302, "/publisher.example/article/1", ""),
    "/publisher.example/article/1": (200, "article.html", "text/html; charset=utf-8"),
    "/example.org/loop": (302, "/example.org/loop-back", ""),
    "/example.org/loop-back": (302, "/example.org/loop", ""),
}
SLOW = "/example.org/slow"  # answers only after the test is over: every fetch of it times out
STALLS = "/example.org/stalls"  # sends its headers and the start of its page, then nothing more
TIMEOUT = 0.5


class FixtureHandler(http.server.BaseHTTPRequestHandler):
    """Answers ROUTES from the fixture pages; anything else is a 404."""

    release: threading.Event

    def do_GET(self):
        if self.path == SLOW:
            self.release.wait(10)
        if self.path == STALLS:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"<p>The start of a page")
            self.wfile.flush()
            self.release.wait(10)
            return
        status, target, content_type = ROUTES.get(self.path, (404, "", "text/html"))
        body = b"<p>Not here.</p>" if status == 404 else b""
        self.send_response(status)
        if 300 <= status < 400:
            self.send_header("Location", target)
        elif status == 200:
            body = (FIXTURES / "pages" / target).read_bytes()
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(ConnectionError):  # the checker gave up on a slow answer
            self.wfile.write(body)

    def log_message(self, format, *args):
        """Quiet: the test results are the output."""


@pytest.fixture(scope="module", autouse=True)
def loopback_only() -> Iterator[None]:
    """Whatever breaks, nothing in this module asks anything but 127.0.0.1 (the command too, and
    `make check-sources` in a subprocess, which inherits the environment)."""
    before = os.environ.get(LOOPBACK_ONLY)
    os.environ[LOOPBACK_ONLY] = "1"
    yield
    if before is None:
        del os.environ[LOOPBACK_ONLY]
    else:
        os.environ[LOOPBACK_ONLY] = before


@pytest.fixture(scope="module")
def fixture_server() -> Iterator[str]:
    """The fixture pages on a free loopback port; yields http://127.0.0.1:PORT/."""
    release = threading.Event()
    handler = type("Handler", (FixtureHandler,), {"release": release})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        release.set()
        server.shutdown()
        server.server_close()


def offline_arguments(server: str, out: Path, data: Path = FIXTURES / "data") -> list[str]:
    """Every https:// address fetched from the fixture server, with no pause between requests."""
    rewrite = ["--rewrite", f"https://={server}"]
    return ["--data", str(data), "--out", str(out), *rewrite, "--timeout", str(TIMEOUT), "--host-interval", "0"]


@pytest.fixture(scope="module")
def checked(fixture_server: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict, str]:
    """One run of the command over the fixtures: exit status, report.json, report.md."""
    out = tmp_path_factory.mktemp("check-sources")
    status = main(offline_arguments(fixture_server, out))
    summary = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return status, summary, (out / "report.md").read_text(encoding="utf-8")


def by_address(summary: dict) -> dict[str, dict]:
    return {source["address"]: source for source in summary["sources"]}


def quote_states(summary: dict) -> dict[str, str]:
    return {quote["finding"]: quote["state"] for source in summary["sources"] for quote in source["quotes"]}


# --- the quote matcher and the page's text ------------------------------------------------


def test_a_quote_is_found_whatever_the_typography():
    page = "It isn\u2019t a\u00a0treatment \u2013 for \u201canxiety\u201d.\n  Really \ufb01ne."
    assert quote_is_in('it isn\'t a treatment - for "Anxiety". Really fine.', page)
    assert quote_is_in("treatment \u2013 for \u201canxiety\u201d", page)


def test_a_quote_with_an_ellipsis_needs_every_part_in_order():
    page = "One two three. Four five six. Seven eight nine."
    assert quote_parts("One two … seven eight") == ["one two", "seven eight"]
    assert quote_parts("one two [...] seven") == ["one two", "seven"]
    assert quote_is_in("One two … Seven eight", page)
    assert quote_is_in("One two... five six [...] nine", page)
    assert not quote_is_in("Seven eight … One two", page), "parts out of order"
    assert not quote_is_in("One two … ten eleven", page), "a part that is not there"
    assert not quote_is_in("…", page), "a quote of nothing"


def test_a_quote_is_not_found_when_its_words_changed():
    assert not quote_is_in("felt calmer", "felt a little calmer")


def test_page_text_leaves_out_scripts_and_styles_and_keeps_summary_meta():
    markup = (FIXTURES / "pages/present.html").read_text(encoding="utf-8")
    text = page_text(markup)
    assert "felt calmer" in text and "five minutes \u2013 and" in text  # entities decoded
    assert "only a script holds" not in text and "only a style holds" not in text
    article = page_text((FIXTURES / "pages/article.html").read_text(encoding="utf-8"))
    assert "within two minutes in all 40 participants" in article


def test_blocks_are_kept_apart_and_inline_markup_is_not():
    text = page_text("<p>first</p><p>second</p><p>in<em>line</em>d<br>next</p>")
    assert text == "first second inlined next"


# --- the sources read from the data -------------------------------------------------------


def test_sources_are_read_through_the_build_checks():
    sources = load_sources(FIXTURES / "data")
    addresses = {source.address: source for source in sources.sources}
    present = addresses["https://example.org/present"]
    assert present.cited_by == ["references: slow-breathing", "Fixtureland, Crisis lines: Fixture Text Line"]
    assert [finding.anchor for finding in present.findings] == [
        "slow-breathing-calmer",
        "slow-breathing-script-only",
        "slow-breathing-out-of-order",
    ]
    assert addresses["https://example.org/moved"].findings == []
    assert sources.without_address == ("a-book",)


def test_data_that_would_not_build_stops_the_check_with_every_problem(tmp_path: Path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    references = yaml.safe_load((FIXTURES / "data/references.yml").read_text(encoding="utf-8"))
    references["references"][0]["url"] = "http://example.org/present"  # https only
    del references["references"][1]["findings"][0]["quote"]
    (data / "references.yml").write_text(yaml.safe_dump(references, allow_unicode=True), encoding="utf-8")
    (data / "countries.yml").write_text("countries:\n  - name: Nowhere\n    crisis: none\n", encoding="utf-8")
    assert main(["--data", str(data), "--out", str(tmp_path / "out")]) == 2
    error = capsys.readouterr().err
    assert "no source was checked" in error
    assert "references.yml" in error and "url" in error and "quote" in error
    assert "countries.yml" in error and "crisis" in error
    assert not (tmp_path / "out").exists()


# --- fetching: statuses, redirects, timeouts ----------------------------------------------


def test_every_hop_of_a_redirect_chain_is_recorded(fixture_server: str):
    fetch = Fetcher(FetchSettings(timeout=TIMEOUT, loopback_only=True), {"https://": fixture_server})
    page = fetch("https://example.org/moved")
    assert [hop.status for hop in page.hops] == [301, 302, 200]
    assert page.final_address == fixture_server + "example.org/new-home"
    assert page.text is not None and "Call Fixture Line free" in page.text
    assert judge(Source(page.address), page).state is AddressState.REDIRECTED


def test_a_redirect_loop_and_a_silent_server_are_failures_not_hangs(fixture_server: str):
    fetch = Fetcher(FetchSettings(timeout=TIMEOUT, loopback_only=True), {"https://": fixture_server})
    loop = fetch("https://example.org/loop")
    assert loop.error == "a redirect loop" and [hop.status for hop in loop.hops] == [302, 302]
    slow = fetch("https://example.org/slow")
    assert slow.hops == () and slow.error is not None and slow.error.startswith("timed out")
    assert judge(Source(slow.address), slow).state is AddressState.FAILED


def test_a_page_that_stalls_after_its_headers_is_a_failure_and_its_quotes_unreachable(fixture_server: str):
    fetch = Fetcher(FetchSettings(timeout=TIMEOUT, loopback_only=True), {"https://": fixture_server})
    page = fetch("https://example.org/stalls")
    assert page.status == 200 and page.error is not None and page.error.startswith("timed out")
    result = judge(Source(page.address, findings=[Finding("stalls", "start", "The start of a page", "top")]), page)
    assert result.state is AddressState.FAILED
    assert [quote.state for quote in result.quotes] == [QuoteState.UNREACHABLE]


def test_a_page_bigger_than_the_cap_is_read_that_far(fixture_server: str):
    fetch = Fetcher(FetchSettings(timeout=TIMEOUT, max_bytes=200, loopback_only=True), {"https://": fixture_server})
    page = fetch("https://example.org/present")
    assert page.status == 200 and page.error == "only the first 200 bytes were read"


def test_the_tests_guard_asks_nothing_but_the_local_server():
    fetch = Fetcher(FetchSettings(loopback_only=True), {"https://example.org/": "https://example.net/"})
    page = fetch("https://example.org/present")
    assert page.hops == () and page.error == f"not fetched: {LOOPBACK_ONLY} allows only 127.0.0.1"


def test_the_time_limit_leaves_the_rest_unchecked_instead_of_waiting():
    asked: list[str] = []

    def fetch(address: str) -> Page:
        asked.append(address)
        return Page(address, (Hop(address, 200),), "text")

    pages = fetch_all(["https://a.example/1", "https://b.example/2"], fetch, RunSettings(time_limit=0))
    assert asked == []
    assert {page.error for page in pages.values()} == {TIME_RAN_OUT}
    assert judge(Source("https://a.example/1"), pages["https://a.example/1"]).state is AddressState.NOT_CHECKED


def test_hosts_are_interleaved_so_one_busy_host_does_not_hold_up_the_rest():
    addresses = [
        "https://doi.org/1",
        "https://doi.org/2",
        "https://doi.org/3",
        "https://a.example/",
        "https://b.example/",
    ]
    assert spread_by_host(addresses) == [
        "https://doi.org/1",
        "https://a.example/",
        "https://b.example/",
        "https://doi.org/2",
        "https://doi.org/3",
    ]


# --- the whole command over the fixtures --------------------------------------------------


def test_each_address_gets_its_state(checked):
    _, summary, _ = checked
    states = {address: (source["state"], source["status"]) for address, source in by_address(summary).items()}
    assert states == {
        "https://example.org/present": ("ok", 200),
        "https://example.org/changed": ("ok", 200),
        "https://example.org/gone": ("gone", 404),
        "https://doi.org/10.5555/fixture": ("DOI resolved", 200),
        "https://example.org/latin-1": ("ok", 200),
        "https://example.org/slow": ("failed", None),
        "https://example.org/report.pdf": ("ok", 200),
        "https://example.org/moved": ("redirected", 200),
    }
    moved = by_address(summary)["https://example.org/moved"]
    assert [hop["status"] for hop in moved["hops"]] == [301, 302, 200]
    assert moved["final_address"].endswith("/example.org/new-home")
    assert by_address(summary)["https://example.org/gone"]["cited_by"] == [
        "references: gone",
        "Fixtureland, Emergency: Emergency services",
    ]


def test_each_quote_gets_its_state(checked):
    _, summary, _ = checked
    assert quote_states(summary) == {
        "slow-breathing-calmer": "present",
        "slow-breathing-script-only": "changed",
        "slow-breathing-out-of-order": "changed",
        "reworded-calmer": "changed",
        "gone-anything": "page unreachable",
        "doi-paper-abstract": "present",
        "latin-1-coffee": "present",
        "slow-server-late": "page unreachable",
        "a-pdf-summary": "not checked",
    }


def test_the_report_lists_what_needs_a_look_and_passes_over_what_is_fine(checked):
    status, summary, report = checked
    assert status == 0, "without --fail-on-change the check itself succeeds"
    # present+DOI+latin-1 are fine; changed (quote), present (two quotes), gone, slow, pdf, moved are not
    assert summary["needs_a_look"] == 6
    needs_look = report.split("<details>")[0]
    not_found, not_checked = needs_look.split("## Quotes no longer found")[1].split("## Quotes not checked")
    assert "- **reworded\\-calmer**, on `https://example.org/changed` (First paragraph):" in not_found
    assert "  > Everyone who breathed out for longer felt calmer\\." in not_found
    assert (
        "**slow\\-breathing\\-script\\-only**" in not_found and "**slow\\-breathing\\-out\\-of\\-order**" in not_found
    )
    assert "slow\\-breathing\\-calmer" not in needs_look
    assert (
        "- **a\\-pdf\\-summary**, on `https://example.org/report.pdf`, a page of type `application/pdf`"
        in (not_checked.split("## Addresses")[0])
    )
    assert "## Addresses: gone\n\n- `https://example.org/gone`: gone (HTTP 404)" in needs_look
    assert "Quotes not checked: gone\\-anything." in needs_look
    assert "## Addresses: redirected\n\n- `https://example.org/moved`: redirected (HTTP 301, 302, 200), ends at `" in (
        needs_look
    )
    assert "## Addresses: failed\n\n- `https://example.org/slow`: failed (no answer), `timed out" in needs_look
    assert "doi.org" not in needs_look, "a DOI that resolves is not a problem"
    assert "References with no address to check: a\\-book." in needs_look
    assert "`https://doi.org/10.5555/fixture`: DOI resolved (HTTP 302, 200)" in report.split("<details>")[1]


def test_fail_on_change_fails_when_anything_needs_a_look(fixture_server: str, tmp_path: Path):
    arguments = offline_arguments(fixture_server, tmp_path)
    assert main([*arguments, "--fail-on-change"]) == 1
    data = tmp_path / "fine"
    data.mkdir()
    references = yaml.safe_load((FIXTURES / "data/references.yml").read_text(encoding="utf-8"))
    references["references"] = [ref for ref in references["references"] if ref["key"] in ("doi-paper", "latin-1")]
    (data / "references.yml").write_text(yaml.safe_dump(references, allow_unicode=True), encoding="utf-8")
    (data / "countries.yml").write_text(
        "countries:\n  - name: Fixtureland\n    crisis:\n      - service: Fixture Line\n"
        '        call: "116 123"\n        source: https://example.org/latin-1\n        read: 2026-01-05\n',
        encoding="utf-8",
    )
    assert main([*offline_arguments(fixture_server, tmp_path, data), "--fail-on-change"]) == 0
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "Every address answered and every quote is still on its page." in report


def test_make_check_sources_runs_the_tool_on_the_fixtures(fixture_server: str, tmp_path: Path):
    flags = " ".join([*offline_arguments(fixture_server, tmp_path), "--fail-on-change"])
    result = subprocess.run(
        ["make", "--no-print-directory", "check-sources", f"CHECK_SOURCES={flags}"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0, "fixtures with changed quotes fail under --fail-on-change"
    assert "6 of 8 addresses need a look" in result.stdout
    summary = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert quote_states(summary)["reworded-calmer"] == "changed"


# --- the report is safe to post ------------------------------------------------------------


def test_nothing_from_the_data_or_a_server_becomes_markup_a_link_or_a_mention():
    finding = Finding("evil", "quote", "[click](https://evil.example) <img src=x onerror=alert(1)> @someone", "# here")
    source = Source("https://example.org/`x`", ["references: evil"], [finding])
    final = "https://evil.example/`](https://evil.example)\n# heading"
    page = Page(source.address, (Hop(source.address, 301), Hop(final, 200)), "nothing", "text/html")
    report = markdown_report([judge(source, page)], (), datetime.datetime(2026, 1, 5, tzinfo=datetime.timezone.utc))
    assert "`https://evil.example/'](https://evil.example) # heading`" in report  # one line, in a code span
    outside_code = re.sub(r"`[^`\n]*`", "", report)
    assert "](" not in outside_code and "<img" not in outside_code
    assert "@someone" not in report and "@\u200bsomeone" in report
    assert "https://evil" not in outside_code and "https:\u200b//evil" in outside_code
    assert "\n# heading" not in report and "\\# here" in report
    assert words("a_b*c, #12 www.x") == "a\\_b\\*c, \\#\u200b12 www\u200b\\.x"


# --- the weekly workflow --------------------------------------------------------------------


def test_the_workflow_passes_actionlint_and_zizmor():
    actionlint = run_venv_tool("actionlint", "-no-color", str(WORKFLOW))
    assert actionlint.returncode == 0, actionlint.stdout + actionlint.stderr
    zizmor = run_venv_tool("zizmor", "--offline", "--no-progress", str(WORKFLOW))
    assert zizmor.returncode == 0, zizmor.stdout + zizmor.stderr


def test_the_workflow_runs_weekly_with_the_least_permissions():
    config = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = config[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"schedule", "workflow_dispatch"} and len(triggers["schedule"]) == 1
    assert config["permissions"] == {"contents": "read"}
    assert {name: job["permissions"] for name, job in config["jobs"].items()} == {
        "check": {"contents": "read", "issues": "write"}
    }
    steps = config["jobs"]["check"]["steps"]
    for step in steps:
        if "uses" in step:
            assert len(step["uses"].split("@")[1]) == 40, f"{step['uses']} is not pinned to a commit"
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
        assert "${{" not in step.get("run", ""), "values reach scripts through env, never expanded into them"
    assert any(step.get("run") == "make check-sources" for step in steps)
    issue = next(step for step in steps if "gh issue" in step.get("run", ""))
    assert issue["env"]["GH_TOKEN"] == "${{ secrets.GITHUB_TOKEN }}"
