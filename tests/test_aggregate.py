"""The figures pages print, computed once, checked against the hand-written fixture incidents."""

from __future__ import annotations

from generator.aggregate import breakdown


def test_incidents_are_newest_first_by_their_reference_date(fixture_overview):
    # Acme reported 2024-05-03, Beta 2024-01-09, Gamma has only a discovery date: 2023-11.
    assert [incident.id for incident in fixture_overview.incidents] == ["acme-clinic-2024", "beta-billing-2024", "gamma-health-plan-2023"]


def test_site_totals_use_each_incidents_latest_count(fixture_overview):
    totals = fixture_overview.totals
    assert totals.incidents == 3
    assert totals.individuals == 192_700_000 + 501 + 20_000
    assert totals.placeholders == 1


def test_years_group_by_reference_year(fixture_overview):
    assert [(summary.year, summary.totals.incidents, summary.totals.individuals) for summary in fixture_overview.years] == [
        (2024, 2, 192_700_501),
        (2023, 1, 20_000),
    ]


def test_an_incident_with_two_types_counts_in_both_rows(fixture_overview):
    year_2024 = fixture_overview.years[0]
    by_type = next(b for b in year_2024.breakdowns if b.vocabulary == "breach_type")
    assert [(row.code, row.incidents, row.individuals) for row in by_type.rows] == [
        ("hacking_it_incident", 2, 192_700_501),
        ("theft", 1, 501),
    ]


def test_breakdown_by_location_counts_each_incident_once_per_location(fixture_overview):
    year_2024 = fixture_overview.years[0]
    by_location = next(b for b in year_2024.breakdowns if b.vocabulary == "location")
    assert {row.code: row.incidents for row in by_location.rows} == {"email": 1, "network_server": 1, "laptop": 1}


def test_ties_keep_the_vocabulary_order(fixture_overview):
    rows = breakdown(fixture_overview.incidents, "entity_type", lambda incident: [incident.organization.entity_type]).rows
    assert [row.code for row in rows] == ["healthcare_provider", "health_plan", "business_associate"]


def test_case_summary_figures_count_only_summarised_reports(fixture_overview):
    from generator.aggregate import case_summary_figures
    from generator.load import load_incident_files
    from generator.validate import validate
    from tests.conftest import FIXTURES, TODAY

    path = FIXTURES / "site_incidents" / "2021" / "juniper-family-practice-2021-02-11.yaml"
    [juniper] = validate(load_incident_files([path], path.parent), TODAY).incidents
    figures = case_summary_figures([*fixture_overview.incidents, juniper])
    assert figures.reports == 1
    assert figures.share("attack_vector", "phishing") == 1.0
    assert figures.share("attack_vector", "ransomware") == 0.0
    assert [row.code for row in figures.breakdown("ocr_outcome").rows] == ["technical_assistance"]


def test_a_year_without_case_summaries_has_no_share_rather_than_zero(fixture_overview):
    for summary in fixture_overview.years:
        assert summary.case_summaries.reports == 0
        assert summary.case_summaries.share("attack_vector", "ransomware") is None
