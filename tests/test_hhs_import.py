"""The HHS OCR importer on exports written for the tests in the portal's formats, quirks included.

tests/fixtures/hhs/ holds four CSV exports (the archive, quoted with CRLF line ends and descriptions over
several lines; an under-investigation list; the re-saved variant with ISO dates and a Year column; the
current portal's list with two javax.faces headers); the XLSX research report is written by a fixture.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from generator.aggregate import overview
from generator.config import HHS_PORTAL_URL
from generator.importers.hhs_export import COLUMNS, ExportError, read_export
from generator.importers.hhs_import import round_trip_yaml
from generator.load import incident_files, load_incident_files
from generator.model import PartialDate
from generator.validate import validate
from tests.conftest import FIXTURE_INCIDENTS, FIXTURES, REPO_ROOT, TODAY

EXPORTS = FIXTURES / "hhs"
ARCHIVE = EXPORTS / "archive_asof_2024-06.csv"
UNDER_INVESTIGATION = EXPORTS / "under_investigation_asof_2024-06.csv"
RESAVED = EXPORTS / "under_investigation_asof_2024-12_resaved.csv"
CURRENT = EXPORTS / "under_investigation_asof_2026-07.csv"


@pytest.fixture
def research_report(tmp_path: Path) -> Path:
    """An XLSX research report: counts as numbers, one date as a real date cell, descriptions on closed cases."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "reportResultTable1"
    sheet.append(list(COLUMNS))
    sheet.append(["Ardon Health, LLC", "OR", "Healthcare Provider", 10098, "04/22/2024", "Hacking/IT Incident", "Email, Network Server", "No", "Closed after review."])
    sheet.append(["Rivermouth Surgery Center", "NC", "Healthcare Provider", 2210, "01/09/2025", "Hacking/IT Incident", "Network Server", "Yes", None])
    sheet.append(["Lakeside Dental Group, P.C.", "OR", "Healthcare Provider", 2450.0, None, "Theft, Loss", "Laptop, Other Portable Electronic Device", "No", "x"])
    sheet.cell(row=4, column=5).value = __import__("datetime").datetime(2019, 11, 2)
    path = tmp_path / "research_report_providers_hacking_asof_2025-01-09.xlsx"
    workbook.save(path)
    return path


def run_import(*args: object, incidents: Path) -> subprocess.CompletedProcess:
    """`python -m generator import-hhs ...`, run in this process: the same entry point a user runs
    (generator.cli.main), without starting an interpreter for each of these many imports."""
    from contextlib import redirect_stderr, redirect_stdout

    from generator.cli import main

    argv = ["import-hhs", *map(str, args), "--incidents", str(incidents), "--today", TODAY.isoformat()]
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        code = main(argv)
    return subprocess.CompletedProcess(argv, code, stdout.getvalue(), stderr.getvalue())


@pytest.fixture
def incidents(tmp_path: Path) -> Path:
    target = tmp_path / "incidents"
    shutil.copytree(FIXTURE_INCIDENTS, target)
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*.yaml"))}


def loaded(folder: Path) -> dict[str, dict]:
    return {f.data["id"]: f.data for f in load_incident_files(incident_files(folder), folder)}


def by_hhs_name(folder: Path, name: str) -> list[dict]:
    return [data for data in loaded(folder).values() if data.get("hhs") and data["hhs"]["name"] == name]


# ------------------------------------------------------------------ reading the exports, quirk by quirk


def export(path: Path, list_name: str, as_of: str | None = None):
    return read_export(path, path.name, list_name, PartialDate.parse(as_of) if as_of else None)


def test_broken_javax_headers_are_read_by_position():
    rows = export(CURRENT, "under_investigation", "2026-07").rows
    assert rows[0].name == "Northwind Coding, Inc." and rows[0].business_associate_present is True


def test_the_resaved_variant_with_iso_dates_and_a_year_column():
    rows = export(RESAVED, "under_investigation", "2024-12").rows
    assert rows[0].submitted.isoformat() == "2024-03-15"
    assert rows[3].name == "Ardon Health, LLC" and rows[3].locations == ("email", "network_server")


def test_crlf_and_descriptions_over_several_lines():
    rows = export(ARCHIVE, "archive", "2024-06").rows
    assert len(rows) == 5
    assert rows[0].described and rows[1].line == 4, "a record's line is where it starts, after a two-line record"


