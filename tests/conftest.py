"""Shared fixtures: the hand-written fixture incidents, and helpers to validate YAML text in memory."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.aggregate import Overview, overview
from generator.config import CHART_CACHE_VARIABLE
from generator.load import LoadedFile, incident_files, load_incident_files, parse_incident_text
from generator.validate import validate

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_INCIDENTS = FIXTURES / "incidents"
"""Three incidents for the unit tests, small enough to reason about by hand."""
SITE_INCIDENTS = FIXTURES / "site_incidents"
SITE_EVENTS = FIXTURES / "site_events"
"""With FIXTURE_INCIDENTS, the fixture site: every page kind and edge case (an HHS-only report with OCR's
case summary, a newest year with none, a named gang, hostile text in every field)."""
TODAY = dt.date(2026, 11, 23)
"""Tests run as if on this day, so 'not in the future' never depends on the clock."""


def skip_here_fail_in_ci(reason: str) -> None:
    """For a tool the tests need (a browser, an npm package): CI must have it, so there it fails."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"cannot run in CI: {reason}")
    pytest.skip(reason)


def run_generator(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """`python -m generator ...` as a user runs it, from the repository root."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)], cwd=REPO_ROOT, capture_output=True, text=True, input=stdin,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )


def snapshot(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Every file under `folder` and its bytes, to tell whether anything changed."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name not in skip
    }


def fixture_text(name: str) -> str:
    return next(FIXTURE_INCIDENTS.rglob(f"{name}.yaml")).read_text(encoding="utf-8")


def problems_for(files: dict[str, str | bytes], today: dt.date = TODAY) -> list[str]:
    """Validate in-memory files ({display path: text}) and return the problem lines."""
    loaded: list[LoadedFile] = [
        parse_incident_text(text if isinstance(text, bytes) else text.encode("utf-8"), path) for path, text in files.items()
    ]
    return [str(problem) for problem in validate(loaded, today).problems]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing `needle`; fails loudly if absent."""
    hits = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} not found in fixture"
    return hits[occurrence - 1]


@pytest.fixture(scope="session", autouse=True)
def chart_cache_outside_the_checkout(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every build in the tests draws its charts into a cache of the test run's own, never .cache/ of the
    checkout. One per run (shared by the xdist workers), not per test: drawing the fixture site's charts takes seconds, and the
    cache is addressed by content (a hash of the spec and the renderer's version), so what one test
    leaves in it cannot change what another test gets."""
    session = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        session = session.parent  # shared by this run's workers: each image is written whole, then renamed into place
    cache = session / "chart-cache"
    cache.mkdir(exist_ok=True)
    before = os.environ.get(CHART_CACHE_VARIABLE)
    os.environ[CHART_CACHE_VARIABLE] = str(cache)
    yield cache
    if before is None:
        os.environ.pop(CHART_CACHE_VARIABLE, None)
    else:
        os.environ[CHART_CACHE_VARIABLE] = before


@pytest.fixture(scope="session")
def fixture_overview() -> Overview:
    loaded = load_incident_files(incident_files(FIXTURE_INCIDENTS), REPO_ROOT)
    result = validate(loaded, TODAY)
    assert result.ok, result.problems
    return overview(result.incidents)


@dataclass(frozen=True)
class BuiltSite:
    site: Path
    content: Path
    incident_ids: list[str]
    years: list[int]


def site_incident_folder(root: Path) -> Path:
    """The fixture site's incidents in one folder (both fixture folders), as `build --incidents` takes them."""
    folder = root / "incidents"
    for source in (FIXTURE_INCIDENTS, SITE_INCIDENTS):
        shutil.copytree(source, folder, dirs_exist_ok=True)
    return folder


def build_fixture_site(root: Path) -> BuiltSite:
    """The fixture site, generated and built with `mkdocs build --strict`, as `make site` does."""
    content, site, incidents = root / "content", root / "site", site_incident_folder(root)
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "NO_MKDOCS_2_WARNING": "1"}
    generate = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--incidents", str(incidents), "--events", str(SITE_EVENTS), "--content", str(content), "--today", TODAY.isoformat()],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True,
    )
    assert generate.returncode == 0, generate.stdout + generate.stderr
    build = subprocess.run(
        [sys.executable, "-m", "generator", "site", "--content", str(content), "--output", str(site)],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    assert "WARNING" not in build.stderr, build.stderr
    return built_site_at(root)


def built_site_at(root: Path) -> BuiltSite:
    result = validate(load_incident_files(incident_files(root / "incidents"), REPO_ROOT), TODAY)
    return BuiltSite(
        site=root / "site",
        content=root / "content",
        incident_ids=sorted(incident.id for incident in result.incidents),
        years=sorted({incident.year for incident in result.incidents}),
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture site, built once per test session, however many xdist workers share the session:
    the first to ask builds it, under a lock, in the session's own temporary folder; the others wait and
    read it. (The real incidents are built by benchmarks/full_site.py.)"""
    session = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        session = session.parent  # shared by this run's workers, and by nothing else
    root = session / "fixture-site"
    with open(session / "fixture-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (root / "built").is_file():
            return built_site_at(root)
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir()
        built = build_fixture_site(root)
        (root / "built").write_text("", encoding="utf-8")
        return built
