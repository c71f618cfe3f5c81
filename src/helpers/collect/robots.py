"""Decide from a site's robots.txt whether the collector may fetch a URL, and how long to wait.

The rules are read once per site (scheme and host) through a function the caller gives, so this
module knows nothing about HTTP clients. What a robots.txt answer means follows RFC 9309: a missing
file (4xx) allows everything; a server error or no answer at all (5xx, time-out) forbids everything
for this run, since the site may be down or overloaded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RobotsAnswer:
    """What fetching ``/robots.txt`` gave: an HTTP status (None when there was no response) and text."""

    status: int | None
    text: str = ""


def parse_robots(answer: RobotsAnswer) -> RobotFileParser:
    """The rules of one site from its robots.txt answer.

    >>> rules = parse_robots(RobotsAnswer(200, "User-agent: *\\nDisallow: /admin/\\n"))
    >>> rules.can_fetch("liaoning-revitalization-workbench/0.1", "http://www.ln.gov.cn/admin/x.html")
    False
    >>> parse_robots(RobotsAnswer(404)).can_fetch("any", "http://www.ln.gov.cn/admin/x.html")
    True
    """
    rules = RobotFileParser()
    if answer.status is not None and 200 <= answer.status < 300:
        rules.parse(answer.text.splitlines())
    elif answer.status is not None and 400 <= answer.status < 500:
        rules.allow_all = True
    else:
        rules.disallow_all = True
    return rules


def origin_of(url: str) -> str:
    """The site a URL belongs to, as robots.txt is kept per site.

    >>> origin_of("https://www.ln.gov.cn/web/zwgkx/zfgzbg/index.shtml?page=2")
    'https://www.ln.gov.cn'
    """
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class RobotsRules:
    """robots.txt rules of every site met in a run, each read once with ``read(robots_url)``."""

    def __init__(self, user_agent: str, read: Callable[[str], RobotsAnswer]):
        self.user_agent = user_agent
        self._read = read
        self._rules: dict[str, RobotFileParser] = {}
        self._unreachable: dict[str, str] = {}

    def rules_for(self, url: str) -> RobotFileParser:
        """The parsed robots.txt of the URL's site (read on first use)."""
        origin = origin_of(url)
        if origin not in self._rules:
            answer = self._read(f"{origin}/robots.txt")
            if answer.status is None or answer.status >= 500:
                self._unreachable[origin] = f"robots.txt of {origin} could not be read ({answer.text or answer.status})"
                logger.warning(self._unreachable[origin])
            self._rules[origin] = parse_robots(answer)
        return self._rules[origin]

    def allows(self, url: str) -> bool:
        """Whether robots.txt lets this collector fetch the URL."""
        return self.rules_for(url).can_fetch(self.user_agent, url)

    def why_not(self, url: str) -> str:
        """The reason a disallowed URL is skipped, for the summary."""
        origin = origin_of(url)
        return self._unreachable.get(origin, f"robots.txt of {origin} disallows it")

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay the site asks of this collector, if any (None before its robots.txt is read:
        asking for robots.txt itself must not read it)."""
        rules = self._rules.get(origin_of(url))
        delay = rules.crawl_delay(self.user_agent) if rules is not None else None
        return float(delay) if delay is not None else None
