"""Every validation rule, with the exact messages, files, lines and columns a contributor would see.

Most rules are one row of CASES: an edit to the Acme fixture and the full list of problems it must
produce, nothing more and nothing less. Rules that need other fixtures, several files or another
`today` have their own tests below the table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from tests.conftest import fixture_text, line_of, problems_for

ACME = "incidents/2024/acme-clinic-2024.yaml"
BETA = "incidents/2024/beta-billing-2024.yaml"
GAMMA = "incidents/2023/gamma-health-plan-2023.yaml"


def untouched() -> dict[str, str]:
    """The fixtures other than Acme (Acme's related incident among them), as they are on disk."""
    return {BETA: fixture_text("beta-billing-2024"), GAMMA: fixture_text("gamma-health-plan-2023")}


def with_acme(text: str) -> list[str]:
    """Validate an edited Acme alongside the untouched other fixtures."""
    return problems_for({ACME: text, **untouched()})


def edited(old: str, new: str) -> str:
    text = fixture_text("acme-clinic-2024")
    assert old in text, old
    return text.replace(old, new, 1)


@dataclass(frozen=True)
class At:
    """One expected problem: in `file`, on the `occurrence`-th line containing `needle`, at `column`, saying `message`.

    `message` is everything after "file:line:column: ", that is the field and what is wrong with it."""

    needle: str
    column: int
    message: str
    occurrence: int = 1
    file: str = ACME


HOSTILE_URLS = {
    "url-javascript": "javascript:alert(1)",
    "url-data": "data:text/html,<script>alert(1)</script>",
    "url-with-a-space": "https://exa mple.com",
}

# (id, (old, new): the edit to Acme, [every problem it must cause, in order])
CASES: list[tuple[str, tuple[str, str], list[At]]] = [
    # -------------------------------------------------------------- schema: structure and vocabularies
    ("missing-required-field-points-at-its-parent", ("  entity_type: healthcare_provider\n", ""), [
        At("name: Acme Clinic", 3, "organization.entity_type: this required field is missing"),
    ]),
    ("unknown-field-points-at-the-key", ("  parent: Acme Health Network\n", "  parent: Acme Health Network\n  ceo: Jane Doe\n"), [
        At("ceo:", 3, "organization.ceo: unknown field; expected one of: country, entity_type, name, name_zh, parent, state"),
    ]),
    ("value-outside-the-vocabulary-suggests-the-code", ("  entity_type: healthcare_provider", "  entity_type: healthcare_providr"), [
        At("healthcare_providr", 16,
           "organization.entity_type: 'healthcare_providr' is not a known covered-entity type (did you mean 'healthcare_provider'?); "
           "expected one of: healthcare_provider, health_plan, business_associate, healthcare_clearinghouse"),
    ]),
    ("hhs-wording-is-translated-into-the-code", ("  types: [hacking_it_incident]", "  types: [Hacking/IT Incident]"), [
        At("Hacking/IT", 11,
           "breach.types[0]: 'Hacking/IT Incident' is not a known type of breach "
           "(HHS writes 'Hacking/IT Incident'; the code is 'hacking_it_incident'); "
           "expected one of: hacking_it_incident, unauthorized_access_disclosure, theft, loss, improper_disposal, other, unknown"),
    ]),
    ("data-type-outside-the-vocabulary", ("data_types: [name,", "data_types: [blood_type, name,"), [
        At("blood_type", 14,
           "data_types[0]: 'blood_type' is not a known data type; expected a code such as 'name' (all 22 are listed in CONTRIBUTING.md)"),
    ]),
    ("attack-vector-outside-the-vocabulary", ("vectors: [phishing,", "vectors: [smishing,"), [
        At("smishing", 13,
           "breach.vectors[0]: 'smishing' is not a known attack vector (did you mean 'phishing'?); expected one of: "
           "ransomware, phishing, malware, stolen_credentials, software_vulnerability, misconfiguration, tracking_technology, "
           "hacking_unspecified, third_party_vendor, insider, lost_device, stolen_device, paper_theft, mailing_error, improper_disposal"),
    ]),
    ("state-outside-the-vocabulary-does-not-list-all-fifty-six", ("  state: TX", "  state: Texas"), [
        At("state: Texas", 10,
           "organization.state: 'Texas' is not a known US state or territory code; "
           "expected a code such as 'AL' (all 56 are listed in CONTRIBUTING.md)"),
    ]),
    ("count-with-separators-says-how-to-write-it", ("    count: 12345", '    count: "12,345"'), [
        At("12,345", 12,
           "individuals_affected[1].count: expected a whole number, found the text '12,345'; write it without separators: 12345"),
    ]),
    ("fractional-count", ("    count: 12345", "    count: 12345.5"), [
        At("12345.5", 12, "individuals_affected[1].count: expected a whole number, found the number 12345.5"),
    ]),
    ("negative-count", ("    count: 12345", "    count: -3"), [
        At("count: -3", 12, "individuals_affected[1].count: -3 is negative; expected a whole number of 0 or more"),
    ]),
    ("impossible-month-is-caught-by-the-schema", ("  reported: 2024-05-03", "  reported: 2024-13-01"), [
        At("2024-13-01", 13,
           "dates.reported: '2024-13-01' is not a date (expected YYYY-MM-DD, or YYYY-MM or YYYY when the source gives no day)"),
    ]),
    ("date-in-another-format", ("  reported: 2024-05-03", "  reported: 05/03/2024"), [
        At("05/03/2024", 13,
           "dates.reported: '05/03/2024' is not a date (expected YYYY-MM-DD, or YYYY-MM or YYYY when the source gives no day)"),
    ]),
    ("plain-http-source-url", ("  - url: https://example.com/news/acme-clinic", "  - url: http://example.com/news/acme-clinic"), [
        At("url: http://", 10,
           "sources[0].url: 'http://example.com/news/acme-clinic' is not a web address of the form https://host/path, "
           "with no spaces or quotes"),
    ]),
    *[
        (name, ("  - url: https://example.com/news/acme-clinic", f"  - url: '{url}'"), [
            At(url, 10, f"sources[0].url: {url!r} is not a web address of the form https://host/path, with no spaces or quotes"),
        ])
        for name, url in HOSTILE_URLS.items()
    ],
    ("title-missing-its-chinese", ("  zh: Acme诊所遭网络钓鱼攻击\n", ""), [
        At("en: Phishing attack", 3, "title.zh: this required field is missing"),
    ]),
    ("blank-summary", (
        "  zh: |\n    Acme诊所的一名员工打开了钓鱼邮件，\n    攻击者经由一家供应商进入了诊所的邮箱和一台网络服务器。\n\n    受影响人数从占位数增长为一个很大的数字。\n",
        "  zh: '   '\n",
    ), [
        At("'   '", 7, "summary.zh: must not be blank"),
    ]),
    ("data-type-listed-twice", ("data_types: [name,", "data_types: [ssn, name,"), [
        At("data_types", 40, "data_types[3]: 'ssn' is listed more than once"),
    ]),
    ("placeholder-flag-that-is-not-a-boolean", ("    placeholder: true", "    placeholder: yes"), [
        At("placeholder: yes", 18, "individuals_affected[0].placeholder: expected true or false, found the text 'yes'"),
    ]),
    # -------------------------------------------------------------- rules across fields
    ("id-must-equal-the-file-name", ("id: acme-clinic-2024", "id: acme-clinic"), [
        At("id: acme-clinic", 5, "id: 'acme-clinic' does not match the file name; expected 'acme-clinic-2024'"),
        At("related: [acme-clinic-2024]", 11, "related[0]: no incident has the id 'acme-clinic-2024'", file=BETA),
    ]),
    ("date-that-does-not-exist", ("  discovered: 2024-02-21", "  discovered: 2024-02-30"), [
        At("2024-02-30", 15, "dates.discovered: '2024-02-30' is not a date (expected YYYY-MM-DD)"),
    ]),
    ("reported-before-discovered", ("  reported: 2024-05-03", "  reported: 2024-01-15"), [
        At("reported:", 13, "dates.reported: must not be before dates.discovered ('2024-02-21'); it is '2024-01-15'"),
    ]),
    ("discovered-before-the-breach-started", ("  discovered: 2024-02-21", "  discovered: 2024-01-31"), [
        At("discovered:", 15, "dates.discovered: must not be before dates.started ('2024-02'); it is '2024-01-31'"),
    ]),
    # '2024-02' may be any day of February, so a discovery on February 1 is not before it.
    ("partial-date-overlapping-its-neighbour-is-in-order", ("  discovered: 2024-02-21", "  discovered: 2024-02-01"), []),
    ("ended-before-started", ("  started: 2024-02\n", "  started: 2024-02\n  ended: 2023-12-31\n"), [
        At("ended:", 10, "dates.ended: must not be before dates.started ('2024-02'); it is '2023-12-31'"),
    ]),
    ("count-history-runs-oldest-first", ("  - as_of: 2025-01\n", "  - as_of: 2024-08\n"), [
        At("- as_of: 2024-08", 12,
           "individuals_affected[2].as_of: '2024-08' is not after the entry before it ('2024-08-15'); list counts oldest first",
           occurrence=2),
    ]),
    ("placeholder-only-for-500-or-501", ("    count: 12345\n", "    count: 12345\n    placeholder: true\n"), [
        At("placeholder: true", 18,
           "individuals_affected[1].placeholder: only a count of 500 or 501 can be a placeholder; this count is 12345",
           occurrence=2),
    ]),
    ("count-cites-a-listed-source", ("    source: https://example.com/news/acme-clinic", "    source: https://example.com/elsewhere"), [
        At("elsewhere", 13,
           "individuals_affected[1].source: 'https://example.com/elsewhere' is not the url of any entry in sources; add it there first"),
    ]),
    ("related-ids-must-exist", ("related: [beta-billing-2024]", "related: [beta-billing-2024, delta-dental-2020]"), [
        At("delta-dental", 30, "related[1]: no incident has the id 'delta-dental-2020'"),
    ]),
    ("incident-is-not-related-to-itself", ("related: [beta-billing-2024]", "related: [acme-clinic-2024, beta-billing-2024]"), [
        At("related:", 11, "related[0]: an incident cannot be related to itself"),
    ]),
]


def test_the_fixtures_are_valid():
    assert with_acme(fixture_text("acme-clinic-2024")) == []


@pytest.mark.parametrize("edit, expected", [pytest.param(edit, expected, id=name) for name, edit, expected in CASES])
def test_an_edit_to_acme_reports_exactly_these_problems(edit: tuple[str, str], expected: list[At]):
    text = edited(*edit)
    texts = {ACME: text, **untouched()}
    assert with_acme(text) == [
        f"{at.file}:{line_of(texts[at.file], at.needle, at.occurrence)}:{at.column}: {at.message}" for at in expected
    ]


# ------------------------------------------------------------------ rules that need other fixtures, several files or another day


def test_no_sources():
    text = fixture_text("gamma-health-plan-2023")
    start = text.index("sources:")
    text = text[:start] + "sources: []\n"
    assert problems_for({GAMMA: text}) == [f"{GAMMA}:{line_of(text, 'sources: []')}:10: sources: needs at least 1 entry; the list is empty"]


def test_ids_must_be_unique_across_folders():
    other = "incidents/2025/acme-clinic-2024.yaml"
    text = fixture_text("acme-clinic-2024")
    problems = problems_for({ACME: text, other: text, **untouched()})
    assert problems == [f"{other}:{line_of(text, 'id:')}:5: id: 'acme-clinic-2024' is already the id of {ACME}"]


def test_a_date_in_the_future():
    text = fixture_text("acme-clinic-2024")
    problems = problems_for({ACME: text, **untouched()}, today=dt.date(2024, 5, 9))
    assert problems == [
        f"{ACME}:{line_of(text, 'notified:')}:13: dates.notified: '2024-05-10' is in the future (today is 2024-05-09)",
        f"{ACME}:{line_of(text, '- as_of: 2024-08-15')}:12: individuals_affected[1].as_of: '2024-08-15' is in the future (today is 2024-05-09)",
        f"{ACME}:{line_of(text, '- as_of: 2025-01')}:12: individuals_affected[2].as_of: '2025-01' is in the future (today is 2024-05-09)",
        f"{ACME}:{line_of(text, 'published: 2024-08-15')}:16: sources[0].published: '2024-08-15' is in the future (today is 2024-05-09)",
    ]


def test_an_incident_needs_a_date_that_places_it_in_a_year():
    text = fixture_text("gamma-health-plan-2023").replace("  discovered: 2023-11\n", "  notified: 2023-11\n")
    assert problems_for({GAMMA: text}) == [f"{GAMMA}:{line_of(text, 'notified:')}:3: dates: needs at least one of reported, discovered or started"]


def test_a_source_listed_twice():
    text = fixture_text("beta-billing-2024")
    doubled = text + "  - url: https://example.org/hhs-portal\n    title: Again\n    publisher: Again\n    lang: en\n"
    doubled = doubled.replace("related: [acme-clinic-2024]\n", "") + "related: []\n"
    assert problems_for({BETA: doubled}) == [
        f"{BETA}:{line_of(doubled, '- url: https://example.org/hhs-portal', 2)}:10: sources[2].url: this source is listed more than once"
    ]


# ------------------------------------------------------------------ reporting


def test_every_problem_in_every_file_is_reported_in_one_run():
    acme = edited("  reported: 2024-05-03", "  reported: 2024-13-01").replace("  state: TX", "  state: Texas")
    gamma = fixture_text("gamma-health-plan-2023").replace("lang: zh", "lang: fr")
    problems = problems_for({ACME: acme, BETA: fixture_text("beta-billing-2024"), GAMMA: gamma})
    assert [problem.split(": ")[1] for problem in problems] == ["sources[0].lang", "organization.state", "dates.reported"]
    assert [problem.split(":")[0] for problem in problems] == [GAMMA, ACME, ACME]


def test_an_id_a_folder_page_uses_is_refused():
    text = fixture_text("gamma-health-plan-2023").replace("id: gamma-health-plan-2023", "id: index")
    assert problems_for({"incidents/2023/index.yaml": text}) == [
        f"incidents/2023/index.yaml:{line_of(text, 'id: index')}:5: id: 'index' is the name of a folder's own page; choose another id (and file name)"
    ]
