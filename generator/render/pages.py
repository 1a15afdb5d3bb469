"""Every page of the site in every language, as {path under content/: text}, at the places generator.layout
gives. Pure: the pipeline decides what runs where, and generator.write puts the files in place."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from generator import formatting, layout
from generator.accounts import incident_title
from generator.aggregate import HACKING, EventSummary, MonthSummary, OrganizationGroup, Overview, YearSummary, largest, threat_actors
from generator.charts import CASE_SUMMARY_CHARTS, TRENDS, Chart, event_chart, statistics_charts, year_charts
from generator.config import HHS_PORTAL_URL, LANGUAGES, LATEST_INCIDENTS_ON_HOME, WORD_SPACE
from generator.feeds import feed_files
from generator.model import Incident
from generator.open_data import explorer_data, open_data_files
from generator.render.escape import link
from generator.render.html import chart_figure, headline, raw_link
from generator.render.incident_page import incident_page, source_rows
from generator.render.templates import Language, render_template
from generator.published_schema import published_schema_json
from generator.vocab import open_data_fields, ui


ACTORS_AMONG_LARGEST_OF_YEAR = 10
ACTORS_AMONG_LARGEST_EVER = 25


def actors_named(incidents: tuple[Incident, ...], l10n: Language) -> tuple[int, Markup] | None:
    """How many of these incidents name an attacker, and the attackers with their counts, most named first."""
    rows = threat_actors(incidents)
    if not rows:
        return None
    listed = Markup(l10n.t("list_separator")).join(
        l10n.sentence("actor_in_count", actor=row.name, count=l10n.number(row.incidents)) for row in rows
    )
    return sum(row.incidents for row in rows), listed


def year_story(summary: YearSummary, overview: Overview, l10n: Language) -> Markup:
    """The year in two or three sentences, with the change from the year before where both are complete."""
    lang = l10n.lang
    largest = summary.largest[0]
    parts = [
        l10n.sentence(
            "year_story",
            year=summary.year,
            incidents=l10n.number(summary.totals.incidents),
            individuals=l10n.headline(summary.totals.individuals),
            share=l10n.percent(summary.share("breach_type", HACKING)),
            largest=l10n.incident_link(largest),
            largest_count=formatting.count_text(largest.latest_count, lang, headline=True),
        )
    ]
    actor, status = largest.breach.threat_actor, largest.breach.threat_actor_status
    if actor and status:
        parts.append(l10n.sentence("year_story_actor", actor=actor, status=l10n.label("actor_attribution", status)))
    elif actor:
        parts.append(l10n.sentence("year_story_actor_unsure", actor=actor))
    among = summary.largest[:ACTORS_AMONG_LARGEST_OF_YEAR]
    named = actors_named(among, l10n)
    if named is not None and not (named[0] == 1 and actor):  # the largest's own attacker was told just above
        parts.append(l10n.sentence("year_story_actors", count=l10n.number(len(among)), named=l10n.number(named[0]), actors=named[1]))
    previous = overview.year_before(summary)
    if previous is not None and summary.year == overview.years[0].year and overview.data_until.month != 12:
        parts.append(l10n.sentence("year_story_partial", date=l10n.date(overview.data_until), previous=previous.year))
    elif previous is not None:
        incidents_change = summary.totals.incidents - previous.totals.incidents
        individuals_change = summary.totals.individuals - previous.totals.individuals
        parts.append(
            l10n.sentence(
                "year_story_change",
                previous=previous.year,
                incidents_change=formatting.signed_number(incidents_change, lang),
                incidents_percent=formatting.signed_percent(incidents_change / previous.totals.incidents, lang),
                individuals_change=formatting.signed_number(individuals_change, lang, headline=True),
                individuals_percent=formatting.signed_percent(individuals_change / max(previous.totals.individuals, 1), lang),
            )
        )
    return Markup(WORD_SPACE[lang]).join(parts)


def render_incident(incident: Incident, lang: str, links: IncidentLinks) -> str:
    related, events, organization = links
    place = layout.incident(incident.id)
    event_links = Markup(" · ").join(link(title, place.link_to(layout.event(event_id))) for title, event_id in events)
    return render_template(
        "incident.md.j2", lang, place, page=incident_page(incident, lang, related, events, organization),
        headline=headline, hhs_portal_url=HHS_PORTAL_URL, event_links=event_links,
    )


def render_event(summary: EventSummary, lang: str, chart: Chart) -> str:
    page, event = layout.event(summary.event.id), summary.event
    description = ui(
        "event_description", lang, title=event.title.in_(lang),
        reports=formatting.exact_number(summary.totals.incidents, lang), individuals=formatting.headline_number(summary.totals.individuals, lang),
    )
    return render_template(
        "event.md.j2", lang, page, event=event, summary=summary, description=description,
        chart=chart_figure(chart, page), sources=source_rows(event.sources, lang),
        explorer_url=page.url_to(layout.EXPLORER.url) + f"?event={event.id}",
    )


def render_events_index(overview: Overview, lang: str) -> str:
    return render_template("events_index.md.j2", lang, layout.EVENTS, overview=overview)


def render_organization(group: OrganizationGroup, lang: str) -> str:
    description = ui("organization_names", lang, names=" · ".join(group.names))
    return render_template("organization.md.j2", lang, layout.organization(group.slug), group=group, description=description)


def render_organizations_index(overview: Overview, lang: str) -> str:
    return render_template("organizations_index.md.j2", lang, layout.ORGANIZATIONS, overview=overview)


RECENT_INCIDENTS = 100


def render_incidents_index(overview: Overview, lang: str) -> str:
    return render_template("incidents_index.md.j2", lang, layout.INCIDENTS, overview=overview, recent=overview.incidents[:RECENT_INCIDENTS])


def render_month(month: MonthSummary, lang: str) -> str:
    return render_template("month.md.j2", lang, layout.month(month.slug), month=month)


def render_years_index(overview: Overview, lang: str) -> str:
    return render_template("years_index.md.j2", lang, layout.YEARS, overview=overview)


def render_year(summary: YearSummary, overview: Overview, lang: str, charts: list[Chart] | None = None) -> str:
    page = layout.year(summary.year)
    charts = year_charts(summary, lang, page.url_root) if charts is None else charts
    return render_template(
        "year.md.j2", lang, page, summary=summary, story=year_story(summary, overview, Language(lang, page)), year_events=overview.events_in_year(summary.year), hhs_as_of=overview.hhs_as_of,
        preview=layout.chart_image(charts[0].slug, "png"),
        charts={chart.slug.split("-", 1)[1]: chart_figure(chart, page) for chart in charts}, case_summary_charts=CASE_SUMMARY_CHARTS,
    )


def largest_actors_sentence(overview: Overview, l10n: Language) -> Markup | None:
    among = largest(overview.incidents, ACTORS_AMONG_LARGEST_EVER)
    named = actors_named(among, l10n)
    return None if named is None else l10n.sentence("statistics_largest_actors", count=l10n.number(len(among)), named=l10n.number(named[0]), actors=named[1])


def render_statistics(overview: Overview, lang: str, charts: dict[str, Chart] | None = None) -> str:
    page = layout.STATISTICS
    charts = statistics_charts(overview, lang, page.url_root) if charts is None else charts
    biggest = max(overview.years, key=lambda summary: (summary.largest[0].latest_count.count or 0) / max(summary.totals.individuals, 1))
    return render_template(
        "statistics.md.j2", lang, page, overview=overview, biggest=biggest, hacking=HACKING,
        preview=layout.chart_image(charts["incidents_per_year"].slug, "png"),
        charts={role: chart_figure(chart, page) for role, chart in charts.items()},
        named_actor_incidents=sum(row.incidents for row in overview.threat_actors), largest_actors=largest_actors_sentence(overview, Language(lang, page)), trends=TRENDS, event_totals=overview.event_totals, case_summary_charts=CASE_SUMMARY_CHARTS,
        trend_titles={role: charts[f"trend_{role}"].title for role in TRENDS if f"trend_{role}" in charts},
    )


def render_home(overview: Overview, lang: str) -> str:
    return render_template("home.md.j2", lang, layout.HOME, overview=overview, latest=overview.incidents[:LATEST_INCIDENTS_ON_HOME])


OPEN_DATA_FILES = (
    ("incidents.json", "open_data_all_json"),
    ("incidents.csv", "open_data_all_csv"),
    ("incidents-excel.csv", "open_data_all_csv_excel"),
    ("incidents/", "open_data_one_json"),
    ("years.json", "open_data_years_json"),
    ("events.json", "open_data_events_json"),
    ("vocabularies.json", "open_data_vocabularies_json"),
    ("incident.schema.json", "open_data_schema"),
)


def render_open_data_page(lang: str) -> str:
    """The open-data page; the files themselves are served once, from the site root."""
    page = layout.OPEN_DATA
    files = [(name if name.endswith("/") else raw_link(name, layout.open_data_url(name, page, lang)), key) for name, key in OPEN_DATA_FILES]
    return render_template("open_data.md.j2", lang, page, files=files, fields=open_data_fields())


SEARCH_TRANSLATIONS = {
    "placeholder": "search_placeholder",
    "zero_results": "search_zero_results",
    "many_results": "search_many_results",
    "one_result": "search_one_result",
    "searching": "search_searching",
    "load_more": "search_load_more",
    "clear_search": "search_clear",
    "search_label": "search_title",
}
"""Pagefind's interface strings, in the page's language, from interface_text.yaml."""


def render_search(lang: str) -> str:
    """The search page; the Pagefind bundle sits at the root of the whole site, above /zh/."""
    translations = json.dumps({name: ui(key, lang) for name, key in SEARCH_TRANSLATIONS.items()}, ensure_ascii=False)
    return render_template("search.md.j2", lang, layout.SEARCH, bundle=layout.search_bundle_url(lang), translations=translations)


def render_explorer(overview: Overview, lang: str) -> str:
    return render_template("explorer.md.j2", lang, layout.EXPLORER, overview=overview, data_source=layout.EXPLORER.url_to(layout.EXPLORER_DATA))


SITE_PARTS = ("open-data", *LANGUAGES)
"""The overview pages come in parts that can be rendered side by side: the open data (written once,
into the first language), and each language's pages. Longest first, so no worker is left with it last."""

