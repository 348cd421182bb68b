"""Every repository path the code, its comments and the docs name exists: a comment that still
points at a module's old place after it moved sends the next reader to a file that is not there.

Scanned: the tracked (and new, not ignored) Python, JavaScript, CSS, HTML, Markdown, YAML, TOML,
JSON and Make files. A path is a token that starts with one of the repository's top-level
folders (hooks/, overrides/, tests/, data/, docs/, bench/, tools/, .github/, .ci/); a glob
(data/*.yml) must match something, and a test module named alone (test_csp.py) must be in
tests/. In tests, only comments and docstrings count: their other strings are test data (pages
a test writes, made-up names). changes/ is left out: its dated records name the files as they
were on that date.
"""

from __future__ import annotations

import ast
import io
import re
import subprocess
import tokenize
from pathlib import Path

from tests.support.paths import REPO_ROOT

TOP_FOLDERS = ("hooks", "overrides", "tests", "data", "docs", "bench", "tools", r"\.github", r"\.ci")
# Not after a letter, a dot, a slash or a colon: "https://zensical.org/docs/..." is an address.
PATH = re.compile(r"(?<![\w./@:~-])((?:" + "|".join(TOP_FOLDERS) + r")/[\w./*-]*[\w/*])")
# A test module named alone ("see test_csp.py") lives in tests/.
TEST_MODULE = re.compile(r"(?<![\w./@:~*-])(test_\w+\.py)\b")
SUFFIXES = {".py", ".js", ".mjs", ".css", ".html", ".md", ".yml", ".yaml", ".toml", ".json"}
NAMES = {"Makefile", "run"}
LEFT_OUT = ("changes/", "package-lock.json", "tests/fixtures/")
# Named on purpose though absent from a checkout: made while running, or a placeholder.
NOT_IN_A_CHECKOUT = {
    "bench/.work": "the benches' working folder, made by `make bench` (git ignores it)",
    "bench/node_modules": "Lighthouse's own npm install, made by `make bench` (git ignores it)",
    "docs/NAME.md": "README's placeholder for a new page",
    "data/schemas/NAME.schema.json": "the schema of any data file, as hooks/content/schemas.py names it",
}


def scanned_files(root: Path) -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return [
        root / name
        for name in listed
        if not name.startswith(LEFT_OUT)
        and (Path(name).suffix in SUFFIXES or Path(name).name in NAMES)
        and (root / name).is_file()
    ]


def _docstring_lines(source: str) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                lines.add(first.lineno)
    return lines


def prose_of_a_test(source: str) -> list[tuple[int, str]]:
    """(line, text) of each comment and docstring of a Python test file."""
    docstrings = _docstring_lines(source)
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT or (token.type == tokenize.STRING and token.start[0] in docstrings):
            found.append((token.start[0], token.string))
    return found


def named_paths(root: Path, file: Path) -> list[tuple[int, str]]:
    """(line, path) of each repository path the file names."""
    text = file.read_text(encoding="utf-8")
    in_tests = file.relative_to(root).as_posix().startswith("tests/") and file.suffix == ".py"
    chunks = prose_of_a_test(text) if in_tests else [(1, text)]
    found = []
    for first_line, chunk in chunks:
        for match in PATH.finditer(chunk):
            found.append((first_line + chunk.count("\n", 0, match.start()), match.group(1)))
        for match in TEST_MODULE.finditer(chunk):
            found.append((first_line + chunk.count("\n", 0, match.start()), "tests/" + match.group(1)))
    return found


def exists(root: Path, path: str) -> bool:
    if any(path == named or path.startswith(named + "/") for named in NOT_IN_A_CHECKOUT):
        return True
    if "*" in path:
        return any(root.glob(path.rstrip("/")))
    return (root / path).exists()


def missing_paths(root: Path) -> list[str]:
    return [
        f"{file.relative_to(root).as_posix()}, line {line}: {path} does not exist"
        for file in scanned_files(root)
        for line, path in named_paths(root, file)
        if not exists(root, path)
    ]


def test_every_path_named_in_code_comments_and_docs_exists():
    assert missing_paths(REPO_ROOT) == []


def test_the_scan_finds_paths_in_code_and_comments_but_not_in_addresses_or_test_data(tmp_path: Path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks/real.py").write_text(
        '"""See hooks/real.py and data/*.yml."""\n'
        "# The old home was hooks/gone.py.\n"
        'URL = "https://example.org/docs/page.md"\n'
        'MESSAGE = "data/missing.yml: a problem"\n',
        encoding="utf-8",
    )
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests/test_x.py").write_text(
        '"""Reads tests/absent.py, like test_gone.py."""\nPAGE = "docs/made-up.md"  # writes docs/also-absent.md\n',
        encoding="utf-8",
    )
    (tmp_path / "style.css").write_text("/* overrides/old.css */\n", encoding="utf-8")
    assert sorted(missing_paths(tmp_path)) == [
        "hooks/real.py, line 1: data/*.yml does not exist",
        "hooks/real.py, line 2: hooks/gone.py does not exist",
        "hooks/real.py, line 4: data/missing.yml does not exist",
        "style.css, line 1: overrides/old.css does not exist",
        "tests/test_x.py, line 1: tests/absent.py does not exist",
        "tests/test_x.py, line 1: tests/test_gone.py does not exist",
        "tests/test_x.py, line 2: docs/also-absent.md does not exist",
    ]
