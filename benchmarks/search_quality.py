"""How well the site's search (Pagefind) answers the queries readers ask about how breaches happened.

    .venv/bin/python benchmarks/search_quality.py [--site site]

Serves the built site on 127.0.0.1, runs each query through Pagefind in headless Chromium (Debian's,
as the browser tests use), and prints a table: results found, and how many of the top 10 are relevant.
A result is relevant when its page is an incident whose open-data record has the fact the query asks
about (a vector, a data type, a location, a business associate's name), or an overview page (year,
statistics, month) that names it. Needs a built site (`make site`) and Chromium; says so when absent.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import sys
import threading
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]

Fact = Callable[[dict[str, Any]], bool]


def _vectors(record: dict[str, Any]) -> set[str]:
    ocr = (record.get("hhs") or {}).get("case_summary") or {}
    return set(record["breach"]["vectors"]) | set(ocr.get("vectors") or [])


def _data(record: dict[str, Any]) -> set[str]:
    ocr = (record.get("hhs") or {}).get("case_summary") or {}
    return set(record["data_types"]) | set(ocr.get("data_types") or [])


EVENT_OF: dict[str, str] = {}
"""Incident id: the vendor and title of the event it belongs to (its page links the event by that title)."""


def _business_associate(record: dict[str, Any]) -> str:
    ocr = (record.get("hhs") or {}).get("case_summary") or {}
    return " ".join(filter(None, [ocr.get("business_associate"), record["organization"]["name"], record["title"]["en"], (record.get("summary") or {}).get("en"), EVENT_OF.get(record["id"])]))


QUERIES: list[tuple[str, str, Fact]] = [
    ("en", "ransomware", lambda r: "ransomware" in _vectors(r)),
    ("en", "phishing", lambda r: "phishing" in _vectors(r)),
    ("zh", "勒索软件", lambda r: "ransomware" in _vectors(r)),
    ("zh", "网络钓鱼", lambda r: "phishing" in _vectors(r)),
    ("en", "laptop stolen", lambda r: "laptop" in r["breach"]["locations"] and ("theft" in r["breach"]["types"] or "stolen_device" in _vectors(r))),
    ("zh", "笔记本电脑", lambda r: "laptop" in r["breach"]["locations"]),
    ("en", "SSN", lambda r: "ssn" in _data(r)),
    ("en", "Social Security number", lambda r: "ssn" in _data(r)),
    ("zh", "社会安全号码", lambda r: "ssn" in _data(r)),
    ("en", "Blackbaud", lambda r: "blackbaud" in _business_associate(r).lower()),
    ("en", "American Medical Collection Agency", lambda r: "american medical collection agency" in _business_associate(r).lower()),
]


def _serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


SEARCH = """async (query) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.init();
  const found = await pagefind.search(query);
  const every = await Promise.all(found.results.map((result) => result.data()));
  return {count: found.results.length, urls: every.map((item) => item.url)};
}"""


def _record(site: Path, url: str) -> dict[str, Any] | None:
    parts = [part for part in url.split("/") if part]
    if "incidents" in parts and parts[-1] != "incidents":
        path = site / "data" / "v1" / "incidents" / f"{parts[-1]}.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
    return None


def _kind(site: Path, url: str, lang: str, has_fact: Fact) -> str:
    """'relevant' (an incident with the fact), 'overview' (a year, month, statistics page...) or 'unrelated'."""
    if lang != "en" and not url.startswith(f"/{lang}/"):
        return "unrelated"  # a page of the other language
    record = _record(site, url)
    if record is None:
        return "overview"
    return "relevant" if has_fact(record) else "unrelated"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    args = parser.parse_args()
    if not (args.site / "pagefind" / "pagefind.js").exists():
        print(f"skipped: no built site with a search index at {args.site} (run `make site`)")
        return 0
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("skipped: playwright is not installed (pip install -r requirements-test.txt)")
        return 0
    if not Path(CHROMIUM).exists():
        print("skipped: Chromium is not installed (apt-get install -y chromium fonts-noto-cjk)")
        return 0
    events = args.site / "data" / "v1" / "events.json"
    if events.exists():
        for event in json.loads(events.read_text(encoding="utf-8"))["events"]:
            EVENT_OF.update({member: f"{event['vendor'] or ''} {event['title']['en']}" for member in event["members"]})
    httpd, base = _serve(args.site)
    print("| language | query | results | top 10: incidents with the fact | top 10: overview pages | top 10: unrelated | all results: unrelated |")
    print("|---|---|--:|--:|--:|--:|--:|")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
            for lang, query, has_fact in QUERIES:
                page = browser.new_page()
                page.goto(f"{base}/{'' if lang == 'en' else lang + '/'}search/")
                answer = page.evaluate(SEARCH, query)
                page.close()
                kinds = [_kind(args.site, url, lang, has_fact) for url in answer["urls"]]
                top = kinds[:10]
                print(
                    f"| {lang} | {query} | {answer['count']:,} | {top.count('relevant')} | {top.count('overview')} | "
                    f"{top.count('unrelated')} | {kinds.count('unrelated'):,} |"
                )
                for url, kind in zip(answer["urls"], kinds):
                    if kind == "unrelated":
                        print(f"  unrelated for {query!r}: {url}", file=sys.stderr)
            browser.close()
    finally:
        httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
