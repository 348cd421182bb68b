"""Where readers report a mistake: the repository the site was built from, when the build knows it.

GitHub Actions names the repository (GITHUB_REPOSITORY, e.g. "someone/breathing-room") and its
server (GITHUB_SERVER_URL). A local build has neither, so the contact text must still read well
without a link rather than point at a guessed address.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# GitHub account and repository names: letters, digits, '-', '_' and '.'.
REPOSITORY_NAME = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
SERVER_URL = re.compile(r"^https?://[^\s/]+$")


@dataclass(frozen=True)
class Repository:
    server_url: str
    name: str

    @property
    def url(self) -> str:
        return f"{self.server_url}/{self.name}"

    @property
    def issues_url(self) -> str:
        return f"{self.url}/issues"


def repository_from(server_url: str | None, name: str | None) -> Repository | None:
    """The repository named by the build's environment, or None when there is none.

    A value that is present but malformed is a mistake in the build setup, not a missing
    context, so it raises ValueError rather than quietly dropping the link.
    """
    name = (name or "").strip()
    if not name:
        return None
    server = (server_url or "").strip().rstrip("/") or "https://github.com"
    if not REPOSITORY_NAME.match(name):
        raise ValueError(f'repository "{name}": allowed: OWNER/NAME, as GITHUB_REPOSITORY gives it.')
    if not SERVER_URL.match(server):
        raise ValueError(
            f'server "{server}": allowed: an address like https://github.com, as GITHUB_SERVER_URL gives it.'
        )
    return Repository(server, name)


def render_contact(repository: Repository | None) -> str:
    """The sentence that tells a reader how to report a mistake, as one HTML paragraph."""
    if repository is None:
        return (
            '<p class="br-contact">This copy of the site was built without a link to its source repository. '
            "To report a mistake, contact whoever gave you its address, and tell them the page, what is wrong "
            "and, if you can, a source.</p>"
        )
    issues = html.escape(repository.issues_url, quote=True)
    source = html.escape(repository.url, quote=True)
    return (
        f'<p class="br-contact">You can open an issue on our <a href="{issues}">issue tracker</a>. '
        "You need a free GitHub account to do this. "
        "Tell us the page, what is wrong and, if you can, a source. "
        f'The site\'s text and code are in <a href="{source}">{html.escape(repository.name)}</a>. '
        "We have no email address: the issue tracker is the only way to reach us.</p>"
    )


def render_publisher(repository: Repository | None) -> str:
    """Who publishes the site: the owner of the repository it is built from, named as GitHub names it.

    No person's name is invented: the account that owns the repository is the publisher, and a
    reader can see it. A local build, which knows no repository, says that instead.
    """
    if repository is None:
        return (
            '<p class="br-publisher">This copy of the site was built without a link to its source repository, '
            "so it cannot name its publisher. The public site names the GitHub account that publishes it.</p>"
        )
    owner = repository.name.split("/", 1)[0]
    owner_url = html.escape(f"{repository.server_url}/{owner}", quote=True)
    source = html.escape(repository.url, quote=True)
    return (
        f'<p class="br-publisher">The site is published from the repository <a href="{source}">'
        f"{html.escape(repository.name)}</a> on GitHub. The owner of that repository, the GitHub account "
        f'<a href="{owner_url}">{html.escape(owner)}</a>, is the publisher and decides what goes live. '
        "Every change to every page is public in the repository's history.</p>"
    )
