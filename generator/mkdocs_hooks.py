"""MkDocs hooks (mkdocs.yml `hooks:`): two settings for a site of 15,000 generated pages.

MkDocs loads this file by path, so it imports nothing from the generator.

- Jinja checks every template file's time on disk at each {% include %}: ~39 includes a page, 600,000
  stat() calls a build, for templates that cannot change while it runs.
- Python-Markdown tries every inline pattern on every piece of text, table cells included. The
  generator escapes everything it writes, so reference links, images, autolinks (<https://...>) and
  hard line breaks (two trailing spaces) never occur in its pages; without those patterns Markdown is
  12% faster on incident pages and 24% on month pages, with the same HTML (measured on 1,700 pages).
  Hand-written pages (pages/) must use inline links [text](url) too.
"""

from __future__ import annotations

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
