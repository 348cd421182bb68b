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
    }


def write_web_manifest(site_dir: Path, name: str, description: str, base_path: str) -> Path:
    """Write site_dir/manifest.webmanifest; fails if an icon it names was not built."""
    short_name = name if len(name) <= 12 else name.split()[0]  # launchers cut longer names
    manifest = web_manifest(name, short_name, description, base_path)
    missing = [icon["src"] for icon in ICONS if not (site_dir / ICON_DIR / icon["src"]).is_file()]
    if missing:
        raise FileNotFoundError(f"icons missing from the built site's {ICON_DIR}: {', '.join(missing)}")
    target = site_dir / MANIFEST_FILE
    target.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target
