"""Stage 4: Markdown pages in every language, from the typed incidents and the aggregates. No I/O.

Text from incident files is data, not markup: every value a template prints goes through
`markdown_text`, which neutralises HTML and Markdown syntax, unless it is a `Markup` fragment built
here from escaped parts (a link, a front-matter value).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator import formatting
from generator.aggregate import HACKING, MonthSummary, Overview, YearSummary
from generator.charts import CASE_SUMMARY_CHARTS, TRENDS, Chart, statistics_charts, year_charts
from generator.feeds import feed_files
from generator.incident_page import IncidentPage, incident_page
from generator.open_data import OPEN_DATA_DIR, explorer_data, open_data_files
from generator.schema import schema_json
from generator.incident_page import title as incident_title
from generator.config import HHS_PORTAL_URL, LANGUAGES, LATEST_INCIDENTS_ON_HOME, WORD_SPACE
from generator.model import CountRecord, Incident, PartialDate
from generator.vocab import category_label, category_title, interface_text, label, labels, open_data_fields, ui, vocabularies, vocabulary

_INLINE_SYNTAX = re.compile(r"([\\`*_\[\]{}|])")
_BLOCK_START = re.compile(r"^([#+-]|\d+(?=[.)]))")
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
"""Control characters and bidirectional overrides, which no page should carry (HHS names are kept verbatim)."""
_CJK = r"\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_LINE_BREAK_BESIDE_CJK = re.compile(rf"(?<=[{_CJK}])[ \t]*\n\s*|[ \t]*\n\s*(?=[{_CJK}])")


def single_line(text: str) -> str:
    """Join wrapped lines as a reader would: a space between English words, none between Chinese characters."""
    text = _LINE_BREAK_BESIDE_CJK.sub("", _CONTROL_CHARACTERS.sub("", text))
    return " ".join(text.split())


_NEEDS_ESCAPING = re.compile(r"[\\`*_\[\]{}|<>&\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]|\s\s|^\s|\s$|^[#+-]|^\d+[.)]")


@lru_cache(maxsize=200_000)
def markdown_text(value: object) -> str:
    """Plain text made safe to place anywhere inline in Markdown: it renders as exactly these characters.

    Cached: a site repeats the same labels, names and numbers thousands of times."""
    text = str(value)
    if not _NEEDS_ESCAPING.search(text):
        return text
    text = single_line(text)
    text = html.escape(text, quote=False)
    text = _INLINE_SYNTAX.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda match: match.group(1) + "\\" if match.group(1).isdigit() else "\\" + match.group(1), text)


def _finalize(value: object) -> object:
    return value if isinstance(value, Markup) else markdown_text(value)


def link(text: object, target: str) -> Markup:
    """A Markdown link. `target` is a generated relative path or a validated https url."""
    safe_target = target.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return Markup(f"[{markdown_text(text)}]({safe_target})")


def front_matter_value(text: str) -> Markup:
    """A YAML (JSON) string that MkDocs themes may print raw inside an HTML attribute."""
    return Markup(json.dumps(html.escape(single_line(text), quote=True), ensure_ascii=False))


_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=False,
    finalize=_finalize,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    auto_reload=False,  # templates do not change during a build; skip a stat() per page
)


def prepare() -> None:
    """Compile every template and read the label files now. Done once in the parent while it waits for
    validation, it is inherited by every rendering worker instead of being done in each (~0.6 s)."""
    for name in _ENVIRONMENT.list_templates():
        _ENVIRONMENT.get_template(name)
    interface_text(), vocabularies(), open_data_fields()
    for lang in LANGUAGES:  # Babel reads a locale's data on first use
        formatting.exact_number(1000, lang), formatting.date_text(PartialDate(2024, 1, 1), lang), formatting.percent(0.5, lang)


class _Language:
    """What the overview templates need to speak one language: labels, interface text, number and date formats."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.space = Markup(WORD_SPACE[lang])
        """Between a number and its words: '4 years' but '4个年份'."""

    def t(self, key: str, **values: object) -> str:
        return ui(key, self.lang, **values)

    def label(self, vocabulary_name: str, code: str) -> str:
        return label(vocabulary_name, code, self.lang)

    def vocabulary_title(self, vocabulary_name: str) -> str:
        return vocabulary(vocabulary_name).labels[self.lang]

    def category_title(self, name: str) -> str:
        return category_title(name, self.lang)

    def category_label(self, name: str, code: str | None) -> str:
        return category_label(name, code, self.lang)

    def percent(self, fraction: float) -> str:
        return formatting.percent(fraction, self.lang)

    def sentence(self, key: str, **values: object) -> Markup:
        """Interface text whose placeholders take Markdown (links): plain values are escaped, Markup is kept."""
        escaped = {name: value if isinstance(value, Markup) else markdown_text(value) for name, value in values.items()}
        return Markup(ui(key, self.lang, **escaped))

    def month(self, year: int, month: int) -> str:
        return formatting.date_text(PartialDate(year, month), self.lang)

    def number(self, number: int) -> str:
        return formatting.exact_number(number, self.lang)

    def headline(self, number: int) -> str:
        return formatting.headline_number(number, self.lang)

    def date(self, date: PartialDate) -> str:
        return formatting.date_text(date, self.lang)

    def count_cell(self, record: CountRecord) -> str:
        return formatting.count_cell(record, self.lang)

    def state(self, incident: Incident) -> str:
        state = incident.organization.state
        return self.label("us_state", state) if state else "—"

    def incident_rows(self, incidents: Iterable[Incident], root: str) -> list[tuple[str, Markup, str, str, str]]:
        """The cells of an incident table, worked out in one call: a template call per cell cost
        about a second over the 400 month pages."""
        lang = self.lang
        return [
            (
                formatting.date_text(incident.reference_date, lang),
                link(incident.organization.display_name(lang), f"{root}incidents/{incident.id}.md"),
                self.state(incident),
                formatting.count_cell(incident.latest_count, lang),
                labels("breach_type", incident.breach.types, lang),
            )
            for incident in incidents
        ]


