"""Stage 4d: the data to take away, and the incident explorer's data (pure functions, no I/O).

Open data lives under a versioned path, data/v1/, so a change of shape becomes data/v2/ and nobody's
script breaks silently: all incidents as JSON and CSV, one JSON per incident, per-year figures, and the
JSON Schema of the incident files. Records hold codes (stable) and both languages' text where the
tracker wrote it; labels for the codes are in vocabularies.json.

The explorer gets a compact file per language: rows of codes, and the labels it needs to show them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from generator import formatting, layout
from generator.layout import OPEN_DATA_VERSION
from generator.aggregate import Overview
from generator.config import LANGUAGES
from generator.accounts import incident_title
from generator.model import CASE_SUMMARY_KINDS, Incident, PartialDate, Source
from generator.vocab import category_label, ui, vocabularies

EXPLORER_VOCABULARIES = ("entity_type", "breach_type", "location", "attack_vector", "data_type", "ocr_outcome", "us_state")


def _date(date: PartialDate | None) -> str | None:
    return date.iso() if date else None


def incident_record(incident: Incident) -> dict[str, Any]:
    """One incident as open data: every fact, codes rather than labels, text in both languages."""
    organization, breach, latest = incident.organization, incident.breach, incident.latest_count
    return {
        "id": incident.id,
        "title": {lang: incident_title(incident, lang) for lang in LANGUAGES},
        "title_written_by_tracker": incident.title is not None,
        "organization": {
            "name": organization.name,
            "name_zh": organization.name_zh,
            "entity_type": organization.entity_type,
            "state": organization.state,
            "country": organization.country,
            "parent": organization.parent,
        },
        "year": incident.year,
        "date": _date(incident.reference_date),
        "breach": {
            "types": list(breach.types),
            "locations": list(breach.locations),
            "vectors": list(breach.vectors),
            "threat_actor": breach.threat_actor,
            "business_associate": breach.business_associate,
        },
        "dates": {name: _date(date) for name, date in incident.dates.present()},
        "individuals_affected": latest.count,
        "individuals_affected_is_placeholder": latest.placeholder,
        "count_history": [
            {"as_of": _date(record.as_of), "count": record.count, "qualifier": record.qualifier, "placeholder": record.placeholder, "source": record.source}
            for record in incident.individuals_affected
        ],
        "data_types": list(incident.data_types),
        "summary": {"en": incident.summary.en, "zh": incident.summary.zh} if incident.summary else None,
        "sources": [source_record(source) for source in incident.sources],
        "related": list(incident.related),
        "hhs": None
        if incident.hhs is None
        else {
            "name": incident.hhs.name,
            "submitted": _date(incident.hhs.submitted),
            "status": incident.hhs.status,
            "entity_type": incident.hhs.entity_type,
            "state": incident.hhs.state,
            "types": list(incident.hhs.types),
            "locations": list(incident.hhs.locations),
            "business_associate_present": incident.hhs.business_associate_present,
            "individuals_affected": incident.hhs.individuals_affected,
            "first_seen": _date(incident.hhs.first_seen),
            "last_seen": _date(incident.hhs.last_seen),
            "case_summary": _case_summary_record(incident),
        },
        "pages": {lang: layout.incident_site_url(incident.id, lang) for lang in LANGUAGES},
    }


def _case_summary_record(incident: Incident) -> dict[str, Any] | None:
    """The facts derived from OCR's case summary, marked as such by where they sit (hhs.case_summary)."""
    facts = incident.case_summary
    if facts is None:
        return None
    return {
        "as_of": _date(facts.as_of),
        "derived_from": "ocr_case_summary",
        **{kind: list(getattr(facts, kind)) for kind, _ in CASE_SUMMARY_KINDS},
        "business_associate": facts.business_associate,
    }


CSV_COLUMNS = (
    "id", "title_en", "title_zh", "organization", "entity_type", "state", "country", "year", "date",
    "breach_types", "locations", "vectors", "threat_actor", "business_associate",
    "individuals_affected", "individuals_affected_is_placeholder", "hhs_status", "hhs_name",
    "ocr_vectors", "ocr_data_types", "ocr_actions", "ocr_outcomes", "ocr_business_associate",
)
"""One row per incident; several values in a cell are separated by ';'. The JSON has everything."""


def _yes_no_code(value: bool | None) -> str:
    """A CSV cell: codes, not labels, so the file reads the same whatever the reader's language."""
    return "" if value is None else ("yes" if value else "no")


def _csv_row(record: dict[str, Any]) -> list[Any]:
    breach, hhs = record["breach"], record["hhs"] or {}
    return [
        record["id"], record["title"]["en"], record["title"]["zh"], record["organization"]["name"],
        record["organization"]["entity_type"] or "", record["organization"]["state"] or "", record["organization"]["country"],
        record["year"], record["date"], ";".join(breach["types"]), ";".join(breach["locations"]), ";".join(breach["vectors"]),
        breach["threat_actor"] or "", _yes_no_code(breach["business_associate"]),
        "" if record["individuals_affected"] is None else record["individuals_affected"],
        _yes_no_code(record["individuals_affected_is_placeholder"]), hhs.get("status") or "", hhs.get("name") or "",
        *_case_summary_cells(hhs.get("case_summary")),
    ]


def _case_summary_cells(facts: dict[str, Any] | None) -> list[str]:
    if not facts:
        return [""] * (len(CASE_SUMMARY_KINDS) + 1)
    return [";".join(facts[kind]) for kind, _ in CASE_SUMMARY_KINDS] + [facts["business_associate"] or ""]


