"""Shortcodes in the Material style: an HTML comment alone on a line, e.g. <!-- md:pacer box -->.

A comment is invisible if a build forgets to expand it, so anything that looks like a
shortcode and cannot be expanded is an error, never left in the page. Fenced code blocks
are left alone, so a page can show a shortcode as an example.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from hooks.pages.fences import lines_with_code_flag, prose_lines

SHORTCODE = re.compile(r"^[ \t]*<!--[ \t]*md:(?P<name>[\w-]*)(?P<args>[^\n]*?)[ \t]*-->[ \t]*$")
ANYWHERE = re.compile(r"<!--[ \t]*md:")
# YAML front matter as MkDocs reads it: between two '---' lines at the very top (the end may be '...').
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

# A renderer takes the shortcode's argument text and returns HTML, or raises LookupError
# with a message for an unknown argument (an unknown exercise id, say).
Renderer = Callable[[str], str]


def shortcodes_in(markdown: str) -> list[tuple[str, str]]:
    """(name, argument) of each shortcode line outside fenced code, in order.

    Lets the build learn, before rendering, which page shows which exercise's pacer.
    """
    found: list[tuple[str, str]] = []
    for _, line in prose_lines(markdown):
        match = SHORTCODE.match(line)
        if match:
            found.append((match.group("name"), match.group("args").strip()))
    return found


class ShortcodeError(Exception):
    """Every shortcode problem on one page, each with its line number."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__("\n".join(messages))


def body_first_line(source: str) -> int:
    """The line of a page's source file where its Markdown body starts: after the front matter and
    the blank lines that follow it, which the generators strip before the Markdown sees them."""
    front_matter = FRONT_MATTER.match(source)
    if front_matter is None:
        return 1
    rest = source[front_matter.end() :]
    return source[: front_matter.end()].count("\n") + (len(rest) - len(rest.lstrip("\n"))) + 1


def expand_shortcodes(markdown: str, renderers: Mapping[str, Renderer], page: str, first_line: int = 1) -> str:
    """Replace each shortcode line with its HTML, set off by blank lines as a raw HTML block.

    `first_line` is the source line the Markdown starts on (after the front matter), so
    messages point at the line a maintainer sees in the editor.
    """
    output: list[str] = []
    problems: list[str] = []
    for number, line, in_code in lines_with_code_flag(markdown, first_line):
        if in_code:
            output.append(line)
            continue
        match = SHORTCODE.match(line)
        if not match:
            if ANYWHERE.search(line):
                problems.append(
                    f"{page}, line {number}: a shortcode must stand alone on its line, like <!-- md:pacer box -->."
                )
            output.append(line)
            continue
        name, argument = match.group("name"), match.group("args").strip()
        renderer = renderers.get(name)
        if renderer is None:
            known = ", ".join(f"md:{known_name}" for known_name in sorted(renderers))
            problems.append(f'{page}, line {number}: unknown shortcode "md:{name}"; known shortcodes are {known}.')
            output.append(line)
            continue
        try:
            output.append("\n" + renderer(argument) + "\n")
        except LookupError as error:
            problems.append(f"{page}, line {number}: {error.args[0]}")
            output.append(line)
    if problems:
        raise ShortcodeError(problems)
    return "\n".join(output)
