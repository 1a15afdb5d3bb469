"""What axe-core finds on the built site, page by page, in both languages and both colour schemes.

    .venv/bin/python benchmarks/axe.py [--site site]

Serves the built site on 127.0.0.1 and opens each kind of page in Debian's Chromium as a reader sees
it (charts drawn live, the explorer's table filled, search results shown), then runs the vendored axe
(node_modules, `npm ci`) with the WCAG 2.1 A and AA rules. Prints, for each page, the rules violated by
impact, with how many elements each. The browser tests assert the same on the fixture site (nothing
serious or critical); this is the full site's figure. Says so when the site, Chromium or axe is absent.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests import axe  # noqa: E402  (the browser tests' own axe runner)
from tests.gzip_server import serve  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PAGES = ["", "incidents/new-jersey-urology-llc-2020-04-06/", "years/2024/", "statistics/", "explorer/", "search/?q=ransomware"]
IMPACTS = ("critical", "serious", "moderate", "minor")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    args = parser.parse_args()
    for needed, how in [(args.site / "index.html", "run `make site`"), (Path(CHROMIUM), "apt-get install -y chromium"), (axe.AXE, "run `npm ci`")]:
        if not needed.exists():
            print(f"skipped: {needed} is missing ({how})")
            return 0
    from playwright.sync_api import sync_playwright

    httpd, base = serve(args.site)
    totals: Counter[str] = Counter()
    print("| page | lang | scheme | critical | serious | moderate | minor | rules |")
    print("|---|---|---|--:|--:|--:|--:|---|")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
            for prefix in ("", "zh/"):
                for scheme in ("light", "dark"):
                    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
                    page = context.new_page()
                    for path in PAGES:
                        axe.open_as_a_reader_sees_it(page, f"{base}/{prefix}{path}")
                        found = axe.violations(page)
                        counts = Counter({impact: sum(v["nodes"] for v in found if v["impact"] == impact) for impact in IMPACTS})
                        totals.update(counts)
                        rules = ", ".join(f"{v['id']} ({v['nodes']})" for v in found) or "none"
                        print(f"| /{prefix}{path} | {prefix.strip('/') or 'en'} | {scheme} | " + " | ".join(str(counts[i]) for i in IMPACTS) + f" | {rules} |", flush=True)
                    context.close()
            browser.close()
    finally:
        httpd.shutdown()
    print("\nelements in violation, all pages: " + ", ".join(f"{impact} {totals[impact]}" for impact in IMPACTS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
