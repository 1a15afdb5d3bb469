"""What an import changed, as text for the terminal or Markdown for a pull-request body."""

from __future__ import annotations

import re

from generator.formatting import exact_number
from generator.importers.hhs_import import ExportSummary


def markdown_cell(text: str) -> str:
    """Text from an export as a cell of a pull-request body: Markdown, HTML and table syntax escaped, and
    @mentions broken so a name like "@team" pings nobody."""
    text = " ".join(text.split())
    text = re.sub(r"([\\`*_{}\[\]()#+\-!|~>])", r"\\\1", text)
    return text.replace("<", "&lt;").replace("@", "&#64;")


def _count(value: int | None) -> str:
    return "none" if value is None else exact_number(value, "en")


def format_summary(summaries: list[ExportSummary], files_written: int, markdown: bool = False) -> str:
    new = sum(len(s.new) for s in summaries)
    changes = [change for s in summaries for change in s.count_changes]
    archived = sum(len(s.moved_to_archive) for s in summaries)
    withdrawn = sum(len(s.withdrawn) for s in summaries)
    linked = sum(len(s.linked) for s in summaries)
    unchanged = sum(s.unchanged for s in summaries)
    lines = []
    if markdown:
        lines += ["## HHS OCR import", "", "| export | list | as of | reports | new | linked | count changes | moved to archive | new case-summary facts | unchanged |", "|---|---|---|--:|--:|--:|--:|--:|--:|--:|"]
        for s in summaries:
            lines.append(
                f"| `{s.path}` | {s.list} | {s.as_of.iso()} | {s.rows:,} | {len(s.new):,} | {len(s.linked):,} | "
                f"{len(s.count_changes):,} | {len(s.moved_to_archive):,} | {s.case_summaries:,} | {s.unchanged:,} |"
            )
        lines += ["", f"**{new:,} new reports, {len(changes):,} count changes, {archived:,} moved to archive, {withdrawn:,} withdrawn, "
                  f"{linked:,} linked to curated incidents, {unchanged:,} unchanged; {files_written:,} files written.**"]
        if changes:
            lines += ["", "### Count changes", "", "| incident | organization | state | submitted | old | new |", "|---|---|---|---|--:|--:|"]
            lines += [
                f"| `{c.incident_id}` | {markdown_cell(c.name)} | {c.state or ''} | {c.submitted} | {_count(c.old)} | {_count(c.new)} |"
                for c in changes
            ]
        return "\n".join(lines) + "\n"
    for s in summaries:
        lines.append(
            f"{s.path} ({s.list}, as of {s.as_of.iso()}): {s.rows:,} reports: {len(s.new):,} new, {len(s.linked):,} linked, "
            f"{len(s.count_changes):,} count changes, {len(s.moved_to_archive):,} moved to archive, "
            f"{s.case_summaries:,} with new facts from OCR's case summary, {s.unchanged:,} unchanged"
        )
    hidden = sum(s.hidden_characters for s in summaries)
    if hidden:
        lines.append(f"  note: {hidden:,} names carry invisible or bidirectional characters; pages show them without")
    for c in changes:
        lines.append(f"  count: {c.name} ({c.state or '?'}, submitted {c.submitted}): {_count(c.old)} → {_count(c.new)}  [{c.incident_id}]")
    lines.append(
        f"import-hhs: {new:,} new, {len(changes):,} count changes, {archived:,} moved to archive, {withdrawn:,} withdrawn, {linked:,} linked, "
        f"{unchanged:,} unchanged; {files_written:,} files written"
    )
    return "\n".join(lines) + "\n"
