"""A fetched page's readable text, as a reader (or a search for a quote) would see it.

Scripts, styles and templates are left out: words that only a script holds are not on the page.
Publishers often keep an article's abstract in its description meta tags as well; their content is
added after the body's text, so a quote from the abstract is found on a page that draws the
abstract with a script.
"""

from __future__ import annotations

import html.parser

# Elements whose content is not text a reader sees.
_HIDDEN = {"script", "style", "template", "svg", "math", "head"}
# Elements that start a new block: a space keeps their words apart in the text.
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip
# <meta name=...> or property=... whose content is a summary of the page (often the abstract).
_SUMMARY_META = ("description", "abstract")


class _TextCollector(html.parser.HTMLParser):
    """Collects visible text and the page's summary meta tags; entities are decoded by the parser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.summaries: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
        elif tag == "body":  # a head left unclosed hides nothing after it
            self._hidden_depth = 0
        elif tag in _HIDDEN:
            self._hidden_depth += 1
        elif tag in _BLOCKS:
            self.text.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
        elif tag in _BLOCKS:
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN and self._hidden_depth:
            self._hidden_depth -= 1
        elif tag in _BLOCKS:
            self.text.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self.text.append(data)

    def _meta(self, attrs: dict[str, str | None]) -> None:
        name = (attrs.get("name") or attrs.get("property") or "").lower()
        content = attrs.get("content")
        if content and any(word in name for word in _SUMMARY_META):
            self.summaries.append(content)


def page_text(markup: str) -> str:
    """The visible text of an HTML page, then its summary meta tags' content, whitespace collapsed."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return " ".join("".join([*collector.text, " ", " ".join(collector.summaries)]).split())
