"""Stage 4c: a static SVG of every chart, for readers without JavaScript and for feeds and previews.

vl-convert runs Vega in an embedded JavaScript engine. An engine copied by fork() is unsafe, so misses
are rendered in *spawned* worker processes, and each SVG is cached under .cache/charts by a hash of its
spec: a rebuild renders only the charts whose figures changed (an HHS import touches one or two years).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path
from typing import Any

from generator.config import STATIC_CHART_FONT, STATIC_CHART_WIDTH, VEGA_LITE_VERSION
from generator.parallel import workers

IN_PROCESS = 12
"""Below this many charts to render, spawning workers costs more than it saves."""


def static_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The browser spec at a fixed width (an SVG file has no container to fill) and one generic font."""
    return {**spec, "width": STATIC_CHART_WIDTH, "config": {**spec.get("config", {}), "font": STATIC_CHART_FONT}}


def svg_of(spec: dict[str, Any]) -> str:
    import vl_convert  # imported where it runs: the engine starts on first use, in this process

    return vl_convert.vegalite_to_svg(static_spec(spec), vl_version=VEGA_LITE_VERSION)


def _svgs_of(specs: list[dict[str, Any]]) -> list[str]:
    return [svg_of(spec) for spec in specs]


def cache_key(spec: dict[str, Any]) -> str:
    """Changes with the spec and with the renderer's version (read from metadata: asking vl-convert starts it)."""
    text = json.dumps([version("vl-convert-python"), VEGA_LITE_VERSION, static_spec(spec)], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def render_svgs(specs: dict[str, dict[str, Any]], cache: Path | None) -> tuple[dict[str, str], int]:
    """{name: SVG text} for {name: Vega-Lite spec}, and how many had to be rendered (the rest came from `cache`)."""
    keys = {name: cache_key(spec) for name, spec in specs.items()}
    svgs: dict[str, str] = {}
    if cache is not None:
        for name, key in keys.items():
            path = cache / f"{key}.svg"
            if path.is_file():
                svgs[name] = path.read_text(encoding="utf-8")
    missing = [name for name in specs if name not in svgs]
    count = workers()
    if len(missing) < IN_PROCESS or count < 2:
        rendered = _svgs_of([specs[name] for name in missing])
    else:
        size = -(-len(missing) // count)
        chunks = [[specs[name] for name in missing[start : start + size]] for start in range(0, len(missing), size)]
        with ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("spawn")) as pool:
            rendered = [svg for chunk in pool.map(_svgs_of, chunks) for svg in chunk]
    for name, svg in zip(missing, rendered):
        svgs[name] = svg
        if cache is not None:
            cache.mkdir(parents=True, exist_ok=True)
            temporary = cache / f".{keys[name]}.tmp"
            temporary.write_text(svg, encoding="utf-8")
            temporary.replace(cache / f"{keys[name]}.svg")
    return svgs, len(missing)
