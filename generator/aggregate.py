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
from functools import cached_property

from generator.model import CASE_SUMMARY_KINDS, Incident, PartialDate
from generator.vocab import BUSINESS_ASSOCIATE, BUSINESS_ASSOCIATE_CODES, category_codes


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
class CaseSummaryFigures:
    """What OCR's case summaries say across a set of reports: only the summarised ones count."""

    reports: int
    """Reports with a case summary: the denominator of every share (the newest reports have none yet)."""
    hhs_reports: int
    """Incidents with an HHS report, summarised or not: what `reports` is a part of."""
    breakdowns: tuple[Breakdown, ...]

    def breakdown(self, vocabulary_name: str) -> Breakdown:
        return next(item for item in self.breakdowns if item.vocabulary == vocabulary_name)

    def share(self, vocabulary_name: str, code: str) -> float | None:
        """The fraction of summarised reports naming a code; None when no report is summarised."""
        if not self.reports:
            return None
        row = next((row for row in self.breakdown(vocabulary_name).rows if row.code == code), None)
        return row.incidents / self.reports if row else 0.0


def case_summary_figures(incidents: Iterable[Incident]) -> CaseSummaryFigures:
    incidents = list(incidents)
    summarised = [incident for incident in incidents if incident.case_summary is not None]
    return CaseSummaryFigures(
        reports=len(summarised),
        hhs_reports=sum(1 for incident in incidents if incident.hhs is not None),
        breakdowns=tuple(
            breakdown(summarised, vocabulary_name, lambda incident, kind=kind: getattr(incident.case_summary, kind))
            for kind, vocabulary_name in CASE_SUMMARY_KINDS
        ),
    )


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
    case_summaries: CaseSummaryFigures

    def breakdown(self, vocabulary_name: str) -> Breakdown:
        return next(item for item in self.breakdowns if item.vocabulary == vocabulary_name)

    def share(self, vocabulary_name: str, code: str) -> float:
        """The fraction of the year's incidents in one category (0 for a year without incidents)."""
        row = next((row for row in self.breakdown(vocabulary_name).rows if row.code == code), None)
        return row.incidents / self.totals.incidents if row and self.totals.incidents else 0.0


@dataclass(frozen=True)
class ActorRow:
    name: str
    incidents: int
    individuals: int


@dataclass(frozen=True)
class Overview:
    totals: Totals
    years: tuple[YearSummary, ...]
    """Newest year first."""
    incidents: tuple[Incident, ...]
    """Every incident, newest first."""
    breakdowns: tuple[Breakdown, ...]
    """All years together."""
    threat_actors: tuple[ActorRow, ...]
    """Named threat actors, most incidents first; most incidents name none."""
    data_until: PartialDate
    """The newest incident's date: the data's year is complete only if this is in December."""
    case_summaries: CaseSummaryFigures

    def breakdown(self, vocabulary_name: str) -> Breakdown:
        return next(item for item in self.breakdowns if item.vocabulary == vocabulary_name)

    @cached_property
    def by_id(self) -> dict[str, Incident]:
        return {incident.id: incident for incident in self.incidents}

    def year_before(self, summary: YearSummary) -> YearSummary | None:
        """The calendar year before, if it has incidents; a gap year gives None rather than a wrong comparison."""
        return next((other for other in self.years if other.year == summary.year - 1), None)


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
    order: dict[str | None, int] = {code: position for position, code in enumerate(category_codes(vocabulary_name))}
    order[None] = len(order)
    rows = sorted(incident_counts, key=lambda code: (-incident_counts[code], order[code]))
    return Breakdown(
        vocabulary=vocabulary_name,
        rows=tuple(BreakdownRow(code, incident_counts[code], individual_sums[code]) for code in rows),
    )


def _business_associate(incident: Incident) -> list[str]:
    involved = incident.breach.business_associate
    return [] if involved is None else [BUSINESS_ASSOCIATE_CODES[0] if involved else BUSINESS_ASSOCIATE_CODES[1]]


YEAR_BREAKDOWNS: tuple[tuple[str, Callable[[Incident], Iterable[str]]], ...] = (
    ("breach_type", lambda incident: incident.breach.types),
    ("entity_type", lambda incident: [incident.organization.entity_type]),
    ("location", lambda incident: incident.breach.locations),
    (BUSINESS_ASSOCIATE, _business_associate),
    ("us_state", lambda incident: [incident.organization.state] if incident.organization.state else []),
)
"""The categories every year (and all years together) is broken down by, in the order pages show them."""


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
        case_summaries=case_summary_figures(ordered),
    )


HACKING = "hacking_it_incident"
"""The breach type whose share over the years the statistics follow."""


def threat_actors(incidents: Iterable[Incident]) -> tuple[ActorRow, ...]:
    """Named threat actors; spelling variants ("LockBit", "Lockbit") count as one, under the most used spelling."""
    spellings: dict[str, Counter[str]] = {}
    members: dict[str, list[Incident]] = {}
    for incident in incidents:
        name = incident.breach.threat_actor
        if not name or not name.strip():
            continue
        key = " ".join(name.split()).casefold()
        spellings.setdefault(key, Counter())[name.strip()] += 1
        members.setdefault(key, []).append(incident)
    rows = [
        ActorRow(spellings[key].most_common(1)[0][0], len(items), sum(item.latest_count.count or 0 for item in items))
        for key, items in members.items()
    ]
    return tuple(sorted(rows, key=lambda row: (-row.incidents, -row.individuals, row.name.casefold())))


def overview(incidents: Iterable[Incident]) -> Overview:
    ordered = newest_first(incidents)
    by_year: dict[int, list[Incident]] = {}
    for incident in ordered:
        by_year.setdefault(incident.year, []).append(incident)
    return Overview(
        totals=totals(ordered),
        years=tuple(year_summary(year, by_year[year]) for year in sorted(by_year, reverse=True)),
        incidents=ordered,
        breakdowns=tuple(breakdown(ordered, name, codes_of) for name, codes_of in YEAR_BREAKDOWNS),
        threat_actors=threat_actors(ordered),
        data_until=ordered[0].reference_date if ordered else PartialDate(0),
        case_summaries=case_summary_figures(ordered),
    )
