"""The one place markup is made: Jinja templates in hooks/templates/, and the one escape helper.

Every value a template prints passes through `escape` (hooks/render/escape.py, in place of
Jinja's own autoescaping, so line breaks are written as character references too). A
value is printed unescaped only when it is already markup: the output of `inline` (data text
rendered as inline Markdown with raw HTML refused) or of another template. Printing a name
the template was not given is an error, never an empty string.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from hooks.content.inline_markdown import render_inline
from hooks.render.escape import escape

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# Markdown's backslash escapes (Python-Markdown's own list), for text put into a Markdown template.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def _inline(text: str) -> Markup:
    """Data text as inline Markdown (render_inline refuses raw HTML and unsafe links)."""
    return Markup(render_inline(text))


def _markdown_text(value: object) -> Markup:
    """Text for a Markdown template: escaped for HTML, then every Markdown sign backslash-escaped."""
    return Markup(_MARKDOWN_PUNCTUATION.sub(r"\\\1", str(escape(value))))


def long_date(day: datetime.date) -> str:
    """29 November 2026: the way the pages write dates."""
    return f"{day.day} {day:%B %Y}"


def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=escape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    environment.filters["inline"] = _inline
    environment.filters["markdown_text"] = _markdown_text
    environment.filters["long_date"] = long_date
    return environment


_ENVIRONMENT = _environment()


def render(template: str, **values: Any) -> str:
    """The named template (relative to hooks/templates/) filled with `values`, without its last line break."""
    return _ENVIRONMENT.get_template(template).render(**values).strip("\n")
