"""Whether a quote is still in a page's text.

A page can show the same words with different typography than our copy: curly or straight
quotes, an en dash or a hyphen, a no-break space, a ligature, a line break from its markup. So
both sides are compared in one normal form, and whitespace is left out of the comparison (an
extracted page may join two blocks without a space, or space a minus sign differently). A quote
that leaves words out marks the gap with an ellipsis ("…", "..." or "[…]"); each part must then
be found, in order.
"""

from __future__ import annotations

import re
import unicodedata

# Typography that differs between a page and our copy of its words, mapped to one plain form.
_PLAIN = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4`", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "-"),
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),  # soft hyphen, zero-width marks
    }
)
# An ellipsis where a quote leaves words out, with the brackets some styles put round it.
# NFKC has already turned "…" into "...".
_GAP = re.compile(r"[\[(]?\.{3,}[\])]?")
_WHITESPACE = re.compile(r"\s+")


def normal_form(text: str) -> str:
    """Text as compared: NFKC (ligatures, no-break spaces, "…"), plain quotes and dashes, lower case,
    whitespace collapsed to single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_PLAIN).casefold()
    return _WHITESPACE.sub(" ", text).strip()


def quote_parts(quote: str) -> list[str]:
    """The runs of words a quote keeps, in order: "a … b" -> ["a", "b"]."""
    return [part.strip() for part in _GAP.split(normal_form(quote)) if part.strip()]


def _compact(text: str) -> str:
    """Normal form without any whitespace: what the search compares."""
    return _WHITESPACE.sub("", text)


def quote_is_in(quote: str, page_text: str) -> bool:
    """True when every part of `quote` is in `page_text`, each after the one before it."""
    haystack = _compact(normal_form(page_text))
    parts = [_compact(part) for part in quote_parts(quote)]
    if not parts:
        return False
    position = 0
    for part in parts:
        found = haystack.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True
