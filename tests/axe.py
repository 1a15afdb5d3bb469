"""axe-core (vendored from npm, pinned in package.json) on a page open in Playwright: the browser tests
assert there is nothing serious, benchmarks/axe.py counts what it finds on the full site."""

from __future__ import annotations

from tests.conftest import REPO_ROOT

AXE = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = ["", "incidents/delta-medical-group-2024/", "years/2024/", "statistics/", "explorer/", "search/?q=ransomware"]
"""The fixture site's page of each kind: home, incident, year, statistics, explorer, search with results."""


def open_as_a_reader_sees_it(page, address: str) -> None:
    """The page with everything drawn: the explorer's table, the search results, every live chart."""
    page.goto(address, wait_until="load")
    if "/explorer/" in address:
        page.wait_for_selector("#explorer[data-ready=true]")
    if "/search/" in address:
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
    figures = page.locator("figure.tracker-chart")
    for index in range(figures.count()):
        figures.nth(index).scroll_into_view_if_needed()
    page.wait_for_function(f"document.querySelectorAll('figure.tracker-chart--live').length === {figures.count()}", timeout=15_000)


def violations(page) -> list[dict[str, object]]:
    """axe's WCAG 2.1 A and AA violations on the open page: [{id, impact, nodes (how many), targets}]."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "async rules => (await axe.run(document, {runOnly: {type: 'tag', values: rules}, resultTypes: ['violations']}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))",
        AXE_RULES,
    )
