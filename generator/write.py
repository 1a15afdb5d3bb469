"""Stage 5: put the generated site into content/, all or nothing.

The whole tree is written to a fresh folder beside content/, which then takes content/'s place by
two renames. If anything fails before the swap, content/ is exactly as it was and the temporary folder
is removed. content/ is build output, owned by the generator: hand-written pages live in pages/.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

def write_tree(files: dict[str, str], target: Path) -> None:
    """Replace `target` with a folder holding exactly `files` ({relative path: text})."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        for relative, text in sorted(files.items()):
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    retired = target.parent / f".{target.name}-old"
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


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
