"""Where things are and which languages the site speaks: declared once, read by every stage."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
INCIDENTS_DIR = REPO_ROOT / "incidents"
CONTENT_DIR = REPO_ROOT / "content"
PAGES_DIR = REPO_ROOT / "pages"
SCHEMA_PATH = REPO_ROOT / "schema" / "incident.schema.json"
CHART_CACHE = REPO_ROOT / ".cache" / "charts"
"""Chart SVGs by the hash of their spec, so a rebuild draws only the charts whose figures changed."""

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
publish workflow sets it). Without it, pages carry no canonical link and the sitemap is left out: both need
absolute addresses."""
