"""Incident ids: readable, stable slugs of an organization's name. An id is a page's permanent address."""

from __future__ import annotations

import re
import unicodedata

from generator.model import tidy_name

MAX_SLUG = 50


def slug(name: str) -> str:
    """'St. Anne’s Clinic & Labs, P.C.' -> 'st-annes-clinic-labs-p-c'."""
    readable = tidy_name(name).replace("’", "").replace("'", "")
    ascii_name = unicodedata.normalize("NFKD", readable).encode("ascii", "ignore").decode().lower()
    result = ""
    for word in re.findall(r"[a-z0-9]+", ascii_name):
        if len(result) + len(word) + 1 > MAX_SLUG:
            break
        result = f"{result}-{word}" if result else word
    return result or "incident"


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or base-2, base-3... when taken; the result is added to `taken`."""
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate
