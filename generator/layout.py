"""Where everything the generator makes goes, and the address a reader finds it at: asked, never rebuilt.

Three kinds of place:
- a path under content/ (`content_path`): where the writer puts a file;
- a page's source under its language's folder (`Page.source`): what a Markdown link names, and MkDocs
  rewrites into the page's address;
- an address relative to a language's root (`Page.url`, `chart_url`, ...): what raw HTML, charts, feeds
  and the browser scripts link to, since MkDocs rewrites only Markdown links.

Every language has the same pages at the same places; the first language is served at the site root and
the others under /<lang>/. The open data is written once, into the first language's folder.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.config import LANGUAGES

DEFAULT_LANGUAGE = LANGUAGES[0]


@dataclass(frozen=True)
class Page:
    """A Markdown page, at the same place in every language."""

    source: str
    """Path under the language's folder of content/, e.g. 'years/2024.md'."""

    @property
    def url(self) -> str:
        """Its address under the language root, as MkDocs serves it: 'years/2024/', or '' for the home page."""
        stem = self.source.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            stem = stem.removesuffix("index").rstrip("/")
        return f"{stem}/" if stem else ""

    @property
    def link_root(self) -> str:
        """From this page's source to its language's folder: the prefix of a Markdown link."""
        return "../" * self.source.count("/")

    @property
    def url_root(self) -> str:
        """From this page's address to its language root: the prefix of a link in raw HTML."""
        return "../" * self.url.count("/")

    def link_to(self, other: Page) -> str:
        """A Markdown link from this page to `other`: the relative path between their sources."""
        here = self.source.rpartition("/")[0]
        if other.source.startswith(f"{here}/") if here else "/" not in other.source:
            return other.source[len(here) + 1 :] if here else other.source
        return self.link_root + other.source

    def url_to(self, address: str) -> str:
        """An address under the language root, as seen from this page's address."""
        return self.url_root + address

    def path(self, lang: str) -> str:
        return content_path(lang, self.source)


HOME = Page("index.md")
INCIDENTS = Page("incidents/index.md")
YEARS = Page("years/index.md")
STATISTICS = Page("statistics.md")
EXPLORER = Page("explorer/index.md")
OPEN_DATA = Page("open-data.md")
SEARCH = Page("search.md")
EVENTS = Page("events/index.md")
ORGANIZATIONS = Page("organizations/index.md")


def incident(incident_id: str) -> Page:
    return Page(f"incidents/{incident_id}.md")


def year(number: int) -> Page:
    return Page(f"years/{number}.md")


def month(slug: str) -> Page:
    """A month's page; `slug` is 'YYYY-MM'."""
    return Page(f"years/{slug}.md")


def event(event_id: str) -> Page:
    return Page(f"events/{event_id}.md")


def organization(slug: str) -> Page:
    """An organization's page; `slug` is its group's (generator.aggregate.OrganizationGroup.slug)."""
    return Page(f"organizations/{slug}.md")


def content_path(lang: str, relative: str) -> str:
    """A path under content/ for a file of one language."""
    return f"{lang}/{relative}"


def language_of(path: str) -> str:
    """The language of a path under content/ (content_path's inverse)."""
    return path.split("/", 1)[0]


def language_prefix(lang: str) -> str:
    """From the site root to a language's root: '' for the first language, 'zh/' for Chinese."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def up_to_site_root(lang: str) -> str:
    """From a language's root back to the site root, where the shared files (open data, search index) are."""
    return "../" * language_prefix(lang).count("/")


EXPLORER_DATA = "explorer/data.json"
"""Under each language's folder, beside the explorer page that fetches it."""

INCIDENT_URL_PATTERN = incident("{id}").url
"""An incident page's address with '{id}' for the id: the explorer's data carries it, so the script
does not rebuild addresses."""

FEEDS_DIR = "feeds"


def feed(kind: str) -> str:
    return f"{FEEDS_DIR}/{kind}.xml"


FEED_ROOT = "../"
"""From a feed's address to its language root."""


LIVE_CHART = "vg.json"
"""The ending of a live chart's Vega spec, beside its images (generator.chart_images)."""


def chart_image(slug: str, kind: str = "svg") -> str:
    """Under a language's folder: a chart's SVG, the PNG a page shows in link previews, or (LIVE_CHART)
    the Vega spec the browser draws the live chart from."""
    return f"charts/{slug}.{kind}"


OPEN_DATA_VERSION = "v1"
OPEN_DATA_DIR = f"data/{OPEN_DATA_VERSION}"
"""Under the site root (the first language's folder): versioned, so a change of format gets a new folder."""


def open_data_file(name: str) -> str:
    """A path under content/ of one open-data file."""
    return content_path(DEFAULT_LANGUAGE, f"{OPEN_DATA_DIR}/{name}")


def open_data_url(name: str, page: Page, lang: str) -> str:
    """An open-data file's address as seen from `page` in `lang`."""
    return page.url_root + up_to_site_root(lang) + f"{OPEN_DATA_DIR}/{name}"


def published_address(site_url: str, lang: str, address: str = "") -> str:
    """A page's absolute address on the published site: `site_url` (ending in '/'), the language's
    prefix, then the address under that language's root."""
    return f"{site_url}{language_prefix(lang)}{address}"


def incident_site_url(incident_id: str, lang: str) -> str:
    """An incident page's address under the site root (what the open data lists)."""
    return language_prefix(lang) + incident(incident_id).url


SEARCH_BUNDLE = "pagefind"
"""Pagefind's index and interface, at the site root, shared by every language."""
ASSETS = "assets"
"""The theme's and the site's CSS, JavaScript and vendored libraries, at the site root, shared by every
language (generator/mkdocs_hooks.py points the other languages' pages there)."""


def search_bundle_url(lang: str) -> str:
    return SEARCH.url_root + up_to_site_root(lang) + f"{SEARCH_BUNDLE}/"


HAND_WRITTEN = ("about.md",)
"""The pages people write, committed under each language's folder of content/ (and listed in .gitignore
as the files of content/ git keeps); everything else there is generated."""

RESERVED_IDS = frozenset({"index"})
"""Ids no incident or event may take: a folder's own page has the name."""

BUILD_RECORD = ".build.json"
"""Under content/, outside every language's folder (so MkDocs never sees it): what the last build
generated, and its page keys (generator.page_keys)."""

SITEMAP = "sitemap.xml"
"""Under the built site's root: one sitemap for every language."""


def site_config(lang: str) -> str:
    """The MkDocs configuration of one language, as committed at the repository root."""
    return "mkdocs.yml" if lang == DEFAULT_LANGUAGE else f"mkdocs.{lang}.yml"
