"""Upsert HHS exports into incident files: update the report an incident already has, or create one.

Never clobber: the importer owns the `hhs:` block and adds to `individuals_affected` and `sources`;
everything people wrote (title, summary, organization, breach, dates, data types, related, other
sources) stays as it is, comments and layout included (ruamel.yaml round-trip). A file is only
written when something in it changed, so importing the same export twice is a zero diff.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.config import HHS_PORTAL_SOURCE, HHS_PORTAL_URL
from generator.importers.case_summary import extract
from generator.importers.hhs_export import RISKS, Export, ExportRow, ImportProblem
from generator.load import read_repository_file
from generator.importers.hhs_match import KnownReport, match_rows
from generator.ids import slug, unique_id
from generator.model import HIDDEN_CHARACTERS, PartialDate

PLACEHOLDER_COUNTS = (500, 501)
LIST_STATUS = {"under_investigation": "under_investigation", "archive": "archived"}
"""The status a report has while a list holds it."""
MAX_SHRINK = 0.2
"""An under-investigation list has held 700–910 rows in every export since 2024: a fifth fewer is a broken download."""
MAX_CLOSED = 0.1
MASS_CLOSE_WINDOW_DAYS = 30
"""Within a month, a refresh closes a handful of reports, never a tenth of them; exports months apart may."""
NEW_FILE_HEADER = (
    "yaml-language-server: $schema=../../schema/incident.schema.json\n"
    "Imported from the HHS OCR breach portal by `python -m generator import-hhs`. The importer keeps the\n"
    "hhs block and the count history current; add a title, a summary, sources and other facts by hand."
)


def round_trip_yaml() -> YAML:
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 10_000
    yaml.preserve_quotes = True
    return yaml


def _date_value(date: PartialDate) -> dt.date | str:
    """Full dates as dates (written unquoted), partial ones as text."""
    return date.earliest() if date.day else date.iso()


def _as_date(value: Any) -> PartialDate | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    return PartialDate.parse(str(value))


def _flow(items: tuple[str, ...] | list[str]) -> CommentedSeq:
    sequence = CommentedSeq(items)
    sequence.fa.set_flow_style()
    return sequence


def report_id(name: str, submitted: dt.date, taken: set[str]) -> str:
    """The organization's words and the submission date: 'harbor-view-hospital-2024-03-15'."""
    return unique_id(f"{slug(name)}-{submitted.isoformat()}", taken)


@dataclass
class CountChange:
    incident_id: str
    name: str
    state: str | None
    submitted: dt.date
    old: int | None
    new: int | None


@dataclass
class ExportSummary:
    path: str
    list: str
    as_of: PartialDate
    rows: int
    new: list[str] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)
    count_changes: list[CountChange] = field(default_factory=list)
    moved_to_archive: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    """Reports HHS took off the portal: in neither list of one day."""
    unchanged: int = 0
    hidden_characters: int = 0
    """Rows whose name carries invisible or bidirectional characters: kept in hhs.name as HHS lists it,
    left out wherever the name is shown."""
    case_summaries: int = 0
    """Reports whose facts from OCR's case summary were recorded or changed."""


@dataclass
class TrackedIncident:
    """An incident file during an import: its plain data for matching, its round-trip document for editing."""

    incident_id: str
    path: Path
    data: dict[str, Any]
    document: CommentedMap | None = None
    created: bool = False
    changed: bool = False

    def known_report(self) -> KnownReport | None:
        hhs = self.data.get("hhs")
        if hhs:
            return KnownReport(
                self.incident_id, hhs["name"], hhs.get("state"), _as_date(hhs["submitted"]).earliest(),
                hhs.get("entity_type"), hhs.get("individuals_affected"),
            )
        organization, dates = self.data.get("organization") or {}, self.data.get("dates") or {}
        reported = _as_date(dates.get("reported"))
        if not organization.get("name") or not reported or not reported.day:
            return None
        counts = [record.get("count") for record in self.data.get("individuals_affected") or []]
        return KnownReport(
            self.incident_id, organization["name"], organization.get("state"), reported.earliest(),
            organization.get("entity_type"), counts[-1] if counts else None,
        )


