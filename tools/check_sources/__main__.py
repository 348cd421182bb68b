"""`python -m tools.check_sources` (what `make check-sources` runs): fetch every source, write
report.md and report.json, print the report.

Exit status: 0 when the check ran (whatever it found), 1 with --fail-on-change when anything
needs a look, 2 when the data files would not build (nothing is fetched then).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from pathlib import Path

from hooks.content.problems import DataError
from tools.check_sources.fetch import LOOPBACK_ONLY, PURPOSE, USER_AGENT, Fetcher, FetchSettings
from tools.check_sources.report import json_summary, markdown_report
from tools.check_sources.run import RunSettings, fetch_all
from tools.check_sources.sources import load_sources
from tools.check_sources.verdicts import judge

DEFAULT_OUT = Path(".cache/check-sources")


def _rewrite(argument: str) -> tuple[str, str]:
    prefix, separator, replacement = argument.partition("=")
    if not separator or not prefix:
        raise argparse.ArgumentTypeError(f"expected PREFIX=REPLACEMENT, found {argument!r}")
    return prefix, replacement


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="make check-sources", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("data"), help="the data directory (default: data)")
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"where report.md and report.json go ({DEFAULT_OUT})"
    )
    parser.add_argument("--fail-on-change", action="store_true", help="exit 1 when anything needs a look")
    parser.add_argument(
        "--rewrite",
        type=_rewrite,
        action="append",
        default=[],
        metavar="PREFIX=REPLACEMENT",
        help="fetch addresses starting with PREFIX from REPLACEMENT instead (tests: a local server)",
    )
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds without an answer before giving up (20)")
    parser.add_argument("--workers", type=int, default=4, help="requests at once (4)")
    parser.add_argument("--host-interval", type=float, default=2.0, help="seconds between requests to one host (2)")
    parser.add_argument("--time-limit", type=float, default=900.0, help="seconds for the whole check (900)")
    return parser.parse_args(argv)


def user_agent() -> str:
    """The checker names itself, and the repository it runs for when it runs on GitHub Actions."""
    server, repository = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    if server and repository and server.isprintable() and repository.isprintable():
        return f"{USER_AGENT} ({PURPOSE}; +{server}/{repository})"
    return f"{USER_AGENT} ({PURPOSE})"


def main(argv: list[str] | None = None) -> int:
    arguments = _arguments(argv)
    try:
        sources = load_sources(arguments.data, shown_as=str(arguments.data))
    except DataError as error:
        print("The data has problems; no source was checked:", *error.messages, sep="\n", file=sys.stderr)
        return 2
    loopback_only = bool(os.environ.get(LOOPBACK_ONLY))
    fetch_settings = FetchSettings(user_agent(), arguments.timeout, loopback_only=loopback_only)
    fetcher = Fetcher(fetch_settings, dict(arguments.rewrite))
    settings = RunSettings(arguments.workers, arguments.host_interval, arguments.time_limit)
    pages = fetch_all((source.address for source in sources.sources), fetcher, settings)
    results = [judge(source, pages[source.address]) for source in sources.sources]
    when = datetime.datetime.now(datetime.timezone.utc)
    report = markdown_report(results, sources.without_address, when)
    summary = json_summary(results, sources.without_address, when)
    arguments.out.mkdir(parents=True, exist_ok=True)
    (arguments.out / "report.md").write_text(report, encoding="utf-8")
    (arguments.out / "report.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(report)
    print(f"{summary['needs_a_look']} of {summary['addresses']} addresses need a look; report in {arguments.out}/")
    return 1 if arguments.fail_on_change and summary["needs_a_look"] else 0


if __name__ == "__main__":
    sys.exit(main())
