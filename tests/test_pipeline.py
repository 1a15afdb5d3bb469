"""The pipeline's plumbing: one executor that works however workers start, and one writer that refuses
to write a path twice and never removes a page it did not generate."""

from __future__ import annotations

import pytest

from generator import pipeline
from generator.parallel import run_jobs
from generator.write import ContentUpdate, DuplicateWrite
from tests.conftest import FIXTURE_INCIDENTS, TODAY, run_generator, snapshot


def _scaled(shared: dict[str, int], job: int) -> tuple[int, int]:
    import os

    return job * shared["factor"], os.getpid()


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_every_job_gets_what_all_share_whichever_way_workers_start(start_method, monkeypatch):
    monkeypatch.setenv("TRACKER_WORKERS", "2")
    results = run_jobs(_scaled, list(range(20)), {"factor": 3}, start_method=start_method)
    assert [value for value, _ in results] == [job * 3 for job in range(20)]
    import os

    assert os.getpid() not in {pid for _, pid in results}, "the jobs ran in workers, not here"


def test_a_build_with_spawned_workers_writes_what_a_build_in_one_process_writes(fixture_overview, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "SMALL_JOB", 1)  # three incidents: make the build use its workers anyway
    monkeypatch.setenv("TRACKER_WORKERS", "2")
    monkeypatch.setenv("TRACKER_START_METHOD", "spawn")
    pipeline.build_content(fixture_overview, {}, tmp_path / "spawned", chart_cache=tmp_path / "cache")
    monkeypatch.setenv("TRACKER_WORKERS", "1")
    pipeline.build_content(fixture_overview, {}, tmp_path / "alone", chart_cache=tmp_path / "cache")
    spawned, alone = snapshot(tmp_path / "spawned"), snapshot(tmp_path / "alone")
    assert len(spawned) > 50 and spawned == alone


def test_writing_one_path_twice_in_a_build_is_an_error_and_changes_nothing(tmp_path):
    target = tmp_path / "content"
    target.mkdir()
    (target / "kept.md").write_text("as it was\n", encoding="utf-8")
    update = ContentUpdate(target)
    update.stage({"en/index.md": "one"})
    with pytest.raises(DuplicateWrite, match="en/index.md was written twice"):
        update.stage([("en/a.md", "a"), ("en/index.md", "two")])
    update.abandon()
    assert snapshot(target) == {"kept.md": b"as it was\n"}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["content"], "no staging folder left behind"


def test_a_hand_written_page_beside_the_generated_ones_survives_every_rebuild(tmp_path):
    content = tmp_path / "content"
    build = ("build", "--incidents", FIXTURE_INCIDENTS, "--content", content, "--today", TODAY.isoformat())
    assert run_generator(*build).returncode == 0
    (content / "en" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    (content / "en" / "incidents" / "stale.md").write_text("# Not in the record\n", encoding="utf-8")
    assert run_generator(*build).returncode == 0
    assert (content / "en" / "notes.md").read_text(encoding="utf-8") == "# Notes\n"
    assert (content / "en" / "incidents" / "stale.md").exists(), "only files the last build generated are removed"


@pytest.mark.parametrize(("variable", "value", "expected"), [
    ("TRACKER_WORKERS", "two", "TRACKER_WORKERS='two': expected a whole number of processes, 1 or more"),
    ("TRACKER_START_METHOD", "thread", "TRACKER_START_METHOD='thread': expected one of fork, spawn"),
])
def test_a_setting_with_a_wrong_value_is_a_misuse_with_a_message(variable, value, expected, tmp_path, monkeypatch):
    monkeypatch.setenv(variable, value)
    result = run_generator("build", "--incidents", FIXTURE_INCIDENTS, "--content", tmp_path / "content", "--today", TODAY.isoformat())
    assert (result.returncode, result.stderr.strip()) == (2, f"build: {expected}")
    assert not (tmp_path / "content").exists()


def test_only_load_reads_and_only_write_writes():
    """The rule the README states, checked on the source: no other module opens, reads, writes or removes files."""
    import re

    from tests.conftest import REPO_ROOT

    file_io = re.compile(r"\bopen\(|\.read_(?:text|bytes)\(|\.write_(?:text|bytes)\(|\.mkdir\(|\.unlink\(|\.rename\(|\brmtree\(|os\.replace\(|\bmkdtemp\(")
    offenders = []
    for path in sorted((REPO_ROOT / "generator").rglob("*.py")):
        if path.name in ("load.py", "write.py"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            if file_io.search(code) and "os.open(os.devnull" not in code:
                offenders.append(f"{path.relative_to(REPO_ROOT)}:{number}: {line.strip()}")
    assert offenders == []
