"""How the build scales: validate, generate and the MkDocs build, on 100, 1,000 and all incidents.

    .venv/bin/python benchmarks/scale.py            # sizes 100, 1000 and all of incidents/
    .venv/bin/python benchmarks/scale.py 500 all     # other sizes

Prints wall time and peak memory of each step (each runs as its own process, as a user runs it), the
site's total size, its largest page and how many pages pass 150 KB. Prints figures; asserts nothing.
Targets for the full set on a 2-core machine: validate + generate under 10 s, the whole site under
90 s, no HTML page over 150 KB, the site under 400 MB.
"""

from __future__ import annotations

import os
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


def main(arguments: list[str]) -> None:
    sizes = [None if value == "all" else int(value) for value in (arguments or ["100", "1000", "all"])]
    python = sys.executable
    print(f"{'incidents':>9} | {'validate':>8} | {'generate':>8} | {'warm':>8} | {'site':>7} | {'peak MB':>7} | {'pages':>6} | {'site MB':>7} | {'largest KB':>10} | {'> 150 KB':>8}")
    print("-" * 107)
    for size in sizes:
        with tempfile.TemporaryDirectory() as work:
            work_path = Path(work)
            count = subset(REPO_ROOT / "incidents", size, work_path / "incidents")
            validate_s, validate_mb = measure(python, "-m", "generator", "validate", "--incidents", str(work_path / "incidents"))
            build = (
                python, "-m", "generator", "build", "--incidents", str(work_path / "incidents"), "--content", str(work_path / "content"),
                "--chart-cache", str(work_path / "chart-cache"),
            )
            generate_s, generate_mb = measure(*build)  # every chart SVG drawn
            warm_s, _ = measure(*build)  # every chart SVG from the cache, as on a rebuild
            site_s, site_mb = measure(python, "-m", "generator", "site", "--content", str(work_path / "content"), "--output", str(work_path / "site"))
            total_mb, largest_kb, pages, oversized = site_figures(work_path / "site")
            peak = max(validate_mb, generate_mb, site_mb)
            print(
                f"{count:>9,} | {validate_s:>6.1f} s | {generate_s:>6.1f} s | {warm_s:>6.1f} s | {site_s:>5.1f} s | {peak:>7.0f} | {pages:>6,} | "
                f"{total_mb:>7.0f} | {largest_kb:>10.0f} | {oversized:>8}"
            )
    print(
        "\ngenerate = validate + render + write (what `python -m generator build` does), drawing every chart's SVG;"
        "\nwarm = the same build again, charts from the SVG cache; site = both MkDocs builds, in parallel."
    )


if __name__ == "__main__":
    main(sys.argv[1:])
