"""What the figures were measured on (date, machine, versions) and the tools the benches need:
a Chromium (Debian's, installed with apt-get when missing, as `make test` does) and the npm
packages pinned in bench/package.json, installed into bench/node_modules."""

from __future__ import annotations

import datetime
import os
import platform
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from tests.support import browsers
from tests.support.paths import REPO_ROOT

BENCH_DIR = Path(__file__).resolve().parent
WORK_DIR = BENCH_DIR / ".work"  # git ignores it
NODE_MODULES = BENCH_DIR / "node_modules"


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, text=True, capture_output=True, **kwargs)


def chromium() -> str:
    """The full Chromium (tests/support/browsers.py; the tests take the headless shell): CHROMIUM=/path, one on PATH, or
    Debian's package installed for you when you are root. Lighthouse needs a path, so
    Playwright's own download does not do here."""
    try:
        found = browsers.find(browsers.FULL_CHROMIUM) or browsers.find_or_install(browsers.FULL_CHROMIUM)
    except browsers.BrowserNotFoundError as error:
        sys.exit(f"make bench needs a Chromium.\n{error}")
    if found is None:
        sys.exit("make bench needs a Chromium on PATH: set CHROMIUM=/path or install Debian's `chromium` package.")
    return found


def node_packages() -> None:
    """Lighthouse and puppeteer-core at the versions in package.json. `npm ci` fails for
    Lighthouse's optional dependencies here, so this is `npm install` against the lock file."""
    if not shutil.which("npm"):
        sys.exit("make bench needs Node.js 20+ and npm (Debian: apt-get install nodejs npm).")
    wanted = {"lighthouse": "12.8.2", "puppeteer-core": "24.43.1"}
    if all(installed_npm_version(name) == version for name, version in wanted.items()):
        return
    print("Installing Lighthouse and puppeteer-core into bench/node_modules with npm ...", flush=True)
    run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=BENCH_DIR)


def installed_npm_version(name: str) -> str | None:
    package = NODE_MODULES / name / "package.json"
    if not package.is_file():
        return None
    import json

    return json.loads(package.read_text())["version"]


def chromium_version(executable: str) -> str:
    try:
        return run([executable, "--version"]).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory_gb() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    return "unknown"


def os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return platform.platform()


def git_commit() -> str:
    try:
        commit = run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT).stdout.strip()
        dirty = run(
            ["git", "status", "--porcelain", "--", "hooks", "overrides", "docs", "data", "mkdocs.yml"], cwd=REPO_ROOT
        ).stdout.strip()
        return commit + (" (site files changed since)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def pacer_fingerprint() -> str:
    """Short hashes of the pacer's files as measured: the checkout is shared and the pacer
    may change between commits, so the figures name the exact files they came from."""
    import hashlib

    from tests.support.pacer import PACER_ASSETS

    parts = [f"{path.name} {hashlib.sha256(path.read_bytes()).hexdigest()[:12]}" for path in PACER_ASSETS]
    return ", ".join(parts) + " (sha256)"


def describe(chromium_path: str) -> list[tuple[str, str]]:
    """(what, value) rows for the top of RESULTS.md."""
    node = run(["node", "--version"]).stdout.strip() if shutil.which("node") else "none"
    return [
        ("Date", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("Commit", git_commit()),
        ("Pacer files", pacer_fingerprint()),
        ("Machine", f"{cpu_model()}, {os.cpu_count()} cores, {memory_gb()} RAM"),
        ("OS", os_name()),
        ("Python", platform.python_version()),
        ("MkDocs", metadata.version("mkdocs")),
        ("Material for MkDocs", metadata.version("mkdocs-material")),
        ("Playwright (Python)", metadata.version("playwright")),
        ("Chromium", chromium_version(chromium_path)),
        ("Node.js", node),
        ("Lighthouse", installed_npm_version("lighthouse") or "not installed"),
        ("puppeteer-core", installed_npm_version("puppeteer-core") or "not installed"),
    ]
