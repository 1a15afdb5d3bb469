"""The JSON Schema of what the open data serves: one incident record (data/v1/incidents/<id>.json, and each
item of data/v1/incidents.json), as generator.open_data.incident_record writes it.

It is not the schema of incident files (generator.schema): the published record has titles in both
languages, the latest count, page addresses and nulls where a fact is unknown, and no field a file may
leave out. Its patterns are plain ECMAScript as well as Python, so standard validators accept it.
"""

from __future__ import annotations

import json
from typing import Any

from generator.config import LANGUAGES
from generator.layout import OPEN_DATA_VERSION
from generator.model import CASE_SUMMARY_KINDS, DATE_FIELDS
from generator.schema import DATE_PATTERN, ID_PATTERN
from generator.vocab import vocabularies

PUBLISHED_SCHEMA_ID = f"https://healthcare-breach-tracker.github.io/data/{OPEN_DATA_VERSION}/incident.schema.json"


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _code(vocabulary_name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{vocabulary_name}"}


def _codes(vocabulary_name: str) -> dict[str, Any]:
    return {"type": "array", "items": _code(vocabulary_name)}


def _object(properties: dict[str, Any], description: str | None = None) -> dict[str, Any]:
    """Every property present (null when unknown) and no other: a reader can rely on the shape."""
    schema: dict[str, Any] = {"type": "object", "additionalProperties": False, "required": list(properties), "properties": properties}
    if description:
        schema["description"] = description
    return schema


STRING = {"type": "string"}
TEXT = _nullable(STRING)
COUNT = _nullable({"type": "integer", "minimum": 0})
DATE = _nullable({"$ref": "#/$defs/date"})
BOTH_LANGUAGES = _object({lang: {"type": "string", "minLength": 1} for lang in LANGUAGES})


def build_published_schema() -> dict[str, Any]:
    used = ("entity_type", "breach_type", "location", "attack_vector", "data_type", "entity_action", "ocr_outcome",
            "count_qualifier", "source_language", "us_state", "hhs_status")
    defs: dict[str, Any] = {name: {"type": "string", "enum": vocabularies()[name].codes} for name in used}
    defs["date"] = {"type": "string", "pattern": DATE_PATTERN, "description": "YYYY-MM-DD, or YYYY-MM or YYYY when the source gives no day."}
    defs["id"] = {"type": "string", "pattern": ID_PATTERN}
    defs["source"] = _object({
        "url": {"type": "string", "pattern": "^https://"},
        "title": TEXT, "publisher": TEXT,
        "lang": _nullable(_code("source_language")),
        "published": DATE,
    })
    case_summary = _object(
        {
            "as_of": DATE,
            "derived_from": {"const": "ocr_case_summary"},
            **{kind: _codes(vocabulary_name) for kind, vocabulary_name in CASE_SUMMARY_KINDS},
            "business_associate": TEXT,
        },
        "Facts derived by rule from OCR's case summary of the report (the summary itself is not published).",
    )
    hhs = _object(
        {
            "name": STRING, "submitted": DATE, "status": _nullable(_code("hhs_status")),
            "entity_type": _nullable(_code("entity_type")), "state": _nullable(_code("us_state")),
            "types": _codes("breach_type"), "locations": _codes("location"),
            "business_associate_present": _nullable({"type": "boolean"}), "individuals_affected": COUNT,
            "first_seen": DATE, "last_seen": DATE, "case_summary": _nullable(case_summary),
        },
        "The report as HHS OCR's breach portal lists it, where it does.",
    )
    incident = _object({
        "id": {"$ref": "#/$defs/id"},
        "title": BOTH_LANGUAGES,
        "title_written_by_tracker": {"type": "boolean"},
        "organization": _object({
            "name": STRING, "name_zh": TEXT, "entity_type": _nullable(_code("entity_type")),
            "state": _nullable(_code("us_state")), "country": TEXT, "parent": TEXT,
        }),
        "year": {"type": "integer"},
        "date": DATE,
        "breach": _object({
            "types": _codes("breach_type"), "locations": _codes("location"), "vectors": _codes("attack_vector"),
            "threat_actor": TEXT, "business_associate": _nullable({"type": "boolean"}),
        }),
        "dates": {"type": "object", "additionalProperties": False, "properties": {name: {"$ref": "#/$defs/date"} for name in DATE_FIELDS}},
        "individuals_affected": COUNT,
        "individuals_affected_is_placeholder": {"type": "boolean"},
        "count_history": {"type": "array", "items": _object({
            "as_of": DATE, "count": COUNT, "qualifier": _nullable(_code("count_qualifier")),
            "placeholder": {"type": "boolean"}, "source": TEXT,
        })},
        "data_types": _codes("data_type"),
        "summary": _nullable(BOTH_LANGUAGES),
        "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}},
        "related": {"type": "array", "items": {"$ref": "#/$defs/id"}},
        "hhs": _nullable(hhs),
        "pages": _object({lang: STRING for lang in LANGUAGES}, "Each language's page of the incident, from the site's root."),
    })
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": PUBLISHED_SCHEMA_ID,
        "title": "A healthcare data breach, as the tracker's open data publishes it",
        **incident,
        "$defs": defs,
    }


def published_schema_json() -> str:
    return json.dumps(build_published_schema(), ensure_ascii=False, indent=2) + "\n"
