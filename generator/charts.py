"""Stage 4b: Vega-Lite chart specifications, built with Altair from the aggregates (pure functions, no I/O).

Charts never count anything themselves: each reads the same figures the page prints beside it, so a
chart and its table cannot disagree. Every word is in the page's language (interface_text.yaml and the
vocabularies), and every number a reader sees in a tooltip is formatted by generator.formatting, so
Chinese readers get 1.93亿 in the chart as on the page. Only axis ticks are left to Vega, with an
expression that writes 万 and 亿 for Chinese.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, wraps
from typing import Any, TypeVar

import altair as alt

from generator import formatting, layout
from generator.aggregate import HACKING, Breakdown, EventSummary, Overview, YearSummary
from generator.accounts import incident_title
from generator.model import PartialDate
from generator.vocab import category_label, category_title, label, ui

COLOR = "#00897b"
"""Material's teal, the site's primary colour."""
HIGHLIGHT = "#e65100"
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif'
LARGEST_IN_CHART = 10
Result = TypeVar("Result")
TOP_ACTORS = 10


@dataclass(frozen=True)
class Chart:
    slug: str
    """File name under charts/, unique within a language: '2024-breach-type'."""
    title: str
    description: str
    """Alt text: what the chart shows, and where the same figures are written out."""
    spec: dict[str, Any]

    @property
    def untitled_spec(self) -> dict[str, Any]:
        """The spec as a page shows it, live or as an image: the section heading just above says what the
        chart is. Link previews keep the title (the PNG is seen alone)."""
        return {key: value for key, value in self.spec.items() if key != "title"}


def _axis_number_expression(lang: str) -> str | None:
    """Axis ticks for people counts: 150M in English, 1.5亿 and 5000万 in Chinese (d3-format has no 万/亿)."""
    if lang != "zh":
        return None
    return (
        "datum.value >= 1e8 ? format(datum.value / 1e8, '~r') + '亿'"
        " : datum.value >= 1e4 ? format(datum.value / 1e4, '~r') + '万'"
        " : format(datum.value, ',')"
    )


def _people_axis(lang: str, title: str) -> alt.Axis:
    expression = _axis_number_expression(lang)
    if expression:
        return alt.Axis(title=title, labelExpr=expression)
    return alt.Axis(title=title, format="~s")


def _count_axis(title: str) -> alt.Axis:
    return alt.Axis(title=title, format=",d", tickMinStep=1)


ROWS = alt.NamedData(name="rows")
"""Charts are built around a named placeholder and given their rows as plain data at the end: Altair
deep-copies inline data at every step, which was most of the build time of a chart."""

BY_RANK = alt.EncodingSortField(field="rank", op="min")
"""Bars stand in the order of the rows' `rank`, so the order is data and the design can be shared."""


def _unchecked(build: Callable[..., Result]) -> Callable[..., Result]:
    """Build without Altair's check of every object against the Vega-Lite schema, which costs ~20 ms
    per chart (the tests compile every spec with vl-convert instead)."""

    @wraps(build)
    def unchecked(*args: Any, **kwargs: Any) -> Result:
        with alt.utils.schemapi.debug_mode(False):
            return build(*args, **kwargs)

    return unchecked


def _design(build: Callable[..., alt.TopLevelMixin]) -> Callable[..., dict[str, Any]]:
    """A chart's design (marks, encodings, axes, labels) as JSON data, built once per set of arguments.

    A design depends on the language and its labels, never on the figures: those are rows, and even
    the order of the bars is a field of the rows. So the 18 year pages share one design per chart and
    language, and Altair builds about 30 charts instead of 270."""

    @cache
    @_unchecked
    @wraps(build)
    def designed(*args: str) -> dict[str, Any]:
        chart = build(*args).properties(width="container", autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
        spec = chart.configure(font=FONT).configure_view(stroke=None).to_dict(validate=False)
        assert spec["data"] == {"name": "rows"}, "every chart reads one table, ROWS"
        return spec

    return designed


def _spec(design: dict[str, Any], rows: list[dict[str, Any]], title: str, lang: str) -> dict[str, Any]:
    """A design filled in with its title and rows. No d3 locale: CLDR groups Chinese digits by three
    with a comma, as Vega's default does, and dates are never left to Vega."""
    return {**design, "title": title, "data": {"values": rows}, "usermeta": {"lang": lang}}


def _ranked(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**row, "rank": rank} for rank, row in enumerate(rows)]


