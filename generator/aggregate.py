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

from generator.model import CASE_SUMMARY_KINDS, Event, Incident, PartialDate
from generator.ids import unique_id
from generator.organizations import OrganizationKey, organization_key
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
    events: tuple[EventSummary, ...] = ()
    """Attacks that reached many organizations, most people affected first."""
    organizations: tuple[OrganizationGroup, ...] = ()
    """Organizations with two reports or more, most reports first."""

    def breakdown(self, vocabulary_name: str) -> Breakdown:
        return next(item for item in self.breakdowns if item.vocabulary == vocabulary_name)

    @cached_property
    def events_of(self) -> dict[str, tuple[Event, ...]]:
        """{incident id: the events it belongs to}"""
        found: dict[str, list[Event]] = {}
        for summary in self.events:
            for incident in summary.members:
                found.setdefault(incident.id, []).append(summary.event)
        return {incident_id: tuple(events) for incident_id, events in found.items()}

    @cached_property
    def organization_of(self) -> dict[str, OrganizationGroup]:
        """{incident id: its organization's group}, for the organizations with a page."""
        return {incident.id: group for group in self.organizations for incident in group.incidents}

    @cached_property
    def hhs_as_of(self) -> PartialDate | None:
        """The date of the newest HHS list the figures come from: the official numbers keep moving."""
        return max((incident.hhs.last_seen for incident in self.incidents if incident.hhs), key=PartialDate.sort_key, default=None)

    @cached_property
    def event_totals(self) -> Totals:
        """The reports that belong to at least one event, each counted once."""
        return totals(self.by_id[incident_id] for incident_id in self.events_of)

    def events_in_year(self, year: int) -> list[tuple[EventSummary, Totals]]:
        """The events with member reports in `year`, and those members' totals, most people first."""
        found = [(summary, totals(incident for incident in summary.members if incident.year == year)) for summary in self.events]
        return sorted(((summary, year_totals) for summary, year_totals in found if year_totals.incidents), key=lambda item: -item[1].individuals)

    @cached_property
    def by_id(self) -> dict[str, Incident]:
        return {incident.id: incident for incident in self.incidents}

    def year_before(self, summary: YearSummary) -> YearSummary | None:
        """The calendar year before, if it has incidents; a gap year gives None rather than a wrong comparison."""
        return next((other for other in self.years if other.year == summary.year - 1), None)


@dataclass(frozen=True)
class EventSummary:
    event: Event
    members: tuple[Incident, ...]
    """Newest first."""
    totals: Totals

    @property
    def years(self) -> list[tuple[int, Totals]]:
        """(year, totals of the members reported that year), oldest first."""
        return [(year, totals(incident for incident in self.members if incident.year == year)) for year in sorted({incident.year for incident in self.members})]


@dataclass(frozen=True)
class OrganizationGroup:
    """The reports one organization filed, under the names HHS spelled it with."""

    key: OrganizationKey
    incidents: tuple[Incident, ...]
    """Newest first."""
    totals: Totals
    slug: str
    """Its page's id (the key's slug, made unique)."""

    @property
    def name(self) -> str:
        """The name people wrote for it (a researched report), else the name of its newest report."""
        return next((incident.organization.name for incident in self.incidents if incident.researched), self.incidents[0].organization.name)

    @property
    def names(self) -> list[str]:
        """Every spelling its reports use, newest first."""
        return list(dict.fromkeys(incident.organization.name for incident in self.incidents))

    @property
    def state(self) -> str | None:
        return self.key.state


def event_summaries(events: Iterable[Event], by_id: dict[str, Incident]) -> tuple[EventSummary, ...]:
    summaries = []
    for event in events:
        members = newest_first(by_id[member] for member in event.members)
        summaries.append(EventSummary(event, members, totals(members)))
    return tuple(sorted(summaries, key=lambda summary: (-summary.totals.individuals, summary.event.id)))


def organization_groups(incidents: Iterable[Incident], minimum: int = 2) -> tuple[OrganizationGroup, ...]:
    """Reports grouped by organization (generator.organizations.organization_key); groups of `minimum` or more."""
    grouped: dict[OrganizationKey, list[Incident]] = {}
    for incident in incidents:
        grouped.setdefault(organization_key(incident.organization.name, incident.organization.state), []).append(incident)
    taken: set[str] = set()
    groups = []
    for key in sorted(grouped, key=lambda key: (key.name, key.state or "")):
        if len(grouped[key]) >= minimum:
            page_id = unique_id(key.slug, taken)
            taken.add(page_id)
            groups.append(OrganizationGroup(key, newest_first(grouped[key]), totals(grouped[key]), page_id))
    return tuple(sorted(groups, key=lambda group: (-group.totals.incidents, -group.totals.individuals, group.slug)))


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


def overview(incidents: Iterable[Incident], events: Iterable[Event] = ()) -> Overview:
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
        events=event_summaries(events, {incident.id: incident for incident in ordered}),
        organizations=organization_groups(ordered),
    )
