"""The first screen's help line is on every built page under both generators: MkDocs runs the last
step (hooks/finish.py) from its hook, Zensical's build is followed by `python -m hooks.finish`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.build import build_with_zensical, copy_site

pytestmark = pytest.mark.build

EVERY_NUMBER = ["999", "112", "911", "000", "111"]


def bars_in(site: Path) -> dict[str, list[str]]:
    """Each built page -> the tel: numbers of its no-script help line."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        bar = re.search(
            r'<br-local-help class="br-local-help" data-local-help="[^"]+">(.*?)</br-local-help>', html, re.S
        )
        found[page.relative_to(site).as_posix()] = re.findall(r'href="tel:(\d+)"', bar.group(1)) if bar else []
    return found


def test_every_page_of_both_builds_lists_every_emergency_number(tmp_path, built_site):
    root = copy_site(tmp_path)
    zensical = build_with_zensical(root)
    assert zensical.returncode == 0, zensical.stdout + zensical.stderr
    for site in (built_site, root / "site-zensical"):
        bars = bars_in(site)
        assert len(bars) > 20
        assert {page: numbers for page, numbers in bars.items() if numbers != EVERY_NUMBER} == {}, site