def _script_json(data: object) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def chart_figure(chart: Chart, site_root: str) -> Markup:
    """A chart as raw HTML: the static SVG, replaced in the browser by the live chart (assets/charts.js).

    `site_root` leads from the page's served URL (years/2024/) to the language root; MkDocs rewrites
    Markdown links but not raw HTML, so the path is worked out here."""
    return Markup(
        f'<figure class="tracker-chart" id="chart-{html.escape(chart.slug)}">\n'
        f'<img class="tracker-chart__image" src="{site_root}charts/{html.escape(chart.slug)}.svg" alt="{html.escape(chart.description)}" loading="lazy">\n'
        f'<div class="tracker-chart__view"></div>\n'
        f'<script type="application/json" class="tracker-chart__spec">{_script_json(chart.spec)}</script>\n'
        "</figure>"
    )


def year_story(summary: YearSummary, overview: Overview, lang: str, root: str) -> Markup:
    """The year in two or three sentences, with the change from the year before where both are complete."""
    l10n = _Language(lang)
    largest = summary.largest[0]
    parts = [
        l10n.sentence(
            "year_story",
            year=summary.year,
            incidents=l10n.number(summary.totals.incidents),
            individuals=l10n.headline(summary.totals.individuals),
            share=l10n.percent(summary.share("breach_type", HACKING)),
            largest=link(incident_title(largest, lang), f"{root}incidents/{largest.id}.md"),
            largest_count=formatting.count_text(largest.latest_count, lang, headline=True),
        )
    ]
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


def _render(template: str, lang: str, **context: Any) -> str:
    return _ENVIRONMENT.get_template(template).render(
        lang=lang, l10n=_Language(lang), link=link, raw_link=raw_link, front_matter_value=front_matter_value, **context
    )


def headline(page: IncidentPage, lang: str) -> Markup:
    """The figure in bold and what it counts, as an HTML paragraph of its own class: Markdown's attr_list
    would do the same for one paragraph a page, at 10% of Markdown's time on every page."""
    count = f"<strong>{html.escape(page.headline_count)}</strong>{WORD_SPACE[lang]}" if page.headline_count else ""
    return Markup(f'<p class="tracker-headline">{count}{html.escape(page.headline_text)}</p>')


def render_incident(incident: Incident, lang: str, related: tuple[tuple[str, str], ...]) -> str:
    return _render("incident.md.j2", lang, page=incident_page(incident, lang, related), headline=headline, hhs_portal_url=HHS_PORTAL_URL)


