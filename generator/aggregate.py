"""Stage 3: every figure the site prints, computed once from the typed incidents (pure functions).

Pages and charts read these figures; neither computes a total of its own.
An incident's year is the year of its HHS report (as HHS counts), else of its discovery or start.
An incident's people affected is the latest count in its history, placeholders (500/501) included,
as in HHS's own totals; the number of placeholders is kept so pages can say so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.model import Incident
from generator.vocab import vocabulary


@dataclass(frozen=True)
class BreakdownRow:
    code: str | None
    """None where the source gives no value (HHS leaves some cells empty)."""
    incidents: int
    individuals: int


@dataclass(frozen=True)
class Breakdown:
    vocabulary: str
    rows: tuple[BreakdownRow, ...]


@dataclass(frozen=True)
class Totals:
    incidents: int
    individuals: int
    placeholders: int


@dataclass(frozen=True)
class MonthSummary:
    year: int
    month: int
    totals: Totals
    incidents: tuple[Incident, ...]
    """Newest first."""

    @property
    def slug(self) -> str:
        return f"{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class YearSummary:
    year: int
    totals: Totals
    incidents: tuple[Incident, ...]
    """Newest first."""
    breakdowns: tuple[Breakdown, ...]
    largest: tuple[Incident, ...]
    """The largest by people affected, largest first."""
    months: tuple[MonthSummary, ...]
    """Newest month first; incidents whose date gives no month are in `undated`."""
    undated: tuple[Incident, ...]


@dataclass(frozen=True)
class Overview:
    totals: Totals
    years: tuple[YearSummary, ...]
    """Newest year first."""
    incidents: tuple[Incident, ...]
    """Every incident, newest first."""


def newest_first(incidents: Iterable[Incident]) -> tuple[Incident, ...]:
    return tuple(sorted(incidents, key=lambda incident: (incident.reference_date.sort_key(), incident.id), reverse=True))


def totals(incidents: Iterable[Incident]) -> Totals:
    incidents = list(incidents)
    return Totals(
        incidents=len(incidents),
        individuals=sum(incident.latest_count.count or 0 for incident in incidents),
        placeholders=sum(1 for incident in incidents if incident.latest_count.placeholder),
    )


def breakdown(incidents: Iterable[Incident], vocabulary_name: str, codes_of: Callable[[Incident], Iterable[str]]) -> Breakdown:
    """Incidents and people per category; an incident with two categories counts in both rows."""
    incident_counts: Counter[str] = Counter()
    individual_sums: Counter[str] = Counter()
    for incident in incidents:
        for code in set(codes_of(incident)):
            incident_counts[code] += 1
            individual_sums[code] += incident.latest_count.count or 0
    order = {code: position for position, code in enumerate(vocabulary(vocabulary_name).codes)}
    order[None] = len(order)
    rows = sorted(incident_counts, key=lambda code: (-incident_counts[code], order[code]))
    return Breakdown(
        vocabulary=vocabulary_name,
        rows=tuple(BreakdownRow(code, incident_counts[code], individual_sums[code]) for code in rows),
    )


YEAR_BREAKDOWNS: tuple[tuple[str, Callable[[Incident], Iterable[str]]], ...] = (
    ("entity_type", lambda incident: [incident.organization.entity_type]),
    ("breach_type", lambda incident: incident.breach.types),
    ("location", lambda incident: incident.breach.locations),
)


LARGEST_PER_YEAR = 20


def largest(incidents: Iterable[Incident], count: int) -> tuple[Incident, ...]:
    return tuple(sorted(incidents, key=lambda incident: (-(incident.latest_count.count or 0), incident.id))[:count])


def year_summary(year: int, incidents: Iterable[Incident]) -> YearSummary:
    ordered = newest_first(incidents)
    by_month: dict[int, list[Incident]] = {}
    for incident in ordered:
        if incident.reference_date.month is not None:
            by_month.setdefault(incident.reference_date.month, []).append(incident)
    return YearSummary(
        year=year,
        totals=totals(ordered),
        incidents=ordered,
        breakdowns=tuple(breakdown(ordered, name, codes_of) for name, codes_of in YEAR_BREAKDOWNS),
        largest=largest(ordered, LARGEST_PER_YEAR),
        months=tuple(MonthSummary(year, month, totals(items), tuple(items)) for month, items in sorted(by_month.items(), reverse=True)),
        undated=tuple(incident for incident in ordered if incident.reference_date.month is None),
    )


def overview(incidents: Iterable[Incident]) -> Overview:
    ordered = newest_first(incidents)
    by_year: dict[int, list[Incident]] = {}
    for incident in ordered:
        by_year.setdefault(incident.year, []).append(incident)
    return Overview(
        totals=totals(ordered),
        years=tuple(year_summary(year, by_year[year]) for year in sorted(by_year, reverse=True)),
        incidents=ordered,
    )
