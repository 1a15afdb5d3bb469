"""Recognise the same HHS report across exports. Pure functions over plain values.

HHS gives a report no identifier, so a report is recognised by what it says about itself:
1. the same organization name (reduced to lower-case words), state and submission date; within such a
   group (a business associate often files several reports on one day), rows pair with reports of the
   same entity type and count, then of the same count, then of the same entity type where that is
   unique, then one with one;
2. failing that, a report this export has not already claimed with the same state, submission date,
   entity type and count (or a placeholder count, 500 or 501, which is expected to change), and a
   similar name (HHS sometimes renames: "Ardon Health" -> "Ardon Health LLC");
3. failing that, HHS renamed a report and changed its count in the same update ("Perry Johnson &
   Associates, Inc., which does business as PJ&A", 8,952,212 -> "... dba PJ&A", 9,302,588): the one
   report with the same state, submission date, entity type and a similar name that this export does not
   list, when this export has exactly one such row left.
When two rows could each be two reports, that is reported as a problem: never a guess.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.importers.hhs_export import ExportRow, matching_name

SIMILAR_NAMES = 0.5
"""Share of all their name words two names must have in common (Jaccard) for the rename fallback..."""
CONTAINED_NAME = 0.8
"""...or share of the shorter name's words found in the longer one ("Sincera Reproductive Medicine")."""
PLACEHOLDER_COUNTS = (500, 501)


@dataclass(frozen=True)
class KnownReport:
    """What the project already knows of one report: enough to recognise it in an export."""

    incident_id: str
    name: str
    state: str | None
    submitted: dt.date | None
    entity_type: str | None
    individuals: int | None
    last_seen: tuple[int, int, int] = (0, 0, 0)
    """Sort key of the newest export that listed it: among identical reports, the one seen last pairs first."""

    @property
    def key(self) -> tuple[str, str | None, dt.date | None]:
        return (matching_name(self.name), self.state, self.submitted)


@dataclass(frozen=True)
class Ambiguity:
    rows: tuple[ExportRow, ...]
    candidates: tuple[str, ...]
    """Incident ids any of the rows could be."""


def _row_key(row: ExportRow) -> tuple[str, str | None, dt.date]:
    return (matching_name(row.name), row.state, row.submitted)


def similar_names(first: str, second: str) -> bool:
    words_first, words_second = set(matching_name(first).split()), set(matching_name(second).split())
    if not words_first or not words_second:
        return False
    shared = len(words_first & words_second)
    jaccard = shared / len(words_first | words_second)
    contained = shared / min(len(words_first), len(words_second))
    return jaccard >= SIMILAR_NAMES or contained >= CONTAINED_NAME


def _pair_group(
    rows: list[ExportRow], candidates: list[KnownReport]
) -> tuple[dict[int, KnownReport], list[ExportRow], list[KnownReport]]:
    """Pair rows of one (name, state, date) group with the reports known under that key."""
    pairs: dict[int, KnownReport] = {}
    rows_left, candidates_left = list(rows), list(candidates)

    def take(row: ExportRow, report: KnownReport) -> None:
        pairs[row.line] = report
        rows_left.remove(row)
        candidates_left.remove(report)

    # Identical facts: any pairing is the same pairing.
    for row in list(rows_left):
        same = [c for c in candidates_left if (c.entity_type, c.individuals) == (row.entity_type, row.individuals)]
        if same:
            take(row, same[0])
    # One fact in common, where it singles out exactly one report for exactly one row.
    attributes: list[Callable[[ExportRow | KnownReport], object]] = [
        lambda item: item.individuals,
        lambda item: item.entity_type,
    ]
    for attribute in attributes:
        for row in list(rows_left):
            same = [c for c in candidates_left if attribute(c) == attribute(row)]
            rivals = [r for r in rows_left if attribute(r) == attribute(row)]
            if len(same) == 1 and len(rivals) == 1:
                take(row, same[0])
    if len(rows_left) == 1 and len(candidates_left) == 1:
        take(rows_left[0], candidates_left[0])
    return pairs, rows_left, candidates_left


def match_rows(rows: Sequence[ExportRow], known: Sequence[KnownReport]) -> tuple[dict[int, KnownReport], list[Ambiguity]]:
    """{row line: the known report it is}; rows missing from the result are new reports."""
    by_key: dict[tuple, list[KnownReport]] = defaultdict(list)
    for report in sorted(known, key=lambda report: (tuple(-part for part in report.last_seen), report.incident_id)):
        by_key[report.key].append(report)
    groups: dict[tuple, list[ExportRow]] = defaultdict(list)
    for row in rows:
        groups[_row_key(row)].append(row)

    matched: dict[int, KnownReport] = {}
    ambiguities: list[Ambiguity] = []
    unmatched: list[ExportRow] = []
    for key, group in groups.items():
        pairs, rows_left, candidates_left = _pair_group(group, by_key.get(key, []))
        matched.update(pairs)
        if rows_left and candidates_left:
            ambiguities.append(Ambiguity(tuple(rows_left), tuple(c.incident_id for c in candidates_left)))
        else:
            unmatched.extend(rows_left)

    claimed = {report.incident_id for report in matched.values()}
    by_day: dict[tuple, list[KnownReport]] = defaultdict(list)
    for report in known:
        if report.incident_id not in claimed:
            by_day[(report.state, report.submitted)].append(report)
    for row in unmatched:
        candidates = [
            report
            for report in by_day.get((row.state, row.submitted), [])
            if report.incident_id not in claimed
            and report.entity_type == row.entity_type
            and (report.individuals == row.individuals or {report.individuals, row.individuals} & set(PLACEHOLDER_COUNTS))
            and similar_names(report.name, row.name)
        ]
        if len(candidates) == 1:
            matched[row.line] = candidates[0]
            claimed.add(candidates[0].incident_id)
        elif len(candidates) > 1:
            ambiguities.append(Ambiguity((row,), tuple(c.incident_id for c in candidates)))
    still_unmatched = [row for row in unmatched if row.line not in matched]
    for row in still_unmatched:
        rivals = [other for other in still_unmatched if (other.state, other.submitted, other.entity_type) == (row.state, row.submitted, row.entity_type)]
        candidates = [
            report
            for report in by_day.get((row.state, row.submitted), [])
            if report.incident_id not in claimed and report.entity_type == row.entity_type and similar_names(report.name, row.name)
        ]
        if len(rivals) == 1 and len(candidates) == 1:
            matched[row.line] = candidates[0]
            claimed.add(candidates[0].incident_id)
    return matched, ambiguities
