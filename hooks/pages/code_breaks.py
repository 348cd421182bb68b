"""Places where a long piece of inline code may wrap on a phone: before each `&` of a link's query.

A link written as code (`?exercise=gentle&minutes=5&days=14&time=08:00`) has no space in it, so
on a 360 px screen the browser either runs it off the page or, as Material's styles let it, breaks
it inside a word. A <wbr> before each `&` lets it wrap between the link's names instead, and
copying the text still gives the link unchanged. Works on the ElementTree a page becomes (the
Python-Markdown adapter runs it on every page, under either generator); code blocks are left alone.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, SubElement

from markdown.util import AtomicString

# Shorter code fits a phone's line as it is.
LONGEST_UNBROKEN = 20
_BEFORE_AMPERSAND = re.compile(r"(?=&)")


def add_code_breaks(root: Element) -> int:
    """Every long inline code under `root` gets a <wbr> before each `&`; returns how many."""
    in_blocks = {id(code) for pre in root.iter("pre") for code in pre.iter("code")}
    changed = 0
    for code in list(root.iter("code")):
        text = code.text or ""
        if id(code) in in_blocks or len(code) or len(text) <= LONGEST_UNBROKEN or "&" not in text:
            continue
        first, *rest = _BEFORE_AMPERSAND.split(text)
        code.text = AtomicString(first)
        for part in rest:
            SubElement(code, "wbr").tail = AtomicString(part)
        changed += 1
    return changed
