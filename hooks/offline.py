"""The service worker that keeps the built site working with no connection after one visit.

Reads the finished site folder, lists every file a reader can need (pages, theme CSS/JS, pacer
files, the search index and Material's search worker), names each by a hash of its contents and
writes `sw.js` at the site's root with that list inside. Because the list is part of the worker,
any changed file changes the worker's bytes, which is how a browser learns a new version exists;
files whose hash did not change keep their cache entry and are not fetched again.

Plain Python on purpose (no MkDocs types), so it is tested alone; the build hook calls it last.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote

import yaml

WORKER_FILE = "sw.js"
WORKER_TEMPLATE = Path(__file__).with_name("offline_worker.js")
RETIRING_TEMPLATE = Path(__file__).with_name("offline_worker_retiring.js")
PLACEHOLDER = "/*@OFFLINE@*/ {}"
NOT_FOUND_PAGE = "404.html"
HASH_LENGTH = 16  # hex digits of SHA-256: 64 bits, far beyond any chance of two versions colliding

# Never needed by a reader: source maps (only for developer tools), the gzipped sitemap (only for
# crawlers) and the worker itself (a worker must never serve its own script from its cache).
_SKIPPED_SUFFIXES = (".map", ".gz")
_SEARCH_LANGUAGES_DIR = "assets/javascripts/lunr/"
# The sitemap's <lastmod> dates change on every build day; Material's instant navigation reads
# only its <loc> addresses, so the dates are left out of its hash (the worker does the same).
_SITEMAP = "sitemap.xml"
_SITEMAP_DATES = re.compile(rb"<lastmod>[^<]*</lastmod>")


class OfflineError(ValueError):
    """The offline copy cannot be made; the build must stop rather than publish a broken worker."""


@dataclass(frozen=True)
class OfflineEntry:
    """One file to keep offline: its address under the site's path and the hash of its contents."""

    url: str
    revision: str
    size: int


def base_path_of(site_url: str | None) -> str:
    """The path part of the site's address, with a slash at each end ('/breathing-room/', '/')."""
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", site_url or "", flags=re.IGNORECASE)
    path = path.split("?", 1)[0].split("#", 1)[0]
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def search_language_files(languages: Iterable[str]) -> set[str]:
    """The lunr files Material's search worker loads for these languages (none for English alone),
    as its worker script decides them."""
    wanted = set()
    languages = list(languages)
    for language in languages:
        if language == "ja":
            wanted.add("tinyseg.js")
        if language in ("hi", "th"):
            wanted.add("wordcut.js")
        if language != "en":
            wanted.add(f"min/lunr.{language}.min.js")
    if len(languages) > 1:
        wanted.add("min/lunr.multi.min.js")
    if wanted:
        wanted.add("min/lunr.stemmer.support.min.js")
    return {_SEARCH_LANGUAGES_DIR + name for name in wanted}


def content_hash(relative: str, data: bytes) -> str:
    if relative == _SITEMAP:
        data = _SITEMAP_DATES.sub(b"", data)
    return hashlib.sha256(data).hexdigest()[:HASH_LENGTH]


def offline_files(site_dir: Path, search_languages: Iterable[str] = ("en",)) -> list[str]:
    """Site-relative paths of every file a reader may need, sorted so the worker is reproducible."""
    language_files = search_language_files(search_languages)
    chosen = []
    for path in site_dir.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(site_dir).as_posix()
        if relative == WORKER_FILE or relative.endswith(_SKIPPED_SUFFIXES):
            continue
        if relative.startswith(_SEARCH_LANGUAGES_DIR) and relative not in language_files:
            continue
        chosen.append(relative)
    return sorted(chosen)


def page_url(relative: str) -> str:
    """The address a reader uses: 'about/index.html' is asked for as 'about/'."""
    posix = PurePosixPath(relative)
    if posix.name == "index.html":
        parent = posix.parent.as_posix()
        return "" if parent == "." else parent + "/"
    return relative


