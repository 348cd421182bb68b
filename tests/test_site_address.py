"""The site published at an address other than the local default, as GitHub Pages would serve it:
a project site under /calm/ and a user site at the root. Canonical links, sitemap, 404 page and
every link follow the address; in Chromium the pages are clean, the 404 page works, instant
navigation swaps pages in place and the pacers start. The repository links come from the build's
context and, without one, no page carries a broken or placeholder link."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import yaml
from playwright.sync_api import Page, expect

from hooks.pipeline import BuildError, start_build
from tests.support.html import read_page
from tests.support.instant import wait_until_instant_navigation_is_ready
from tests.support.paths import DATA_DIR, REPO_ROOT, representative
from tests.support.published import ADDRESSES, published_build
from tests.support.server import serve
from tests.support.watch import watch

PLACEHOLDERS = ("OWNER", "127.0.0.1:8000", "/breathing-room/")


@dataclass(frozen=True)
class PublishedSite:
    site_url: str  # the address the site was built for
    root: Path  # the built files
    served_at: str  # where the test server serves them, same path as site_url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """Service workers allowed again, and the real search index (tests/conftest.py blocks the one and
    empties the other), for the one test here on pytest-playwright's `page`, the crawl of every page
    kind at each address: the offline copy's worker registers at that address, the search index is
    fetched from it, and an error of either must show up there."""
    return {**browser_context_args, "service_workers": "allow", "extra_http_headers": {}}


@pytest.fixture(scope="module", params=list(ADDRESSES))
def published(request, tmp_path_factory) -> PublishedSite:
    """The site built for one address, once for every worker and for both of `make test`'s runs
    (tests/support/shared.py), served under that address's path."""
    site_url, sub_path = ADDRESSES[request.param]
    root = published_build(tmp_path_factory, request.param)
    with serve(root, sub_path) as served_at:
        yield PublishedSite(site_url, root, served_at)


@pytest.fixture(scope="module")
def built_without_repository(built_site: Path) -> Path:
    """The suite's own build (tests/conftest.py) is made with the default address and no repository context."""
    return built_site


@dataclass
class Links:
    """Every address a page links to or loads, and its canonical link."""

    urls: list[str]
    canonical: str | None


def page_links(html: Path) -> Links:
    root = read_page(html)
    canonical = root.xpath("//link[@rel='canonical']/@href")
    urls = root.xpath("//*[not(self::link[@rel='canonical'])]/@href | //*/@src")
    return Links([str(url) for url in urls if url], str(canonical[0]) if canonical else None)


def content_pages(root: Path) -> list[Path]:
    return sorted(root.rglob("index.html"))


# The built files ---------------------------------------------------------------------------


def test_canonical_links_and_sitemap_use_the_address(published):
    for html in content_pages(published.root):
        path = html.parent.relative_to(published.root).as_posix()
        expected = published.site_url + ("" if path == "." else path + "/")
        assert page_links(html).canonical == expected, html
    sitemap = (published.root / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locations) == len(content_pages(published.root))
    assert all(location.startswith(published.site_url) for location in locations), locations


def test_404_page_links_are_absolute_to_the_sub_path(published):
    sub_path = urlsplit(published.site_url).path
    not_found = (published.root / "404.html").read_text(encoding="utf-8")
    assert f'href="{sub_path}assets/stylesheets/' in not_found
    assert f'href="{sub_path}"' in not_found
    assert f'href="{sub_path}safety/#crisis-help"' in not_found


def test_no_file_carries_a_placeholder_or_the_default_address(published, built_without_repository):
    for root in (published.root, built_without_repository):
        for path in root.rglob("*"):
            if path.suffix in (".html", ".xml", ".json", ".js", ".css"):
                text = path.read_text(encoding="utf-8")
                found = [placeholder for placeholder in PLACEHOLDERS if placeholder in text]
                if root == built_without_repository:  # the default address is right for a local build
                    found = [placeholder for placeholder in found if placeholder == "OWNER"]
                assert not found, f"{path}: {found}"


def test_every_link_on_every_page_answers_on_the_server(published):
    """Followed over HTTP: the site's own links resolve under its sub-path; other hosts are not asked."""
    host = urlsplit(published.served_at).netloc
    checked: dict[str, int] = {}
    failures = []
    for html in sorted(published.root.rglob("*.html")):
        if html.name == "404.html":
            page_url = published.served_at + "no/such/page/"
        else:
            page_url = published.served_at + html.relative_to(published.root).as_posix().removesuffix("index.html")
        for link in page_links(html).urls:
            target = urljoin(page_url, link).split("#", 1)[0]
            if urlsplit(target).scheme not in ("http", "https") or urlsplit(target).netloc != host:
                continue
            if target not in checked:
                try:
                    with urllib.request.urlopen(target) as response:
                        checked[target] = response.status
                except urllib.error.HTTPError as error:
                    checked[target] = error.code
            if checked[target] != 200:
                failures.append(f"{html.relative_to(published.root)}: {link} -> {checked[target]}")
    assert len(checked) > 20
    assert not failures, "\n".join(failures)


