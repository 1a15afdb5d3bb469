"""One test per validation rule: the exact message, file, line and column a contributor would see."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import fixture_text, line_of, problems_for

ACME = "incidents/2024/acme-clinic-2024.yaml"
BETA = "incidents/2024/beta-billing-2024.yaml"
GAMMA = "incidents/2023/gamma-health-plan-2023.yaml"


def with_acme(text: str) -> list[str]:
    """Validate an edited Acme alongside the untouched other fixtures (Acme's related incident among them)."""
    return problems_for({ACME: text, BETA: fixture_text("beta-billing-2024"), GAMMA: fixture_text("gamma-health-plan-2023")})


def edited(old: str, new: str) -> str:
    text = fixture_text("acme-clinic-2024")
    assert old in text, old
    return text.replace(old, new, 1)


def test_the_fixtures_are_valid():
    assert with_acme(fixture_text("acme-clinic-2024")) == []


# ------------------------------------------------------------------ schema: structure and vocabularies


def test_a_missing_required_field_points_at_its_parent():
    text = edited("  entity_type: healthcare_provider\n", "")
    assert with_acme(text) == [f"{ACME}:{line_of(text, 'name: Acme Clinic')}:3: organization.entity_type: this required field is missing"]


def test_an_unknown_field_points_at_the_key():
    text = edited("  parent: Acme Health Network\n", "  parent: Acme Health Network\n  ceo: Jane Doe\n")
    assert with_acme(text) == [
        f"{ACME}:{line_of(text, 'ceo:')}:3: organization.ceo: unknown field; expected one of: "
        "country, entity_type, name, name_zh, parent, state"
    ]


def test_a_value_outside_the_vocabulary_suggests_the_code():
    text = edited("  entity_type: healthcare_provider", "  entity_type: healthcare_providr")
    [problem] = with_acme(text)
    assert problem.startswith(
        f"{ACME}:{line_of(text, 'healthcare_providr')}:16: organization.entity_type: 'healthcare_providr' is not a known "
        "covered-entity type; did you mean 'healthcare_provider'?; expected one of: healthcare_provider, health_plan,"
    )


def test_hhs_wording_is_translated_into_the_code():
    text = edited("  types: [hacking_it_incident]", "  types: [Hacking/IT Incident]")
    [problem] = with_acme(text)
    assert f"{ACME}:{line_of(text, 'Hacking/IT')}:11: breach.types[0]: 'Hacking/IT Incident' is not a known type of breach " in problem
    assert "(HHS writes 'Hacking/IT Incident'; the code is 'hacking_it_incident')" in problem


def test_a_data_type_outside_the_vocabulary():
    text = edited("data_types: [name,", "data_types: [blood_type, name,")
    [problem] = with_acme(text)
    assert problem.startswith(f"{ACME}:{line_of(text, 'blood_type')}:14: data_types[0]: 'blood_type' is not a known data type;")


def test_an_attack_vector_outside_the_vocabulary():
    text = edited("vectors: [phishing,", "vectors: [smishing,")
    [problem] = with_acme(text)
    assert "breach.vectors[0]: 'smishing' is not a known attack vector; did you mean 'phishing'?" in problem


def test_a_state_outside_the_vocabulary_does_not_list_all_fifty_six():
    text = edited("  state: TX", "  state: Texas")
    assert with_acme(text) == [
        f"{ACME}:{line_of(text, 'state: Texas')}:10: organization.state: 'Texas' is not a known US state or territory code; "
        "expected one of: a code such as AL (full list in the schema)"
    ]


def test_a_count_with_separators_says_how_to_write_it():
    text = edited("    count: 12345", '    count: "12,345"')
    assert with_acme(text) == [
        f"{ACME}:{line_of(text, '12,345')}:12: individuals_affected[1].count: expected a whole number, "
        "found the text '12,345'; write it without separators: 12345"
    ]


def test_a_fractional_count():
    text = edited("    count: 12345", "    count: 12345.5")
    assert with_acme(text) == [
        f"{ACME}:{line_of(text, '12345.5')}:12: individuals_affected[1].count: expected a whole number, found the number 12345.5"
    ]


def test_a_negative_count():
    text = edited("    count: 12345", "    count: -3")
    assert with_acme(text) == [
        f"{ACME}:{line_of(text, 'count: -3')}:12: individuals_affected[1].count: -3 is negative; expected a whole number of 0 or more"
    ]


def test_an_impossible_month_is_caught_by_the_schema():
    text = edited("  reported: 2024-05-03", "  reported: 2024-13-01")
    assert with_acme(text) == [
        f"{ACME}:{line_of(text, '2024-13-01')}:13: dates.reported: '2024-13-01' is not a date "
        "(expected YYYY-MM-DD, or YYYY-MM or YYYY when the source gives no day)"
    ]


def test_a_date_in_another_format():
    text = edited("  reported: 2024-05-03", "  reported: 05/03/2024")
    [problem] = with_acme(text)
    assert problem.startswith(f"{ACME}:{line_of(text, '05/03/2024')}:13: dates.reported: '05/03/2024' is not a date (expected YYYY-MM-DD")


def test_a_plain_http_source_url():
    text = edited("  - url: https://example.com/news/acme-clinic", "  - url: http://example.com/news/acme-clinic")
    problems = with_acme(text)
    assert f"{ACME}:{line_of(text, 'url: http://')}:10: sources[0].url: 'http://example.com/news/acme-clinic' is not an https:// address" in problems[0]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "https://exa mple.com"])
