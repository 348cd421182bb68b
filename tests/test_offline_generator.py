"""The service worker generator and the web app manifest, alone and in the real build: what is
kept offline, under which address, keyed by which hash, and that a failure stops the build."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from hooks.offline.service_worker import (
    OfflineError,
    base_path_of,
    offline_entries,
    worker_settings,
    worker_source,
    write_service_worker,
)
from hooks.offline.web_manifest import ICONS, SHORTCUTS, write_web_manifest
from tests.support.build import build_copy, copy_site
from tests.support.offline import worker_settings_in

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset><url><loc>{loc}</loc><lastmod>{day}</lastmod></url></urlset>
"""


def make_site(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    return make_site(
        tmp_path / "site",
        {
            "index.html": "<h1>Home</h1>",
            "about/index.html": '<h1>About</h1><a href="https://example.org/">elsewhere</a>',
            "404.html": "<h1>Page not found</h1>",
            "assets/javascripts/bundle.min.js": "bundle",
            "assets/javascripts/bundle.min.js.map": "map",
            "assets/javascripts/lunr/min/lunr.de.min.js": "de",
            "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "stemmer",
            "assets/javascripts/workers/search.min.js": "worker",
            "search/search_index.json": "{}",
            "sitemap.xml": SITEMAP.format(loc="https://x.github.io/br/", day="2026-11-28"),
            "sitemap.xml.gz": "gz",
            "sw.js": "an older worker",
            "notes for me.txt": "spaces",
        },
    )


def urls(site: Path, base: str = "/br/", languages: tuple[str, ...] = ("en",)) -> dict[str, str]:
    return {entry.url: entry.revision for entry in offline_entries(site, base, languages)}


@pytest.mark.parametrize(
    ("address", "base"),
    [
        ("https://someone.github.io/breathing-room/", "/breathing-room/"),
        ("https://someone.github.io/calm", "/calm/"),
        ("https://someone.github.io/", "/"),
        ("https://someone.github.io", "/"),
        ("http://127.0.0.1:8000/breathing-room/", "/breathing-room/"),
        ("https://example.org/a/b/?q=1#top", "/a/b/"),
        (None, "/"),
    ],
)
def test_base_path_comes_from_the_site_address(address, base):
    assert base_path_of(address) == base


def test_keeps_pages_assets_search_and_sitemap_but_not_maps_crawler_files_or_itself(small_site):
    assert sorted(urls(small_site)) == [
        "/br/",
        "/br/404.html",
        "/br/about/",
        "/br/assets/javascripts/bundle.min.js",
        "/br/assets/javascripts/workers/search.min.js",
        "/br/notes%20for%20me.txt",
        "/br/search/search_index.json",
        "/br/sitemap.xml",
    ]


def test_search_language_files_are_kept_only_when_searched(small_site):
    german = urls(small_site, languages=("en", "de"))
    assert "/br/assets/javascripts/lunr/min/lunr.de.min.js" in german
    assert "/br/assets/javascripts/lunr/min/lunr.stemmer.support.min.js" in german


@pytest.mark.parametrize("base", ["/", "/calm/", "/breathing-room/"])
def test_every_address_is_under_the_site_path_on_the_site_host(small_site, base):
    for url in urls(small_site, base):
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc) == ("", ""), url
        assert url.startswith(base), url
    assert not [url for url in urls(small_site, base) if "example.org" in url]  # links are not followed


@pytest.mark.parametrize("base", ["breathing-room/", "/breathing-room", "https://x.github.io/br/"])
def test_a_malformed_base_path_is_refused(small_site, base):
    with pytest.raises(OfflineError, match="base path"):
        offline_entries(small_site, base)


def test_a_site_without_its_404_page_is_refused(small_site):
    (small_site / "404.html").unlink()
    with pytest.raises(OfflineError, match=r"404\.html is missing"):
        offline_entries(small_site, "/br/")


def test_the_404_page_is_kept_only_as_itself(small_site):
    """Offline, the worker answers unknown addresses with it and status 404; it must never sit in
    the cache as the answer to a page's own address."""
    revisions = urls(small_site)
    not_found = revisions["/br/404.html"]
    assert [url for url, revision in revisions.items() if revision == not_found] == ["/br/404.html"]
    assert worker_settings(offline_entries(small_site, "/br/"), "/br/")["notFound"] == "/br/404.html"


