"""Reading HTML in tests and benches: lxml parses (one kept parser instead of hand-written
ones), and links resolve as a browser resolves them (urljoin, not a hand-written `..` walk)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from lxml import html as lxml_html
from lxml.html import HtmlElement

from tests.support.paths import SUB_PATH

# Any host will do: it only anchors relative links while urljoin resolves them.
_ORIGIN = "http://site.invalid"


def read_page(path: Path) -> HtmlElement:
    """A whole built page, parsed."""
    return lxml_html.document_fromstring(path.read_text(encoding="utf-8"))


def read_markup(markup: str) -> HtmlElement:
    """A fragment of markup (e.g. one rendered block), parsed under a <div>."""
    return lxml_html.fragment_fromstring(markup, create_parent="div")


def element_ids(root: HtmlElement) -> set[str]:
    """Every fragment a link may target: element ids and the names of <a name> anchors."""
    return {str(value) for value in root.xpath("//@id | //a/@name") if value}


def link_hrefs(root: HtmlElement) -> list[str]:
    """The href of every <a>, in document order."""
    return [str(value) for value in root.xpath("//a/@href")]


def classes(element: HtmlElement) -> set[str]:
    return set((element.get("class") or "").split())


def link_target(page: str, href: str, built_site: Path, sub_path: str = SUB_PATH) -> tuple[str | None, str]:
    """The site-relative HTML file that `href`, on the site-relative `page`, leads to, and its fragment.

    (None, fragment) for a link that leaves the site (a scheme or //host); a root-relative link
    outside `sub_path` gives "<outside SUB_PATH>/path" so a check reports it as missing."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, parts.fragment
    fragment = unquote(parts.fragment)
    path = urlsplit(urljoin(f"{_ORIGIN}{sub_path}{page}", href)).path
    path = unquote(path)
    if not path.startswith(sub_path):
        return f"<outside {sub_path}>{path}", fragment
    relative = path[len(sub_path) :].strip("/")
    if relative == "" or path.endswith("/") or (built_site / relative).is_dir():
        relative = str(PurePosixPath(relative, "index.html")) if relative else "index.html"
    return relative, fragment
