"""Our own scripts and styles as the site ships them: without comment lines or indentation.

The sources keep their JSDoc types and explanations for the people who maintain them; readers'
phones need none of that, and the pacer's files must stay within 12 KB gzipped. Only whole-line
comments are removed (a line that starts with `//`, or a `/* ... */` block that starts a line),
so nothing inside code or strings is touched; the files are written so that holds.
"""

from __future__ import annotations

import re

# Our own scripts and styles: every .js and .css under these folders of the theme's custom_dir
# (Material's files in the same folders are already minified and are left alone).
OWN_ASSET_FOLDERS = ("assets/javascripts/", "assets/stylesheets/")


def is_own_asset(src_uri: str) -> bool:
    """Whether a theme file at `src_uri` is one of ours to compact, if it comes from custom_dir."""
    return src_uri.startswith(OWN_ASSET_FOLDERS) and src_uri.endswith((".js", ".css"))


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
