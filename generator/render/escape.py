"""Text from incident files and exports is data, not markup: `markdown_text` makes any value render as
exactly its characters, wherever a template places it inline. A `Markup` fragment is kept as it is: it
is built from escaped parts (a link, a front-matter value)."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache

from markupsafe import Markup

_INLINE_SYNTAX = re.compile(r"([\\`*_\[\]{}|])")
_BLOCK_START = re.compile(r"^([#+-]|\d+(?=[.)]))")
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
"""Control characters and bidirectional overrides, which no page should carry."""
_CJK = r"\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_LINE_BREAK_BESIDE_CJK = re.compile(rf"(?<=[{_CJK}])[ \t]*\n\s*|[ \t]*\n\s*(?=[{_CJK}])")


def single_line(text: str) -> str:
    """Join wrapped lines as a reader would: a space between English words, none between Chinese characters."""
    text = _LINE_BREAK_BESIDE_CJK.sub("", _CONTROL_CHARACTERS.sub("", text))
    return " ".join(text.split())


_NEEDS_ESCAPING = re.compile(r"[\\`*_\[\]{}|<>&\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]|\s\s|^\s|\s$|^[#+-]|^\d+[.)]")


@lru_cache(maxsize=200_000)
def markdown_text(value: object) -> str:
    """Plain text made safe to place anywhere inline in Markdown: it renders as exactly these characters.

    Cached: a site repeats the same labels, names and numbers thousands of times."""
    text = str(value)
    if not _NEEDS_ESCAPING.search(text):
        return text
    text = single_line(text)
    text = html.escape(text, quote=False)
    text = _INLINE_SYNTAX.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda match: match.group(1) + "\\" if match.group(1).isdigit() else "\\" + match.group(1), text)


def finalize(value: object) -> object:
    """What Jinja prints for a value: Markup as it is, anything else escaped."""
    return value if isinstance(value, Markup) else markdown_text(value)


def link(text: object, target: str) -> Markup:
    """A Markdown link. `target` is a place from generator.layout or a validated https url."""
    safe_target = target.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return Markup(f"[{markdown_text(text)}]({safe_target})")


def front_matter_value(text: str) -> Markup:
    """A YAML (JSON) string that MkDocs themes may print raw inside an HTML attribute."""
    return Markup(json.dumps(html.escape(single_line(text), quote=True), ensure_ascii=False))
