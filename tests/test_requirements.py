"""The hashed requirements*.txt files are up to date with the short requirements*.in files they
are generated from: a pin edited in an .in file without `make requirements` fails here, offline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.paths import REPO_ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)
IN_FILES = sorted(REPO_ROOT.glob("requirements*.in"))


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(text: str) -> dict[str, str]:
    return {normalised(name): version for name, version in PIN.findall(text)}


def in_file_pins(path: Path) -> dict[str, str]:
    """The pins an .in file asks for, with those of the .in files it includes (-r)."""
    text = path.read_text(encoding="utf-8")
    found = pins(text)
    for included in re.findall(r"^-r\s+(\S+)", text, re.MULTILINE):
        found = {**in_file_pins(path.parent / included), **found}
    return found


def test_pins_are_read_from_both_kinds_of_file():
    assert pins("# comment\nuv==0.13.8 \\\n    --hash=sha256:ab\ncffi==2.1.1 ; os_name == 'nt' \\\n") == {
        "uv": "0.13.8",
        "cffi": "2.1.1",
    }
    assert len(IN_FILES) >= 2, IN_FILES


@pytest.mark.parametrize("in_file", IN_FILES, ids=[path.name for path in IN_FILES])
def test_every_pin_in_an_in_file_is_in_its_generated_file(in_file):
    generated = pins(in_file.with_suffix(".txt").read_text(encoding="utf-8"))
    stale = {
        name: (version, generated.get(name))
        for name, version in in_file_pins(in_file).items()
        if generated.get(name) != version
    }
    assert not stale, f"{in_file.name} and its .txt disagree (wanted, found); run `make requirements`: {stale}"


def test_the_tests_install_the_site_packages_at_the_site_pins():
    site = pins((REPO_ROOT / "requirements.txt").read_text(encoding="utf-8"))
    test = pins((REPO_ROOT / "requirements-test.txt").read_text(encoding="utf-8"))
    assert {name: test.get(name) for name in site} == site
