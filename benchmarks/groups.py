"""How the reports group: organizations with several reports, and the events that caused many.

    .venv/bin/python benchmarks/groups.py

Prints figures for the closing notes; asserts nothing. Reads incidents/ and events/ as a build does.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from generator.aggregate import overview  # noqa: E402
from generator.pipeline import validate_events_folder, validate_folder  # noqa: E402


def main() -> int:
    today = dt.date.today()
    incidents = validate_folder(REPO_ROOT / "incidents", today)
    events = validate_events_folder(REPO_ROOT / "events", REPO_ROOT / "incidents", today)
    if incidents.problems or events.problems:
        print("groups: the data does not validate; run python -m generator validate", file=sys.stderr)
        return 1
    figures = overview(incidents.incidents, events.events)
    groups = figures.organizations
    print(f"{figures.totals.incidents:,} reports; {len(groups):,} organizations with 2+ reports, holding {sum(g.totals.incidents for g in groups):,} of them")
    print(f"{sum(1 for g in groups if len(g.names) > 1):,} of those organizations appear under more than one spelling")
    print("\nlargest groups:\n| organization | state | reports | people | spellings |\n|---|---|--:|--:|--:|")
    for group in groups[:12]:
        print(f"| {group.name} | {group.state or '—'} | {group.totals.incidents} | {group.totals.individuals:,} | {len(group.names)} |")
    print("\nevents:\n| event | reports | people (may double-count) | years |\n|---|--:|--:|---|")
    for summary in figures.events:
        years = ", ".join(f"{year}: {totals.incidents}" for year, totals in summary.years)
        print(f"| {summary.event.id} | {summary.totals.incidents} | {summary.totals.individuals:,} | {years} |")
    total = figures.event_totals
    print(f"\nreports in at least one event: {total.incidents:,} ({total.individuals:,} people)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
