"""5. Lighthouse (pinned in bench/package.json) on the home page and a pacer page, mobile and
desktop, against the built site served on 127.0.0.1 under /breathing-room/."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from bench.environment import NODE_MODULES, WORK_DIR, installed_npm_version
from bench.report import Section, Table, ms

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
PAGES = {"home": "", "pacer page (box)": "exercises/box/"}
FORM_FACTORS = {"mobile": [], "desktop": ["--preset=desktop"]}
RUNS = {"mobile": 3, "desktop": 1}  # mobile scores move from run to run; the median run is reported


def lighthouse(chromium: str, url: str, extra: list[str], report: Path) -> dict:
    command = [
        "node",
        str(NODE_MODULES / "lighthouse" / "cli" / "index.js"),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
        *extra,
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium}, timeout=300
    )
    if result.returncode != 0 or not report.is_file():
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def shortfalls(result: dict) -> list[str]:
    """Audits that cost points in a category scoring under 100, by id, for the report."""
    found = []
    for category in result["categories"].values():
        if category["score"] is None or category["score"] >= 1:
            continue
        for ref in category["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                found.append(f"{category['id']}: {ref['id']} ({audit.get('displayValue') or audit['score']})")
    return found


def layout_shifts(result: dict) -> list[str]:
    """Which element moved, and by how much, for any CLS above zero."""
    items = result["audits"].get("layout-shifts", {}).get("details", {}).get("items", [])
    return [f"{item['score']:.3g} at `{item.get('node', {}).get('selector', '?')}`" for item in items]


def run(chromium: str, site_url: str) -> Section:
    section = Section("5. Lighthouse")
    version = installed_npm_version("lighthouse")
    table = Table(
        f"Lighthouse {version}, {CHROME_FLAGS}",
        ["page", "form factor", "performance", "accessibility", "best practices", "SEO", "CLS", "TBT", "LCP"],
    )
    lowest = dict.fromkeys(CATEGORIES, 100)
    worst_cls = 0.0
    notes: list[str] = []
    shifts: list[str] = []
    reports = WORK_DIR / "lighthouse"
    reports.mkdir(parents=True, exist_ok=True)
    for page_name, path in PAGES.items():
        for form, extra in FORM_FACTORS.items():
            print(f"  lighthouse: {page_name}, {form} ({RUNS[form]} run{'s' * (RUNS[form] > 1)}) ...", flush=True)
            runs = [
                lighthouse(chromium, site_url + path, extra, reports / f"{page_name.split()[0]}-{form}-{n + 1}.json")
                for n in range(RUNS[form])
            ]
            runs.sort(key=lambda r: r["categories"]["performance"]["score"] or 0)
            result = runs[len(runs) // 2]
            performance_scores = ", ".join(
                str(round(100 * (r["categories"]["performance"]["score"] or 0))) for r in runs
            )
            scores = {name: round(100 * (result["categories"][name]["score"] or 0)) for name in CATEGORIES}
            audits = result["audits"]
            cls = audits["cumulative-layout-shift"]["numericValue"]
            worst_cls = max(worst_cls, cls)
            shifts += [f"{page_name}, {form}: {shift}" for shift in layout_shifts(result)]
            for name in CATEGORIES:
                lowest[name] = min(lowest[name], scores[name])
            shown = dict(
                scores,
                performance=f"{scores['performance']} ({performance_scores})"
                if len(runs) > 1
                else scores["performance"],
            )
            table.rows.append(
                [
                    page_name,
                    form,
                    *shown.values(),
                    f"{cls:.4g}",
                    ms(audits["total-blocking-time"]["numericValue"]),
                    ms(audits["largest-contentful-paint"]["numericValue"]),
                ]
            )
            notes += [f"{page_name}, {form}: {item}" for item in shortfalls(result)]
            if result.get("runWarnings"):
                notes += [f"{page_name}, {form}: warning: {warning}" for warning in result["runWarnings"]]
    section.tables.append(table)
    print(table.markdown() + "\n", flush=True)
    for name in ("accessibility", "best-practices", "seo"):
        section.aim(f"Lowest {name} score (aim 100)", str(lowest[name]), lowest[name] == 100)
    section.aim("Lowest performance score (aim at least 95)", str(lowest["performance"]), lowest["performance"] >= 95)
    shown_as = " (Lighthouse displays it as 0)" if 0 < worst_cls < 0.0005 else ""
    section.aim("Largest CLS (aim 0)", f"{worst_cls:.4g}{shown_as}", worst_cls == 0)
    section.verdicts += [f"Layout shift: {shift}" for shift in shifts]
    section.verdicts += [f"Points lost: {note}" for note in notes]
    section.method += [
        f'`lighthouse URL --only-categories={",".join(CATEGORIES)} --chrome-flags="{CHROME_FLAGS}"` with CHROME_PATH set to',
        "the Chromium above; mobile is Lighthouse's default (simulated slow 4G and 4x CPU slowdown), desktop adds --preset=desktop.",
        f"Mobile runs {RUNS['mobile']} times per page and the run with the median performance score is shown (all scores in brackets);",
        f"desktop runs {RUNS['desktop']} time. The server gzips text files as GitHub Pages does.",
        "The site is served by the tests' own sub-path server on 127.0.0.1. Full JSON reports go to bench/.work/lighthouse/.",
    ]
    return section
