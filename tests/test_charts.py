"""Charts: every spec compiles, carries exactly the aggregates' figures, and speaks the page's language."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

import markdown
import pytest

from generator import chart_images
from generator.aggregate import HACKING
from generator.charts import STATE_TILES, Chart, statistics_charts, year_charts
from generator.model import PartialDate
from generator import layout
from generator.load import read_cached_images
from generator.write import write_files
from generator.render.html import ROOM_BEYOND_THE_IMAGE, chart_figure
from generator.render.pages import generated_page_paths, render_site_part, year_story
from generator.render.templates import Language
from generator.vocab import label, vocabulary
from tests.conftest import REPO_ROOT, run_generator, skip_here_fail_in_ci

CJK = re.compile(r"[\u4e00-\u9fff]")


def _all_charts(overview, lang: str) -> list[Chart]:
    charts = list(statistics_charts(overview, lang, "../").values())
    for summary in overview.years:
        charts += year_charts(summary, lang, "../../")
    return charts


def _rows(chart: Chart) -> list[dict[str, Any]]:
    return chart.spec["data"]["values"]


def _by_slug(charts: list[Chart], slug: str) -> Chart:
    return next(chart for chart in charts if chart.slug == slug)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_chart_spec_compiles_with_vl_convert(fixture_overview, lang):
    import vl_convert

    charts = _all_charts(fixture_overview, lang)
    assert len({chart.slug for chart in charts}) == len(charts), "slugs name files: they must be unique"
    for chart in charts:
        for spec in (chart.spec, chart_images.static_spec(chart.spec)):  # the live chart, and the image's
            vega = vl_convert.vegalite_to_vega(spec, vl_version="6.4")
            assert vega["marks"], chart.slug


def test_images_leave_out_what_only_a_live_chart_uses(fixture_overview):
    chart = year_charts(fixture_overview.years[0], "en", "../../")[-1]
    assert {"href", "tooltip"} <= set(chart.spec["encoding"]) and chart.spec["mark"]["cursor"] == "pointer"
    still = chart_images.static_spec(chart.spec)
    assert not {"href", "tooltip"} & set(still["encoding"]) and "cursor" not in still["mark"]
    assert still["width"] == chart_images.STATIC_CHART_WIDTH
    assert still["data"]["values"] == [{"name": row["name"], "individuals": row["individuals"], "rank": row["rank"]} for row in chart.spec["data"]["values"]]
    svg = chart_images.svg_of(chart.spec)
    assert "<a " not in svg and svg.count('role="graphics-symbol"') >= len(chart.spec["data"]["values"])


def test_breaches_and_people_per_year_equal_the_year_totals(fixture_overview):
    charts = statistics_charts(fixture_overview, "en", "../")
    per_year = {row["year"]: row for row in _rows(charts["incidents_per_year"])}
    assert {year: row["incidents"] for year, row in per_year.items()} == {"2023": 1, "2024": 2}
    assert sum(row["incidents"] for row in per_year.values()) == fixture_overview.totals.incidents
    people = _rows(charts["individuals_per_year"])
    for summary in fixture_overview.years:
        parts = [row for row in people if row["year"] == str(summary.year)]
        assert sum(row["individuals"] for row in parts) == summary.totals.individuals
        largest = next(row for row in parts if row["order"] == 1)
        assert largest["individuals"] == summary.largest[0].latest_count.count
    assert per_year["2024"]["url"] == "../years/2024/"


def test_a_breakdown_chart_has_the_rows_of_the_table_beside_it(fixture_overview):
    summary = fixture_overview.years[0]
    chart = _by_slug(year_charts(summary, "en", "../../"), "2024-breach_type")
    assert [(row["category"], row["incidents"], row["individuals"]) for row in _rows(chart)] == [
        (label("breach_type", row.code, "en"), row.incidents, row.individuals) for row in summary.breakdown("breach_type").rows
    ]
    assert [(row["category"], row["incidents"]) for row in _rows(chart)] == [("Hacking/IT incident", 2), ("Theft", 1)]


def test_the_month_chart_counts_every_dated_incident_and_links_only_months_with_a_page(fixture_overview):
    summary = fixture_overview.years[0]
    rows = _rows(_by_slug(year_charts(summary, "en", "../../"), "2024-months"))
    assert len(rows) == 12
    assert sum(row["incidents"] for row in rows) == summary.totals.incidents - len(summary.undated)
    assert [row["url"] for row in rows if "url" in row] == ["../../years/2024-01/", "../../years/2024-05/"]
    pages = generated_page_paths(fixture_overview)
    assert all(f"en/years/{url.split('/')[-2]}.md" in pages for url in (row["url"] for row in rows if "url" in row))


def test_the_largest_breaches_chart_is_ordered_and_links_to_incident_pages(fixture_overview):
    summary = fixture_overview.years[0]
    rows = _rows(_by_slug(year_charts(summary, "zh", "../../"), "2024-largest"))
    assert [row["individuals"] for row in rows] == sorted((row["individuals"] for row in rows), reverse=True)
    assert [row["url"] for row in rows] == [f"../../incidents/{incident.id}/" for incident in summary.largest]
    assert rows[0]["individuals_text"] == "192,700,000"


def _labels_in(svg: str, wanted: list[str]) -> list[str]:
    """The texts of `wanted` in the order the drawn chart shows them."""
    return [text for text in re.findall(r">([^<>]+)</text>", svg) if text in wanted]


def test_bars_stand_in_the_order_of_the_rows_not_alphabetically(fixture_overview):
    """The order of bars is data (`rank`), so one chart design serves every year: the drawing must follow it."""
    months = year_charts(fixture_overview.years[0], "en", "../../")[0]
    names = [row["month"] for row in _rows(months)]
    assert names[:4] == ["Jan", "Feb", "Mar", "Apr"]
    assert _labels_in(chart_images.svg_of(months.spec), names) == names
    per_year = statistics_charts(fixture_overview, "zh", "../")["individuals_per_year"]
    years = list(dict.fromkeys(row["year"] for row in _rows(per_year)))
    assert _labels_in(chart_images.svg_of(per_year.spec), years) == years == ["2023年", "2024年"]
    types = _by_slug(year_charts(fixture_overview.years[0], "en", "../../"), "2024-breach_type")
    reordered = {**types.spec, "data": {"values": [{**row, "rank": -row["rank"]} for row in _rows(types)]}}
    categories = [row["category"] for row in _rows(types)]
    assert _labels_in(chart_images.svg_of(types.spec), categories) == categories
    assert _labels_in(chart_images.svg_of(reordered), categories) == categories[::-1]


def test_the_state_tile_map_places_every_state_once_and_counts_as_the_table():
    assert set(STATE_TILES) == set(vocabulary("us_state").codes)
    assert len(set(STATE_TILES.values())) == len(STATE_TILES), "two states on one tile"


def test_the_state_tile_map_counts_as_the_breakdown(fixture_overview):
    breakdown = fixture_overview.breakdown("us_state")
    rows = _rows(statistics_charts(fixture_overview, "en", "../")["us_state"])
    assert {row["code"]: row["incidents"] for row in rows if row["incidents"]} == {row.code: row.incidents for row in breakdown.rows}
    assert sum(row["incidents"] for row in rows) == sum(row.incidents for row in breakdown.rows)


def test_hacking_share_is_the_share_of_the_years_incidents(fixture_overview):
    rows = _rows(statistics_charts(fixture_overview, "zh", "../")["hacking_share"])
    assert [(row["year"], row["share"], row["share_text"]) for row in rows] == [("2023年", 0.0, "0%"), ("2024年", 1.0, "100%")]
    assert fixture_overview.years[0].share("breach_type", HACKING) == 1.0


def test_threat_actors_chart_appears_only_when_an_incident_names_one(fixture_overview):
    charts = statistics_charts(fixture_overview, "en", "../")
    assert ("threat_actors" in charts) == bool(fixture_overview.threat_actors)
    without = dataclasses.replace(fixture_overview, threat_actors=())
    assert "threat_actors" not in statistics_charts(without, "en", "../")


def _texts(spec: Any) -> list[str]:
    """Every title, label and data string a reader can see in a spec."""
    if isinstance(spec, dict):
        return [text for key, value in spec.items() if key not in ("field", "url", "$schema", "font", "scheme", "labelExpr") for text in _texts(value)]
    if isinstance(spec, list):
        return [text for value in spec for text in _texts(value)]
    return [spec] if isinstance(spec, str) else []


def test_chinese_specs_carry_chinese_titles_axes_tooltips_and_labels(fixture_overview):
    for chart in _all_charts(fixture_overview, "zh"):
        assert CJK.search(chart.spec["title"]), chart.slug
        tooltips = [item["title"] for layer in chart.spec.get("layer", [chart.spec]) for item in layer["encoding"].get("tooltip", [])]
        assert tooltips and all(CJK.search(title) for title in tooltips), chart.slug
    breach_types = _by_slug(_all_charts(fixture_overview, "zh"), "2024-breach_type")
    assert [row["category"] for row in _rows(breach_types)] == ["黑客攻击/IT事件", "盗窃"]
    english_labels = {term.labels["en"] for term in vocabulary("breach_type").terms.values()}
    assert not english_labels & set(_texts(breach_types.spec))


def test_english_specs_carry_no_chinese(fixture_overview):
    for chart in _all_charts(fixture_overview, "en"):
        assert not [text for text in _texts(chart.spec) if CJK.search(text)], chart.slug


def test_axis_ticks_read_wan_and_yi_in_chinese_and_m_in_english(fixture_overview):
    zh = chart_images.svg_of(statistics_charts(fixture_overview, "zh", "../")["individuals_per_year"].spec)
    en = chart_images.svg_of(statistics_charts(fixture_overview, "en", "../")["individuals_per_year"].spec)
    zh_ticks = re.findall(r">([^<>]*亿)</text>", zh)
    assert {"1亿", "1.2亿", "2亿"} <= set(zh_ticks), zh_ticks
    assert re.search(r">120M</text>", en) and re.search(r">200M</text>", en)
    assert ">200,000,000<" not in en and "M<" not in zh


def test_the_chart_figure_carries_no_data_and_escapes_what_it_says(fixture_overview):
    chart = Chart('x"<b>', "t", 'alt "quoted" <b>', {"data": {"values": [{"name": "</script><script>alert(1)</script>"}]}})
    figure = str(chart_figure(chart, layout.year(2024)))
    assert 'src="../../charts/x&quot;&lt;b&gt;.svg"' in figure and 'data-spec="../../charts/x&quot;&lt;b&gt;.vg.json"' in figure
    assert "<script" not in figure and "<b>" not in figure and "alert" not in figure, "the rows live in the spec file, not in the page"


def test_the_live_spec_is_vega_with_the_dark_colours_aside_and_hostile_text_as_data(fixture_overview):
    hostile = '</script><img src=x onerror=alert(1)>=HYPERLINK("x")'
    chart = year_charts(fixture_overview.years[1], "en", "../../")[0]
    spec = {**chart.spec, "data": {"values": [{**row, "title": hostile} for row in chart.spec["data"]["values"]]}}
    live = json.loads(chart_images.live_spec_of(spec))
    assert live["$schema"].startswith("https://vega.github.io/schema/vega/v"), "compiled: the browser needs no Vega-Lite"
    assert {row["title"] for data in live["data"] if "values" in data for row in data["values"]} == {hostile}
    dark = live["usermeta"]["dark"]
    assert dark["background"] == "transparent" and dark["config"] != live.get("config")
    assert set(dark) <= {"background", "config"}, "the dark scheme changes colours only"


def test_a_page_shows_its_charts_untitled_and_a_link_preview_keeps_the_title(fixture_overview):
    _, specs = render_site_part(fixture_overview, "zh", None)
    kinds = {path.split(".", 1)[1] for path in specs}
    assert kinds == {"svg", "png", layout.LIVE_CHART}
    for path, spec in specs.items():
        assert ("title" in spec) == path.endswith(".png"), path  # on a page, the section heading says what a chart is


def test_every_chart_image_on_a_page_carries_its_size(built_site):
    """So the browser keeps the chart's room before the image arrives, and the live chart takes the same room."""
    figures = 0
    for page in built_site.content.rglob("*.md"):
        for found in re.finditer(r'<figure class="tracker-chart" id="chart-([^"]+)" style="--tracker-chart-height: (\d+)px"[^>]*>\n<img class="tracker-chart__image" width="(\d+)" height="(\d+)" src="([^"]+)"', page.read_text(encoding="utf-8")):
            slug, room, width, height, source = found.groups()
            language_root = built_site.content / page.relative_to(built_site.content).parts[0]
            svg = language_root / layout.chart_image(slug)
            assert source.endswith(f"charts/{slug}.svg")
            assert chart_images.svg_size(svg.read_text(encoding="utf-8")) == (int(width), int(height)) and int(room) == int(height) + ROOM_BEYOND_THE_IMAGE, page
            figures += 1
    assert figures >= 2 * 12 and figures == sum(page.read_text(encoding="utf-8").count('<figure class="tracker-chart"') for page in built_site.content.rglob("*.md"))