def _figures(incidents: int, individuals: int, lang: str) -> dict[str, Any]:
    return {
        "incidents": incidents,
        "individuals": individuals,
        "incidents_text": formatting.exact_number(incidents, lang),
        "individuals_text": formatting.exact_number(individuals, lang),
    }


def _tooltips(lang: str, *first: alt.Tooltip) -> list[alt.Tooltip]:
    return [
        *first,
        alt.Tooltip("incidents_text:N", title=ui("column_incidents", lang)),
        alt.Tooltip("individuals_text:N", title=ui("column_individuals", lang)),
    ]


@_design
def _category_bars_design(lang: str, category_title_text: str) -> alt.Chart:
    """Horizontal bars of incidents per category, in rank order; the tooltip adds the people affected."""
    return (
        alt.Chart(ROWS)
        .mark_bar(color=COLOR)
        .encode(
            x=alt.X("incidents:Q", axis=_count_axis(ui("column_incidents", lang))),
            y=alt.Y("category:N", sort=BY_RANK, axis=alt.Axis(title=None, labelLimit=260)),
            tooltip=_tooltips(lang, alt.Tooltip("category:N", title=category_title_text)),
        )
        .properties(height=alt.Step(24))
    )


def _category_bars(slug: str, title: str, category_title_text: str, rows: list[dict[str, Any]], lang: str) -> Chart:
    spec = _spec(_category_bars_design(lang, category_title_text), _ranked(rows), title, lang)
    return Chart(slug, title, ui("chart_description", lang, title=title), spec)


def breakdown_chart(breakdown: Breakdown, slug: str, lang: str) -> Chart:
    """Incidents per category, largest first (the breakdown's own order)."""
    rows = [{"category": category_label(breakdown.vocabulary, row.code, lang), **_figures(row.incidents, row.individuals, lang)} for row in breakdown.rows]
    return _category_bars(slug, category_title(breakdown.vocabulary, lang), ui("column_category", lang), rows, lang)


STATE_TILES: dict[str, tuple[int, int]] = {
    "AK": (0, 0), "ME": (10, 0),
    "WI": (5, 1), "VT": (9, 1), "NH": (10, 1),
    "WA": (0, 2), "ID": (1, 2), "MT": (2, 2), "ND": (3, 2), "MN": (4, 2), "IL": (5, 2), "MI": (6, 2), "NY": (8, 2), "MA": (9, 2),
    "OR": (0, 3), "NV": (1, 3), "WY": (2, 3), "SD": (3, 3), "IA": (4, 3), "IN": (5, 3), "OH": (6, 3), "PA": (7, 3), "NJ": (8, 3), "CT": (9, 3), "RI": (10, 3),
    "CA": (0, 4), "UT": (1, 4), "CO": (2, 4), "NE": (3, 4), "MO": (4, 4), "KY": (5, 4), "WV": (6, 4), "VA": (7, 4), "MD": (8, 4), "DE": (9, 4),
    "AZ": (1, 5), "NM": (2, 5), "KS": (3, 5), "AR": (4, 5), "TN": (5, 5), "NC": (6, 5), "SC": (7, 5), "DC": (8, 5),
    "OK": (3, 6), "LA": (4, 6), "MS": (5, 6), "AL": (6, 6), "GA": (7, 6),
    "HI": (0, 7), "TX": (3, 7), "FL": (8, 7),
    "GU": (0, 8), "MP": (1, 8), "AS": (2, 8), "PR": (9, 8), "VI": (10, 8),
}
"""A tile map: one equal square per state, placed roughly where it lies, so small states stay visible."""


@_design
def _state_tiles_design(lang: str, title: str) -> alt.LayerChart:
    base = alt.Chart(ROWS).encode(
        x=alt.X("column:O", axis=None, scale=alt.Scale(paddingInner=0.1)),
        y=alt.Y("row:O", axis=None, scale=alt.Scale(paddingInner=0.1)),
        tooltip=_tooltips(lang, alt.Tooltip("name:N", title=title)),
    )
    tiles = base.mark_rect(cornerRadius=3).encode(
        color=alt.Color(
            "incidents:Q",
            scale=alt.Scale(scheme="tealblues", domainMin=0),
            legend=alt.Legend(title=ui("column_incidents", lang), format=",d", orient="bottom", gradientLength=240),
        )
    )
    codes = base.mark_text(fontSize=11, fontWeight="bold").encode(text=alt.Text("code:N"), color=alt.Color("ink:N", scale=None))
    return (tiles + codes).resolve_scale(color="independent").properties(height=alt.Step(40))


