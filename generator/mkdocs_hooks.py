"""MkDocs hooks (mkdocs.yml `hooks:`): two settings for a site of 15,000 generated pages.

MkDocs loads this file by path, so it imports nothing from the generator.

- Jinja checks every template file's time on disk at each {% include %}: ~39 includes a page, 600,000
  stat() calls a build, for templates that cannot change while it runs.
- Python-Markdown tries every inline pattern on every piece of text, table cells included. The
  generator escapes everything it writes, so reference links, images, autolinks (<https://...>) and
  hard line breaks (two trailing spaces) never occur in its pages; without those patterns Markdown is
  12% faster on incident pages and 24% on month pages, with the same HTML (measured on 1,700 pages).
  Hand-written pages (pages/) must use inline links [text](url) too.

And two fixes for a language served under another's folder (the Chinese site at /zh/):

- One copy of the theme's and the site's assets for every language: a page of such a language links the
  first language's /assets/ (generator.site sets `extra.shared_assets`, the way up to it, and leaves the
  language's own copy out), so switching language downloads no CSS or JavaScript again.
- MkDocs writes the 404 page's links from the site's root path, which for a local build of the Chinese
  site (no site_url) is the English site's root, so its tabs led to English pages.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension

UNUSED_INLINE_PATTERNS = (
    "reference", "image_link", "image_reference", "short_reference", "short_image_ref", "autolink", "automail", "linebreak",
)


class _WithoutUnusedPatterns(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        for name in UNUSED_INLINE_PATTERNS:
            md.inlinePatterns.deregister(name)


def on_config(config: Any) -> Any:
    config.markdown_extensions.append(_WithoutUnusedPatterns())
    return config


def on_env(env: Any, config: Any, files: Any) -> Any:
    env.auto_reload = False
    return env


ASSET_LINK = re.compile(r'(\s(?:href|src)="|"search": ")((?:\.\./)*)assets/')
"""A page's relative links to its language's assets (and Material's config naming its search worker)."""


def on_post_page(output: str, page: Any, config: Any) -> str:
    way_up = config.extra.get("shared_assets")
    return ASSET_LINK.sub(rf"\1\2{way_up}assets/", output) if way_up else output


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """The Chinese 404 page's links under /zh/, as if it were built there ("/" itself is the English
    home), except its assets, which are the first language's (on_post_page)."""
    language = config.theme["language"]
    if template_name != "404.html" or language == "en":
        return output_content
    if not config.site_url:
        output_content = re.sub(rf'(\s(?:href|src)="|"search": ")/(?!{language}/|assets/)(?=[^"\s])', rf"\1/{language}/", output_content)
    if config.extra.get("shared_assets"):
        output_content = re.sub(rf'(\s(?:href|src)="|"search": ")((?:/[^/"\s]+)*/){language}/assets/', r"\1\2assets/", output_content)
    return output_content
