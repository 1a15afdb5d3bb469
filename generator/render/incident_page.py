"""What an incident's page says, in one language, as plain rows of text: the template only lays it out.

Working the facts out here (rather than through many small calls from the template) keeps the template
readable and costs a fraction of the time, which counts at 15,000 pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator import formatting
from generator.accounts import account_from_facts, incident_title
from generator.model import Breach, Incident, Source
from generator.vocab import label, labels, ui, vocabulary, yes_no

Row = tuple[str, str]


@dataclass(frozen=True)
class IncidentPage:
    title: str
    description: str
    headline_count: str | None
    """The figure in bold, or None when the latest count is HHS's placeholder."""
    headline_text: str
    facts: list[Row]
    summary: list[str]
    timeline: list[Row]
    history: list[tuple[str, str, str, str]]
    """(as of, count, source publisher, source url)"""
    data_types: list[str] | None
    """None: the section is left out (nobody has researched the incident)."""
    hhs: list[Row] | None
    sources: list[tuple[str, str, str]]
    """(title, url, publisher · date · language)"""
    related: list[Row]
    """(title, incident id)"""
    case_summary: list[Row] | None = None
    """The facts derived from OCR's case summary; None when OCR published none for this report."""
    case_summary_date: str = ""
    events: tuple[Row, ...] = ()
    """(title, event id) of each attack this report is part of."""
    organization: tuple[str, int] | None = None
    """(page slug, number of reports) of its organization, when it filed several."""


def place(incident: Incident, lang: str) -> str:
    parts = [label("us_state", incident.organization.state, lang)] if incident.organization.state else []
    parts.append(label("country", incident.organization.country, lang))
    return "，".join(reversed(parts)) if lang == "zh" else ", ".join(parts)


def _facts(incident: Incident, lang: str) -> list[Row]:
    organization, breach = incident.organization, incident.breach
    name = organization.name
    if lang == "zh" and organization.name_zh:
        name = f"{name}（{organization.name_zh}）"
    rows = [(ui("fact_organization", lang), name)]
    if organization.parent:
        rows.append((ui("fact_parent", lang), organization.parent))
    rows += [
        (vocabulary("entity_type").labels[lang], label("entity_type", organization.entity_type, lang) if organization.entity_type else ui("unknown", lang)),
        (ui("fact_location", lang), place(incident, lang)),
        (vocabulary("breach_type").labels[lang], labels("breach_type", breach.types, lang)),
        (vocabulary("location").labels[lang], labels("location", breach.locations, lang)),
    ]
    if incident.researched:
        rows += [
            (vocabulary("attack_vector").labels[lang], labels("attack_vector", breach.vectors, lang) if breach.vectors else ui("not_stated", lang)),
            (ui("fact_threat_actor", lang), _actor(breach, lang)),
        ]
    rows.append((ui("fact_business_associate", lang), yes_no(breach.business_associate, lang)))
    return rows


def case_summary_rows(incident: Incident, lang: str) -> list[Row] | None:
    facts = incident.case_summary
    if facts is None:
        return None
    rows = [(vocabulary(name).labels[lang], labels(name, codes, lang)) for name, codes in facts.by_vocabulary() if codes]
    if facts.business_associate:
        rows.append((ui("case_summary_business_associate", lang), facts.business_associate))
    return rows


def _hhs_rows(incident: Incident, lang: str) -> list[Row] | None:
    """Only what the facts do not already say: HHS's own wording where it differs, its status, its dates."""
    hhs = incident.hhs
    if hhs is None:
        return None
    unknown = ui("unknown", lang)
    rows: list[Row] = []
    if hhs.name.strip() != incident.organization.name:
        rows.append((ui("hhs_name", lang), hhs.name))
    if hhs.submitted != incident.dates.reported:
        rows.append((ui("hhs_submitted", lang), formatting.date_text(hhs.submitted, lang)))
    if hhs.entity_type != incident.organization.entity_type:
        rows.append((vocabulary("entity_type").labels[lang], label("entity_type", hhs.entity_type, lang) if hhs.entity_type else unknown))
    if hhs.state != incident.organization.state:
        rows.append((vocabulary("us_state").labels[lang], label("us_state", hhs.state, lang) if hhs.state else unknown))
    if hhs.types and hhs.types != incident.breach.types:
        rows.append((vocabulary("breach_type").labels[lang], labels("breach_type", hhs.types, lang)))
    if hhs.locations != incident.breach.locations:
        rows.append((vocabulary("location").labels[lang], labels("location", hhs.locations, lang)))
    if hhs.business_associate_present != incident.breach.business_associate:
        rows.append((ui("hhs_business_associate_present", lang), yes_no(hhs.business_associate_present, lang)))
    if hhs.individuals_affected != incident.latest_count.count:
        count = formatting.exact_number(hhs.individuals_affected, lang) if hhs.individuals_affected is not None else ui("count_unknown", lang)
        rows.append((ui("hhs_individuals", lang), count))
    rows.append((vocabulary("hhs_status").labels[lang], label("hhs_status", hhs.status, lang) if hhs.status else unknown))
    first, last = formatting.date_text(hhs.first_seen, lang), formatting.date_text(hhs.last_seen, lang)
    rows.append((ui("hhs_seen", lang), first if first == last else ui("hhs_seen_range", lang, first=first, last=last)))
    if hhs.possible_duplicate:
        rows.append((ui("hhs_possible_duplicate", lang), ui("hhs_possible_duplicate_detail", lang)))
    return rows


