"""Who edits the site: names from `extra.editors` in mkdocs.yml, shown on the About page.

Authority means naming real people. Until a maintainer fills the list in, the page says so
plainly instead of showing a made-up name.
"""

from __future__ import annotations

import html
from typing import Any

from hooks.content.problems import DataError, describe

NO_EDITOR_YET = (
    "No named editor is listed yet. The pages are written by the project's contributors. "
    "Every change they make is public in the project's history."
)


def editor_names(raw: Any, source: str = "mkdocs.yml") -> tuple[str, ...]:
    """Check `extra.editors`: missing or empty means none yet; otherwise a list of names as text."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        allowed = 'a list of names, e.g. ["Ada Lovelace"]'
        raise DataError([f'{source}: field "extra.editors": found {describe(raw)}; allowed: {allowed}.'])
    messages = [
        f'{source}: field "extra.editors[{index}]": found {describe(name)}; allowed: a name as non-empty text.'
        for index, name in enumerate(raw, start=1)
        if not (isinstance(name, str) and name.strip())
    ]
    if messages:
        raise DataError(messages)
    return tuple(name.strip() for name in raw)


def _join(names: tuple[str, ...]) -> str:
    escaped = [html.escape(name) for name in names]
    if len(escaped) == 1:
        return escaped[0]
    return ", ".join(escaped[:-1]) + " and " + escaped[-1]


def render_editors(names: tuple[str, ...]) -> str:
    """One paragraph naming the editors, or saying plainly that none is named yet."""
    if not names:
        return f'<p class="br-editors">{NO_EDITOR_YET}</p>'
    if len(names) == 1:
        return f'<p class="br-editors">{_join(names)} edits this site and is responsible for what it says.</p>'
    return f'<p class="br-editors">{_join(names)} edit this site and are responsible for what it says.</p>'
