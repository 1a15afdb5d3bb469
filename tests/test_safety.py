"""Data people send must never break or hijack the site: hostile text through the whole pipeline, and
builds that are repeatable and never leave half a site behind."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from html.parser import HTMLParser

import pytest

from tests.conftest import REPO_ROOT, SITE_INCIDENTS, fixture_text, line_of, problems_for, run_generator as run, snapshot

HOSTILE_TITLE = '<script>alert("t")</script> <img src=x onerror=alert(1)> [click](https://evil.example) **bold**'
HOSTILE_SUMMARY = (
    "</p><script>alert('s')</script> <a href=\"javascript:alert(1)\">x</a> ![pixel](https://evil.example/p.png) "
    "<https://evil.example> {: onclick=alert(1) } | a | b | &lt;b&gt; " + "很长的文字" * 400
)


@pytest.fixture(scope="module")
def hostile_site(built_site) -> Path:
    """The fixture site, where zulu-clinic-2025 carries HOSTILE_TITLE and HOSTILE_SUMMARY."""
    source = (SITE_INCIDENTS / "2025" / "zulu-clinic-2025.yaml").read_text(encoding="utf-8")
    assert json.dumps(HOSTILE_TITLE) in source and json.dumps(HOSTILE_SUMMARY) in source, "the fixture holds the hostile text"
    return built_site.site


class _Elements(HTMLParser):
    """Every element and attribute a browser would build from a page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))


def _risky(html: str) -> list[tuple[str, str, str]]:
    """Scripts, event handlers, script URLs, and links or images pointing at the hostile host."""
    found = []
    for tag, attrs in _Elements(html).elements:
        if tag in ("script", "iframe", "object", "embed"):
            found.append((tag, "", attrs.get("src", "")))
        for name, value in attrs.items():
            if name.startswith("on") or value.strip().lower().startswith(("javascript:", "data:")) or "evil.example" in value and name in ("href", "src"):
                found.append((tag, name, value))
    return found


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_hostile_text_stays_text_in_the_built_page(hostile_site, prefix):
    page = (hostile_site / prefix / "incidents" / "zulu-clinic-2025" / "index.html").read_text(encoding="utf-8")
    benign = (hostile_site / prefix / "incidents" / "beta-billing-2024" / "index.html").read_text(encoding="utf-8")
    assert _risky(page) == _risky(benign), "nothing beyond what the theme itself puts on every page"
    elements = _Elements(page).elements
    assert not any(tag in ("strong", "b", "img") and attrs.get("src", "").startswith("x") for tag, attrs in elements)
    article = page.split("<article")[1].split("</article>")[0]
    assert "<strong>bold</strong>" not in article and "<b>x</b>" not in article
    assert "&lt;script&gt;alert" in article, "the text is shown, escaped"
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<" not in title and "&lt;script&gt;" in title
    meta = next(attrs["content"] for tag, attrs in elements if tag == "meta" and attrs.get("name") == "description")
    assert meta.startswith('<script>alert("t")</script>'), "the description is an attribute value, not markup"


def test_very_long_text_is_refused_with_its_length():
    text = fixture_text("gamma-health-plan-2023").replace("  en: Misconfigured server at Gamma Health Plan", "  en: " + "x" * 250)
    assert problems_for({"incidents/2023/gamma-health-plan-2023.yaml": text}) == [
        f"incidents/2023/gamma-health-plan-2023.yaml:{line_of(text, 'x' * 250)}:7: title.en: is 250 characters long; at most 200 are allowed"
    ]


@pytest.mark.parametrize("character", ["\u202e", "\u200b", "\u2066", "\ufeff"])
def test_right_to_left_and_zero_width_characters_are_refused(character):
    text = fixture_text("gamma-health-plan-2023").replace("  name: Gamma Health Plan\n", f"  name: Gamma {character}Health Plan\n")
    assert problems_for({"incidents/2023/gamma-health-plan-2023.yaml": text}) == [
        f"incidents/2023/gamma-health-plan-2023.yaml:{line_of(text, 'Gamma ' + character)}:9: organization.name: "
        f"contains the invisible character U+{ord(character):04X}, which can disguise what the text says; remove it"
    ]


@pytest.mark.parametrize("escape", ["\\u200b", "\\U0000202E"])
def test_invisible_characters_written_as_yaml_escapes_are_refused_too(escape):
    """The file's text shows only a backslash: the check must look at the value YAML makes of it."""
    text = fixture_text("gamma-health-plan-2023").replace("  name: Gamma Health Plan\n", f'  name: "Gamma {escape}Health Plan"\n')
    found = problems_for({"incidents/2023/gamma-health-plan-2023.yaml": text})
    assert len(found) == 1 and "organization.name: contains the invisible character U+" in found[0], found


def test_two_builds_of_the_same_input_give_the_same_site(built_site, tmp_path):
    assert run("site", "--content", str(built_site.content), "--output", str(tmp_path / "second")).returncode == 0
    # The sitemap carries the build date (MkDocs' lastmod); Pagefind lists its languages in any order in
    # its entry file, so that one is compared as JSON; everything else must match to the byte.
    skip = ("sitemap.xml", "sitemap.xml.gz", "pagefind-entry.json")
    first, second = snapshot(built_site.site, skip), snapshot(tmp_path / "second", skip)
    assert len(first) > 30 and first == second
    entries = [json.loads((site / "pagefind" / "pagefind-entry.json").read_text()) for site in (built_site.site, tmp_path / "second")]
    assert entries[0] == entries[1]


def test_a_failed_site_build_leaves_the_previous_site_whole(built_site, tmp_path):
    content, site = tmp_path / "content", tmp_path / "site"
    shutil.copytree(built_site.content, content)
    shutil.copytree(built_site.site, site)
    before = snapshot(site)
    (content / "zh" / "about.md").write_text("# 关于\n\n[坏链接](no-such-page.md)\n", encoding="utf-8")
    failed = run("site", "--content", str(content), "--output", str(site))
    assert failed.returncode == 1
    assert "no-such-page.md" in failed.stderr and "unchanged" in failed.stderr
    assert snapshot(site) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["content", "site"], "no build folder left behind"


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_hostile_text_in_a_chart_stays_data(hostile_site, prefix):
    """The largest-breaches chart carries incident titles into its Vega spec as JSON, and into its SVG."""
    page = (hostile_site / prefix / "years" / "2025" / "index.html").read_text(encoding="utf-8")
    other_year = (hostile_site / prefix / "years" / "2026" / "index.html").read_text(encoding="utf-8")
    assert _risky(page) == _risky(other_year), "the same scripts on both year pages, nothing more"
    assert "tracker-chart__view" in page and HOSTILE_TITLE not in page, "the chart's rows are in its spec file, not in the page"
    live = json.loads((hostile_site / prefix / "charts" / "2025-largest.vg.json").read_text(encoding="utf-8"))
    titles = [row.get("title") for data in live["data"] if "values" in data for row in data["values"]]
    assert HOSTILE_TITLE in titles, "the title is in the chart as text, to be shown as text by the tooltip"
    script = (REPO_ROOT / "site_overrides" / "assets" / "charts.js").read_text(encoding="utf-8")
    assert "textContent" in script and not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", script), "the tooltip sets text, never markup"
    svg = (hostile_site / prefix / "charts" / "2025-largest.svg").read_text(encoding="utf-8")
    assert "<script" not in svg and "<img" not in svg