Specs = dict[str, dict[str, Any]]
"""{path of a chart's SVG (or preview PNG) under content/: its Vega-Lite spec}"""


def render_site_part(overview: Overview, part: str, site_url: str | None = None) -> tuple[dict[str, str], Specs]:
    """One of SITE_PARTS, as {path under content/: text}, and the charts its pages show; `site_url`, where
    known, makes the feeds' links absolute."""
    if part == "open-data":
        return {layout.open_data_file(name): text for name, text in open_data_files(overview, published_schema_json()).items()}, {}
    lang = part
    pages: dict[str, str] = {
        layout.HOME.path(lang): render_home(overview, lang),
        layout.INCIDENTS.path(lang): render_incidents_index(overview, lang),
        layout.YEARS.path(lang): render_years_index(overview, lang),
        layout.EXPLORER.path(lang): render_explorer(overview, lang),
        layout.content_path(lang, layout.EXPLORER_DATA): explorer_data(overview, lang),
        layout.OPEN_DATA.path(lang): render_open_data_page(lang),
        layout.SEARCH.path(lang): render_search(lang),
        layout.EVENTS.path(lang): render_events_index(overview, lang),
        layout.ORGANIZATIONS.path(lang): render_organizations_index(overview, lang),
    }
    pages.update({layout.organization(group.slug).path(lang): render_organization(group, lang) for group in overview.organizations})
    pages.update({layout.content_path(lang, path): text for path, text in feed_files(overview, lang, site_url).items()})
    specs: Specs = {}

    def add_charts(charts: Iterable[Chart], preview: Chart) -> None:
        for chart in charts:
            for kind in ("svg", layout.LIVE_CHART):
                specs[layout.content_path(lang, layout.chart_image(chart.slug, kind))] = chart.untitled_spec
        specs[layout.content_path(lang, layout.chart_image(preview.slug, "png"))] = preview.spec

    statistics = statistics_charts(overview, lang, layout.STATISTICS.url_root)
    pages[layout.STATISTICS.path(lang)] = render_statistics(overview, lang, statistics)
    add_charts(statistics.values(), statistics["incidents_per_year"])
    for event_summary in overview.events:
        chart = event_chart(event_summary, lang)
        pages[layout.event(event_summary.event.id).path(lang)] = render_event(event_summary, lang, chart)
        add_charts([chart], chart)
    for summary in overview.years:
        charts = year_charts(summary, lang, layout.year(summary.year).url_root)
        pages[layout.year(summary.year).path(lang)] = render_year(summary, overview, lang, charts)
        add_charts(charts, charts[0])
        for month in summary.months:
            pages[layout.month(month.slug).path(lang)] = render_month(month, lang)
    return pages, specs


