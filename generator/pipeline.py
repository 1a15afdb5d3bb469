"""The pipeline's stages put together, with the per-file and per-page work spread over the cores.

load -> validate -> model -> aggregate -> render -> write. Each stage stays a plain function in its own
module; this one only decides which pieces run side by side.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from generator import config
from generator.aggregate import Overview
from generator.load import incident_files, load_incident_files
from generator.parallel import map_chunks
from generator.render import render_incident_pages, render_site_pages
from generator.validate import FileCheck, ValidationResult, check_file, combine


def _check_files(today: dt.date, paths: list[Path]) -> list[FileCheck]:
    return [check_file(loaded, today) for loaded in load_incident_files(paths, config.REPO_ROOT)]


def validate_folder(folder: Path, today: dt.date) -> ValidationResult:
    """Every incident file under `folder`, checked; cross-file rules (unique ids, related ids) need them all."""
    return combine(map_chunks(partial(_check_files, today), incident_files(folder)))


def render_all(overview: Overview) -> dict[str, str]:
    """Every page in every language: incident pages in parallel, the few overview pages here."""
    pages = render_site_pages(overview)
    ids = [incident.id for incident in overview.incidents]
    for path, text in map_chunks(partial(render_incident_pages, overview), ids):
        pages[path] = text
    return pages