def test_hostile_or_malformed_urls_are_refused(url):
    text = edited("  - url: https://example.com/news/acme-clinic", f"  - url: '{url}'")
    assert any(f"sources[0].url: {url!r} is not an https:// address" in problem for problem in with_acme(text))


def test_a_title_missing_its_chinese():
    text = edited("  zh: Acme诊所遭网络钓鱼攻击\n", "")
    assert with_acme(text) == [f"{ACME}:{line_of(text, 'en: Phishing attack')}:3: title.zh: this required field is missing"]


def test_a_blank_summary():
    text = edited(
        "  zh: |\n    Acme诊所的一名员工打开了钓鱼邮件，\n    攻击者经由一家供应商进入了诊所的邮箱和一台网络服务器。\n\n    受影响人数从占位数增长为一个很大的数字。\n",
        "  zh: '   '\n",
    )
    assert with_acme(text) == [f"{ACME}:{line_of(text, chr(39) + '   ' + chr(39))}:7: summary.zh: must not be blank"]


def test_no_sources():
    text = fixture_text("gamma-health-plan-2023")
    start = text.index("sources:")
    text = text[:start] + "sources: []\n"
    problems = problems_for({GAMMA: text})
    assert f"{GAMMA}:{line_of(text, 'sources: []')}:10: sources: needs at least 1 entry; the list is empty" in problems


def test_a_data_type_listed_twice():
    text = edited("data_types: [name,", "data_types: [ssn, name,")
    assert with_acme(text) == [f"{ACME}:{line_of(text, 'data_types')}:40: data_types[3]: 'ssn' is listed more than once"]


def test_a_placeholder_flag_that_is_not_a_boolean():
    text = edited("    placeholder: true", "    placeholder: yes")
    assert with_acme(text) == [
        f"{ACME}:{line_of(text, 'placeholder: yes')}:18: individuals_affected[0].placeholder: expected true or false, found the text 'yes'"
    ]


# ------------------------------------------------------------------ rules across fields


def test_id_must_equal_the_file_name():
    text = edited("id: acme-clinic-2024", "id: acme-clinic")
    problems = with_acme(text)
    assert f"{ACME}:{line_of(text, 'id: acme-clinic')}:5: id: 'acme-clinic' does not match the file name; expected 'acme-clinic-2024'" in problems


def test_ids_must_be_unique_across_folders():
    other = "incidents/2025/acme-clinic-2024.yaml"
    text = fixture_text("acme-clinic-2024")
    problems = problems_for(
        {ACME: text, other: text, BETA: fixture_text("beta-billing-2024"), GAMMA: fixture_text("gamma-health-plan-2023")}
    )
    assert problems == [f"{other}:{line_of(text, 'id:')}:5: id: 'acme-clinic-2024' is already the id of {ACME}"]


def test_a_date_that_does_not_exist():
    text = edited("  discovered: 2024-02-21", "  discovered: 2024-02-30")
    assert with_acme(text) == [f"{ACME}:{line_of(text, '2024-02-30')}:15: dates.discovered: '2024-02-30' is not a date (expected YYYY-MM-DD)"]


def test_a_date_in_the_future():
    text = edited("  notified: 2024-05-10", "  notified: 2024-05-10")
    problems = problems_for(
        {ACME: text, BETA: fixture_text("beta-billing-2024"), GAMMA: fixture_text("gamma-health-plan-2023")},
        today=dt.date(2024, 5, 9),
    )
    assert problems == [
        f"{ACME}:{line_of(text, 'notified:')}:13: dates.notified: '2024-05-10' is in the future (today is 2024-05-09)",
        f"{ACME}:{line_of(text, '- as_of: 2024-08-15')}:12: individuals_affected[1].as_of: '2024-08-15' is in the future (today is 2024-05-09)",
        f"{ACME}:{line_of(text, '- as_of: 2025-01')}:12: individuals_affected[2].as_of: '2025-01' is in the future (today is 2024-05-09)",
        f"{ACME}:{line_of(text, 'published: 2024-08-15')}:16: sources[0].published: '2024-08-15' is in the future (today is 2024-05-09)",
    ]


