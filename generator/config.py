"""Where things are, which languages the site speaks, and the settings a user can change: declared once,
read by every stage. Settings come from environment variables, each documented here and in the README."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
INCIDENTS_DIR = REPO_ROOT / "incidents"
EVENTS_DIR = REPO_ROOT / "events"
"""One YAML file per event: an attack or campaign and the incident reports it caused."""
CONTENT_DIR = REPO_ROOT / "content"
"""The site's Markdown: hand-written pages (committed) and generated ones (git-ignored) side by side."""
SITE_DIR = REPO_ROOT / "site"
SCHEMA_PATH = REPO_ROOT / "schema" / "incident.schema.json"
EVENT_SCHEMA_PATH = REPO_ROOT / "schema" / "event.schema.json"

CHART_CACHE_VARIABLE = "TRACKER_CHART_CACHE"
"""Where drawn chart images are kept by the hash of their spec, so a rebuild draws only the charts whose
figures changed. Default: .cache/charts/ in the repository. `build --chart-cache` overrides it."""


def chart_cache() -> Path:
    value = os.environ.get(CHART_CACHE_VARIABLE, "").strip()
    return Path(value) if value else REPO_ROOT / ".cache" / "charts"


WORKERS_VARIABLE = "TRACKER_WORKERS"
"""How many processes a build may use. Default: every core this process may run on; 1 runs everything in
this process."""


class SettingError(ValueError):
    """A setting with a value it cannot take; the message names the variable and what it expects."""


def workers() -> int:
    value = os.environ.get(WORKERS_VARIABLE, "").strip()
    if value:
        if not value.isdigit() or int(value) < 1:
            raise SettingError(f"{WORKERS_VARIABLE}={value!r}: expected a whole number of processes, 1 or more")
        return int(value)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


START_METHOD_VARIABLE = "TRACKER_START_METHOD"
"""How worker processes start: 'fork' (the default where the system has it: workers inherit the
parent's memory) or 'spawn' (the default elsewhere: each worker receives what it needs, pickled)."""


def start_method() -> str:
    value = os.environ.get(START_METHOD_VARIABLE, "").strip()
    methods = multiprocessing.get_all_start_methods()
    if value:
        if value not in ("fork", "spawn") or value not in methods:
            raise SettingError(f"{START_METHOD_VARIABLE}={value!r}: expected one of {', '.join(m for m in ('fork', 'spawn') if m in methods)}")
        return value
    return "fork" if "fork" in methods else "spawn"


def check_settings() -> None:
    """Read every setting once, so a wrong value stops a command before it starts (SettingError)."""
    chart_cache(), workers(), start_method()


LANGUAGES: tuple[str, ...] = ("en", "zh")
"""Site languages; the first is the default, served at the site root."""

WORD_SPACE = {"en": " ", "zh": ""}
"""What separates a figure from the words after it: Chinese sets no space."""

BABEL_LOCALES = {"en": "en_US", "zh": "zh_Hans_CN"}
"""CLDR locale used to format numbers and dates for each site language."""

MAX_INCIDENT_FILE_BYTES = 100_000
"""A real incident file is a few kilobytes; anything this big is a mistake or an attack."""

LATEST_INCIDENTS_ON_HOME = 10

HHS_PORTAL_URL = "https://ocrportal.hhs.gov/ocr/breach/breach_report.jsf"
HHS_LIST_PAGE = "https://ocrportal.hhs.gov/ocr/breach/breach_report_hip.jsf"
"""The portal page whose two tabs hold the under-investigation list and the archive (fetch-hhs reads it)."""
HHS_PORTAL_SOURCE = {
    "url": HHS_PORTAL_URL,
    "title": "Breach Portal: Notice to the Secretary of HHS Breach of Unsecured Protected Health Information",
    "publisher": "U.S. Department of Health and Human Services, Office for Civil Rights",
    "lang": "en",
}
"""How incidents cite the official list; the importer adds it to every incident it touches."""


VEGA_LITE_VERSION = "6.4"
"""The Vega-Lite release Altair writes for; vl-convert draws the SVGs and bundles the browser's copy with it."""
STATIC_CHART_WIDTH = 640
"""Width of the SVG drawn at build time; in the browser charts fill their column."""
STATIC_CHART_FONT = "sans-serif"
"""The SVGs name one generic family: the reader's browser picks its own (with Chinese glyphs), and
measuring text against a long font list made drawing each chart three times slower."""

SITE_URL_VARIABLE = "TRACKER_SITE_URL"
"""The environment variable that says where the site is published, e.g. https://example.org/tracker/ (the
publish workflow sets it). Without it, pages carry no canonical link, the sitemap is left out and feeds link
relatively: all of those need absolute addresses."""


def site_url() -> str | None:
    """The site's address, ending in '/', or None for a local build."""
    value = os.environ.get(SITE_URL_VARIABLE, "").strip()
    return value.rstrip("/") + "/" if value else None