class Importer:
    """Applies exports, oldest first, to the incidents of one folder; writes nothing until asked."""

    def __init__(self, incidents_dir: Path, existing: dict[Path, dict[str, Any]]) -> None:
        self.incidents_dir = incidents_dir
        self.yaml = round_trip_yaml()
        self.tracked = {data["id"]: TrackedIncident(data["id"], path, data) for path, data in existing.items()}
        self.taken_ids = set(self.tracked)
        self.listed: dict[tuple[PartialDate, str], set[str]] = {}
        """{(export date, list): the reports its rows were}, for the exports applied so far."""

    # ---------------------------------------------------------------- editing one incident

    def _document(self, incident: TrackedIncident) -> CommentedMap:
        if incident.document is None:
            incident.document = self.yaml.load(read_repository_file(incident.path))
        return incident.document

    def _record_hhs(self, incident: TrackedIncident, row: ExportRow, export: Export) -> tuple[bool, str | None]:
        """Update the hhs block from one row: (whether anything changed, the status before).

        Only an export newer than any that listed the report before may change what the block says."""
        hhs = incident.data.get("hhs")
        previous_status = hhs.get("status") if hhs else None
        if hhs and export.as_of.sort_key() <= _as_date(hhs["last_seen"]).sort_key():
            if export.as_of.sort_key() >= _as_date(hhs["first_seen"]).sort_key():
                return False, previous_status
            wanted = {**hhs, "first_seen": export.as_of.iso()}
        else:
            status = previous_status
            if export.list == "archive" or (export.list == "research_report" and row.described):
                status = "archived"
            elif export.list == "under_investigation":
                status = "under_investigation"
            wanted = {
                "name": row.name,
                "state": row.state,
                "entity_type": row.entity_type,
                "submitted": row.submitted.isoformat(),
                "types": list(row.types),
                "locations": list(row.locations),
                "business_associate_present": row.business_associate_present,
                "individuals_affected": row.individuals,
                "status": status,
                "first_seen": hhs["first_seen"] if hhs else export.as_of.iso(),
                "last_seen": export.as_of.iso(),
                **({CASE_SUMMARY: hhs[CASE_SUMMARY]} if hhs and CASE_SUMMARY in hhs else {}),
                **({"possible_duplicate": True} if hhs and hhs.get("possible_duplicate") else {}),
            }
        if hhs == wanted:
            return False, previous_status
        document = self._document(incident)
        block = document.get("hhs")
        if block is None:
            block = CommentedMap()
            document["hhs"] = block
        for key, value in wanted.items():
            if key not in block or _plain(block[key]) != value:
                block[key] = _yaml_value(key, value)
        incident.data["hhs"] = wanted
        return True, previous_status

    def _mark_possible_duplicate(self, incident: TrackedIncident) -> bool:
        """Once an export has listed a report twice word for word, it stays marked: a reader should know."""
        if incident.data["hhs"].get("possible_duplicate"):
            return False
        self._document(incident)["hhs"]["possible_duplicate"] = True
        incident.data["hhs"] = {**incident.data["hhs"], "possible_duplicate": True}
        return True

    def _record_case_summary(self, incident: TrackedIncident, row: ExportRow, export: Export) -> bool:
        """Record the facts OCR's summary of this row states, when it has one.

        The block is the newest summarised export's facts and date, whatever order the exports arrive in:
        an older export changes nothing, and importing the same exports again writes nothing."""
        if not row.description:
            return False
        hhs = incident.data["hhs"]
        current = hhs.get(CASE_SUMMARY)
        if current and _as_date(current["as_of"]).sort_key() > export.as_of.sort_key():
            return False
        wanted = {"as_of": export.as_of.iso(), **extract(row.description, row.types, row.locations, row.entity_type).as_block()}
        if current == wanted:
            return False
        self._document(incident)["hhs"][CASE_SUMMARY] = _yaml_value(CASE_SUMMARY, wanted)
        incident.data["hhs"] = {**hhs, CASE_SUMMARY: wanted}
        return True

    def _record_count(self, incident: TrackedIncident, row: ExportRow, export: Export) -> tuple[bool, int | None]:
        """Add the export's count to the history when it differs from what HHS last said before that date."""
        history = incident.data.get("individuals_affected") or []
        dated = [_as_date(entry["as_of"]) for entry in history]
        if export.as_of in dated:
            return False, None
        earlier_hhs = [
            entry for date, entry in zip(dated, history)
            if entry.get("source") == HHS_PORTAL_URL and date.sort_key() <= export.as_of.sort_key()
        ]
        previous = earlier_hhs[-1].get("count") if earlier_hhs else None
        if earlier_hhs and previous == row.individuals:
            return False, previous
        entry = {"as_of": export.as_of.iso(), "count": row.individuals}
        if row.individuals in PLACEHOLDER_COUNTS:
            entry["placeholder"] = True
        entry["source"] = HHS_PORTAL_URL
        position = sum(1 for date in dated if date.sort_key() < export.as_of.sort_key())
        block = CommentedMap((key, _yaml_value(key, value)) for key, value in entry.items())
        self._document(incident).setdefault("individuals_affected", CommentedSeq()).insert(position, block)
        incident.data["individuals_affected"] = [*history[:position], entry, *history[position:]]
        return True, previous

    def _ensure_portal_source(self, incident: TrackedIncident) -> bool:
        sources = incident.data.setdefault("sources", [])
        if any(source.get("url") == HHS_PORTAL_URL for source in sources):
            return False
        sources.append(dict(HHS_PORTAL_SOURCE))
        self._document(incident).setdefault("sources", CommentedSeq()).append(CommentedMap(HHS_PORTAL_SOURCE))
        return True

    def _create(self, row: ExportRow, export: Export) -> TrackedIncident:
        incident_id = report_id(row.name, row.submitted, self.taken_ids)
        document = CommentedMap()
        document["id"] = incident_id
        document["hhs"] = None  # filled by _record_hhs; placed here so it reads first
        document["individuals_affected"] = CommentedSeq()
        document["sources"] = CommentedSeq([CommentedMap(HHS_PORTAL_SOURCE)])
        document.yaml_set_start_comment(NEW_FILE_HEADER)
        path = self.incidents_dir / str(row.submitted.year) / f"{incident_id}.yaml"
        incident = TrackedIncident(incident_id, path, {"id": incident_id, "sources": [dict(HHS_PORTAL_SOURCE)]}, document=document, created=True, changed=True)
        self.tracked[incident_id] = incident
        return incident

    # ---------------------------------------------------------------- one export

    def _listed_elsewhere_that_day(self, export: Export) -> set[str]:
        """Reports another list of the same day has already given rows to, in this import: a report is in
        one list at a time, so no row of this export is one of them (Highmark, Inc.: a health plan's
        report archived, and a business associate's report of the same name and date under
        investigation, both as of 2024-06, were once merged into one)."""
        return {
            incident_id
            for (as_of, list_name), ids in self.listed.items()
            if as_of == export.as_of and list_name != export.list
            for incident_id in ids
        }

    def apply(self, export: Export, risks: frozenset[str] = frozenset()) -> tuple[ExportSummary, list[ImportProblem]]:
        """Apply one export; `risks` names the safety checks a person has chosen to override (RISKS)."""
        summary = ExportSummary(export.path, export.list, export.as_of, len(export.rows))
        refused = self._refusals(export, risks)
        if refused:
            return summary, refused
        elsewhere = self._listed_elsewhere_that_day(export)
        known = [report for incident in self.tracked.values() if incident.incident_id not in elsewhere and (report := incident.known_report())]
        matched, ambiguities = match_rows(export.rows, known)
        problems = [
            ImportProblem(
                export.path,
                row.line,
                "",
                f"cannot tell which report this is: {len(ambiguity.rows)} rows of {row.name.strip()!r} submitted "
                f"{row.submitted} could each be any of {', '.join(ambiguity.candidates)}; set hhs.individuals_affected "
                "in those files to the counts of this export to pair them",
            )
            for ambiguity in ambiguities
            for row in ambiguity.rows
        ]
        if problems:
            return summary, problems
        seen_ids = set()
        summary.hidden_characters = sum(1 for row in export.rows if HIDDEN_CHARACTERS.search(row.name))
        twins = Counter(_row_facts(row) for row in export.rows)
        for row in export.rows:
            report = matched.get(row.line)
            if report is None:
                incident = self._create(row, export)
                summary.new.append(incident.incident_id)
            else:
                incident = self.tracked[report.incident_id]
                if not incident.data.get("hhs"):
                    summary.linked.append(incident.incident_id)
            seen_ids.add(incident.incident_id)
            was_linked = bool(incident.data.get("hhs"))
            hhs_changed, previous_status = self._record_hhs(incident, row, export)
            if twins[_row_facts(row)] > 1:
                hhs_changed |= self._mark_possible_duplicate(incident)
            summary_changed = self._record_case_summary(incident, row, export)
            count_added, previous_count = self._record_count(incident, row, export)
            source_added = self._ensure_portal_source(incident)
            incident.changed |= hhs_changed or summary_changed or count_added or source_added
            if summary_changed:
                summary.case_summaries += 1
            if count_added and was_linked and previous_count != row.individuals:
                summary.count_changes.append(
                    CountChange(incident.incident_id, row.name.strip(), row.state, row.submitted, previous_count, row.individuals)
                )
            if previous_status == "under_investigation" and incident.data["hhs"].get("status") == "archived":
                summary.moved_to_archive.append(incident.incident_id)
            status_changed = previous_status != incident.data["hhs"].get("status")
            if report is not None and was_linked and not (count_added or status_changed):
                summary.unchanged += 1  # last_seen moves on; nothing a reader sees changed
        self.listed.setdefault((export.as_of, export.list), set()).update(seen_ids)
        if export.list == "under_investigation":
            self._close_reports_that_left(export, seen_ids, summary)
        return summary, []

    def _open_reports(self) -> list[TrackedIncident]:
        return [incident for incident in self.tracked.values() if (incident.data.get("hhs") or {}).get("status") == "under_investigation"]

    def _newest(self, list_name: str) -> PartialDate | None:
        """The date of the newest export of a list the files reflect (what the last import of it left)."""
        status = LIST_STATUS[list_name]
        dates = [_as_date(hhs["last_seen"]) for incident in self.tracked.values() if (hhs := incident.data.get("hhs")) and hhs.get("status") == status]
        return max(dates, key=PartialDate.sort_key, default=None)

    def _refusals(self, export: Export, risks: frozenset[str]) -> list[ImportProblem]:
        """An export that would do damage if it were a broken download: refused unless a person names the risk."""
        if export.list != "under_investigation":
            return []
        newest = self._newest("under_investigation")
        if newest is None or export.as_of.sort_key() <= newest.sort_key():
            return []  # an older export only adds what it knows
        open_reports = self._open_reports()
        problems = []
        if "shrunk" not in risks and len(export.rows) < (1 - MAX_SHRINK) * len(open_reports):
            problems.append(ImportProblem(export.path, 1, "", (
                f"has {len(export.rows):,} rows where the last under-investigation list ({newest.iso()}) had {len(open_reports):,}: "
                f"more than {MAX_SHRINK:.0%} fewer, as a truncated download would be; nothing imported (--accept-risk shrunk imports it anyway)"
            )))
        matched, _ = match_rows(export.rows, [report for incident in open_reports if (report := incident.known_report())])
        still_open = {report.incident_id for report in matched.values()}
        closing = [incident for incident in open_reports if incident.incident_id not in still_open]
        soon = export.as_of.earliest() - newest.earliest() < dt.timedelta(days=MASS_CLOSE_WINDOW_DAYS)
        if "mass-close" not in risks and soon and open_reports and len(closing) > MAX_CLOSED * len(open_reports):
            problems.append(ImportProblem(export.path, 1, "", (
                f"would close {len(closing):,} of {len(open_reports):,} open reports ({len(closing) / len(open_reports):.0%}) less than "
                f"{MASS_CLOSE_WINDOW_DAYS} days after the last list ({newest.iso()}): a day's refresh closes a handful; "
                "nothing imported (--accept-risk mass-close imports it anyway)"
            )))
        return problems

    def withdrawn(self) -> list[str]:
        """Reports neither list holds on a day both lists were imported, that a list held before: HHS
        took them off the portal. Decided only where both lists of one day are in this import."""
        days = {as_of for as_of, list_name in self.listed if (as_of, "archive") in self.listed and (as_of, "under_investigation") in self.listed}
        if not days:
            return []
        day = max(days, key=PartialDate.sort_key)
        on_the_day = self.listed[(day, "archive")] | self.listed[(day, "under_investigation")]
        listed_before = {incident_id for (as_of, list_name), ids in self.listed.items() if list_name in LIST_STATUS and as_of.sort_key() < day.sort_key() for incident_id in ids}
        gone = []
        for incident_id in sorted(listed_before - on_the_day):
            incident = self.tracked[incident_id]
            hhs = incident.data["hhs"]
            if _as_date(hhs["last_seen"]).sort_key() < day.sort_key() and hhs.get("status") != "withdrawn":
                self._document(incident)["hhs"]["status"] = "withdrawn"
                incident.data["hhs"] = {**hhs, "status": "withdrawn"}
                incident.changed = True
                gone.append(incident_id)
        return gone

    def finish(self) -> list[str]:
        """After every export: a report still open but missing from a newer under-investigation list was
        closed (exports imported out of order leave such reports behind). Returns their ids."""
        newest = self._newest("under_investigation")
        closed = []
        for incident in self._open_reports():
            if newest is not None and _as_date(incident.data["hhs"]["last_seen"]).sort_key() < newest.sort_key():
                self._document(incident)["hhs"]["status"] = "archived"
                incident.data["hhs"] = {**incident.data["hhs"], "status": "archived"}
                incident.changed = True
                closed.append(incident.incident_id)
        return closed

    def _close_reports_that_left(self, export: Export, seen_ids: set[str], summary: ExportSummary) -> None:
        """A complete under-investigation list without a report means OCR closed it: it moved to the archive."""
        for incident in self.tracked.values():
            hhs = incident.data.get("hhs")
            if (
                incident.incident_id in seen_ids
                or not hhs
                or hhs.get("status") != "under_investigation"
                or _as_date(hhs["last_seen"]).sort_key() >= export.as_of.sort_key()
            ):
                continue
            self._document(incident)["hhs"]["status"] = "archived"
            incident.data["hhs"] = {**hhs, "status": "archived"}
            incident.changed = True
            summary.moved_to_archive.append(incident.incident_id)

    # ---------------------------------------------------------------- output

    def _dump(self, incident: TrackedIncident) -> str:
        stream = io.StringIO()
        self.yaml.dump(incident.document, stream)
        return stream.getvalue()

    def changed_files(self) -> dict[Path, str]:
        return {
            incident.path: serialize_new_incident(incident.document) if incident.created else self._dump(incident)
            for incident in self.tracked.values()
            if incident.changed
        }


