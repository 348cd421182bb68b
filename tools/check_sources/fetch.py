"""One address fetched with the standard library, each redirect followed by hand so every hop is
in the report (a DOI's redirect to its publisher is normal; a page that moved is worth a look).

A fetch never raises: whatever goes wrong (no such host, refused, timed out, too many redirects)
comes back as the Page's `error`, so one bad address cannot stop the check of the others.
"""

from __future__ import annotations

import http.client
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from tools.check_sources.page_text import page_text

USER_AGENT = "BreathingRoom-check-sources/1.0"
PURPOSE = "checks that the pages the Breathing Room site cites still hold its quotes"
# Set (to anything) by the tests: every address must have been rewritten to the local fixture server.
LOOPBACK_ONLY = "CHECK_SOURCES_LOOPBACK_ONLY"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Content that can hold a quote; anything else (a PDF, an image) is fetched for its status only.
_HTML = ("text/html", "application/xhtml+xml")
_TEXT = ("text/plain",)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Hop:
    """One response on the way: the address asked for and the status it answered with."""

    address: str
    status: int


@dataclass(frozen=True)
class Page:
    address: str  # the address as the data writes it
    hops: tuple[Hop, ...] = ()  # every response, in order; the last one is where the fetch ended
    text: str | None = None  # the readable text of a final 2xx page that is HTML or plain text
    content_type: str = ""
    error: str | None = None  # why there is no final response, or why its body was not read in full

    @property
    def status(self) -> int | None:
        return self.hops[-1].status if self.hops else None

    @property
    def final_address(self) -> str | None:
        return self.hops[-1].address if self.hops else None


@dataclass(frozen=True)
class FetchSettings:
    user_agent: str = f"{USER_AGENT} ({PURPOSE})"
    timeout: float = 20.0  # seconds of silence before a request is given up
    max_redirects: int = 10
    max_bytes: int = 5 * 1024 * 1024  # a page bigger than this is read this far
    loopback_only: bool = False  # the tests' guard: ask nothing but 127.0.0.1, even if a rewrite is lost


class _NoAutomaticRedirects(urllib.request.HTTPRedirectHandler):
    """Leave every 3xx to the caller, which records it as a hop and follows it itself."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Fetcher:
    """Fetches addresses with fixed settings; `rewrite` maps an address to the one actually asked
    for (the tests point every source at a local server this way)."""

    def __init__(self, settings: FetchSettings, rewrite: dict[str, str] | None = None) -> None:
        self.settings = settings
        self.rewrite = rewrite or {}
        self._opener = urllib.request.build_opener(_NoAutomaticRedirects())

    def asked_for(self, address: str) -> str:
        for prefix, replacement in self.rewrite.items():
            if address.startswith(prefix):
                return replacement + address[len(prefix) :]
        return address

    def __call__(self, address: str) -> Page:
        hops: list[Hop] = []
        current = self.asked_for(address)
        seen = {current}
        try:
            while True:
                outcome = self._one_request(address, current, hops)
                if isinstance(outcome, Page):
                    return outcome
                if len(hops) > self.settings.max_redirects:
                    return Page(address, tuple(hops), error=f"more than {self.settings.max_redirects} redirects")
                if outcome in seen:
                    return Page(address, tuple(hops), error="a redirect loop")
                seen.add(outcome)
                current = outcome
        except TimeoutError:
            return Page(address, tuple(hops), error=f"timed out (no answer for {self.settings.timeout:g} s)")
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, TimeoutError):
                return Page(address, tuple(hops), error=f"timed out (no answer for {self.settings.timeout:g} s)")
            return Page(address, tuple(hops), error=f"could not connect: {reason}")
        except (OSError, http.client.HTTPException, ValueError) as error:
            return Page(address, tuple(hops), error=f"{type(error).__name__}: {error}")

    def _one_request(self, address: str, current: str, hops: list[Hop]) -> Page | str:
        """One GET: a Page when the fetch ends here, or the next address when it redirects."""
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https"):
            return Page(address, tuple(hops), error=f"not a web address: {current}")
        if self.settings.loopback_only and parts.hostname not in LOOPBACK:
            return Page(address, tuple(hops), error=f"not fetched: {LOOPBACK_ONLY} allows only 127.0.0.1")
        request = urllib.request.Request(current, headers={"User-Agent": self.settings.user_agent, "Accept": "*/*"})
        try:
            response = self._opener.open(request, timeout=self.settings.timeout)
        except urllib.error.HTTPError as answer:
            with answer:
                hops.append(Hop(current, answer.code))
                location = answer.headers.get("Location")
            if answer.code in REDIRECTS and location:
                return urljoin(current, location.strip())
            if answer.code in REDIRECTS:
                return Page(address, tuple(hops), error="a redirect without a Location")
            return Page(address, tuple(hops))
        with response:
            hops.append(Hop(current, response.status))
            content_type = response.headers.get_content_type()
            if content_type not in _HTML + _TEXT:
                return Page(address, tuple(hops), content_type=content_type)
            body, complete = self._read(response)
        text = _decode(body, response.headers)
        readable = page_text(text) if content_type in _HTML else " ".join(text.split())
        error = None if complete else f"only the first {self.settings.max_bytes} bytes were read"
        return Page(address, tuple(hops), readable, content_type, error)

    def _read(self, response: http.client.HTTPResponse) -> tuple[bytes, bool]:
        """The body up to max_bytes (and whether that was all of it), given up when it trickles in
        for longer than a few timeouts in all."""
        chunks: list[bytes] = []
        size, started = 0, time.monotonic()
        while size <= self.settings.max_bytes:
            chunk = response.read(_CHUNK)
            if not chunk:
                return b"".join(chunks), True
            chunks.append(chunk)
            size += len(chunk)
            if time.monotonic() - started > 3 * self.settings.timeout:
                raise TimeoutError
        return b"".join(chunks)[: self.settings.max_bytes], False


def _decode(body: bytes, headers: Message) -> str:
    """The body as text, by the charset the headers or the page's own <meta> name; UTF-8 otherwise."""
    charset = headers.get_content_charset()
    if not charset:
        match = _META_CHARSET.search(body[:4096])
        charset = match.group(1).decode("ascii") if match else "utf-8"
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")