def test_contact_links_to_the_repository_the_build_came_from(published):
    about = (published.root / "about/index.html").read_text(encoding="utf-8")
    assert '<a href="https://github.com/someone/calm/issues">issue tracker</a>' in about


def test_about_names_the_repository_owner_as_publisher_and_how_to_reach_them(published):
    about = (published.root / "about/index.html").read_text(encoding="utf-8")
    publisher = re.search(r'<p class="br-publisher">(.*?)</p>', about, re.DOTALL)
    assert publisher is not None
    assert '<a href="https://github.com/someone">someone</a>, is the publisher' in publisher.group(1)
    assert '<a href="https://github.com/someone/calm">someone/calm</a>' in publisher.group(1)
    contact = re.search(r'<p class="br-contact">(.*?)</p>', about, re.DOTALL)
    assert contact is not None
    assert "GitHub account" in contact.group(1)
    assert "no email address" in contact.group(1)


def test_without_repository_context_the_publisher_is_not_guessed(built_without_repository):
    about = (built_without_repository / "about/index.html").read_text(encoding="utf-8")
    publisher = re.search(r'<p class="br-publisher">(.*?)</p>', about, re.DOTALL)
    assert publisher is not None
    assert "cannot name its publisher" in publisher.group(1)
    assert "<a " not in publisher.group(1)


def test_without_repository_context_the_contact_says_so_with_no_link(built_without_repository):
    about_page = built_without_repository / "about/index.html"
    contact = re.search(r'<p class="br-contact">(.*?)</p>', about_page.read_text(encoding="utf-8"), re.DOTALL)
    assert contact is not None
    assert "built without a link to its source repository" in contact.group(1)
    assert "<a " not in contact.group(1)
    assert not [url for url in page_links(about_page).urls if "github.com" in url]


def source_of(page: str) -> str:
    """The Markdown file a built page comes from: about/index.html <- about.md, index.html <- index.md,
    exercises/index.html <- exercises/index.md (a folder's index page)."""
    folder = page.removesuffix("index.html").rstrip("/")
    if not folder:
        return "index.md"
    return f"{folder}/index.md" if (REPO_ROOT / "docs" / folder / "index.md").is_file() else f"{folder}.md"


def test_every_page_links_its_own_history_on_the_repository(published):
    pages = [p for p in content_pages(published.root) if p.name == "index.html"]
    assert len(pages) >= 10
    for html in pages:
        page = html.relative_to(published.root).as_posix()
        links = read_page(html).xpath('//a[@class="br-footer-help__history"]/@href')
        source = source_of(page)
        assert (REPO_ROOT / "docs" / source).is_file(), page
        assert links == [f"https://github.com/someone/calm/commits/main/docs/{source}"], page


def test_without_repository_context_no_page_history_link(built_without_repository):
    for html in content_pages(built_without_repository):
        text = html.read_text(encoding="utf-8")
        assert "br-footer-help__crisis" in text, html
        assert "br-footer-help__history" not in text, html


# Report a mistake: a prefilled issue form on the repository, only when the build knows it ----------

ISSUE_FORM = REPO_ROOT / ".github/ISSUE_TEMPLATE/report-a-mistake.yml"


def test_the_issue_form_asks_what_is_wrong_and_what_source_says_otherwise():
    form = yaml.safe_load(ISSUE_FORM.read_text(encoding="utf-8"))
    assert {"name", "description", "body"} <= set(form)
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert list(fields) == ["page-url", "what-is-wrong", "source"]
    assert fields["page-url"]["type"] == "input"
    assert fields["what-is-wrong"]["validations"]["required"] is True
    assert "source" in fields["source"]["attributes"]["label"].lower()


