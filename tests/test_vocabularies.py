"""One source of truth: the vocabularies, the schema built from them, and the interface text."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.config import LANGUAGES, SCHEMA_PATH
from generator.model import DATE_FIELDS
from generator.schema import schema_json
from generator.feeds import FEEDS
from generator.site import nav_label_key
from generator.vocab import interface_text, vocabularies

GENERATOR = Path(__file__).resolve().parent.parent / "generator"


def test_the_committed_schema_is_built_from_the_vocabularies():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_json(), "run: python -m generator schema"


def test_every_term_has_a_label_in_every_language_and_nothing_else():
    raw = yaml.safe_load((GENERATOR / "vocabularies.yaml").read_text(encoding="utf-8"))
    for name, spec in raw.items():
        assert set(spec) == {"noun", "label", "values"}, name
        assert set(spec["label"]) == set(LANGUAGES), name
        for code, term in spec["values"].items():
            # An unquoted comma in a flow mapping silently adds a key: catch it here.
            assert set(term) <= {*LANGUAGES, "hhs", "in_sentence"} and set(LANGUAGES) <= set(term), (name, code, term)
            if "in_sentence" in term:
                assert set(term["in_sentence"]) == set(LANGUAGES), (name, code)
            assert all(isinstance(term[lang], str) and term[lang].strip() for lang in LANGUAGES), (name, code)


def test_codes_are_stable_identifiers():
    for vocabulary in vocabularies().values():
        for code in vocabulary.codes:
            assert re.fullmatch(r"[a-z][a-z_]*|[A-Z]{2}", code), (vocabulary.name, code)


def test_chinese_labels_are_chinese():
    for vocabulary in vocabularies().values():
        for term in vocabulary.terms.values():
            assert re.search(r"[\u4e00-\u9fff]", term.labels["zh"]), (vocabulary.name, term.code)


def test_no_chinese_label_holds_the_list_separator_outside_brackets():
    """Labels are listed with "、" in Chinese: one holding it would read as two items of the list."""
    for vocabulary in vocabularies().values():
        for term in vocabulary.terms.values():
            for text in (term.labels["zh"], term.phrase("zh")):
                assert "、" not in re.sub(r"（[^）]*）|\([^)]*\)", "", text), (vocabulary.name, term.code, text)


def test_hhs_wordings_are_unique_within_a_vocabulary():
    for vocabulary in vocabularies().values():
        wordings = [term.hhs for term in vocabulary.terms.values() if term.hhs]
        assert len(wordings) == len(set(wordings)), vocabulary.name


def _keys_used_in_code() -> set[str]:
    sources = [path.read_text(encoding="utf-8") for path in GENERATOR.rglob("*.j2")]
    sources += [path.read_text(encoding="utf-8") for path in GENERATOR.rglob("*.py")]
    used = {f"date_{name}" for name in DATE_FIELDS}  # the timeline builds these keys from the field names
    used |= {f"account_status_{code}" for code in vocabularies()["hhs_status"].codes}  # one sentence per status
    used.add("site_name")  # mkdocs.yml carries it; the last test of this module holds the two together
    for text in sources:
        used |= set(re.findall(r"""\b(?:t|ui|sentence)\(\s*["']([a-z_]*[a-z])["']""", text))
        used |= set(re.findall(r'"(answer_[a-z]+|open_data_[a-z_]+)"', text))
        used |= set(re.findall(r':\s*"(search_[a-z_]+)"', text))  # Pagefind's strings: {its name: our key}
    used |= {f"feed_{kind}_{part}" for kind in FEEDS for part in ("title", "subtitle", "summary")}  # one set per feed
    used |= {nav_label_key(page) for page in yaml.safe_load((GENERATOR.parent / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]}  # one per tab
    return used


def test_interface_text_has_every_language_for_every_key():
    for key, texts in interface_text().items():
        assert set(texts) == set(LANGUAGES), key
        assert all(isinstance(texts[lang], str) and texts[lang].strip() for lang in LANGUAGES), key


def test_every_interface_key_used_exists_and_every_key_is_used():
    used = _keys_used_in_code()
    defined = set(interface_text())
    assert used - defined == set(), "used but not defined"
    assert defined - used == set(), "defined but never used"


def test_placeholders_match_across_languages():
    for key, texts in interface_text().items():
        fields = {lang: set(re.findall(r"\{(\w+)\}", texts[lang])) for lang in LANGUAGES}
        assert fields["en"] == fields["zh"], key


def test_the_site_name_in_mkdocs_yml_matches_the_interface_text():
    for lang in LANGUAGES:
        name = "mkdocs.yml" if lang == "en" else f"mkdocs.{lang}.yml"
        config = yaml.safe_load((GENERATOR.parent / name).read_text(encoding="utf-8"))
        assert config["site_name"] == interface_text()["site_name"][lang], name