def test_several_values_in_one_cell_and_empty_cells():
    rows = export(ARCHIVE, "archive", "2024-06").rows
    assert rows[0].types == ("theft", "loss")
    assert rows[0].locations == ("laptop", "other_portable_device")
    assert (rows[1].entity_type, rows[1].individuals) == (None, None)
    assert rows[4].state is None


def test_xlsx_numbers_and_date_cells(research_report):
    rows = export(research_report, "research_report").rows
    assert rows[0].individuals == 10098
    assert rows[2].individuals == 2450 and rows[2].submitted.isoformat() == "2019-11-02"


def test_the_export_date_defaults_to_the_newest_submission(research_report):
    assert export(research_report, "research_report").as_of == PartialDate(2025, 1, 9)


def test_an_export_without_a_date_is_not_imported(research_report, incidents):
    """Its counts would carry a date nobody knows; the newest submission is only a lower bound."""
    undated = research_report.with_name("research_report_providers_hacking_2015-2025.xlsx")
    research_report.rename(undated)
    before = sorted(path.read_bytes() for path in incidents.rglob("*.yaml"))
    result = run_import(undated, incidents=incidents)
    assert result.returncode == 1
    assert result.stdout.strip() == (
        f"{undated}: cannot tell when it was exported: put the date in its name (…_asof_YYYY-MM or …_asof_YYYY-MM-DD) "
        "or pass --as-of with this file alone; its newest report was submitted on 2025-01-09, so it was exported on or after that day"
    )
    assert sorted(path.read_bytes() for path in incidents.rglob("*.yaml")) == before
    dated = run_import(undated, "--as-of", "2025-02", incidents=incidents)
    assert dated.returncode == 0, dated.stdout + dated.stderr


def test_an_unknown_header_is_an_error_naming_the_column(tmp_path):
    path = tmp_path / "archive_asof_2024-06.csv"
    path.write_text(ARCHIVE.read_text(encoding="utf-8").replace('"State"', '"Province"'), encoding="utf-8")
    with pytest.raises(ExportError) as raised:
        export(path, "archive", "2024-06")
    assert [str(p) for p in raised.value.problems] == [f"{path.name}:1: column 'State': header 'Province' is not the expected 'State'"]


@pytest.mark.parametrize(
    ("old", "new", "column", "message"),
    [
        ('"Hacking/IT Incident","Network Server","Yes"', '"Hacking","Network Server","Yes"', "Type of Breach", "'Hacking' is not an HHS type of breach we know"),
        ('"08/15/2019","Hacking/IT', '"2019/08/15","Hacking/IT', "Breach Submission Date", "'2019/08/15' is not a date (expected MM/DD/YYYY or YYYY-MM-DD)"),
        ('"GA","Business Associate","1182"', '"GA","Business Associate","1,182"', "Individuals Affected", "'1,182' is not a whole number of people"),
        ('"GA","Business Associate"', '"Georgia","Business Associate"', "State", "'GEORGIA' is not a US state or territory code"),
        ('"Network Server","Yes","Listed', '"Network Server","Maybe","Listed', "Business Associate Present", "'Maybe' is not Yes or No"),
    ],
)
def test_an_unknown_value_is_an_error_naming_file_line_and_column(tmp_path, old, new, column, message):
    path = tmp_path / "archive_asof_2024-06.csv"
    path.write_bytes(ARCHIVE.read_bytes().replace(old.encode(), new.encode(), 1))
    with pytest.raises(ExportError) as raised:
        export(path, "archive", "2024-06")
    [problem] = raised.value.problems
    assert (problem.line, problem.column) == (5, column)
    assert problem.message.startswith(message)


def test_a_resaved_year_that_disagrees_with_the_date_is_an_error(tmp_path):
    path = tmp_path / "under_investigation_asof_2024-12_resaved.csv"
    path.write_text(RESAVED.read_text(encoding="utf-8").replace("2024-03-15,Hacking/IT Incident,Network Server,No,,2024", "2024-03-15,Hacking/IT Incident,Network Server,No,,2023"), encoding="utf-8")
    with pytest.raises(ExportError) as raised:
        export(path, "under_investigation", "2024-12")
    assert str(raised.value.problems[0]) == f"{path.name}:2: column 'Year': '2023' is not the year of the submission date 2024-03-15"


