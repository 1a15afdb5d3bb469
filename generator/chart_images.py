"""Stage 4c: a static SVG of every chart, for readers without JavaScript and for feeds and previews, and
the Vega spec the browser draws the live chart from.

Vega-Lite is compiled to Vega here, at build time, so a reader's browser needs only the Vega runtime
(generator.vendor), not the Vega-Lite compiler: the live spec is a file beside the image, fetched when
the chart nears the screen (assets/charts.js), with the colours of the dark scheme in its `usermeta`.
vl-convert runs Vega and Vega-Lite in an embedded JavaScript engine. An engine copied by fork() is unsafe, so misses
are drawn in *spawned* worker processes, and each image is cached (config.chart_cache) by a hash of its
spec: a rebuild draws only the charts whose figures changed (an HHS import touches one or two years).
Reading and writing the cache is generator.load's and generator.write's job.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from importlib.metadata import version
from typing import Any

from generator.config import STATIC_CHART_FONT, STATIC_CHART_WIDTH, VEGA_LITE_VERSION
from generator.layout import LIVE_CHART as LIVE
from generator.parallel import chunks, run_jobs

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


def live_spec_of(spec: dict[str, Any]) -> str:
    """The Vega spec of the live chart, as JSON text: Vega-Lite compiled for the light scheme, with what
    the dark scheme changes (vega-themes' dark theme on a transparent background) in usermeta.dark, which
    Vega itself ignores."""
    import vl_convert

    light = vl_convert.vegalite_to_vega(spec, vl_version=VEGA_LITE_VERSION)
    dark = vl_convert.vegalite_to_vega(spec, vl_version=VEGA_LITE_VERSION, theme="dark")
    dark_changes = {key: value for key, value in dark.items() if light.get(key) != value}
    light["usermeta"] = {**light.get("usermeta", {}), "dark": {**dark_changes, "background": "transparent"}}
    return json.dumps(light, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


SVG_SIZE = re.compile(r'<svg\b[^>]*?\swidth="(\d+(?:\.\d+)?)"[^>]*?\sheight="(\d+(?:\.\d+)?)"')


def svg_size(svg: str) -> tuple[int, int]:
    """An SVG's width and height in CSS pixels, rounded up, as its root element gives them."""
    found = SVG_SIZE.match(svg)
    if not found:
        raise ValueError(f"an SVG without width and height: {svg[:120]!r}")
    return math.ceil(float(found.group(1))), math.ceil(float(found.group(2)))


def png_from_svg(svg: str) -> bytes:
    """A bitmap for link previews (social sites and chat apps do not show SVG): the chart's SVG
    rasterised by resvg, without JavaScript, in 65 ms, where drawing the chart again took 200."""
    import vl_convert

    return vl_convert.svg_to_png(svg, scale=2)


def _draw(_: None, items: list[tuple[str, Any]]) -> list[Any]:
    """One worker's share of (kind, input): SVGs and live specs from Vega-Lite specs, PNGs from SVGs."""
    drawers = {"svg": svg_of, LIVE: live_spec_of, "png": png_from_svg}
    return [drawers[kind](item) for kind, item in items]


def _draw_all(items: list[tuple[str, Any]]) -> list[Any]:
    """Every item drawn, in spawned workers when there are enough of them (the engine must not be forked)."""
    pieces = run_jobs(_draw, chunks(items, per_worker=2), None, parallel=len(items) >= IN_PROCESS, start_method="spawn")
    return [image for piece in pieces for image in piece]


def cache_key(spec: dict[str, Any], kind: str = "svg") -> str:
    """Changes with the spec and with the renderer's version (read from metadata: asking vl-convert starts
    it). An image's key is its static spec; a live chart's, the whole spec."""
    drawn_from = spec if kind == LIVE else static_spec(spec)
    text = json.dumps([version("vl-convert-python"), VEGA_LITE_VERSION, kind, drawn_from], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_names(specs: dict[str, dict[str, Any]]) -> dict[str, str]:
    """{name: file name in the chart cache} for {name: Vega-Lite spec}: the spec's hash, and its kind."""
    return {name: f"{cache_key(spec, _kind(name))}.{_kind(name)}" for name, spec in specs.items()}


def _kind(name: str) -> str:
    return next((kind for kind in (LIVE, "png") if name.endswith(f".{kind}")), "svg")


def render_images(specs: dict[str, dict[str, Any]], cached: dict[str, str | bytes]) -> tuple[dict[str, str | bytes], dict[str, str | bytes]]:
    """{name: image} for {name: Vega-Lite spec}, an SVG (text), a PNG (bytes) or a live chart's Vega spec
    (text, LIVE) as the name ends, and those it had to draw, by their file name in the cache. `cached`
    holds those found in the cache ({name: image}, generator.load.read_cached_images). A PNG is its
    chart's SVG rasterised."""
    names = cache_names(specs)
    keys = {name: file_name.split(".", 1)[0] for name, file_name in names.items()}
    images: dict[str, str | bytes] = {name: image for name, image in cached.items() if name in specs}
    missing = [name for name in specs if name not in images]
    live_names = [name for name in missing if _kind(name) == LIVE]
    png_names = [name for name in missing if _kind(name) == "png"]
    svg_keys = {name: keys[name] if _kind(name) == "svg" else cache_key(specs[name], "svg") for name in missing if _kind(name) != LIVE}
    svg_by_key = {keys[name]: image for name, image in images.items() if _kind(name) == "svg"}
    to_draw: dict[str, dict[str, Any]] = {}  # every SVG still missing, with those only a PNG needs
    for name, key in svg_keys.items():
        if key not in svg_by_key:
            to_draw.setdefault(key, specs[name])
    drawn = _draw_all([("svg", spec) for spec in to_draw.values()] + [(LIVE, specs[name]) for name in live_names])
    svg_by_key.update(zip(to_draw, drawn[: len(to_draw)], strict=True))
    made: dict[str, str | bytes] = dict(zip(live_names, drawn[len(to_draw) :], strict=True))
    made.update({name: svg_by_key[keys[name]] for name in missing if _kind(name) == "svg"})
    made.update(zip(png_names, _draw_all([("png", svg_by_key[svg_keys[name]]) for name in png_names]), strict=True))
    images.update(made)
    return images, {names[name]: image for name, image in made.items()}
