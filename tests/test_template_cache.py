"""MkDocs compiles the theme's templates once per machine, not once per build: the adapter gives
its Jinja environment a bytecode cache (hooks/mkdocs_hooks.py, on_env). Shown in-process on a
template of its own; every build of the site goes through the same event."""

from __future__ import annotations

import jinja2
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from hooks import mkdocs_hooks

TEMPLATE = {"page.html": "<h1>{{ title }}</h1>"}


def environment_of_a_build(templates: dict[str, str] = TEMPLATE) -> jinja2.Environment:
    """A fresh environment, as each build makes one, after the adapter's on_env."""
    return mkdocs_hooks.on_env(
        jinja2.Environment(loader=jinja2.DictLoader(templates)), config=MkDocsConfig(), files=Files([])
    )


def test_the_next_build_renders_a_template_without_compiling_it(monkeypatch):
    first = environment_of_a_build()
    assert first.get_template("page.html").render(title="One") == "<h1>One</h1>"

    def compile_again(*args: object, **kwargs: object) -> None:
        pytest.fail("the template was compiled a second time")

    second = environment_of_a_build()
    monkeypatch.setattr(second, "compile", compile_again)
    assert second.get_template("page.html").render(title="Two") == "<h1>Two</h1>"


def test_a_changed_template_is_compiled_afresh():
    environment_of_a_build().get_template("page.html").render(title="x")
    changed = environment_of_a_build({"page.html": "<h2>{{ title }}</h2>"})
    assert changed.get_template("page.html").render(title="Three") == "<h2>Three</h2>"