def state_tile_chart(breakdown: Breakdown, slug: str, lang: str) -> Chart:
    """Incidents per state as a tile map; states without incidents are shown, at zero."""
    title = category_title(breakdown.vocabulary, lang)
    by_code = {row.code: row for row in breakdown.rows if row.code}
    rows = []
    for code, (column, row_number) in STATE_TILES.items():
        found = by_code.get(code)
        rows.append(
            {
                "code": code,
                "name": label("us_state", code, lang),
                "column": column,
                "row": row_number,
                **_figures(found.incidents if found else 0, found.individuals if found else 0, lang),
            }
        )
    most = max((row["incidents"] for row in rows), default=0)
    for row in rows:
        row["ink"] = "white" if row["incidents"] > most / 2 else "#1f2933"
    spec = _spec(_state_tiles_design(lang, title), rows, title, lang)
    return Chart(slug, title, ui("chart_description", lang, title=title), spec)


def _unique_names(names: list[str]) -> list[str]:
    """Two reports by one organization need two bars: repeated names get a number."""
    seen: dict[str, int] = {}
    result = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        result.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return result


@_design
def _largest_design(lang: str) -> alt.Chart:
    return (
        alt.Chart(ROWS)
        .mark_bar(color=COLOR, cursor="pointer")
        .encode(
            x=alt.X("individuals:Q", axis=_people_axis(lang, ui("column_individuals", lang))),
            y=alt.Y("name:N", sort=BY_RANK, axis=alt.Axis(title=None, labelLimit=240)),
            href=alt.Href("url:N"),
            tooltip=[
                alt.Tooltip("title:N", title=ui("column_organization", lang)),
                alt.Tooltip("reported:N", title=ui("column_reported", lang)),
                alt.Tooltip("individuals_text:N", title=ui("column_individuals", lang)),
            ],
        )
        .properties(height=alt.Step(24))
    )


def largest_chart(summary: YearSummary, slug: str, lang: str, root: str) -> Chart:
    """The year's largest breaches by people affected, each bar a link to its incident page."""
    title = ui("year_largest", lang, year=summary.year)
    incidents = summary.largest[:LARGEST_IN_CHART]
    names = _unique_names([incident.organization.display_name(lang) for incident in incidents])
    rows = [
        {
            "name": name,
            "title": incident_title(incident, lang),
            "individuals": incident.latest_count.count or 0,
            "individuals_text": formatting.count_cell(incident.latest_count, lang),
            "reported": formatting.date_text(incident.reference_date, lang),
            "url": root + layout.incident(incident.id).url,
        }
        for name, incident in zip(names, incidents, strict=True)
    ]
    spec = _spec(_largest_design(lang), _ranked(rows), title, lang)
    return Chart(slug, title, ui("chart_description_links", lang, title=title), spec)


@_design
def _months_design(lang: str) -> alt.Chart:
    return (
        alt.Chart(ROWS)
        .mark_bar(color=COLOR, cursor="pointer")
        .encode(
            x=alt.X("month:N", sort=BY_RANK, axis=alt.Axis(title=None, labelAngle=0)),
            y=alt.Y("incidents:Q", axis=_count_axis(ui("column_incidents", lang))),
            href=alt.Href("url:N"),
            tooltip=_tooltips(lang, alt.Tooltip("month_full:N", title=ui("column_month", lang))),
        )
        .properties(height=220)
    )


