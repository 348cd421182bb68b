"""Inline Markdown from the data file, rendered to HTML with raw HTML escaped, not passed through."""

from __future__ import annotations

import re
from functools import lru_cache

import markdown

from hooks.content.problems import Location, Problems
from hooks.render.escape import escape

# Only absolute addresses: the same text appears on pages at different depths, so a relative
# link would point somewhere else on each, and any other scheme (javascript:, data:) is refused.
_SAFE_LINK = re.compile(r"^(https://|http://|mailto:|tel:\+?[0-9]+$|sms:\+?[0-9]+(\?body=[A-Za-z]+)?$)")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")


def unsafe_link_targets(text: str) -> list[str]:
    """Link targets we refuse (relative, javascript:, data: ...), for the validator to report."""
    return [target for target in _LINK_TARGET.findall(text) if not _SAFE_LINK.match(target)]


# What a link in the data may point to, as the build's messages say it.
SAFE_LINKS = "links to full https://, http:// or mailto: addresses, or tel:/sms: numbers, only"


def check_links(value: object, location: Location, problems: Problems) -> None:
    """Report each refused link target in a line of inline Markdown, or in each line of a list."""
    if isinstance(value, str):
        for target in unsafe_link_targets(value):
            problems.at(location, target, SAFE_LINKS)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_links(item, (*location, index), problems)


def _inline_converter() -> markdown.Markdown:
    converter = markdown.Markdown(extensions=[], output_format="html")
    # Raw HTML in the data file is shown as text: the file is edited by many hands.
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    converter.inlinePatterns.deregister("entity")
    return converter


_CONVERTER = _inline_converter()
_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


@lru_cache(maxsize=2048)  # the same steps and cautions are rendered on every page that shows them
def render_inline(text: str) -> str:
    """One line of Markdown as inline HTML (no wrapping paragraph)."""
    if unsafe_link_targets(text):
        return str(escape(text.strip()))
    _CONVERTER.reset()
    rendered = _CONVERTER.convert(text.strip())
    match = _PARAGRAPH.match(rendered)
    if match:
        return match.group(1)
    # Block syntax (a heading, a list) is not meant here: show the text as written.
    return str(escape(text.strip()))
