"""Fetch one URL politely: a delay per host, retries with back-off, redirects checked against
robots.txt, conditional requests, and a plain reason when it fails.

In: a URL (with the ETag and Last-Modified of a previous fetch, if any). Out: a :class:`Fetched`
holding the body exactly as the server sent it (after undoing only the transfer's Content-Encoding;
the charset is recorded, never applied) or the reason there is none. Nothing here writes files.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

import httpx

from helpers.collect.robots import RobotsAnswer
from helpers.collect.settings import Settings

logger = logging.getLogger(__name__)

# '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />', '<meta charset="utf-8">'
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# "text/html; charset=GBK", "text/html;charset=utf-8", "application/pdf"
CHARSET_PARAMETER = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
# what getaddrinfo says when a host name does not resolve (glibc, macOS, Windows)
DNS_FAILURE = re.compile(r"Name or service not known|nodename nor servname|getaddrinfo failed|"
                         r"Temporary failure in name resolution|No address associated|Name does not resolve")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Fetched:
    """One URL's answer after redirects and retries.

    ``status`` is the last HTTP status (None when no response came: ``error`` says why);
    ``content_type`` the media type without parameters; ``declared_charset`` what the header, or else
    the page's ``<meta>``, declares ("" when nothing does); ``disallowed`` a redirect target that
    robots.txt forbids (the redirect was not followed).
    """

    url: str
    final_url: str
    status: int | None
    content_type: str = ""
    declared_charset: str = ""
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""
    attempts: int = 0
    error: str = ""
    disallowed: str = ""


def parse_content_type(header: str) -> tuple[str, str]:
    """The media type and the charset parameter of a Content-Type header.

    >>> parse_content_type("text/html; charset=GBK")
    ('text/html', 'gbk')
    >>> parse_content_type("")
    ('', '')
    """
    media_type = header.split(";", 1)[0].strip().lower()
    match = CHARSET_PARAMETER.search(header)
    return media_type, match.group(1).lower() if match else ""


def find_declared_charset(body: bytes, header_charset: str, media_type: str) -> str:
    """The charset the server declares, else the one the HTML page declares in its head.

    >>> find_declared_charset(b'<html><head><meta charset="gb2312">', "", "text/html")
    'gb2312'
    """
    if header_charset or "html" not in media_type:
        return header_charset
    match = META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii").lower() if match else ""


def describe_error(error: Exception, url: str) -> str:
    """A reason a researcher reads in the summary for a request that got no response.

    >>> describe_error(httpx.ConnectError("[Errno -2] Name or service not known"), "http://x.gov.cn/")
    'DNS: host x.gov.cn not found'
    """
    if isinstance(error, TooLarge):
        return str(error)
    if isinstance(error, httpx.TimeoutException):
        return "time-out"
    if isinstance(error, httpx.ConnectError) and DNS_FAILURE.search(str(error)):
        return f"DNS: host {urlsplit(url).hostname} not found"
    if isinstance(error, httpx.ConnectError):
        return f"connection failed ({error})"
    return f"{type(error).__name__} ({error})"


class Answer(NamedTuple):
    """One HTTP response and its whole body."""

    response: httpx.Response
    body: bytes


class TooLarge(httpx.HTTPError):
    """A body longer than ``Settings.max_bytes``."""


class Fetcher:
    """One HTTP client for a run; waits ``settings.delay`` between requests to the same host."""

    def __init__(self, settings: Settings, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        self.settings = settings
        self.client = httpx.Client(headers={"User-Agent": settings.user_agent},
                                   timeout=httpx.Timeout(settings.timeout), follow_redirects=False)
        self.crawl_delay: Callable[[str], float | None] = lambda url: None
        self.n_requests = 0
        self._sleep, self._clock = sleep, clock
        self._last_request: dict[str, float] = {}

    def close(self) -> None:
        """Close the connections."""
        self.client.close()

    def read_robots(self, robots_url: str) -> RobotsAnswer:
        """A site's robots.txt (redirects followed, one attempt): what :class:`RobotsRules` reads."""
        for _ in range(self.settings.max_redirects + 1):
            try:
                response, body = self._request(robots_url, {})
            except httpx.HTTPError as error:  # an unreachable site: RFC 9309 says assume disallowed
                return RobotsAnswer(None, describe_error(error, robots_url))
            if response.is_redirect and "location" in response.headers:
                robots_url = urljoin(robots_url, response.headers["location"])
                continue
            return RobotsAnswer(response.status_code, body.decode("utf-8", "replace"))
        return RobotsAnswer(None, "too many redirects")

    def fetch(self, url: str, etag: str = "", last_modified: str = "",
              allows: Callable[[str], bool] = lambda url: True) -> Fetched:
        """GET ``url``, following redirects that ``allows`` permits; see :class:`Fetched`.

        With ``etag`` or ``last_modified`` the request is conditional: an unchanged page comes back
        as status 304 with an empty body.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current, attempts = url, 0
        for _ in range(self.settings.max_redirects + 1):
            answer, tries, error = self._request_with_retries(current, headers)
            attempts += tries
            if answer is None:
                return Fetched(url, current, None, attempts=attempts, error=error)
            response, body = answer
            if response.is_redirect and "location" in response.headers:
                target = urljoin(current, response.headers["location"])
                if not allows(target):
                    return Fetched(url, target, response.status_code, attempts=attempts, disallowed=target)
                current = target
                continue
            media_type, charset = parse_content_type(response.headers.get("content-type", ""))
            return Fetched(url, current, response.status_code, media_type,
                           find_declared_charset(body, charset, media_type), body,
                           response.headers.get("etag", ""), response.headers.get("last-modified", ""),
                           attempts)
        return Fetched(url, current, None, attempts=attempts,
                       error=f"more than {self.settings.max_redirects} redirects")

    def _request_with_retries(self, url: str, headers: dict) -> tuple[Answer | None, int, str]:
        """The last answer (None when none came), the number of tries, and why none came.

        Retried: time-outs, refused or dropped connections, 429 and 5xx (the last such answer is
        returned when the tries run out). Not retried: a host name that does not resolve.
        """
        tries = self.settings.retries + 1
        answer, reason = None, ""
        for attempt in range(tries):
            if attempt:
                self._sleep(self._backoff(attempt, answer))
            try:
                answer = self._request(url, headers)
            except (httpx.TimeoutException, httpx.ConnectError, httpx.RemoteProtocolError) as error:
                # a slow, refusing or overloaded server: worth another try unless the name is unknown
                answer, reason = None, describe_error(error, url)
                if reason.startswith("DNS"):
                    return None, attempt + 1, reason
                continue
            except httpx.HTTPError as error:  # an invalid URL, a body over the size limit: final
                return None, attempt + 1, describe_error(error, url)
            if answer.response.status_code not in RETRY_STATUSES:
                return answer, attempt + 1, ""
        if answer is not None:
            return answer, tries, ""
        if reason == "time-out":
            reason = f"time-out ({self.settings.timeout:g} s)"
        return None, tries, f"{reason} after {tries} tries"

    def _backoff(self, attempt: int, answer: Answer | None) -> float:
        """Seconds to wait before try ``attempt + 1``: doubling, or the server's Retry-After."""
        wait = self.settings.backoff * 2 ** (attempt - 1)
        retry_after = answer.response.headers.get("retry-after", "") if answer is not None else ""
        if retry_after.strip().isdigit():
            wait = max(wait, float(retry_after))
        return min(wait, self.settings.max_backoff)

    def _request(self, url: str, headers: dict) -> Answer:
        """One GET, after waiting until this host's delay has passed since its last request."""
        host = urlsplit(url).netloc
        delay = max(self.settings.delay, self.crawl_delay(url) or 0.0)
        last = self._last_request.get(host)
        if last is not None:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)
        self.n_requests += 1
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                chunks, size = [], 0
                for chunk in response.iter_bytes():  # Content-Encoding undone; the charset untouched
                    size += len(chunk)
                    if size > self.settings.max_bytes:
                        raise TooLarge(f"larger than {self.settings.max_bytes:,} bytes")
                    chunks.append(chunk)
        finally:
            self._last_request[host] = self._clock()
        return Answer(response, b"".join(chunks))
