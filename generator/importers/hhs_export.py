"""Read an HHS OCR breach portal export (CSV or XLSX) into typed rows, mapped to our vocabularies.

The exports are raw and have quirks, each handled here on purpose (tests/test_hhs_export.py has one
test per quirk):
- the current portal's CSV names two columns `javax.faces.component.UIPanel@<hash>`: columns are read
  by position, and every other header must be the one we expect;
- a re-saved variant has ISO dates (2024-12-03) and an extra `Year` column, which must agree;
- the XLSX research report stores counts as numbers and dates as text or as dates;
- names carry stray, doubled and non-breaking spaces; several values may share a cell ("Theft, Loss");
- a cell may be empty (state, entity type, count, type of breach).
Anything else unknown is an error naming the file, the line and the column: never a skip, never a guess.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.load import read_export_file
from generator.model import PartialDate, tidy_name
from generator.vocab import vocabulary

COLUMNS = (
    "Name of Covered Entity",
    "State",
    "Covered Entity Type",
    "Individuals Affected",
    "Breach Submission Date",
    "Type of Breach",
    "Location of Breached Information",
    "Business Associate Present",
    "Web Description",
)
BROKEN_HEADER = re.compile(r"javax\.faces\.component\.UIPanel@[0-9a-f]+")
_HEADERS_THE_PORTAL_BREAKS = {0, 7}
_RESAVED_EXTRA_COLUMN = "Year"
HEADER_ALIASES = {"Name of Covered Entity": ("Covered Entity Name",)}
"""Other names the portal has given a column (the 2026-02 export renamed the first)."""
_NO_DESCRIPTION = {"\\N", "\\\\", "N/A"}
"""Null markers some exports hold where OCR wrote no summary (488 rows of the 2024-06 archive say \\N)."""

LISTS = ("archive", "under_investigation", "research_report")
"""The archive and the under-investigation list are complete lists; a research report is filtered."""
RISKS = ("shrunk", "mass-close")
"""The safety checks of an import a person may override, by the name the refusal gives."""

_FILE_NAME = re.compile(r"(archive|under_investigation|research_report)(?:.*?_asof_(\d{4}-\d{2}(?:-\d{2})?))?")


@dataclass(frozen=True)
class ExportRow:
    line: int
    name: str
    state: str | None
    entity_type: str | None
    individuals: int | None
    submitted: dt.date
    types: tuple[str, ...]
    locations: tuple[str, ...]
    business_associate_present: bool
    described: bool
    """OCR writes a description when it closes a case: a described row is in the archive."""
    description: str = field(default="", repr=False, compare=False)
    """OCR's case summary, held in memory for fact extraction only: it is never written anywhere."""


@dataclass(frozen=True)
class Export:
    path: str
    list: str
    as_of: PartialDate
    rows: tuple[ExportRow, ...]

    @property
    def is_complete_list(self) -> bool:
        return self.list != "research_report"


@dataclass(frozen=True, order=True)
class ImportProblem:
    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"column '{self.column}'" if self.column else "file"
        return f"{self.file}:{self.line}: {where}: {self.message}"


