"""Stage 2: check loaded files against the JSON Schema and the rules that compare fields.

Two layers: the schema (schema/incident.schema.json, which editors read too) checks structure and
vocabularies; the rules below check what a schema cannot (dates that exist, order, cross-references).
Every rule is a small function that yields Problems and never raises; its docstring is the rule.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import fastjsonschema
import jsonschema

from generator.config import SCHEMA_PATH
from generator.layout import RESERVED_IDS
from generator.load import LoadedFile, read_repository_file
from generator.model import DATE_FIELDS, HIDDEN_CHARACTERS, Incident, PartialDate, incident_from_data
from generator.problems import FieldPath, Problem
from generator.vocab import vocabularies


@dataclass(frozen=True)
class ValidationResult:
    incidents: list[Incident]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


@cache
def _schema(schema_path: Path = SCHEMA_PATH) -> dict[str, Any]:
    return json.loads(read_repository_file(schema_path))


@cache
def _validator() -> jsonschema.protocols.Validator:
    return jsonschema.Draft202012Validator(_schema())


def _without_references(node: Any, definitions: dict[str, Any]) -> Any:
    """The schema with every `{"$ref": "#/$defs/name", ...}` replaced by the definition it names."""
    if isinstance(node, list):
        return [_without_references(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        named = definitions[node["$ref"].removeprefix("#/$defs/")]
        node = {**named, **{key: value for key, value in node.items() if key != "$ref"}}
    return {key: _without_references(value, definitions) for key, value in node.items() if key != "$defs"}


def compile_schema() -> None:
    """Compile the schema check now (80 ms), so that forked workers inherit it rather than each compiling it."""
    _gate()


@cache
def _gate() -> Callable[[Any], Any]:
    """A compiled check, about ten times faster than jsonschema: most files pass it and are done.

    The schema is written to mean the same under draft-07, which fastjsonschema follows. Its `$ref`s
    are written out first: fastjsonschema makes each one a function call that formats the field's
    path with locals() even when nothing fails, which tripled the time of the check (1.3 s → 0.4 s
    on the full set)."""
    schema = _schema()
    return fastjsonschema.compile(_without_references(schema, schema.get("$defs", {})))


# ---------------------------------------------------------------- schema errors, in plain words

_TYPE_WORDS = {
    "string": "a text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "a mapping of fields",
    "array": "a list",
    "null": "nothing",
}


def _describe_value(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _suggestion(value: str, vocabulary_name: str | None, codes: list[str]) -> str:
    if vocabulary_name and vocabulary_name in vocabularies():
        hhs_term = vocabularies()[vocabulary_name].by_hhs_wording().get(value.strip())
        if hhs_term:
            return f" (HHS writes {value!r}; the code is {hhs_term.code!r})"
    close = difflib.get_close_matches(value.lower().replace(" ", "_"), codes, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _schema_problems(loaded: LoadedFile, error: jsonschema.ValidationError) -> Iterator[Problem]:
    path: FieldPath = tuple(error.absolute_path)
    kind, schema, value = error.validator, error.schema, error.instance
    if kind == "required":
        for name in error.validator_value:
            if name not in value:
                yield loaded.problem((*path, name), "this required field is missing")
    elif kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        for name in value:
            if name not in known:
                yield loaded.problem((*path, name), f"unknown field; expected one of: {', '.join(known)}", at_key=True)
    elif kind == "enum" and value is None:
        yield loaded.problem(path, f"is empty; expected one of: {', '.join(str(code) for code in error.validator_value)}")
    elif kind == "enum":
        codes = [str(code) for code in error.validator_value]
        vocabulary_name = next((name for name, v in vocabularies().items() if v.codes == codes), None)
        noun = schema.get("title", "value")
        expected = f"one of: {', '.join(codes)}" if len(codes) <= 20 else f"a code such as {codes[0]!r} (all {len(codes)} are listed in CONTRIBUTING.md)"
        hint = _suggestion(str(value), vocabulary_name, codes)
        yield loaded.problem(path, f"{value!r} is not a known {noun}{hint}; expected {expected}")
    elif kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        wanted = " or ".join(_TYPE_WORDS[name] for name in expected if name != "null")
        message = f"expected {wanted}, found {_describe_value(value)}"
        if "integer" in expected and isinstance(value, str) and value.replace(",", "").replace(" ", "").isdigit():
            message += f"; write it without separators: {value.replace(',', '').replace(' ', '')}"
        yield loaded.problem(path, message)
    elif kind == "pattern":
        if "x-expected" in schema:
            yield loaded.problem(path, f"{value!r} is not {schema['x-expected']}")
        else:
            yield loaded.problem(path, "must not be blank")
    elif kind == "minItems":
        wanted = error.validator_value
        if not value:
            yield loaded.problem(path, f"needs at least {wanted} {'entry' if wanted == 1 else 'entries'}; the list is empty")
        else:
            yield loaded.problem(path, f"needs at least {wanted} entries; it has {len(value)}")
    elif kind == "minLength":
        yield loaded.problem(path, "must not be empty")
    elif kind == "maxLength":
        yield loaded.problem(path, f"is {len(value):,} characters long; at most {error.validator_value:,} are allowed")
    elif kind == "minimum":
        yield loaded.problem(path, f"{value} is negative; expected a whole number of 0 or more")
    elif kind == "uniqueItems":
        seen: set[str] = set()
        for index, item in enumerate(value):
            key = json.dumps(item, sort_keys=True)
            if key in seen:
                yield loaded.problem((*path, index), f"{item!r} is listed more than once")
            seen.add(key)
    else:
        yield loaded.problem(path, error.message)


_MOST_TELLING = ["required", "additionalProperties", "enum", "minItems", "minLength", "maxLength", "type", "minimum", "pattern"]
"""When a value breaks several keywords ("" is both too short and blank), the first named here speaks."""


def _one_per_field(loaded: LoadedFile, errors: Iterator[jsonschema.ValidationError]) -> list[Problem]:
    rank = {kind: position for position, kind in enumerate(_MOST_TELLING)}
    chosen: dict[tuple, tuple[int, Problem]] = {}
    for error in errors:
        for problem in _schema_problems(loaded, error):
            key = (problem.line, problem.column, problem.field)
            candidate = (rank.get(error.validator, len(rank)), problem)
            if key not in chosen or candidate[0] < chosen[key][0]:
                chosen[key] = candidate
    return [problem for _, problem in chosen.values()]


def problems_against(loaded: LoadedFile, validator: jsonschema.protocols.Validator) -> list[Problem]:
    """A file's problems against another schema (an event's), one per field, worded as for incidents."""
    return _one_per_field(loaded, validator.iter_errors(loaded.data))


def schema_problems(loaded: LoadedFile) -> list[Problem]:
    try:
        _gate()(loaded.data)
        return []
    except fastjsonschema.JsonSchemaValueException as gate_error:
        problems = _one_per_field(loaded, _validator().iter_errors(loaded.data))
        # Should the two ever disagree, the file still fails, with the gate's own words.
        return problems or [loaded.problem(tuple(gate_error.path[1:]), gate_error.message)]


# ---------------------------------------------------------------- rules across fields

Rule = Callable[[LoadedFile, dict[str, Any], dt.date], Iterator[Problem]]


def _date_fields(data: dict[str, Any]) -> Iterator[tuple[FieldPath, str]]:
    for name in DATE_FIELDS:
        if (data.get("dates") or {}).get(name):
            yield ("dates", name), data["dates"][name]
    for name in ("submitted", "first_seen", "last_seen"):
        if data.get("hhs"):
            yield ("hhs", name), data["hhs"][name]
    if (data.get("hhs") or {}).get("case_summary"):
        yield ("hhs", "case_summary", "as_of"), data["hhs"]["case_summary"]["as_of"]
    for index, record in enumerate(data["individuals_affected"]):
        yield ("individuals_affected", index, "as_of"), record["as_of"]
    for index, source in enumerate(data["sources"]):
        if source.get("published"):
            yield ("sources", index, "published"), source["published"]


def _parse(text: str) -> PartialDate | None:
    try:
        return PartialDate.parse(text)
    except ValueError:
        return None


def rule_id_matches_file_name(loaded: LoadedFile, data: dict[str, Any], today: dt.date) -> Iterator[Problem]:
    """`id` equals the file name without .yaml: it is the page's permanent address."""
    stem = PurePosixPath(loaded.path).stem
    if data["id"] != stem:
        yield loaded.problem(("id",), f"{data['id']!r} does not match the file name; expected {stem!r}")
    elif data["id"] in RESERVED_IDS:
        yield loaded.problem(("id",), f"{data['id']!r} is the name of a folder's own page; choose another id (and file name)")