def _row_facts(row: ExportRow) -> tuple[object, ...]:
    """Everything a row says, its line aside: two rows with the same facts are HHS listing a report twice."""
    return (row.name, row.state, row.entity_type, row.individuals, row.submitted, row.types, row.locations, row.business_associate_present, row.description)


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return " true" if value else " false"
    if isinstance(value, (int, dt.date)):
        return f" {value.isoformat() if isinstance(value, dt.date) else value}"
    text = str(value)
    plain = re.fullmatch(r"[a-z_]+|[A-Z]{2}|\d{4}-\d{2}|https://[\w./-]+|[a-z0-9]+(-[a-z0-9]+)+|[A-Za-z][\w.,' ]*[\w.]", text)
    if plain and not re.fullmatch(r"true|false|null|yes|no|on|off|y|n|~", text, re.I):
        return f" {text}"
    # Double quotes, escaped as ruamel.yaml escapes: control characters as \xNN.
    return " " + re.sub(r"\\u00([0-9a-f]{2})", r"\\x\1", json.dumps(text, ensure_ascii=False))


def _block(mapping: Any, indent: str, first_prefix: str | None = None) -> list[str]:
    lines = []
    for number, (key, value) in enumerate(mapping.items()):
        prefix = first_prefix if (number == 0 and first_prefix is not None) else indent
        if isinstance(value, list) and getattr(getattr(value, "fa", None), "flow_style", lambda: False)():
            lines.append(f"{prefix}{key}: [{', '.join(str(item) for item in value)}]")
        elif isinstance(value, list):
            lines.append(f"{prefix}{key}:")
            for item in value:
                lines.extend(_block(item, indent + "    ", first_prefix=indent + "  - "))
        elif isinstance(value, dict):
            lines.append(f"{prefix}{key}:")
            lines.extend(_block(value, indent + "  "))
        else:
            lines.append(f"{prefix}{key}:{_scalar(value)}")
    return lines


