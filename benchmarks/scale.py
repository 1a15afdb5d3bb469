"""How the build scales: validate, generate and the MkDocs build, on 100, 1,000 and all incidents.

    .venv/bin/python benchmarks/scale.py            # sizes 100, 1000 and all of incidents/
    .venv/bin/python benchmarks/scale.py 500 all     # other sizes

Prints wall time and peak memory of each step (each runs as its own process, as a user runs it): a
first build, a build into an empty content/ with the charts cached, a rebuild of the same input, and a
rebuild after one edit; then the site's total size, its largest page and how many pages pass 150 KB.
Prints figures; asserts nothing.
Targets for the full set on a 2-core machine: validate + generate under 10 s, the whole site under
90 s, no HTML page over 150 KB, the site under 400 MB.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from generator.load import incident_files, load_incident_files  # noqa: E402

MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.monotonic()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, 0)\n"
    "print(f'{time.monotonic() - start:.2f} {peak / 1024:.0f} {code}')\n"
)


def measure(*command: str) -> tuple[float, float]:
    """(wall seconds, peak resident MB of the busiest process) of one command."""
    output = subprocess.run(
        [sys.executable, "-c", MEASURE, *command],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    ).stdout.split()
    seconds, megabytes, code = float(output[0]), float(output[1]), int(output[2])
    if code != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit status {code}")
    return seconds, megabytes


def subset(source: Path, size: int | None, target: Path) -> int:
    """Copy `size` incident files (all when None); files that link to others come only with the full set."""
    files = incident_files(source)
    if size is not None:
        loaded = load_incident_files(files, source)
        files = [Path(source / item.path) for item in loaded if item.data and not item.data.get("related")][:size]
    for path in files:
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
    return len(files)


def site_figures(site: Path) -> tuple[float, float, int, int]:
    pages = [path.stat().st_size for path in site.rglob("*.html")]
    total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    return total / 1e6, max(pages) / 1024, len(pages), sum(1 for size in pages if size > 150 * 1024)


def edit_one_count(folder: Path) -> str:
    """Add one person to an incident's latest count, as an HHS update does to a report; returns its file name."""
    for path in incident_files(folder):
        text = path.read_text(encoding="utf-8")
        counts = list(re.finditer(r"^    count: (\d+)$", text, re.MULTILINE))
        if counts and int(counts[-1].group(1)) > 501:  # 500 and 501 may be HHS placeholders
            last = counts[-1]
            path.write_text(text[: last.start(1)] + str(int(last.group(1)) + 1) + text[last.end(1) :], encoding="utf-8")
            return path.name
    raise SystemExit("no incident with a count to edit")


COLUMNS = (
    ("incidents", 9), ("validate", 8), ("first build", 11), ("charts cached", 13), ("rebuild", 7), ("one edit", 8),
    ("site", 7), ("peak MB", 7), ("pages", 6), ("site MB", 7), ("largest KB", 10), ("> 150 KB", 8),
)


def main(arguments: list[str]) -> None:
    sizes = [None if value == "all" else int(value) for value in (arguments or ["100", "1000", "all"])]
    python = sys.executable
    print(" | ".join(f"{name:>{width}}" for name, width in COLUMNS))
    print("-" * (sum(width for _, width in COLUMNS) + 3 * (len(COLUMNS) - 1)))
    for size in sizes:
        with tempfile.TemporaryDirectory() as work:
            work_path = Path(work)
            incidents, content = work_path / "incidents", work_path / "content"
            count = subset(REPO_ROOT / "incidents", size, incidents)
            validate_s, validate_mb = measure(python, "-m", "generator", "validate", "--incidents", str(incidents))
            build = (python, "-m", "generator", "build", "--incidents", str(incidents), "--content", str(content), "--chart-cache", str(work_path / "chart-cache"))
            first_s, first_mb = measure(*build)  # empty content/, every chart drawn
            shutil.rmtree(content)
            cached_s, _ = measure(*build)  # empty content/, every chart from the cache
            rebuild_s, _ = measure(*build)  # nothing changed
            edit_one_count(incidents)
            edit_s, _ = measure(*build)  # one count changed: its pages, its year's charts, the totals
            site_s, site_mb = measure(python, "-m", "generator", "site", "--content", str(content), "--output", str(work_path / "site"))
            total_mb, largest_kb, pages, oversized = site_figures(work_path / "site")
            peak = max(validate_mb, first_mb, site_mb)
            cells = (
                f"{count:,}", f"{validate_s:.1f} s", f"{first_s:.1f} s", f"{cached_s:.1f} s", f"{rebuild_s:.1f} s", f"{edit_s:.1f} s",
                f"{site_s:.1f} s", f"{peak:.0f}", f"{pages:,}", f"{total_mb:.0f}", f"{largest_kb:.0f}", f"{oversized}",
            )
            print(" | ".join(f"{cell:>{width}}" for cell, (_, width) in zip(cells, COLUMNS, strict=True)))
    print(
        "\nEach build column is `python -m generator build` (validate, render, write) as its own process:"
        "\n  first build   = empty content/ and chart cache: every page rendered and written, every chart drawn;"
        "\n  charts cached = empty content/, charts from the cache (a build after `rm -rf content`, or CI with a cache);"
        "\n  rebuild       = the same input again: pages whose inputs did not change are neither rendered nor written;"
        "\n  one edit      = after adding one person to one incident's count, as an HHS update does."
        "\nsite = both MkDocs builds in parallel, then the Pagefind index."
    )


if __name__ == "__main__":
    main(sys.argv[1:])
