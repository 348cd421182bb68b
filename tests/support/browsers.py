"""Finding the browsers the tests and benches drive: one lookup for `make test`, pytest and
`make bench`.

Order: the path named in the browser's environment variable (CHROMIUM, FIREFOX); one on PATH;
with `install`, as root on Debian/Ubuntu, the distribution's package; for Chromium, Playwright's
own download as a last resort (then there is no path to give: Playwright finds its own).

Command line, as `make test` uses it before pytest starts:
    python -m tests.support.browsers chromium [--python PYTHON]
prints the path (or nothing when Playwright's download is to be used) and exits 1 with advice
when no browser can be had. `--python` names the Python whose Playwright may download one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Browser:
    name: str
    env_var: str
    executables: tuple[str, ...]
    apt_package: str
    playwright_download: bool  # whether `playwright install NAME` is a fallback


CHROMIUM = Browser(
    "chromium",
    "CHROMIUM",
    ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"),
    "chromium",
    playwright_download=True,
)
FIREFOX = Browser("firefox", "FIREFOX", ("firefox-esr", "firefox"), "firefox-esr", playwright_download=False)
BROWSERS = {browser.name: browser for browser in (CHROMIUM, FIREFOX)}

# Flags that keep Debian's Chromium quiet on a machine with no network but loopback.
CHROMIUM_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


class BrowserNotFoundError(Exception):
    """No browser could be found or installed; the message says how to get one."""


def advice(browser: Browser) -> str:
    lines = [
        f"No {browser.name.title()} could be found or installed for the browser tests.",
        "Install one and run `make test` again:",
        f"  - Debian/Ubuntu: sudo apt-get install {browser.apt_package}",
    ]
    if browser.playwright_download:
        lines.append(f"  - elsewhere:     .venv/bin/python -m playwright install {browser.name}")
    lines.append(f"  - or point to one: {browser.env_var}=/path/to/{browser.name} make test")
    return "\n".join(lines)


def _is_executable(path: str) -> bool:
    return Path(path).is_file() and os.access(path, os.X_OK)


def find(browser: Browser, env: Mapping[str, str] = os.environ) -> str | None:
    """The named or PATH browser, without installing anything; None when there is none."""
    named = env.get(browser.env_var)
    if named:
        if not _is_executable(named):
            raise BrowserNotFoundError(f"{browser.env_var}={named} is not an executable file.\n{advice(browser)}")
        return named
    search_path = env.get("PATH", os.defpath)
    for name in browser.executables:
        found = shutil.which(name, path=search_path)
        if found:
            return found
    return None


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _apt_install(browser: Browser, env: Mapping[str, str]) -> str | None:
    """Debian's package, when this process may install one; the path it gave, or None."""
    apt_get = shutil.which("apt-get", path=env.get("PATH", os.defpath))
    if os.geteuid() != 0 or apt_get is None:
        return None
    _say(f"No {browser.name} on PATH: installing Debian's {browser.apt_package} package.")
    quiet_env = {**env, "DEBIAN_FRONTEND": "noninteractive"}
    for command in ([apt_get, "update", "-qq"], [apt_get, "install", "-y", "-qq", browser.apt_package]):
        if subprocess.run(command, env=quiet_env, stdout=sys.stderr, check=False).returncode != 0:
            return None
    return find(browser, env)


def find_or_install(browser: Browser, python: str = sys.executable, env: Mapping[str, str] = os.environ) -> str | None:
    """A path to `browser`, installing it if need be; None means Playwright's own download is in
    place. Raises BrowserNotFoundError with advice when nothing works."""
    found = find(browser, env) or _apt_install(browser, env)
    if found:
        return found
    if browser.playwright_download:
        _say(f"No {browser.name} on PATH: trying Playwright's own download.")
        command = [python, "-m", "playwright", "install", browser.name]
        if subprocess.run(command, stdout=sys.stderr, check=False).returncode == 0:
            return None
    raise BrowserNotFoundError(advice(browser))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.support.browsers", description=__doc__.split("\n\n")[0])
    parser.add_argument("browser", choices=sorted(BROWSERS))
    parser.add_argument("--python", default=sys.executable, help="the Python whose Playwright may download one")
    options = parser.parse_args(argv)
    try:
        path = find_or_install(BROWSERS[options.browser], options.python)
    except BrowserNotFoundError as error:
        _say(str(error))
        return 1
    if path:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