_FORMULA_START = re.compile(r"^[=+@\t\r]|^-(?!\d+(?:\.\d+)?$)")


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text: one that would start a formula (=, +, -, @, tab, CR; a minus
    only when not a number) gets a leading apostrophe, as OWASP advises for CSV injection."""
    if isinstance(value, str) and _FORMULA_START.match(value):
        return "'" + value
    return value


def incidents_csv(records: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows([csv_cell(cell) for cell in _csv_row(record)] for record in records)
    return buffer.getvalue()


def years_record(overview: Overview) -> list[dict[str, Any]]:
    return [
        {
            "year": summary.year,
            "incidents": summary.totals.incidents,
            "individuals_affected": summary.totals.individuals,
            "placeholders": summary.totals.placeholders,
            "largest": summary.largest[0].id if summary.largest else None,
            "breakdowns": {
                item.vocabulary: [{"code": row.code, "incidents": row.incidents, "individuals_affected": row.individuals} for row in item.rows]
                for item in summary.breakdowns
            },
        }
        for summary in reversed(overview.years)
    ]


def source_record(source: Source) -> dict[str, Any]:
    """A source as the open data gives it: a title only where the page has one (None otherwise)."""
    return {"url": source.url, "title": source.title or None, "publisher": source.publisher, "lang": source.lang, "published": _date(source.published)}


def events_record(overview: Overview) -> list[dict[str, Any]]:
    """Each event with its members and their totals (people may be counted in more than one report)."""
    return [
        {
            "id": summary.event.id,
            "title": {"en": summary.event.title.en, "zh": summary.event.title.zh},
            "vendor": summary.event.vendor,
            "product": summary.event.product,
            "vulnerabilities": list(summary.event.vulnerabilities),
            "threat_actor": summary.event.threat_actor,
            "timeline": [{"date": entry.date.iso(), "en": entry.text.en, "zh": entry.text.zh, "source": entry.source} for entry in summary.event.timeline],
            "sources": [source_record(source) for source in summary.event.sources],
            "members": [incident.id for incident in summary.members],
            "reports": summary.totals.incidents,
            "individuals_affected": summary.totals.individuals,
            "pages": {lang: layout.language_prefix(lang) + layout.event(summary.event.id).url for lang in LANGUAGES},
        }
        for summary in overview.events
    ]


def vocabularies_record() -> dict[str, Any]:
    return {
        name: {"label": vocabulary.labels, "values": {code: term.labels for code, term in vocabulary.terms.items()}}
        for name, vocabulary in vocabularies().items()
    }


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def open_data_files(overview: Overview, schema_text: str) -> dict[str, str]:
    """{name: text} of every open-data file; generator.layout says where they go."""
    records = [incident_record(incident) for incident in overview.incidents]
    one_by_one = {f"incidents/{record['id']}.json": _json(record) for record in records}
    # incidents.json is those same texts in one list: what _json({"incidents": records, "version": ...})
    # would write, without encoding every record a second time.
    every_record = ",".join(text.rstrip("\n") for text in one_by_one.values())
    files = {
        "incidents.json": f'{{"incidents":[{every_record}],"version":{json.dumps(OPEN_DATA_VERSION)}}}\n',
        "incidents.csv": incidents_csv(records),
        "incidents-excel.csv": "\ufeff" + incidents_csv(records),
        "years.json": _json({"version": OPEN_DATA_VERSION, "years": years_record(overview)}),
        "vocabularies.json": _json(vocabularies_record()),
        "events.json": _json({"version": OPEN_DATA_VERSION, "events": events_record(overview)}),
        "incident.schema.json": schema_text,
    }
    files.update(one_by_one)
    return files


EXPLORER_COLUMNS = (
    "id", "title", "organization", "date", "date_text", "year", "state", "entity_type", "types", "locations",
    "vectors", "data_types", "outcomes", "threat_actor", "individuals", "placeholder", "events",
)


def explorer_data(overview: Overview, lang: str) -> str:
    """Every incident as a compact row for the explorer, with the labels of its codes in `lang`: codes,
    not labels, in the rows, and no title the browser can write itself."""
    rows = []
    for incident in overview.incidents:
        latest = incident.latest_count
        rows.append(
            [
                incident.id,
                incident.title.in_(lang) if incident.title else None,  # the browser writes it from the facts
                incident.organization.display_name(lang),
                incident.reference_date.iso(),
                formatting.date_text(incident.reference_date, lang),
                incident.year,
                incident.organization.state or "",
                incident.organization.entity_type or "",
                list(incident.breach.types),
                list(incident.breach.locations),
                list(incident.attack_vectors),
                list(incident.exposed_data),
                list(incident.case_summary.outcomes) if incident.case_summary else [],
                incident.breach.threat_actor or "",
                latest.count,
                latest.placeholder,
                [event.id for event in overview.events_of.get(incident.id, ())],
            ]
        )
    labels = {name: {code: category_label(name, code, lang) for code in vocabularies()[name].codes} for name in EXPLORER_VOCABULARIES}
    labels["event"] = {summary.event.id: summary.event.title.in_(lang) for summary in overview.events}
    page_url = layout.EXPLORER.url_to(layout.INCIDENT_URL_PATTERN)
    # A title written from the facts is left out (null): the organization and the types' labels are in
    # the data already, and the browser writes it as generator.accounts.title_from_facts does, with the
    # same pattern and separator (a fifth of the download).
    title_from_facts = {"pattern": ui("generated_title", lang), "separator": ui("list_separator", lang)}
    return _json({
        "columns": list(EXPLORER_COLUMNS), "labels": labels, "unknown": ui("unknown", lang), "page_url": page_url,
        "title_from_facts": title_from_facts, "rows": rows,
    })
