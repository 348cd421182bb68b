"""`make test` finds a browser or stops with advice; it never lets browser tests skip.

Runs the lookup as `make test` does (`python -m tests.support.browsers chromium`) with a PATH
that holds only the given tools: no browser, no apt-get, unless a test puts one there."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import browsers
from tests.support.paths import REPO_ROOT


def run_lookup(tmp_path: Path, env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    env = {"PATH": str(bin_dir), **env_extra}
    # /bin/false as the Python whose Playwright would download a browser: the download fails.
    command = [sys.executable, "-m", "tests.support.browsers", "chromium", "--python", "/bin/false"]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO_ROOT, check=False)


def fake_browser(path: Path, version: str = "") -> Path:
    """An executable that does nothing but answer --version with `version`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho '{version}'\n" if version else "#!/bin/sh\n")
    path.chmod(0o755)
    return path


def test_a_named_chromium_is_used_as_is(tmp_path):
    fake = fake_browser(tmp_path / "my-chromium")
    result = run_lookup(tmp_path, {"CHROMIUM": str(fake)})
    assert result.returncode == 0
    assert result.stdout.strip() == str(fake)


def test_a_named_chromium_that_is_not_executable_is_refused(tmp_path):
    result = run_lookup(tmp_path, {"CHROMIUM": str(tmp_path / "missing")})
    assert result.returncode == 1
    assert "is not an executable file" in result.stderr


def test_one_on_path_is_found(tmp_path):
    fake = fake_browser(tmp_path / "bin" / "chromium")
    result = run_lookup(tmp_path, {})
    assert result.returncode == 0
    assert result.stdout.strip() == str(fake)


def test_the_headless_shell_comes_before_the_full_browser(tmp_path):
    fake_browser(tmp_path / "bin" / "chromium")
    shell = fake_browser(tmp_path / "bin" / "chromium-headless-shell")
    result = run_lookup(tmp_path, {})
    assert result.returncode == 0
    assert result.stdout.strip() == str(shell)


def test_only_the_full_browser_is_told_its_headless_mode():
    """The full browser needs `--headless=new` (else it would open a window); the headless shell
    has one mode only, and with no path Playwright's own download chooses."""
    assert browsers.chromium_args("/usr/bin/chromium")[0] == "--headless=new"
    for executable in ("/usr/bin/chromium-headless-shell", None):
        assert not any(arg.startswith("--headless") for arg in browsers.chromium_args(executable))
        assert browsers.chromium_args(executable) == list(browsers.CHROMIUM_ARGS)


def test_no_browser_anywhere_fails_with_advice(tmp_path):
    result = run_lookup(tmp_path, {})
    assert result.returncode == 1
    assert "No Chromium could be found or installed" in result.stderr
    assert "apt-get install chromium-headless-shell" in result.stderr
    assert "playwright install chromium" in result.stderr


def run_engine_lookup(tmp_path: Path, names: list[str], env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`make test`'s lookup of the other engines, as root would run it but with no apt-get on PATH."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    env = {"PATH": str(bin_dir), **env_extra}
    command = [sys.executable, "-m", "tests.support.browsers", *names]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO_ROOT, check=False)


@pytest.mark.parametrize(
    ("name", "package"), [("firefox", "firefox-esr"), ("webkit", "webkit2gtk-driver"), ("xvfb", "xvfb")]
)
def test_a_missing_engine_fails_with_advice(tmp_path, name, package):
    result = run_engine_lookup(tmp_path, [name], {})
    assert result.returncode == 1
    assert f"sudo apt-get install {package}" in result.stderr
    assert "playwright install" not in result.stderr  # only Debian's builds of these engines are used


def test_webkit_needs_its_minibrowser_too(tmp_path):
    fake_browser(tmp_path / "bin" / "WebKitWebDriver")
    result = run_engine_lookup(tmp_path, ["webkit"], {"MINIBROWSER": str(tmp_path / "missing")})
    assert result.returncode == 1
    assert "MINIBROWSER=" in result.stderr
    assert "webkit2gtk-driver" in result.stderr


def test_the_engines_on_path_are_found(tmp_path):
    paths = [fake_browser(tmp_path / "bin" / "firefox-esr", "Mozilla Firefox 153.8.0esr")]
    paths += [fake_browser(tmp_path / "bin" / name) for name in ("WebKitWebDriver", "Xvfb")]
    minibrowser = fake_browser(tmp_path / "MiniBrowser")
    result = run_engine_lookup(tmp_path, ["firefox", "webkit", "xvfb"], {"MINIBROWSER": str(minibrowser)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(path) for path in paths]


def test_debians_minibrowser_is_found_where_the_package_puts_it(tmp_path):
    installed = fake_browser(tmp_path / "usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
    assert browsers.minibrowser(env={}, root=tmp_path) == str(installed)


@pytest.mark.parametrize("reported", ["Mozilla Firefox 140.5.0esr", ""])
def test_an_old_firefox_stops_at_once_naming_the_version_and_the_command(tmp_path, reported):
    """Firefox 140 ESR would fail later on an opaque WebDriver BiDi protocol error."""
    fake_browser(tmp_path / "bin" / "firefox-esr", reported)
    result = run_engine_lookup(tmp_path, ["firefox"], {})
    assert result.returncode == 1
    assert f"need Firefox {browsers.FIREFOX_MIN_VERSION} or newer" in result.stderr
    assert "apt-get update && apt-get install firefox-esr" in result.stderr
    assert ("Firefox 140;" if reported else "version could not be read") in result.stderr
    with pytest.raises(browsers.BrowserNotFoundError, match="Firefox 144 or newer"):
        browsers.require(browsers.FIREFOX, {"PATH": str(tmp_path / "bin")})


def test_every_missing_browser_comes_from_one_apt_get_call(tmp_path, monkeypatch):
    """One `apt-get update` and one `apt-get install` for all that is missing, not one per browser,
    without the packages' recommendations; what is on PATH, or named in its variable, is left alone."""
    log = tmp_path / "apt-get.log"
    fake_browser(tmp_path / "bin" / "Xvfb")
    apt_get = tmp_path / "bin" / "apt-get"
    apt_get.write_text(f'#!/bin/sh\necho "$*" >> {log}\n')
    apt_get.chmod(0o755)
    monkeypatch.setattr(browsers.os, "geteuid", lambda: 0)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv("FIREFOX", str(fake_browser(tmp_path / "my-firefox")))
    for variable in ("CHROMIUM", "WEBKIT_WEBDRIVER", "XVFB"):
        monkeypatch.delenv(variable, raising=False)
    assert browsers.main(["--install-only", "chromium", "firefox", "webkit", "xvfb", "--also", "npm"]) == 0
    assert log.read_text().splitlines() == [
        "-o DPkg::Lock::Timeout=600 update -qq",
        "-o DPkg::Lock::Timeout=600 --no-install-recommends -o Dpkg::Options::=--force-unsafe-io install -y -qq "
        "chromium-headless-shell webkit2gtk-driver npm",
    ]


def test_installing_ahead_never_fails_the_run(tmp_path, monkeypatch):
    """`make test` installs early, alongside lint; the lookups afterwards give the advice."""
    monkeypatch.setenv("PATH", str(tmp_path))
    assert browsers.main(["--install-only", "chromium", "webkit"]) == 0
