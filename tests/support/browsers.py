"""Finding the browsers the tests and benches drive: one lookup for `make test`, pytest and
`make bench`.

Order: the path named in the browser's environment variable (CHROMIUM, FIREFOX, WEBKIT_WEBDRIVER,
XVFB); one on PATH;
with `install`, as root on Debian/Ubuntu, the distribution's package; for Chromium, Playwright's
own download as a last resort (then there is no path to give: Playwright finds its own).

Command line, as `make test` uses it before pytest starts:
    python -m tests.support.browsers chromium [--python PYTHON]
    python -m tests.support.browsers firefox webkit xvfb
prints each path (or nothing when Playwright's download is to be used) and exits 1 with advice
when a browser cannot be had. `--python` names the Python whose Playwright may download one.
Whatever is missing is installed in one apt-get call. `make test` starts with
    python -m tests.support.browsers --install-only chromium firefox webkit xvfb
alongside the other installs and lint, so the downloads overlap them; it never fails (the
lookups above give the advice).

Firefox ESR is driven by puppeteer-core over WebDriver BiDi (no geckodriver). WebKit is
WebKitGTK: its WebDriver and the MiniBrowser it drives, both in Debian's webkit2gtk-driver,
drawing on an X display: on a machine without one, an Xvfb the tests start (VirtualDisplay).
"""

from __future__ import annotations

import argparse
import os
import re
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


# The full browser, as readers have it: the benches (Lighthouse, timing with hidden tabs) use it.
FULL_CHROMIUM = Browser(
    "chromium",
    "CHROMIUM",
    ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"),
    "chromium",
    playwright_download=True,
)
HEADLESS_SHELL = "chromium-headless-shell"
# The tests take Chromium's headless shell first (Debian's chromium-headless-shell): the same Blink
# and V8 as the full browser without its user interface, where a new context and its first page
# cost about half the CPU and the browser tests as a whole a quarter less (issue 26). The full
# browser is the fallback.
CHROMIUM = Browser(
    "chromium",
    "CHROMIUM",
    (HEADLESS_SHELL, *FULL_CHROMIUM.executables),
    HEADLESS_SHELL,
    playwright_download=True,
)
FIREFOX = Browser("firefox", "FIREFOX", ("firefox-esr", "firefox"), "firefox-esr", playwright_download=False)
WEBKIT = Browser("webkit", "WEBKIT_WEBDRIVER", ("WebKitWebDriver",), "webkit2gtk-driver", playwright_download=False)
XVFB = Browser("xvfb", "XVFB", ("Xvfb",), "xvfb", playwright_download=False)
BROWSERS = {browser.name: browser for browser in (CHROMIUM, FIREFOX, WEBKIT, XVFB)}
# Where Debian's webkit2gtk-driver puts MiniBrowser (not on PATH); MINIBROWSER=/path overrides it.
MINIBROWSER_GLOB = "usr/lib/*/webkit2gtk-4.*/MiniBrowser"

# Flags that keep Debian's Chromium quiet on a machine with no network but loopback.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


# For the tests only, not the benches (which measure what readers' browsers do): V8 without its
# background threads. They compile ahead and mark memory concurrently, work a page that lives a few
# seconds never uses; without them a page load costs about a fifth less CPU (6.1 -> 4.9 CPU-s for
# 23 pages here, issue 26), in the same time. What the page's scripts do is the same.
TEST_ONLY_CHROMIUM_ARGS = ("--js-flags=--single-threaded",)


def chromium_args(executable: str | None) -> list[str]:
    """CHROMIUM_ARGS, with the full browser's own headless mode when `executable` is not the
    headless shell (which has only its own)."""
    full_browser = executable is not None and HEADLESS_SHELL not in Path(executable).name
    return [*(["--headless=new"] if full_browser else []), *CHROMIUM_ARGS]


class BrowserNotFoundError(Exception):
    """No browser could be found or installed; the message says how to get one."""


# puppeteer-core's page.setViewport sends WebDriver BiDi's emulation.setScreenOrientationOverride,
# which Firefox has from version 144 (Mozilla bug 1974167); Firefox 140 ESR, what stale Debian
# package lists still install, answers it with an opaque "Protocol error". So the version is
# checked before any test starts Firefox.
FIREFOX_MIN_VERSION = 144
FIREFOX_UPDATE_COMMAND = "apt-get update && apt-get install firefox-esr"
_FIREFOX_VERSION = re.compile(r"Firefox (\d+)\.")


def firefox_version(path: str) -> int | None:
    """The major version `firefox --version` reports, or None if it reports none."""
    try:
        output = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=60, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = _FIREFOX_VERSION.search(output)
    return int(found.group(1)) if found else None


def check_firefox_version(path: str) -> None:
    """Stops at once, naming the version needed and the command that gets it, if Firefox is too old."""
    version = firefox_version(path)
    if version is not None and version >= FIREFOX_MIN_VERSION:
        return
    seen = f"Firefox {version}" if version is not None else "a Firefox whose version could not be read"
    raise BrowserNotFoundError(
        f"{path} is {seen}; the Firefox tests need Firefox {FIREFOX_MIN_VERSION} or newer (Firefox ESR 153 "
        "or later): puppeteer-core drives it with WebDriver BiDi commands older versions lack.\n"
        f"  - Debian/Ubuntu: sudo {FIREFOX_UPDATE_COMMAND}\n"
        f"  - or point to one: {FIREFOX.env_var}=/path/to/firefox make test"
    )


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


