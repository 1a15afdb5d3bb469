"""Stage 5: put the generated site into content/, all or nothing.

The whole tree is written to a fresh staging folder beside content/, which then takes content/'s place
by two renames. If anything fails before the swap, content/ is exactly as it was and the staging folder
is removed. content/ is build output, owned by the generator: hand-written pages live in pages/.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def start_staging(target: Path) -> Path:
    """A new empty folder beside `target`, to fill and then swap in."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))


def write_into(staging: Path, files: dict[str, str | bytes] | list[tuple[str, str]]) -> int:
    """Write {relative path: text or bytes} into the staging folder; several processes may do so at once."""
    items = files.items() if isinstance(files, dict) else files
    count = 0
    for relative, content in items:
        path = staging / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        count += 1
    return count


def swap_in(staging: Path, target: Path) -> None:
    """Make the staging folder the target; the old target goes."""
    target = target.resolve()
    retired = target.parent / f".{target.name}-old"
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def write_files(files: dict[Path, str]) -> None:
    """Write several files so that a failure part-way leaves every one of them whole: temporaries first, then renames."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, text in sorted(files.items()):
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            with open(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            staged.append((Path(temporary), path))
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, path in staged:
        temporary.replace(path)
