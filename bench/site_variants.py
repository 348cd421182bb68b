"""Copies of the site for the build benchmark, made in bench/.work/ (git ignores it).

"Hook on" is the site as it is. "Hook off" is the same site with the `hooks:` entry taken out of
mkdocs.yml and every shortcode already expanded into the Markdown by the hook's own renderers,
so both builds write the same pages and the difference is only the hook's work (loading and
checking the data, checking front matter, expanding shortcodes). The scaling sites are
generated pages with a pacer each (hook on) against the same pages with no pacer and no hook.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from mkdocs.utils import get_relative_url

from hooks.content.site_data import SiteData, load_site_data
from hooks.pages.shortcode_renderers import pacer_pages, shortcode_renderers
from hooks.pages.shortcodes import expand_shortcodes
from tests.support.build import copy_site as copy_site_parts

HOOKS_ENTRY = re.compile(r"^hooks:\n(?:[ \t]+-.*\n)+", re.MULTILINE)
NAV_BLOCK = re.compile(r"^nav:\n(?:(?:[ \t]+.*)?\n)+?(?=\S)", re.MULTILINE)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def copy_site(destination: Path) -> Path:
    """A fresh copy of the site at `destination`, replacing any earlier one."""
    if destination.exists():
        shutil.rmtree(destination)
    destination.mkdir(parents=True)
    return copy_site_parts(destination)


def config_without_hooks(config_text: str) -> str:
    without = HOOKS_ENTRY.sub("", config_text)
    if without == config_text:
        raise RuntimeError("mkdocs.yml has no `hooks:` entry to switch off; bench/site_variants.py needs updating")
    return without


def page_url(src_uri: str) -> str:
    """The directory URL MkDocs gives a page (use_directory_urls is on)."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def expanded_page(text: str, src_uri: str, data: SiteData, shown_on: dict[str, str]) -> str:
    """A page's Markdown with each shortcode replaced by the HTML the hook would put there.

    `shown_on` maps each exercise id to the page (source path) that shows its pacer. The
    editors list is empty, as in the repository's mkdocs.yml.
    """
    front = FRONT_MATTER.match(text)
    head, body = (front.group(0), text[front.end() :]) if front else ("", text)
    here = page_url(src_uri)
    references_url = get_relative_url("references/", here)
    exercise_urls = {
        exercise_id: f"{get_relative_url(page_url(source), here)}#exercise-{exercise_id}"
        for exercise_id, source in shown_on.items()
    }
    renderers = shortcode_renderers(data, references_url, exercise_urls=exercise_urls, editors=())
    return head + expand_shortcodes(body, renderers, f"docs/{src_uri}")


def pre_expand_shortcodes(docs: Path, data_dir: Path) -> int:
    """Write the hook's HTML into each page in place of its shortcodes; returns pages changed."""
    data = load_site_data(data_dir)
    pages = sorted(docs.rglob("*.md"))
    shown_on = pacer_pages({page.relative_to(docs).as_posix(): page.read_text(encoding="utf-8") for page in pages})
    changed = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        expanded = expanded_page(text, page.relative_to(docs).as_posix(), data, shown_on)
        if expanded != text:
            page.write_text(expanded, encoding="utf-8")
            changed += 1
    return changed


def hook_on_and_off(root: Path) -> tuple[Path, Path]:
    """The real site twice: as it is, and with the hook off and its output pre-written."""
    on = copy_site(root / "hook-on")
    off = copy_site(root / "hook-off")
    config = off / "mkdocs.yml"
    config.write_text(config_without_hooks(config.read_text(encoding="utf-8")), encoding="utf-8")
    pre_expand_shortcodes(off / "docs", off / "data")
    return on, off


FILLER = (
    "Slow breathing with a longer breath out is one of the simplest ways to settle. "
    "Sit comfortably, let your shoulders drop and follow the pacer for a few minutes. "
    "Stop and breathe normally if you feel dizzy, light-headed or tingly. "
)


def generated_page(number: int, exercise_id: str | None) -> str:
    """A page of about 300 words, like the site's exercise pages; with a pacer when given an id."""
    pacer = f"\n<!-- md:pacer {exercise_id} -->\n" if exercise_id else ""
    paragraphs = "\n\n".join(FILLER * 3 for _ in range(4))
    return (
        "---\n"
        f"description: Generated page {number} for the build benchmark, as long as a real page.\n"
        "reviewed: 2026-11-28\n"
        "next_review: 2027-05-28\n"
        "---\n\n"
        f"# Practice {number}\n\n{FILLER}\n{pacer}\n## How it helps\n\n{paragraphs}\n"
    )


def generated_site(root: Path, pages: int, with_pacer: bool) -> Path:
    """The site's config, theme and data with `pages` generated pages and no nav (all listed)."""
    site = copy_site(root)
    exercise_ids = sorted(load_site_data(site / "data").exercises)
    config = site / "mkdocs.yml"
    text = NAV_BLOCK.sub("", config.read_text(encoding="utf-8"))
    if not with_pacer:
        text = config_without_hooks(text)
    config.write_text(text, encoding="utf-8")
    shutil.rmtree(site / "docs")
    docs = site / "docs"
    docs.mkdir()
    for number in range(1, pages + 1):
        exercise_id = exercise_ids[number % len(exercise_ids)] if with_pacer else None
        (docs / ("index.md" if number == 1 else f"page-{number:04d}.md")).write_text(
            generated_page(number, exercise_id), encoding="utf-8"
        )
    return site
