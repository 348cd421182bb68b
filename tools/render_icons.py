"""Draw the home-screen icons from overrides/assets/images/icon.svg with the Chromium the tests use.

Run once after changing the SVG and commit the PNGs: `.venv/bin/python tools/render_icons.py`.
The maskable and Apple icons fill the whole square (the launcher crops or rounds it itself); the
others keep the SVG's rounded corners on a transparent background.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO_ROOT = Path(__file__).resolve().parent.parent
IMAGES = REPO_ROOT / "overrides/assets/images"
sys.path.insert(0, str(REPO_ROOT))

from tests.support.browsers import CHROMIUM, chromium_args, find  # noqa: E402 -- needs the sys.path line above

# file name -> (size in pixels, full bleed)
ICONS = {
    "icon-192.png": (192, False),
    "icon-512.png": (512, False),
    "icon-maskable-512.png": (512, True),
    "apple-touch-icon.png": (180, True),
}


def main() -> None:
    svg = (IMAGES / "icon.svg").read_text(encoding="utf-8")
    full_bleed = svg.replace('rx="112" ', "")
    if full_bleed == svg:
        sys.exit("icon.svg no longer has the rounded background this script expects")
    with sync_playwright() as playwright:
        executable = find(CHROMIUM)
        browser = playwright.chromium.launch(executable_path=executable, args=chromium_args(executable))
        for name, (size, bleed) in ICONS.items():
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                f"<style>html,body{{margin:0;background:transparent}}svg{{display:block;width:{size}px;height:{size}px}}"
                f"</style>{full_bleed if bleed else svg}"
            )
            page.screenshot(path=str(IMAGES / name), omit_background=not bleed)
            page.close()
            print(f"wrote {IMAGES / name}")
        browser.close()


if __name__ == "__main__":
    main()
