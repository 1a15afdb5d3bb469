"""What Lighthouse says of the built site, served with gzip as GitHub Pages serves it.

    .venv/bin/python benchmarks/lighthouse.py [--site site] [--runs 3]

Serves the built site on 127.0.0.1, compressing text with gzip as GitHub Pages does, and runs the
vendored Lighthouse (node_modules, `npm ci`) in Debian's Chromium on the pages the targets name: the
2024 year page and the statistics page on the mobile preset (score >= 90, <= 300 KB transferred), the
explorer on the desktop preset (interactive within 1 s: Lighthouse's figure, and the moment its table
and filters are ready, from the explorer's own performance mark), and, for comparison, the home and an incident
page. Each figure is the median of --runs runs: Lighthouse's simulated throttling makes scores move by a
few points on a busy machine. Needs a built site (`make site`), Chromium and node_modules; says so when
one is absent.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.gzip_server import serve  # noqa: E402  (the same server as the browser tests' weight checks)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = [
    ("year 2024", "years/2024/", "mobile"),
    ("statistics", "statistics/", "mobile"),
    ("year 2024 (zh)", "zh/years/2024/", "mobile"),
    ("statistics (zh)", "zh/statistics/", "mobile"),
    ("home", "", "mobile"),
    ("incident", "incidents/change-healthcare-2024/", "mobile"),
    ("explorer", "explorer/", "desktop"),
    ("explorer (zh)", "zh/explorer/", "desktop"),
]


def _audit(url: str, preset: str, report: Path) -> dict[str, float]:
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
        "--only-categories=performance", f"--chrome-path={CHROMIUM}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking",
    ]
    if preset == "desktop":
        # Throttled for real, not simulated, so that the explorer's own mark (its table filled, its
        # filters live) is measured on the preset's network (40 ms, 10 Mbit/s), made DevTools' way
        # as Lighthouse documents it: latency x 3.75, throughput x 0.9.
        command += ["--preset=desktop", "--throttling-method=devtools", "--throttling.requestLatencyMs=150",
                    "--throttling.downloadThroughputKbps=9216", "--throttling.uploadThroughputKbps=9216"]
    subprocess.run(command, check=True, env={"CHROME_PATH": CHROMIUM, "PATH": "/usr/bin:/bin", "HOME": tempfile.gettempdir()})
    result = json.loads(report.read_text(encoding="utf-8"))
    audits = result["audits"]
    return {
        "score": result["categories"]["performance"]["score"] * 100,
        "kb": audits["total-byte-weight"]["numericValue"] / 1000,
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "tti": audits["interactive"]["numericValue"] / 1000,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "ready": next((item["startTime"] / 1000 for item in (audits["user-timings"].get("details") or {}).get("items", []) if item["name"] == "explorer-ready"), float("nan")),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", help="run only the pages whose name contains this")
    parser.add_argument("--uncompressed", action="store_true", help="serve files as they are, without gzip")
    args = parser.parse_args()
    for needed, how in [(args.site / "index.html", "run `make site`"), (Path(CHROMIUM), "apt-get install -y chromium"), (LIGHTHOUSE, "run `npm ci`")]:
        if not needed.exists():
            print(f"skipped: {needed} is missing ({how})")
            return 0
    httpd, base = serve(args.site, compress=not args.uncompressed)
    print(f"Lighthouse {subprocess.run([str(LIGHTHOUSE), '--version'], capture_output=True, text=True).stdout.strip()}, "
          f"median of {args.runs} runs, {'served uncompressed' if args.uncompressed else 'gzip served'}\n")
    print("| page | preset | score | transferred | first paint | largest paint | blocking | interactive | layout shift | explorer ready |")
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    try:
        with tempfile.TemporaryDirectory() as scratch:
            for name, path, preset in PAGES:
                if args.only and args.only not in name:
                    continue
                runs = [_audit(f"{base}/{path}", preset, Path(scratch) / f"{index}.json") for index in range(args.runs)]
                median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                print(f"| {name} | {preset} | {median['score']:.0f} | {median['kb']:,.0f} KB | {median['fcp']:.1f} s | "
                      f"{median['lcp']:.1f} s | {median['tbt']:.0f} ms | {median['tti']:.1f} s | {median['cls']:.3f} | "
                      f"{'' if median['ready'] != median['ready'] else format(median['ready'], '.2f') + ' s'} |", flush=True)
    finally:
        httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