def months_chart(summary: YearSummary, slug: str, lang: str, root: str) -> Chart:
    """Incidents per month, January to December, each bar a link to its month page."""
    title = ui("year_months", lang)
    by_month = {month.month: month for month in summary.months}
    rows = []
    for number in range(1, 13):
        month = by_month.get(number)
        figures = _figures(month.totals.incidents, month.totals.individuals, lang) if month else _figures(0, 0, lang)
        rows.append(
            {
                "month": formatting.month_name(number, lang),
                "month_full": formatting.date_text(PartialDate(summary.year, number), lang),
                **figures,
                **({"url": root + layout.month(month.slug).url} if month else {}),
            }
        )
    spec = _spec(_months_design(lang), _ranked(rows), title, lang)
    return Chart(slug, title, ui("chart_description_links", lang, title=title), spec)


@_design
def _event_months_design(lang: str) -> alt.Chart:
    return (
        alt.Chart(ROWS)
        .mark_bar(color=COLOR)
        .encode(
            x=alt.X("month:N", sort=BY_RANK, axis=alt.Axis(title=None, labelAngle=-45)),
            y=alt.Y("incidents:Q", axis=_count_axis(ui("column_incidents", lang))),
            tooltip=_tooltips(lang, alt.Tooltip("month:N", title=ui("column_month", lang))),
        )
        .properties(height=220)
    )


def event_chart(summary: EventSummary, lang: str) -> Chart:
    """The reports an event caused, by the month each was reported, from the first to the last (empty
    months shown: how the reports trickled in is the point)."""
    by_month: dict[tuple[int, int], list] = {}
    for incident in summary.members:
        date = incident.reference_date
        by_month.setdefault((date.year, date.month or 1), []).append(incident)
    first, last = min(by_month), max(by_month)
    rows = []
    year, month = first
    while (year, month) <= last:
        members = by_month.get((year, month), [])
        individuals = sum(incident.latest_count.count or 0 for incident in members)
        rows.append({"month": formatting.date_text(PartialDate(year, month), lang), **_figures(len(members), individuals, lang)})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    title = ui("event_chart_title", lang)
    spec = _spec(_event_months_design(lang), _ranked(rows), title, lang)
    description = ui("event_chart_description", lang, reports=formatting.exact_number(summary.totals.incidents, lang))
    return Chart(f"event-{summary.event.id}", title, description, spec)


def year_charts(summary: YearSummary, lang: str, root: str) -> list[Chart]:
    """The charts of one year's page, in page order. `root` leads from the page's URL to the language root."""
    prefix = str(summary.year)
    charts = [months_chart(summary, f"{prefix}-months", lang, root)]
    for item in summary.breakdowns:
        if item.vocabulary == "us_state":
            charts.append(state_tile_chart(item, f"{prefix}-{item.vocabulary}", lang))
        else:
            charts.append(breakdown_chart(item, f"{prefix}-{item.vocabulary}", lang))
    charts.append(largest_chart(summary, f"{prefix}-largest", lang, root))
    if summary.case_summaries.reports:
        for vocabulary_name in CASE_SUMMARY_CHARTS:
            charts.append(case_summary_chart(summary.case_summaries.breakdown(vocabulary_name), f"{prefix}-ocr-{vocabulary_name}", lang))
    return charts


CASE_SUMMARY_CHARTS = ("attack_vector", "data_type", "ocr_outcome")
"""What OCR's case summaries say, charted on year pages and the statistics page."""
TRENDS = {"vectors": ("attack_vector", ("ransomware", "phishing")), "data": ("data_type", ("ssn", "medical_records", "health_insurance", "financial_account", "drivers_license"))}
"""Codes whose share of summarised reports is followed over the years."""


def case_summary_chart(breakdown: Breakdown, slug: str, lang: str) -> Chart:
    """Summarised reports per code, most first: how they happened, which data, OCR's outcome."""
    rows = [{"category": category_label(breakdown.vocabulary, row.code, lang), **_figures(row.incidents, row.individuals, lang)} for row in breakdown.rows]
    title = ui("chart_case_summary", lang, category=category_title(breakdown.vocabulary, lang))
    return _category_bars(slug, title, ui("column_category", lang), rows, lang)


def _year_axis(lang: str) -> alt.X:
    """Years oldest first; Chinese year labels (2024年) are tilted so eighteen of them fit."""
    return alt.X("year:N", sort=BY_RANK, axis=alt.Axis(title=None, labelAngle=-45 if lang == "zh" else 0))