def rule_dates_are_real(loaded: LoadedFile, data: dict[str, Any], today: dt.date) -> Iterator[Problem]:
    """Every date exists on the calendar and is not after today."""
    for path, text in _date_fields(data):
        date = _parse(text)
        if date is None:
            yield loaded.problem(path, f"{text!r} is not a date (expected YYYY-MM-DD)")
        elif date.earliest() > today:
            yield loaded.problem(path, f"{text!r} is in the future (today is {today.isoformat()})")


_ORDERED_DATES = [("started", "ended"), ("started", "discovered"), ("discovered", "reported"), ("discovered", "notified")]


def rule_dates_in_order(loaded: LoadedFile, data: dict[str, Any], today: dt.date) -> Iterator[Problem]:
    """A breach ends after it starts and is discovered after it starts, reported and notified after discovery."""
    dates = {name: _parse(text) for name, text in (data.get("dates") or {}).items() if text}
    for earlier, later in _ORDERED_DATES:
        first, second = dates.get(earlier), dates.get(later)
        if first and second and first.earliest() > second.latest():
            yield loaded.problem(
                ("dates", later),
                f"must not be before dates.{earlier} ({data['dates'][earlier]!r}); it is {data['dates'][later]!r}",
            )


def rule_has_a_year(loaded: LoadedFile, data: dict[str, Any], today: dt.date) -> Iterator[Problem]:
    """At least one of dates.reported, dates.discovered and dates.started (or an HHS report), to place the incident in a year."""
    if data.get("hhs"):
        return
    if not any(data["dates"].get(name) for name in ("reported", "discovered", "started")):
        yield loaded.problem(("dates",), "needs at least one of reported, discovered or started")


