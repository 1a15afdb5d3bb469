"""Stage 1: read incident files into plain data, remembering the line and column of every value.

YAML is read strictly and in the YAML 1.2 spirit: `no` stays the text "no", `2024-02-21` stays text
(the validator checks it is a real date), anchors and aliases are refused (no alias bombs), duplicate
keys are errors. Every mistake becomes a Problem with its line; nothing here raises for bad input.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.cyaml import CParser
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from generator.config import LANGUAGES, MAX_INCIDENT_FILE_BYTES
from generator.problems import FieldPath, Problem, field_name

Position = tuple[int, int]


@dataclass
class LoadedFile:
    """One incident file as plain data, or the problems that kept it from being read."""

    path: str
    data: dict[str, Any] | None
    root: Node | None = None
    """The YAML nodes, kept to find a value's line only when a problem needs it."""
    problems: list[Problem] = field(default_factory=list)
    text: str | None = None
    """The decoded file, for rules that look for characters: one search of it is cheaper than a walk over every field."""

    def _nodes(self, path: FieldPath) -> tuple[Node | None, Node | None]:
        """(key node, value node) of the deepest part of `path` that exists."""
        key, node = None, self.root
        for part in path:
            if isinstance(node, MappingNode):
                found = next(((k, v) for k, v in node.value if isinstance(k, ScalarNode) and k.value == part), None)
                if found is None:
                    break
                key, node = found
            elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
                key, node = None, node.value[part]
            else:
                break
        return key, node

    def position(self, path: FieldPath, *, at_key: bool = False) -> Position:
        """Line and column (1-based) of the value at `path`, or of its nearest existing parent."""
        key, node = self._nodes(path)
        mark = (key if at_key and key is not None else node).start_mark if node is not None else None
        return _position(mark) if mark else (1, 1)

    def problem(self, path: FieldPath, message: str, *, at_key: bool = False) -> Problem:
        line, column = self.position(path, at_key=at_key)
        return Problem(self.path, line, column, field_name(path) or "(file)", message)


class _Resolver(BaseResolver):
    """YAML 1.2 core schema: only true/false are booleans; dates and 'no' stay text."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class _AliasRefused(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        self.mark = mark


class _StrictLoader(Reader, Scanner, Parser, Composer, _Resolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _Resolver.__init__(self)

    def compose_node(self, parent: Node | None, index: object) -> Node:
        if self.check_event(AliasEvent):
            raise _AliasRefused(self.peek_event().start_mark)
        return super().compose_node(parent, index)


_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?")
_NULL = {"", "~", "null", "Null", "NULL"}


class _FastLoader(CParser, _Resolver):
    """libyaml composes the nodes (about ten times faster); only a file it rejects, or one that uses an
    alias, goes through _StrictLoader, whose messages and positions are the ones contributors see.

    libyaml asks Python to resolve every node's tag; these three methods answer what _Resolver would,
    without its general machinery (it has no path resolvers), which saves a third of the parse."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        _Resolver.__init__(self)

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                if value in _NULL:
                    return "tag:yaml.org,2002:null"
                if value[0] in "tTfF" and _BOOL.fullmatch(value):
                    return "tag:yaml.org,2002:bool"
                if value[0] in "-+0123456789.":
                    if _INT.fullmatch(value):
                        return "tag:yaml.org,2002:int"
                    if _FLOAT.fullmatch(value):
                        return "tag:yaml.org,2002:float"
            return "tag:yaml.org,2002:str"
        return "tag:yaml.org,2002:seq" if kind is SequenceNode else "tag:yaml.org,2002:map"


class _SharedNode(Exception):
    """A node reached twice: the file uses an alias."""


_SCALARS = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": lambda text: text.lower() == "true",
    "tag:yaml.org,2002:null": lambda text: None,
}


class _NodeError(Exception):
    def __init__(self, node_mark: yaml.Mark, path: FieldPath, message: str) -> None:
        self.mark = node_mark
        self.path = path
        self.message = message