def _year_rows(overview: Overview, lang: str, root: str) -> list[dict[str, Any]]:
    return [
        {
            "year": ui("year_link", lang, year=summary.year),
            "year_number": summary.year,
            "url": root + layout.year(summary.year).url,
            "rank": rank,
            **_figures(summary.totals.incidents, summary.totals.individuals, lang),
        }
        for rank, summary in enumerate(reversed(overview.years))
    ]


@_design
def _incidents_per_year_design(lang: str) -> alt.Chart:
    return (
        alt.Chart(ROWS)
        .mark_bar(color=COLOR, cursor="pointer")
        .encode(
            x=_year_axis(lang),
            y=alt.Y("incidents:Q", axis=_count_axis(ui("column_incidents", lang))),
            href=alt.Href("url:N"),
            tooltip=_tooltips(lang, alt.Tooltip("year:N", title=ui("column_year", lang))),
        )
        .properties(height=240)
    )


def incidents_per_year_chart(overview: Overview, lang: str, root: str) -> Chart:
    title = ui("chart_incidents_per_year", lang)
    spec = _spec(_incidents_per_year_design(lang), _year_rows(overview, lang, root), title, lang)
    return Chart("incidents-per-year", title, ui("chart_description_links", lang, title=title), spec)


@_design
def _individuals_per_year_design(lang: str) -> alt.Chart:
    largest_part, other_part = ui("chart_part_largest", lang), ui("chart_part_others", lang)
    return (
        alt.Chart(ROWS)
        .mark_bar(cursor="pointer")
        .encode(
            x=_year_axis(lang),
            y=alt.Y("individuals:Q", stack="zero", axis=_people_axis(lang, ui("column_individuals", lang))),
            color=alt.Color(
                "part:N",
                scale=alt.Scale(domain=[other_part, largest_part], range=[COLOR, HIGHLIGHT]),
                legend=alt.Legend(title=None, orient="top"),
            ),
            order=alt.Order("order:Q"),
            href=alt.Href("url:N"),
            tooltip=[
                alt.Tooltip("year:N", title=ui("column_year", lang)),
                alt.Tooltip("part:N", title=ui("column_category", lang)),
                alt.Tooltip("name:N", title=ui("column_organization", lang)),
                alt.Tooltip("individuals_text:N", title=ui("column_individuals", lang)),
                alt.Tooltip("total_text:N", title=ui("chart_year_total", lang)),
            ],
        )
        .properties(height=280)
    )


def individuals_per_year_chart(overview: Overview, lang: str, root: str) -> Chart:
    """People affected per year, the year's largest breach stacked apart: one breach can dwarf a year
    (Change Healthcare is most of 2024), and the chart should show that rather than hide it."""
    title = ui("chart_individuals_per_year", lang)
    largest_part, other_part = ui("chart_part_largest", lang), ui("chart_part_others", lang)
    rows = []
    for rank, summary in enumerate(reversed(overview.years)):
        top = summary.largest[0] if summary.largest else None
        top_count = (top.latest_count.count or 0) if top else 0
        common = {
            "year": ui("year_link", lang, year=summary.year),
            "url": root + layout.year(summary.year).url,
            "rank": rank,
            "total_text": formatting.exact_number(summary.totals.individuals, lang),
        }
        rows.append(
            {
                **common, "part": other_part, "order": 0, "individuals": summary.totals.individuals - top_count,
                "individuals_text": formatting.exact_number(summary.totals.individuals - top_count, lang), "name": "",
            }
        )
        rows.append(
            {
                **common, "part": largest_part, "order": 1, "individuals": top_count,
                "individuals_text": formatting.exact_number(top_count, lang), "name": top.organization.display_name(lang) if top else "",
            }
        )
    spec = _spec(_individuals_per_year_design(lang), rows, title, lang)
    return Chart("individuals-per-year", title, ui("chart_description_links", lang, title=title), spec)


@_design
def _hacking_share_design(lang: str) -> alt.Chart:
    return (
        alt.Chart(ROWS)
        .mark_line(color=COLOR, point=alt.OverlayMarkDef(color=COLOR, size=50, cursor="pointer"))
        .encode(
            x=_year_axis(lang),
            y=alt.Y("share:Q", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(title=ui("chart_share_axis", lang), format=".0%")),
            href=alt.Href("url:N"),
            tooltip=[
                alt.Tooltip("year:N", title=ui("column_year", lang)),
                alt.Tooltip("share_text:N", title=ui("chart_share_axis", lang)),
                alt.Tooltip("incidents_text:N", title=ui("column_incidents", lang)),
            ],
        )
        .properties(height=240)
    )


