"""The fixture site's generated text files, compared with tests/golden/site/ (reviewed by eye when they change).

Refresh after an intended change, then read the diff before committing it:

    .venv/bin/python -m tests.golden_site
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

GOLDEN_SITE = Path(__file__).resolve().parent / "golden" / "site"
SKIPPED_ENDINGS = (".svg", ".png", ".vg.json")
"""Made by vl-convert from the chart specs tests/test_charts.py checks: images, and the live charts' Vega
specs, which the browser tests draw."""
SKIPPED_NAMES = (".build.json",)
"""Carries the generator's fingerprint, which changes with every change to the code."""


def golden_files(content: Path) -> dict[str, bytes]:
    """{path under content/: bytes} of every file the golden folder holds."""
    return {
        path.relative_to(content).as_posix(): path.read_bytes()
        for path in sorted(content.rglob("*"))
        if path.is_file() and not path.name.endswith(SKIPPED_ENDINGS) and path.name not in SKIPPED_NAMES
    }


def refresh() -> int:
    from generator.write import remove, write_files
    from tests.conftest import build_fixture_site

    with tempfile.TemporaryDirectory() as folder:
        files = golden_files(build_fixture_site(Path(folder)).content)
    remove(GOLDEN_SITE)
    write_files({GOLDEN_SITE / path: data for path, data in files.items()})
    print(f"golden_site: wrote {len(files)} files into {GOLDEN_SITE}; review the diff (git diff --stat tests/golden/site)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(refresh())
