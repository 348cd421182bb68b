"""The check's results as Markdown (the body of the issue the weekly workflow keeps up to date, and
the job's summary) and as JSON (for scripts: the workflow reads `needs_a_look` from it).

Every string in the report comes from a data file or from a remote server (a redirect's Location,
an error message), so none is trusted as Markdown: addresses and errors go in code spans, words
are escaped, and nothing can become a link, a mention or markup.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Sequence
from typing import Any

from tools.check_sources.verdicts import AddressState, QuoteState, SourceResult

# GitHub refuses an issue body over 65,536 characters; the full listing is left out above this.
MAX_BODY = 60_000
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")
# What GitHub turns into a mention, an issue link or a link: @name, #123, https://..., www.host
_LINKING = re.compile(r"[@#](?=\w)|:(?=/)|\bwww(?=\.)", re.IGNORECASE)
_ZERO_WIDTH = "\u200b"
_QUOTE_HEADINGS = {
    QuoteState.CHANGED: "## Quotes no longer found: read the page again, then correct the quote or what cites it",
    QuoteState.NOT_TEXT: "## Quotes not checked: the page is not HTML or text; check them by hand",
}
_WHAT_TO_DO = {
    AddressState.REDIRECTED: "Moved: check the new page says the same, then use its address in the data.",
    AddressState.GONE: "Gone: find where the page moved, or another source for the same words.",
    AddressState.REFUSED: "Refused the checker: open it in a browser to check it by hand.",
    AddressState.FAILED: "Failed: try it in a browser; if it stays down, find another source.",
    AddressState.NOT_CHECKED: "Not checked this time: the check ran out of time first.",
}


def words(text: str) -> str:
    """Data text shown as itself: Markdown punctuation escaped, no HTML, and a zero-width space
    after "@", "#" and inside "://" and "www." so GitHub makes no mention, issue link or autolink
    of it (GitHub finds those in the rendered text, after escapes and entities are undone)."""
    flat = " ".join(text.split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _LINKING.sub(lambda match: match.group(0) + _ZERO_WIDTH, flat)
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", flat)


def code(text: str, limit: int = 300) -> str:
    """An address or message as a code span: shown literally, never a link; one line, capped."""
    flat = " ".join(text.split()).replace("`", "'")
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return f"`{flat}`"


def _http(result: SourceResult) -> str:
    statuses = ", ".join(str(hop.status) for hop in result.page.hops)
    return f"HTTP {statuses}" if statuses else "no answer"


def _address_line(result: SourceResult) -> str:
    page = result.page
    parts = [f"{code(result.source.address)}: {result.state.value} ({_http(result)})"]
    if page.final_address and len(page.hops) > 1:
        parts.append(f"ends at {code(page.final_address)}")
    if page.error:
        parts.append(code(page.error))
    return ", ".join(parts)


def _cited_by(result: SourceResult) -> str:
    return "; ".join(words(entry) for entry in result.source.cited_by)


def _look_at_address(result: SourceResult) -> list[str]:
    lines = [f"- {_address_line(result)}", f"  {_WHAT_TO_DO[result.state]}", f"  Cited by: {_cited_by(result)}."]
    unreachable = [quote for quote in result.quotes if quote.state is QuoteState.UNREACHABLE]
    if unreachable:
        lines.append("  Quotes not checked: " + ", ".join(words(quote.finding.anchor) for quote in unreachable) + ".")
    return lines


def _look_at_quotes(result: SourceResult, state: QuoteState) -> list[str]:
    """Each of the source's quotes in `state`: the finding, the address, where, and the words."""
    lines = []
    for quote in result.quotes:
        if quote.state is state:
            finding, page_kind = quote.finding, ""
            if state is QuoteState.NOT_TEXT:
                page_kind = f", a page of type {code(result.page.content_type or 'unknown')}"
            lines += [
                f"- **{words(finding.anchor)}**, on {code(result.source.address)}{page_kind} ({words(finding.where)}):",
                f"  > {words(finding.quote)}",
            ]
    return lines


