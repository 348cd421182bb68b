"""A Content Security Policy and a referrer policy in every built page, as <meta> elements.

GitHub Pages cannot send headers, but a policy in a <meta> element still stops script that was
never ours: only the site's own files run, plus the inline scripts the theme writes, each allowed
by the SHA-256 hash of its exact text. The hashes are computed here from the finished pages, so a
theme update that changes an inline script changes its hash with it instead of silently breaking.

One policy for the whole site: Material's instant navigation keeps the first page's document (and
so its policy) while it swaps in other pages and re-creates their inline scripts, so the first page
must already allow the scripts of every other page. Runs after the pages are written and before the
service worker lists them (it changes their bytes). Plain Python, no MkDocs types.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable
from pathlib import Path

CSP_META_NAME = "Content-Security-Policy"
REFERRER_META = '<meta name="referrer" content="no-referrer">'

# A script element and its text, as an HTML parser reads it: the text runs to the first </script.
_SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<text>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
# Types a browser runs as script (the HTML standard's JavaScript MIME types, less the obsolete ones).
_SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript"}
_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
_OUR_METAS = re.compile(
    r"\s*<meta (?:http-equiv=\"Content-Security-Policy\"|name=\"referrer\") content=\"[^\"]*\">", re.IGNORECASE
)

# Everything but scripts, one directive each. Images may be data: URLs because Material's
# stylesheet draws its icons as data: SVG masks; media may be blob: for a sound track rendered
# in the page. Styles allow inline style attributes: they cannot run script, and the theme's
# search results and our pacer set element styles.
_FIXED_DIRECTIVES = (
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


class PolicyError(ValueError):
    """A page cannot carry the policy; publishing it would leave it unprotected or broken."""


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        name = match.group(1).lower()
        value = next((group for group in match.groups()[1:] if group is not None), "")
        found.setdefault(name, html.unescape(value))
    return found


def inline_scripts(page: str) -> list[str]:
    """The text of every inline script a browser would run in this page (JSON data blocks do not run)."""
    scripts = []
    for match in _SCRIPT.finditer(page):
        attributes = _attributes(match.group("attributes"))
        if "src" in attributes or attributes.get("type", "").strip().lower() not in _SCRIPT_TYPES:
            continue
        scripts.append(match.group("text"))
    return scripts


def script_hash(text: str) -> str:
    """The CSP source for one inline script: the hash of its text as the browser sees it (the HTML
    parser turns every CR LF into LF before the script gets its text)."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalized.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(hashes: Iterable[str]) -> str:
    """The whole policy: own files and the given inline-script hashes for scripts, no 'unsafe-inline'."""
    script_src = " ".join(["script-src 'self'", *sorted(set(hashes))])
    return "; ".join([*_FIXED_DIRECTIVES[:1], script_src, *_FIXED_DIRECTIVES[1:]])


def policy_metas(site_policy: str) -> str:
    content = site_policy.replace("&", "&amp;").replace('"', "&quot;")  # single quotes may stay as they are
    return f'<meta http-equiv="{CSP_META_NAME}" content="{content}">{REFERRER_META}'


def with_policy(page: str, site_policy: str, name: str) -> str:
    """The page with the two <meta> elements right after <meta charset>, before any script; an earlier
    pair (a second run over the same folder) is replaced."""
    page = _OUR_METAS.sub("", page)
    charset = _CHARSET.search(page)
    if charset is None:
        raise PolicyError(f'{name}: no <meta charset="utf-8"> to put the policy after')
    first_script = page.lower().find("<script")
    if 0 <= first_script < charset.end():
        raise PolicyError(f"{name}: a script comes before <meta charset>, so no policy in the page could cover it")
    return page[: charset.end()] + policy_metas(site_policy) + page[charset.end() :]


def write_content_security_policy(site_dir: Path) -> str:
    """Put the site's policy into every HTML page under site_dir; returns the policy."""
    pages = sorted(site_dir.rglob("*.html"))
    if not pages:
        raise PolicyError(f"{site_dir}: no HTML pages to protect")
    texts = {path: path.read_text(encoding="utf-8") for path in pages}
    hashes = {script_hash(script) for text in texts.values() for script in inline_scripts(text)}
    site_policy = policy(hashes)
    for path, text in texts.items():
        path.write_text(with_policy(text, site_policy, path.relative_to(site_dir).as_posix()), encoding="utf-8")
    return site_policy
