"""Compacting our scripts for the site drops comment lines and indentation, and nothing else."""

from __future__ import annotations

from hooks.assets.compact import compact


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
