"""The pipeline's stages put together, with the per-file and per-page work spread over the cores.

load -> validate -> model -> aggregate -> render -> write. Each stage stays a plain function in its own
module; this one only decides which pieces run side by side.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import Any

from generator import config
from generator.aggregate import Overview
from generator.chart_images import render_images
from generator.load import incident_files, load_incident_files
from generator.parallel import map_chunks
from generator.render import render_incident_pages, render_site_pages
from generator.write import discard, start_staging, swap_in, write_into
from generator.validate import FileCheck, ValidationResult, check_file, combine


def _check_files(today: dt.date, paths: list[Path]) -> list[FileCheck]:
    return [check_file(loaded, today) for loaded in load_incident_files(paths, config.REPO_ROOT)]


def validate_folder(folder: Path, today: dt.date) -> ValidationResult:
    """Every incident file under `folder`, checked; cross-file rules (unique ids, related ids) need them all."""
    checks, _ = map_chunks(partial(_check_files, today), incident_files(folder))
    return combine(checks)


_RENDERING: tuple[Overview, Path] | None = None
"""What forked workers inherit instead of receiving it pickled: the overview and the staging folder."""


def _render_and_write_incidents(ids: list[str]) -> list[int]:
    overview, staging = _RENDERING
    return [write_into(staging, render_incident_pages(overview, ids))]


def _write_site_pages(overview: Overview, hand_written: dict[str, str], staging: Path) -> tuple[int, dict[str, dict[str, Any]]]:
    pages, chart_specs = render_site_pages(overview)
    return write_into(staging, {**pages, **hand_written}), chart_specs


def build_content(overview: Overview, hand_written: dict[str, str], target: Path, chart_cache: Path | None = config.CHART_CACHE) -> int:
    """Render every page in every language into a staging folder, then swap it in as `target`.

    Workers render and write the incident pages; this process meanwhile does the overview pages and
    their chart specs; then each chart's SVG is drawn (or taken from `chart_cache`).
    Returns the number of files written. On any failure `target` is left as it was."""
    global _RENDERING
    staging = start_staging(target)
    _RENDERING = (overview, staging)
    try:
        ids = [incident.id for incident in overview.incidents]
        counts, (others, chart_specs) = map_chunks(
            _render_and_write_incidents, ids, meanwhile=partial(_write_site_pages, overview, hand_written, staging)
        )
        images, _ = render_images(chart_specs, chart_cache)
        others += write_into(staging, images)
    except BaseException:
        discard(staging)
        raise
    finally:
        _RENDERING = None
    swap_in(staging, target)
    return sum(counts) + others