# ------------------------------------------------------------------ importing: identity, history, protection


def import_all(incidents: Path, research_report: Path) -> subprocess.CompletedProcess:
    result = run_import(ARCHIVE, UNDER_INVESTIGATION, RESAVED, research_report, CURRENT, incidents=incidents)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_a_report_keeps_one_identity_and_its_count_history(incidents, research_report):
    import_all(incidents, research_report)
    [harbor] = by_hhs_name(incidents, "Harbor View Hospital")
    assert [(e["as_of"], e["count"], e.get("placeholder", False)) for e in harbor["individuals_affected"]] == [
        ("2024-06", 501, True),
        ("2024-12", 48210, False),
    ]
    assert harbor["hhs"]["status"] == "archived", "absent from the 2026-07 list: closed"
    assert harbor["id"] == "harbor-view-hospital-2024-03-15"


def test_a_renamed_report_is_still_the_same_report(incidents, research_report):
    import_all(incidents, research_report)
    ardon = [d for d in loaded(incidents).values() if d.get("hhs") and d["hhs"]["submitted"] == "2024-04-22"]
    assert len(ardon) == 1
    assert ardon[0]["hhs"]["name"] == "Ardon Health, LLC"
    assert ardon[0]["hhs"]["status"] == "archived", "the research report describes it: closed"


def test_same_day_reports_pair_by_count_and_the_one_left_takes_the_new_count(incidents, research_report):
    import_all(incidents, research_report)
    northwind = sorted(by_hhs_name(incidents, "Northwind Coding, Inc."), key=lambda d: d["id"])
    assert [d["id"] for d in northwind] == ["northwind-coding-inc-2024-05-01", "northwind-coding-inc-2024-05-01-2"]
    assert [[e["count"] for e in d["individuals_affected"]] for d in northwind] == [[5901], [9206, 12000]]


def test_identical_rows_are_two_reports(incidents, research_report):
    import_all(incidents, research_report)
    assert len(by_hhs_name(incidents, "Meadow Billing Services, LLC")) == 2


def test_names_are_tidied_for_display_and_kept_as_reported(incidents, research_report):
    import_all(incidents, research_report)
    incidents_by_id = {i.id: i for i in validate(load_incident_files(incident_files(incidents), incidents), TODAY).incidents}
    anne = incidents_by_id["st-annes-clinic-2016-01-20"]
    assert anne.hhs.name == "St. Anne\x19s  Clinic "
    assert anne.organization.name == "St. Anne’s Clinic"
    bayside = next(i for i in incidents_by_id.values() if i.hhs and i.hhs.name.startswith("Bayside"))
    assert bayside.organization.name == "Bayside Clinic Group, Lakeside Medical"


def test_a_curated_incident_is_linked_and_what_people_wrote_is_kept(incidents, research_report):
    before = (incidents / "2024" / "acme-clinic-2024.yaml").read_text(encoding="utf-8")
    result = import_all(incidents, research_report)
    after = (incidents / "2024" / "acme-clinic-2024.yaml").read_text(encoding="utf-8")
    assert not any(d["id"].startswith("acme-clinic-labs") for d in loaded(incidents).values()), "not duplicated"
    # Every line people wrote is still there, in order: the importer only added lines.
    remaining = iter(after.splitlines())
    assert all(any(line == other for other in remaining) for line in before.splitlines())
    acme = loaded(incidents)["acme-clinic-2024"]
    assert acme["hhs"]["individuals_affected"] == 15000
    assert [(e["as_of"], e["count"]) for e in acme["individuals_affected"]] == [
        ("2024-05-03", 501), ("2024-06", 12345), ("2024-08-15", 12345), ("2025-01", 192700000), ("2026-07", 15000),
    ]
    assert "linked" in result.stdout


def test_importing_again_changes_nothing(incidents, research_report):
    import_all(incidents, research_report)
    first = snapshot(incidents)
    again = import_all(incidents, research_report)
    assert "0 files written" in again.stdout
    for path in (ARCHIVE, UNDER_INVESTIGATION, RESAVED, research_report, CURRENT):
        assert "0 files written" in run_import(path, incidents=incidents).stdout
    assert snapshot(incidents) == first