def serialize_new_incident(document: CommentedMap) -> str:
    """Write a file the importer created, exactly as ruamel.yaml would (a test holds the two together),
    but about fifty times faster, which matters when the first import creates thousands of files."""
    header = "".join(f"# {line}\n" if line else "#\n" for line in NEW_FILE_HEADER.split("\n"))
    return header + "\n".join(_block(document, "")) + "\n"


CASE_SUMMARY = "case_summary"
"""The part of the hhs block that holds facts derived from OCR's case summary (never the summary itself)."""
_DATE_KEYS = {"as_of", "submitted", "first_seen", "last_seen"}
_FLOW_KEYS = {"types", "locations", "vectors", "data_types", "actions", "outcomes"}


def _yaml_value(key: str, value: Any) -> Any:
    """A plain value as the round-trip document should hold it: full dates as dates, code lists in flow style."""
    if key in _DATE_KEYS and isinstance(value, str):
        return _date_value(PartialDate.parse(value))
    if key in _FLOW_KEYS:
        return _flow(value)
    if isinstance(value, dict):
        return CommentedMap((inner, _yaml_value(inner, item)) for inner, item in value.items())
    return value


def _plain(value: Any) -> Any:
    """A ruamel value as the strict loader would read it, for comparisons."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, CommentedSeq)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, str):
        return str(value)
    return value
