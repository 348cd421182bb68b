"""`make test` finds a browser or stops with advice; it never lets browser tests skip."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).parent / "find-chromium.sh"


def run_script(
    tmp_path: Path, env_extra: dict[str, str], tools: tuple[str, ...] = ("id", "cat")
) -> subprocess.CompletedProcess:
    """Run the script with a PATH holding only `tools`: no browser, no apt-get."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for tool in tools:
        (bin_dir / tool).symlink_to(shutil.which(tool))
    env = {"PATH": str(bin_dir), **env_extra}
    return subprocess.run(["/bin/sh", str(SCRIPT), "/bin/false"], capture_output=True, text=True, env=env)


def test_a_named_chromium_is_used_as_is(tmp_path):
    fake = tmp_path / "my-chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    result = run_script(tmp_path, {"CHROMIUM": str(fake)})
    assert result.returncode == 0
    assert result.stdout.strip() == str(fake)


def test_a_named_chromium_that_is_not_executable_is_refused(tmp_path):
    result = run_script(tmp_path, {"CHROMIUM": str(tmp_path / "missing")})
    assert result.returncode == 1
    assert "is not an executable file" in result.stderr


def test_one_on_path_is_found(tmp_path):
    fake = tmp_path / "bin" / "chromium"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    result = run_script(tmp_path, {})
    assert result.returncode == 0
    assert result.stdout.strip() == str(fake)


def test_no_browser_anywhere_fails_with_advice(tmp_path):
    result = run_script(tmp_path, {})
    assert result.returncode == 1
    assert "No Chromium could be found or installed" in result.stderr
    assert "apt-get install chromium" in result.stderr
    assert "playwright install chromium" in result.stderr
