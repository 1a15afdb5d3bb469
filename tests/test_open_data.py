"""Open data, the explorer's data and the Atom feeds: what readers take away must match the pages."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree

import pytest

from generator.feeds import ATOM, feed
from generator.open_data import CSV_COLUMNS, csv_cell, explorer_data, incident_record, incidents_csv, open_data_files
from generator.published_schema import build_published_schema, published_schema_json
from generator.schema import schema_json
from generator.vocab import open_data_fields


def test_open_data_holds_every_incident_in_json_csv_and_one_file_each(fixture_overview):
    files = open_data_files(fixture_overview, published_schema_json())
    records = json.loads(files["incidents.json"])["incidents"]
    assert [record["id"] for record in records] == [incident.id for incident in fixture_overview.incidents]
    rows = list(csv.DictReader(io.StringIO(files["incidents.csv"])))
    assert [row["id"] for row in rows] == [record["id"] for record in records]
    assert tuple(rows[0]) == CSV_COLUMNS
    for record in records:
        assert json.loads(files[f"incidents/{record['id']}.json"]) == record
    # incidents.json is put together from the one-by-one files: it must read as json.dumps would write it
    expected = json.dumps({"version": "v1", "incidents": records}, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    assert files["incidents.json"] == expected
    years = json.loads(files["years.json"])["years"]
    assert sum(year["incidents"] for year in years) == fixture_overview.totals.incidents
    assert json.loads(files["incident.schema.json"])["$schema"].startswith("http")


def test_every_published_incident_validates_against_the_published_schema(built_site):
    """With a standard validator in its default mode: the schema's own $schema picks the draft."""
    import jsonschema

    data = built_site.content / "en" / "data" / "v1"
    schema = json.loads((data / "incident.schema.json").read_text(encoding="utf-8"))
    assert schema == build_published_schema()
    jsonschema.validators.validator_for(schema).check_schema(schema)
    one_by_one = sorted((data / "incidents").glob("*.json"))
    assert len(one_by_one) == len(built_site.incident_ids)
    for path in one_by_one:
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)
    for record in json.loads((data / "incidents.json").read_text(encoding="utf-8"))["incidents"]:
        jsonschema.validate(record, schema)


@pytest.mark.parametrize(
    "damage",
    [
        lambda record: record["breach"]["vectors"].append("not_a_vector"),
        lambda record: record.pop("pages"),
        lambda record: record.update(date="2024-13-01"),
        lambda record: record["sources"][0].update(url="http://example.org/"),
        lambda record: record.update(surprise=True),
    ],
)
def test_the_published_schema_rejects_a_damaged_record(fixture_overview, damage):
    import jsonschema

    record = incident_record(fixture_overview.incidents[0])
    jsonschema.validate(record, build_published_schema())
    damage(record)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, build_published_schema())


def test_every_open_data_field_is_described_in_both_languages(fixture_overview):
    record = incident_record(fixture_overview.incidents[0])
    assert set(open_data_fields()) == set(record)
    assert all(set(texts) == {"en", "zh"} for texts in open_data_fields().values())


def test_a_placeholder_count_is_flagged_in_the_csv(fixture_overview):
    rows = list(csv.DictReader(io.StringIO(open_data_files(fixture_overview, schema_json())["incidents.csv"])))
    beta = next(row for row in rows if row["id"] == "beta-billing-2024")
    assert (beta["individuals_affected"], beta["individuals_affected_is_placeholder"]) == ("501", "yes")
    assert beta["breach_types"] == "theft;hacking_it_incident"


def test_explorer_data_speaks_the_pages_language(fixture_overview):
    english, chinese = json.loads(explorer_data(fixture_overview, "en")), json.loads(explorer_data(fixture_overview, "zh"))
    assert len(chinese["rows"]) == fixture_overview.totals.incidents
    assert chinese["labels"]["us_state"]["CA"] == "加利福尼亚州" and english["labels"]["us_state"]["CA"] == "California"
    date = chinese["columns"].index("date_text")
    assert chinese["rows"][0][date] == "2024年5月3日" and english["rows"][0][date] == "May 3, 2024"


