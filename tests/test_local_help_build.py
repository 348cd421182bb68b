"""The first screen's help line is on every built page under both generators: MkDocs runs the last
step (hooks/finish.py) from its hook, Zensical's build is followed by `python -m hooks.finish`; and
a theme that leaves no place for it stops the build with the page named."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.build import build_copy, copy_site, replace_in
from tests.test_zensical import build_with_zensical

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


def test_a_theme_without_the_place_stops_the_build_naming_the_page(tmp_path):
    root = copy_site(tmp_path)
    replace_in(root / "overrides/main.html", '<br-local-help class="br-local-help"></br-local-help>', "")
    result = build_copy(root)
    assert result.returncode != 0
    assert (
        "The first screen's help line was not written; nothing was published: 404.html: found 0 places for the "
        "first screen's help line; allowed: exactly one"
    ) in result.stdout + result.stderr