def hacking_share_chart(overview: Overview, lang: str, root: str) -> Chart:
    title = ui("chart_hacking_share", lang)
    rows = [
        {
            **row,
            "share": summary.share("breach_type", HACKING),
            "share_text": formatting.percent(summary.share("breach_type", HACKING), lang),
        }
        for row, summary in zip(_year_rows(overview, lang, root), reversed(overview.years), strict=True)
    ]
    spec = _spec(_hacking_share_design(lang), rows, title, lang)
    return Chart("hacking-share", title, ui("chart_description", lang, title=title), spec)


@_design
def _trend_design(lang: str, series_title: str) -> alt.Chart:
    return (
        alt.Chart(ROWS)
        .mark_line(point=alt.OverlayMarkDef(size=50, cursor="pointer"))
        .encode(
            x=_year_axis(lang),
            y=alt.Y("share:Q", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(title=ui("chart_case_share_axis", lang), format=".0%")),
            color=alt.Color("series:N", sort=alt.EncodingSortField(field="series_rank", op="min"), legend=alt.Legend(title=None, orient="top")),
            href=alt.Href("url:N"),
            tooltip=[
                alt.Tooltip("year:N", title=ui("column_year", lang)),
                alt.Tooltip("series:N", title=series_title),
                alt.Tooltip("share_text:N", title=ui("chart_case_share_axis", lang)),
                alt.Tooltip("reports_text:N", title=ui("column_summarised", lang)),
            ],
        )
        .properties(height=260)
    )


def trend_chart(overview: Overview, role: str, lang: str, root: str) -> Chart:
    """The share of each year's summarised reports naming each code; a year without summaries has no point."""
    vocabulary_name, codes = TRENDS[role]
    title = {"vectors": ui("chart_trend_vectors", lang), "data": ui("chart_trend_data", lang)}[role]
    rows = []
    for series_rank, code in enumerate(codes):
        for year_row, summary in zip(_year_rows(overview, lang, root), reversed(overview.years), strict=True):
            share = summary.case_summaries.share(vocabulary_name, code)
            if share is None:
                continue
            rows.append(
                {
                    **year_row, "series": category_label(vocabulary_name, code, lang), "series_rank": series_rank, "share": share,
                    "share_text": formatting.percent(share, lang), "reports_text": formatting.exact_number(summary.case_summaries.reports, lang),
                }
            )
    spec = _spec(_trend_design(lang, category_title(vocabulary_name, lang)), rows, title, lang)
    return Chart(f"trend-{role}", title, ui("chart_description", lang, title=title), spec)


def threat_actor_chart(overview: Overview, lang: str) -> Chart:
    rows = [{"category": row.name, **_figures(row.incidents, row.individuals, lang)} for row in overview.threat_actors[:TOP_ACTORS]]
    return _category_bars("threat-actors", ui("chart_threat_actors", lang), ui("fact_threat_actor", lang), rows, lang)


def statistics_charts(overview: Overview, lang: str, root: str) -> dict[str, Chart]:
    """The statistics page's charts by role: across the years, then all years together by category."""
    charts = {
        "incidents_per_year": incidents_per_year_chart(overview, lang, root),
        "individuals_per_year": individuals_per_year_chart(overview, lang, root),
        "hacking_share": hacking_share_chart(overview, lang, root),
    }
    if overview.threat_actors:
        charts["threat_actors"] = threat_actor_chart(overview, lang)
    if overview.case_summaries.reports:
        for role in TRENDS:
            charts[f"trend_{role}"] = trend_chart(overview, role, lang, root)
        for vocabulary_name in CASE_SUMMARY_CHARTS:
            charts[f"ocr_{vocabulary_name}"] = case_summary_chart(overview.case_summaries.breakdown(vocabulary_name), f"all-ocr-{vocabulary_name}", lang)
    for item in overview.breakdowns:
        slug = f"all-{item.vocabulary}"
        charts[item.vocabulary] = (
            state_tile_chart(item, slug, lang) if item.vocabulary == "us_state" else breakdown_chart(item, slug, lang)
        )
    return charts