def test_the_summary_lists_count_changes_and_moves(incidents, research_report, tmp_path):
    summary = tmp_path / "summary.md"
    result = run_import(ARCHIVE, UNDER_INVESTIGATION, RESAVED, research_report, CURRENT, "--summary-markdown", summary, incidents=incidents)
    assert "count: Harbor View Hospital (WA, submitted 2024-03-15): 501 → 48,210" in result.stdout
    markdown = summary.read_text(encoding="utf-8")
    assert "| `harbor-view-hospital-2024-03-15` | Harbor View Hospital | WA | 2024-03-15 | 501 | 48,210 |" in markdown
    assert "moved to archive" in markdown


def test_yearly_totals_equal_the_reports_submitted_that_year(incidents, research_report):
    import_all(incidents, research_report)
    result = validate(load_incident_files(incident_files(incidents), incidents), TODAY)
    assert result.ok, result.problems
    summary = {year.year: year.totals.incidents for year in overview(result.incidents).years}
    # Reports by submission year, counted by hand from the fixtures (each distinct report once), plus
    # the two fixture incidents HHS does not list (Beta Billing 2024, Gamma Health Plan 2023).
    assert summary == {2026: 2, 2025: 1, 2024: 8, 2023: 1, 2019: 3, 2016: 1, 2013: 1}


def test_a_bad_export_imports_nothing(incidents, tmp_path):
    broken = tmp_path / "under_investigation_asof_2026-07.csv"
    broken.write_text(CURRENT.read_text(encoding="utf-8").replace('"Email","No"', '"Fax","No"', 1), encoding="utf-8")
    before = snapshot(incidents)
    result = run_import(UNDER_INVESTIGATION, broken, incidents=incidents)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{broken.name}:6: column 'Location of Breached Information': 'Fax' is not an HHS location" in result.stdout
    assert snapshot(incidents) == before


def test_a_file_whose_list_cannot_be_told_is_refused(incidents, tmp_path):
    nameless = tmp_path / "breach_report.csv"
    shutil.copy(CURRENT, nameless)
    result = run_import(nameless, incidents=incidents)
    assert result.returncode == 1 and "cannot tell which HHS list breach_report.csv is" in result.stdout
    assert run_import(nameless, "--list", "under_investigation", "--as-of", "2026-07", incidents=incidents).returncode == 0


def test_new_files_are_written_exactly_as_ruamel_would_write_them(incidents, research_report):
    import_all(incidents, research_report)
    yaml = round_trip_yaml()
    created = [path for path in incidents.rglob("*.yaml") if "Imported from the HHS" in path.read_text(encoding="utf-8")]
    assert len(created) >= 12
    for path in created:
        text = path.read_text(encoding="utf-8")
        stream = io.StringIO()
        yaml.dump(yaml.load(text), stream)
        assert stream.getvalue() == text, path


def test_every_count_the_importer_adds_cites_the_hhs_portal(incidents, research_report):
    import_all(incidents, research_report)
    for data in loaded(incidents).values():
        if data.get("hhs"):
            assert any(s["url"] == HHS_PORTAL_URL for s in data["sources"])


# ------------------------------------------------------------------ OCR's case summaries and damaged encodings

HEADER = ",".join(f'"{column}"' for column in COLUMNS)
PHISHING_SUMMARY = (
    "The covered entity (CE), Juniper Family Practice, reported that a workforce member responded to a phishing email, "
    "which compromised the PHI of 2,310 individuals. The PHI involved included names, dates of birth and Social Security "
    "numbers, but did not include financial information. The CE notified HHS, affected individuals and the media. "
    "In response, the CE retrained its staff. OCR provided technical assistance to the CE."
)


def _archive(tmp_path: Path, name: str, description: str, count: str = "2310") -> Path:
    path = tmp_path / name
    row = ["Juniper Family Practice", "VT", "Healthcare Provider", count, "02/11/2021", "Hacking/IT Incident", "Email", "No", description]
    path.write_text(HEADER + "\n" + ",".join('"' + cell.replace('"', '""') + '"' for cell in row) + "\n", encoding="utf-8")
    return path