def test_every_page_links_a_prefilled_report_of_a_mistake(published):
    form_ids = {item["id"] for item in yaml.safe_load(ISSUE_FORM.read_text(encoding="utf-8"))["body"] if "id" in item}
    pages = content_pages(published.root)
    assert len(pages) >= 10
    for html in pages:
        links = read_page(html).xpath('//a[@class="br-footer-help__report"]')
        assert len(links) == 1, html
        assert links[0].text_content() == "Report a mistake on this page"
        url = urlsplit(links[0].get("href"))
        assert (url.scheme, url.netloc, url.path) == ("https", "github.com", "/someone/calm/issues/new"), html
        query = parse_qs(url.query)
        assert query["template"] == [ISSUE_FORM.name]
        title = read_page(html).xpath("//title/text()")[0]
        assert query["title"][0].startswith("Mistake on: ")
        assert query["title"][0].removeprefix("Mistake on: ") in title, (query["title"], title)
        canonical = page_links(html).canonical
        assert query["page-url"] == [canonical], html
        assert set(query) - {"template", "title"} <= form_ids


def test_without_repository_context_no_report_link(built_without_repository):
    for html in content_pages(built_without_repository):
        assert "br-footer-help__report" not in html.read_text(encoding="utf-8"), html


def test_a_malformed_repository_context_stops_the_build():
    """mkdocs.yml reads GITHUB_REPOSITORY into `extra` (the published builds above show it arrives)."""
    with pytest.raises(BuildError) as refused:
        start_build(DATA_DIR, {"repository": "someone/calm/extra", "server_url": "https://github.com"})
    assert str(refused.value) == (
        'The build\'s repository context is malformed: repository "someone/calm/extra": '
        "allowed: OWNER/NAME, as GITHUB_REPOSITORY gives it."
    )


# In Chromium --------------------------------------------------------------------------------


def serve_sitemap_as_the_host_would(page: Page, published: PublishedSite) -> None:
    """Material's instant navigation takes over only links listed in sitemap.xml on the page's own
    host. On GitHub Pages the host is site_url's; here it is the loopback server, so the sitemap
    is answered with the server's address in place of site_url, as the real host would list it."""

    def rewritten(route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(published.site_url, published.served_at))

    page.route("**/sitemap.xml", rewritten)


@pytest.mark.browser
def test_every_page_kind_loads_clean_at_the_address(published, page):
    """One page of each kind (tests/support/paths.py): the pages in between differ only in their
    words; every link of every page answers at this address (above), and Chromium crawls every
    page at the default address (tests/test_browser_pages.py)."""
    watcher = watch(page, published.served_at)
    paths = [html.parent.relative_to(published.root).as_posix() for html in content_pages(published.root)]
    for path in representative([("" if path == "." else path + "/") for path in paths]):
        response = page.goto(published.served_at + path, wait_until="load")
        assert response is not None, path
        assert response.status == 200, path
        expect(page.locator(".md-content h1").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    # Accessibility is checked once per colour scheme, on the default address
    # (test_browser_pages.py); here every page answers and runs clean at this one.
    assert watcher.errors == []
    assert watcher.foreign_requests == []


@pytest.mark.browser
def test_missing_page_gets_the_404_at_the_address(published, open_page):
    page = open_page()
    watcher = watch(page, published.served_at)
    response = page.goto(published.served_at + "no/such/page/")
    assert response is not None
    assert response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    page.get_by_role("link", name="Go to the home page").click()
    page.wait_for_url(published.served_at)
    assert watcher.errors == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
    assert watcher.foreign_requests == []


@pytest.mark.browser
def test_instant_navigation_swaps_pages_in_place_and_pacers_start(published, open_page):
    page = open_page()
    watcher = watch(page, published.served_at)
    serve_sitemap_as_the_host_would(page, published)
    page.goto(published.served_at + "exercises/")
    wait_until_instant_navigation_is_ready(page)
    page.evaluate("window.stillTheSameDocument = true")
    page.locator(".md-nav a.md-nav__link[href$='box/']:visible").first.click()
    page.wait_for_url(published.served_at + "exercises/box/")
    pacer = page.locator('br-pacer[data-pacer="box"][data-ready]')
    pacer.wait_for()
    expect(page.locator(".md-content h1").first).to_contain_text("Box breathing")
    assert page.evaluate("window.stillTheSameDocument === true"), "a full page load, not an instant navigation"
    pacer.get_by_role("button", name="Start").click()
    expect(pacer).to_have_attribute("data-state", "running")
    assert watcher.errors == []
    assert watcher.foreign_requests == []


def test_about_says_how_reports_are_handled_and_how_fast(built_without_repository):
    about = (built_without_repository / "about/index.html").read_text(encoding="utf-8")
    assert 'id="what-happens-to-a-report"' in about
    assert "within 3 days" in about
    assert "within 2 weeks" in about
    assert "Report a mistake on this page" in about
