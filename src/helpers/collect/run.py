"""Run a collection: every row of SOURCES.csv (and the matching links of its list pages) fetched
once, saved, logged and counted, with a progress bar and a summary at the end.

In: :class:`~helpers.collect.sources.Source` rows and a raw folder. Out: files under
``<raw>/collected/``, rows appended to ``<raw>/collected/collection_log.csv`` and ``<raw>/catalog.csv``,
and a :class:`CollectSummary`. A second run asks only for what is new or failed (and, with a
conditional request, for list pages); an interrupted run carries on where it stopped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import http
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from helpers.paths import RAW_DIR
from helpers.collect import log
from helpers.collect.fetch import Fetched, Fetcher
from helpers.collect.links import extract_links
from helpers.collect.robots import RobotsRules
from helpers.collect.settings import Settings
from helpers.collect.sources import Source, read_sources
from helpers.collect.store import COLLECTED_DIR, make_raw_path, save_body

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Target:
    """A URL to collect: a row of SOURCES.csv, or a link found on its list page."""

    url: str
    source: Source
    found_on: str = ""
    link_text: str = ""

    @property
    def is_list(self) -> bool:
        """A list page: its links are followed, and it is kept apart from the documents."""
        return bool(self.source.follow) and not self.found_on


@dataclass
class CollectSummary:
    """What a run did; ``failed`` and ``skipped`` hold (url, reason) pairs."""

    n_fetched: int = 0
    n_unchanged: int = 0
    n_collected_before: int = 0
    n_requests: int = 0
    seconds: float = 0.0
    skipped: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    interrupted: bool = False
    stopped_after: int | None = None
    unfinished: int = 0


def collect(sources: list[Source], raw_dir: str | Path = RAW_DIR, settings: Settings = Settings(),
            progress: bool = True, on_row: Callable[[log.LogRow], None] | None = None) -> CollectSummary:
    """Collect every source into ``raw_dir``; see the module docstring.

    ``on_row`` is called with each row once it is in the log (tests stop a run from it).
    A KeyboardInterrupt ends the run with what is saved and logged so far, ``interrupted`` set.
    """
    started = time.perf_counter()
    raw_dir = Path(raw_dir)
    log_path = raw_dir / COLLECTED_DIR / log.LOG_NAME
    collected = log.summarize_collected(log.read_log(log_path))
    summary = CollectSummary()
    fetcher = Fetcher(settings)
    robots = RobotsRules(settings.user_agent, fetcher.read_robots)
    fetcher.crawl_delay = robots.crawl_delay
    queue = deque(Target(source.url, source) for source in sources)
    seen = {source.url for source in sources}
    bar = None
    if progress:  # tqdm is imported only to be shown
        from tqdm.auto import tqdm

        bar = tqdm(total=len(queue), unit="page", desc="collect")
    try:
        while queue:
            if settings.stop_after is not None and fetcher.n_requests >= settings.stop_after:
                summary.stopped_after = settings.stop_after
                break
            target = queue.popleft()
            row, body = collect_one(target, raw_dir, fetcher, robots, collected, settings)
            if row is not None:
                log.append_log_row(log_path, row)
                count_row(summary, row)
                if on_row:
                    on_row(row)
            else:
                summary.n_collected_before += 1
            if target.is_list and body:
                found = [t for t in find_targets(target, body, row) if t.url not in seen]
                seen.update(t.url for t in found)
                queue.extend(found)
                if bar is not None:
                    bar.total += len(found)
            if bar is not None:
                bar.update(1)
    except KeyboardInterrupt:  # the user stopped the run: what is saved is logged; say so and return
        summary.interrupted = True
    finally:
        if bar is not None:
            bar.close()
        fetcher.close()
    summary.unfinished = len(queue) + (1 if summary.interrupted else 0)
    summary.n_requests = fetcher.n_requests
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def collect_one(target: Target, raw_dir: Path, fetcher: Fetcher, robots: RobotsRules,
                collected: dict[str, log.LogRow], settings: Settings) -> tuple[log.LogRow | None, bytes]:
    """Fetch and save one URL: its log row (None when it was collected before and not asked again)
    and the body to read links from (a list page's saved copy when the server says unchanged)."""
    before = collected.get(target.url)
    if before is not None and not target.is_list and not settings.refresh:
        return None, b""
    common = dict(url=target.url, found_on=target.found_on, link_text=target.link_text,
                  fetched_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    if not robots.allows(target.url):
        return log.LogRow(**common, outcome=log.ROBOTS, reason=robots.why_not(target.url)), b""
    fetched = fetcher.fetch(target.url, before.etag if before else "", before.last_modified if before else "",
                            allows=robots.allows)
    common.update(final_url=fetched.final_url, status=str(fetched.status or ""), attempts=str(fetched.attempts),
                  content_type=fetched.content_type, declared_charset=fetched.declared_charset,
                  etag=fetched.etag, last_modified=fetched.last_modified)
    if fetched.disallowed:
        return log.LogRow(**common, outcome=log.ROBOTS,
                          reason=f"redirected to {fetched.disallowed}: {robots.why_not(fetched.disallowed)}"), b""
    problem = describe_failure(fetched, settings)
    if problem:
        return log.LogRow(**common, outcome=log.FAILED, reason=problem), b""
    if fetched.status == 304 and before is not None:
        saved = (raw_dir / before.raw_path).read_bytes() if (raw_dir / before.raw_path).is_file() else b""
        return log.LogRow(**{**common, "content_type": before.content_type,
                             "declared_charset": before.declared_charset}, outcome=log.UNCHANGED,
                          reason="not modified (304)", raw_path=before.raw_path, sha256=before.sha256,
                          n_bytes=before.n_bytes), saved
    sha = hashlib.sha256(fetched.body).hexdigest()
    common.update(sha256=sha, n_bytes=str(len(fetched.body)))
    if before is not None and before.sha256 == sha:
        return log.LogRow(**common, outcome=log.UNCHANGED, reason="same bytes as before",
                          raw_path=before.raw_path), fetched.body
    raw_path = save_body(raw_dir, make_raw_path(fetched.final_url, fetched.content_type, target.is_list),
                         fetched.body)
    if not target.is_list:
        source = target.source
        log.update_catalog(raw_dir / log.CATALOG_NAME, {
            "raw_path": raw_path, "source_url": fetched.final_url, "place": source.place,
            "genre": source.genre, "title": "" if target.found_on else source.title,
            "published_date": "" if target.found_on else source.published_date})
    return log.LogRow(**common, outcome=log.FETCHED, raw_path=raw_path), fetched.body


def describe_failure(fetched: Fetched, settings: Settings) -> str:
    """Why a fetch gave no document ("" when it gave one, or a 304).

    >>> describe_failure(Fetched("http://a/x.html", "http://a/x.html", 404, attempts=1), Settings())
    'HTTP 404 Not Found'
    >>> describe_failure(Fetched("http://a/x.png", "http://a/x.png", 200, "image/png", attempts=1), Settings())
    'not a document (image/png)'
    """
    if fetched.error:
        return fetched.error
    status = fetched.status or 0
    if status == 304:
        return ""
    if not 200 <= status < 300:
        try:
            phrase = http.HTTPStatus(status).phrase
        except ValueError:  # a status code outside the standard list
            phrase = ""
        tries = f" after {fetched.attempts} tries" if fetched.attempts > 1 else ""
        return f"HTTP {status} {phrase}".strip() + tries
    is_pdf = fetched.body.startswith(b"%PDF-")
    if fetched.content_type not in settings.document_types and not is_pdf:
        return f"not a document ({fetched.content_type or 'no content type'})"
    if not fetched.body:
        return "empty body"
    return ""


def find_targets(target: Target, body: bytes, row: log.LogRow | None) -> list[Target]:
    """The links of a list page that its ``follow`` pattern selects, as targets."""
    if row is None or "html" not in row.content_type:
        return []
    links = extract_links(body, row.final_url or target.url, row.declared_charset)
    return [Target(link.url, target.source, found_on=target.url, link_text=link.text)
            for link in links if target.source.matches(link.text, link.url)]


def count_row(summary: CollectSummary, row: log.LogRow) -> None:
    """Add one log row to the summary."""
    if row.outcome == log.FETCHED:
        summary.n_fetched += 1
    elif row.outcome == log.UNCHANGED:
        summary.n_unchanged += 1
    elif row.outcome == log.ROBOTS:
        summary.skipped.append((row.url, row.reason))
    else:
        summary.failed.append((row.url, row.reason))


def format_summary(summary: CollectSummary, raw_dir: str | Path) -> str:
    """The summary a researcher reads at the end of a run.

    >>> print(format_summary(CollectSummary(n_fetched=2, n_requests=3, seconds=1.5,
    ...                                     failed=[("http://a/x", "HTTP 404 Not Found")]), "data/raw"))
    2 fetched, 0 unchanged, 0 collected before (not asked again), 0 skipped by robots.txt, 1 failed; 3 requests in 1.5 s
      failed: http://a/x: HTTP 404 Not Found
    files in data/raw/collected/, every fetch in data/raw/collected/collection_log.csv, documents in data/raw/catalog.csv
    """
    lines = [f"{summary.n_fetched} fetched, {summary.n_unchanged} unchanged, {summary.n_collected_before} "
             f"collected before (not asked again), {len(summary.skipped)} skipped by robots.txt, "
             f"{len(summary.failed)} failed; {summary.n_requests} requests in {summary.seconds:g} s"]
    lines += [f"  failed: {url}: {reason}" for url, reason in summary.failed]
    lines += [f"  skipped: {url}: {reason}" for url, reason in summary.skipped]
    if summary.interrupted or summary.stopped_after is not None:
        why = "interrupted" if summary.interrupted else f"stopped after {summary.stopped_after} requests"
        lines.append(f"{why}, {summary.unfinished} URLs left: run the same command again to carry on")
    raw = Path(raw_dir).as_posix()
    lines.append(f"files in {raw}/{COLLECTED_DIR}/, every fetch in {raw}/{COLLECTED_DIR}/{log.LOG_NAME}, "
                 f"documents in {raw}/{log.CATALOG_NAME}")
    return "\n".join(lines)


def run_command(args) -> int:
    """``python -m helpers collect``: 0 when the run finished (failures are in the summary), 130 when
    interrupted, 2 when SOURCES.csv is wrong."""
    try:
        sources = read_sources(args.sources)
    except (OSError, ValueError) as error:  # a missing file or a bad row: the message names it
        print(error)
        return 2
    settings = Settings(**{name: value for name, value in (
        ("delay", args.delay), ("timeout", args.timeout), ("retries", args.retries),
        ("user_agent", args.user_agent), ("stop_after", args.limit)) if value is not None},
        refresh=args.refresh)
    summary = collect(sources, args.raw, settings, progress=not args.quiet)
    print(format_summary(summary, args.raw))
    return 130 if summary.interrupted else 0
