"""The Jinja environment, and what an overview template needs to speak one language: labels, interface
text, and numbers and dates in the reader's format."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from generator import formatting, layout
from generator.config import LANGUAGES, WORD_SPACE
from generator.load import generator_source
from generator.model import CountRecord, Incident, PartialDate
from generator.render.escape import finalize, front_matter_value, link, markdown_text
from generator.render.html import raw_link
from generator.vocab import category_label, category_title, interface_text, label, labels, open_data_fields, ui, vocabularies, vocabulary

_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FunctionLoader(lambda name: _template_sources().get(name)),
    autoescape=False,
    finalize=finalize,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    auto_reload=False,  # templates do not change during a build; skip a stat() per page
)


@cache
def _template_sources() -> dict[str, str]:
    """{template name: source}, read with the rest of the generator's files (generator.load)."""
    prefix = "render/templates/"
    return {name.removeprefix(prefix): data.decode("utf-8") for name, data in generator_source().items() if name.startswith(prefix)}


def prepare() -> None:
    """Compile every template and read the label files now. Done once in the parent while it waits for
    validation, it is inherited by forked rendering workers instead of being done in each."""
    for name in _template_sources():
        _ENVIRONMENT.get_template(name)
    interface_text(), vocabularies(), open_data_fields()
    for lang in LANGUAGES:  # Babel reads a locale's data on first use
        formatting.exact_number(1000, lang), formatting.date_text(PartialDate(2024, 1, 1), lang), formatting.percent(0.5, lang)


class Language:
    """What the overview templates need to speak one language, on one page."""

    def __init__(self, lang: str, page: layout.Page) -> None:
        self.lang = lang
        self.page = page
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

    # Links from this page, to the places generator.layout gives.

    def to(self, other: layout.Page) -> str:
        return self.page.link_to(other)

    def to_incident(self, incident_id: str) -> str:
        return self.page.link_to(layout.incident(incident_id))

    def to_year(self, year: int) -> str:
        return self.page.link_to(layout.year(year))

    def to_month(self, slug: str) -> str:
        return self.page.link_to(layout.month(slug))

    def to_feed(self, kind: str) -> str:
        return self.page.url_to(layout.feed(kind))

    def incident_link(self, incident: Incident, text: str | None = None) -> Markup:
        """A link to an incident's page, named after its organization unless `text` is given."""
        return link(incident.organization.display_name(self.lang) if text is None else text, self.to_incident(incident.id))

    def incident_rows(self, incidents: Iterable[Incident]) -> list[tuple[str, Markup, str, str, str]]:
        """The cells of an incident table, worked out in one call: a template call per cell cost
        about a second over the 400 month pages."""
        lang = self.lang
        return [
            (
                formatting.date_text(incident.reference_date, lang),
                self.incident_link(incident),
                self.state(incident),
                formatting.count_cell(incident.latest_count, lang),
                labels("breach_type", incident.breach.types, lang),
            )
            for incident in incidents
        ]


def render_template(template: str, lang: str, place: layout.Page, **context: Any) -> str:
    """`template` rendered for the page at `place`, in `lang`."""
    return _ENVIRONMENT.get_template(template).render(
        lang=lang, l10n=Language(lang, place), link=link, raw_link=raw_link, front_matter_value=front_matter_value, layout=layout, **context
    )
