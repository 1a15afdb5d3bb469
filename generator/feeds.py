"""Stage 4e: Atom feeds per language: new incidents, and changes in how many people were affected.

Entry ids are derived from the facts they announce (the incident id, and the count's date and figure),
so they stay the same from one build to the next and a feed reader never shows an entry twice.
Dates come from the data, not the clock: two builds of the same data give the same feed.
"""

from __future__ import annotations

import posixpath
import uuid
from xml.etree import ElementTree

from generator import formatting, layout
from generator.aggregate import Overview
from generator.accounts import incident_title
from generator.model import Incident, PartialDate
from generator.vocab import ui

ATOM = "http://www.w3.org/2005/Atom"
ENTRIES = 50
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/healthcare-breach-tracker")
FEEDS = ("new", "counts", "events")


def _stamp(date: PartialDate) -> str:
    return f"{date.earliest().isoformat()}T00:00:00Z"


def _entry_id(*parts: object) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, '/'.join(map(str, parts)))}"


def _element(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def _count_changes(incidents: tuple[Incident, ...]) -> list[tuple[Incident, int]]:
    """(incident, index of a count record that changed the figure), newest change first."""
    changes = [
        (incident, index)
        for incident in incidents
        for index in range(1, len(incident.individuals_affected))
        if incident.individuals_affected[index].count != incident.individuals_affected[index - 1].count
    ]
    return sorted(changes, key=lambda item: (item[0].individuals_affected[item[1]].as_of.sort_key(), item[0].id), reverse=True)


def feed(overview: Overview, lang: str, kind: str, site_url: str | None = None) -> str:
    """The Atom document for one feed. Links are absolute when the site's address is known (feed readers
    resolve relative ones against whatever address they fetched), else relative to the feed's place."""
    root_address = layout.published_address(site_url, lang) if site_url else layout.FEED_ROOT
    root = ElementTree.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "zh-Hans" if lang == "zh" else lang})
    _element(root, "title", ui(f"feed_{kind}_title", lang))
    _element(root, "subtitle", ui(f"feed_{kind}_subtitle", lang))
    _element(root, "id", _entry_id("feed", lang, kind))
    _element(root, "link", rel="self", href=root_address + layout.feed(kind) if site_url else posixpath.basename(layout.feed(kind)))
    _element(root, "link", rel="alternate", type="text/html", href=root_address)
    entries: list[tuple[str, str, str, str, str]] = []
    """(entry id, date, title, summary, page address)"""
    if kind == "new":
        for incident in overview.incidents[:ENTRIES]:
            summary = ui(
                "feed_new_summary", lang,
                date=formatting.date_text(incident.reference_date, lang),
                count=formatting.count_cell(incident.latest_count, lang),
            )
            entries.append((_entry_id("incident", incident.id), _stamp(incident.reference_date), incident_title(incident, lang), summary, layout.incident(incident.id).url))
    elif kind == "events":
        for event_summary in sorted(overview.events, key=lambda item: (item.event.timeline[-1].date.sort_key(), item.event.id), reverse=True)[:ENTRIES]:
            event = event_summary.event
            summary = ui(
                "feed_events_summary", lang,
                reports=formatting.exact_number(event_summary.totals.incidents, lang),
                individuals=formatting.headline_number(event_summary.totals.individuals, lang),
            )
            entries.append((_entry_id("event", event.id), _stamp(event.timeline[-1].date), event.title.in_(lang), summary, layout.event(event.id).url))
    else:
        for incident, index in _count_changes(overview.incidents)[:ENTRIES]:
            before, after = incident.individuals_affected[index - 1], incident.individuals_affected[index]
            summary = ui(
                "feed_counts_summary", lang,
                before=formatting.count_cell(before, lang), after=formatting.count_cell(after, lang),
                date=formatting.date_text(after.as_of, lang),
            )
            entries.append((_entry_id("count", incident.id, after.as_of.iso(), after.count), _stamp(after.as_of), incident_title(incident, lang), summary, layout.incident(incident.id).url))
    _element(root, "updated", max((entry[1] for entry in entries), default="2009-01-01T00:00:00Z"))
    author = _element(root, "author")
    _element(author, "name", ui("site_name", lang))
    for entry_id, stamp, title, summary, address in entries:
        entry = _element(root, "entry")
        _element(entry, "id", entry_id)
        _element(entry, "title", title)
        _element(entry, "updated", stamp)
        _element(entry, "link", rel="alternate", type="text/html", href=root_address + address)
        _element(entry, "summary", summary)
    ElementTree.register_namespace("", ATOM)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"


def feed_files(overview: Overview, lang: str, site_url: str | None = None) -> dict[str, str]:
    """{path under the language's folder: Atom document}"""
    return {layout.feed(kind): feed(overview, lang, kind, site_url) for kind in FEEDS}
