"""`make bench`: build the site, run the six benchmarks, print each table and write
bench/RESULTS.md. Figures are reported against the project's aims; nothing here fails on time.

    python -m bench                      # everything (about 10 minutes)
    python -m bench --only weight,lighthouse   # re-measures those sections in RESULTS.md
    python -m bench --only offline       # the offline copy alone (about a minute)
    python -m bench --only pacer         # the pacer's timing and cost, today's against the baseline
    python -m bench --quick              # 2-breath pacer recording, for trying the bench out
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import time

from bench import build_speed, environment, lighthouse, offline, pacer_sound, pacer_timing, page_weight
from bench.baseline import baseline_site
from bench.environment import BENCH_DIR, WORK_DIR
from bench.report import Section, Table
from bench.server import serve
from tests.support.build import build_site

SECTIONS = ("build", "weight", "timing", "lighthouse", "offline", "sound")  # timing covers 3. and 4.
ALIASES = {"pacer": "timing"}
RESULTS = BENCH_DIR / "RESULTS.md"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated subset of {','.join(SECTIONS)}")
    parser.add_argument("--quick", action="store_true", help="short pacer recording; RESULTS.md is not written")
    return parser.parse_args()


def built_site():
    """The site as `make build` makes it, in bench/.work/site."""
    destination = WORK_DIR / "site"
    if destination.exists():
        shutil.rmtree(destination)
    result = build_site(destination)
    if result.returncode != 0:
        sys.exit(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return destination


def with_load(bench, *args, **kwargs) -> list[Section]:
    """Runs one benchmark and notes how busy the machine was: timings on a shared machine
    (other processes, other people's test runs) are only as good as its quiet."""
    before = os.getloadavg()[0]
    result = bench(*args, **kwargs)
    after = os.getloadavg()[0]
    sections = list(result) if isinstance(result, tuple) else [result]
    for section in sections:
        section.method.append(
            f"1-minute load average on the {os.cpu_count()} cores: {before:.2f} before, {after:.2f} after."
        )
    return sections


def results_markdown(machine: list[tuple[str, str]], sections: list[Section], minutes: float) -> str:
    about = Table("Measured on", ["", ""], [[what, value] for what, value in machine])
    summary = [
        verdict for section in sections for verdict in section.verdicts if verdict.endswith(("(met)", "(**missed**)"))
    ]
    parts = [
        "# Benchmarks",
        "Written by `make bench` (`python -m bench`, code in this folder); rerun it to get your own figures. "
        "Benchmarks report figures against the project's aims; they do not pass or fail. "
        f"This run took {minutes:.1f} minutes.",
        about.markdown(),
        "## Aims at a glance\n\n" + "\n".join(f"- {line}" for line in summary),
    ]
    parts += [section.markdown() for section in sections]
    return "\n\n".join(parts) + "\n"


def updated_results(previous: str, machine: list[tuple[str, str]], sections: list[Section], only: str) -> str:
    """RESULTS.md with the re-measured sections replaced and the aims at a glance gathered again;
    a note under the title says which sections come from which run."""
    head, *old_sections = previous.split("\n## ")
    by_title = {text.split("\n", 1)[0]: "## " + text.rstrip("\n") for text in old_sections}
    for section in sections:
        by_title[section.title] = section.markdown()
    numbered = [text for title, text in by_title.items() if title[:1].isdigit()]
    glance = [
        line[2:]
        for text in numbered
        for line in text.splitlines()
        if line.startswith("- ") and line.endswith(("(met)", "(**missed**)"))
    ]
    when = dict(machine)
    note = (
        f"Sections {', '.join(s.title.split('.')[0] for s in sections)} were re-measured by "
        f"`python -m bench --only {only}` on {when.get('Date')} at commit {when.get('Commit')} "
        f"(pacer files {when.get('Pacer files')}, {when.get('Chromium')}); the rest are from the full run described "
        "below."
    )
    # An earlier re-measurement's note stays unless every section it names was measured again now.
    now = {s.title.split(".")[0] for s in sections}
    kept = [
        line
        for line in head.splitlines()
        if line.startswith("Sections ") and not set(line.split(" were ", 1)[0][len("Sections ") :].split(", ")) <= now
    ]
    head = "\n".join(line for line in head.rstrip("\n").splitlines() if not line.startswith("Sections "))
    head = re.sub(r"\n{3,}", "\n\n", head)  # the old notes' lines are gone: so are the blank lines around them
    notes = "\n\n".join([*kept, note])
    head = head.replace("\n\n**Measured on**", f"\n\n{notes}\n\n**Measured on**", 1)
    parts = [head, "## Aims at a glance\n\n" + "\n".join(f"- {line}" for line in glance)]
    parts += numbered
    return "\n\n".join(parts) + "\n"


def main() -> None:
    options = arguments()
    chosen = [ALIASES.get(name.strip(), name.strip()) for name in options.only.split(",") if name.strip()]
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        sys.exit(f"unknown section(s) {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    started = time.monotonic()
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    browsers_needed = {"timing", "lighthouse", "offline", "sound"} & set(chosen)
    chromium = environment.chromium() if browsers_needed else shutil.which("chromium") or "none"
    if browsers_needed:
        environment.node_packages()
    site = built_site()  # first, so the commit and file hashes below describe what is measured
    machine = environment.describe(chromium)
    for what, value in machine:
        print(f"{what}: {value}")
    sections: list[Section] = []
    if "build" in chosen:
        print("\n1. Build (about 5 minutes) ...", flush=True)
        sections += with_load(build_speed.run)
    with serve(site) as site_url:
        if "weight" in chosen:
            print("\n2. Weight ...", flush=True)
            sections.append(page_weight.run(site))
        if "timing" in chosen:
            print("\n3. and 4. Pacer timing and main-thread cost (about 3 minutes) ...", flush=True)
            with serve(baseline_site(site)) as baseline_url:
                sections += with_load(
                    pacer_timing.run,
                    chromium,
                    site_url,
                    site,
                    baseline_url,
                    cycles=2 if options.quick else pacer_timing.CYCLES,
                )
        if "lighthouse" in chosen:
            print("\n5. Lighthouse (about 3 minutes) ...", flush=True)
            sections += with_load(lighthouse.run, chromium, site_url)
        if "sound" in chosen:
            print("\n7. Pacer sound track (about 2 minutes) ...", flush=True)
            sections += with_load(pacer_sound.run, chromium, site_url, site)
    if "offline" in chosen:
        print("\n6. Offline (about a minute) ...", flush=True)
        sections += with_load(offline.run, chromium, site)
    minutes = (time.monotonic() - started) / 60
    print("\nAims:")
    for section in sections:
        for verdict in section.verdicts:
            print(f"  {verdict}")
    if options.quick:
        print(f"\nNot writing {RESULTS.relative_to(BENCH_DIR.parent)} after a --quick run.")
        return
    if chosen != list(SECTIONS) and RESULTS.is_file():
        RESULTS.write_text(
            updated_results(RESULTS.read_text(encoding="utf-8"), machine, sections, options.only), "utf-8"
        )
        print(f"\nUpdated {', '.join(s.title for s in sections)} in {RESULTS.relative_to(BENCH_DIR.parent)}.")
        return
    RESULTS.write_text(results_markdown(machine, sections, minutes), encoding="utf-8")
    print(f"\nWrote {RESULTS.relative_to(BENCH_DIR.parent)} ({minutes:.1f} minutes).")


if __name__ == "__main__":
    main()