def _entries(document: str) -> list[ElementTree.Element]:
    root = ElementTree.fromstring(document.encode("utf-8"))
    assert root.tag == f"{{{ATOM}}}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{{{ATOM}}}{required}") is not None, required
    return root.findall(f"{{{ATOM}}}entry")


def test_the_feeds_are_atom_with_stable_ids_in_each_language(fixture_overview):
    new = _entries(feed(fixture_overview, "zh", "new"))
    assert len(new) == 3 and new[0].find(f"{{{ATOM}}}title").text == "Acme诊所遭网络钓鱼攻击"
    again = _entries(feed(fixture_overview, "zh", "new"))
    assert [entry.find(f"{{{ATOM}}}id").text for entry in new] == [entry.find(f"{{{ATOM}}}id").text for entry in again]
    assert all(entry.find(f"{{{ATOM}}}id").text.startswith("urn:uuid:") for entry in new)
    counts = _entries(feed(fixture_overview, "en", "counts"))
    summaries = [entry.find(f"{{{ATOM}}}summary").text for entry in counts]
    assert summaries == ["People affected: about 12,345 → 192,700,000 (as of Jan 2025).", "People affected: 501 (placeholder) → about 12,345 (as of Aug 15, 2024)."]


def _links(document: str) -> list[str]:
    root = ElementTree.fromstring(document)
    return [link.get("href") for link in root.iter(f"{{{ATOM}}}link")]


def test_feed_links_are_absolute_when_the_site_address_is_known(fixture_overview):
    relative = _links(feed(fixture_overview, "zh", "new"))
    assert relative[:2] == ["new.xml", "../"] and relative[2].startswith("../incidents/")
    absolute = _links(feed(fixture_overview, "zh", "new", "https://example.org/tracker/"))
    assert absolute[:2] == ["https://example.org/tracker/zh/feeds/new.xml", "https://example.org/tracker/zh/"]
    assert absolute[2:] == ["https://example.org/tracker/zh/" + href.removeprefix("../") for href in relative[2:]]
    assert _links(feed(fixture_overview, "en", "counts", "https://example.org/"))[0] == "https://example.org/feeds/counts.xml"


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("https://evil.example","x")', '\'=HYPERLINK("https://evil.example","x")'),
        ("+1 555", "'+1 555"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-cmd", "'-cmd"),
        ("\tTab", "'\tTab"),
        ("-12", "-12"),
        ("Acme = Clinic", "Acme = Clinic"),
    ],
)
def test_a_csv_cell_that_would_be_a_formula_stays_text(text, cell):
    assert csv_cell(text) == cell
    assert csv_cell(1234) == 1234


def test_the_business_associate_ocr_names_reaches_the_csv_as_text(tmp_path):
    from generator.load import load_incident_files
    from generator.validate import validate
    from tests.conftest import FIXTURES, TODAY

    path = FIXTURES / "site_incidents" / "2021" / "juniper-family-practice-2021-02-11.yaml"
    [juniper] = validate(load_incident_files([path], path.parent), TODAY).incidents
    record = incident_record(juniper)
    assert record["hhs"]["case_summary"]["derived_from"] == "ocr_case_summary"
    assert record["hhs"]["case_summary"]["vectors"] == ["phishing", "third_party_vendor"]
    [header, row] = list(csv.reader(io.StringIO(incidents_csv([record]))))
    cells = dict(zip(header, row))
    assert cells["ocr_vectors"] == "phishing;third_party_vendor"
    assert cells["ocr_business_associate"] == "<b>Tideline</b> *Billing* =cmd"
    assert cells["ocr_outcomes"] == "technical_assistance"