class ExportError(Exception):
    def __init__(self, problems: list[ImportProblem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def matching_name(name: str) -> str:
    """A name reduced to lower-case words, to recognise one report across exports."""
    return " ".join(re.findall(r"[a-z0-9]+", name.lower().replace("’", "").replace("'", "")))


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


_DAMAGED_PUNCTUATION = (
    # A keeper of archive_asof_2024-10.csv re-saved the portal's UTF-8 through a code page that lost
    # the middle byte of every three-byte punctuation mark (U+2018-U+201D, U+2013) and mangled a few
    # others. What each damaged sequence was is clear from the same reports in other exports.
    (re.compile(rb"(?<=[A-Za-z])\x83\?\?"), "\u2019".encode()),          # Children's
    (re.compile(rb"(?<= )\x83\?\?(?= )"), "\u2013".encode()),             # Health - Colorado
    (re.compile(rb"(?<= )\x83\?\?(?=n )"), "\u2019".encode()),           # Heart 'n Home
    (re.compile(rb"\x83\?\?"), "\u201c".encode()),                        # opening quote
    (re.compile(rb"\x83\?\x9d"), "\u201d".encode()),                      # closing quote
    (re.compile(rb"\x83\?\x9b"), "\u2022".encode()),                      # bullet before a tab
    (re.compile(rb"\x8b\xa8\xab"), "\ufffd".encode()),                    # a replacement character
    (re.compile(rb"\?\xff"), "\u00a0".encode()),                           # no-break space
)


class EncodingProblem(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


_WINDOWS_1252_TEXT = re.compile("[\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u2122]")
"""What non-ASCII text a Windows-1252 export holds: accented letters, typographic punctuation, no-break spaces."""


def _windows_1252(data: bytes) -> str | None:
    """The text, if the bytes are Windows-1252 beyond doubt: every byte defined there, and every
    non-ASCII character one that names and descriptions use. Anything else is not guessed."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    unusual = [character for character in text if ord(character) > 127 and not _WINDOWS_1252_TEXT.fullmatch(character)]
    return None if unusual or "\x00" in text else text


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark); else the known damage of one keeper's re-save repaired;
    else Windows-1252 when the bytes can be nothing else (_windows_1252).

    Anything else stops the import at the first bad byte: a wrong guess would put garbled names on
    pages and break the matching of reports across exports."""
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise EncodingProblem(line, "a NUL byte: this is not a text export (a CSV or an XLSX workbook)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    repaired = data
    for pattern, replacement in _DAMAGED_PUNCTUATION:
        repaired = pattern.sub(replacement, repaired)
    try:
        return repaired.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = _windows_1252(data)
        if text is not None:
            return text
        line = repaired.count(b"\n", 0, error.start) + 1
        byte = repaired[error.start:error.start + 1]
        raise EncodingProblem(line, f"byte {byte!r} is neither UTF-8 nor Windows-1252 text; save the export as UTF-8 and import it again") from None


_XLSX_MAGIC = b"PK\x03\x04"
_HTML_START = re.compile(rb"^(\xef\xbb\xbf)?\s*<(!doctype|html|\?xml|partial-response)", re.IGNORECASE)


def _read_table(path: Path) -> list[tuple[int, list[object]]]:
    """(line or sheet row, cells) for the header and every record. A workbook or a CSV by its content,
    whatever the file's name says."""
    data = read_export_file(path)
    if _HTML_START.match(data[:200]):
        raise EncodingProblem(1, "an HTML page, not an export (the portal answers a failed download with one)")
    if data.startswith(_XLSX_MAGIC):
        import zipfile

        import openpyxl

        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
            raise EncodingProblem(1, f"not a readable XLSX workbook ({error.__class__.__name__}); download the export again") from None
        try:
            sheet = workbook.worksheets[0]
            return [(number, list(row)) for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
        finally:
            workbook.close()
    text = decode_csv(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    records, start = [], 1
    for record in reader:
        records.append((start, list(record)))
        start = reader.line_num + 1
    return records


def _check_header(header: list[object], file: str) -> tuple[list[ImportProblem], bool]:
    names = [_cell(value).strip() for value in header]
    problems = []
    resaved = len(names) == len(COLUMNS) + 1 and names[-1] == _RESAVED_EXTRA_COLUMN
    if len(names) != len(COLUMNS) and not resaved:
        return [ImportProblem(file, 1, "", f"expected {len(COLUMNS)} columns ({', '.join(COLUMNS)}), found {len(names)}")], False
    for position, expected in enumerate(COLUMNS):
        found = names[position]
        if found == expected or found in HEADER_ALIASES.get(expected, ()) or (position in _HEADERS_THE_PORTAL_BREAKS and BROKEN_HEADER.fullmatch(found)):
            continue
        problems.append(ImportProblem(file, 1, expected, f"header {found!r} is not the expected {expected!r}"))
    return problems, resaved


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _cell(value).strip()
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", text):
        month, day, year = (int(part) for part in text.split("/"))
        return dt.date(year, month, day)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}( 00:00:00)?", text):
        return dt.date.fromisoformat(text[:10])
    raise ValueError(f"{text!r} is not a date (expected MM/DD/YYYY or YYYY-MM-DD)")


def _mapped(text: str, vocabulary_name: str) -> tuple[str, ...]:
    known = vocabulary(vocabulary_name).by_hhs_wording()
    codes = []
    for part in (piece.strip() for piece in text.split(",")):
        if not part:
            continue
        if part not in known:
            raise ValueError(f"{part!r} is not an HHS {vocabulary(vocabulary_name).noun} we know ({', '.join(known)})")
        codes.append(known[part].code)
    return tuple(dict.fromkeys(codes))


def _row(line: int, cells: list[object], file: str, resaved: bool) -> tuple[ExportRow | None, list[ImportProblem]]:
    problems: list[ImportProblem] = []
    values = {column: cells[position] if position < len(cells) else None for position, column in enumerate(COLUMNS)}

    def field(column: str, parse):
        try:
            return parse(values[column])
        except ValueError as error:
            problems.append(ImportProblem(file, line, column, str(error)))
            return None

    def state(value: object) -> str | None:
        text = _cell(value).strip().upper()
        if text and text not in vocabulary("us_state").terms:
            raise ValueError(f"{text!r} is not a US state or territory code")
        return text or None

    def entity_type(value: object) -> str | None:
        codes = _mapped(_cell(value), "entity_type")
        if len(codes) > 1:
            raise ValueError(f"{_cell(value)!r} names more than one entity type")
        return codes[0] if codes else None

    def individuals(value: object) -> int | None:
        text = _cell(value).strip()
        if not text:
            return None
        if not text.isdigit():
            raise ValueError(f"{text!r} is not a whole number of people")
        return int(text)

    def locations(value: object) -> tuple[str, ...]:
        codes = _mapped(_cell(value), "location")
        if not codes:
            raise ValueError("empty; expected at least one location")
        return codes

    def business_associate(value: object) -> bool:
        text = _cell(value).strip()
        if text not in ("Yes", "No"):
            raise ValueError(f"{text!r} is not Yes or No")
        return text == "Yes"

    name = _cell(values[COLUMNS[0]])
    description = _cell(values["Web Description"]).strip()
    if description in _NO_DESCRIPTION:
        description = ""
    if not tidy_name(name):
        problems.append(ImportProblem(file, line, COLUMNS[0], "empty; every report names its organization"))
    row = ExportRow(
        line=line,
        name=name,
        state=field("State", state),
        entity_type=field("Covered Entity Type", entity_type),
        individuals=field("Individuals Affected", individuals),
        submitted=field("Breach Submission Date", _date),
        types=field("Type of Breach", lambda value: _mapped(_cell(value), "breach_type")),
        locations=field("Location of Breached Information", locations),
        business_associate_present=field("Business Associate Present", business_associate),
        described=bool(description),
        description=description,
    )
    if resaved and row.submitted and _cell(cells[-1]).strip() != str(row.submitted.year):
        problems.append(ImportProblem(file, line, _RESAVED_EXTRA_COLUMN, f"{_cell(cells[-1])!r} is not the year of the submission date {row.submitted}"))
    return (None if problems else row), problems


def export_metadata(path: Path, list_name: str | None, as_of: str | None) -> tuple[str | None, PartialDate | None, list[str]]:
    """Which list a file is and the date it was exported, from the flags or else from its name."""
    match = _FILE_NAME.search(path.name)
    found_list = list_name or (match.group(1) if match else None)
    found_as_of = as_of or (match.group(2) if match else None)
    errors = []
    if found_list not in LISTS:
        errors.append(f"cannot tell which HHS list {path.name} is; name it archive_…, under_investigation_… or research_report_…, or pass --list")
    date = None
    if found_as_of:
        try:
            date = PartialDate.parse(found_as_of)
        except ValueError:
            errors.append(f"{found_as_of!r} is not an export date (expected YYYY-MM or YYYY-MM-DD)")
    return found_list, date, errors


def read_export(path: Path, display_path: str, list_name: str, as_of: PartialDate | None) -> Export:
    """Every row of one export, or ExportError with every problem found. As of: the newest submission, unless given."""
    try:
        table = _read_table(path)
    except EncodingProblem as error:
        raise ExportError([ImportProblem(display_path, error.line, "", str(error))]) from None
    if not table:
        raise ExportError([ImportProblem(display_path, 1, "", "the file is empty")])
    problems, resaved = _check_header(table[0][1], display_path)
    if problems:
        raise ExportError(problems)
    rows = []
    for line, cells in table[1:]:
        if not any(_cell(cell).strip() for cell in cells):
            continue  # a blank line at the end of a file
        row, found = _row(line, cells, display_path, resaved)
        problems.extend(found)
        if row:
            rows.append(row)
    if problems:
        raise ExportError(problems)
    if not rows:
        raise ExportError([ImportProblem(display_path, 2, "", "the export has a header but no reports")])
    if as_of is None:
        newest = max(row.submitted for row in rows)
        as_of = PartialDate(newest.year, newest.month, newest.day)
    return Export(path=display_path, list=list_name, as_of=as_of, rows=tuple(rows))
