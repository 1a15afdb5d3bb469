"""The JSON Schema of an incident file, built from the vocabularies.

`python -m generator schema` writes it to schema/incident.schema.json, which editors read (through the
`# yaml-language-server: $schema=` line of every incident file) and the validator loads. A test fails
when the committed file and this builder disagree, so the vocabularies stay the one source of truth.
"""

from __future__ import annotations

import json
from typing import Any

from generator.vocab import Vocabulary, field_doc, vocabularies

SCHEMA_ID = "https://healthcare-breach-tracker.github.io/schema/incident.schema.json"

DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
DATE_EXPECTED = "a date (expected YYYY-MM-DD, or YYYY-MM or YYYY when the source gives no day)"
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
HTTPS_PATTERN = "^https://[^\\s<>\"'`]+$"
"""No backslash before the quote: an escaped quote is no valid escape in an ECMAScript pattern with the u flag."""
NOT_BLANK_PATTERN = r"\S"


def _vocabulary_def(vocab: Vocabulary) -> dict[str, Any]:
    listing = "; ".join(f"{code} = {term.labels['en']}" for code, term in vocab.terms.items())
    return {
        "title": vocab.noun,
        "description": f"One of: {listing}.",
        "type": "string",
        "enum": vocab.codes,
    }


def _text(description: str, max_length: int = 300) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "maxLength": max_length, "pattern": NOT_BLANK_PATTERN, "description": description}


def _bilingual(description: str, max_length: int) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "additionalProperties": False,
        "required": ["en", "zh"],
        "properties": {"en": _text("In English.", max_length), "zh": _text("In Simplified Chinese.", max_length)},
    }


def _ref(name: str, **siblings: Any) -> dict[str, Any]:
    """A reference to a definition. Keywords beside it go around an allOf, so the schema means the same
    to draft-07 tools (which ignore a $ref's siblings) as to draft 2020-12 ones."""
    reference = {"$ref": f"#/$defs/{name}"}
    return {"allOf": [reference], **siblings} if siblings else reference


def _date(description: str, **siblings: Any) -> dict[str, Any]:
    return _ref("date", description=description, **siblings)


def _list_of(vocabulary_name: str, description: str, min_items: int = 0) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "array",
        "description": description,
        "uniqueItems": True,
        "items": {"$ref": f"#/$defs/{vocabulary_name}"},
    }
    if min_items:
        schema["minItems"] = min_items
    return schema


