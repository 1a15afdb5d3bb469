"""The pipeline's stages put together, with the per-file and per-page work spread over the cores.

load -> validate -> model -> aggregate -> render -> write. Each stage stays a plain function in its own
module; this one only decides which pieces run side by side.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from generator import config
from generator.config import LANGUAGES
from generator.aggregate import Overview
from generator.chart_images import render_images
from generator.load import incident_files, load_incident_files
from generator.parallel import SMALL_JOB, chunks, run_jobs
from generator.page_keys import FILE_NAME, keys_text, page_key, read_keys
from generator.render import SITE_PARTS, Specs, incident_page_inputs, incident_page_path, render_incident_pages, render_site_part
from generator.write import Update, abandon, finish_update, stage_changes, start_update
from generator.validate import FileCheck, ValidationResult, check_file, combine, compile_schema


def _check_files(today: dt.date, paths: list[Path]) -> list[FileCheck]:
    return [check_file(loaded, today) for loaded in load_incident_files(paths, config.REPO_ROOT)]


def validate_folder(folder: Path, today: dt.date, meanwhile: Callable[[], object] | None = None) -> ValidationResult:
    """Every incident file under `folder`, checked; cross-file rules (unique ids, related ids) need them all.
    meanwhile() runs in this process while the workers check (a build uses it to get ready to render)."""
    files = incident_files(folder)
    compile_schema()  # once, before the workers fork
    checked = run_jobs(partial(_check_files, today), chunks(files), parallel=len(files) >= SMALL_JOB, meanwhile=meanwhile)
    return combine([check for chunk in checked for check in chunk])


@dataclass(frozen=True)
class _Job:
    """A piece of a build a worker can do alone: one part of the overview pages, or some incidents' pages."""

    site_part: str | None = None
    incident_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Done:
    staged: list[str] = field(default_factory=list)
    """The overview files a job made (staged when they changed)."""
    specs: Specs = field(default_factory=dict)
    page_keys: dict[str, str] = field(default_factory=dict)
    """{path: key} of every incident page, rendered or kept as it was."""


_RENDERING: tuple[Overview, Update, dict[str, str]] | None = None
"""What forked workers inherit instead of receiving it pickled: the overview, where pages go, and the
keys of the incident pages content/ already holds."""


def _do(job: _Job) -> _Done:
    overview, update, previous_keys = _RENDERING
    if job.site_part:
        pages, specs = render_site_part(overview, job.site_part)
        return _Done(staged=stage_changes(update, pages), specs=specs)
    keys: dict[str, str] = {}
    wanted = []
    for incident in map(overview.by_id.get, job.incident_ids):
        key = page_key(incident_page_inputs(overview, incident))
        for lang in LANGUAGES:
            path = incident_page_path(incident.id, lang)
            keys[path] = key
            if key != previous_keys.get(path) or not (update.target / path).is_file():
                wanted.append((incident, lang))
    stage_changes(update, render_incident_pages(overview, wanted))
    return _Done(page_keys=keys)


@dataclass(frozen=True)
class BuildCount:
    files: int
    """Every file content/ holds after the build."""
    changed: int
    """Of those, how many were written, plus how many old ones were removed."""


def build_content(overview: Overview, hand_written: dict[str, str], target: Path, chart_cache: Path | None = config.CHART_CACHE) -> BuildCount:
    """Render every page in every language and bring `target` up to date with them.

    Workers take the jobs one by one: the overview pages by part (with their chart specs), then the
    incident pages in chunks, rendering only those whose key changed (generator.page_keys). Then each
    chart's SVG is drawn (or taken from `chart_cache`). Only when all of that has worked does anything
    in `target` change (generator.write)."""
    global _RENDERING
    update = start_update(target)
    _RENDERING = (overview, update, read_keys(update.target))
    try:
        ids = [incident.id for incident in overview.incidents]
        jobs = [_Job(site_part=part) for part in SITE_PARTS] + [_Job(incident_ids=tuple(chunk)) for chunk in chunks(ids)]
        done = run_jobs(_do, jobs, parallel=len(ids) >= SMALL_JOB)
        images, _ = render_images({path: spec for result in done for path, spec in result.specs.items()}, chart_cache)
        keys = {path: key for result in done for path, key in result.page_keys.items()}
        keep = {
            *keys,
            *(path for result in done for path in result.staged),
            *stage_changes(update, {**hand_written, **images, FILE_NAME: keys_text(keys)}),
        }
    except BaseException:
        abandon(update)
        raise
    finally:
        _RENDERING = None
    return BuildCount(files=len(keep), changed=finish_update(update, keep))
