"""Every address fetched once by a small thread pool: politely (requests to one host start a few
seconds apart) and within a time limit for the whole check, after which the addresses not yet
started are reported as not checked rather than waited for."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from tools.check_sources.fetch import Page

TIME_RAN_OUT = "not checked: the check's time limit ran out first"


@dataclass(frozen=True)
class RunSettings:
    workers: int = 4
    host_interval: float = 2.0  # seconds between the starts of two requests to one host
    time_limit: float = 900.0  # seconds for the whole check


class _HostPacer:
    """Hands out start times per host, `interval` apart; the caller sleeps until its own."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def start_time(self, host: str) -> float:
        with self._lock:
            start = max(time.monotonic(), self._next.get(host, 0.0))
            self._next[host] = start + self.interval
            return start


def _host(address: str) -> str:
    return (urlsplit(address).hostname or "").lower()


def spread_by_host(addresses: Iterable[str]) -> list[str]:
    """Round robin over hosts (a, a, b -> a, b, a), so the pool works on different hosts at once
    rather than queueing behind the pauses of the one host that many sources share (doi.org)."""
    queues: dict[str, list[str]] = {}
    for address in addresses:
        queues.setdefault(_host(address), []).append(address)
    spread: list[str] = []
    while any(queues.values()):
        for queue in queues.values():
            if queue:
                spread.append(queue.pop(0))
    return spread


def fetch_all(addresses: Iterable[str], fetch: Callable[[str], Page], settings: RunSettings) -> dict[str, Page]:
    """address -> its Page, for every address (each fetched once, whatever the order)."""
    ends_at = time.monotonic() + settings.time_limit
    pacer = _HostPacer(settings.host_interval)

    def paced(address: str) -> Page:
        start = pacer.start_time(_host(address))
        if start >= ends_at:
            return Page(address, error=TIME_RAN_OUT)
        time.sleep(max(0.0, start - time.monotonic()))
        return fetch(address)

    ordered = spread_by_host(dict.fromkeys(addresses))
    with ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="check-sources") as pool:
        return dict(zip(ordered, pool.map(paced, ordered), strict=True))