def _source(title_required: bool) -> dict[str, Any]:
    """A source of facts. An event's may leave out a title the page does not show; an incident's gives one."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["url", "title", "publisher", "lang"] if title_required else ["url", "publisher", "lang"],
        "properties": {
            "url": {"$ref": "#/$defs/https_url"},
            "title": _text("The title as the source gives it, in its own language." if title_required else "The title as the page gives it, copied exactly; leave it out rather than guess.", 500),
            "publisher": _text("Who published it."),
            "lang": {"$ref": "#/$defs/source_language"},
            "published": _date("When it was published."),
        },
    }


def build_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {name: _vocabulary_def(vocab) for name, vocab in vocabularies().items()}
    defs["date"] = {
        "type": ["string", "null"],
        "pattern": DATE_PATTERN,
        "x-expected": DATE_EXPECTED,
    }
    defs["https_url"] = {
        "type": "string",
        "pattern": HTTPS_PATTERN,
        "x-expected": "a web address of the form https://host/path, with no spaces or quotes",
    }
    count_record = {
        "type": "object",
        "additionalProperties": False,
        "required": ["as_of", "count", "source"],
        "properties": {
            "as_of": _date("The date the figure was published.", type="string"),
            "count": {
                "type": ["integer", "null"],
                "minimum": 0,
                "description": "People affected, a whole number written without separators: 4226508; "
                "null only where HHS lists no figure.",
            },
            "source": _ref("https_url", description="The url of the entry in `sources` that gives this figure."),
            "placeholder": {
                "type": "boolean",
                "description": "True for the 500 or 501 HHS shows while the real count is unknown.",
            },
            "qualifier": {"$ref": "#/$defs/count_qualifier"},
        },
    }
    source = _source(title_required=False)
    hhs_report = {
        "type": "object",
        "additionalProperties": False,
        "description": field_doc("hhs"),
        "required": ["name", "submitted", "types", "locations", "business_associate_present", "first_seen", "last_seen"],
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 500, "description": "The name exactly as HHS lists it."},
            "state": {"anyOf": [{"$ref": "#/$defs/us_state"}, {"type": "null"}]},
            "entity_type": {"anyOf": [{"$ref": "#/$defs/entity_type"}, {"type": "null"}]},
            "submitted": _date("Breach submission date.", type="string"),
            "types": _list_of("breach_type", "Type(s) of breach; empty where HHS gives none."),
            "locations": _list_of("location", "Location(s) of breached information.", min_items=1),
            "business_associate_present": {"type": "boolean"},
            "individuals_affected": {"type": ["integer", "null"], "minimum": 0},
            "status": {"anyOf": [{"$ref": "#/$defs/hhs_status"}, {"type": "null"}]},
            "first_seen": _date("Date of the first export that listed the report.", type="string"),
            "last_seen": _date("Date of the newest export that listed the report.", type="string"),
            "possible_duplicate": {"type": "boolean", "description": "True when an export lists this report twice, word for word: HHS's two rows are kept as two reports."},
            "case_summary": {
                "type": "object",
                "additionalProperties": False,
                "description": field_doc("hhs.case_summary"),
                "required": ["as_of"],
                "properties": {
                    "as_of": _date("Date of the export whose case summary gave these facts.", type="string"),
                    "vectors": _list_of("attack_vector", "How the breach happened, as the summary states."),
                    "data_types": _list_of("data_type", "Which information was involved, as the summary states."),
                    "actions": _list_of("entity_action", "What the organization did afterwards, as the summary states."),
                    "outcomes": _list_of("ocr_outcome", "What OCR did, as the summary states."),
                    "business_associate": {"type": "string", "minLength": 1, "maxLength": 200, "description": "The business associate the summary names."},
                },
            },
        },
    }
    written_by_people = ["title", "organization", "breach", "dates", "summary"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Healthcare data breach incident",
        "description": "One incident of the healthcare breach tracker. Generated from generator/vocabularies.yaml "
        "by `python -m generator schema`; do not edit by hand.",
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "individuals_affected", "sources"],
        # An incident imported from HHS takes its organization, breach and dates from the `hhs` block and
        # gets a generated title and account; one without it must say all of that itself.
        "if": {"required": ["hhs"]},
        "else": {
            "required": written_by_people,
            "properties": {
                "organization": {"required": ["name", "entity_type"]},
                "breach": {"required": ["types", "locations"]},
            },
        },
        "properties": {
            "id": {
                "type": "string",
                "pattern": ID_PATTERN,
                "x-expected": "a valid id (expected lower-case words and digits joined by hyphens, such as acme-health-2024)",
                "description": field_doc("id"),
            },
            "title": _bilingual(field_doc("title"), 200),
            "organization": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "name": _text(field_doc("organization.name")),
                    "name_zh": _text(field_doc("organization.name_zh")),
                    "entity_type": {"$ref": "#/$defs/entity_type"},
                    "state": {"$ref": "#/$defs/us_state"},
                    "country": {"$ref": "#/$defs/country"},
                    "parent": _text(field_doc("organization.parent")),
                },
            },
            "breach": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "types": _list_of("breach_type", field_doc("breach.types"), min_items=1),
                    "locations": _list_of("location", field_doc("breach.locations"), min_items=1),
                    "vectors": _list_of("attack_vector", field_doc("breach.vectors")),
                    "threat_actor": {
                        "type": ["string", "null"],
                        "minLength": 1,
                        "maxLength": 100,
                        "description": field_doc("breach.threat_actor"),
                    },
                    "threat_actor_status": {"anyOf": [{"$ref": "#/$defs/actor_attribution"}, {"type": "null"}], "description": field_doc("breach.threat_actor_status")},
                    "threat_actor_source": {"anyOf": [{"$ref": "#/$defs/https_url"}, {"type": "null"}], "description": field_doc("breach.threat_actor_source")},
                    "business_associate": {
                        "type": ["boolean", "null"],
                        "description": field_doc("breach.business_associate"),
                    },
                },
            },
            "dates": {
                "type": "object",
                "additionalProperties": False,
                "description": field_doc("dates"),
                "properties": {
                    "started": _date("When the breach began."),
                    "ended": _date("When the breach ended."),
                    "discovered": _date("When the organization found it."),
                    "reported": _date("When it was reported to HHS."),
                    "notified": _date("When individuals were first notified."),
                },
            },
            "individuals_affected": {
                "type": "array",
                "minItems": 1,
                "description": field_doc("individuals_affected"),
                "items": count_record,
            },
            "data_types": _list_of("data_type", field_doc("data_types")),
            "summary": _bilingual(field_doc("summary"), 5000),
            "sources": {"type": "array", "minItems": 1, "description": field_doc("sources"), "items": source},
            "related": {
                "type": "array",
                "uniqueItems": True,
                "description": field_doc("related"),
                "items": {"type": "string", "pattern": ID_PATTERN, "x-expected": "an incident id (expected lower-case words and digits joined by hyphens)"},
            },
            "hhs": hhs_report,
        },
        "$defs": defs,
    }


def schema_json() -> str:
    return json.dumps(build_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


EVENT_SCHEMA_ID = "https://healthcare-breach-tracker.github.io/schema/event.schema.json"
CVE_PATTERN = r"^CVE-[0-9]{4}-[0-9]{4,}$"


def build_event_schema() -> dict[str, Any]:
    """The schema of an event file (events/<id>.yaml): an attack or campaign and the reports it caused."""
    incident_defs = build_schema()["$defs"]
    defs = {name: incident_defs[name] for name in ("date", "https_url", "source_language")}
    source = _source(title_required=False)
    timeline_entry = {
        "type": "object",
        "additionalProperties": False,
        "required": ["date", "en", "zh", "source"],
        "properties": {
            "date": _date("When it happened.", type="string"),
            "en": _text("What happened, in English.", 300),
            "zh": _text("What happened, in Simplified Chinese.", 300),
            "source": _ref("https_url", description="The url of the entry in `sources` that gives this date."),
        },
    }
    incident_id = {"type": "string", "pattern": ID_PATTERN, "x-expected": "an incident id (expected lower-case words and digits joined by hyphens)"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": EVENT_SCHEMA_ID,
        "title": "Healthcare breach event",
        "description": "One attack or campaign that reached many organizations, each of which filed its own breach report.",
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "title", "target", "timeline", "summary", "sources", "members"],
        "properties": {
            "id": {"type": "string", "pattern": ID_PATTERN, "x-expected": "a valid id (expected lower-case words and digits joined by hyphens, such as moveit-transfer-2023)"},
            "title": _bilingual("The event's name, in both languages.", 200),
            "target": {
                "type": "object",
                "additionalProperties": False,
                "required": ["vendor"],
                "description": "What was attacked: the vendor, and the product and flaw where there is one.",
                "properties": {
                    "vendor": _text("The vendor whose system or product the member reports share.", 200),
                    "product": _text("The product attacked.", 200),
                    "vulnerabilities": {
                        "type": "array", "minItems": 1, "uniqueItems": True, "description": "The CVE ids of the flaws the attack used.",
                        "items": {"type": "string", "pattern": CVE_PATTERN, "x-expected": "a CVE id (expected CVE-YYYY-NNNN)"},
                    },
                },
            },
            "threat_actor": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "sources"],
                "description": "Who attacked, as sources name them.",
                "properties": {
                    "name": _text("The group's name.", 100),
                    "sources": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"$ref": "#/$defs/https_url"}, "description": "Urls of entries in `sources` that name the actor."},
                },
            },
            "timeline": {"type": "array", "minItems": 1, "description": "The dated steps of the event, oldest first.", "items": timeline_entry},
            "summary": _bilingual("What happened, in your own words, in both languages.", 3000),
            "sources": {"type": "array", "minItems": 2, "description": "At least two pages about the event.", "items": source},
            "members": {"type": "array", "minItems": 1, "uniqueItems": True, "description": "The ids of the incidents (reports) the event caused.", "items": incident_id},
        },
        "$defs": defs,
    }


def event_schema_json() -> str:
    return json.dumps(build_event_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
