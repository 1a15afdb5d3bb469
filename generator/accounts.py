"""Every incident's title, and titles and short accounts written from the facts alone, in each language, for
incidents that only the HHS list knows about. Pure functions; every word comes from interface_text.yaml and the vocabularies."""

from __future__ import annotations

from generator import formatting
from generator.model import Incident
from generator.vocab import label, labels, ui, vocabulary


def _joined(phrases: list[str], lang: str, clauses: bool = False) -> str:
    """'a, b and c'; in Chinese '甲、乙和丙' for things, '做了甲，做了乙，并做了丙' for deeds (`clauses`)."""
    if len(phrases) <= 1:
        return "".join(phrases)
    separator = ("，" if clauses else "、") if lang == "zh" else ", "
    conjunction = ui("list_and_clause", lang) if clauses else ui("list_and", lang)
    return separator.join(phrases[:-1]) + conjunction + phrases[-1]


def _phrases(vocabulary_name: str, codes: tuple[str, ...], lang: str, clauses: bool = False) -> str:
    terms = vocabulary(vocabulary_name).terms
    return _joined([terms[code].phrase(lang) for code in codes], lang, clauses)


def title_from_facts(incident: Incident, lang: str) -> str:
    return ui("generated_title", lang, organization=incident.organization.display_name(lang), types=labels("breach_type", incident.breach.types, lang))


def incident_title(incident: Incident, lang: str) -> str:
    """The incident's title wherever it is shown (page, chart, feed, open data): the one people wrote,
    else one written from the facts."""
    return incident.title.in_(lang) if incident.title else title_from_facts(incident, lang)


def _apposition(incident: Incident, lang: str) -> str:
    organization = incident.organization
    state = label("us_state", organization.state, lang) if organization.state else None
    entity = vocabulary("entity_type").terms[organization.entity_type].phrase(lang) if organization.entity_type else None
    if entity and state:
        return ui("account_apposition_entity_state", lang, entity=entity, state=state)
    if entity:
        return ui("account_apposition_entity", lang, entity=entity)
    if state:
        return ui("account_apposition_state", lang, state=state)
    return ""


def account_from_facts(incident: Incident, lang: str) -> str:
    """'Acme Clinic, a healthcare provider in Texas, reported a hacking/IT incident involving a network
    server to HHS on May 3, 2024. 12,345 people were affected.' and its Chinese counterpart."""
    sentences = [
        ui(
            "account_reported",
            lang,
            organization=incident.organization.display_name(lang),
            apposition=_apposition(incident, lang),
            types=_phrases("breach_type", incident.breach.types, lang),
            locations=_phrases("location", incident.breach.locations, lang),
            date=formatting.date_text(incident.reference_date, lang),
        )
    ]
    latest = incident.latest_count
    if latest.count is None:
        sentences.append(ui("account_no_count", lang))
    elif latest.placeholder:
        sentences.append(ui("account_placeholder", lang, count=formatting.exact_number(latest.count, lang)))
    else:
        sentences.append(ui("account_people", lang, count=formatting.count_text(latest, lang)))
    counts = [record.count for record in incident.individuals_affected if record.count is not None]
    if len(set(counts)) > 1:
        sentences.append(
            ui(
                "account_count_changed",
                lang,
                first=formatting.exact_number(counts[0], lang),
                latest=formatting.exact_number(counts[-1], lang),
            )
        )
    sentences += case_summary_sentences(incident, lang)
    if incident.hhs and incident.hhs.status:
        sentences.append(ui(f"account_status_{incident.hhs.status}", lang))
    return (" " if lang == "en" else "").join(sentences)


def case_summary_sentences(incident: Incident, lang: str) -> list[str]:
    """What OCR's case summary states, retold in the generator's own sentences."""
    facts = incident.case_summary
    if facts is None:
        return []
    sentences = []
    if facts.vectors:
        sentences.append(ui("account_case_vectors", lang, vectors=_phrases("attack_vector", facts.vectors, lang)))
    if facts.data_types:
        data = _phrases("data_type", facts.data_types, lang)
        sentences.append(ui("account_case_data", lang, data=data) if facts.vectors else ui("account_case_data_first", lang, data=data))
    if facts.business_associate:
        sentence = ui("account_case_business_associate", lang, name=facts.business_associate)
        sentences.append(sentence[:-1] if sentence.endswith("..") else sentence)  # "Blackbaud, Inc."
    if facts.actions:
        sentences.append(ui("account_case_actions", lang, actions=_phrases("entity_action", facts.actions, lang, clauses=True)))
    if facts.outcomes:
        sentences.append(ui("account_case_outcomes", lang, outcomes=_phrases("ocr_outcome", facts.outcomes, lang, clauses=True)))
    return sentences
