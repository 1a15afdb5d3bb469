"""The typed incident: frozen dataclasses built from a file that passed validation.

Renderers and aggregations only see these objects, never raw dictionaries.
"""

from __future__ import annotations

import calendar
import re
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


HIDDEN_CHARACTERS = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
"""Zero-width and bidirectional control characters: they make a text display other than it reads."""

_PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date as precise as its source: year, year-month or a full day."""

    year: int
    month: int | None = None
    day: int | None = None

    @staticmethod
    def parse(text: str) -> PartialDate:
        """Raises ValueError when the text is not a real YYYY, YYYY-MM or YYYY-MM-DD date."""
        return _parse_partial_date(text)

    def earliest(self) -> dt.date:
        return dt.date(self.year, 1 if self.month is None else self.month, 1 if self.day is None else self.day)

    def latest(self) -> dt.date:
        month = 12 if self.month is None else self.month
        day = calendar.monthrange(self.year, month)[1] if self.day is None else self.day
        return dt.date(self.year, month, day)

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)


@lru_cache(maxsize=100_000)
def _parse_partial_date(text: str) -> PartialDate:
    """Cached: 7,500 files hold 60,000 dates but only a few thousand distinct ones, and the dates,
    being frozen, can be shared (which also shrinks what workers send back)."""
    match = _PARTIAL_DATE.fullmatch(text)
    if not match:
        raise ValueError(f"not a date: {text!r}")
    date = PartialDate(*(int(part) for part in match.groups() if part is not None))
    date.latest()  # raises when the month or the day does not exist
    return date


@dataclass(frozen=True)
class Bilingual:
    en: str
    zh: str

    def in_(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class Organization:
    name: str
    entity_type: str | None
    name_zh: str | None = None
    state: str | None = None
    country: str = "US"
    parent: str | None = None

    def display_name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" and self.name_zh else self.name


@dataclass(frozen=True)
class Breach:
    types: tuple[str, ...]
    locations: tuple[str, ...]
    vectors: tuple[str, ...] = ()
    threat_actor: str | None = None
    threat_actor_status: str | None = None
    """claimed or confirmed (vocabulary actor_attribution)."""
    business_associate: bool | None = None


DATE_FIELDS = ("started", "ended", "discovered", "reported", "notified")
"""Every date an incident may carry, in the order a breach usually unfolds."""


@dataclass(frozen=True)
class Dates:
    started: PartialDate | None = None
    ended: PartialDate | None = None
    discovered: PartialDate | None = None
    reported: PartialDate | None = None
    notified: PartialDate | None = None

    def present(self) -> list[tuple[str, PartialDate]]:
        return [(name, getattr(self, name)) for name in DATE_FIELDS if getattr(self, name) is not None]

    def reference(self) -> PartialDate:
        """The date that places an incident in a year: its HHS report, as HHS counts, else the earliest known."""
        for name in ("reported", "discovered", "started"):
            if getattr(self, name) is not None:
                return getattr(self, name)
        raise ValueError("an incident without a reported, discovered or started date")


@dataclass(frozen=True)
class CountRecord:
    as_of: PartialDate
    count: int | None
    """None only where HHS lists no figure."""
    source: str
    placeholder: bool = False
    qualifier: str | None = None


@dataclass(frozen=True)
class Source:
    url: str
    title: str
    publisher: str
    lang: str
    published: PartialDate | None = None


CASE_SUMMARY_KINDS: tuple[tuple[str, str], ...] = (
    ("vectors", "attack_vector"),
    ("data_types", "data_type"),
    ("actions", "entity_action"),
    ("outcomes", "ocr_outcome"),
)
"""Each kind of fact OCR's case summary gives (a field of hhs.case_summary) and the vocabulary of its codes."""


@dataclass(frozen=True)
class CaseSummaryFacts:
    """What OCR's case summary of a report states, as derived by the importer's rules (never the text)."""

    as_of: PartialDate
    """The export whose summary gave these facts."""
    vectors: tuple[str, ...] = ()
    data_types: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    business_associate: str | None = None

    def by_vocabulary(self) -> list[tuple[str, tuple[str, ...]]]:
        """(vocabulary, codes) for each kind of fact, in display order."""
        return [(vocabulary_name, getattr(self, kind)) for kind, vocabulary_name in CASE_SUMMARY_KINDS]


