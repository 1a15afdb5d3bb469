"""Controlled vocabularies and interface text, read once from the two YAML files beside this module.

Every other module asks here for a code's label in a language; none keeps a label table of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from generator.config import LANGUAGES
from generator.load import read_repository_file

_HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Term:
    code: str
    labels: dict[str, str]
    hhs: str | None = None
    in_sentence: dict[str, str] | None = None

    def label(self, lang: str) -> str:
        return self.labels[lang]

    def phrase(self, lang: str) -> str:
        """The value inside a sentence: 'a theft', 'an unauthorized access or disclosure'."""
        return (self.in_sentence or self.labels)[lang]


@dataclass(frozen=True)
class Vocabulary:
    name: str
    noun: str
    labels: dict[str, str]
    terms: dict[str, Term]

    @property
    def codes(self) -> list[str]:
        return list(self.terms)

    def label(self, code: str, lang: str) -> str:
        return self.terms[code].label(lang)

    def by_hhs_wording(self) -> dict[str, Term]:
        return {term.hhs: term for term in self.terms.values() if term.hhs}


def _read_yaml(name: str) -> Any:
    """One of the generator's own YAML files, read by libyaml (PyYAML's pure-Python reader takes 0.25 s
    for interface_text.yaml, in every worker that needs it)."""
    return yaml.load(read_repository_file(_HERE / name), Loader=yaml.CSafeLoader)


@cache
def vocabularies() -> dict[str, Vocabulary]:
    raw = _read_yaml("vocabularies.yaml")
    result = {}
    for name, spec in raw.items():
        terms = {
            code: Term(
                code=str(code),
                labels={lang: value[lang] for lang in LANGUAGES},
                hhs=value.get("hhs"),
                in_sentence=value.get("in_sentence"),
            )
            for code, value in spec["values"].items()
        }
        result[name] = Vocabulary(name=name, noun=spec["noun"], labels=spec["label"], terms=terms)
    return result


def vocabulary(name: str) -> Vocabulary:
    return vocabularies()[name]


def label(vocabulary_name: str, code: str, lang: str) -> str:
    return vocabularies()[vocabulary_name].label(code, lang)


def labels(vocabulary_name: str, codes: tuple[str, ...] | list[str], lang: str) -> str:
    """Several codes' labels as a list: 'Email, Network server', '电子邮件、网络服务器'."""
    return ui("list_separator", lang).join(label(vocabulary_name, code, lang) for code in codes)


def yes_no(value: bool | None, lang: str) -> str:
    return ui("unknown", lang) if value is None else ui("answer_yes" if value else "answer_no", lang)


BUSINESS_ASSOCIATE = "business_associate"
"""The one category that is a yes/no fact rather than a vocabulary; statistics break incidents down by it."""
BUSINESS_ASSOCIATE_CODES = ("yes", "no")


def category_codes(name: str) -> list[str]:
    """The codes of a category statistics break incidents down by, in their display order."""
    return list(BUSINESS_ASSOCIATE_CODES) if name == BUSINESS_ASSOCIATE else vocabulary(name).codes


def category_title(name: str, lang: str) -> str:
    return ui("fact_business_associate", lang) if name == BUSINESS_ASSOCIATE else vocabulary(name).labels[lang]


def category_label(name: str, code: str | None, lang: str) -> str:
    """A row of a breakdown in words; None is a value the source left empty."""
    if code is None:
        return ui("unknown", lang)
    if name == BUSINESS_ASSOCIATE:
        return yes_no(code == "yes", lang)
    return label(name, code, lang)


@cache
def field_docs() -> dict[str, dict[str, str]]:
    """What each field of an incident file holds, in every language (field_docs.yaml)."""
    return _read_yaml("field_docs.yaml")


def field_doc(path: str) -> str:
    return field_docs()[path]["en"]


@cache
def open_data_fields() -> dict[str, dict[str, str]]:
    """What each field of an open-data incident record holds, in every language (open_data_fields.yaml)."""
    return _read_yaml("open_data_fields.yaml")


@cache
def interface_text() -> dict[str, dict[str, str]]:
    """Every sentence and heading of the site's interface, keyed by name, in every language."""
    return _read_yaml("interface_text.yaml")


def ui(key: str, lang: str, **values: object) -> str:
    """One interface string in `lang`, with `{placeholders}` filled in."""
    text = interface_text()[key][lang]
    return text.format(**values) if values else text
