"""The fragments pages carry as raw HTML, which MkDocs passes through untouched: every value in them is
escaped here, and every address comes from generator.layout."""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from generator.charts import Chart
from generator.config import WORD_SPACE
from generator import layout
from generator.render.incident_page import IncidentPage


def raw_link(text: str, href: str) -> Markup:
    """An HTML link MkDocs leaves alone: for files outside this language's pages (the shared open data, feeds)."""
    return Markup(f'<a href="{html.escape(href)}">{html.escape(text)}</a>')


def chart_figure(chart: Chart, page: layout.Page) -> Markup:
    """A chart on `page` as raw HTML: the static SVG, replaced in the browser by the live chart drawn from
    its Vega spec (assets/charts.js), which is a file beside the image: the page itself carries no data."""
    image = page.url_to(layout.chart_image(chart.slug))
    live = page.url_to(layout.chart_image(chart.slug, layout.LIVE_CHART))
    return Markup(
        f'<figure class="tracker-chart" id="chart-{html.escape(chart.slug)}" data-spec="{html.escape(live)}">\n'
        f'<img class="tracker-chart__image" src="{html.escape(image)}" alt="{html.escape(chart.description)}" loading="lazy">\n'
        f'<div class="tracker-chart__view"></div>\n'
        "</figure>"
    )


ROOM_BEYOND_THE_IMAGE = 8
"""Pixels a chart's room has beyond its image's height: the live chart draws its labels in the page's
fonts, the image in a generic one, and a rotated axis of Chinese years comes out up to 3 px taller live.
A live chart shorter than its room leaves a sliver of space; one taller would push the page down."""
FIGURE_IMAGE = re.compile(r'(<figure class="tracker-chart" id="chart-([^"]+)")([^>]*>\n<img class="tracker-chart__image")')


def with_image_sizes(text: str, lang: str, sizes: dict[str, tuple[int, int]]) -> str:
    """A page whose chart figures know their images' sizes ({content path of an SVG: (width, height)}).
    A page is rendered before its charts are drawn. With the size known, the browser keeps the chart's
    room from the start, on a phone too (the image shrinks inside that room, tracker.css), and the live
    chart, drawn as tall as its image, takes the same room: nothing below it moves."""

    def sized(found: re.Match[str]) -> str:
        width, height = sizes[layout.content_path(lang, layout.chart_image(html.unescape(found.group(2))))]
        return f'{found.group(1)} style="--tracker-chart-height: {height + ROOM_BEYOND_THE_IMAGE}px"{found.group(3)} width="{width}" height="{height}"'

    return FIGURE_IMAGE.sub(sized, text)


def headline(page: IncidentPage, lang: str) -> Markup:
    """The figure in bold and what it counts, as an HTML paragraph of its own class: Markdown's attr_list
    would do the same for one paragraph a page, at 10% of Markdown's time on every page."""
    count = f"<strong>{html.escape(page.headline_count)}</strong>{WORD_SPACE[lang]}" if page.headline_count else ""
    return Markup(f'<p class="tracker-headline">{count}{html.escape(page.headline_text)}</p>')
