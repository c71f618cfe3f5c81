"""The collector against a real HTTP server on 127.0.0.1 serving saved real pages (helpers.collect)."""

from __future__ import annotations

import csv
import hashlib
import subprocess
import sys
import threading
import time
from dataclasses import replace
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import FIXTURES, RAW
from helpers.collect import log
from helpers.collect.fetch import Fetched, parse_content_type
from helpers.collect.links import extract_links
from helpers.collect.robots import RobotsAnswer, parse_robots
from helpers.collect.run import collect, describe_failure, format_summary
from helpers.collect.settings import Settings
from helpers.collect.sources import Source, parse_sources
from helpers.collect.store import make_raw_path, save_body

COLLECT = FIXTURES / "collect"
LIST_PATH = "/zwgk/list.html"
FOLLOW = "报告|公报|发布会|附件"
SLOW_SECONDS = 1.0
# Tiny waits so the suite stays fast; the time-out is well under the slow page's delay.
FAST = Settings(delay=0.0, timeout=0.3, retries=1, backoff=0.01, max_backoff=0.05)
LAST_MODIFIED = formatdate(1706745600, usegmt=True)  # 2024-02-01, as a Last-Modified header says it


def _page(body: bytes, content_type: str) -> dict:
    return {"status": 200, "body": body, "type": content_type}