def offline_entries(site_dir: Path, base_path: str, search_languages: Iterable[str] = ("en",)) -> list[OfflineEntry]:
    """Every file to keep, with the absolute path it is served at and its content hash."""
    if not (base_path.startswith("/") and base_path.endswith("/")):
        raise OfflineError(f"the site's base path must start and end with '/', not {base_path!r}")
    if not (site_dir / NOT_FOUND_PAGE).is_file():
        raise OfflineError(f"{site_dir / NOT_FOUND_PAGE} is missing: offline readers need it for unknown addresses")
    entries = []
    for relative in offline_files(site_dir, search_languages):
        data = (site_dir / relative).read_bytes()
        url = base_path + quote(page_url(relative), safe="/-._~")
        entries.append(OfflineEntry(url, content_hash(relative, data), len(data)))
    return entries


def worker_settings(entries: list[OfflineEntry], base_path: str) -> dict[str, object]:
    """What the worker script is told: its scope, its cache's name and the files with their hashes."""
    return {
        "base": base_path,
        # One cache per site path, kept across versions so unchanged entries survive an update;
        # a user site at '/' and a project site under it share a host but never a cache.
        "cache": f"offline {base_path}",
        "notFound": base_path + NOT_FOUND_PAGE,
        "entries": {entry.url: entry.revision for entry in entries},
    }


def worker_source(settings: dict[str, object], template: Path = WORKER_TEMPLATE) -> str:
    source = template.read_text(encoding="utf-8")
    if source.count(PLACEHOLDER) != 1:
        raise OfflineError(f"{template} must contain {PLACEHOLDER!r} exactly once")
    return source.replace(PLACEHOLDER, json.dumps(settings, indent=1, sort_keys=True))


def write_service_worker(
    site_dir: Path, base_path: str, search_languages: Iterable[str] = ("en",), *, retiring: bool = False
) -> list[OfflineEntry]:
    """Write site_dir/sw.js and return what it keeps offline. A retiring worker (for `mkdocs serve`,
    where pages change under the reader's eyes) keeps nothing and removes any offline copy left in
    the browser by an earlier build served on the same address."""
    entries = [] if retiring else offline_entries(site_dir, base_path, search_languages)
    settings = worker_settings(entries, base_path)
    source = worker_source(settings, RETIRING_TEMPLATE if retiring else WORKER_TEMPLATE)
    (site_dir / WORKER_FILE).write_text(source, encoding="utf-8")
    return entries


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs would for the three settings needed here: `!ENV [VAR, default]`
    resolved from the environment, any other tag (e.g. !!python/name) read as nothing."""


def _environment_value(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        *names, default = [str(item.value) for item in node.value]
        return next((os.environ[name] for name in names if name in os.environ), default)
    return os.environ.get(str(node.value))


_ConfigLoader.add_constructor("!ENV", _environment_value)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_settings(config_file: Path) -> tuple[str | None, str, str]:
    """(site_url, site_name, site_description) from a MkDocs configuration file."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    return config.get("site_url"), str(config.get("site_name") or ""), str(config.get("site_description") or "")


def main(argv: list[str] | None = None) -> int:
    """`python -m hooks.offline SITE_DIR`: the build's last step for a site built by a generator
    that runs no MkDocs hooks (Zensical), with the address, name and description in mkdocs.yml."""
    import argparse

    from hooks.csp import PolicyError, write_content_security_policy
    from hooks.web_manifest import write_web_manifest

    parser = argparse.ArgumentParser(prog="python -m hooks.offline", description=main.__doc__)
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    options = parser.parse_args(argv)
    site_url, name, description = site_settings(options.config_file)
    base_path = base_path_of(site_url)
    try:
        write_web_manifest(options.site_dir, name, description, base_path)
        write_content_security_policy(options.site_dir)  # changes the pages: before the worker lists them
        entries = write_service_worker(options.site_dir, base_path)
    except (OfflineError, PolicyError, OSError) as error:
        print(f"The offline copy could not be made: {error}")
        return 1
    print(f"{options.site_dir / WORKER_FILE}: {len(entries)} files kept offline under {base_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
