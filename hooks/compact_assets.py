"""Our own scripts and styles as the site ships them: without comment lines or indentation.

The sources keep their JSDoc types and explanations for the people who maintain them; readers'
phones need none of that, and the pacer's files must stay within 8 KB gzipped. Only whole-line
comments are removed (a line that starts with `//`, or a `/* ... */` block that starts a line),
so nothing inside code or strings is touched; the files are written so that holds.
"""

from __future__ import annotations

import re

# The theme files (under the theme's custom_dir) that are compacted on the way to the site.
COMPACTED = (
    "assets/javascripts/pacer.js",
    "assets/javascripts/pacer-element.js",
    "assets/javascripts/pacer-schedule.js",
    "assets/javascripts/pacer-audio.js",
    "assets/javascripts/pacer-track.js",
    "assets/javascripts/pacer-speech.js",
    "assets/javascripts/tab-order.js",
    "assets/stylesheets/pacer.css",
)

# A block that starts a line and ends a (later) line; one ending mid-line, e.g. a JSDoc type cast
# before code, stays, since the code after it matters.
_BLOCK_COMMENT_LINES = re.compile(r"^[ \t]*/\*(?:(?!\*/).)*\*/[ \t]*\n", re.DOTALL | re.MULTILINE)
_LINE_COMMENTS = re.compile(r"^[ \t]*//.*\n", re.MULTILINE)
_INDENTATION = re.compile(r"^[ \t]+", re.MULTILINE)


def compact(source: str) -> str:
    """The source without whole-line comments, comment blocks that start a line, or indentation."""
    text = _BLOCK_COMMENT_LINES.sub("", source)
    text = _LINE_COMMENTS.sub("", text)
    return _INDENTATION.sub("", text)
