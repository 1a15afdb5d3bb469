"""The full-scale build, checked: every real incident, generated and built as `make site` builds it.

    .venv/bin/python benchmarks/full_site.py                    # builds into a temporary folder
    .venv/bin/python benchmarks/full_site.py --site site --content content   # checks a build already made

The test suite builds a small fixture site; this is the same pipeline at 15,000 pages, run by the
pull-request workflow's build job. Prints timings and counts; exits 1 if a check fails:
- every incident has a page in both languages, and every year a page with its table;
- every page declares its language, and no page loads anything from another host;
- the language switch of a sample of pages leads to the same page in the other language.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from generator.load import incident_files, load_incident_files  # noqa: E402
from generator.validate import validate  # noqa: E402

OUTSIDE = re.compile(r"<(script|link|img|iframe|source)\b[^>]*?\b(?:src|href)=\"(?:https?:)?//")


def run(*args: str) -> float:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "generator", *args], cwd=REPO_ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        sys.exit(f"full_site: `generator {' '.join(args)}` failed ({result.returncode})")
    return time.monotonic() - started


def check(site: Path) -> list[str]:
    failures = []
    result = validate(load_incident_files(incident_files(REPO_ROOT / "incidents"), REPO_ROOT), dt.date.today())
    incidents = result.incidents
    for incident in incidents:
        for prefix in ("", "zh/"):
            if not (site / prefix / "incidents" / incident.id / "index.html").is_file():
                failures.append(f"no page: {prefix}incidents/{incident.id}/")
    for year in sorted({incident.year for incident in incidents}):
        for prefix in ("", "zh/"):
            page = site / prefix / "years" / str(year) / "index.html"
            if not page.is_file() or "<table>" not in page.read_text(encoding="utf-8"):
                failures.append(f"no year table: {prefix}years/{year}/")
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        relative = page.relative_to(site).as_posix()
        lang = "zh" if relative.startswith("zh/") else "en"
        if relative != "404.html" and f'<html lang="{lang}"' not in text:
            failures.append(f"{relative}: not <html lang=\"{lang}\">")
        if OUTSIDE.search(text) or "fonts.googleapis.com" in text:
            failures.append(f"{relative}: loads something from another host")
    largest = max(incidents, key=lambda incident: incident.latest_count.count or 0)
    for path in ("", "incidents/", "years/", f"incidents/{largest.id}/", f"years/{largest.year}/"):
        english = (site / path / "index.html").read_text(encoding="utf-8")
        chinese = (site / "zh" / path / "index.html").read_text(encoding="utf-8")
        back = re.search(r'href="([^"]*)" hreflang="en" class="md-select__link"', chinese)
        there = re.search(r'href="([^"]*)" hreflang="zh" class="md-select__link"', english)
        depth = path.count("/")
        if not back or not there or (path and (back.group(1), there.group(1)) != ("../" * (depth + 1) + path, "../" * depth + f"zh/{path}")):
            failures.append(f"{path or 'home'}: the language switch does not lead to the same page")
    print(f"full_site: {len(incidents):,} incidents, {len(pages):,} HTML pages checked, {len(failures)} problems", file=sys.stderr)
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site already built (with --content)")
    parser.add_argument("--content", type=Path, help="the content/ it was built from")
    args = parser.parse_args()
    if args.site:
        failures = check(args.site)
    else:
        with tempfile.TemporaryDirectory() as folder:
            content, site = Path(folder) / "content", Path(folder) / "site"
            generate = run("build", "--content", str(content))
            build = run("site", "--content", str(content), "--output", str(site))
            print(f"full_site: generate {generate:.1f} s, MkDocs and search {build:.1f} s", file=sys.stderr)
            failures = check(site)
    print("\n".join(failures[:50]))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
