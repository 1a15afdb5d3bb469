"""The browser side of the charts, vendored: the Vega runtime, one file the site serves itself.

No CDN: a reader's browser asks nothing of any other host (a privacy leak, and blocked in places). Each
chart's Vega-Lite is compiled to Vega at build time by vl-convert (generator.chart_images), so the
browser needs Vega alone, neither the Vega-Lite compiler nor vega-embed: 512 KB instead of the 898 KB
bundle it replaced (177 KB gzipped instead of 305). The file is npm's build of Vega, pinned in
package.json to the Vega that vl-convert runs, so the build compiles for the very runtime the browser
has. `python -m generator vendor` copies it after `npm ci`, refusing another Vega than vl-convert's;
with --check it fails while the committed copy differs.
"""

from __future__ import annotations

from generator.config import REPO_ROOT

BUNDLE_PATH = REPO_ROOT / "site_overrides" / "assets" / "vendor" / "vega.min.js"
NPM_PACKAGE = REPO_ROOT / "node_modules" / "vega" / "package.json"
NPM_BUILD = REPO_ROOT / "node_modules" / "vega" / "build" / "vega.min.js"


def version_problem(npm_version: str) -> str | None:
    """Why npm's Vega must not be vendored, if it is another than the one vl-convert compiles for."""
    import vl_convert  # starts a JavaScript engine: only when asked

    wanted = vl_convert.get_vega_version()
    if npm_version == wanted:
        return None
    return f'node_modules has Vega {npm_version} but vl-convert compiles for Vega {wanted}: pin "vega": "{wanted}" in package.json, then run npm ci'
