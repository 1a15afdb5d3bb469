"""Rendered Markdown: golden pages for one incident in both languages, and text that stays text.

Refresh the golden files after an intended change, then read the diff:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import markdown
import pytest
import yaml

from generator.load import load_incident_files
from generator.validate import validate
from tests.conftest import TODAY
from generator.render.escape import front_matter_value, link, markdown_text
from generator.render.pages import render_incident, render_site

GOLDEN = Path(__file__).resolve().parent / "golden"
MKDOCS_EXTENSIONS = ["tables", "attr_list", "toc"]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=MKDOCS_EXTENSIONS)


def front_matter(page: str) -> dict:
    match = re.match(r"---\n(.*?)\n---\n", page, re.S)
    assert match, "page has no front matter"
    return yaml.safe_load(match.group(1))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_incident_page_matches_golden(fixture_overview, lang):
    acme = next(incident for incident in fixture_overview.incidents if incident.id == "acme-clinic-2024")
    related = tuple((fixture_overview.by_id[other].title.in_(lang), other) for other in acme.related)
    page = render_incident(acme, lang, (related, (), None))
    golden = GOLDEN / f"acme-clinic-2024.{lang}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_page_with_facts_from_ocrs_case_summary_matches_golden(lang):
    path = Path(__file__).resolve().parent / "fixtures" / "site_incidents" / "2021" / "juniper-family-practice-2021-02-11.yaml"
    [juniper] = validate(load_incident_files([path], path.parent), TODAY).incidents
    page = render_incident(juniper, lang, ((), (), None))
    golden = GOLDEN / f"juniper-family-practice-2021-02-11.{lang}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8")
    html = to_html(page.split("---\n", 2)[2])  # MkDocs reads the front matter apart
    assert "<b>Tideline" not in html and "<em>Billing" not in html, "the name stays text"


def test_the_site_has_every_page_in_every_language(fixture_overview):
    pages = render_site(fixture_overview)
    for lang in ("en", "zh"):
        for incident in fixture_overview.incidents:
            assert f"{lang}/incidents/{incident.id}.md" in pages
        for year in (2023, 2024):
            assert f"{lang}/years/{year}.md" in pages
        assert {f"{lang}/index.md", f"{lang}/incidents/index.md", f"{lang}/years/index.md", f"{lang}/statistics.md"} <= set(pages)
        # A page per month with incidents: Acme (2024-05), Beta (2024-01), Gamma (2023-11).
        assert {f"{lang}/years/2024-05.md", f"{lang}/years/2024-01.md", f"{lang}/years/2023-11.md"} <= set(pages)
    markdown_pages = [path for path in pages if path.endswith(".md")]
    # Per language: 3 incidents, 2 years, 3 months, and home, incidents, years, statistics, explorer, open data, search, events, organizations.
    assert len(markdown_pages) == 2 * (3 + 2 + 3 + 9)


def test_month_pages_list_their_incidents_and_year_pages_link_them(fixture_overview):
    pages = render_site(fixture_overview)
    assert "[Acme Clinic &amp; Labs, P.C.](../incidents/acme-clinic-2024.md)" in pages["en/years/2024-05.md"]
    assert "[2024年5月](2024-05.md)" in pages["zh/years/2024.md"]
    assert "[2024年全年](2024.md)" in pages["zh/years/2024-05.md"]


def test_chinese_pages_carry_no_english_interface_text(fixture_overview):
    english_words = re.compile(
        r"\b(people|affected|Timeline|Sources|Source|Organization|Unknown|Date|Event|incidents?|published|placeholder|Yes|No)\b"
    )
    data_texts = {
        text
        for incident in fixture_overview.incidents
        for text in [incident.organization.name, incident.organization.parent or "", incident.breach.threat_actor or ""]
        + [source.title for source in incident.sources]
        + [source.publisher for source in incident.sources]
    }
    for path, page in render_site(fixture_overview).items():
        if not path.startswith("zh/") or not path.endswith(".md"):
            continue  # data files (JSON, feeds) are checked for their language in test_open_data
        # Chart specs name their data fields in English; what a reader sees of them is checked in test_charts.
        page = re.sub(r'<script type="application/json"[^>]*>.*?</script>|<[^>]+>', "", page)
        # File and field names of the open data are names, not words: `incidents.json`, incidents/ID.json.
        page = re.sub(r"`[^`]*`|[\w/.-]*incidents?[\w/.-]*\.(?:json|csv)|incidents/", "", page)
        page = re.sub(r"(?m)^image: .*$", "", page)  # the preview image's file name
        for text in data_texts:
            page = page.replace(markdown_text(text), "")
        assert not english_words.findall(re.sub(r"\(([^)]*)\)", "", page)), path


def test_the_year_page_prints_the_aggregated_figures(fixture_overview):
    pages = render_site(fixture_overview)
    assert "In 2024, 2 breaches affecting 192,700,501 people were reported;" in pages["en/years/2024.md"]
    assert "2024年共报告2起泄露事件，影响1\\.93亿人" in pages["zh/years/2024.md"]
    assert "| Hacking/IT incident | 2 | 192,700,501 |" in pages["en/years/2024.md"]
    assert "| 盗窃 | 1 | 501 |" in pages["zh/years/2024.md"]


def test_a_placeholder_headline_says_what_it_is(fixture_overview):
    pages = render_site(fixture_overview)
    assert "HHS shows 501, the placeholder it uses while the real count is unknown." in pages["en/incidents/beta-billing-2024.md"]
    assert "HHS显示为501，这是实际人数未知时使用的占位数。" in pages["zh/incidents/beta-billing-2024.md"]


def test_chinese_wrapped_lines_join_without_spaces(fixture_overview):
    page = render_site(fixture_overview)["zh/incidents/acme-clinic-2024.md"]
    assert "打开了钓鱼邮件，攻击者经由" in page


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![x](https://evil.example/pixel.png)",
    "**bold** _it_ `code` | pipe",
    "# heading",
    "1. not a list",
    "- not a list",
    "> not a quote",
    "{: onclick=alert(1) }",
    "&lt;script&gt; stays literal",
    "<https://evil.example>",
    "a\nb\n\n# not a heading",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_data_renders_as_the_same_characters_and_nothing_more(text):
    html = to_html(f"- {markdown_text(text)}\n\n| a |\n|---|\n| {markdown_text(text)} |\n")
    assert "<script" not in html and "<img" not in html and "<a " not in html and "<h1" not in html
    assert "onerror=" not in html.replace("onerror=&quot;", "") or "&lt;img" in html
    assert "<strong>" not in html and "<em>" not in html and "<code>" not in html and "<blockquote>" not in html
    expected = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert html.count(expected) == 2, html


def test_a_link_keeps_its_target_and_escapes_its_text():
    html = to_html(str(link("<b>Report</b> [1]", "https://example.com/a_(b)")))
    assert html == '<p><a href="https://example.com/a_%28b%29">&lt;b&gt;Report&lt;/b&gt; [1]</a></p>'


def test_front_matter_values_are_safe_inside_an_html_attribute():
    value = str(front_matter_value('Say "hi" <script>'))
    assert yaml.safe_load(f"d: {value}") == {"d": "Say &quot;hi&quot; &lt;script&gt;"}


def test_a_year_without_case_summaries_says_so_in_both_languages(fixture_overview):
    """The real data's newest years have HHS reports but no summary yet; that sentence is checked in the
    browser tests' build. Here: a year with no HHS report at all."""
    from generator.vocab import ui

    pages = render_site(fixture_overview)
    for lang in ("en", "zh"):
        page = pages[f"{lang}/years/2024.md"]
        assert ui("year_case_summaries_no_hhs", lang, year=2024) in page  # the fixtures hold no HHS report
        assert "ocr-attack_vector" not in page, "no chart of zeros"