def render_site_pages(overview: Overview, site_url: str | None = None) -> tuple[dict[str, str], Specs]:
    """The pages about many incidents (home, indexes, years, statistics, open data), as {path under
    content/: text}, and the charts they show."""
    pages: dict[str, str] = {}
    specs: Specs = {}
    for part in SITE_PARTS:
        part_pages, part_specs = render_site_part(overview, part, site_url)
        pages.update(part_pages)
        specs.update(part_specs)
    return pages, specs


IncidentLinks = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], tuple[str, int] | None]
"""What an incident page links to besides itself: (title, id) of related incidents, (title, id) of its
events, and (slug, reports) of its organization's page."""


def _links(overview: Overview, incident: Incident, lang: str) -> IncidentLinks:
    related = tuple((incident_title(overview.by_id[other], lang), other) for other in incident.related)
    events = tuple((event.title.in_(lang), event.id) for event in overview.events_of.get(incident.id, ()))
    group = overview.organization_of.get(incident.id)
    return related, events, (group.slug, group.totals.incidents) if group else None


def incident_page_inputs(overview: Overview, incident: Incident) -> tuple[object, ...]:
    """Everything an incident's pages are made from, besides the generator: equal inputs, equal pages."""
    return (incident, tuple(_links(overview, incident, lang) for lang in LANGUAGES))


