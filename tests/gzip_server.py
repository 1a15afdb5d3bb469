"""A static file server that compresses text with gzip when asked, as GitHub Pages does: the browser tests'
weight checks and benchmarks/lighthouse.py measure what a reader would download."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from pathlib import Path

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml", "application/atom+xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    cache: dict[Path, bytes] = {}
    compress = True

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # redirected to the address with its slash
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not self.compress or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "") or not kind.startswith(COMPRESSED_TYPES):
            return super().send_head()
        if path not in self.cache:
            self.cache[path] = gzip.compress(path.read_bytes(), compresslevel=6)
        body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class PlainHandler(GzipHandler):
    compress = False


def serve(site: Path, compress: bool = True) -> tuple[http.server.ThreadingHTTPServer, str]:
    """The site on 127.0.0.1, on a port of its own, in a thread: (server, base address). Without
    `compress`, files go as they are, as Python's own server sends them."""
    handler = GzipHandler if compress else PlainHandler
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
