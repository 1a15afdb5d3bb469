"""OCR's case summaries from the archive exports in ../shared, when that folder is present.

The summaries are read into memory for measuring and never written into the project. A report is
keyed as `name|state|submitted|count` (the name tidied), which is how the labelled set refers to it.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.importers.hhs_export import ExportRow, read_export  # noqa: E402
from generator.model import tidy_name  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "hhs-ocr"
ARCHIVES = ("archive_asof_2024-06.csv", "archive_asof_2024-10.csv")
"""Oldest first: a newer export's summary of a report replaces an older one's."""
RESEARCH_REPORT = "research_report_providers_hacking_2015-2025.xlsx"
"""A filtered export of 2025-05 (providers; hacking or unauthorized access) that also carries summaries, some of
reports closed after the newest archive export: those are in none of sets 1-19."""
SAMPLE_SEED = 20261201


def report_key(row: ExportRow) -> str:
    return f"{tidy_name(row.name)}|{row.state or ''}|{row.submitted.isoformat()}|{row.individuals if row.individuals is not None else ''}"


def summarised_reports() -> dict[str, ExportRow] | None:
    """Every archived report with a summary, by key; None when ../shared is absent."""
    if not all((SHARED / name).exists() for name in ARCHIVES):
        return None
    reports: dict[str, ExportRow] = {}
    for name in ARCHIVES:
        for row in read_export(SHARED / name, name, "archive", None).rows:
            if row.description:
                reports[report_key(row)] = row
    return reports


def summarised_only_in_research_report(archived: dict[str, ExportRow]) -> dict[str, ExportRow] | None:
    """The research report's summarised reports that no archive export summarises, by key; None when it is absent."""
    path = SHARED / RESEARCH_REPORT
    if not path.exists():
        return None
    rows = read_export(path, RESEARCH_REPORT, "research_report", None).rows
    return {report_key(row): row for row in rows if row.description and report_key(row) not in archived}


def research_report_sample(reports: dict[str, ExportRow]) -> list[str]:
    """The keys of the research-report set: every report `summarised_only_in_research_report` gives, in a seeded order."""
    keys = sorted(reports)
    return random.Random(SAMPLE_SEED + len(SET_SIZES)).sample(keys, len(keys))


SET_SIZES = (200, 100, 100, 100, 150, 200, 200, 200, 200, 200, 200, 200, 200, 400, 400, 400, 400, 400, 567)
"""How many reports each labelled set holds, in the order they were drawn: set n is drawn with seed
SAMPLE_SEED + n - 1 from the reports in none of the sets before it, so no report is in two sets."""


def sample(reports: dict[str, ExportRow], number: int) -> list[str]:
    """The keys of labelled set `number` (1-based), in the order they were drawn."""
    taken: set[str] = set()
    for earlier in range(1, number):
        taken |= set(_drawn(reports, earlier, frozenset(taken)))
    return _drawn(reports, number, frozenset(taken))


def _drawn(reports: dict[str, ExportRow], number: int, taken: frozenset[str]) -> list[str]:
    return random.Random(SAMPLE_SEED + number - 1).sample(sorted(key for key in reports if key not in taken), SET_SIZES[number - 1])