def rule_count_history_in_order(loaded: LoadedFile, data: dict[str, Any], today: dt.date) -> Iterator[Problem]:
    """The count history runs oldest first, one entry per date."""
    previous: PartialDate | None = None
    for index, record in enumerate(data["individuals_affected"]):
        current = _parse(record["as_of"])
        if current and previous and current.sort_key() <= previous.sort_key():
            yield loaded.problem(
                ("individuals_affected", index, "as_of"),
                f"{record['as_of']!r} is not after the entry before it ({previous.iso()!r}); list counts oldest first",
            )
        previous = current or previous


def rule_placeholders_are_hhs_stand_ins(loaded: LoadedFile, data: dict[str, Any], today: dt.date) -> Iterator[Problem]:
    """`placeholder: true` marks only the 500 or 501 HHS shows while the real count is unknown."""
    for index, record in enumerate(data["individuals_affected"]):
        if record.get("placeholder") and record["count"] not in (500, 501):
            yield loaded.problem(
                ("individuals_affected", index, "placeholder"),
                f"only a count of 500 or 501 can be a placeholder; this count is {record['count']}",
            )


def rule_counts_cite_a_listed_source(loaded: LoadedFile, data: dict[str, Any], today: dt.date) -> Iterator[Problem]:
    """Each count's `source` is the url of one of the incident's `sources`."""
    urls = {source["url"] for source in data["sources"]}
    for index, record in enumerate(data["individuals_affected"]):
        if record["source"] not in urls:
            yield loaded.problem(
                ("individuals_affected", index, "source"),
                f"{record['source']!r} is not the url of any entry in sources; add it there first",
            )


def rule_source_urls_have_a_host(loaded: LoadedFile, data: dict[str, Any], today: dt.date) -> Iterator[Problem]:
    """Every source url names a host, and no source is listed twice."""
    seen: set[str] = set()
    for index, source in enumerate(data["sources"]):
        if not urlsplit(source["url"]).hostname:
            yield loaded.problem(("sources", index, "url"), f"{source['url']!r} has no host name")
        if source["url"] in seen:
            yield loaded.problem(("sources", index, "url"), "this source is listed more than once")
        seen.add(source["url"])



def rule_curated_incidents_cite_enough(loaded: LoadedFile, data: dict[str, Any], today: dt.date) -> Iterator[Problem]:
    """An incident people wrote a summary for has at least two sources, and a threat actor names the
    source that says so (an incident known only from HHS keeps its one portal source)."""
    if data.get("summary") and len(data["sources"]) < 2:
        yield loaded.problem(("sources",), f"a researched incident (one with a summary) needs at least 2 sources; it has {len(data['sources'])}")
    breach = data.get("breach") or {}
    urls = {source["url"] for source in data["sources"]}
    if breach.get("threat_actor") and not breach.get("threat_actor_source"):
        yield loaded.problem(("breach", "threat_actor"), "names a threat actor without threat_actor_source: the url of the source (in sources) that names it")
    elif breach.get("threat_actor_source") and breach["threat_actor_source"] not in urls:
        yield loaded.problem(("breach", "threat_actor_source"), f"{breach['threat_actor_source']!r} is not the url of any entry in sources; add it there first")


