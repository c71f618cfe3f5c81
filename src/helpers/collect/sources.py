"""Read a SOURCES.csv (``url`` and optional ``place``, ``genre``, ``title``, ``published_date``,
``follow``) into :class:`Source` rows, or raise a ValueError that names the offending lines."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

COLUMNS = ("url", "place", "genre", "title", "published_date", "follow")


@dataclass(frozen=True)
class Source:
    """One row of SOURCES.csv: a page to fetch and what is known about it.

    ``follow`` is a regular expression: the page is a list page, and its links whose text or URL
    matches are fetched too (one level deep), with this row's place and genre.
    """

    url: str
    place: str = ""
    genre: str = ""
    title: str = ""
    published_date: str = ""
    follow: str = ""

    def matches(self, text: str, url: str) -> bool:
        """Whether a link of this list page is to be fetched.

        >>> Source("http://tjj.ln.gov.cn/", follow="统计公报").matches("辽宁省2023年国民经济和社会发展统计公报", "/a.html")
        True
        """
        pattern = re.compile(self.follow)
        return bool(pattern.search(text) or pattern.search(url))


def read_sources(path: str | Path) -> list[Source]:
    """The rows of a SOURCES.csv file (UTF-8, with or without BOM), duplicates of a URL dropped.

    Raises:
        ValueError: naming every line with a missing or non-HTTP URL, a date that is not
            YYYY-MM-DD, or a ``follow`` pattern that is not a regular expression.
    """
    text = Path(path).read_bytes().decode("utf-8-sig")
    return parse_sources(text, str(path))


def parse_sources(text: str, name: str = "SOURCES.csv") -> list[Source]:
    """Rows of a SOURCES.csv text; see :func:`read_sources`.

    >>> parse_sources("url,place,genre\\nhttps://www.ln.gov.cn/,辽宁省,government_work_report\\n")[0].place
    '辽宁省'
    """
    reader = csv.DictReader(io.StringIO(text))
    if "url" not in (reader.fieldnames or []):
        raise ValueError(f"{name}: no 'url' column (columns: {', '.join(reader.fieldnames or [])})")
    sources, problems, seen = [], [], set()
    for line, row in enumerate(reader, start=2):
        values = {column: (row.get(column) or "").strip() for column in COLUMNS}
        problem = check_row(values)
        if problem:
            problems.append(f"line {line}: {problem}")
        elif values["url"] not in seen:
            seen.add(values["url"])
            sources.append(Source(**values))
    if problems:
        raise ValueError(f"{name}: " + "; ".join(problems))
    return sources


def check_row(values: dict[str, str]) -> str | None:
    """What is wrong with one row, or None.

    >>> check_row({"url": "www.ln.gov.cn", "published_date": "", "follow": ""})
    "url 'www.ln.gov.cn' is not an http(s) address"
    >>> check_row({"url": "https://www.ln.gov.cn/", "published_date": "2024-1-23", "follow": ""})
    "published_date '2024-1-23' is not YYYY-MM-DD"
    """
    parts = urlsplit(values["url"])
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"url '{values['url']}' is not an http(s) address"
    if values["published_date"]:
        try:
            dt.date.fromisoformat(values["published_date"])
        except ValueError:  # the build would quarantine the document for this date: say it now
            return f"published_date '{values['published_date']}' is not YYYY-MM-DD"
        if len(values["published_date"]) != 10:
            return f"published_date '{values['published_date']}' is not YYYY-MM-DD"
    if values["follow"]:
        try:
            re.compile(values["follow"])
        except re.error as error:  # a researcher's pattern: report it with the line
            return f"follow '{values['follow']}' is not a regular expression ({error})"
    return None