@dataclass(frozen=True)
class HhsReport:
    """The official report as the HHS OCR portal lists it (written by the importer, never by hand)."""

    name: str
    submitted: PartialDate
    types: tuple[str, ...]
    locations: tuple[str, ...]
    business_associate_present: bool
    first_seen: PartialDate
    last_seen: PartialDate
    state: str | None = None
    entity_type: str | None = None
    individuals_affected: int | None = None
    status: str | None = None
    case_summary: CaseSummaryFacts | None = None
    possible_duplicate: bool = False
    """An export listed it twice, word for word."""


@dataclass(frozen=True)
class Incident:
    id: str
    path: str
    title: Bilingual | None
    """None for an incident known only from HHS: the page writes a title from the facts."""
    organization: Organization
    breach: Breach
    dates: Dates
    individuals_affected: tuple[CountRecord, ...]
    data_types: tuple[str, ...]
    summary: Bilingual | None
    sources: tuple[Source, ...]
    related: tuple[str, ...]
    hhs: HhsReport | None = None

    @property
    def researched(self) -> bool:
        """Whether people have written about it, beyond what the HHS list says."""
        return self.title is not None or self.summary is not None

    @property
    def case_summary(self) -> CaseSummaryFacts | None:
        return self.hhs.case_summary if self.hhs else None

    @property
    def attack_vectors(self) -> tuple[str, ...]:
        """How it happened: what people wrote, else what OCR's case summary states."""
        return self.breach.vectors or (self.case_summary.vectors if self.case_summary else ())

    @property
    def exposed_data(self) -> tuple[str, ...]:
        """Which data: what people wrote, else what OCR's case summary states."""
        return self.data_types or (self.case_summary.data_types if self.case_summary else ())

    @property
    def latest_count(self) -> CountRecord:
        return self.individuals_affected[-1]

    @property
    def reference_date(self) -> PartialDate:
        return self.dates.reference()

    @property
    def year(self) -> int:
        return self.reference_date.year


def _date(value: str | None) -> PartialDate | None:
    return PartialDate.parse(value) if value else None


def _case_summary(block: dict[str, Any] | None) -> CaseSummaryFacts | None:
    if not block:
        return None
    return CaseSummaryFacts(
        as_of=PartialDate.parse(block["as_of"]),
        vectors=tuple(block.get("vectors") or ()),
        data_types=tuple(block.get("data_types") or ()),
        actions=tuple(block.get("actions") or ()),
        outcomes=tuple(block.get("outcomes") or ()),
        business_associate=tidy_name(block["business_associate"]) if block.get("business_associate") else None,
    )


def _hhs_report(hhs: dict[str, Any]) -> HhsReport:
    return HhsReport(
        name=hhs["name"],
        submitted=PartialDate.parse(hhs["submitted"]),
        types=tuple(hhs["types"]),
        locations=tuple(hhs["locations"]),
        business_associate_present=hhs["business_associate_present"],
        first_seen=PartialDate.parse(hhs["first_seen"]),
        last_seen=PartialDate.parse(hhs["last_seen"]),
        state=hhs.get("state"),
        entity_type=hhs.get("entity_type"),
        individuals_affected=hhs.get("individuals_affected"),
        status=hhs.get("status"),
        case_summary=_case_summary(hhs.get("case_summary")),
        possible_duplicate=bool(hhs.get("possible_duplicate")),
    )


def tidy_name(name: str) -> str:
    """An organization name for display: no stray or doubled spaces, a space after each comma.

    HHS sometimes has U+0019 where a right single quotation mark (U+2019) belongs: "Children\x19s".
    Zero-width and bidirectional controls go, as the validator refuses them in text people write.
    """
    text = HIDDEN_CHARACTERS.sub("", name.replace("\x19", "’"))
    text = re.sub(r"[\x00-\x1f\x7f]", " ", text)
    text = " ".join(text.replace("\u00a0", " ").split())
    text = re.sub(r",(?=[^\s,])", ", ", text)
    text = re.sub(r"\s+,", ",", text)
    return text.strip(" ,;")


