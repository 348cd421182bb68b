"""Compacting our scripts for the site drops comment lines and indentation, and nothing else."""

from __future__ import annotations

import subprocess

from hooks.assets.compact import compact, is_own_asset
from tests.support.paths import REPO_ROOT


def test_whole_line_comments_and_indentation_go():
    source = (
        "// @ts-check\n/**\n * Why.\n * @param {number} n\n */\n"
        "export function twice(n) {\n  // double it\n  return n * 2;\n}\n"
    )
    assert compact(source) == "export function twice(n) {\nreturn n * 2;\n}\n"


def test_code_after_a_comment_stays():
    source = "  /** @type {HTMLElement} */ (el).hidden = true;\n  const url = 'https://example.org'; // a link\n"
    assert (
        compact(source)
        == "/** @type {HTMLElement} */ (el).hidden = true;\nconst url = 'https://example.org'; // a link\n"
    )


def test_a_cast_never_swallows_the_lines_after_it():
    source = "/** @type {A} */ (a).x = 1;\nkeep();\n/** Doc. */\nf();\n"
    assert compact(source) == "/** @type {A} */ (a).x = 1;\nkeep();\nf();\n"


def test_css_comments_go_too():
    assert compact("/* Pacer. */\n.a {\n  color: red;\n}\n") == ".a {\ncolor: red;\n}\n"


def test_every_script_of_ours_still_parses_once_compacted(tmp_path):
    """Everything under our assets is compacted (hooks/assets/compact.py): each script must stay
    valid JavaScript, so a comment-like line inside a string or template would show up here."""
    scripts = sorted((REPO_ROOT / "overrides/assets/javascripts").glob("*.js"))
    assert scripts
    for script in scripts:
        assert is_own_asset(f"assets/javascripts/{script.name}")
        compacted = tmp_path / f"{script.stem}.mjs"
        compacted.write_text(compact(script.read_text(encoding="utf-8")), encoding="utf-8")
        result = subprocess.run(["node", "--check", str(compacted)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, f"{script.name}: {result.stderr}"


def test_only_our_folders_are_compacted():
    assert is_own_asset("assets/stylesheets/site.css")
    assert not is_own_asset("assets/images/icon.svg")
    assert not is_own_asset("sw.js")