RECENT_INCIDENTS = 100


def render_incidents_index(overview: Overview, lang: str) -> str:
    return _render("incidents_index.md.j2", lang, overview=overview, recent=overview.incidents[:RECENT_INCIDENTS], root="../")


def render_month(month: MonthSummary, lang: str) -> str:
    return _render("month.md.j2", lang, month=month, root="../")


def render_years_index(overview: Overview, lang: str) -> str:
    return _render("years_index.md.j2", lang, overview=overview)


YEAR_SITE_ROOT = "../../"
"""From a year page's URL (years/2024/) to the language root."""
STATISTICS_SITE_ROOT = "../"


def render_year(summary: YearSummary, overview: Overview, lang: str, charts: list[Chart] | None = None) -> str:
    charts = year_charts(summary, lang, YEAR_SITE_ROOT) if charts is None else charts
    return _render(
        "year.md.j2", lang, summary=summary, root="../", story=year_story(summary, overview, lang, "../"), preview=f"charts/{charts[0].slug}.png",
        charts={chart.slug.split("-", 1)[1]: chart_figure(chart, YEAR_SITE_ROOT) for chart in charts}, case_summary_charts=CASE_SUMMARY_CHARTS,
    )


def render_statistics(overview: Overview, lang: str, charts: dict[str, Chart] | None = None) -> str:
    charts = statistics_charts(overview, lang, STATISTICS_SITE_ROOT) if charts is None else charts
    biggest = max(overview.years, key=lambda summary: (summary.largest[0].latest_count.count or 0) / max(summary.totals.individuals, 1))
    return _render(
        "statistics.md.j2", lang, overview=overview, root="", biggest=biggest, hacking=HACKING, preview=f"charts/{charts['incidents_per_year'].slug}.png",
        charts={role: chart_figure(chart, STATISTICS_SITE_ROOT) for role, chart in charts.items()},
        named_actor_incidents=sum(row.incidents for row in overview.threat_actors), trends=TRENDS, case_summary_charts=CASE_SUMMARY_CHARTS,
        trend_titles={role: charts[f"trend_{role}"].title for role in TRENDS if f"trend_{role}" in charts},
    )


def render_home(overview: Overview, lang: str) -> str:
    latest = overview.incidents[:LATEST_INCIDENTS_ON_HOME]
    return _render("home.md.j2", lang, overview=overview, latest=latest, root="")


def raw_link(text: str, href: str) -> Markup:
    """An HTML link MkDocs leaves alone: for files outside this language's pages (the shared open data)."""
    return Markup(f'<a href="{html.escape(href)}">{html.escape(text)}</a>')


OPEN_DATA_FILES = (
    ("incidents.json", "open_data_all_json"),
    ("incidents.csv", "open_data_all_csv"),
    ("incidents/", "open_data_one_json"),
    ("years.json", "open_data_years_json"),
    ("vocabularies.json", "open_data_vocabularies_json"),
    ("incident.schema.json", "open_data_schema"),
)


def render_open_data_page(lang: str) -> str:
    """The open-data page; the files themselves are served once, from the first language's root."""
    up = "../" if lang == LANGUAGES[0] else "../../"
    files = [(raw_link(name, f"{up}{OPEN_DATA_DIR}/{name}") if not name.endswith("/") else name, key) for name, key in OPEN_DATA_FILES]
    return _render("open_data.md.j2", lang, files=files, fields=open_data_fields())


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
    bundle = "../pagefind/" if lang == LANGUAGES[0] else "../../pagefind/"
    translations = json.dumps({name: ui(key, lang) for name, key in SEARCH_TRANSLATIONS.items()}, ensure_ascii=False)
    return _render("search.md.j2", lang, bundle=bundle, translations=translations)


def render_explorer(overview: Overview, lang: str) -> str:
    return _render("explorer.md.j2", lang, overview=overview)


SITE_PARTS = ("open-data", *LANGUAGES)
"""The overview pages come in parts that can be rendered side by side: the open data (written once,
into the first language), and each language's pages. Longest first, so no worker is left with it last."""

Specs = dict[str, dict[str, Any]]
"""{path of a chart's SVG (or preview PNG) under content/: its Vega-Lite spec}"""


