"""Instant previews in a real Chromium: hovering a citation shows the finding's quote in place,
and following it lands on the finding (Back returns to the citing page).

Material only previews pages listed in the sitemap, matched by host and port, so this builds the
site for the address the test server got (the shared build is for port 8000)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.content.site_data import load_site_data
from tests.support.build import build_site
from tests.support.paths import DATA_DIR
from tests.support.server import serve

pytestmark = pytest.mark.browser

QUOTE = next(
    finding.quote
    for finding in load_site_data(DATA_DIR).references["haller-2020"].findings
    if finding.id == "pain-vs-sham"
)


def test_hovering_a_citation_previews_the_quote_and_a_click_lands_on_it(open_page, tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    with serve(site) as url:
        result = build_site(site, env={"SITE_URL": url})
        assert result.returncode == 0, result.stderr
        page = open_page(viewport={"width": 1280, "height": 900})
        page.goto(url + "ser/", wait_until="networkidle")
        citation = page.locator("article a[href$='references/#haller-2020-pain-vs-sham']").first
        citation.scroll_into_view_if_needed()
        citation.hover()
        preview = page.locator(".md-tooltip2", has_text="pain vs sham").first
        preview.wait_for(state="visible", timeout=10_000)
        assert QUOTE[:40] in " ".join(preview.inner_text().split())
        citation.click()
        page.wait_for_url("**/references/#haller-2020-pain-vs-sham")
        # Instant navigation changes the address before it swaps the content in: wait for the finding.
        page.locator("#haller-2020-pain-vs-sham").wait_for(state="visible", timeout=10_000)
        page.go_back()
        page.wait_for_url("**/ser/")