def test_facts_of_the_case_summary_are_recorded_as_derived_and_the_text_is_not(incidents, tmp_path):
    result = run_import(_archive(tmp_path, "archive_asof_2024-06.csv", PHISHING_SUMMARY), incidents=incidents)
    assert result.returncode == 0, result.stderr
    [juniper] = by_hhs_name(incidents, "Juniper Family Practice")
    assert juniper["hhs"]["case_summary"] == {
        "as_of": "2024-06",
        "vectors": ["phishing"],
        "data_types": ["name", "date_of_birth", "ssn"],
        "actions": ["staff_retrained", "media_notice"],
        "outcomes": ["technical_assistance"],
    }
    assert "data_types" not in juniper and "breach" not in juniper, "the derived facts stay in the importer's block"
    written = "".join(path.read_text(encoding="utf-8") for path in incident_files(incidents))
    assert "workforce member responded" not in written and "did not include financial" not in written
    assert "1 with new facts from OCR's case summary" in result.stdout


def test_the_newest_summary_wins_and_an_older_one_imported_later_changes_nothing(incidents, tmp_path):
    assert run_import(_archive(tmp_path, "archive_asof_2024-10.csv", PHISHING_SUMMARY), incidents=incidents).returncode == 0
    ransomware = PHISHING_SUMMARY.replace("responded to a phishing email, which", "found that a ransomware attack")
    result = run_import(_archive(tmp_path, "archive_asof_2024-06.csv", ransomware), incidents=incidents)
    assert result.returncode == 0, result.stderr
    [juniper] = by_hhs_name(incidents, "Juniper Family Practice")
    assert juniper["hhs"]["case_summary"]["vectors"] == ["phishing"] and juniper["hhs"]["case_summary"]["as_of"] == "2024-10"


def test_the_newest_summary_gives_the_block_whatever_order_the_exports_come_in(incidents, tmp_path):
    older = _archive(tmp_path, "archive_asof_2024-06.csv", PHISHING_SUMMARY)
    (tmp_path / "newer").mkdir()
    newer = _archive(tmp_path / "newer", "archive_asof_2024-10.csv", PHISHING_SUMMARY.replace("In response,", "Afterwards,"))
    other = tmp_path / "other-incidents"
    shutil.copytree(incidents, other)
    assert run_import(older, newer, incidents=incidents).returncode == 0
    assert run_import(newer, incidents=other).returncode == 0
    assert run_import(older, incidents=other).returncode == 0
    [first] = by_hhs_name(incidents, "Juniper Family Practice")
    [second] = by_hhs_name(other, "Juniper Family Practice")
    assert first["hhs"]["case_summary"] == second["hhs"]["case_summary"]
    assert first["hhs"]["case_summary"]["as_of"] == "2024-10", "the newer export's date, though its facts are the same"
    settled = snapshot(incidents)
    assert "0 files written" in run_import(older, newer, incidents=incidents).stdout
    assert snapshot(incidents) == settled


def test_a_null_marker_is_no_summary(incidents, tmp_path):
    assert run_import(_archive(tmp_path, "archive_asof_2024-06.csv", "\\N"), incidents=incidents).returncode == 0
    [juniper] = by_hhs_name(incidents, "Juniper Family Practice")
    assert "case_summary" not in juniper["hhs"]


def test_the_damaged_punctuation_of_a_resaved_archive_is_repaired(tmp_path):
    path = tmp_path / "archive_asof_2024-10.csv"
    row = ['Rivermouth Children\x83??s Clinic \x83?? North (\x83??RCC\x83?\x9d) Heart \x83??n Home St. Ann\x8b\xa8\xabs?\xff', "NC", "Healthcare Provider", "900",
           "03/02/2022", "Theft", "Laptop", "No", "Violations included:\n\x83?\x9b\tno risk analysis."]
    body = HEADER + "\n" + ",".join('"' + cell + '"' for cell in row) + "\n"
    path.write_bytes(body.encode("latin-1"))
    [read] = read_export(path, path.name, "archive", None).rows
    assert read.name == "Rivermouth Children’s Clinic – North (“RCC”) Heart ’n Home St. Ann\ufffds\u00a0"
    assert read.description == "Violations included:\n\u2022\tno risk analysis."


ROW = '"{name}","NC","Healthcare Provider","900","03/02/2022","Theft","Laptop","No",""'


def test_a_windows_1252_export_is_recognised_and_read(tmp_path):
    path = tmp_path / "archive_asof_2024-10.csv"
    path.write_bytes((HEADER + "\r\n" + ROW.format(name="Café Santé – Clinic’s") + "\r\n").encode("cp1252"))
    [row] = read_export(path, path.name, "archive", None).rows
    assert row.name == "Café Santé – Clinic’s"