def render_incident_pages(overview: Overview, wanted: Iterable[tuple[Incident, str]]) -> list[tuple[str, str]]:
    """The pages of the (incident, language) pairs given, as (path under content/, Markdown)."""
    return [
        (layout.incident(incident.id).path(lang), render_incident(incident, lang, _links(overview, incident, lang)))
        for incident, lang in wanted
    ]


def generated_page_paths(overview: Overview) -> set[str]:
    """Where the generated pages go, without rendering them."""
    fixed = (layout.HOME, layout.INCIDENTS, layout.YEARS, layout.STATISTICS, layout.EXPLORER, layout.OPEN_DATA, layout.SEARCH, layout.EVENTS, layout.ORGANIZATIONS)
    pages = [*fixed, *(layout.incident(incident.id) for incident in overview.incidents)]
    pages += [layout.event(summary.event.id) for summary in overview.events]
    pages += [layout.organization(group.slug) for group in overview.organizations]
    for summary in overview.years:
        pages += [layout.year(summary.year), *(layout.month(month.slug) for month in summary.months)]
    return {page.path(lang) for lang in LANGUAGES for page in pages}


def render_site(overview: Overview) -> dict[str, str]:
    """Every generated page, as {path under content/: Markdown}, for every language."""
    pages, _ = render_site_pages(overview)
    pages.update(render_incident_pages(overview, [(incident, lang) for lang in LANGUAGES for incident in overview.incidents]))
    return pages
