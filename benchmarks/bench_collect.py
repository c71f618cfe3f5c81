"""Measure the collector against a local HTTP server on 127.0.0.1 and print a table.

    python benchmarks/bench_collect.py [--pages 200]

The server serves a list page linking to N copies of a real GBK page (tests/fixtures/collect);
the collector follows them with no delay (the machinery's own speed), then with the default delay
(what a real site sees), then runs again (conditional requests: nothing fetched). Nothing leaves
127.0.0.1.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from helpers.collect.run import collect
from helpers.collect.settings import Settings
from helpers.collect.sources import Source

PAGE = (Path(__file__).resolve().parents[1] / "tests/fixtures/collect/liaoyang-gwr-2024-gbk.html").read_bytes()


def serve(n_pages: int) -> ThreadingHTTPServer:
    """A server of /list.html (n links) and /gwr/<i>.html (the GBK page), with ETags."""
    links = "".join(f'<li><a href="/gwr/{i}.html">政府工作报告 {i}</a></li>' for i in range(n_pages))
    pages = {"/list.html": f"<html><body><ul>{links}</ul></body></html>".encode("gbk")}
    pages.update({f"/gwr/{i}.html": PAGE for i in range(n_pages)})

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server calls)
            body = pages.get(self.path)
            if body is None:
                self.send_response(404)
                self.end_headers()
                return
            etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
            self.send_response(304 if self.headers.get("If-None-Match") == etag else 200)
            self.send_header("Content-Type", "text/html; charset=GBK")
            self.send_header("ETag", etag)
            if self.headers.get("If-None-Match") == etag:
                self.end_headers()
                return
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    httpd = serve(args.pages)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    source = [Source(base + "/list.html", place="辽阳市", genre="government_work_report", follow="政府工作报告")]
    rows = []
    with tempfile.TemporaryDirectory() as raw:
        for label, settings in (("no delay", Settings(delay=0.0)), ("again (304s)", Settings(delay=0.0))):
            started = time.perf_counter()
            summary = collect(source, raw, settings, progress=False)
            seconds = time.perf_counter() - started
            rows.append((label, summary.n_requests, summary.n_fetched, seconds))
    delayed = min(args.pages, 5)
    with tempfile.TemporaryDirectory() as raw:
        started = time.perf_counter()
        summary = collect(source, raw, Settings(stop_after=delayed + 2), progress=False)
        seconds = time.perf_counter() - started
        rows.append((f"default delay {Settings().delay:g} s", summary.n_requests, summary.n_fetched, seconds))
    httpd.shutdown()
    print(f"{'run':<22} {'requests':>8} {'fetched':>8} {'seconds':>8} {'requests/s':>10}")
    for label, requests, fetched, seconds in rows:
        print(f"{label:<22} {requests:>8} {fetched:>8} {seconds:>8.2f} {requests / seconds:>10.1f}")


if __name__ == "__main__":
    main()
