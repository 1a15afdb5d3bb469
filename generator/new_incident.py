"""A new incident file for a contributor to fill in: every field present, each with a comment saying what
it wants. Fields left empty fail validation with a message on their line, so nothing half-done slips in.
The codes listed in the comments come from the vocabularies, like everything else."""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.model import PartialDate
from generator.vocab import vocabulary


@dataclass(frozen=True)
class NewIncident:
    incident_id: str
    organization: str
    date: PartialDate
    source_url: str
    state: str | None = None
    entity_type: str | None = None


def _codes(vocabulary_name: str) -> str:
    return ", ".join(vocabulary(vocabulary_name).codes)


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _value(code: str | None) -> str:
    """' code' after a key, or nothing for a field left to fill."""
    return f" {code}" if code else ""


def new_incident_text(new: NewIncident) -> str:
    date = new.date.iso()
    return f"""# yaml-language-server: $schema=../../schema/incident.schema.json
# A new incident. Fill in every field marked "required"; leave out what no source says ("unknown" beats
# a guess). Check your work with:  python -m generator validate
id: {new.incident_id}  # the page's permanent address: keep it equal to the file name
title:  # required: a short, neutral headline in each language
  en: ""
  zh: ""
organization:
  name: {_text(new.organization)}  # required: as the organization names itself
  entity_type:{_value(new.entity_type)}  # required: {_codes("entity_type")}
  state:{_value(new.state)}  # two-letter code of the US state or territory, if known
  country: US
breach:
  types: []  # required, one or more: {_codes("breach_type")}
  locations: []  # required, one or more: {_codes("location")}
  vectors: []  # where a source says how they got in: {_codes("attack_vector")}
  threat_actor:  # the group a source names; leave empty when unknown
  threat_actor_status:  # claimed (only the group says so) or confirmed (the organization or the authorities do)
  threat_actor_source:  # with a threat actor: the url of the source below that names it
  business_associate:  # true or false: was a vendor (business associate) involved? Leave empty if unknown
dates:  # YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no day; delete lines nobody reports
  started:
  discovered:
  reported: {date}  # reported to HHS (or made public)
  notified:  # individuals first notified
individuals_affected:  # required: the count over time, oldest first; one line per published figure
  - as_of: {date}
    count:  # a whole number without separators (4226508); empty only if no figure was given
    source: {_text(new.source_url)}  # the url of the source below that gives this figure
data_types: []  # what was exposed: {_codes("data_type")}
summary:  # required: what happened, in a few sentences of your own, in both languages; no patients' personal data
  en: ""
  zh: ""
sources:  # required: at least two (one may be the HHS portal); https addresses only
  - url: {_text(new.source_url)}
    title: ""  # the page's own title, copied exactly; delete the line rather than guess
    publisher: ""  # required
    lang: en  # {_codes("source_language")}
    published:  # when it was published
related: []  # ids of related incidents (a vendor's breach and its customers' reports)
"""
