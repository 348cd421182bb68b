"""Which lines of a page are fenced code: the one scanner every page rule and the shortcodes share.

A correct page must never fail the build because of an example in a code block, so every rule
that reads Markdown line by line asks this scanner which lines to leave alone. Fences follow
CommonMark: a fence is three or more backticks or tildes; it is closed only by a fence of the
same character, at least as long, with nothing after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_OPENING = re.compile(r"^[ \t]*(?P<marker>`{3,}|~{3,})(?P<info>.*)$")
_CLOSING = re.compile(r"^[ \t]*(?P<marker>`{3,}|~{3,})[ \t]*$")


def lines_with_code_flag(markdown: str, first_line: int = 1) -> Iterator[tuple[int, str, bool]]:
    """(line number, line, whether it is fenced code); fence lines count as code."""
    open_fence: str | None = None
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        if open_fence is None:
            opening = _OPENING.match(line)
            # A backtick fence's info string may not hold a backtick (CommonMark 4.5).
            if opening and not (opening["marker"][0] == "`" and "`" in opening["info"]):
                open_fence = opening["marker"]
                yield number, line, True
                continue
            yield number, line, False
            continue
        closing = _CLOSING.match(line)
        if closing and closing["marker"][0] == open_fence[0] and len(closing["marker"]) >= len(open_fence):
            open_fence = None
        yield number, line, True


def prose_lines(markdown: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    """(line number, line) of every line outside fenced code."""
    for number, line, in_code in lines_with_code_flag(markdown, first_line):
        if not in_code:
            yield number, line
