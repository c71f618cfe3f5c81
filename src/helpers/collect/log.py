"""Keep the record of a collection: the append-only collection log and the catalog rows.

``collected/collection_log.csv`` gets one row per fetch attempt (a URL asked for, or skipped by
robots.txt), appended with one write and flushed to disk before the next fetch, so an interrupted run
loses at most the fetch in progress. ``catalog.csv`` gets a row per saved document (``raw_path``,
``source_url``, ``place``, ``genre``, ``title``, ``published_date``), so the build can cite where
each document came from; rows already there, and values a researcher filled in, are kept.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from helpers.atomic import make_temporary_file

# helpers.build skips files of this name when it lists the documents
LOG_NAME = "collection_log.csv"
CATALOG_NAME = "catalog.csv"
CATALOG_COLUMNS = ("raw_path", "source_url", "place", "genre", "title", "published_date")
# outcomes of one row; the summary counts them
FETCHED, UNCHANGED, ROBOTS, FAILED = "fetched", "unchanged", "robots", "failed"


@dataclass(frozen=True)
class LogRow:
    """One fetch attempt.

    ``outcome``: ``fetched`` (new bytes saved), ``unchanged`` (304, or the same bytes as saved
    before), ``robots`` (robots.txt disallows it: not requested) or ``failed`` (``reason`` says why).
    ``found_on``: the list page whose link led here ("" for a row of SOURCES.csv).
    """

    url: str
    final_url: str = ""
    status: str = ""
    content_type: str = ""
    declared_charset: str = ""
    fetched_at: str = ""
    sha256: str = ""
    found_on: str = ""
    outcome: str = ""
    reason: str = ""
    raw_path: str = ""
    n_bytes: str = ""
    etag: str = ""
    last_modified: str = ""
    link_text: str = ""
    attempts: str = ""


LOG_COLUMNS = tuple(f.name for f in fields(LogRow))


def append_log_row(log_path: str | Path, row: LogRow) -> None:
    """Append one row (and the header to a new file) with a single write, flushed to disk.

    A row cut short by a crash is ended first, so the next row starts on its own line (the reader
    drops the cut one).
    """
    log_path = Path(log_path)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    size = log_path.stat().st_size if log_path.exists() else 0
    if size == 0:
        writer.writerow(LOG_COLUMNS)
    elif not _ends_with_newline(log_path):
        buffer.write("\n")
    writer.writerow(["" if v is None else str(v) for v in asdict(row).values()])
    with open(log_path, "a", encoding="utf-8", newline="") as file:
        file.write(buffer.getvalue())
        file.flush()
        os.fsync(file.fileno())


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as file:
        file.seek(-1, os.SEEK_END)
        return file.read(1) == b"\n"


def read_log(log_path: str | Path) -> list[LogRow]:
    """Every complete row of the collection log, oldest first; [] when there is none."""
    log_path = Path(log_path)
    if not log_path.is_file():
        return []
    rows = []
    for values in csv.DictReader(io.StringIO(log_path.read_text(encoding="utf-8"))):
        if values.get("outcome") in (FETCHED, UNCHANGED, ROBOTS, FAILED) and values.get("url"):
            rows.append(LogRow(**{name: values.get(name) or "" for name in LOG_COLUMNS}))
    return rows


def summarize_collected(rows: list[LogRow]) -> dict[str, LogRow]:
    """The latest saved copy of each URL: {url: row with its raw_path, sha256 and validators}.

    An ``unchanged`` answer keeps the copy saved before, with the validators it came with.

    >>> rows = [LogRow("http://a/", outcome="fetched", raw_path="collected/a/index.html", etag='"1"'),
    ...         LogRow("http://a/", outcome="unchanged", status="304", etag='"2"'),
    ...         LogRow("http://b/", outcome="failed", reason="HTTP 404 Not Found")]
    >>> collected = summarize_collected(rows)
    >>> sorted(collected), collected["http://a/"].raw_path, collected["http://a/"].etag
    (['http://a/'], 'collected/a/index.html', '"2"')
    """
    collected: dict[str, LogRow] = {}
    for row in rows:
        if row.outcome == FETCHED and row.raw_path:
            collected[row.url] = row
        elif row.outcome == UNCHANGED and row.url in collected:
            before = collected[row.url]
            collected[row.url] = LogRow(**{**asdict(before), "etag": row.etag or before.etag,
                                           "last_modified": row.last_modified or before.last_modified})
    return collected


def update_catalog(catalog_path: str | Path, row: dict[str, str]) -> None:
    """Add or complete the catalog row of ``row["raw_path"]``, keeping every other row and column.

    Values already in the catalog win over the collector's (a researcher may have corrected a
    title); the file is rewritten through a temporary file, so it is never half written. A catalog saved by Excel
    as GBK is read as the build reads it and written back as UTF-8 with a BOM (which Excel opens as UTF-8).
    """
    from helpers.build.catalog import decode_catalog

    catalog_path = Path(catalog_path)
    rows, columns, bom = [], list(CATALOG_COLUMNS), ""
    if catalog_path.is_file():
        data = catalog_path.read_bytes()
        text, warning = decode_catalog(data)
        bom = "\ufeff" if data.startswith(b"\xef\xbb\xbf") or warning else ""
        reader = csv.DictReader(io.StringIO(text))
        columns = list(reader.fieldnames or []) + [c for c in CATALOG_COLUMNS if c not in (reader.fieldnames or [])]
        rows = list(reader)
    for existing in rows:
        if (existing.get("raw_path") or "").strip() == row["raw_path"]:
            for column, value in row.items():
                if value and not (existing.get(column) or "").strip():
                    existing[column] = value
            break
    else:
        rows.append(dict(row))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    catalog_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = make_temporary_file(catalog_path.parent, ".catalog-", ".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(bom + buffer.getvalue())
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, catalog_path)
    except BaseException:  # never leave a temporary file in data/raw
        Path(temporary).unlink(missing_ok=True)
        raise