def incident_from_data(data: dict[str, Any], path: str) -> Incident:
    """Build the typed incident. Only call on data that passed validation.

    What people wrote wins, field by field; where they wrote nothing, the HHS report supplies the fact.
    """
    hhs = _hhs_report(data["hhs"]) if data.get("hhs") else None
    organization = data.get("organization") or {}
    breach = data.get("breach") or {}
    dates = data.get("dates") or {}
    return Incident(
        id=data["id"],
        path=path,
        title=Bilingual(**data["title"]) if data.get("title") else None,
        organization=Organization(
            name=tidy_name(organization.get("name") or hhs.name),
            entity_type=organization.get("entity_type") or (hhs.entity_type if hhs else None),
            name_zh=organization.get("name_zh"),
            state=organization.get("state") or (hhs.state if hhs else None),
            country=organization.get("country") or "US",
            parent=organization.get("parent"),
        ),
        breach=Breach(
            types=tuple(breach.get("types") or (hhs.types if hhs and hhs.types else ("unknown",))),
            locations=tuple(breach.get("locations") or hhs.locations),
            vectors=tuple(breach.get("vectors") or ()),
            threat_actor=breach.get("threat_actor"),
            threat_actor_status=breach.get("threat_actor_status"),
            business_associate=breach["business_associate"]
            if breach.get("business_associate") is not None
            else (hhs.business_associate_present if hhs else None),
        ),
        dates=Dates(
            **{name: _date(dates.get(name)) for name in DATE_FIELDS}
            | ({"reported": _date(dates.get("reported")) or hhs.submitted} if hhs else {})
        ),
        individuals_affected=tuple(
            CountRecord(
                as_of=PartialDate.parse(record["as_of"]),
                count=record["count"],
                source=record["source"],
                placeholder=bool(record.get("placeholder")),
                qualifier=record.get("qualifier"),
            )
            for record in data["individuals_affected"]
        ),
        data_types=tuple(data.get("data_types") or ()),
        summary=Bilingual(**data["summary"]) if data.get("summary") else None,
        sources=tuple(
            Source(
                url=source["url"],
                title=source.get("title") or "",
                publisher=source["publisher"],
                lang=source["lang"],
                published=_date(source.get("published")),
            )
            for source in data["sources"]
        ),
        related=tuple(data.get("related") or ()),
        hhs=hhs,
    )


@dataclass(frozen=True)
class TimelineEntry:
    date: PartialDate
    text: Bilingual
    source: str
    """The url of the event's source that gives this date."""


@dataclass(frozen=True)
class Event:
    """One attack or campaign that reached many organizations, each of which filed its own report."""

    id: str
    path: str
    title: Bilingual
    summary: Bilingual
    vendor: str
    """Whom the attack hit first: the vendor whose system or product the member reports share."""
    product: str | None
    vulnerabilities: tuple[str, ...]
    """CVE ids, where the attack used known flaws."""
    threat_actor: str | None
    threat_actor_sources: tuple[str, ...]
    timeline: tuple[TimelineEntry, ...]
    sources: tuple[Source, ...]
    members: tuple[str, ...]
    """Incident ids, as the event file lists them: membership is stated here, never guessed."""


def event_from_data(data: dict[str, Any], path: str) -> Event:
    """Build the typed event. Only call on data that passed validation."""
    target, actor = data["target"], data.get("threat_actor") or {}
    return Event(
        id=data["id"],
        path=path,
        title=Bilingual(**data["title"]),
        summary=Bilingual(**data["summary"]),
        vendor=target["vendor"],
        product=target.get("product"),
        vulnerabilities=tuple(target.get("vulnerabilities") or ()),
        threat_actor=actor.get("name"),
        threat_actor_sources=tuple(actor.get("sources") or ()),
        timeline=tuple(
            TimelineEntry(PartialDate.parse(entry["date"]), Bilingual(en=entry["en"], zh=entry["zh"]), entry["source"])
            for entry in data["timeline"]
        ),
        sources=tuple(
            Source(url=source["url"], title=source.get("title") or "", publisher=source["publisher"], lang=source["lang"], published=_date(source.get("published")))
            for source in data["sources"]
        ),
        members=tuple(data["members"]),
    )
