"""Running the site's own browser modules in Node from a Python test, for what only Python can check
(a maintained iCalendar parser, a QR decoder): the module makes its output, Python reads it back."""

from __future__ import annotations

import json
import subprocess
from typing import Any

from tests.support.paths import REPO_ROOT


def run_module(source: str, payload: Any = None) -> Any:
    """Run `source` as an ES module in Node from the repository's root and return what it prints,
    read as JSON. The module finds `payload` (any JSON value) as `input` and prints its result
    with `console.log(JSON.stringify(...))`; it imports the site's modules by path from the root,
    e.g. `import { icsFor } from './overrides/assets/javascripts/plan-calendar.js';`."""
    prologue = f"const input = {json.dumps(payload)};\n"
    result = subprocess.run(
        ["node", "--input-type=module", "-e", prologue + source],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    if result.returncode != 0:
        raise RuntimeError(f"node failed ({result.returncode}):\n{result.stderr}")
    return json.loads(result.stdout)