def test_a_figure_only_a_tooltip_shows_does_not_draw_the_image_again(fixture_overview):
    chart = year_charts(fixture_overview.years[0], "en", "../../")[1]  # type of breach: bars of incidents
    rows = chart.spec["data"]["values"]
    other_people = {**chart.spec, "data": {"values": [{**rows[0], "individuals": 1, "individuals_text": "1"}, *rows[1:]]}}
    assert chart_images.cache_key(other_people) == chart_images.cache_key(chart.spec)
    other_incidents = {**chart.spec, "data": {"values": [{**rows[0], "incidents": rows[0]["incidents"] + 1}, *rows[1:]]}}
    assert chart_images.cache_key(other_incidents) != chart_images.cache_key(chart.spec)


def test_images_are_drawn_once_then_read_from_the_cache(fixture_overview, tmp_path):
    charts = year_charts(fixture_overview.years[1], "en", "../../")[:3]
    specs = {f"{chart.slug}.svg": chart.spec for chart in charts}
    specs[f"{charts[0].slug}.png"] = charts[0].spec
    first, drawn = chart_images.render_images(specs, {})
    assert len(drawn) == 4 and all(first[f"{chart.slug}.svg"].startswith("<svg") for chart in charts)
    assert first[f"{charts[0].slug}.png"].startswith(b"\x89PNG"), "a bitmap for link previews"
    assert set(drawn) == set(chart_images.cache_names(specs).values()), "drawn images come back under their cache names"
    write_files({tmp_path / name: image for name, image in drawn.items()})
    again, drawn_again = chart_images.render_images(specs, read_cached_images(tmp_path, chart_images.cache_names(specs)))
    assert drawn_again == {} and again == first
    changed = {**specs, f"{charts[0].slug}.svg": {**charts[0].spec, "title": "Another title"}}
    _, drawn_after_change = chart_images.render_images(changed, read_cached_images(tmp_path, chart_images.cache_names(changed)))
    assert len(drawn_after_change) == 1


