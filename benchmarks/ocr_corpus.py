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
SAMPLE_SEED = 20261201
SAMPLE_SIZE = 200


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


HOLDOUT_SIZE = 100


def labelled_sample(reports: dict[str, ExportRow]) -> list[str]:
    """The keys of the evaluation set: a fixed-seed random sample of the summarised reports."""
    return random.Random(SAMPLE_SEED).sample(sorted(reports), SAMPLE_SIZE)


def holdout_sample(reports: dict[str, ExportRow]) -> list[str]:
    """The keys of the second set: from the reports not in the first."""
    taken = set(labelled_sample(reports))
    return random.Random(SAMPLE_SEED + 1).sample(sorted(key for key in reports if key not in taken), HOLDOUT_SIZE)


def third_sample(reports: dict[str, ExportRow]) -> list[str]:
    """The keys of the test set: a third sample, from the reports in neither other set."""
    taken = set(labelled_sample(reports)) | set(holdout_sample(reports))
    return random.Random(SAMPLE_SEED + 2).sample(sorted(key for key in reports if key not in taken), HOLDOUT_SIZE)


def fourth_sample(reports: dict[str, ExportRow]) -> list[str]:
    """The keys of the fourth set: from the reports in none of the earlier sets."""
    taken = set(labelled_sample(reports)) | set(holdout_sample(reports)) | set(third_sample(reports))
    return random.Random(SAMPLE_SEED + 3).sample(sorted(key for key in reports if key not in taken), HOLDOUT_SIZE)


def fifth_sample(reports: dict[str, ExportRow]) -> list[str]:
    """The keys of the fifth set: 150 reports in none of the earlier sets."""
    taken = set(labelled_sample(reports)) | set(holdout_sample(reports)) | set(third_sample(reports)) | set(fourth_sample(reports))
    return random.Random(SAMPLE_SEED + 4).sample(sorted(key for key in reports if key not in taken), 150)


def sixth_sample(reports: dict[str, ExportRow]) -> list[str]:
    """The keys of the sixth set: 200 reports in none of the earlier sets."""
    taken = set(labelled_sample(reports)) | set(holdout_sample(reports)) | set(third_sample(reports)) | set(fourth_sample(reports)) | set(fifth_sample(reports))
    return random.Random(SAMPLE_SEED + 5).sample(sorted(key for key in reports if key not in taken), 200)


FINAL_SIZE = 200


def _earlier_sets(reports: dict[str, ExportRow]) -> set[str]:
    return (
        set(labelled_sample(reports)) | set(holdout_sample(reports)) | set(third_sample(reports))
        | set(fourth_sample(reports)) | set(fifth_sample(reports)) | set(sixth_sample(reports))
    )


def seventh_sample(reports: dict[str, ExportRow]) -> list[str]:
    """The keys of the seventh set: 200 reports in none of the first six. It was the final set of
    session 4 (measured once blind), then used to refine the rules."""
    taken = _earlier_sets(reports)
    return random.Random(SAMPLE_SEED + 6).sample(sorted(key for key in reports if key not in taken), FINAL_SIZE)


def eighth_sample(reports: dict[str, ExportRow]) -> list[str]:
    """The keys of the eighth set: 200 reports in none of the first seven, measured once blind, then used
    to refine the rules."""
    taken = _earlier_sets(reports) | set(seventh_sample(reports))
    return random.Random(SAMPLE_SEED + 7).sample(sorted(key for key in reports if key not in taken), FINAL_SIZE)


def ninth_sample(reports: dict[str, ExportRow]) -> list[str]:
    """The keys of the ninth set: 200 reports in none of the first eight, measured once blind, then used
    to refine the rules."""
    taken = _earlier_sets(reports) | set(seventh_sample(reports)) | set(eighth_sample(reports))
    return random.Random(SAMPLE_SEED + 8).sample(sorted(key for key in reports if key not in taken), FINAL_SIZE)


def tenth_sample(reports: dict[str, ExportRow]) -> list[str]:
    """The keys of the tenth set: 200 reports in none of the first nine, measured once blind, then used
    to refine the rules."""
    taken = _earlier_sets(reports) | set(seventh_sample(reports)) | set(eighth_sample(reports)) | set(ninth_sample(reports))
    return random.Random(SAMPLE_SEED + 9).sample(sorted(key for key in reports if key not in taken), FINAL_SIZE)


def eleventh_sample(reports: dict[str, ExportRow]) -> list[str]:
    """The keys of the eleventh set: 200 reports in none of the ten earlier sets. It was the final set of
    session 6 (labelled before the rules were last changed, measured once after), then used to refine them."""
    taken = (
        _earlier_sets(reports) | set(seventh_sample(reports)) | set(eighth_sample(reports)) | set(ninth_sample(reports))
        | set(tenth_sample(reports))
    )
    return random.Random(SAMPLE_SEED + 10).sample(sorted(key for key in reports if key not in taken), FINAL_SIZE)


def final_sample(reports: dict[str, ExportRow]) -> list[str]:
    """The keys of the final set: 200 reports in none of the eleven earlier sets, labelled by reading
    before the rules were last changed and measured only after that."""
    taken = (
        _earlier_sets(reports) | set(seventh_sample(reports)) | set(eighth_sample(reports)) | set(ninth_sample(reports))
        | set(tenth_sample(reports)) | set(eleventh_sample(reports))
    )
    return random.Random(SAMPLE_SEED + 11).sample(sorted(key for key in reports if key not in taken), FINAL_SIZE)
