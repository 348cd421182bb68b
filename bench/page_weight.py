"""2. Weight: what a reader downloads for each built page (the HTML plus the stylesheets and
scripts it links), raw and gzipped; the pacer's own JS and CSS; and the heaviest page against
a page of a stock Material site built from the same text."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from bench.environment import REPO_ROOT, WORK_DIR
from bench.report import Section, Table, kb
from bench.site_variants import FRONT_MATTER, expanded_page
from hooks.content.site_data import load_site_data
from hooks.pages.shortcode_renderers import pacer_pages
from tests.support.html import read_page
from tests.support.pacer import PACER_ASSETS as PACER_SOURCES
from tests.support.pacer import PACER_SIZE_BUDGET
from tests.support.paths import site_config

# The pacer's files as the site ships them: element, schedule module, keyboard fix, style.
PACER_ASSETS = tuple(f"assets/{path.parent.name}/{path.name}" for path in PACER_SOURCES)


def gzipped(data: bytes) -> int:
    """Level 6, what web servers (GitHub Pages among them) commonly use on the fly."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def asset_links(page: Path) -> dict[str, list[str]]:
    """Stylesheets and scripts a page loads as files (inline ones count in the HTML)."""
    root = read_page(page)
    return {
        "CSS": [str(href) for href in root.xpath("//link[contains(concat(' ', @rel, ' '), ' stylesheet ')]/@href")],
        "JS": [str(src) for src in root.xpath("//script/@src")],
    }


@dataclass
class PageWeight:
    page: str
    sizes: dict[str, tuple[int, int]]  # kind -> (raw, gzipped)

    def total(self, index: int) -> int:
        return sum(size[index] for size in self.sizes.values())


def local_file(site: Path, page: Path, reference: str) -> Path | None:
    """The built file a page's relative link points at; None for another host."""
    if urlsplit(reference).netloc:
        return None
    page_url = "/" + page.relative_to(site).as_posix()
    target = site / urlsplit(urljoin(page_url, reference)).path.lstrip("/")
    return target if target.is_file() else None


def weigh(site: Path, page: Path) -> PageWeight:
    text = page.read_bytes()
    sizes = {"HTML": (len(text), gzipped(text))}
    for kind, references in asset_links(page).items():
        files = [f for f in (local_file(site, page, r) for r in references) if f]
        sizes[kind] = (sum(f.stat().st_size for f in files), sum(gzipped(f.read_bytes()) for f in files))
    return PageWeight(page.relative_to(site).as_posix(), sizes)


def stock_material_page(markdown: str, destination: Path) -> Path:
    """A one-page site with Material's defaults and the same text, no overrides, no pacer."""
    if destination.exists():
        shutil.rmtree(destination)
    (destination / "docs").mkdir(parents=True)
    extensions = site_config().get("markdown_extensions", [])
    config = {"site_name": "Stock Material", "theme": {"name": "material"}, "markdown_extensions": extensions}
    (destination / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (destination / "docs" / "index.md").write_text(markdown, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"],
        cwd=destination,
        check=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return destination / "site"


def comparable_markdown(page: str) -> str:
    """The built page's Markdown source, front matter dropped, shortcodes expanded as the hook
    does (so the stock page has the same text and markup, only Material's stock assets)."""
    stem = page.removesuffix("index.html").rstrip("/")
    for src_uri in (f"{stem}.md", f"{stem}/index.md", "index.md"):
        source = REPO_ROOT / "docs" / src_uri
        if source.is_file():
            break
    docs = REPO_ROOT / "docs"
    shown_on = pacer_pages({p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")})
    text = expanded_page(source.read_text(encoding="utf-8"), src_uri, load_site_data(REPO_ROOT / "data"), shown_on)
    return FRONT_MATTER.sub("", text)


def run(site: Path) -> Section:
    section = Section("2. Weight")
    weights = sorted((weigh(site, page) for page in site.rglob("*.html")), key=lambda w: w.page)
    table = Table(
        "Every built page: what a first visit downloads (raw / gzipped)", ["page", "HTML", "CSS", "JS", "total"]
    )
    for w in weights:
        table.rows.append(
            [w.page]
            + [f"{kb(raw)} / {kb(gz)}" for raw, gz in w.sizes.values()]
            + [f"{kb(w.total(0))} / {kb(w.total(1))}"]
        )
    section.tables.append(table)

    pacer = Table("The pacer's own files (served to every page)", ["file", "raw", "gzipped"])
    pacer_gz = 0
    for asset in PACER_ASSETS:
        data = (site / asset).read_bytes()
        pacer_gz += gzipped(data)
        pacer.rows.append([asset, kb(len(data)), kb(gzipped(data))])
    pacer.rows.append(["together", "", kb(pacer_gz)])
    section.tables.append(pacer)
    section.aim(
        f"Pacer JS + CSS gzipped (aim at most {PACER_SIZE_BUDGET // 1024} KB)",
        kb(pacer_gz),
        pacer_gz <= PACER_SIZE_BUDGET,
    )

    heaviest = max(weights, key=lambda w: w.total(1))
    stock_site = stock_material_page(comparable_markdown(heaviest.page), WORK_DIR / "stock-material")
    stock = weigh(stock_site, stock_site / "index.html")
    compare = Table(
        f"Heaviest page ({heaviest.page}) against a stock Material page of the same text",
        ["page", "HTML", "CSS", "JS", "total", "ratio (gzipped)"],
    )
    for name, w in ((heaviest.page, heaviest), ("stock Material, same text", stock)):
        compare.rows.append(
            [name]
            + [f"{kb(raw)} / {kb(gz)}" for raw, gz in w.sizes.values()]
            + [f"{kb(w.total(0))} / {kb(w.total(1))}", f"{w.total(1) / stock.total(1):.2f}"]
        )
    section.tables.append(compare)
    section.aim(
        "Heaviest page, gzipped, against stock Material",
        f"{kb(heaviest.total(1))} vs {kb(stock.total(1))} ({100 * (heaviest.total(1) / stock.total(1) - 1):+.0f}%)",
        None,
    )
    section.method += [
        "Sizes are the built files on disk; 'gzipped' is gzip level 6. A page's CSS and JS are the files its <link rel=stylesheet>",
        "and <script src> tags load (shared between pages and cached after the first). font: false, so no web fonts; icons are inline SVG.",
        "The stock page is `theme: material` with the same Markdown extensions and nothing else (no overrides, no extra CSS/JS),",
        "built from the heaviest page's Markdown with the shortcodes expanded as the hook does: the same text and markup.",
    ]
    for t in section.tables:
        print(t.markdown() + "\n", flush=True)
    return section
