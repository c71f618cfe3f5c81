"""Find the links of a list page (the index pages government sites keep of their reports).

In: the page's bytes as fetched, its final URL and declared charset. Out: :class:`Link` records
(absolute http(s) URL and link text), in page order, each URL once. The bytes are decoded here only
to read the links; the saved page is never touched.
"""

from __future__ import annotations

import html.parser
import logging
import re
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

logger = logging.getLogger(__name__)

# "\r\n\t\t辽宁省2023年国民经济和\r\n  社会发展统计公报 " -> one line of text
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Link:
    """One link of a page: where it goes and what it says."""

    url: str
    text: str


class _LinkParser(html.parser.HTMLParser):
    """Collects ``<a href>`` with their text, and ``<base href>``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.base = ""
        self.links: list[tuple[str, list[str], str]] = []  # href, pieces of text, title attribute
        self._open: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "base" and values.get("href") and not self.base:
            self.base = values["href"].strip()
        elif tag == "a" and values.get("href"):
            self._open = []
            # list pages often cut the text short ("辽宁省2023年…") and keep the whole title here
            self.links.append((values["href"].strip(), self._open, (values.get("title") or "").strip()))
        elif tag == "a":
            self._open = None

    def handle_endtag(self, tag):
        if tag == "a":
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)


def decode_page(body: bytes, declared_charset: str) -> str:
    """The page as text, to read its links: UTF-8 when the bytes are valid UTF-8 (GBK text almost
    never is, and sites do declare the wrong charset), else the declared charset, else GB18030.

    >>> decode_page("统计公报".encode("gbk"), "gb2312")
    '统计公报'
    >>> decode_page("统计公报".encode("utf-8"), "gbk")  # a page that declares the wrong charset
    '统计公报'
    """
    declared = declared_charset.lower().replace("-", "")
    if declared in ("gb2312", "gbk", "gb18030"):
        declared = "gb18030"  # what these labels mean in practice (browsers do the same)
    for encoding in ("utf-8", *([declared] if declared else []), "gb18030"):
        try:
            return body.decode(encoding)
        except (LookupError, UnicodeDecodeError):  # an unknown label or the wrong guess: try the next
            continue
    return body.decode("utf-8", "replace")


def extract_links(body: bytes, page_url: str, declared_charset: str = "") -> list[Link]:
    """The http(s) links of an HTML page, absolute, without fragments, each URL once.

    >>> page = '<a href="./202402/t20240201_1.html" title="辽宁省2023年统计公报">辽宁省2023年…</a>'
    >>> extract_links(page.encode("utf-8"), "https://tjj.ln.gov.cn/tjj/tjxx/tjgb/")
    [Link(url='https://tjj.ln.gov.cn/tjj/tjxx/tjgb/202402/t20240201_1.html', text='辽宁省2023年… 辽宁省2023年统计公报')]
    """
    parser = _LinkParser()
    parser.feed(decode_page(body, declared_charset))
    parser.close()
    base = urljoin(page_url, parser.base) if parser.base else page_url
    links, seen = [], set()
    for href, parts, title in parser.links:
        url = urldefrag(urljoin(base, href)).url
        if urlsplit(url).scheme not in ("http", "https") or url in seen or url == page_url:
            continue
        seen.add(url)
        text = WHITESPACE.sub(" ", "".join(parts)).strip()
        if title and title not in text:
            text = f"{text} {title}".strip()
        links.append(Link(url, text))
    return links
