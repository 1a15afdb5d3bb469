"""Stage 2 for events (events/<id>.yaml): the event schema, then the rules an event must keep.

The same kind of messages as for incidents (file, line, column, field, what was expected). An event
states its members as incident ids; every one must exist, so events are checked against the incidents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import jsonschema

from generator.load import LoadedFile
from generator.model import Event, event_from_data
from generator.problems import Problem
from generator.schema import build_event_schema
from generator.validate import _parse, problems_against, rule_id_matches_file_name, rule_no_hidden_characters, rule_source_urls_have_a_host


@dataclass(frozen=True)
class EventsResult:
    events: list[Event]
    problems: list[Problem]


@cache
def _validator() -> jsonschema.protocols.Validator:
    return jsonschema.Draft202012Validator(build_event_schema())


def rule_dates_are_real(loaded: LoadedFile, data: dict[str, Any], today: dt.date) -> Iterator[Problem]:
    """Every date exists on the calendar and is not after today; the timeline runs oldest first."""
    previous = None
    for index, entry in enumerate(data["timeline"]):
        date = _parse(entry["date"])
        if date is None:
            yield loaded.problem(("timeline", index, "date"), f"{entry['date']!r} is not a date (expected YYYY-MM-DD)")
            continue
        if date.earliest() > today:
            yield loaded.problem(("timeline", index, "date"), f"{entry['date']!r} is in the future (today is {today.isoformat()})")
        if previous is not None and date.sort_key() < previous.sort_key():
            yield loaded.problem(("timeline", index, "date"), f"{entry['date']!r} comes before the entry above it; the timeline runs oldest first")
        previous = date
    for index, source in enumerate(data["sources"]):
        if source.get("published") and _parse(source["published"]) is None:
            yield loaded.problem(("sources", index, "published"), f"{source['published']!r} is not a date (expected YYYY-MM-DD)")


def rule_facts_cite_listed_sources(loaded: LoadedFile, data: dict[str, Any], today: dt.date) -> Iterator[Problem]:
    """Each dated step, and the threat actor, cite the url of one of the event's `sources`."""
    urls = {source["url"] for source in data["sources"]}
    for index, entry in enumerate(data["timeline"]):
        if entry["source"] not in urls:
            yield loaded.problem(("timeline", index, "source"), f"{entry['source']!r} is not the url of any entry in sources; add it there first")
    for index, url in enumerate((data.get("threat_actor") or {}).get("sources") or []):
        if url not in urls:
            yield loaded.problem(("threat_actor", "sources", index), f"{url!r} is not the url of any entry in sources; add it there first")


EVENT_RULES = [rule_no_hidden_characters, rule_id_matches_file_name, rule_dates_are_real, rule_facts_cite_listed_sources, rule_source_urls_have_a_host]


def validate_events(files: list[LoadedFile], incident_ids: set[str], today: dt.date) -> EventsResult:
    """Every event file, and its members against the incidents' ids."""
    problems: list[Problem] = []
    events = []
    for loaded in files:
        found = list(loaded.problems)
        if loaded.data is not None:
            found.extend(problems_against(loaded, _validator()))
            if not found:
                for rule in EVENT_RULES:
                    found.extend(rule(loaded, loaded.data, today))
            if not found:
                for index, member in enumerate(loaded.data["members"]):
                    if member not in incident_ids:
                        found.append(loaded.problem(("members", index), f"no incident has the id {member!r}"))
            if not found:
                events.append(event_from_data(loaded.data, loaded.path))
        problems.extend(found)
    if problems:
        return EventsResult([], sorted(set(problems)))
    return EventsResult(sorted(events, key=lambda event: event.id), [])