def test_revision_is_a_hash_of_the_contents_so_only_changed_files_change(small_site):
    before = urls(small_site)
    (small_site / "about/index.html").write_text("<h1>About, revised</h1>", encoding="utf-8")
    after = urls(small_site)
    assert {url for url in after if after[url] != before[url]} == {"/br/about/"}
    assert all(re.fullmatch(r"[0-9a-f]{16}", revision) for revision in after.values())


def test_sitemap_dates_alone_do_not_make_a_new_version(small_site):
    before = urls(small_site)["/br/sitemap.xml"]
    sitemap = small_site / "sitemap.xml"
    sitemap.write_text(SITEMAP.format(loc="https://x.github.io/br/", day="2026-12-25"), encoding="utf-8")
    assert urls(small_site)["/br/sitemap.xml"] == before
    sitemap.write_text(SITEMAP.format(loc="https://x.github.io/br/new/", day="2026-12-25"), encoding="utf-8")
    assert urls(small_site)["/br/sitemap.xml"] != before


def test_the_worker_carries_its_list_and_is_the_same_for_the_same_site(small_site):
    entries = write_service_worker(small_site, "/br/")
    first = (small_site / "sw.js").read_bytes()
    write_service_worker(small_site, "/br/")
    assert (small_site / "sw.js").read_bytes() == first  # an unchanged site never looks like an update
    settings = worker_settings_in(small_site / "sw.js")
    assert settings["entries"] == {entry.url: entry.revision for entry in entries}
    assert settings["base"] == "/br/"
    assert settings["cache"] == "offline /br/"


def test_the_retiring_worker_keeps_nothing(small_site):
    assert write_service_worker(small_site, "/br/", retiring=True) == []
    source = (small_site / "sw.js").read_text(encoding="utf-8")
    assert '"entries": {}' in source
    assert "unregister()" in source
    assert "fetch" not in source


def test_a_template_without_its_placeholder_is_refused(tmp_path):
    template = tmp_path / "worker.js"
    template.write_text("const OFFLINE = null;", encoding="utf-8")
    with pytest.raises(OfflineError, match="exactly once"):
        worker_source({}, template)


def test_manifest_takes_its_addresses_from_the_site_path(tmp_path):
    for icon in ICONS:
        make_site(tmp_path, {f"assets/images/{icon['src']}": "png"})
    make_site(tmp_path, {f"{shortcut['page']}index.html": "<html>" for shortcut in SHORTCUTS})
    manifest = json.loads(write_web_manifest(tmp_path, "Breathing Room", "Calm.", "/calm/").read_text())
    assert (manifest["start_url"], manifest["scope"], manifest["id"]) == ("/calm/", "/calm/", "/calm/")
    assert manifest["short_name"] == "Breathing"
    assert manifest["display"] == "standalone"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    assert [icon for icon in manifest["icons"] if icon["purpose"] == "maskable"]
    assert all(icon["src"].startswith("/calm/assets/images/") for icon in manifest["icons"])


def test_manifest_refuses_missing_icons(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"icon-192\.png"):
        write_web_manifest(tmp_path, "Breathing Room", "", "/")


def test_the_built_site_keeps_everything_a_reader_needs(built_site, built_pages):
    settings = worker_settings_in(built_site / "sw.js")
    base = settings["base"]
    kept = {url.removeprefix(base) for url in settings["entries"]}
    pages = {page.relative_to(built_site).as_posix().removesuffix("index.html") for page in built_pages}
    assert pages <= kept
    assert {
        "assets/javascripts/pacer.js",
        "assets/stylesheets/pacer.css",
        "assets/javascripts/offline.js",
        "search/search_index.json",
        "sitemap.xml",
        "manifest.webmanifest",
        "assets/images/apple-touch-icon.png",
    } <= kept
    assert [path for path in kept if path.startswith("assets/javascripts/workers/search.")]
    assert [path for path in kept if re.fullmatch(r"assets/stylesheets/main\.\w+\.min\.css", path)]
    assert not [path for path in kept if path.endswith((".map", ".gz")) or path == "sw.js"]
    for path in kept:
        assert (built_site / (path + "index.html" if path.endswith("/") or path == "" else path)).is_file(), path


