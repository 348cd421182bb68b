"""The About page's blocks (hooks/templates/site/): who edits the site, who publishes it, and how a
reader reports a mistake. Each reads well without a repository or editors, rather than guess."""

from __future__ import annotations

from hooks.content.repository import Repository
from hooks.render.templates import render


def render_editors(names: tuple[str, ...]) -> str:
    """One paragraph naming the editors, or saying plainly that none is named yet."""
    return render("site/editors.html", names=names)


def render_contact(repository: Repository | None) -> str:
    """The sentence that tells a reader how to report a mistake, as one HTML paragraph."""
    return render("site/contact.html", repository=repository)


def render_publisher(repository: Repository | None) -> str:
    """The owner of the repository the site is built from, named as GitHub names it, as publisher."""
    owner = repository.name.split("/", 1)[0] if repository else ""
    owner_url = f"{repository.server_url}/{owner}" if repository else ""
    return render("site/publisher.html", repository=repository, owner=owner, owner_url=owner_url)