def rule_sources_precede_what_they_report(loaded: LoadedFile, data: dict[str, Any], today: dt.date) -> Iterator[Problem]:
    """A count is dated no earlier than the source that reports it was published."""
    published = {source["url"]: _parse(source["published"]) for source in data["sources"] if source.get("published")}
    for index, record in enumerate(data["individuals_affected"]):
        source_date, as_of = published.get(record["source"]), _parse(record["as_of"])
        if source_date and as_of and source_date.earliest() > as_of.latest():
            yield loaded.problem(
                ("individuals_affected", index, "as_of"),
                f"{record['as_of']!r} is before its source was published ({source_date.iso()}); date the count when the source reported it",
            )


def _strings(value: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def rule_no_hidden_characters(loaded: LoadedFile, data: dict[str, Any], today: dt.date) -> Iterator[Problem]:
    """No zero-width or right-to-left control characters: they make a text display other than it reads."""
    if loaded.text is not None and "\\" not in loaded.text and not HIDDEN_CHARACTERS.search(loaded.text):
        return  # none written, and no escape (\u200b) that could make one
    for path, text in _strings(data):
        if path[:1] == ("hhs",):
            continue  # kept exactly as HHS lists it; pages show the tidied name
        found = HIDDEN_CHARACTERS.search(text)
        if found:
            yield loaded.problem(
                path, f"contains the invisible character U+{ord(found.group()):04X}, which can disguise what the text says; remove it"
            )


FILE_RULES: list[Rule] = [
    rule_no_hidden_characters,
    rule_id_matches_file_name,
    rule_dates_are_real,
    rule_dates_in_order,
    rule_has_a_year,
    rule_count_history_in_order,
    rule_placeholders_are_hhs_stand_ins,
    rule_counts_cite_a_listed_source,
    rule_source_urls_have_a_host,
    rule_curated_incidents_cite_enough,
    rule_sources_precede_what_they_report,
]


@dataclass(frozen=True)
class FileCheck:
    """One file's verdict, and the little the rules across files need to know of it."""

    path: str
    problems: tuple[Problem, ...]
    incident: Incident | None
    incident_id: str | None
    id_problem_at: Problem | None
    """A template for a problem on this file's `id` line."""
    related: tuple[tuple[int, object, Problem], ...]
    """(index, value, template problem at its line) for each entry of `related`."""


def check_file(loaded: LoadedFile, today: dt.date) -> FileCheck:
    """Everything that can be checked within one file: the schema, then the rules across its fields."""
    problems = list(loaded.problems)
    data = loaded.data
    incident = None
    if data is not None:
        found = schema_problems(loaded)
        if not found:
            for rule in FILE_RULES:
                found.extend(rule(loaded, data, today))
        if not found and not problems:
            incident = incident_from_data(data, loaded.path)
        problems.extend(found)
    data = data or {}
    identifier = data.get("id") if isinstance(data.get("id"), str) else None
    related = data.get("related") if isinstance(data.get("related"), list) else []
    return FileCheck(
        path=loaded.path,
        problems=tuple(problems),
        incident=incident,
        incident_id=identifier,
        id_problem_at=loaded.problem(("id",), "") if identifier else None,
        related=tuple((index, other, loaded.problem(("related", index), "")) for index, other in enumerate(related)),
    )


def _at(template: Problem, message: str) -> Problem:
    return Problem(template.file, template.line, template.column, template.field, message)


def rule_ids_are_unique(checks: list[FileCheck]) -> Iterator[Problem]:
    """No two files share an id."""
    first_file: dict[str, str] = {}
    for check in checks:
        if check.incident_id is None:
            continue
        if check.incident_id in first_file:
            yield _at(check.id_problem_at, f"{check.incident_id!r} is already the id of {first_file[check.incident_id]}")
        else:
            first_file[check.incident_id] = check.path


def rule_related_ids_exist(checks: list[FileCheck]) -> Iterator[Problem]:
    """Every id in `related` is another incident's id."""
    known = {check.incident_id for check in checks}
    for check in checks:
        for _, other, template in check.related:
            if other == check.incident_id:
                yield _at(template, "an incident cannot be related to itself")
            elif isinstance(other, str) and other not in known:
                yield _at(template, f"no incident has the id {other!r}")


def combine(checks: list[FileCheck]) -> ValidationResult:
    """All problems of all files, and the typed incidents when there are none."""
    problems = [problem for check in checks for problem in check.problems]
    problems.extend(rule_ids_are_unique(checks))
    problems.extend(rule_related_ids_exist(checks))
    if problems:
        return ValidationResult(incidents=[], problems=sorted(set(problems)))
    return ValidationResult(incidents=[check.incident for check in checks if check.incident], problems=[])


def validate(files: list[LoadedFile], today: dt.date) -> ValidationResult:
    return combine([check_file(loaded, today) for loaded in files])
