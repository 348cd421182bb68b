"""The one escape helper for text put into HTML, by the templates and by any markup Python still writes."""

from __future__ import annotations

import html

from markupsafe import Markup


def escape(value: object) -> Markup:
    """Text made safe for HTML, in an element or in a quoted attribute, with no line breaks left: a
    blank line would end Markdown's raw HTML block early. Markup (already safe) is kept as it is."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True).replace("\n", "&#10;").replace("\r", "&#13;"))
