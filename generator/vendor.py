"""The browser side of the charts, vendored: Vega, Vega-Lite and vega-embed in one file the site serves itself.

No CDN: a reader's browser asks nothing of any other host (a privacy leak, and blocked in places). The
bundle comes from vl-convert, the same engine that draws the static SVGs at build time, so the browser
and the build run the very same Vega-Lite. `python -m generator vendor` rewrites it after an upgrade; a
test fails while the committed file differs from what the installed vl-convert makes.
"""

from __future__ import annotations

from importlib.metadata import version

from generator.config import REPO_ROOT, VEGA_LITE_VERSION

BUNDLE_PATH = REPO_ROOT / "site_overrides" / "assets" / "vendor" / "vega-bundle.js"


def bundle_text() -> str:
    import vl_convert  # starts a JavaScript engine: only when asked

    header = (
        f"/* Vega {vl_convert.get_vega_version()}, Vega-Lite {VEGA_LITE_VERSION}, vega-embed {vl_convert.get_vega_embed_version()}"
        f" (BSD-3-Clause, University of Washington Interactive Data Lab) and their dependencies; see LICENSE.txt here.\n"
        f"   Bundled by vl-convert-python {version('vl-convert-python')}: `python -m generator vendor`. Do not edit. */\n"
    )
    return header + vl_convert.javascript_bundle(vl_version=VEGA_LITE_VERSION)
