"""The command line as a contributor meets it: one line per problem, exit 1, no traceback, nothing damaged."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import build_parser
from tests.conftest import FIXTURE_INCIDENTS, REPO_ROOT, TODAY, run_generator, snapshot


def run(*args: str) -> subprocess.CompletedProcess:
    return run_generator(*args, "--today", TODAY.isoformat())


@pytest.fixture
def incidents(tmp_path: Path) -> Path:
    target = tmp_path / "incidents"
    shutil.copytree(FIXTURE_INCIDENTS, target)
    return target


def test_validate_passes_on_the_fixtures(incidents):
    result = run("validate", "--incidents", str(incidents))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 incidents and 0 events, no problems" in result.stderr


def test_validate_reports_each_problem_on_its_line_and_exits_1(incidents):
    acme = incidents / "2024" / "acme-clinic-2024.yaml"
    acme.write_text(acme.read_text().replace("reported: 2024-05-03", "reported: 2024-13-01"), encoding="utf-8")
    (incidents / "2024" / "broken.yaml").write_text("id: broken\ntitle:\n\ten: x\n", encoding="utf-8")
    result = run("validate", "--incidents", str(incidents))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("2024/acme-clinic-2024.yaml:25:13: dates.reported: '2024-13-01' is not a date (expected YYYY-MM-DD, or YYYY-MM or YYYY when the source gives no day)")
    assert lines[1].endswith("2024/broken.yaml:3:1: yaml: a tab character; indent with spaces")
    assert result.stderr.strip().splitlines()[-1] == "validate failed: 2 problems in 2 files"


def test_validate_can_write_github_annotations(incidents):
    (incidents / "2024" / "broken.yaml").write_text("[1, 2]\n", encoding="utf-8")
    result = run("validate", "--format", "github", "--incidents", str(incidents))
    assert result.returncode == 1
    [line] = result.stdout.splitlines()
    assert line.startswith("::error file=") and line.endswith("2024/broken.yaml,line=1,col=1::(file): the file holds a list; expected a mapping of incident fields (id: ..., title: ...)")


def test_build_writes_both_languages(incidents, tmp_path):
    content = tmp_path / "content"
    result = run("build", "--incidents", str(incidents), "--content", str(content))
    assert result.returncode == 0, result.stderr
    for lang in ("en", "zh"):
        assert (content / lang / "incidents" / "acme-clinic-2024.md").exists()
        assert (content / lang / "years" / "2023.md").exists()
        assert (content / lang / "about.md").exists()


def test_a_failed_build_leaves_content_exactly_as_it_was(incidents, tmp_path):
    content = tmp_path / "content"
    assert run("build", "--incidents", str(incidents), "--content", str(content)).returncode == 0
    before = snapshot(content)
    (incidents / "2024" / "beta-billing-2024.yaml").write_text("id: beta-billing-2024\n", encoding="utf-8")
    result = run("build", "--incidents", str(incidents), "--content", str(content))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "nothing written" in result.stderr
    assert snapshot(content) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["content", "incidents"], "no temporary folder left behind"


def test_a_rebuild_removes_pages_of_deleted_incidents(incidents, tmp_path):
    content = tmp_path / "content"
    assert run("build", "--incidents", str(incidents), "--content", str(content)).returncode == 0
    (incidents / "2023" / "gamma-health-plan-2023.yaml").unlink()
    assert run("build", "--incidents", str(incidents), "--content", str(content)).returncode == 0
    assert not (content / "en" / "incidents" / "gamma-health-plan-2023.md").exists()
    assert not (content / "zh" / "years" / "2023.md").exists()


def _stamps(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(path.relative_to(folder)): (path.stat().st_ino, path.stat().st_mtime_ns) for path in folder.rglob("*") if path.is_file()}


def test_a_rebuild_writes_only_the_files_that_changed(incidents, tmp_path):
    content, fresh = tmp_path / "content", tmp_path / "fresh"
    assert run("build", "--incidents", str(incidents), "--content", str(content)).returncode == 0
    before = _stamps(content)
    again = run("build", "--incidents", str(incidents), "--content", str(content))
    assert again.returncode == 0 and ", 0 of them changed" in again.stderr, again.stderr
    assert _stamps(content) == before, "an unchanged file is left alone"
    gamma = incidents / "2023" / "gamma-health-plan-2023.yaml"
    gamma.write_text(gamma.read_text(encoding="utf-8").replace("A server was left open to the internet.", "A server was left open to anyone on the internet."), encoding="utf-8")
    changed = run("build", "--incidents", str(incidents), "--content", str(content))
    assert changed.returncode == 0, changed.stderr
    after = _stamps(content)
    rewritten = sorted(path for path in after if after[path] != before[path])
    # the English summary is on the English page and in the open data, nowhere else (and the page keys change)
    assert rewritten == [
        ".build.json", "en/data/v1/incidents.json", "en/data/v1/incidents/gamma-health-plan-2023.json", "en/incidents/gamma-health-plan-2023.md"
    ]
    assert f", {len(rewritten)} of them changed" in changed.stderr
    # Acme's page links to Beta by its title: renaming Beta must redraw Acme's page too
    beta = incidents / "2024" / "beta-billing-2024.yaml"
    beta.write_text(beta.read_text(encoding="utf-8").replace("Stolen laptop at Beta Billing", "Laptop stolen from Beta Billing"), encoding="utf-8")
    (content / "zh" / "incidents" / "gamma-health-plan-2023.md").unlink()  # a page gone from content/ comes back
    assert run("build", "--incidents", str(incidents), "--content", str(content)).returncode == 0
    assert "Laptop stolen from Beta Billing" in (content / "en" / "incidents" / "acme-clinic-2024.md").read_text(encoding="utf-8")
    assert run("build", "--incidents", str(incidents), "--content", str(fresh)).returncode == 0
    assert snapshot(content) == snapshot(fresh), "a rebuild holds exactly what a first build writes"


def test_a_new_generator_renders_every_incident_page_again(tmp_path, fixture_overview, monkeypatch, chart_cache_outside_the_checkout):
    from generator import page_keys, pipeline
    from generator.render import pages

    rendered: list[str] = []
    real = pages.render_incident_pages

    def counting(overview, wanted):
        pages = real(overview, wanted)
        rendered.extend(path for path, _ in pages)
        return pages

    monkeypatch.setattr(pages, "render_incident_pages", counting)
    content, every_page = tmp_path / "content", 2 * len(fixture_overview.incidents)
    pipeline.build_content(fixture_overview, {}, content, chart_cache=chart_cache_outside_the_checkout)
    assert len(rendered) == every_page
    pipeline.build_content(fixture_overview, {}, content, chart_cache=chart_cache_outside_the_checkout)
    assert len(rendered) == every_page, "same incidents, same generator: nothing to render"
    monkeypatch.setattr(page_keys, "generator_fingerprint", lambda: "another version of the generator")
    pipeline.build_content(fixture_overview, {}, content, chart_cache=chart_cache_outside_the_checkout)
    assert len(rendered) == 2 * every_page


def test_a_failure_while_rendering_leaves_content_as_it_was(tmp_path, fixture_overview, monkeypatch, chart_cache_outside_the_checkout):
    from generator import chart_images, pipeline

    content = tmp_path / "content"
    pipeline.build_content(fixture_overview, {}, content, chart_cache=chart_cache_outside_the_checkout)
    before = snapshot(content)

    def broken(*args, **kwargs):
        raise RuntimeError("a renderer bug")

    monkeypatch.setattr(chart_images, "render_images", broken)  # after every page is rendered and staged
    with pytest.raises(RuntimeError):
        pipeline.build_content(fixture_overview, {}, content, chart_cache=chart_cache_outside_the_checkout)
    assert snapshot(content) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["content"], "no staging folder left behind"


def test_two_builds_of_the_same_input_are_byte_identical(incidents, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert run("build", "--incidents", str(incidents), "--content", str(first)).returncode == 0
    assert run("build", "--incidents", str(incidents), "--content", str(second)).returncode == 0
    assert snapshot(first) == snapshot(second)


def test_a_misused_command_exits_2():
    result = run("frobnicate")
    assert result.returncode == 2


def test_every_command_has_help_and_is_in_the_readme():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    subcommands = build_parser()._subparsers._group_actions[0]
    helps = {action.dest: action.help for action in subcommands._choices_actions}
    for name in subcommands.choices:
        assert helps.get(name), f"`{name}` has no help text"
        assert f"python -m generator {name}" in readme, f"README does not mention `python -m generator {name}`"


def test_a_new_site_takes_the_old_ones_place_and_the_old_one_goes_in_the_background(tmp_path):
    import time

    from generator.write import swap_in

    site, new = tmp_path / "site", tmp_path / "new"
    (site / "old").mkdir(parents=True)
    (site / "old" / "index.html").write_text("old", encoding="utf-8")
    (new / "fresh").mkdir(parents=True)
    (new / "fresh" / "index.html").write_text("new", encoding="utf-8")
    swap_in(new, site)
    assert snapshot(site) == {"fresh/index.html": b"new"}
    deadline = time.monotonic() + 30
    while (tmp_path / ".site-old").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"], "the old site is removed"


def test_case_facts_lists_each_fact_with_its_rule_and_refuses_a_missing_file(tmp_path):
    from generator.importers.hhs_export import COLUMNS

    export = tmp_path / "archive_asof_2024-06.csv"
    summary = "The covered entity (CE), Alder Clinic, reported a ransomware attack. The PHI involved included names."
    export.write_text(
        ",".join(COLUMNS) + "\n" + f'Alder Clinic,OR,Healthcare Provider,900,03/02/2022,Hacking/IT Incident,Network Server,No,"{summary}"\n',
        encoding="utf-8",
    )
    listed = run_generator("case-facts", str(export))
    assert listed.returncode == 0, listed.stderr
    assert "Alder Clinic (OR, submitted 2022-03-02)" in listed.stdout
    assert any(line.split()[:3] == ["vectors", "ransomware", "ransomware"] for line in listed.stdout.splitlines())
    assert any(line.split()[:3] == ["data_types", "name", "name"] for line in listed.stdout.splitlines())
    missing = run_generator("case-facts", str(tmp_path / "nothing.csv"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_validating_a_file_that_does_not_exist_is_a_misuse(incidents):
    result = run("validate", "--incidents", str(incidents), str(incidents / "2024" / "typo.yaml"))
    assert result.returncode == 2
    assert result.stderr.strip().endswith("typo.yaml: no such file")


def test_validating_one_file_still_reports_its_id_clash_with_another(incidents):
    acme = incidents / "2024" / "acme-clinic-2024.yaml"
    copy = incidents / "2023" / "acme-clinic-2024.yaml"
    copy.write_text(acme.read_text(encoding="utf-8"), encoding="utf-8")
    for named in (acme, copy):
        result = run("validate", "--incidents", str(incidents), str(named))
        assert result.returncode == 1, named
        assert "'acme-clinic-2024' is already the id of" in result.stdout, named


def test_an_internal_error_exits_3_with_one_line_and_the_traceback_in_a_file(monkeypatch, capsys):
    from generator import cli

    def broken(args):
        raise KeyError("a bug")

    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    parser._subparsers._group_actions[0].choices["schema"].set_defaults(handler=broken)
    assert cli.main(["schema", "--check"]) == 3
    line = capsys.readouterr().err.strip()
    assert line.startswith("schema: internal error (KeyError); the traceback is in ") and "\n" not in line
    report = Path(line.rsplit(" ", 1)[1])
    assert "KeyError: 'a bug'" in report.read_text(encoding="utf-8")
    report.unlink()
