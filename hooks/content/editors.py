"""Who edits the site: names from `extra.editors` in mkdocs.yml, shown on the About page (hooks/render/site.py).

Authority means naming real people. Until a maintainer fills the list in, the page says so
plainly instead of showing a made-up name.
"""

from __future__ import annotations

from typing import Any

from hooks.content.problems import DataError, describe


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