@pytest.mark.parametrize(("data", "message"), [
    ((HEADER + "\n" + ROW.format(name="Caf\x81 Clinic") + "\n").encode("latin-1"), "2: file: byte b'\\x81' is neither UTF-8 nor Windows-1252 text; save the export as UTF-8 and import it again"),
    ((HEADER + "\n" + ROW.format(name="Caˆf Clinic") + "\n").encode("cp1252"), "2: file: byte b'\\x88' is neither UTF-8 nor Windows-1252 text; save the export as UTF-8 and import it again"),
    ((HEADER + "\n").encode() + b"Junk\x00\xff,NC\n", "2: file: a NUL byte: this is not a text export (a CSV or an XLSX workbook)"),
    (b"<!DOCTYPE html><html><body>Error</body></html>", "1: file: an HTML page, not an export (the portal answers a failed download with one)"),
    (b"PK\x03\x04not really a workbook", "1: file: not a readable XLSX workbook (BadZipFile); download the export again"),
])
def test_an_export_that_is_not_a_readable_table_stops_with_its_line(tmp_path, data, message):
    path = tmp_path / "archive_asof_2024-10.csv"
    path.write_bytes(data)
    with pytest.raises(ExportError) as raised:
        read_export(path, path.name, "archive", None)
    assert str(raised.value.problems[0]) == f"{path.name}:{message}"


def test_a_csv_named_xlsx_is_read_by_its_content(tmp_path):
    path = tmp_path / "under_investigation_asof_2026-04.xlsx"
    path.write_text(HEADER + "\n" + ROW.format(name="Named Wrongly Clinic") + "\n", encoding="utf-8")
    [row] = read_export(path, path.name, "under_investigation", None).rows
    assert row.name == "Named Wrongly Clinic"


def test_the_pull_request_summary_keeps_export_text_as_text():
    from generator.importers.summary import markdown_cell

    assert markdown_cell("@octocat | *Acme* <img src=x> [x](https://evil.example)") == (
        "&#64;octocat \\| \\*Acme\\* &lt;img src=x\\> \\[x\\]\\(https://evil.example\\)"
    )


def test_hidden_and_bidirectional_characters_leave_the_name_a_page_shows():
    from generator.model import tidy_name

    assert tidy_name("Acme\u202e Clinic\u200b") == "Acme Clinic"


HEADER = ",".join(COLUMNS)


def _export(folder: Path, name: str, rows: list[str], header: str = HEADER) -> Path:
    path = folder / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _open_rows(count: int) -> list[str]:
    return [f"Clinic Number {index},OH,Healthcare Provider,{600 + index},03/{1 + index % 28:02d}/2026,Hacking/IT Incident,Email,No," for index in range(count)]


def test_two_lists_of_one_day_holding_the_same_name_and_date_are_two_reports(tmp_path):
    """Highmark, Inc.: a health plan's report archived, a business associate's under investigation, same day."""
    incidents = tmp_path / "incidents"
    incidents.mkdir()
    archive = _export(tmp_path, "archive_asof_2024-06.csv", ['"Highpoint, Inc.",PA,Health Plan,239039,02/10/2023,Hacking/IT Incident,Email,No,"The plan retrained staff."'])
    listed = _export(tmp_path, "under_investigation_asof_2024-06.csv", ["Highpoint Inc,PA,Business Associate,36600,02/10/2023,Hacking/IT Incident,Email,Yes,"])
    result = run_import(archive, listed, incidents=incidents)
    assert result.returncode == 0, result.stdout + result.stderr
    reports = {data["hhs"]["entity_type"]: data for data in loaded(incidents).values()}
    assert set(reports) == {"health_plan", "business_associate"}
    assert [entry["count"] for entry in reports["health_plan"]["individuals_affected"]] == [239039]
    assert [entry["count"] for entry in reports["business_associate"]["individuals_affected"]] == [36600]
    again = run_import(archive, listed, incidents=incidents)
    assert "0 files written" in again.stdout, again.stdout


