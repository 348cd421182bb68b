"""The build's last step, under any generator: fill every page's first-screen help line, check every
built page, then write the offline copy.

MkDocs runs it from `on_post_build`; a generator that runs no MkDocs hooks (Zensical) runs it
afterwards as `python -m hooks.finish SITE_DIR`, which reads the site's settings from mkdocs.yml
with MkDocs' own loader. A page that breaks a reader's rule stops the build before any offline
copy is written, and `make build` publishes nothing from a failed build.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from hooks.content.countries import text_only_numbers, written_numbers_in
from hooks.content.problems import DataError
from hooks.content.site_data import DATA_PROBLEMS, SiteData, load_site_data
from hooks.offline.service_worker import WORKER_FILE, OfflineError, base_path_of, write_service_worker
from hooks.offline.web_manifest import write_web_manifest
from hooks.pages.built_rules import page_rules
from hooks.pages.html_tree import parse_html
from hooks.pages.security_policy import PolicyError, write_content_security_policy
from hooks.render.cautions import light_headed_rule
from hooks.render.local_help import fill_local_help, render_local_help

BUILT_PAGE_PROBLEMS = "Built pages break rules that protect readers; nothing was published:"


class FinishError(Exception):
    """The built site must not be published; the message names each page and what it breaks."""


@dataclass(frozen=True)
class SiteSettings:
    """What the last step needs from the site's configuration."""

    site_url: str | None
    name: str
    description: str
    search_languages: tuple[str, ...] = ("en",)


def built_page_problems(site_dir: Path, data: SiteData, sources: Mapping[str, str] | None = None) -> list[str]:
    """Every rule of hooks/pages/built_rules.py on every built page; `sources` maps a built page
    ("exercises/box/index.html") to its source file ("docs/exercises/box.md") for the messages."""
    countries = list(data.countries)
    rules = page_rules(
        parse_html(light_headed_rule(data.cautions)).text(),
        written_numbers_in(countries),
        frozenset(text_only_numbers(countries)),
    )
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        page = path.relative_to(site_dir).as_posix()
        root = parse_html(path.read_text(encoding="utf-8"))
        shown = f"{page} (from {sources[page]})" if sources and page in sources else page
        problems += [f"{shown}: {problem}" for rule in rules for problem in rule(page, root)]
    return problems


def write_local_help(site_dir: Path, data: SiteData) -> int:
    """Every built page's help line filled (hooks/render/local_help.py); returns how many pages."""
    bar = render_local_help(list(data.countries))
    pages = sorted(site_dir.rglob("*.html"))
    for path in pages:
        path.write_text(fill_local_help(path.read_text(encoding="utf-8"), bar), encoding="utf-8")
    return len(pages)


def finish_site(
    site_dir: Path,
    settings: SiteSettings,
    data: SiteData,
    *,
    sources: Mapping[str, str] | None = None,
    retiring: bool = False,
) -> int:
    """Fill every page's help line, check the built pages, then write the pages' content security
    policy, the manifest and the service worker (the worker last, so its list has every file as
    published). Returns how many files the offline copy keeps. The live preview (`retiring`) gets
    no policy: MkDocs' live-reload script is inline and would be refused."""
    write_local_help(site_dir, data)
    problems = built_page_problems(site_dir, data, sources)
    if problems:
        raise FinishError(BUILT_PAGE_PROBLEMS + "\n" + "\n".join(problems))
    base_path = base_path_of(settings.site_url)
    try:
        if not retiring:
            write_content_security_policy(site_dir)
    except PolicyError as error:
        raise FinishError(f"The content security policy could not be added; the site is not ready: {error}") from None
    try:
        write_web_manifest(site_dir, settings.name, settings.description, base_path)
        entries = write_service_worker(site_dir, base_path, settings.search_languages, retiring=retiring)
    except (OfflineError, OSError) as error:
        raise FinishError(f"The offline copy could not be made; the site is not ready to publish: {error}") from None
    return len(entries)


def _settings_from(config_file: Path) -> SiteSettings:
    """site_url, site_name and site_description as MkDocs reads them (!ENV included)."""
    from mkdocs.utils.yaml import yaml_load  # only here: the build itself never needs MkDocs' types

    with config_file.open(encoding="utf-8") as stream:
        config = yaml_load(stream) or {}
    return SiteSettings(
        config.get("site_url"), str(config.get("site_name") or ""), str(config.get("site_description") or "")
    )


def main(argv: Iterable[str] | None = None) -> int:
    """`python -m hooks.finish SITE_DIR`: the last step for a site built by a generator that runs
    no MkDocs hooks (Zensical), with the settings in mkdocs.yml and the data in data/."""
    parser = argparse.ArgumentParser(prog="python -m hooks.finish", description=main.__doc__)
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    options = parser.parse_args(list(argv) if argv is not None else None)
    data_dir = options.config_file.parent / "data"
    settings = _settings_from(options.config_file)
    try:
        kept = finish_site(options.site_dir, settings, load_site_data(data_dir))
    except DataError as error:
        print(DATA_PROBLEMS + "\n" + str(error))
        return 1
    except FinishError as error:
        print(error)
        return 1
    print(f"{options.site_dir / WORKER_FILE}: {kept} files kept offline under {base_path_of(settings.site_url)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