def _summary_counts(results: Sequence[SourceResult]) -> str:
    quotes = [quote for result in results for quote in result.quotes]
    present = sum(quote.state is QuoteState.PRESENT for quote in quotes)
    fine = sum(result.state.fine for result in results)
    return (
        f"{len(results)} addresses checked: {fine} answered as expected. "
        f"{len(quotes)} quotes: {present} still on their page."
    )


def markdown_report(results: Sequence[SourceResult], without_address: Sequence[str], when: datetime.datetime) -> str:
    """The report: what needs a look first (quotes not found, then addresses by kind of trouble),
    then, folded, every address and every quote with its result."""
    attention = _needs_a_look(results)
    lines = [
        "# Sources check",
        "",
        f"Checked {when:%Y-%m-%d %H:%M} UTC by `make check-sources`. {_summary_counts(results)}",
        "",
    ]
    if not attention:
        lines += ["Every address answered and every quote is still on its page.", ""]
    lines += attention
    if without_address:
        listed = ", ".join(words(key) for key in without_address)
        lines += [f"References with no address to check: {listed}.", ""]
    lines += [f"<!-- check-sources digest: {attention_digest(results)} -->", ""]
    listing = _full_listing(results)
    if len("\n".join(lines + listing)) > MAX_BODY:
        listing = ["The full listing is too long for an issue: it is in the workflow run's summary.", ""]
    return "\n".join(lines + listing).rstrip() + "\n"


def _needs_a_look(results: Sequence[SourceResult]) -> list[str]:
    """The report's first part: the quotes not found, then the addresses by kind of trouble."""
    lines: list[str] = []
    for quote_state, heading in _QUOTE_HEADINGS.items():
        quotes = [line for result in results for line in _look_at_quotes(result, quote_state)]
        if quotes:
            lines += [heading, "", *quotes, ""]
    for state in _WHAT_TO_DO:
        of_state = [line for result in results if result.state is state for line in _look_at_address(result)]
        if of_state:
            lines += [f"## Addresses: {state.value}", "", *of_state, ""]
    return lines


def attention_digest(results: Sequence[SourceResult]) -> str:
    """A short fingerprint of what needs a look (not of when it was checked): the workflow comments
    on its issue only when this differs from the one in the issue's last report."""
    return hashlib.sha256("\n".join(_needs_a_look(results)).encode("utf-8")).hexdigest()[:16]


def _full_listing(results: Sequence[SourceResult]) -> list[str]:
    lines = ["<details><summary>Every address and quote</summary>", ""]
    for result in sorted(results, key=lambda result: result.source.address):
        lines.append(f"- {_address_line(result)}")
        lines += [f"  - {words(quote.finding.anchor)}: {quote.state.value}" for quote in result.quotes]
    return [*lines, "", "</details>", ""]


def json_summary(
    results: Sequence[SourceResult], without_address: Sequence[str], when: datetime.datetime
) -> dict[str, Any]:
    """The same results for scripts; `needs_a_look` counts the addresses the issue lists."""
    return {
        "checked_at": when.isoformat(timespec="seconds"),
        "addresses": len(results),
        "quotes": sum(len(result.quotes) for result in results),
        "needs_a_look": sum(result.needs_a_look for result in results),
        "attention_digest": attention_digest(results),
        "without_address": list(without_address),
        "sources": [
            {
                "address": result.source.address,
                "cited_by": result.source.cited_by,
                "state": result.state.value,
                "status": result.page.status,
                "final_address": result.page.final_address,
                "hops": [{"address": hop.address, "status": hop.status} for hop in result.page.hops],
                "error": result.page.error,
                "needs_a_look": result.needs_a_look,
                "quotes": [{"finding": quote.finding.anchor, "state": quote.state.value} for quote in result.quotes],
            }
            for result in results
        ],
    }
