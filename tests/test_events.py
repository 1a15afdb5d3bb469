"""Event files: the exact message a contributor sees for each rule, and the helper that proposes members."""

from __future__ import annotations

import pytest

from generator.load import parse_incident_text
from generator.validate_events import validate_events
from tests.conftest import SITE_EVENTS, TODAY, line_of, run_generator

PATH = "events/tideline-billing-2021.yaml"
FIXTURE = (SITE_EVENTS / "tideline-billing-2021.yaml").read_text(encoding="utf-8")
INCIDENTS = {"juniper-family-practice-2021-02-11", "delta-medical-group-2024", "acme-clinic-2024"}


def problems(text: str) -> list[str]:
    return [str(problem) for problem in validate_events([parse_incident_text(text.encode("utf-8"), PATH)], INCIDENTS, TODAY).problems]


def edited(old: str, new: str) -> str:
    assert old in FIXTURE, old
    return FIXTURE.replace(old, new, 1)


def test_the_fixture_event_is_valid():
    result = validate_events([parse_incident_text(FIXTURE.encode("utf-8"), PATH)], INCIDENTS, TODAY)
    assert result.problems == [] and [event.id for event in result.events] == ["tideline-billing-2021"]


CASES = [
    ("a-member-that-does-not-exist", ("members: [juniper-family-practice-2021-02-11,", "members: [juniper-family-practice-2021-02-12,"),
     "members: [juniper", 11, "members[0]: no incident has the id 'juniper-family-practice-2021-02-12'"),
    ("a-date-cited-to-an-unlisted-source", ("    source: https://example.org/notices/tideline", "    source: https://example.org/elsewhere"),
     "example.org/elsewhere", 13, "timeline[1].source: 'https://example.org/elsewhere' is not the url of any entry in sources; add it there first"),
    ("a-timeline-out-of-order", ("  - date: 2021-02\n", "  - date: 2020-12\n"),
     "date: 2020-12", 11, "timeline[1].date: '2020-12' comes before the entry above it; the timeline runs oldest first"),
    ("a-malformed-cve", ("vulnerabilities: [CVE-2021-99999]", "vulnerabilities: [2021-99999]"),
     "vulnerabilities: [2021", 21, "target.vulnerabilities[0]: '2021-99999' is not a CVE id (expected CVE-YYYY-NNNN)"),
    ("only-one-source", ("  - url: https://example.org/notices/tideline\n    publisher: Example Regulator\n    lang: en\n", ""),
     "sources:", 3, "sources: needs at least 2 entries; it has 1"),
]


@pytest.mark.parametrize(("old_new", "needle", "column", "message"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_an_edit_to_the_event_reports_exactly_this_problem(old_new, needle, column, message):
    text = edited(*old_new)
    line = text.splitlines().index(needle) + 2 if needle == "sources:" else line_of(text, needle)  # a list points at its first entry
    assert problems(text) == [f"{PATH}:{line}:{column}: {message}"]


def test_build_refuses_an_event_whose_member_is_missing(tmp_path):
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "tideline-billing-2021.yaml").write_text(FIXTURE, encoding="utf-8")
    from tests.conftest import FIXTURE_INCIDENTS

    result = run_generator("build", "--incidents", FIXTURE_INCIDENTS, "--events", tmp_path / "events", "--content", tmp_path / "content", "--today", TODAY.isoformat())
    assert result.returncode == 1
    assert "members[0]: no incident has the id 'juniper-family-practice-2021-02-11'" in result.stdout
    assert not (tmp_path / "content").exists()


def test_suggest_members_lists_a_report_whose_case_summary_names_the_vendor_with_the_evidence(tmp_path):
    from tests.conftest import site_incident_folder

    incidents = site_incident_folder(tmp_path)
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "tideline-billing-2021.yaml").write_text(
        FIXTURE.replace("members: [juniper-family-practice-2021-02-11, delta-medical-group-2024]", "members: [delta-medical-group-2024]"), encoding="utf-8"
    )
    result = run_generator("suggest-members", "tideline-billing-2021", "--incidents", incidents, "--events", tmp_path / "events", "--today", TODAY.isoformat(), "--term", "Tideline")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "juniper-family-practice-2021-02-11: OCR's case summary names the business associate '<b>Tideline</b> *Billing* =cmd'"
    ], "the vendor's full name is not in the hostile text; the extra term is"
    assert (tmp_path / "events" / "tideline-billing-2021.yaml").read_text(encoding="utf-8").count("juniper") == 0, "it only lists"
