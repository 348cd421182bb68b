"""The web app manifest that lets a phone add the site to its home screen and open straight into it.

Start address, scope and id come from the site's own path, so the same build works under
/breathing-room/, under any other repository name and at a user site's root. The icons are
committed files (overrides/assets/images/, drawn from icon.svg by tools/render_icons.py).
"""

from __future__ import annotations

import json
from pathlib import Path

MANIFEST_FILE = "manifest.webmanifest"
ICON_DIR = "assets/images/"
# What browsers ask for: 192 and 512 for Android's launcher and splash screen, a maskable one that
# Android may crop to its own shape (the glyph sits inside the middle 80%), an SVG for the rest.
ICONS = (
    {"src": "icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
    {"src": "icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
    {"src": "icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
    {"src": "icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
)
# Calm in one tap: a long press on the home-screen icon offers these. The gentle page's `?focus=start`
# puts the focus on its pacer's Start (start-focus.js); nothing starts until the reader taps it.
SHORTCUTS = (
    {"name": "Gentle breathing", "short_name": "Gentle", "page": "exercises/gentle/", "query": "?focus=start"},
    {"name": "Your practice", "short_name": "Practice", "page": "practice/", "query": ""},
)
# The header's teal in both schemes; the page background of light mode (Android's splash screen).
THEME_COLOR = "#1d5c57"
BACKGROUND_COLOR = "#ffffff"


def web_manifest(name: str, short_name: str, description: str, base_path: str) -> dict[str, object]:
    return {
        "id": base_path,
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": "en",
        "start_url": base_path,
        "scope": base_path,
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [dict(icon, src=base_path + ICON_DIR + icon["src"]) for icon in ICONS],
        "shortcuts": [
            {
                "name": shortcut["name"],
                "short_name": shortcut["short_name"],
                "url": base_path + shortcut["page"] + shortcut["query"],
                "icons": [{"src": base_path + ICON_DIR + "icon-192.png", "sizes": "192x192", "type": "image/png"}],
            }
            for shortcut in SHORTCUTS
        ],
    }


def write_web_manifest(site_dir: Path, name: str, description: str, base_path: str) -> Path:
    """Write site_dir/manifest.webmanifest; fails if an icon it names was not built."""
    short_name = name if len(name) <= 12 else name.split()[0]  # launchers cut longer names
    manifest = web_manifest(name, short_name, description, base_path)
    missing = [icon["src"] for icon in ICONS if not (site_dir / ICON_DIR / icon["src"]).is_file()]
    if missing:
        raise FileNotFoundError(f"icons missing from the built site's {ICON_DIR}: {', '.join(missing)}")
    pages = [shortcut["page"] for shortcut in SHORTCUTS if not (site_dir / shortcut["page"] / "index.html").is_file()]
    if pages:
        raise FileNotFoundError(f"pages the manifest's shortcuts open were not built: {', '.join(pages)}")
    target = site_dir / MANIFEST_FILE
    target.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target