# Another apt-get or dpkg (say, the Makefile's install of Node.js) may hold the lock: wait for it.
APT_OPTIONS = ("-o", "DPkg::Lock::Timeout=600")
# Only what the browsers depend on: their recommendations (spell checkers, printing, GStreamer's
# codec plugins, ImageMagick, Perl modules ...) are 242 of the 322 packages and half the install's
# CPU (63 -> 33 CPU-s here, issue 26), and no test needs them (all pass without). dpkg syncs every
# file it unpacks to disk; skipping the syncs cuts the time too, at the cost that a machine losing
# power mid-install would need the install run again.
INSTALL_OPTIONS = ("--no-install-recommends", "-o", "Dpkg::Options::=--force-unsafe-io")


def apt_install(packages: Sequence[str], env: Mapping[str, str] = os.environ) -> bool:
    """Debian's `packages`, in one `apt-get update` and one `apt-get install`, when this process
    may install them (root, with apt-get); whether they were installed."""
    apt_get = shutil.which("apt-get", path=env.get("PATH", os.defpath))
    if not packages or os.geteuid() != 0 or apt_get is None:
        return False
    _say(f"Installing Debian's {', '.join(packages)}.")
    quiet_env = {**env, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (
        [apt_get, *APT_OPTIONS, "update", "-qq"],
        [apt_get, *APT_OPTIONS, *INSTALL_OPTIONS, "install", "-y", "-qq", *packages],
    ):
        if subprocess.run(command, env=quiet_env, stdout=sys.stderr, check=False).returncode != 0:
            return False
    return True


def missing_packages(names: Sequence[str], env: Mapping[str, str] = os.environ) -> list[str]:
    """The Debian packages of the named browsers that are neither named in their variable nor on PATH."""
    return [
        BROWSERS[name].apt_package
        for name in names
        if not env.get(BROWSERS[name].env_var) and find(BROWSERS[name], env) is None
    ]


def _apt_install(browser: Browser, env: Mapping[str, str]) -> str | None:
    """Debian's package, when this process may install one; the path it gave, or None."""
    if not apt_install([browser.apt_package], env):
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


def require(browser: Browser, env: Mapping[str, str] = os.environ) -> str:
    """The browser's path for a test that needs it; `make test` has installed it if it could."""
    found = find(browser, env)
    if found is None:
        raise BrowserNotFoundError(advice(browser))
    if browser == FIREFOX:
        check_firefox_version(found)
    return found


def minibrowser(env: Mapping[str, str] = os.environ, root: Path = Path("/")) -> str:
    """The small WebKitGTK browser that WebKitWebDriver starts: $MINIBROWSER, or Debian's."""
    named = env.get("MINIBROWSER")
    if named:
        if not _is_executable(named):
            raise BrowserNotFoundError(f"MINIBROWSER={named} is not an executable file.\n{advice(WEBKIT)}")
        return named
    found = sorted(str(path) for path in root.glob(MINIBROWSER_GLOB) if _is_executable(str(path)))
    if not found:
        raise BrowserNotFoundError(f"No MiniBrowser found (it comes with WebKitWebDriver).\n{advice(WEBKIT)}")
    return found[-1]


def puppeteer_installed(repo_root: Path) -> Path:
    """puppeteer-core from the root package.json, as `npm ci` installs it (make test does)."""
    package = repo_root / "node_modules" / "puppeteer-core" / "package.json"
    if not package.is_file():
        raise BrowserNotFoundError(
            "puppeteer-core is not installed: run `npm ci` in the repository root (make test does)."
        )
    return package


@dataclass
class VirtualDisplay:
    """An Xvfb on a free display number (it names the number itself), for as long as needed."""

    process: subprocess.Popen[bytes]
    display: str

    @classmethod
    def start(cls) -> VirtualDisplay:
        read_end, write_end = os.pipe()
        command = [require(XVFB), "-displayfd", str(write_end), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"]
        process = subprocess.Popen(command, pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_end)
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()
        if not number:
            process.kill()
            raise BrowserNotFoundError("Xvfb did not start: it announced no display number.")
        return cls(process, f":{number}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.support.browsers", description=__doc__.split("\n\n")[0])
    parser.add_argument("browser", nargs="+", choices=sorted(BROWSERS))
    parser.add_argument("--python", default=sys.executable, help="the Python whose Playwright may download one")
    parser.add_argument(
        "--install-only",
        action="store_true",
        help="only install, in one apt-get call, the Debian packages of those missing (and --also's); never fails",
    )
    parser.add_argument("--also", action="append", default=[], help="another Debian package for the same apt-get call")
    options = parser.parse_args(argv)
    if options.install_only:
        apt_install([*missing_packages(options.browser), *options.also])
        return 0
    try:
        apt_install(missing_packages(options.browser))  # all at once; each is then found below
        for name in options.browser:
            path = find_or_install(BROWSERS[name], options.python)
            if name == "firefox" and path:
                check_firefox_version(path)
            if name == "webkit":
                minibrowser()
            if path:
                print(path)
    except BrowserNotFoundError as error:
        _say(str(error))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
