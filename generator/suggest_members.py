"""Candidates for an event's members, with the evidence for each: what a person reads before adding an
incident id to the event file. Nothing joins an event from here; the command only lists.

Evidence, strongest first: OCR's case summary (in an archive export) names the vendor or product; the
business associate the case summary names is the vendor; the report's organization is the vendor; a
curated incident's text names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import Event, Incident
from generator.organizations import organization_key

QUOTE_WORDS = 12
"""How much of OCR's summary the listing quotes around a match: enough to judge, not a copy."""


@dataclass(frozen=True)
class Candidate:
    incident_id: str
    evidence: str


@dataclass(frozen=True)
class Summary:
    """One row of an archive export, reduced to what matching needs."""

    name: str
    state: str | None
    submitted: str
    """YYYY-MM-DD"""
    text: str


def search_terms(event: Event, extra: Iterable[str] = ()) -> list[str]:
    """The vendor (without its legal form), the product, and any terms given."""
    terms = [organization_key(event.vendor, None).name, *(event.product and [event.product] or []), *extra]
    return list(dict.fromkeys(term.strip() for term in terms if term and term.strip()))


def _pattern(terms: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(r"\b" + r"\W+".join(map(re.escape, term.split())) + r"\b" for term in terms), re.IGNORECASE)


def _quote(text: str, match: re.Match[str]) -> str:
    before = text[: match.start()].split()[-(QUOTE_WORDS // 2) :]
    after = text[match.end() :].split()[: QUOTE_WORDS // 2]
    return " ".join([*before, match.group(), *after])


def suggest_members(event: Event, incidents: Iterable[Incident], summaries: Iterable[Summary] = (), extra_terms: Iterable[str] = ()) -> list[Candidate]:
    """Incidents not yet members of `event` whose data, or OCR's summary of their report, names its target."""
    pattern = _pattern(search_terms(event, extra_terms))
    members = set(event.members)
    found: dict[str, str] = {}
    by_report = {}
    for incident in incidents:
        if incident.id in members:
            continue
        if incident.hhs:
            by_report[(organization_key(incident.hhs.name, incident.hhs.state), incident.hhs.submitted.iso())] = incident.id
            facts = incident.case_summary
            if facts and facts.business_associate and pattern.search(facts.business_associate):
                found.setdefault(incident.id, f"OCR's case summary names the business associate {facts.business_associate!r}")
            if pattern.search(incident.hhs.name):
                found.setdefault(incident.id, f"HHS lists the report under {incident.hhs.name!r}")
        texts = [incident.organization.name, incident.organization.parent or ""]
        if incident.summary:
            texts += [incident.summary.en]
        for text in texts:
            match = pattern.search(text)
            if match:
                found.setdefault(incident.id, f"the incident file says: {_quote(text, match)!r}")
                break
    for summary in summaries:
        match = pattern.search(summary.text)
        incident_id = by_report.get((organization_key(summary.name, summary.state), summary.submitted))
        if match and incident_id:
            found[incident_id] = f"OCR's case summary says: {_quote(summary.text, match)!r}"
    return [Candidate(incident_id, evidence) for incident_id, evidence in sorted(found.items())]
