"""Broken YAML gets one line naming the file, the line and what is wrong; never a traceback."""

from __future__ import annotations

import pytest

from generator.config import MAX_INCIDENT_FILE_BYTES
from generator.load import parse_incident_text
from tests.conftest import fixture_text, line_of, problems_for

PATH = "incidents/2024/acme-clinic-2024.yaml"


def only_problem(raw: str | bytes) -> str:
    problems = problems_for({PATH: raw})
    assert len(problems) == 1, problems
    return problems[0]


def test_a_tab_used_for_indentation():
    text = fixture_text("acme-clinic-2024").replace("  name: Acme Clinic & Labs, P.C.", "\tname: Acme Clinic & Labs, P.C.")
    line = line_of(text, "\tname: Acme")
    assert only_problem(text) == f"{PATH}:{line}:1: yaml: a tab character; indent with spaces"


def test_bad_indentation():
    text = fixture_text("acme-clinic-2024").replace("  entity_type: healthcare_provider", "    entity_type: healthcare_provider")
    problem = only_problem(text)
    assert problem.startswith(f"{PATH}:{line_of(text, '    entity_type')}:")
    assert "indentation" in problem


def test_an_unclosed_quote_points_at_the_end_of_the_file():
    text = fixture_text("acme-clinic-2024").replace("  name: Acme Clinic & Labs, P.C.", '  name: "Acme Clinic')
    problem = only_problem(text)
    assert problem.startswith(f"{PATH}:")
    assert problem.endswith("yaml: the file ends inside a quoted text; a closing quote is missing")


def test_a_duplicate_key_names_both_lines():
    text = fixture_text("acme-clinic-2024").replace("  state: TX\n", "  state: TX\n  state: CA\n")
    first, second = line_of(text, "state: TX"), line_of(text, "state: CA")
    assert only_problem(text) == f"{PATH}:{second}:3: organization.state: duplicate key (first given on line {first})"


def test_a_list_instead_of_a_mapping():
    assert only_problem("- id: acme-clinic-2024\n- title: x\n") == (
        f"{PATH}:1:1: (file): the file holds a list; expected a mapping of incident fields (id: ..., title: ...)"
    )


def test_a_single_value_instead_of_a_mapping():
    assert "(file): the file holds a single value" in only_problem("just some words\n")


@pytest.mark.parametrize("empty", ["", "\n\n", "# only a comment\n"])
def test_an_empty_file(empty):
    assert only_problem(empty) == f"{PATH}:1:1: (file): the file is empty; expected the fields of an incident"


def test_bytes_that_are_not_utf8_name_their_line_and_column():
    raw = fixture_text("acme-clinic-2024").encode("utf-8").replace(b"Phishing attack", b"Phishing \xe9ttack")
    line = line_of(fixture_text("acme-clinic-2024"), "Phishing attack")
    assert only_problem(raw) == f"{PATH}:{line}:16: (file): byte 0xe9 is not UTF-8; save the file as UTF-8"


def test_a_utf8_byte_order_mark_is_accepted():
    raw = b"\xef\xbb\xbf" + fixture_text("acme-clinic-2024").encode("utf-8")
    beta = fixture_text("beta-billing-2024")
    assert problems_for({PATH: raw, "incidents/2024/beta-billing-2024.yaml": beta}) == []


def test_an_alias_bomb_is_refused_at_the_first_alias():
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
    assert only_problem(bomb) == f"{PATH}:2:8: yaml: aliases (*name) are not allowed in incident files"


def test_two_documents_in_one_file():
    text = fixture_text("acme-clinic-2024") + "---\nid: other\n"
    problem = only_problem(text)
    assert problem == f"{PATH}:{line_of(text, '---')}:1: yaml: more than one YAML document; an incident file holds one ('---' starts another)"


def test_an_arbitrary_python_tag_is_refused():
    text = fixture_text("acme-clinic-2024").replace("threat_actor: Example Group", "threat_actor: !!python/object:os.system x")
    assert only_problem(text) == (
        f"{PATH}:{line_of(text, 'threat_actor')}:17: breach.threat_actor: the YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed in incident files"
    )


def test_an_oversized_file_is_refused_before_parsing():
    raw = b"# " + b"x" * MAX_INCIDENT_FILE_BYTES + b"\n"
    assert only_problem(raw) == (
        f"{PATH}:1:1: (file): file is {len(raw):,} bytes; an incident file may be at most {MAX_INCIDENT_FILE_BYTES:,}"
    )


def test_yaml_1_1_surprises_stay_text():
    """'no', 'yes', 'on' and dates stay text: the YAML 1.1 resolver would turn them into booleans and dates."""
    loaded = parse_incident_text(b"a: no\nb: yes\nc: on\nd: 2024-02-21\ne: true\nf: 12\ng: 1_000\n", PATH)
    assert loaded.data == {"a": "no", "b": "yes", "c": "on", "d": "2024-02-21", "e": True, "f": 12, "g": "1_000"}


def test_positions_are_one_based_lines_and_columns_of_values():
    loaded = parse_incident_text(b"id: x\ndates:\n  reported: 2024-01-02\n", PATH)
    assert loaded.position(("dates", "reported")) == (3, 13)
    assert loaded.position(("dates", "reported"), at_key=True) == (3, 3)
    assert loaded.position(("dates", "missing")) == (3, 3), "a missing field points at its parent"


@pytest.mark.parametrize(
    "value",
    ["", "~", "null", "NULL", "nul", "true", "TRUE", "tRue", "false", "no", "yes", "on", "0", "-12", "+3", "1.5", ".5",
     "1.", "1e5", "0x1F", "1_000", "12,345", "2024-02-21", "2024-13", "text", "-", ".", "1.2.3", ".inf", "NaN"],
)
def test_the_fast_parser_resolves_plain_scalars_as_the_strict_one_does(value):
    from yaml.nodes import ScalarNode

    from generator.load import _FastLoader, _Resolver

    assert _FastLoader("a: 1").resolve(ScalarNode, value, (True, False)) == _Resolver().resolve(ScalarNode, value, (True, False))
