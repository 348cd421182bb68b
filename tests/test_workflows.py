"""The Pages workflow is checked, not trusted: actionlint and zizmor pass on it (make lint-workflows
runs them too), they do catch mistakes, and each job holds only the permissions it needs."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.support.paths import REPO_ROOT
from tests.support.venv_tools import run_venv_tool

WORKFLOW = REPO_ROOT / ".github/workflows/pages.yml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")
# The least each job needs: read the code; configure-pages reads the site's address; deploying
# writes Pages and proves the upload's origin with an OIDC token.
EXPECTED_PERMISSIONS = {
    "test": {"contents": "read"},
    "build": {"contents": "read", "pages": "read"},
    "deploy": {"pages": "write", "id-token": "write"},
}


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_actionlint_and_zizmor_pass():
    actionlint = run_venv_tool("actionlint", "-no-color", str(WORKFLOW))
    assert actionlint.returncode == 0, actionlint.stdout + actionlint.stderr
    zizmor = run_venv_tool("zizmor", "--offline", "--no-progress", str(WORKFLOW))
    assert zizmor.returncode == 0, zizmor.stdout + zizmor.stderr


def test_the_linters_catch_a_broken_workflow(tmp_path: Path):
    broken = tmp_path / ".github/workflows/pages.yml"
    broken.parent.mkdir(parents=True)
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "steps.pages.outputs.base_url" in text
    broken.write_text(
        text.replace("steps.pages.outputs.base_url", "steps.page.outputs.base_url").replace(
            "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", "actions/checkout@v4"
        ),
        encoding="utf-8",
    )
    actionlint = run_venv_tool("actionlint", "-no-color", str(broken), cwd=tmp_path)
    assert actionlint.returncode != 0
    assert 'property "page" is not defined' in actionlint.stdout
    zizmor = run_venv_tool("zizmor", "--offline", "--no-progress", str(broken), cwd=tmp_path)
    assert zizmor.returncode != 0
    assert "unpinned-uses" in zizmor.stdout


def test_every_job_has_only_the_permissions_it_needs():
    config = workflow()
    assert config["permissions"] == {}
    assert {name: job.get("permissions") for name, job in config["jobs"].items()} == EXPECTED_PERMISSIONS


def test_every_action_is_pinned_and_checkouts_keep_no_credentials():
    for name, job in workflow()["jobs"].items():
        for step in job["steps"]:
            if "uses" in step:
                assert PINNED.match(step["uses"]), f"{name}: {step['uses']} is not pinned to a commit"
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name


def test_tests_run_on_debian_12_and_the_build_gets_the_pages_address():
    jobs = workflow()["jobs"]
    assert jobs["test"]["container"] == "python:3.11-bookworm"  # Debian 12 with CPython 3.11.5+
    assert any(step.get("run") == "make test" for step in jobs["test"]["steps"])
    build = next(step for step in jobs["build"]["steps"] if step.get("run") == "make build")
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert any(step.get("id") == "pages" and "configure-pages@" in step["uses"] for step in jobs["build"]["steps"])
