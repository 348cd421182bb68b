"""The libraries the site ships (overrides/assets/vendor/) are the pinned packages' own files: each
pinned exactly in package.json and package-lock.json, and each copy byte for byte the installed
package's file (tools/vendor_scripts.py makes the copies)."""

from __future__ import annotations

import json
import os

import pytest

from tests.support.paths import REPO_ROOT
from tools.vendor_scripts import NODE_MODULES, VENDOR_DIR, VENDORED

PACKAGES = sorted({file.package for file in VENDORED})


def test_each_shipped_library_is_pinned_exactly_in_package_json_and_the_lock():
    dependencies = json.loads((REPO_ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    lock = json.loads((REPO_ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    for package in PACKAGES:
        pin = dependencies[package]
        assert pin[0].isdigit() and all(part.isdigit() for part in pin.split(".")), f"{package}: {pin!r}"
        assert lock[f"node_modules/{package}"]["version"] == pin, package
        assert lock[""]["dependencies"][package] == pin, package


def test_every_vendored_file_is_shipped_and_nothing_else_is():
    shipped = {path.relative_to(VENDOR_DIR).as_posix() for path in VENDOR_DIR.rglob("*") if path.is_file()}
    assert shipped == {file.shipped for file in VENDORED}


@pytest.mark.parametrize("file", VENDORED, ids=lambda file: file.shipped)
def test_each_copy_is_the_installed_packages_file(file):
    installed = NODE_MODULES / file.package / file.source
    if not installed.is_file() and not os.environ.get("CI"):
        # make test runs `npm ci` (through make lint) first, so this never skips there or in CI.
        pytest.skip(f"{installed.relative_to(REPO_ROOT)} is not installed: run `npm ci` (make test does)")
    version = json.loads((NODE_MODULES / file.package / "package.json").read_text(encoding="utf-8"))["version"]
    pin = json.loads((REPO_ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"][file.package]
    assert version == pin, f"node_modules has {file.package} {version}, package.json pins {pin}: run `npm ci`"
    assert (VENDOR_DIR / file.shipped).read_bytes() == installed.read_bytes(), (
        f"{file.shipped} differs from {file.package} {pin}'s {file.source}: run .venv/bin/python tools/vendor_scripts.py"
    )
