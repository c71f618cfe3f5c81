"""Hold every setting of the collector a researcher may change, with its default, in one place."""

from __future__ import annotations

from dataclasses import dataclass

# Names the project and says what it does, so a site's administrator knows whom the requests are from.
USER_AGENT = ("liaoning-revitalization-workbench/0.1 (research collector of public government "
              "documents; one request at a time; obeys robots.txt)")
# The content types kept as documents: what the build reads (.html, .txt, .pdf). Anything else
# (images, archives, office files) is "not a document" and its bytes are not saved.
DOCUMENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/pdf")


@dataclass(frozen=True)
class Settings:
    """How the collector fetches; the defaults are polite for a government web site.

    ``delay``: seconds between two requests to the same host (robots.txt's Crawl-delay wins when
    longer). ``timeout``: seconds to wait for a connection or for the next bytes of a response.
    ``retries``: further attempts after a time-out, a refused connection, 429 or 5xx, waiting
    ``backoff`` seconds, then twice as long each time (at most ``max_backoff``; a Retry-After header
    is obeyed up to that bound). ``refresh``: also ask again for documents collected before, with a
    conditional request (list pages are always asked again, to find new links). ``stop_after``: end
    the run after this many requests (a trial run; the next run carries on).
    """

    user_agent: str = USER_AGENT
    delay: float = 2.0
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 5.0
    max_backoff: float = 120.0
    max_redirects: int = 5
    max_bytes: int = 100_000_000
    document_types: tuple[str, ...] = DOCUMENT_TYPES
    refresh: bool = False
    stop_after: int | None = None