def test_reported_before_discovered():
    text = edited("  reported: 2024-05-03", "  reported: 2024-01-15")
    assert with_acme(text) == [
        f"{ACME}:{line_of(text, 'reported:')}:13: dates.reported: must not be before dates.discovered ('2024-02-21'); it is '2024-01-15'"
    ]


def test_discovered_before_the_breach_started():
    text = edited("  discovered: 2024-02-21", "  discovered: 2024-01-31")
    assert with_acme(text) == [
        f"{ACME}:{line_of(text, 'discovered:')}:15: dates.discovered: must not be before dates.started ('2024-02'); it is '2024-01-31'"
    ]


def test_a_partial_date_overlapping_its_neighbour_is_in_order():
    """'2024-02' may be any day of February, so a discovery on February 1 is not before it."""
    assert with_acme(edited("  discovered: 2024-02-21", "  discovered: 2024-02-01")) == []


def test_ended_before_started():
    text = edited("  started: 2024-02\n", "  started: 2024-02\n  ended: 2023-12-31\n")
    assert with_acme(text) == [
        f"{ACME}:{line_of(text, 'ended:')}:10: dates.ended: must not be before dates.started ('2024-02'); it is '2023-12-31'"
    ]


def test_an_incident_needs_a_date_that_places_it_in_a_year():
    text = fixture_text("gamma-health-plan-2023").replace("  discovered: 2023-11\n", "  notified: 2023-11\n")
    assert problems_for({GAMMA: text}) == [f"{GAMMA}:{line_of(text, 'notified:')}:3: dates: needs at least one of reported, discovered or started"]


def test_count_history_runs_oldest_first():
    text = edited("  - as_of: 2025-01\n", "  - as_of: 2024-08\n")
    assert with_acme(text) == [
        f"{ACME}:{line_of(text, '- as_of: 2024-08', occurrence=2)}:12: "
        "individuals_affected[2].as_of: '2024-08' is not after the entry before it ('2024-08-15'); list counts oldest first"
    ]


def test_placeholder_only_for_500_or_501():
    text = edited("    count: 12345\n", "    count: 12345\n    placeholder: true\n")
    assert with_acme(text) == [
        f"{ACME}:{line_of(text, 'placeholder: true', 2)}:18: individuals_affected[1].placeholder: "
        "only a count of 500 or 501 can be a placeholder; this count is 12345"
    ]


def test_a_count_cites_a_listed_source():
    text = edited("    source: https://example.com/news/acme-clinic", "    source: https://example.com/elsewhere")
    assert with_acme(text) == [
        f"{ACME}:{line_of(text, 'elsewhere')}:13: individuals_affected[1].source: 'https://example.com/elsewhere' "
        "is not the url of any entry in sources; add it there first"
    ]


def test_a_source_listed_twice():
    text = fixture_text("beta-billing-2024")
    doubled = text + "  - url: https://example.org/hhs-portal\n    title: Again\n    publisher: Again\n    lang: en\n"
    doubled = doubled.replace("related: [acme-clinic-2024]\n", "") + "related: []\n"
    assert problems_for({BETA: doubled}) == [
        f"{BETA}:{line_of(doubled, '- url: https://example.org/hhs-portal', 2)}:10: sources[1].url: this source is listed more than once"
    ]


def test_related_ids_must_exist():
    text = edited("related: [beta-billing-2024]", "related: [beta-billing-2024, delta-dental-2020]")
    assert with_acme(text) == [f"{ACME}:{line_of(text, 'delta-dental')}:30: related[1]: no incident has the id 'delta-dental-2020'"]


def test_an_incident_is_not_related_to_itself():
    text = edited("related: [beta-billing-2024]", "related: [acme-clinic-2024, beta-billing-2024]")
    assert with_acme(text) == [f"{ACME}:{line_of(text, 'related:')}:11: related[0]: an incident cannot be related to itself"]


# ------------------------------------------------------------------ reporting


def test_every_problem_in_every_file_is_reported_in_one_run():
    acme = edited("  reported: 2024-05-03", "  reported: 2024-13-01").replace("  state: TX", "  state: Texas")
    gamma = fixture_text("gamma-health-plan-2023").replace("lang: zh", "lang: fr")
    problems = problems_for({ACME: acme, BETA: fixture_text("beta-billing-2024"), GAMMA: gamma})
    assert [problem.split(": ")[1] for problem in problems] == ["sources[0].lang", "organization.state", "dates.reported"]
    assert [problem.split(":")[0] for problem in problems] == [GAMMA, ACME, ACME]