@pytest.mark.parametrize(("rows_now", "messages"), [
    (70, {"shrunk": "has 70 rows where the last under-investigation list (2026-06) had 100: more than 20% fewer",
          "mass-close": "would close 30 of 100 open reports (30%) less than 30 days after the last list (2026-06)"}),
    (89, {"mass-close": "would close 11 of 100 open reports (11%) less than 30 days after the last list (2026-06)"}),
])
def test_a_list_that_looks_like_a_broken_download_is_refused_unless_the_risk_is_named(tmp_path, rows_now, messages):
    incidents = tmp_path / "incidents"
    incidents.mkdir()
    assert run_import(_export(tmp_path, "under_investigation_asof_2026-06.csv", _open_rows(100)), incidents=incidents).returncode == 0
    before = snapshot(incidents)
    newer = _export(tmp_path, "under_investigation_asof_2026-06-20.csv", _open_rows(rows_now))
    refused = run_import(newer, incidents=incidents)
    assert refused.returncode == 1
    assert len(refused.stdout.splitlines()) == len(messages)
    for risk, message in messages.items():
        assert message in refused.stdout and f"--accept-risk {risk}" in refused.stdout
    assert "nothing imported" in refused.stderr and snapshot(incidents) == before
    accepted = run_import(newer, *(part for risk in messages for part in ("--accept-risk", risk)), incidents=incidents)
    assert accepted.returncode == 0, accepted.stdout
    assert f"{100 - rows_now} moved to archive" in accepted.stdout


def test_an_older_list_imported_after_a_newer_one_closes_and_reopens_nothing(tmp_path):
    incidents = tmp_path / "incidents"
    incidents.mkdir()
    assert run_import(_export(tmp_path, "under_investigation_asof_2026-06.csv", _open_rows(100)), incidents=incidents).returncode == 0
    older = _export(tmp_path, "under_investigation_asof_2025-01.csv", [*_open_rows(50), "Gone Clinic,OH,Healthcare Provider,900,01/02/2025,Theft,Laptop,No,"])
    result = run_import(older, incidents=incidents)
    assert result.returncode == 0, result.stdout
    statuses = {data["id"]: data["hhs"]["status"] for data in loaded(incidents).values()}
    assert statuses.pop("gone-clinic-2025-01-02") == "archived", "open in 2025-01 but not in the newer list: it was closed"
    assert set(statuses.values()) == {"under_investigation"}, "the newer list's reports stay open"


def test_the_renamed_first_column_of_the_2026_02_export_is_read(tmp_path):
    incidents = tmp_path / "incidents"
    incidents.mkdir()
    renamed = _export(tmp_path, "under_investigation_asof_2026-02.csv", _open_rows(2), header=HEADER.replace("Name of Covered Entity", "Covered Entity Name"))
    result = run_import(renamed, incidents=incidents)
    assert result.returncode == 0 and "2 new" in result.stdout, result.stdout


def test_a_report_neither_list_holds_on_a_day_both_were_exported_is_withdrawn(tmp_path):
    incidents = tmp_path / "incidents"
    incidents.mkdir()
    gone = "Gone Clinic,OH,Healthcare Provider,900,01/02/2025,Theft,Laptop,No,"
    first = _export(tmp_path, "under_investigation_asof_2025-02.csv", [*_open_rows(20), gone])
    later = _export(tmp_path, "under_investigation_asof_2025-06.csv", _open_rows(20))
    archive = _export(tmp_path, "archive_asof_2025-06.csv", ['"Closed Clinic",OH,Healthcare Provider,700,01/03/2024,Theft,Laptop,No,"Closed."'])
    result = run_import(first, later, archive, incidents=incidents)
    assert result.returncode == 0, result.stdout
    assert "1 withdrawn" in result.stdout
    statuses = {data["id"]: data["hhs"]["status"] for data in loaded(incidents).values()}
    assert statuses["gone-clinic-2025-01-02"] == "withdrawn"
    assert statuses["closed-clinic-2024-01-03"] == "archived" and list(statuses.values()).count("under_investigation") == 20
    only_the_list = run_import(_export(tmp_path, "under_investigation_asof_2025-09.csv", _open_rows(20)), incidents=incidents)
    assert only_the_list.returncode == 0 and "0 withdrawn" in only_the_list.stdout, "without the archive of the day, nothing is decided"