def render_site_part(overview: Overview, part: str) -> tuple[dict[str, str], Specs]:
    """One of SITE_PARTS, as {path under content/: text}, and the charts its pages show."""
    if part == "open-data":
        return {f"{LANGUAGES[0]}/{path}": text for path, text in open_data_files(overview, schema_json()).items()}, {}
    lang = part
    pages: dict[str, str] = {}
    specs: Specs = {}
    pages[f"{lang}/index.md"] = render_home(overview, lang)
    pages[f"{lang}/incidents/index.md"] = render_incidents_index(overview, lang)
    pages[f"{lang}/years/index.md"] = render_years_index(overview, lang)
    pages[f"{lang}/explorer/index.md"] = render_explorer(overview, lang)
    pages[f"{lang}/explorer/data.json"] = explorer_data(overview, lang)
    pages[f"{lang}/open-data.md"] = render_open_data_page(lang)
    pages[f"{lang}/search.md"] = render_search(lang)
    pages.update({f"{lang}/{path}": text for path, text in feed_files(overview, lang).items()})
    statistics = statistics_charts(overview, lang, STATISTICS_SITE_ROOT)
    pages[f"{lang}/statistics.md"] = render_statistics(overview, lang, statistics)
    specs.update({f"{lang}/charts/{chart.slug}.svg": chart.spec for chart in statistics.values()})
    specs[f"{lang}/charts/{statistics['incidents_per_year'].slug}.png"] = statistics["incidents_per_year"].spec
    for summary in overview.years:
        charts = year_charts(summary, lang, YEAR_SITE_ROOT)
        pages[f"{lang}/years/{summary.year}.md"] = render_year(summary, overview, lang, charts)
        specs.update({f"{lang}/charts/{chart.slug}.svg": chart.spec for chart in charts})
        specs[f"{lang}/charts/{charts[0].slug}.png"] = charts[0].spec  # the page's link-preview image
        for month in summary.months:
            pages[f"{lang}/years/{month.slug}.md"] = render_month(month, lang)
    return pages, specs


def render_site_pages(overview: Overview) -> tuple[dict[str, str], Specs]:
    """The pages about many incidents (home, indexes, years, statistics, open data), as {path under
    content/: text}, and the charts they show."""
    pages: dict[str, str] = {}
    specs: Specs = {}
    for part in SITE_PARTS:
        part_pages, part_specs = render_site_part(overview, part)
        pages.update(part_pages)
        specs.update(part_specs)
    return pages, specs


def incident_page_path(incident_id: str, lang: str) -> str:
    return f"{lang}/incidents/{incident_id}.md"


def _related(overview: Overview, incident: Incident, lang: str) -> tuple[tuple[str, str], ...]:
    """(title, id) of each incident this one links to."""
    return tuple((incident_title(overview.by_id[other], lang), other) for other in incident.related)


def incident_page_inputs(overview: Overview, incident: Incident) -> tuple[object, ...]:
    """Everything an incident's pages are made from, besides the generator: equal inputs, equal pages."""
    return (incident, tuple(_related(overview, incident, lang) for lang in LANGUAGES))


def render_incident_pages(overview: Overview, wanted: Iterable[tuple[Incident, str]]) -> list[tuple[str, str]]:
    """The pages of the (incident, language) pairs given, as (path under content/, Markdown)."""
    return [(incident_page_path(incident.id, lang), render_incident(incident, lang, _related(overview, incident, lang))) for incident, lang in wanted]


def generated_page_paths(overview: Overview) -> set[str]:
    """Where the generated pages go, without rendering them."""
    names = ("index.md", "incidents/index.md", "years/index.md", "statistics.md", "explorer/index.md", "open-data.md", "search.md")
    paths = {f"{lang}/{name}" for lang in LANGUAGES for name in names}
    for lang in LANGUAGES:
        paths |= {incident_page_path(incident.id, lang) for incident in overview.incidents}
        for summary in overview.years:
            paths.add(f"{lang}/years/{summary.year}.md")
            paths |= {f"{lang}/years/{month.slug}.md" for month in summary.months}
    return paths


def render_site(overview: Overview) -> dict[str, str]:
    """Every generated page, as {path under content/: Markdown}, for every language."""
    pages, _ = render_site_pages(overview)
    pages.update(render_incident_pages(overview, [(incident, lang) for lang in LANGUAGES for incident in overview.incidents]))
    return pages
