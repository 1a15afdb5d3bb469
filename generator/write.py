"""Stage 5, and the only module that writes: every file the generator makes goes through here.

Two ways to write:
- `ContentUpdate` brings content/ up to date with a build, all or nothing. Each file is compared with
  the copy already there and only new and changed files are written, first into a staging folder beside
  content/. When the whole build has worked, the staged files move in and the files the previous build
  generated but this one did not are removed; files it never generated (the hand-written pages) are
  left alone. If anything fails first, content/ is exactly as it was.
- `write_files` writes a few files (incident files, the schema, a new incident, the chart cache, MkDocs
  configurations) so that a failure part-way leaves each one whole.

Within one update, writing the same path twice is an error: two parts of the generator disagree about
what a file holds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

Content = str | bytes
Files = Mapping[str, Content] | Iterable[tuple[str, Content]]
"""{path relative to content/: text or bytes}, or the same as pairs."""


class DuplicateWrite(RuntimeError):
    """Two parts of one build made the same file."""

    def __init__(self, path: str) -> None:
        super().__init__(f"{path} was written twice in one build; every output path has one owner (generator.layout)")


def _data(content: Content) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")


def _unchanged(path: Path, data: bytes) -> bool:
    try:
        with open(path, "rb") as stream:
            return stream.read() == data
    except OSError:  # not there yet, or not a file
        return False


class ContentUpdate:
    """One build's changes to content/, staged beside it until `finish`."""

    def __init__(self, target: Path) -> None:
        self.target = target.resolve()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-new-", dir=self.target.parent))
        self.written: set[str] = set()
        self._folders: set[Path] = set()

    def stage(self, files: Files) -> list[str]:
        """Stage the files whose content differs from content/'s copy; return every path given."""
        items = files.items() if isinstance(files, Mapping) else files
        compare = self.target.is_dir()
        paths = []
        for relative, content in items:
            if relative in self.written:
                raise DuplicateWrite(relative)
            self.written.add(relative)
            paths.append(relative)
            data = _data(content)
            if compare and _unchanged(self.target / relative, data):
                continue
            path = self.staging / relative
            if path.parent not in self._folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(path.parent)
            with open(path, "wb") as stream:
                stream.write(data)
        return paths

    def finish(self, generated_before: Iterable[str]) -> int:
        """Move the staged files into content/; remove the files the previous build generated that this
        one did not write. Returns how many files changed (written or removed)."""
        if not self.target.exists():
            count = sum(len(names) for _, _, names in os.walk(self.staging))
            self.staging.rename(self.target)
            return count
        changed = 0
        for folder, _, names in os.walk(self.staging):
            destination = self.target / Path(folder).relative_to(self.staging)
            destination.mkdir(parents=True, exist_ok=True)
            for name in names:
                os.replace(Path(folder) / name, destination / name)
                changed += 1
        for relative in sorted(set(generated_before) - self.written):
            path = self.target / relative
            if path.is_file():
                path.unlink()
                changed += 1
                _remove_empty_folders(path.parent, self.target)
        shutil.rmtree(self.staging, ignore_errors=True)
        return changed

    def abandon(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def _remove_empty_folders(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def write_files(files: Mapping[Path, Content]) -> None:
    """Write several files so that a failure part-way leaves every one of them whole: temporaries first, then renames."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, content in sorted(files.items()):
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            with open(handle, "wb") as stream:
                stream.write(_data(content))
            staged.append((Path(temporary), path))
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, path in staged:
        temporary.replace(path)


def write_traceback(text: str) -> Path:
    """A fault's traceback, in a file of the system's temporary folder named after this process."""
    path = Path(tempfile.gettempdir()) / f"generator-error-{os.getpid()}.txt"
    write_files({path: text})
    return path


def create_file(path: Path, text: str) -> None:
    """Write a new file; fail with FileExistsError rather than replace one (a contributor's work)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as stream:
        stream.write(text)


def work_folder(beside: Path) -> Path:
    """An empty folder next to `beside`, on the same disk, so its contents can be renamed into place."""
    beside = beside.resolve()
    beside.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{beside.name}-build-", dir=beside.parent))


def move(source: Path, destination: Path) -> None:
    source.rename(destination)


def remove(path: Path) -> None:
    """Remove a file or a folder, if it is there."""
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def swap_in(staging: Path, target: Path) -> None:
    """Make the staging folder the target. The old target is renamed aside and removed by a process of
    its own, which nothing waits for (removing a full site takes seconds)."""
    target = target.resolve()
    retired = target.parent / f".{target.name}-old"
    shutil.rmtree(retired, ignore_errors=True)  # left by a removal that has not finished
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    if retired.exists():
        subprocess.Popen(
            [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", str(retired)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