def _position(mark: yaml.Mark) -> Position:
    return (mark.line + 1, mark.column + 1)


def _to_python(node: Node, path: FieldPath, visited: set[int] | None = None) -> Any:
    if visited is not None:
        if id(node) in visited:
            raise _SharedNode()
        visited.add(id(node))
    if isinstance(node, ScalarNode):
        convert = _SCALARS.get(node.tag)
        if convert is None:
            raise _NodeError(node.start_mark, path, f"the YAML tag {node.tag!r} is not allowed in incident files")
        try:
            return convert(node.value)
        except ValueError:
            raise _NodeError(node.start_mark, path, f"{node.value!r} cannot be read as {node.tag.rsplit(':', 1)[-1]}")
    if isinstance(node, SequenceNode):
        return [_to_python(item, (*path, index), visited) for index, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _NodeError(key_node.start_mark, path, "a key must be a plain name, not a list or mapping")
            key = key_node.value
            if key in result:
                first_line = next(k for k, _ in node.value if k.value == key).start_mark.line + 1
                raise _NodeError(key_node.start_mark, (*path, key), f"duplicate key (first given on line {first_line})")
            result[key] = _to_python(value_node, (*path, key), visited)
        return result
    raise _NodeError(node.start_mark, path, "unexpected YAML node")


_FRIENDLY_YAML_ERRORS = [
    ("found character '\\t' that cannot start any token", "a tab character; indent with spaces"),
    ("found a tab character", "a tab character; indent with spaces"),
    ("mapping values are not allowed here", "a ':' where none is expected; check this line's indentation, or quote the value"),
    ("found unexpected end of stream", "the file ends inside a quoted text; a closing quote is missing"),
    ("could not find expected ':'", "a line that is not 'key: value'; check the indentation or a missing ':'"),
    ("expected <block end>, but found", "indentation does not line up with the lines above"),
    ("found duplicate anchor", "anchors (&name) are not allowed in incident files"),
]


def _yaml_error_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or str(error)
    for needle, friendly in _FRIENDLY_YAML_ERRORS:
        if needle in problem:
            return friendly
    context = f" ({error.context})" if error.context else ""
    return f"YAML syntax error: {problem}{context}"


def _decode(raw: bytes, loaded: LoadedFile) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        loaded.problems.append(
            Problem(loaded.path, line, column, "(file)", f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8")
        )
        return None


def parse_incident_text(raw: bytes, display_path: str) -> LoadedFile:
    """Parse one file's bytes. Pure: the caller reads the file."""
    loaded = LoadedFile(path=display_path, data=None)
    if len(raw) > MAX_INCIDENT_FILE_BYTES:
        loaded.problems.append(
            Problem(display_path, 1, 1, "(file)", f"file is {len(raw):,} bytes; an incident file may be at most {MAX_INCIDENT_FILE_BYTES:,}")
        )
        return loaded
    text = _decode(raw, loaded)
    if text is None:
        return loaded
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        loaded.problems.append(Problem(display_path, line, 1, "(file)", "a NUL character; this is not a text file"))
        return loaded
    fast = _fast_parse(text, display_path)
    if fast is not None:
        return fast
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
    except _AliasRefused as refused:
        line, column = _position(refused.mark)
        loaded.problems.append(Problem(display_path, line, column, "yaml", "aliases (*name) are not allowed in incident files"))
        return loaded
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = _position(mark) if mark else (1, 1)
        message = _yaml_error_message(error)
        if "but found another document" in (error.problem or ""):
            message = "more than one YAML document; an incident file holds one ('---' starts another)"
        loaded.problems.append(Problem(display_path, line, column, "yaml", message))
        return loaded
    except yaml.YAMLError as error:  # reader errors: control characters and the like
        loaded.problems.append(Problem(display_path, 1, 1, "yaml", f"not readable as YAML: {error}"))
        return loaded
    finally:
        loader.dispose()
    if root is None:
        loaded.problems.append(Problem(display_path, 1, 1, "(file)", "the file is empty; expected the fields of an incident"))
        return loaded
    if not isinstance(root, MappingNode):
        kind = "a list" if isinstance(root, SequenceNode) else "a single value"
        line, column = _position(root.start_mark)
        loaded.problems.append(
            Problem(display_path, line, column, "(file)", f"the file holds {kind}; expected a mapping of incident fields (id: ..., title: ...)")
        )
        return loaded
    loaded.root = root
    loaded.text = text
    try:
        loaded.data = _to_python(root, ())
    except _NodeError as error:
        line, column = _position(error.mark)
        loaded.problems.append(Problem(display_path, line, column, field_name(error.path) or "yaml", error.message))
        loaded.data = None
    return loaded


def _fast_parse(text: str, display_path: str) -> LoadedFile | None:
    """The common case, a well-formed file without aliases, through libyaml; None sends it the slow way."""
    loader = _FastLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    if not isinstance(root, MappingNode):
        return None
    try:
        return LoadedFile(path=display_path, data=_to_python(root, (), visited=set()), root=root, text=text)
    except (_SharedNode, _NodeError):
        return None


def incident_files(directory: Path) -> list[Path]:
    return sorted(path for path in directory.rglob("*") if path.suffix in {".yaml", ".yml"} and path.is_file())


def display_path(path: Path, root: Path) -> str:
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.as_posix()


def load_incident_files(paths: list[Path], root: Path) -> list[LoadedFile]:
    """The only place incident files are read."""
    loaded = []
    for path in paths:
        shown = display_path(path, root)
        try:
            raw = path.read_bytes()
        except OSError as error:
            loaded.append(LoadedFile(shown, None, problems=[Problem(shown, 1, 1, "(file)", f"cannot be read: {error.strerror}")]))
            continue
        loaded.append(parse_incident_text(raw, shown))
    return loaded


def read_text(path: Path) -> str | None:
    """A text file of the repository or of a build, or None when it is not there."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def read_export_file(path: Path) -> bytes:
    """An HHS export as it was downloaded (the importers decode it)."""
    return path.read_bytes()


def read_repository_file(path: Path) -> str:
    """A file of the repository that must be there: the vocabularies, the schema, an incident file the importer edits."""
    return path.read_text(encoding="utf-8")


def files_under(folder: Path) -> frozenset[str]:
    """Every file under `folder`, by its path relative to it ('/'-separated); empty if there is no folder."""
    found = set()
    for parent, _, names in os.walk(folder):
        prefix = os.path.relpath(parent, folder).replace(os.sep, "/")
        found.update(name if prefix == "." else f"{prefix}/{name}" for name in names)
    return frozenset(found)


def read_hand_written_pages(content: Path, names: tuple[str, ...]) -> dict[str, str]:
    """The hand-written pages (generator.layout.HAND_WRITTEN) of the repository's content/, in every
    language, as {path under content/: text}. Each must be there: a missing one is a broken checkout."""
    return {f"{lang}/{name}": (content / lang / name).read_text(encoding="utf-8") for lang in LANGUAGES for name in names}


def read_yaml_config(path: Path) -> dict[str, Any]:
    """A configuration file of the repository (mkdocs.yml)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def generator_source() -> dict[str, bytes]:
    """Every file the generator is made of (code, templates, YAML), by its path in the package."""
    package = Path(__file__).resolve().parent
    return {
        path.relative_to(package).as_posix(): path.read_bytes()
        for path in sorted(package.rglob("*"))
        if path.suffix in (".py", ".j2", ".yaml") and path.is_file()
    }


def read_cached_images(cache: Path, names: dict[str, str]) -> dict[str, str | bytes]:
    """{name: image} for the {name: file name in the cache} already drawn; SVGs as text, PNGs as bytes."""
    images: dict[str, str | bytes] = {}
    for name, file_name in names.items():
        try:
            data = (cache / file_name).read_bytes()
        except OSError:
            continue
        images[name] = data if file_name.endswith(".png") else data.decode("utf-8")
    return images
