"""The content security policy the build writes: hashes computed from the pages it built, one policy
for the whole site, in every page before any script, and nothing in it that lets injected script run."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from hooks.pages.security_policy import (
    PolicyError,
    inline_scripts,
    policy,
    script_hash,
    with_policy,
    write_content_security_policy,
)
from tests.support.build import build_copy, copy_site
from tests.support.csp import HEAD, head_problems, policy_problems
from tests.support.paths import REPO_ROOT

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def test_a_hash_is_the_sha256_of_the_script_text_as_the_browser_reads_it():
    digest = base64.b64encode(hashlib.sha256(b"alert(1)\n").digest()).decode()
    assert script_hash("alert(1)\n") == f"'sha256-{digest}'"
    assert script_hash("alert(1)\r\n") == script_hash("alert(1)\n")  # the parser turns CR LF into LF


def test_only_scripts_a_browser_runs_inline_are_hashed():
    page = (
        '<script>one()</script><script src="a.js"></script><script id="__config" type="application/json">{}</script>'
        '<script type="module">two()</script><SCRIPT type=text/javascript>three()</SCRIPT>'
    )
    assert inline_scripts(page) == ["one()", "two()", "three()"]


def test_the_policy_lets_no_injected_script_run():
    text = policy(["'sha256-b'", "'sha256-a'", "'sha256-a'"])
    directives = dict(part.split(" ", 1) for part in text.split("; "))
    assert directives["script-src"] == "'self' 'sha256-a' 'sha256-b'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert all(directives[name] == "'self'" for name in ("connect-src", "worker-src", "manifest-src"))
    assert "unsafe-eval" not in text


def test_the_policy_goes_before_every_script_and_replaces_an_earlier_one():
    page = '<html><head><meta charset="utf-8"><script>x()</script></head></html>'
    once = with_policy(page, "default-src 'self'", "page.html")
    assert once.index('http-equiv="Content-Security-Policy"') < once.index("<script>")
    assert '<meta name="referrer" content="no-referrer">' in once
    assert with_policy(once, "default-src 'none'", "page.html").count("Content-Security-Policy") == 1
    with pytest.raises(PolicyError, match=r"page\.html: a script comes before"):
        with_policy('<script>x()</script><meta charset="utf-8">', "default-src 'self'", "page.html")
    with pytest.raises(PolicyError, match=r"page\.html: no <meta charset"):
        with_policy("<html><head></head></html>", "default-src 'self'", "page.html")


def test_every_built_page_carries_one_policy_that_allows_exactly_the_sites_inline_scripts(built_pages, zensical_site):
    """In both builds: the browsers load every MkDocs page (Chromium's crawl) but only the
    representative pages of the Zensical one, so this is where each of its pages is checked."""
    for build, pages in (("MkDocs", built_pages), ("Zensical", sorted(zensical_site.rglob("*.html")))):
        policies, hashes = set(), set()
        for page in pages:
            text = page.read_text(encoding="utf-8")
            found = META.findall(text)
            assert len(found) == 1, page
            assert text.index("Content-Security-Policy") < text.index("<script"), page
            assert text.count('<meta name="referrer" content="no-referrer">') == 1, page
            policies.add(found[0])
            hashes |= {script_hash(script) for script in inline_scripts(text)}
        assert len(policies) == 1, build  # instant navigation keeps the first page's policy for every page after it
        script_src = next(p for p in policies.pop().split("; ") if p.startswith("script-src"))
        assert script_src == " ".join(["script-src 'self'", *sorted(hashes)]), (
            f"{build}: not the hashes of its inline scripts"
        )
        assert "unsafe" not in script_src


@pytest.mark.build
def test_a_new_inline_script_in_the_theme_gets_its_hash_from_the_build(tmp_path):
    root = copy_site(tmp_path)
    template = root / "overrides/main.html"
    added = "window.themeAddition = 1"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("{{ super() }}", "{{ super() }}\n  <script>" + added + "</script>", 1), "utf-8")
    built = build_copy(root)
    assert built.returncode == 0, built.stderr
    home = (root / "site/index.html").read_text(encoding="utf-8")
    assert script_hash(added) in META.findall(home)[0]


def test_a_folder_without_pages_is_refused(tmp_path: Path):
    with pytest.raises(PolicyError, match="no HTML pages"):
        write_content_security_policy(tmp_path)


def test_no_browser_test_waits_with_eval():
    """Playwright's wait_for_function evaluates with eval in the page, which the policy refuses on
    every real page: tests wait with tests/support/polling.py instead."""
    offenders = [
        path.name
        for path in sorted((REPO_ROOT / "tests").rglob("*.py"))
        if "wait_for_function(" in path.read_text(encoding="utf-8") and path.name not in {"polling.py", "test_csp.py"}
    ]
    assert offenders == []


GOOD_HEAD = {
    "policies": ["default-src 'self'; script-src 'self' 'sha256-a'; object-src 'none'"],
    "referrer": ["no-referrer"],
    "themeScriptRan": True,
}


def test_a_page_head_with_one_hashed_policy_and_no_referrer_passes():
    assert head_problems(GOOD_HEAD) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"policies": []}, "not one policy allowing scripts by hash: []"),
        ({"policies": GOOD_HEAD["policies"] * 2}, "not one policy allowing scripts by hash: "),
        (
            {"policies": ["script-src 'self' 'sha256-a' 'unsafe-inline'; object-src 'none'"]},
            "the policy lets inline script run: script-src 'self' 'sha256-a' 'unsafe-inline'; object-src 'none'",
        ),
        ({"referrer": []}, "referrer tags [], not one no-referrer"),
        ({"themeScriptRan": False}, "the theme's inline scripts did not run"),
    ],
    ids=["no-policy", "two-policies", "unsafe-inline", "referrer", "theme-script"],
)
def test_what_the_crawls_find_wrong_in_a_page_head_is_named(change, problem):
    """The browser crawls read each page's head and ask this (tests/support/csp.py)."""
    (found,) = head_problems({**GOOD_HEAD, **change})
    assert found.startswith(problem)


def test_a_violation_or_a_spy_that_never_ran_is_a_problem():
    heads = {HEAD: GOOD_HEAD}
    assert policy_problems(lambda script: heads.get(script, [])) == []
    violation = [{"directive": "script-src-elem", "page": "/breathing-room/"}]
    assert policy_problems(lambda script: heads.get(script, violation)) == [f"policy violations: {violation}"]
    assert policy_problems(lambda script: heads.get(script)) == ["policy violations: None"]
