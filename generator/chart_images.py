"""Stage 4c: a static SVG of every chart, for readers without JavaScript and for feeds and previews.

vl-convert runs Vega in an embedded JavaScript engine. An engine copied by fork() is unsafe, so misses
are rendered in *spawned* worker processes, and each SVG is cached under .cache/charts by a hash of its
spec: a rebuild renders only the charts whose figures changed (an HHS import touches one or two years).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
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


def png_from_svg(svg: str) -> bytes:
    """A bitmap for link previews (social sites and chat apps do not show SVG): the chart's SVG
    rasterised by resvg, without JavaScript, in 65 ms, where drawing the chart again took 200."""
    import vl_convert

    return vl_convert.svg_to_png(svg, scale=2)


@contextmanager
def _drawing(jobs: int) -> Iterator[Callable[[Callable[[Any], Any], list[Any]], list[Any]]]:
    """A way to run a drawing function over many inputs: in spawned workers when there are enough."""
    if jobs < IN_PROCESS or workers() < 2:
        yield lambda function, inputs: [function(item) for item in inputs]
        return
    with ProcessPoolExecutor(max_workers=workers(), mp_context=multiprocessing.get_context("spawn")) as pool:
        yield lambda function, inputs: list(pool.map(function, inputs, chunksize=max(len(inputs) // (workers() * 2), 1)))


def cache_key(spec: dict[str, Any], kind: str = "svg") -> str:
    """Changes with the spec and with the renderer's version (read from metadata: asking vl-convert starts it)."""
    text = json.dumps([version("vl-convert-python"), VEGA_LITE_VERSION, kind, static_spec(spec)], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def render_images(specs: dict[str, dict[str, Any]], cache: Path | None) -> tuple[dict[str, str | bytes], int]:
    """{name: image} for {name: Vega-Lite spec}, an SVG (text) or a PNG (bytes) as the name ends, and how
    many had to be made (the rest came from `cache`). A PNG is its chart's SVG rasterised."""
    kinds = {name: "png" if name.endswith(".png") else "svg" for name in specs}
    keys = {name: cache_key(spec, kinds[name]) for name, spec in specs.items()}
    images: dict[str, str | bytes] = {}
    if cache is not None:
        for name, key in keys.items():
            path = cache / f"{key}.{kinds[name]}"
            if path.is_file():
                images[name] = path.read_bytes() if kinds[name] == "png" else path.read_text(encoding="utf-8")
    missing = [name for name in specs if name not in images]
    png_names = [name for name in missing if kinds[name] == "png"]
    svg_keys = {name: keys[name] if kinds[name] == "svg" else cache_key(specs[name], "svg") for name in missing}
    svg_by_key = {keys[name]: image for name, image in images.items() if kinds[name] == "svg"}
    to_draw: dict[str, dict[str, Any]] = {}  # every SVG still missing, with those only a PNG needs
    for name in missing:
        if svg_keys[name] not in svg_by_key:
            to_draw.setdefault(svg_keys[name], specs[name])
    with _drawing(len(to_draw) + len(png_names)) as draw:
        svg_by_key.update(zip(to_draw, draw(svg_of, list(to_draw.values())), strict=True))
        pngs = draw(png_from_svg, [svg_by_key[svg_keys[name]] for name in png_names])
    made: dict[str, str | bytes] = {name: svg_by_key[keys[name]] for name in missing if kinds[name] == "svg"}
    made.update(zip(png_names, pngs, strict=True))
    for name, image in made.items():
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
