"""The last stage: MkDocs turns content/ into site/, one process per language, in parallel.

mkdocs.yml is the English site; mkdocs.<lang>.yml inherits it for each other language. Each language is
built into a folder of its own, then they are put together (other languages under /<lang>/) and the
result takes site/'s place whole. This module runs MkDocs as a program; it knows nothing of its insides.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import yaml
from mergedeep import merge

from generator import layout
from generator.config import LANGUAGES, REPO_ROOT
from generator.config import site_url as published_url
from generator.load import files_under, read_yaml_config
from generator.vocab import ui
from generator.write import move, remove, swap_in, work_folder, write_files


def nav_label_key(page: str) -> str:
    """The interface string of a page's tab: 'open-data.md' -> 'nav_open_data', 'years/index.md' -> 'nav_years'."""
    return "nav_" + page.split("/", 1)[0].removesuffix(".md").replace("-", "_")


def language_config(lang: str, content: Path, output: Path) -> dict[str, Any]:
    """The MkDocs configuration for one language, as MkDocs' own INHERIT would merge it, with absolute paths."""
    english = read_yaml_config(REPO_ROOT / layout.site_config(LANGUAGES[0]))
    config = english
    if lang != LANGUAGES[0]:
        own = read_yaml_config(REPO_ROOT / layout.site_config(lang))
        own.pop("INHERIT", None)
        config = merge({}, english, own)
    config["nav"] = [{ui(nav_label_key(page), lang): page} for page in english["nav"]]
    site_url = published_url()
    if site_url:
        config["site_url"] = layout.published_address(site_url, lang)
    depth = layout.language_prefix(lang).count("/")
    if depth:  # its pages use the first language's assets (generator/mkdocs_hooks.py); build_site drops its copy
        config.setdefault("extra", {})["shared_assets"] = "../" * depth
    config["docs_dir"] = str(content / lang)
    config["site_dir"] = str(output)
    config["theme"]["custom_dir"] = str(REPO_ROOT / config["theme"]["custom_dir"])
    config["hooks"] = [str(REPO_ROOT / hook) for hook in config.get("hooks", [])]
    return config


def site_pages(site: Path) -> list[str]:
    """The folder of every page of the first language in a built site ('' for the home page)."""
    return sorted(
        path.removesuffix("index.html").rstrip("/")
        for path in files_under(site)
        if path.rsplit("/", 1)[-1] == "index.html" and path.split("/", 1)[0] not in (*LANGUAGES[1:], layout.SEARCH_BUNDLE, layout.ASSETS)
    )


def bilingual_sitemap(paths: list[str], site_url: str) -> str:
    """One sitemap for the whole site: each page (by its folder, as site_pages gives) with its counterpart
    in every language (hreflang).

    Every page exists at the same path in each language, so the alternates are known without asking
    MkDocs; they go here rather than into each page's head, where Material would fetch a sitemap per link."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for path in paths:
        page = f"{path}/" if path else ""
        addresses = {lang: layout.published_address(site_url, lang, page) for lang in LANGUAGES}
        alternates = "".join(f'<xhtml:link rel="alternate" hreflang="{"zh-Hans" if lang == "zh" else lang}" href="{escape(url)}"/>' for lang, url in addresses.items())
        for lang in LANGUAGES:
            lines.append(f"<url><loc>{escape(addresses[lang])}</loc>{alternates}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def build_search_index(site: Path) -> None:
    """Pagefind indexes the built pages into site/pagefind/: one index per language (from <html lang>),
    split into chunks so a search downloads only what it needs. Chinese is segmented into words by
    Pagefind's extended build. Only each page's article is indexed, not the navigation around it."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", layout.SEARCH_BUNDLE, "--root-selector", "article", "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"pagefind failed:\n{result.stdout}{result.stderr}")


def build_site(content: Path, target: Path) -> dict[str, float]:
    """Build every language at once; replace `target` only if all succeed. Returns seconds per language."""
    work = work_folder(target)
    try:
        configs = {work / f"mkdocs.{lang}.yml": yaml.safe_dump(language_config(lang, content.resolve(), work / lang), allow_unicode=True) for lang in LANGUAGES}
        write_files(configs)
        processes = {}
        started = time.monotonic()
        for lang, config_path in zip(LANGUAGES, configs, strict=True):
            processes[lang] = subprocess.Popen(
                # Not --quiet: it hides warnings from the counter that --strict relies on, so nothing fails.
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_path)],
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
        seconds, failures = {}, []
        for lang, process in processes.items():
            output, _ = process.communicate()
            seconds[lang] = time.monotonic() - started
            problems = "".join(line + "\n" for line in output.splitlines() if not line.startswith("INFO"))
            if process.returncode != 0:
                failures.append(f"mkdocs ({lang}) failed:\n{problems}")
            elif problems.strip():
                print(problems, file=sys.stderr, end="")
        if failures:
            raise RuntimeError("\n".join(failures))
        assembled = work / LANGUAGES[0]
        for lang in LANGUAGES[1:]:
            remove(work / lang / layout.ASSETS)  # the first language's serve every language
            move(work / lang, assembled / lang)
        site_url = published_url()
        if site_url:
            write_files({assembled / layout.SITEMAP: bilingual_sitemap(site_pages(assembled), site_url)})
            remove(assembled / f"{layout.SITEMAP}.gz")  # MkDocs' own, of one language
        search_started = time.monotonic()
        build_search_index(assembled)
        seconds["search"] = time.monotonic() - search_started
        swap_in(assembled, target)
        return seconds
    finally:
        remove(work)