def test_a_name_with_hidden_characters_is_kept_as_hhs_lists_it_shown_without_them_and_noted(tmp_path):
    incidents = tmp_path / "incidents"
    incidents.mkdir()
    export = _export(tmp_path, "under_investigation_asof_2026-03.csv", ["Evil\u202e Name\u200b Clinic,OH,Healthcare Provider,600,03/01/2026,Theft,Laptop,No,"])
    result = run_import(export, incidents=incidents)
    assert result.returncode == 0, result.stdout
    assert "note: 1 names carry invisible or bidirectional characters; pages show them without" in result.stdout
    [data] = loaded(incidents).values()
    assert data["hhs"]["name"] == "Evil\u202e Name\u200b Clinic", "the hhs block is what HHS lists"
    [incident] = validate(load_incident_files(incident_files(incidents), incidents), TODAY).incidents
    assert incident.organization.name == "Evil Name Clinic"


def test_two_identical_rows_of_one_export_stay_two_reports_marked_as_possible_duplicates(tmp_path):
    incidents = tmp_path / "incidents"
    incidents.mkdir()
    twin = "Twin Clinic,OH,Healthcare Provider,1182,08/15/2019,Theft,Laptop,No,"
    export = _export(tmp_path, "under_investigation_asof_2024-06.csv", [twin, twin, *_open_rows(2)])
    assert run_import(export, incidents=incidents).returncode == 0
    twins = [data for data in loaded(incidents).values() if data["hhs"]["name"] == "Twin Clinic"]
    assert len(twins) == 2 and all(data["hhs"]["possible_duplicate"] is True for data in twins)
    assert sum(1 for data in loaded(incidents).values() if data["hhs"].get("possible_duplicate")) == 2
    again = run_import(export, incidents=incidents)
    assert "0 files written" in again.stdout, again.stdout
    [page_incident] = [i for i in validate(load_incident_files(incident_files(incidents), incidents), TODAY).incidents if i.id == twins[0]["id"]]
    assert page_incident.hhs.possible_duplicate


def _row(line: int, name: str, individuals: int, state: str = "MI", submitted: str = "2023-11-03") -> "ExportRow":
    import datetime as dt

    from generator.importers.hhs_export import ExportRow

    return ExportRow(line, name, state, "business_associate", individuals, dt.date.fromisoformat(submitted), ("hacking_it_incident",), ("network_server",), False, False)


def _known(incident_id: str, name: str, individuals: int, state: str = "MI", submitted: str = "2023-11-03") -> "KnownReport":
    import datetime as dt

    from generator.importers.hhs_match import KnownReport

    return KnownReport(incident_id, name, state, dt.date.fromisoformat(submitted), "business_associate", individuals)


def test_a_report_renamed_and_recounted_at_once_is_still_the_same_report():
    from generator.importers.hhs_match import match_rows

    known = [_known("quillfeather-transcription-2023-11-03", "Quillfeather Transcription, Inc., which does business as QT", 8_952_212)]
    matched, ambiguities = match_rows([_row(7, "Quillfeather Transcription, Inc. dba QT", 9_302_588)], known)
    assert {line: report.incident_id for line, report in matched.items()} == {7: "quillfeather-transcription-2023-11-03"} and ambiguities == []


@pytest.mark.parametrize(
    "rows, known",
    [
        # The old name is still in this export: the renamed row is another report.
        ([_row(7, "Quillfeather Transcription, Inc. dba QT", 9_302_588), _row(8, "Quillfeather Transcription, Inc., which does business as QT", 8_952_212)],
         [_known("qt", "Quillfeather Transcription, Inc., which does business as QT", 8_952_212)]),
        # Two rows of that day could be the one report: never a guess.
        ([_row(7, "Quillfeather Transcription dba QT", 9_302_588), _row(8, "Quillfeather Transcription Holdings", 40_000)],
         [_known("qt", "Quillfeather Transcription, Inc., which does business as QT", 8_952_212)]),
        # Another day, or a name with little in common: not the same report.
        ([_row(7, "Quillfeather Transcription, Inc. dba QT", 9_302_588, submitted="2023-11-04")], [_known("qt", "Quillfeather Transcription, Inc.", 8_952_212)]),
        ([_row(7, "Harbor View Clinic", 9_302_588)], [_known("qt", "Quillfeather Transcription, Inc.", 8_952_212)]),
    ],
)
def test_a_recounted_rename_is_recognised_only_when_it_is_the_only_reading(rows, known):
    from generator.importers.hhs_match import match_rows

    matched, _ = match_rows(rows, known)
    renamed = next(row for row in rows if row.individuals == 9_302_588)
    assert renamed.line not in matched
