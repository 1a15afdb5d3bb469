"""Which incident pages a rebuild can keep as they are, without rendering them again.

An incident's page is a pure function of its incident, the titles of the incidents it links to, its
language and the generator itself (code, templates, vocabularies, interface text, and the libraries
that write numbers and dates). Each build records a key of all that for every incident page, in
content/.page-keys.json (outside both languages' docs_dir, so MkDocs never sees it); the next build
renders only the pages whose key differs or whose file is gone. Rendering is ~0.45 ms a page and
there are 15,000 of them: most of a build. Any change to the generator changes every key, so no
page made by older code survives a code change.
"""

from __future__ import annotations

import hashlib
import json
import sys
from functools import cache
from importlib.metadata import version
from pathlib import Path

FILE_NAME = ".page-keys.json"
LIBRARIES = ("jinja2", "markupsafe", "babel")
"""Installed packages whose version can change what a page says."""
GENERATOR = Path(__file__).resolve().parent


@cache
def generator_fingerprint() -> str:
    """A hash of every file the generator is made of (code, templates, YAML) and the libraries' versions."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(GENERATOR.rglob("*")):
        if path.suffix in (".py", ".j2", ".yaml") and path.is_file():
            digest.update(path.relative_to(GENERATOR).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    digest.update(repr([(name, version(name)) for name in LIBRARIES] + [sys.version]).encode("utf-8"))
    return digest.hexdigest()


def page_key(inputs: object) -> str:
    """The key of a page made from `inputs` (frozen dataclasses and tuples, whose repr is their content)."""
    return hashlib.blake2b(repr((generator_fingerprint(), inputs)).encode("utf-8"), digest_size=16).hexdigest()


def read_keys(content: Path) -> dict[str, str]:
    """{page path: key} as the last build left them; empty when there is no (readable) record."""
    try:
        keys = json.loads((content / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return keys if isinstance(keys, dict) else {}


def keys_text(keys: dict[str, str]) -> str:
    return json.dumps(keys, sort_keys=True, separators=(",", ":")) + "\n"
