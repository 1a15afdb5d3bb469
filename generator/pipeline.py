"""The pipeline's stages put together, with the per-file and per-page work spread over the cores.

load -> validate -> model -> aggregate -> render -> write. Each stage stays a plain function in its own
module; this one only decides which pieces run side by side. Workers return what they made; only this
process writes, through generator.write. The rendering stages (Altair, Jinja, vl-convert) are imported
by the build itself, so validating alone does not load them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator import config, layout
from generator.aggregate import Overview
from generator.config import LANGUAGES
from generator.load import files_under, incident_files, load_incident_files, read_cached_images, read_text
from generator.page_keys import BuildRecord, build_record_from_json, build_record_json, page_key
from generator.parallel import SMALL_JOB, chunks, run_jobs
from generator.validate import FileCheck, ValidationResult, check_file, combine, compile_schema
from generator.validate_events import EventsResult, validate_events
from generator.write import ContentUpdate, write_files


def _check_files(today: dt.date, paths: list[Path]) -> list[FileCheck]:
    return [check_file(loaded, today) for loaded in load_incident_files(paths, config.REPO_ROOT)]


def validate_folder(folder: Path, today: dt.date, meanwhile: Callable[[], object] | None = None) -> ValidationResult:
    """Every incident file under `folder`, checked; cross-file rules (unique ids, related ids) need them all.
    meanwhile() runs in this process while the workers check (a build uses it to get ready to render)."""
    files = incident_files(folder)
    compile_schema()  # before the workers start: forked ones inherit it
    checked = run_jobs(_check_files, chunks(files), today, parallel=len(files) >= SMALL_JOB, meanwhile=meanwhile)
    return combine([check for chunk in checked for check in chunk])


def validate_events_folder(folder: Path, incidents_folder: Path, today: dt.date) -> EventsResult:
    """Every event file under `folder` (none if there is no folder), its members checked against the
    incident files' ids (an incident's id is its file name, which validation holds it to)."""
    files = incident_files(folder) if folder.is_dir() else []
    return validate_events(load_incident_files(files, config.REPO_ROOT), {path.stem for path in incident_files(incidents_folder)}, today)


@dataclass(frozen=True)
class _Job:
    """A piece of a build a worker can do alone: one part of the overview pages, or some incidents' pages."""

    site_part: str | None = None
    incident_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Shared:
    """What every job of a build needs: the incidents, and the page keys the last build left."""

    overview: Overview
    previous_keys: dict[str, str]
    present: frozenset[str]
    """The files content/ holds now: an incident page gone from it is rendered again."""
    site_url: str | None = None
    """The published address (generator.config.site_url), for the feeds' absolute links."""


@dataclass(frozen=True)
class _Done:
    files: list[tuple[str, str]] = field(default_factory=list)
    """The files a job made: overview pages, or the incident pages whose key changed."""
    specs: dict[str, dict] = field(default_factory=dict)
    """{chart image path: Vega-Lite spec}"""
    page_keys: dict[str, str] = field(default_factory=dict)
    """{path: key} of every incident page, rendered or kept as it was."""


def _do(shared: _Shared, job: _Job) -> _Done:
    from generator.render.pages import incident_page_inputs, render_incident_pages, render_site_part

    overview = shared.overview
    if job.site_part:
        pages, specs = render_site_part(overview, job.site_part, shared.site_url)
        return _Done(files=list(pages.items()), specs=specs)
    keys: dict[str, str] = {}
    wanted = []
    for incident in map(overview.by_id.get, job.incident_ids):
        key = page_key(incident_page_inputs(overview, incident))
        for lang in LANGUAGES:
            path = layout.incident(incident.id).path(lang)
            keys[path] = key
            if key != shared.previous_keys.get(path) or path not in shared.present:
                wanted.append((incident, lang))
    return _Done(files=render_incident_pages(overview, wanted), page_keys=keys)


@dataclass(frozen=True)
class BuildCount:
    files: int
    """Every file the build made, hand-written pages included."""
    changed: int
    """Of those, how many were written, plus how many old ones were removed."""


def _hand_written_paths() -> frozenset[str]:
    """Never in the record, so never removed: a build into content/ itself must not delete them."""
    return frozenset(layout.content_path(lang, name) for lang in LANGUAGES for name in layout.HAND_WRITTEN)


def build_content(overview: Overview, hand_written: dict[str, str], target: Path, chart_cache: Path | None, site_url: str | None = None) -> BuildCount:
    """Render every page in every language and bring `target` up to date with them.

    Workers take the jobs one by one: the overview pages by part (with their chart specs), then the
    incident pages in chunks, rendering only those whose key changed (generator.page_keys). Then each
    chart's image and live spec is drawn (or taken from `chart_cache`), and the pages showing them are
    given the images' sizes. Only when all of that has worked does anything
    in `target` change (generator.write)."""
    from generator.chart_images import cache_names, render_images, svg_size
    from generator.render.html import with_image_sizes
    from generator.render.pages import SITE_PARTS

    present = files_under(target)
    previous = build_record_from_json(read_text(target / layout.BUILD_RECORD))
    if not previous.generated:  # a new content/, or one from a generator before the record: all of it is generated
        previous = BuildRecord(frozenset(present) - _hand_written_paths(), previous.page_keys)
    shared = _Shared(overview, previous.page_keys, present, site_url)
    update = ContentUpdate(target)
    try:
        ids = [incident.id for incident in overview.incidents]
        jobs = [_Job(site_part=part) for part in SITE_PARTS] + [_Job(incident_ids=tuple(chunk)) for chunk in chunks(ids)]
        done = run_jobs(_do, jobs, shared, parallel=len(ids) >= SMALL_JOB)
        specs = {path: spec for result in done for path, spec in result.specs.items()}
        cached = read_cached_images(chart_cache, cache_names(specs)) if chart_cache else {}
        images, drawn = render_images(specs, cached)
        sizes = {path: svg_size(image) for path, image in images.items() if isinstance(image, str) and path.endswith(".svg")}
        for result in done:
            update.stage([(path, with_image_sizes(text, layout.language_of(path), sizes)) for path, text in result.files] if result.specs else result.files)
        update.stage(images)
        keys = {path: key for result in done for path, key in result.page_keys.items()}
        update.written |= keys.keys()  # kept as they are: still this build's
        update.stage(hand_written)
        generated = frozenset(update.written) - _hand_written_paths()
        update.stage({layout.BUILD_RECORD: build_record_json(BuildRecord(generated, keys))})
        if chart_cache and drawn:
            write_files({chart_cache / name: image for name, image in drawn.items()})
    except BaseException:
        update.abandon()
        raise
    return BuildCount(files=len(update.written), changed=update.finish(previous.generated))