# Every path the server knows, with the real bytes it serves.
PAGES = {
    "/robots.txt": _page(b"User-agent: *\nDisallow: /private/\n", "text/plain"),
    LIST_PATH: _page((COLLECT / "list.html").read_bytes(), "text/html; charset=utf-8"),
    # a GBK page declared in the header and in its <meta>: saved as GBK bytes, never re-encoded
    "/gwr/2024/liaoyang.html": _page((COLLECT / "liaoyang-gwr-2024-gbk.html").read_bytes(), "text/html; charset=GBK"),
    "/old/tjgb/yichun-2022.html": {"status": 301, "location": "/tjgb/yichun-stat-bulletin-2022.html"},
    "/tjgb/yichun-stat-bulletin-2022.html": _page((FIXTURES / "yichun-stat-bulletin-2022.html").read_bytes(),
                                                  "text/html"),
    "/files/liaoning-gwr-2026-excerpt.pdf": _page((COLLECT / "liaoning-gwr-2026-excerpt.pdf").read_bytes(),
                                                  "application/pdf"),
    # fails once with 500, then succeeds: the retry must fetch it
    "/xwfb/000.txt": {**_page((RAW / "000_c314c07c1d40f028.txt").read_bytes(), "text/plain; charset=utf-8"),
                      "fail_first": 500},
    "/private/draft.html": _page((RAW / "001_e097eca750060dbf.txt").read_bytes(), "text/html"),
    "/slow/tjgb.html": {**_page(b"<html><body>slow</body></html>", "text/html"), "sleep": SLOW_SECONDS},
    "/files/chart.png": _page(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
    "/sitemap.html": _page(b"<html><body>sitemap</body></html>", "text/html"),
}
DOCUMENTS = {  # path asked for -> path whose bytes must be saved
    "/gwr/2024/liaoyang.html": "/gwr/2024/liaoyang.html",
    "/old/tjgb/yichun-2022.html": "/tjgb/yichun-stat-bulletin-2022.html",
    "/files/liaoning-gwr-2026-excerpt.pdf": "/files/liaoning-gwr-2026-excerpt.pdf",
    "/xwfb/000.txt": "/xwfb/000.txt",
}


class RecordingHandler(BaseHTTPRequestHandler):
    """Serves PAGES with ETag and Last-Modified, answers conditional requests with 304, records
    every request (path, status, headers)."""

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        server = self.server
        page = PAGES.get(self.path)
        with server.lock:
            server.counts[self.path] = server.counts.get(self.path, 0) + 1
            first = server.counts[self.path] == 1
        if page is None:
            return self._answer(404, b"<html><body>404 Not Found</body></html>", {"Content-Type": "text/html"})
        if page.get("sleep"):
            time.sleep(page["sleep"])
        if page.get("fail_first") and first:
            return self._answer(page["fail_first"], b"busy", {"Content-Type": "text/plain"})
        if page["status"] in (301, 302):
            return self._answer(page["status"], b"", {"Location": page["location"]})
        etag = '"%s"' % hashlib.sha256(page["body"]).hexdigest()[:16]
        headers = {"Content-Type": page["type"], "ETag": etag, "Last-Modified": LAST_MODIFIED}
        if self.headers.get("If-None-Match") == etag:
            return self._answer(304, b"", headers)
        return self._answer(200, page["body"], headers)

    def _answer(self, status, body, headers):
        self.server.requests.append((self.path, status, dict(self.headers)))
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up on the slow page
            pass

    def log_message(self, *args):  # keep the test output clean
        pass


def start_server() -> ThreadingHTTPServer:
    """A real HTTP server on 127.0.0.1 (ephemeral port) serving PAGES, in a thread."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), RecordingHandler)
    httpd.daemon_threads = True
    httpd.requests, httpd.counts, httpd.lock = [], {}, threading.Lock()
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return httpd


def stop_server(httpd: ThreadingHTTPServer) -> None:
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def server():
    """The test server; yields it (its base URL is base_of(server))."""
    httpd = start_server()
    yield httpd
    stop_server(httpd)


def base_of(httpd) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}"


def list_source(httpd) -> list[Source]:
    return [Source(base_of(httpd) + LIST_PATH, place="辽宁省", genre="government_work_report", follow=FOLLOW)]


def requested(httpd) -> list[str]:
    return [path for path, _, _ in httpd.requests]


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_collect_saves_what_was_served_byte_for_byte_and_obeys_robots(server, tmp_path):
    summary = collect(list_source(server), tmp_path, FAST, progress=False)
    rows = {row["url"].removeprefix(base_of(server)): row for row in read_csv(tmp_path / "collected" / log.LOG_NAME)}
    for asked, served in DOCUMENTS.items():
        row = rows[asked]
        assert row["outcome"] == "fetched", row
        assert row["sha256"] == sha256(PAGES[served]["body"])
        assert sha256((tmp_path / row["raw_path"]).read_bytes()) == row["sha256"]  # byte for byte
        assert row["found_on"] == base_of(server) + LIST_PATH
    assert rows["/gwr/2024/liaoyang.html"]["declared_charset"] == "gbk"  # recorded, not applied
    assert rows["/old/tjgb/yichun-2022.html"]["final_url"] == base_of(server) + "/tjgb/yichun-stat-bulletin-2022.html"
    assert rows["/xwfb/000.txt"]["attempts"] == "2"  # 500, then 200
    # robots.txt: the disallowed page was never asked for; links the pattern leaves out neither
    assert "/private/draft.html" not in requested(server)
    assert "/sitemap.html" not in requested(server)
    assert requested(server)[0] == "/robots.txt"
    assert all(headers["User-Agent"] == FAST.user_agent for _, _, headers in server.requests)
    # the list page is kept as evidence, apart from the documents
    assert rows[LIST_PATH]["raw_path"].startswith("collected/.lists/")
    assert summary.n_fetched == 5 and summary.n_unchanged == 0
    assert summary.skipped == [(base_of(server) + "/private/draft.html",
                                f"robots.txt of {base_of(server)} disallows it")]
    failed = {url.removeprefix(base_of(server)): reason for url, reason in summary.failed}
    assert failed == {"/xwfb/missing.html": "HTTP 404 Not Found",
                      "/slow/tjgb.html": "time-out (0.3 s) after 2 tries",
                      "/files/chart.png": "not a document (image/png)"}
    text = format_summary(summary, tmp_path)
    assert "HTTP 404 Not Found" in text and "time-out" in text and "not a document" in text
    catalog = {row["raw_path"]: row for row in read_csv(tmp_path / "catalog.csv")}
    assert {row["source_url"].removeprefix(base_of(server)) for row in catalog.values()} == set(DOCUMENTS.values())
    assert {row["place"] for row in catalog.values()} == {"辽宁省"}


def test_a_second_run_asks_only_for_what_is_new_or_failed(server, tmp_path):
    collect(list_source(server), tmp_path, FAST, progress=False)
    files = {p: p.read_bytes() for p in (tmp_path / "collected").rglob("*") if p.is_file()}
    first = len(server.requests)
    summary = collect(list_source(server), tmp_path, FAST, progress=False)
    second = server.requests[first:]
    asked = [path for path, _, _ in second]
    assert not set(asked) & (set(DOCUMENTS) | set(DOCUMENTS.values()))  # nothing collected is asked again
    list_answers = [(status, headers) for path, status, headers in second if path == LIST_PATH]
    assert [status for status, _ in list_answers] == [304]  # the list page: a conditional request
    assert list_answers[0][1]["If-None-Match"]
    assert summary.n_fetched == 0 and summary.n_unchanged == 1 and summary.n_collected_before == 4
    assert len(summary.failed) == 3  # what failed is tried again
    # --refresh asks again for the documents too, conditionally: all unchanged, no new file
    third = len(server.requests)
    summary = collect(list_source(server), tmp_path, replace(FAST, refresh=True), progress=False)
    statuses = {path: status for path, status, _ in server.requests[third:]}
    assert all(statuses[path] == 304 for path in DOCUMENTS.values() if path in statuses)
    assert summary.n_fetched == 0 and summary.n_unchanged == 5
    log_text = (tmp_path / "collected" / log.LOG_NAME).read_bytes()
    after = {p: p.read_bytes() for p in (tmp_path / "collected").rglob("*") if p.is_file() and p.name != log.LOG_NAME}
    assert after == {p: b for p, b in files.items() if p.name != log.LOG_NAME}
    assert log_text.count(b"\n") == 1 + 9 + 5 + 9  # header, then one row per attempt of each run


def test_an_interrupted_run_carries_on_where_it_stopped(server, tmp_path):
    seen = []

    def stop_after_three(row):
        seen.append(row.url)
        if len(seen) == 3:
            raise KeyboardInterrupt

    summary = collect(list_source(server), tmp_path, FAST, progress=False, on_row=stop_after_three)
    assert summary.interrupted and summary.unfinished > 0
    assert "run the same command again" in format_summary(summary, tmp_path)
    collect(list_source(server), tmp_path, FAST, progress=False)
    for asked, served in DOCUMENTS.items():  # every document fetched once in all, and saved whole
        assert sum(1 for path, status, _ in server.requests if path == served and status == 200) == 1
    saved = {row["url"].removeprefix(base_of(server)): row["raw_path"]
             for row in read_csv(tmp_path / "collected" / log.LOG_NAME) if row["outcome"] == "fetched"}
    for asked, served in DOCUMENTS.items():
        assert (tmp_path / saved[asked]).read_bytes() == PAGES[served]["body"]


def test_a_run_stopped_after_n_requests_says_what_is_left(server, tmp_path):
    summary = collect(list_source(server), tmp_path, replace(FAST, stop_after=3), progress=False)
    assert summary.stopped_after == 3 and summary.n_requests == 3  # robots.txt, the list page, one link
    assert "stopped after 3 requests" in format_summary(summary, tmp_path)


def test_a_collected_folder_builds_and_cites_its_source_urls(server, tmp_path):
    from helpers.corpus import overview as corpus
    from helpers.build.builder import build_corpus
    from helpers.store import load_table

    raw, processed = tmp_path / "raw", tmp_path / "processed"
    collect(list_source(server), raw, FAST, progress=False)
    summary = build_corpus(raw, processed, progress=False)
    documents = load_table("documents", processed)
    urls = dict(zip(documents["raw_path"], documents["source_url"]))
    base = base_of(server)
    assert sorted(u.removeprefix(base) for u in urls.values()) == sorted(DOCUMENTS.values())
    by_url = {u.removeprefix(base): documents.loc[documents["source_url"] == u].iloc[0] for u in urls.values()}
    assert "辽阳" in by_url["/gwr/2024/liaoyang.html"]["text"]  # the GBK bytes were read as GBK
    assert by_url["/gwr/2024/liaoyang.html"]["encoding"] in ("gb18030", "gbk", "gb2312")
    assert "地区生产总值增长3.7%" in by_url["/files/liaoning-gwr-2026-excerpt.pdf"]["text"].replace(" ", "")
    assert "source_url" in by_url["/xwfb/000.txt"]["catalog_fields"]
    assert summary.n_quarantined == 0  # neither the log nor the list page is taken for a document
    # the corpus overview and place profile reports show the documents table with its source
    shown = corpus.summarize_documents(corpus.load_documents(processed))
    assert sorted(u.removeprefix(base) for u in shown["source_url"]) == sorted(DOCUMENTS.values())


@pytest.mark.parametrize("crawl_delay, expected", [
    (None, [3.0]),  # the settings' delay between two requests to one host
    (7.0, [7.0]),   # robots.txt's Crawl-delay when it is longer
    (1.0, [3.0]),   # …and never shorter than the settings' delay
])
def test_requests_to_one_host_wait_the_delay(server, crawl_delay, expected):
    from helpers.collect.fetch import Fetcher

    sleeps, other = [], start_server()
    fetcher = Fetcher(Settings(delay=3.0, timeout=1.0), sleep=sleeps.append, clock=lambda: 100.0)
    fetcher.crawl_delay = lambda url: crawl_delay
    try:
        fetcher.fetch(base_of(server) + "/gwr/2024/liaoyang.html")
        fetcher.fetch(base_of(server) + "/xwfb/missing.html")
        fetcher.fetch(base_of(other) + "/sitemap.html")  # another host (another port): no wait
    finally:
        fetcher.close()
        stop_server(other)
    assert sleeps == expected


def test_the_build_and_the_reports_never_import_the_collector():
    code = ("import sys, helpers.build.builder, helpers.reports.runner, helpers.build.pipeline, helpers.cli\n"
            "from helpers.cli import main\n"
            "assert not [m for m in sys.modules if m.startswith('helpers.collect')], 'collector imported'\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_command_line_collects_and_prints_the_summary(server, tmp_path, capsys):
    from helpers.cli import main

    sources = tmp_path / "sources.csv"
    sources.write_text(f"url,place,genre,title,published_date,follow\n"
                       f"{base_of(server)}/gwr/2024/liaoyang.html,辽阳市,government_work_report,"
                       f"辽阳市2024年政府工作报告,2024-01-07,\n"
                       f"{base_of(server)}/xwfb/missing.html,盘锦市,press_conference,,,\n", encoding="utf-8")
    status = main(["collect", str(sources), "--raw", str(tmp_path / "raw"), "--delay", "0", "--timeout", "1",
                   "--retries", "0", "--quiet"])
    out = capsys.readouterr().out
    assert status == 0
    assert out.startswith("1 fetched, 0 unchanged") and "HTTP 404 Not Found" in out
    catalog = read_csv(tmp_path / "raw" / "catalog.csv")
    assert catalog == [{"raw_path": f"collected/127.0.0.1_{server.server_address[1]}/gwr/2024/liaoyang.html",
                        "source_url": f"{base_of(server)}/gwr/2024/liaoyang.html", "place": "辽阳市",
                        "genre": "government_work_report", "title": "辽阳市2024年政府工作报告",
                        "published_date": "2024-01-07"}]


def test_a_bad_sources_file_names_its_lines(tmp_path, capsys):
    from helpers.cli import main

    sources = tmp_path / "sources.csv"
    sources.write_text("url,published_date,follow\nwww.ln.gov.cn,,\nhttp://a.gov.cn/,2024年1月,\n"
                       "http://b.gov.cn/,,公报(\n", encoding="utf-8")
    assert main(["collect", str(sources), "--raw", str(tmp_path)]) == 2
    out = capsys.readouterr().out
    assert "line 2: url 'www.ln.gov.cn'" in out and "line 3: published_date" in out and "line 4: follow" in out


# --- the pieces, table-driven -------------------------------------------------------------------

@pytest.mark.parametrize("url, content_type, is_list, expected", [
    # a government article page keeps its path and its .html
    ("http://fgw.shenyang.gov.cn/fggz/202303/t20230322_4435711.html", "text/html", False,
     "collected/fgw.shenyang.gov.cn/fggz/202303/t20230322_4435711.html"),
    # .shtml is HTML to the build already: no second extension
    ("http://www.anshan.gov.cn/html/ASSZF/202402/0170728695136485.shtml", "text/html", False,
     "collected/www.anshan.gov.cn/html/ASSZF/202402/0170728695136485.shtml"),
    # a folder URL of a list page: index.html, in the hidden folder the build skips
    ("https://ln.cri.cn/n/20240424/", "text/html", True, "collected/.lists/ln.cri.cn/n/20240424/index.html"),
    # a PDF served from a script: the query is hashed, .pdf added so the build reads it as a PDF
    ("http://127.0.0.1:8000/download.jsp?id=12", "application/pdf", False,
     "collected/127.0.0.1_8000/download_2b51366ba7.jsp.pdf"),  # sha256("id=12")[:10]
    # a Chinese file name, percent-encoded in the URL, becomes readable
    ("http://127.0.0.1/files/%E7%BB%9F%E8%AE%A1%E5%85%AC%E6%8A%A5.pdf", "application/pdf", False,
     "collected/127.0.0.1/files/统计公报.pdf"),
])
def test_make_raw_path(url, content_type, is_list, expected):
    assert make_raw_path(url, content_type, is_list) == expected


def test_save_body_never_overwrites_other_bytes(tmp_path):
    first = save_body(tmp_path, "collected/h/a.html", b"<p>2023</p>")
    assert save_body(tmp_path, "collected/h/a.html", b"<p>2023</p>") == first  # same bytes: same file
    second = save_body(tmp_path, "collected/h/a.html", b"<p>2024</p>")
    assert second.startswith("collected/h/a~") and second.endswith(".html")
    assert (tmp_path / first).read_bytes() == b"<p>2023</p>" and (tmp_path / second).read_bytes() == b"<p>2024</p>"
    assert not list(tmp_path.rglob(".collect-*"))


@pytest.mark.parametrize("page, url, expected", [
    # the real list fixture: relative links resolved, javascript:, mailto: and the page itself dropped
    ((COLLECT / "list.html").read_bytes(), "http://127.0.0.1/zwgk/list.html",
     ["http://127.0.0.1/", "http://127.0.0.1/zwgk/", "http://127.0.0.1/gwr/2024/liaoyang.html",
      "http://127.0.0.1/old/tjgb/yichun-2022.html", "http://127.0.0.1/files/liaoning-gwr-2026-excerpt.pdf",
      "http://127.0.0.1/xwfb/000.txt", "http://127.0.0.1/xwfb/missing.html", "http://127.0.0.1/private/draft.html",
      "http://127.0.0.1/slow/tjgb.html", "http://127.0.0.1/files/chart.png", "http://127.0.0.1/sitemap.html"]),
    # a GBK list page with <base href> and a fragment
    ('<base href="http://127.0.0.1/tjgb/"><a href="2023.html#top">辽宁省2023年统计公报</a>'.encode("gbk"),
     "http://127.0.0.1/other/", ["http://127.0.0.1/tjgb/2023.html"]),
])
def test_extract_links(page, url, expected):
    assert [link.url for link in extract_links(page, url)] == expected


def test_follow_selects_links_by_text_or_url():
    links = extract_links((COLLECT / "list.html").read_bytes(), "http://127.0.0.1/zwgk/list.html")
    source = Source("http://127.0.0.1/zwgk/list.html", follow=FOLLOW)
    chosen = [link.text for link in links if source.matches(link.text, link.url)]
    assert "网站地图" not in chosen and "首页" not in chosen
    assert "2024年辽阳市政府工作报告" in chosen  # the title attribute repeats the text: kept once
    assert "附件：2026年辽宁省政府工作报告（摘要）.pdf" in chosen
    assert [link.url for link in links if Source("x", follow=r"\.pdf$").matches(link.text, link.url)] == \
        ["http://127.0.0.1/files/liaoning-gwr-2026-excerpt.pdf"]  # a pattern on the URL


@pytest.mark.parametrize("answer, path, allowed", [
    (RobotsAnswer(200, "User-agent: *\nDisallow: /private/\n"), "/private/draft.html", False),
    (RobotsAnswer(200, "User-agent: *\nDisallow: /private/\n"), "/gwr/2024/liaoyang.html", True),
    # rules for this collector by name win over the rules for everyone
    (RobotsAnswer(200, "User-agent: liaoning-revitalization-workbench\nDisallow: /\n\nUser-agent: *\nAllow: /\n"),
     "/gwr/2024/liaoyang.html", False),
    (RobotsAnswer(404), "/private/draft.html", True),  # no robots.txt: everything allowed
    (RobotsAnswer(503), "/gwr/2024/liaoyang.html", False),  # a server error: nothing, this run
    (RobotsAnswer(None, "time-out"), "/gwr/2024/liaoyang.html", False),  # no answer: nothing, this run
])
def test_robots_rules(answer, path, allowed):
    assert parse_robots(answer).can_fetch(Settings().user_agent, "http://127.0.0.1" + path) is allowed


@pytest.mark.parametrize("fetched, reason", [
    (Fetched("u", "u", 404, "text/html", attempts=1), "HTTP 404 Not Found"),
    (Fetched("u", "u", 503, "text/html", attempts=4), "HTTP 503 Service Unavailable after 4 tries"),
    (Fetched("u", "u", None, error="DNS: host www.example.invalid not found", attempts=1),
     "DNS: host www.example.invalid not found"),
    (Fetched("u", "u", 200, "application/zip", body=b"PK", attempts=1), "not a document (application/zip)"),
    # a PDF served as octet-stream is still a PDF
    (Fetched("u", "u", 200, "application/octet-stream", body=b"%PDF-1.4", attempts=1), ""),
    (Fetched("u", "u", 304, attempts=1), ""),
])
def test_describe_failure(fetched, reason):
    assert describe_failure(fetched, Settings()) == reason


@pytest.mark.parametrize("header, expected", [
    ("text/html; charset=GBK", ("text/html", "gbk")),
    ("text/html;charset=\"utf-8\"", ("text/html", "utf-8")),
    ("application/pdf", ("application/pdf", "")),
])
def test_parse_content_type(header, expected):
    assert parse_content_type(header) == expected


@pytest.mark.parametrize("text, problem", [
    ("url,place\nhttps://www.ln.gov.cn/,辽宁省\n", None),
    ("place\n辽宁省\n", "no 'url' column"),
    ("url,published_date\nhttps://www.ln.gov.cn/,2024-1-23\n", "published_date '2024-1-23' is not YYYY-MM-DD"),
    ("url,follow\nhttps://www.ln.gov.cn/,统计公报(\n", "follow '统计公报(' is not a regular expression"),
])
def test_parse_sources(text, problem):
    if problem is None:
        assert parse_sources(text)[0].place == "辽宁省"
    else:
        with pytest.raises(ValueError, match=problem.replace("(", r"\(")):
            parse_sources(text)


def test_an_interrupted_log_row_is_dropped_and_the_next_starts_on_its_own_line(tmp_path):
    path = tmp_path / log.LOG_NAME
    log.append_log_row(path, log.LogRow("http://a/", outcome="fetched", raw_path="collected/a/index.html"))
    with open(path, "a", encoding="utf-8") as file:
        file.write("http://b/,http://b/,200,text/ht")  # a crash in the middle of a row
    log.append_log_row(path, log.LogRow("http://c/", outcome="failed", reason="HTTP 404 Not Found"))
    assert [row.url for row in log.read_log(path)] == ["http://a/", "http://c/"]


def test_update_catalog_reads_a_gbk_catalog_and_writes_utf8(tmp_path):
    # a catalog saved by Excel as GBK had stopped the collector with a UnicodeDecodeError after the page was saved
    path = tmp_path / "catalog.csv"
    path.write_bytes("raw_path,title\n000.txt,辽阳市政府工作报告\n".encode("gbk"))
    log.update_catalog(path, {"raw_path": "collected/h/a.html", "source_url": "http://h/a.html"})
    assert path.read_bytes().startswith("\ufeff".encode())  # Excel opens it as UTF-8 from now on
    assert [(r["raw_path"], r["title"]) for r in read_csv(path)] == [("000.txt", "辽阳市政府工作报告"),
                                                                      ("collected/h/a.html", "")]


def test_update_catalog_keeps_rows_and_what_researchers_wrote(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text("\ufeffraw_path,title,source\n000_c314c07c1d40f028.txt,,辽阳日报\n"
                    "collected/h/a.html,辽阳市政府工作报告（修订）,\n", encoding="utf-8")
    log.update_catalog(path, {"raw_path": "collected/h/a.html", "source_url": "http://h/a.html",
                              "title": "政府工作报告", "place": "辽阳市"})
    log.update_catalog(path, {"raw_path": "collected/h/b.pdf", "source_url": "http://h/b.pdf", "genre": "other"})
    rows = read_csv(path)
    assert path.read_bytes().startswith("\ufeff".encode())  # the researcher's BOM is kept
    assert [r["raw_path"] for r in rows] == ["000_c314c07c1d40f028.txt", "collected/h/a.html", "collected/h/b.pdf"]
    assert rows[0]["source"] == "辽阳日报"
    assert rows[1]["title"] == "辽阳市政府工作报告（修订）" and rows[1]["source_url"] == "http://h/a.html"
    assert rows[1]["place"] == "辽阳市"
