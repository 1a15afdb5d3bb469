"""A problem found in an incident file, in the one shape every stage reports: file:line:col: field: message."""

from __future__ import annotations

from dataclasses import dataclass

FieldPath = tuple[str | int, ...]


def field_name(path: FieldPath) -> str:
    """('individuals_affected', 1, 'count') -> 'individuals_affected[1].count'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.field}: {self.message}"

    def as_github_annotation(self) -> str:
        """The workflow-command form, which GitHub shows on the line of the pull request's diff."""
        message = f"{self.field}: {self.message}".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.file},line={self.line},col={self.column}::{message}"


def summary_line(problems: list[Problem]) -> str:
    files = len({problem.file for problem in problems})
    noun = "problem" if len(problems) == 1 else "problems"
    file_noun = "file" if files == 1 else "files"
    return f"validate failed: {len(problems)} {noun} in {files} {file_noun}"
