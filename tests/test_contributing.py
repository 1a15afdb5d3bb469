"""A first-time contributor's path, end to end, and the files that support it."""

from __future__ import annotations

import json
import re
import shutil

import yaml

from tests.conftest import FIXTURE_INCIDENTS, REPO_ROOT, TODAY
from tests.conftest import run_generator as run


def test_new_then_edit_then_validate_then_build(tmp_path):
    incidents = tmp_path / "incidents"
    shutil.copytree(FIXTURE_INCIDENTS, incidents)
    created = run("new", "--organization", "Lakeview Family Clinic", "--date", "2025-03-04",
                  "--source-url", "https://example.com/lakeview", "--state", "WI", "--incidents", str(incidents), "--today", TODAY.isoformat())
    assert created.returncode == 0, created.stderr
    path = incidents / "2025" / "lakeview-family-clinic-2025.yaml"
    assert path.exists()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/incident.schema.json\n")
    assert "id: lakeview-family-clinic-2025" in text and "# required" in text

    # As written, it names every field still to fill, each on its own line, in GitHub's annotation form too.
    annotations = run("validate", "--format", "github", "--incidents", str(incidents), "--today", TODAY.isoformat())
    assert annotations.returncode == 1
    fields = [re.search(r"::([\w.\[\]]+): ", line).group(1) for line in annotations.stdout.splitlines()]
    assert fields == ["title.en", "title.zh", "organization.entity_type", "breach.types", "breach.locations",
                      "summary.en", "summary.zh", "sources[0].title", "sources[0].publisher"]
    assert all(re.match(r"::error file=[^,]+/lakeview-family-clinic-2025\.yaml,line=\d+,col=\d+::", line) for line in annotations.stdout.splitlines())

    # The contributor fills them in.
    filled = (
        text.replace('title:  # required: a short, neutral headline in each language\n  en: ""\n  zh: ""',
                     "title:\n  en: Ransomware attack on Lakeview Family Clinic\n  zh: Lakeview家庭诊所遭勒索软件攻击")
        .replace("  entity_type:  #", "  entity_type: healthcare_provider  #")
        .replace("  types: []  #", "  types: [hacking_it_incident]  #")
        .replace("  locations: []  #", "  locations: [network_server]  #")
        .replace('  en: ""\n  zh: ""\nsources:', "  en: The clinic says ransomware encrypted its server.\n  zh: 该诊所表示勒索软件加密了其服务器。\nsources:")
        .replace('    title: ""  #', "    title: Clinic notice  #")
        .replace('    publisher: ""  #', "    publisher: Lakeview Family Clinic  #")
        .replace("    count:  #", "    count: 2150  #")
        .replace("related: []", "  - url: https://example.org/hhs-portal\n    publisher: Example Regulator\n    lang: en\nrelated: []")
    )
    path.write_text(filled, encoding="utf-8")
    assert run("validate", "--incidents", str(incidents), "--today", TODAY.isoformat()).returncode == 0
    built = run("build", "--incidents", str(incidents), "--content", str(tmp_path / "content"), "--today", TODAY.isoformat())
    assert built.returncode == 0, built.stdout + built.stderr
    for lang in ("en", "zh"):
        page = (tmp_path / "content" / lang / "incidents" / "lakeview-family-clinic-2025.md").read_text(encoding="utf-8")
        assert "2,150" in page


def test_new_asks_for_what_the_flags_leave_out(tmp_path):
    created = run("new", "--incidents", str(tmp_path), "--today", TODAY.isoformat(),
                  stdin="Acme Labs\n2025-02\nhttps://example.com/acme\n")
    assert created.returncode == 0, created.stderr
    assert (tmp_path / "2025" / "acme-labs-2025.yaml").exists()
    again = run("new", "--organization", "Acme Labs", "--date", "2025-06-01", "--source-url", "https://example.com/b",
                "--incidents", str(tmp_path), "--today", TODAY.isoformat())
    assert again.returncode == 0 and (tmp_path / "2025" / "acme-labs-2025-2.yaml").exists(), "never overwrites"


def test_new_refuses_bad_answers_without_writing(tmp_path):
    refused = run("new", "--organization", "Acme", "--date", "2025-13", "--source-url", "http://example.com",
                  "--incidents", str(tmp_path), "--today", TODAY.isoformat())
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "'2025-13' is not a date" in refused.stderr and "not an https:// address" in refused.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_schema_and_the_field_references_are_current():
    result = run("schema", "--check")
    assert result.returncode == 0, result.stderr


def test_the_field_reference_lists_every_code_with_both_labels():
    from generator.vocab import vocabularies

    for name, lang in (("CONTRIBUTING.md", "en"), ("CONTRIBUTING.zh.md", "zh")):
        text = (REPO_ROOT / name).read_text(encoding="utf-8")
        for vocabulary in vocabularies().values():
            for code, term in vocabulary.terms.items():
                assert f"| `{code}` | {term.labels['en']} | {term.labels['zh']} |" in text, (name, code)


def test_issue_forms_ask_for_the_essentials_in_both_languages():
    forms = REPO_ROOT / ".github" / "ISSUE_TEMPLATE"
    required = {}
    for name in ("report-breach.yml", "correct-incident.yml"):
        form = yaml.safe_load((forms / name).read_text(encoding="utf-8"))
        assert re.search(r"[\u4e00-\u9fff]", form["name"]) and re.search(r"[A-Za-z]", form["name"])
        fields = [item for item in form["body"] if item["type"] != "markdown"]
        assert all(re.search(r"[\u4e00-\u9fff]", item["attributes"]["label"]) for item in fields)
        required[name] = [item["id"] for item in fields if item.get("validations", {}).get("required")]
    assert required == {"report-breach.yml": ["organization", "dates", "count", "source"],
                        "correct-incident.yml": ["incident", "problem", "source"]}
    assert "- [ ]" in (REPO_ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")


def test_pre_commit_validates_changed_incident_files():
    [hook] = yaml.safe_load((REPO_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    assert hook["entry"] == "python -m generator validate" and hook["pass_filenames"] is True
    assert re.search(hook["files"], "incidents/2024/change-healthcare-2024.yaml")
    assert not re.search(hook["files"], "generator/vocabularies.yaml")


def test_editors_attach_the_schema_to_incident_files():
    settings = json.loads((REPO_ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    [(schema, pattern)] = settings["yaml.schemas"].items()
    assert (REPO_ROOT / schema).resolve() == (REPO_ROOT / "schema" / "incident.schema.json").resolve()
    assert pattern == "incidents/**/*.yaml"