def test_every_page_links_the_manifest_and_the_home_screen_icon(built_pages):
    for page in built_pages:
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert re.search(r'<link rel="manifest" href="[^"]*manifest\.webmanifest">', head), page
        assert 'rel="apple-touch-icon"' in head
        assert 'name="theme-color" media="(prefers-color-scheme: dark)"' in head


@pytest.mark.build
def test_a_failed_offline_copy_fails_the_build(tmp_path):
    root = copy_site(tmp_path)
    (root / "overrides/assets/images/icon-192.png").unlink()
    result = build_copy(root)
    assert result.returncode != 0
    assert "The offline copy could not be made" in result.stdout + result.stderr
    assert "icon-192.png" in result.stdout + result.stderr


def test_the_live_preview_gets_the_retiring_worker(built_site, tmp_path):
    """`mkdocs serve` rebuilds pages under the reader's eyes: an offline copy would show old ones.
    The hooks run as MkDocs runs them, through the configuration's plugins."""
    from mkdocs.config import load_config

    from tests.support.paths import MKDOCS_YML

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    config = load_config(config_file=str(MKDOCS_YML), site_dir=str(site))
    [hooks] = [plugin for name, plugin in config.plugins.items() if name.endswith("mkdocs_hooks.py")]
    try:
        hooks.on_startup(command="serve", dirty=False)
        hooks.on_config(config)
        hooks.on_post_build(config=config)
        assert "unregister()" in (site / "sw.js").read_text(encoding="utf-8")
        hooks.on_startup(command="build", dirty=False)
        hooks.on_post_build(config=config)
        assert (site / "sw.js").read_text(encoding="utf-8") == (built_site / "sw.js").read_text(encoding="utf-8")
    finally:
        hooks.on_startup(command="build", dirty=False)


def test_the_command_line_makes_the_same_files_for_another_generator(built_site, tmp_path, capsys, monkeypatch):
    from hooks.finish import main
    from tests.support.paths import MKDOCS_YML

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / "sw.js").unlink()
    (site / "manifest.webmanifest").unlink()
    monkeypatch.delenv("SITE_URL", raising=False)  # the shared build uses mkdocs.yml's default address
    assert main([str(site), "--config-file", str(MKDOCS_YML)]) == 0
    assert (site / "sw.js").read_bytes() == (built_site / "sw.js").read_bytes()
    assert (site / "manifest.webmanifest").read_bytes() == (built_site / "manifest.webmanifest").read_bytes()
    monkeypatch.setenv("SITE_URL", "https://someone.github.io/calm/")
    assert main([str(site), "--config-file", str(MKDOCS_YML)]) == 0
    assert worker_settings_in(site / "sw.js")["base"] == "/calm/"
    (site / "404.html").unlink()
    assert main([str(site), "--config-file", str(MKDOCS_YML)]) == 1
    assert "404.html is missing" in capsys.readouterr().out


def test_the_last_step_refuses_a_page_that_breaks_a_readers_rule(built_site, tmp_path, capsys, monkeypatch):
    """The same rules stop a Zensical build, whose last step is `python -m hooks.finish`."""
    from hooks.finish import main
    from tests.support.paths import MKDOCS_YML

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / "sw.js").unlink()
    page = site / "faq/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="tel:988"', 'href="#"', 1), encoding="utf-8")
    monkeypatch.delenv("SITE_URL", raising=False)
    assert main([str(site), "--config-file", str(MKDOCS_YML)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Built pages break rules that protect readers; nothing was published:\n")
    assert 'faq/index.html: "988" is not a tel: link to that number' in out
    assert not (site / "sw.js").exists()


def test_the_last_step_runs_after_every_plugin_by_contract():
    """on_post_build reads every file the build wrote, so it is last by its priority, whatever
    order mkdocs.yml lists the plugins and hooks in."""
    from mkdocs.config import load_config

    from tests.support.paths import MKDOCS_YML

    config = load_config(config_file=str(MKDOCS_YML))
    last = config.plugins.events["post_build"][-1]
    assert last.__module__.endswith("mkdocs_hooks.py") and last.__name__ == "on_post_build"
    assert getattr(last, "mkdocs_priority", 0) == -100