def _as_read(markdown_text: str) -> str:
    """What a reader sees of a Markdown paragraph: the text, without tags and escapes."""
    return re.sub(r"<[^>]+>", "", markdown.markdown(markdown_text))


def test_the_year_story_gives_the_figures_and_waits_for_a_complete_year(fixture_overview):
    summary = fixture_overview.years[0]
    source = str(year_story(summary, fixture_overview, Language("en", layout.year(2024))))
    assert "The largest was at [Acme Clinic &amp; Labs, P.C.](../incidents/acme-clinic-2024.md)" in source
    assert "Its sources name Example Group as the attacker (claimed by the group)." in _as_read(source)
    partial = _as_read(source)
    assert partial.startswith("In 2024, 2 breaches affecting 192,700,501 people were reported; 100% of them were hacking/IT incidents.")
    assert "May 3, 2024" in partial and "not compared with 2023" in partial
    complete = dataclasses.replace(fixture_overview, data_until=PartialDate(2024, 12, 20))
    english = _as_read(year_story(summary, complete, Language("en", layout.year(2024))))
    assert "Compared with 2023: +1 breaches (+100%) and +192,680,501 people affected" in english
    chinese = _as_read(year_story(summary, complete, Language("zh", layout.year(2024))))
    assert "2024年共报告2起泄露事件，影响1.93亿人" in chinese
    assert "与2023年相比，事件数+1起（+100%），受影响人数+1.93亿" in chinese


def test_the_committed_chart_runtime_is_npms_vega_of_the_version_vl_convert_compiles_for():
    if not (REPO_ROOT / "node_modules" / "vega").exists():
        skip_here_fail_in_ci("node_modules/vega is missing (make test runs npm ci)")
    result = run_generator("vendor", "--check")
    assert result.returncode == 0, result.stderr
