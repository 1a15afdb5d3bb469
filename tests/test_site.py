"""End to end on the fixture site: validate, generate, `mkdocs build --strict`, then read the HTML.

The real incidents are built the same way by benchmarks/full_site.py, in a CI job of its own."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.site


def html(built_site, path: str) -> str:
    return (built_site.site / path / "index.html").read_text(encoding="utf-8")


def test_every_incident_has_a_page_in_both_languages(built_site):
    assert len(built_site.incident_ids) == 10
    for incident_id in built_site.incident_ids:
        for prefix in ("", "zh/"):
            page = built_site.site / prefix / "incidents" / incident_id / "index.html"
            assert page.exists(), page


def test_every_year_has_a_page_in_both_languages(built_site):
    for year in built_site.years:
        assert "<table>" in html(built_site, f"years/{year}")
        assert "<table>" in html(built_site, f"zh/years/{year}")


@pytest.mark.parametrize("path", ["", "incidents", "years", "about", "incidents/delta-medical-group-2024", "years/2024"])
def test_html_lang_is_right_and_the_switcher_stays_on_the_page(built_site, path):
    english, chinese = html(built_site, path), html(built_site, f"zh/{path}".rstrip("/"))
    assert '<html lang="en"' in english
    assert '<html lang="zh"' in chinese
    # The Chinese page's switcher leads back to the same English page, and the other way round.
    english_link = re.search(r'href="([^"]*)" hreflang="en" class="md-select__link"', chinese).group(1)
    chinese_link = re.search(r'href="([^"]*)" hreflang="zh" class="md-select__link"', english).group(1)
    if not path:
        assert (english_link, chinese_link) == ("./../", "./zh/")
        return
    depth = path.count("/") + 1
    assert english_link == "../" * (depth + 1) + f"{path}/"
    assert chinese_link == "../" * depth + f"zh/{path}/"


def test_the_chinese_incident_page_is_in_chinese(built_site):
    page = html(built_site, "zh/incidents/delta-medical-group-2024")
    assert "318万" in page
    assert "2024年2月20日" in page
    assert "受影响人数的变化" in page
    assert "<title>Delta医疗集团遭勒索软件攻击 - 医疗数据泄露追踪</title>" in page


def test_the_english_incident_page_shows_the_count_history(built_site):
    page = html(built_site, "incidents/acme-clinic-2024")
    assert "192,700,000" in page and "12,345" in page and "501 (placeholder)" in page
    assert "Aug 15, 2024" in page


def test_incident_pages_are_not_in_the_navigation(built_site):
    page = html(built_site, "incidents/delta-medical-group-2024")
    nav = page[page.index('<nav class="md-nav md-nav--primary') :]
    nav = nav[: nav.index("</nav>")]
    assert "statistics/" in nav and "delta-medical-group-2024" not in nav


def test_no_page_asks_another_host_for_anything(built_site):
    """Links out are fine; scripts, styles, fonts and images must come from the site itself."""
    for page in built_site.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for tag, attribute in re.findall(r"<(script|link|img|iframe|source)\b[^>]*?\b(?:src|href)=\"(https?:)?//", text):
            pytest.fail(f"{page}: a <{tag}> loads from another host")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, page


def test_the_footer_states_the_licences_in_each_language(built_site):
    english, chinese = html(built_site, "incidents/delta-medical-group-2024"), html(built_site, "zh/incidents/delta-medical-group-2024")
    assert "MIT" in english and "CC BY 4.0" in english and "public domain" in english
    assert "MIT" in chinese and "CC BY 4.0" in chinese and "公有领域" in chinese


def test_an_imported_incident_reads_in_both_languages(built_site):
    english = html(built_site, "incidents/echo-imaging-center-2023-06-02")
    chinese = html(built_site, "zh/incidents/echo-imaging-center-2023-06-02")
    assert "a healthcare provider in California, reported a hacking/IT incident involving a network server and email to HHS on Jun 2, 2023" in english
    assert "加利福尼亚州的医疗服务提供者Echo Imaging Center于2023年6月2日向HHS报告了一起黑客攻击/IT事件" in chinese
    assert "48,210" in chinese and "48,210" in english


def test_the_published_address_gives_each_language_its_site_url(monkeypatch, tmp_path):
    from generator.config import SITE_URL_VARIABLE
    from generator.site import language_config

    monkeypatch.delenv(SITE_URL_VARIABLE, raising=False)
    assert "site_url" not in language_config("en", tmp_path, tmp_path / "out")
    monkeypatch.setenv(SITE_URL_VARIABLE, "https://example.org/tracker")
    assert language_config("en", tmp_path, tmp_path / "out")["site_url"] == "https://example.org/tracker/"
    assert language_config("zh", tmp_path, tmp_path / "out")["site_url"] == "https://example.org/tracker/zh/"


def test_the_sitemap_pairs_every_page_with_its_other_language(tmp_path):
    from xml.etree import ElementTree

    from generator.site import bilingual_sitemap, site_pages

    for page in ("", "incidents/a-b-2024/", "zh/", "zh/incidents/a-b-2024/", "assets/x/", "pagefind/y/"):
        (tmp_path / page).mkdir(parents=True, exist_ok=True)
        (tmp_path / page / "index.html").write_text("<html></html>", encoding="utf-8")
    root = ElementTree.fromstring(bilingual_sitemap(site_pages(tmp_path), "https://example.org/t/&/").encode("utf-8"))
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = [url.find("s:loc", namespace).text for url in root.findall("s:url", namespace)]
    assert locations == [
        "https://example.org/t/&/", "https://example.org/t/&/zh/",
        "https://example.org/t/&/incidents/a-b-2024/", "https://example.org/t/&/zh/incidents/a-b-2024/",
    ]
    alternates = root.findall("s:url", namespace)[3].findall("x:link", namespace)
    assert {link.get("hreflang"): link.get("href") for link in alternates} == {
        "en": "https://example.org/t/&/incidents/a-b-2024/", "zh-Hans": "https://example.org/t/&/zh/incidents/a-b-2024/",
    }


def test_with_a_published_address_pages_get_canonical_links_previews_and_a_sitemap(built_site, monkeypatch, tmp_path):
    from generator.config import SITE_URL_VARIABLE
    from tests.conftest import run_generator

    monkeypatch.setenv(SITE_URL_VARIABLE, "https://example.org/tracker/")
    site = tmp_path / "site"
    built = run_generator("site", "--content", built_site.content, "--output", site)  # the pages do not depend on the address
    assert built.returncode == 0, built.stderr
    year = (site / "zh" / "years" / "2024" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/tracker/zh/years/2024/">' in year
    assert '<meta property="og:image" content="https://example.org/tracker/zh/charts/2024-months.png">' in year
    assert (site / "zh" / "charts" / "2024-months.png").read_bytes().startswith(b"\x89PNG")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert '<loc>https://example.org/tracker/zh/incidents/acme-clinic-2024/</loc>' in sitemap
    assert 'hreflang="zh-Hans" href="https://example.org/tracker/zh/years/2024/"' in sitemap


def test_markdown_without_the_unused_patterns_gives_every_generated_page_the_same_html(fixture_overview):
    """mkdocs_hooks drops inline patterns the generator never writes: the HTML must not change."""
    import importlib.util

    import markdown

    from generator.render.pages import render_site

    spec = importlib.util.spec_from_file_location("mkdocs_hooks", REPO_ROOT / "generator" / "mkdocs_hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    import yaml

    configured = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]
    extensions = ["fenced_code", *(name if isinstance(name, str) else next(iter(name)) for name in configured)]
    pages = {path: text for path, text in render_site(fixture_overview).items() if path.endswith(".md")}
    pages.update({path.relative_to(REPO_ROOT).as_posix(): path.read_text(encoding="utf-8") for path in (REPO_ROOT / "content").glob("*/about.md")})
    assert len(pages) > 30
    for path, text in pages.items():
        plain = markdown.markdown(text, extensions=extensions)
        trimmed = markdown.markdown(text, extensions=[*extensions, hooks._WithoutUnusedPatterns()])
        assert trimmed == plain, path
    assert "generator/mkdocs_hooks.py" in (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_newest_year_says_it_has_no_case_summaries_yet(built_site):
    """OCR summarises a report when it closes it: the newest year has reports but no summaries."""
    from generator.vocab import ui

    newest = max(built_site.years)
    for lang in ("en", "zh"):
        page = (built_site.content / lang / "years" / f"{newest}.md").read_text(encoding="utf-8")
        after_the_count = ui("year_case_summaries_none", lang, total="{total}", year=newest).split("{total}")[1]
        assert after_the_count in page
        assert f"charts/{newest}-ocr-attack_vector.svg" not in page


def test_the_fixture_site_matches_its_golden_folder(built_site):
    """Every generated text file, byte for byte. After an intended change: python -m tests.golden_site, then review the diff."""
    from tests.golden_site import GOLDEN_SITE, golden_files

    expected, actual = golden_files(GOLDEN_SITE), golden_files(built_site.content)
    assert sorted(actual) == sorted(expected), "files added or gone"
    changed = sorted(path for path in expected if actual[path] != expected[path])
    assert changed == [], f"differs from tests/golden/site (refresh with: python -m tests.golden_site): {changed}"


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_an_event_page_lists_its_members_and_each_member_links_back(built_site, prefix):
    event = html(built_site, f"{prefix}events/tideline-billing-2021")
    article = event.split("<article")[1]
    for member in ("juniper-family-practice-2021-02-11", "delta-medical-group-2024"):
        assert f'href="../../incidents/{member}/"' in article
        page = html(built_site, f"{prefix}incidents/{member}")
        assert 'href="../../events/tideline-billing-2021/"' in page
    assert "acme-clinic-2024" not in article, "only the members the event file lists"
    assert ("3,182,145" if not prefix else "318万") in article, "the members' people affected, added up"
    assert ("more than once" if not prefix else "重复计算") in article, "the caution that people may be counted twice"
    index = html(built_site, f"{prefix}events")
    assert 'href="tideline-billing-2021/"' in index


def test_reports_of_one_organization_spelled_two_ways_are_grouped_and_namesakes_in_other_states_are_not(built_site):
    page = html(built_site, "organizations/acme-clinic-and-labs-tx")
    assert 'href="../../incidents/acme-clinic-2024/"' in page and 'href="../../incidents/acme-clinic-labs-pc-2025-04-02/"' in page
    assert "ACME CLINIC &amp;amp; LABS PC" in page or "ACME CLINIC &amp; LABS PC" in page, "the other spelling is shown"
    acme = html(built_site, "incidents/acme-clinic-2024")
    assert 'href="../../organizations/acme-clinic-and-labs-tx/"' in acme
    organizations = sorted(path.name for path in (built_site.site / "organizations").iterdir() if path.is_dir())
    assert organizations == ["acme-clinic-and-labs-tx"], "Beta Billing in California and Beta Billing LLC in New York are two organizations"
    assert "organizations/" not in html(built_site, "incidents/beta-billing-2024").split("<article")[1], "one report: no organization page"


def test_a_year_says_how_much_of_it_traces_to_an_event(built_site):
    english = (built_site.content / "en" / "years" / "2021.md").read_text(encoding="utf-8")
    chinese = (built_site.content / "zh" / "years" / "2021.md").read_text(encoding="utf-8")
    assert "1 reports affecting 2,310 people trace to [Ransomware attack on Tideline Billing (2021)](../events/tideline-billing-2021.md)." in english
    assert "1份报告（2,310人受影响）源于[Tideline Billing遭勒索软件攻击（2021年）](../events/tideline-billing-2021.md)。" in chinese


def test_events_are_in_the_open_data_the_feeds_and_the_explorer(built_site):
    import json
    from xml.etree import ElementTree

    [event] = json.loads((built_site.site / "data" / "v1" / "events.json").read_text(encoding="utf-8"))["events"]
    assert event["members"] == ["delta-medical-group-2024", "juniper-family-practice-2021-02-11"]
    assert event["pages"] == {"en": "events/tideline-billing-2021/", "zh": "zh/events/tideline-billing-2021/"}
    feed = ElementTree.fromstring((built_site.site / "zh" / "feeds" / "events.xml").read_bytes())
    [entry] = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert entry.find("{http://www.w3.org/2005/Atom}title").text == "Tideline Billing遭勒索软件攻击（2021年）"
    explorer = json.loads((built_site.site / "explorer" / "data.json").read_text(encoding="utf-8"))
    at = explorer["columns"].index("events")
    assert {row[0] for row in explorer["rows"] if row[at]} == {"delta-medical-group-2024", "juniper-family-practice-2021-02-11"}
    assert explorer["labels"]["event"] == {"tideline-billing-2021": "Ransomware attack on Tideline Billing (2021)"}


def test_the_excel_csv_is_the_csv_with_a_byte_order_mark(built_site):
    plain = (built_site.site / "data" / "v1" / "incidents.csv").read_bytes()
    excel = (built_site.site / "data" / "v1" / "incidents-excel.csv").read_bytes()
    assert excel == b"\xef\xbb\xbf" + plain and "Delta医疗集团".encode() in plain


def test_every_page_announces_its_languages_feeds(built_site):
    for prefix in ("", "zh/"):
        page = html(built_site, f"{prefix}years/2024")
        feeds = re.findall(r'<link rel="alternate feed" type="application/atom\+xml" href="([^"]+)">', page)
        assert feeds == ["../../feeds/new.xml", "../../feeds/counts.xml", "../../feeds/events.xml"]
        for feed in feeds:
            assert (built_site.site / prefix / "years" / "2024" / feed).resolve().is_file()
