"""A built page read into a small tree with the standard library's parser.

The build checks what a reader will see, after the theme has wrapped the page, without a
third-party parser: the build's own dependencies stay those of the site.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose text a reader never reads as prose.
NOT_PROSE = {"script", "style", "head", "template"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = None

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        """The text inside, with runs of white space made single, as a reader sees it."""
        return " ".join("".join(part if isinstance(part, str) else part.text() for part in self.children).split())

    def walk(self, skip: Collection[str] = ()) -> Iterator[Node]:
        """This element and every one inside it, in document order; with `skip`, none inside (or
        being) an element of those tags."""
        if self.tag in skip:
            return
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk(skip)

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.walk() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)]

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs}, parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {name: value or "" for name, value in attrs}, parent=self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse_html(markup: str) -> Node:
    """The whole document as a tree."""
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


def article(root: Node) -> Node:
    """The page's own content, without the theme's navigation and footer."""
    found = root.find_all("article")
    return found[0] if found else root