def _description(incident: Incident, lang: str, account: str | None) -> str:
    """One sentence for search engines and link previews, from facts only (the account, when the page has one)."""
    if not incident.researched:
        return account or account_from_facts(incident, lang)
    return ui(
        "incident_description",
        lang,
        title=incident_title(incident, lang),
        organization=incident.organization.display_name(lang),
        count=formatting.count_text(incident.latest_count, lang),
    )


def _actor(breach: Breach, lang: str) -> str:
    """The threat actor, and whether the group claimed it or the organization or authorities confirmed it."""
    if not breach.threat_actor:
        return ui("unknown", lang)
    if not breach.threat_actor_status:
        return breach.threat_actor
    return ui("threat_actor_with_status", lang, actor=breach.threat_actor, status=label("actor_attribution", breach.threat_actor_status, lang))


def source_rows(sources: Iterable[Source], lang: str) -> list[tuple[str, str, str]]:
    """(title, url, publisher · date · language) of each source; a source without a title shows its publisher."""
    rows = []
    for source in sources:
        details = [source.publisher]
        if source.published:
            details.append(ui("source_published", lang, date=formatting.date_text(source.published, lang)))
        details.append(ui("source_in_language", lang, language=label("source_language", source.lang, lang)))
        rows.append((source.title or source.publisher, source.url, " · ".join(details)))
    return rows


def incident_page(
    incident: Incident, lang: str, related: tuple[Row, ...], events: tuple[Row, ...] = (), organization: tuple[str, int] | None = None
) -> IncidentPage:
    """`related`: (title, id) of each incident this one links to; `events`: (title, id) of its events;
    `organization`: (page slug, reports) of its organization's page, if it has one."""
    latest = incident.latest_count
    researched = incident.researched
    timeline = sorted(incident.dates.present(), key=lambda item: item[1].sort_key())
    publishers = {source.url: source.publisher for source in incident.sources}
    if latest.placeholder:
        headline_count, headline_text = None, ui("headline_placeholder", lang, count=formatting.exact_number(latest.count, lang))
    else:
        headline_count = formatting.count_text(latest, lang, headline=True)
        as_of = ui("headline_as_of", lang, date=formatting.date_text(latest.as_of, lang))
        headline_text = f"{ui('headline_people', lang)} · {as_of}"
    account = None if incident.summary else account_from_facts(incident, lang)
    summary = [paragraph for paragraph in incident.summary.in_(lang).split("\n\n") if paragraph.strip()] if incident.summary else [account]
    sources = source_rows(incident.sources, lang)
    return IncidentPage(
        title=incident_title(incident, lang),
        description=_description(incident, lang, account),
        headline_count=headline_count,
        headline_text=headline_text,
        facts=_facts(incident, lang),
        summary=summary,
        timeline=[(formatting.date_text(date, lang), ui(f"date_{name}", lang)) for name, date in timeline]
        if researched or len(timeline) > 1
        else [],
        history=[
            (formatting.date_text(record.as_of, lang), formatting.count_cell(record, lang), publishers[record.source], record.source)
            for record in incident.individuals_affected
        ]
        if researched or len(incident.individuals_affected) > 1
        else [],
        data_types=[label("data_type", code, lang) for code in incident.data_types] if researched else None,
        hhs=_hhs_rows(incident, lang),
        sources=sources,
        related=list(related),
        case_summary=case_summary_rows(incident, lang),
        case_summary_date=formatting.date_text(incident.case_summary.as_of, lang) if incident.case_summary else "",
        events=events,
        organization=organization,
    )
