"""Copy the browser libraries the site ships from node_modules/ into overrides/assets/vendor/.

The site is built by Python alone (GitHub Pages' build job and `make serve` run no npm), so a
library a page needs is committed as its author published it, next to its licence, and served
from the site's own address (never a CDN: the content security policy allows only 'self').
package.json pins each library exactly; tests/test_vendor_scripts.py checks that every copy is
byte for byte the pinned package's file. After changing a pin: `npm install`, then
`.venv/bin/python tools/vendor_scripts.py`, and commit the copies.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

REPO_ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = REPO_ROOT / "node_modules"
VENDOR_DIR = REPO_ROOT / "overrides/assets/vendor"


class VendoredFile(NamedTuple):
    package: str  # the npm package, pinned in package.json's dependencies
    source: str  # the file inside the package
    shipped: str  # where the site ships it, under overrides/assets/vendor/


# lean-qr: the plan page's QR code (overrides/assets/javascripts/plan-qr.js). Its ES module is
# shipped as .js, a name every web server sends with a JavaScript type (a module must have one).
VENDORED = (
    VendoredFile("lean-qr", "index.mjs", "lean-qr/index.js"),
    VendoredFile("lean-qr", "LICENSE", "lean-qr/LICENSE"),
)


def main() -> None:
    for file in VENDORED:
        source = NODE_MODULES / file.package / file.source
        if not source.is_file():
            raise SystemExit(f"{source} is missing: run `npm ci` first.")
        target = VENDOR_DIR / file.shipped
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        print(f"{source.relative_to(REPO_ROOT)} -> {target.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
