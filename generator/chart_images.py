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


INTERACTIVE = frozenset({"href", "tooltip", "cursor"})
"""What only a live chart can use: an image shown by <img> has no links, tooltips or pointer."""


def _still(node: Any) -> Any:
    """A spec without its interactive channels and mark properties (rows are left as they are)."""
    if isinstance(node, list):
        return [_still(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {key: value if key == "data" else _still(value) for key, value in node.items() if key not in INTERACTIVE}


def _fields(node: Any) -> set[str]:
    """Every data field a spec's encodings read."""
    if isinstance(node, list):
        return {name for item in node for name in _fields(item)}
    if not isinstance(node, dict):
        return set()
    found = {node["field"]} if isinstance(node.get("field"), str) else set()
    return found | {name for key, value in node.items() if key != "data" for name in _fields(value)}


def static_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The browser spec for an image: a fixed width (a file has no container to fill), one generic font,
    nothing interactive (a third of the drawing time, for nothing), and only the data fields it shows.
    An image's cache key is this spec, so a change to a figure only a tooltip shows (an incident's count
    in a year's type-of-breach chart) draws nothing again."""
    still = _still(spec)
    if "transform" not in still and "values" in still.get("data", {}):
        shown = _fields(still)
        still["data"] = {"values": [{name: value for name, value in row.items() if name in shown} for row in still["data"]["values"]]}
    return {**still, "width": STATIC_CHART_WIDTH, "config": {**spec.get("config", {}), "font": STATIC_CHART_FONT}}


def svg_of(spec: dict[str, Any]) -> str:
    import vl_convert  # imported where it runs: the engine starts on first use, in this process

    return vl_convert.vegalite_to_svg(static_spec(spec), vl_version=VEGA_LITE_VERSION)


def png_of(spec: dict[str, Any]) -> bytes:
    """A bitmap for link previews: social sites and chat apps do not show SVG."""
    import vl_convert

    return vl_convert.vegalite_to_png(static_spec(spec), vl_version=VEGA_LITE_VERSION, scale=2)


def _images_of(job: tuple[str, list[dict[str, Any]]]) -> list[str | bytes]:
    kind, specs = job
    return [svg_of(spec) if kind == "svg" else png_of(spec) for spec in specs]


def cache_key(spec: dict[str, Any], kind: str = "svg") -> str:
    """Changes with the spec and with the renderer's version (read from metadata: asking vl-convert starts it)."""
    text = json.dumps([version("vl-convert-python"), VEGA_LITE_VERSION, kind, static_spec(spec)], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def render_images(specs: dict[str, dict[str, Any]], cache: Path | None) -> tuple[dict[str, str | bytes], int]:
    """{name: image} for {name: Vega-Lite spec}, an SVG (text) or a PNG (bytes) as the name ends, and how
    many had to be drawn (the rest came from `cache`)."""
    kinds = {name: "png" if name.endswith(".png") else "svg" for name in specs}
    keys = {name: cache_key(spec, kinds[name]) for name, spec in specs.items()}
    images: dict[str, str | bytes] = {}
    if cache is not None:
        for name, key in keys.items():
            path = cache / f"{key}.{kinds[name]}"
            if path.is_file():
                images[name] = path.read_bytes() if kinds[name] == "png" else path.read_text(encoding="utf-8")
    missing = [name for name in specs if name not in images]
    jobs = [(kind, [name for name in missing if kinds[name] == kind]) for kind in ("svg", "png")]
    count = workers()
    chunks = []
    for kind, names in jobs:
        size = max(-(-len(names) // max(count, 1)), 1)
        chunks += [(kind, names[start : start + size]) for start in range(0, len(names), size)]
    if len(missing) < IN_PROCESS or count < 2:
        drawn = [image for kind, names in chunks for image in _images_of((kind, [specs[name] for name in names]))]
    else:
        with ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("spawn")) as pool:
            results = pool.map(_images_of, [(kind, [specs[name] for name in names]) for kind, names in chunks])
            drawn = [image for chunk in results for image in chunk]
    ordered = [name for _, names in chunks for name in names]
    for name, image in zip(ordered, drawn, strict=True):
        images[name] = image
        if cache is not None:
            cache.mkdir(parents=True, exist_ok=True)
            temporary = cache / f".{keys[name]}.tmp"
            if isinstance(image, bytes):
                temporary.write_bytes(image)
            else:
                temporary.write_text(image, encoding="utf-8")
            temporary.replace(cache / f"{keys[name]}.{kinds[name]}")
    return images, len(missing)

