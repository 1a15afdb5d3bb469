"""Which incident pages a rebuild can keep as they are, without rendering them again.

An incident's page is a pure function of its incident, the titles of the incidents it links to, its
language and the generator itself (code, templates, vocabularies, interface text, and the libraries
that write numbers and dates). Each build records a key of all that for every incident page, in
the build record (generator.layout.BUILD_RECORD), with the list of every file it generated; the next build
renders only the pages whose key differs or whose file is gone. Rendering is ~0.45 ms a page and
there are 15,000 of them: most of a build. Any change to the generator changes every key, so no
page made by older code survives a code change.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import version

from generator.load import generator_source

LIBRARIES = ("jinja2", "markupsafe", "babel")
"""Installed packages whose version can change what a page says."""


@cache
def generator_fingerprint() -> str:
    """A hash of every file the generator is made of (code, templates, YAML) and the libraries' versions."""
    digest = hashlib.blake2b(digest_size=16)
    for name, data in generator_source().items():
        digest.update(name.encode("utf-8") + b"\0" + data + b"\0")
    digest.update(repr([(name, version(name)) for name in LIBRARIES] + [sys.version]).encode("utf-8"))
    return digest.hexdigest()


def page_key(inputs: object) -> str:
    """The key of a page made from `inputs` (frozen dataclasses and tuples, whose repr is their content)."""
    return hashlib.blake2b(repr((generator_fingerprint(), inputs)).encode("utf-8"), digest_size=16).hexdigest()


@dataclass(frozen=True)
class BuildRecord:
    """What a build leaves in content/ for the next one."""

    generated: frozenset[str] = frozenset()
    """Every file it generated: the next build removes those it no longer makes, and nothing else."""
    page_keys: dict[str, str] = field(default_factory=dict)
    """{incident page path: key}"""


def build_record_from_json(text: str | None) -> BuildRecord:
    """The record as the last build wrote it; empty when there is none or it cannot be read."""
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return BuildRecord()
    if not isinstance(data, dict) or not isinstance(data.get("generated"), list) or not isinstance(data.get("page_keys"), dict):
        return BuildRecord()
    generated = frozenset(path for path in map(str, data["generated"]) if _inside(path))
    return BuildRecord(generated, {str(path): str(key) for path, key in data["page_keys"].items()})


def _inside(path: str) -> bool:
    """A relative path that stays inside content/: a record restored from a cache is not trusted further."""
    parts = path.split("/")
    return bool(path) and not path.startswith("/") and "\\" not in path and ".." not in parts and "" not in parts


def build_record_json(record: BuildRecord) -> str:
    return json.dumps({"generated": sorted(record.generated), "page_keys": record.page_keys}, sort_keys=True, separators=(",", ":")) + "\n"
