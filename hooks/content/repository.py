"""Where readers report a mistake: the repository the site was built from, when the build knows it.

GitHub Actions names the repository (GITHUB_REPOSITORY, e.g. "someone/breathing-room") and its
server (GITHUB_SERVER_URL). A local build has neither, so the contact text must still read well
without a link rather than point at a guessed address.
"""

from __future__ import annotations

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
