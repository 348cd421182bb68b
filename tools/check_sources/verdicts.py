"""What each fetch means for the site: a source that is fine, or one a maintainer should look at.

An address is fine when it answers 2xx, straight away or, for a DOI, after redirects (a DOI
always redirects to its publisher). A page that redirects elsewhere answers, but its address in
the data is out of date. A quote is fine when the page still holds it. Everything that is not
fine "needs a look": it goes in the issue, and makes `--fail-on-change` fail.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from hooks.content.findings import Finding
from tools.check_sources.fetch import REDIRECTS, Page
from tools.check_sources.quotes import quote_is_in
from tools.check_sources.run import TIME_RAN_OUT
from tools.check_sources.sources import Source

# A DOI names a paper, not a page: its redirect to the publisher is how it works.
DOI_PREFIX = "https://doi.org/"


class AddressState(enum.Enum):
    OK = "ok"
    DOI_RESOLVED = "DOI resolved"  # redirected from doi.org to a page that answered
    REDIRECTED = "redirected"  # answered, but at another address
    GONE = "gone"  # 404 or 410
    REFUSED = "refused"  # 401, 403, 429: the site would not show the page to the checker
    FAILED = "failed"  # no answer, a server error, a redirect loop
    NOT_CHECKED = "not checked"  # the time limit ran out first

    @property
    def fine(self) -> bool:
        return self in (AddressState.OK, AddressState.DOI_RESOLVED)


class QuoteState(enum.Enum):
    PRESENT = "present"
    CHANGED = "changed"  # the page answered, but the quote is not on it
    UNREACHABLE = "page unreachable"
    NOT_TEXT = "not checked"  # the page answered with something other than HTML or text (a PDF)

    @property
    def fine(self) -> bool:
        return self is QuoteState.PRESENT


@dataclass(frozen=True)
class QuoteResult:
    finding: Finding
    state: QuoteState


@dataclass(frozen=True)
class SourceResult:
    source: Source
    page: Page
    state: AddressState
    quotes: tuple[QuoteResult, ...]

    @property
    def needs_a_look(self) -> bool:
        return not self.state.fine or not all(quote.state.fine for quote in self.quotes)


def address_state(page: Page) -> AddressState:
    status = page.status
    if page.error == TIME_RAN_OUT:
        return AddressState.NOT_CHECKED
    if status is None or status in REDIRECTS or _body_lost(page):
        return AddressState.FAILED
    if 200 <= status < 300:
        if len(page.hops) == 1:
            return AddressState.OK
        return AddressState.DOI_RESOLVED if page.address.startswith(DOI_PREFIX) else AddressState.REDIRECTED
    if status in (404, 410):
        return AddressState.GONE
    if status in (401, 403, 429):
        return AddressState.REFUSED
    return AddressState.FAILED


def _body_lost(page: Page) -> bool:
    """The page answered 2xx but its body never arrived in full (it stalled)."""
    return page.error is not None and page.text is None and not page.content_type


def quote_state(finding: Finding, page: Page) -> QuoteState:
    status = page.status
    if status is None or not 200 <= status < 300 or _body_lost(page):
        return QuoteState.UNREACHABLE
    if page.text is None:
        return QuoteState.NOT_TEXT
    return QuoteState.PRESENT if quote_is_in(finding.quote, page.text) else QuoteState.CHANGED


def judge(source: Source, page: Page) -> SourceResult:
    quotes = tuple(QuoteResult(finding, quote_state(finding, page)) for finding in source.findings)
    return SourceResult(source, page, address_state(page), quotes)
