"""Flatten HTML nested deeper than lxml parses (libxml2 stops at 256 levels), keeping all its text.

A page whose content sits inside thousands of nested ``<div>`` gave trafilatura an empty tree, and the
page was quarantined as "without main text". Here the page is re-tokenized with the standard library's
event parser (no tree, so no depth limit) and the tags below ``max_depth`` are dropped: their text stays,
in order, inside the deepest kept element.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import NamedTuple

# Elements without an end tag: they open no level
VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                           "param", "source", "track", "wbr"})
MAX_DEPTH = 100


class Flattened(NamedTuple):
    """The page with its deepest tags dropped, how deep it went, and how many tags were dropped."""

    html: str
    depth: int
    n_dropped: int


def flatten_deep_html(text: str, max_depth: int = MAX_DEPTH) -> Flattened:
    """The page with every tag nested deeper than ``max_depth`` dropped (its text kept).

    >>> flat = flatten_deep_html("<body>" + "<div>" * 5 + "<p>辽阳</p>" + "</div>" * 5 + "</body>", max_depth=3)
    >>> flat.html, flat.depth, flat.n_dropped
    ('<body><div><div>辽阳</div></div></body>', 7, 8)
    """
    parser = _Flattener(max_depth)
    parser.feed(text)
    parser.close()
    return Flattened("".join(parser.out), parser.deepest, parser.dropped)


class _Flattener(HTMLParser):
    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=True)
        self.max_depth = max_depth
        self.depth = self.deepest = self.dropped = 0
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_ELEMENTS:
            self._keep_or_drop(self.depth + 1, self.get_starttag_text())
            return
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)
        self._keep_or_drop(self.depth, self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self._keep_or_drop(self.depth + 1, self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS:
            return
        self._keep_or_drop(self.depth, f"</{tag}>")
        self.depth = max(0, self.depth - 1)

    def handle_data(self, data):
        self.out.append(html.escape(data, quote=False))

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def _keep_or_drop(self, depth: int, markup: str | None) -> None:
        if depth <= self.max_depth:
            self.out.append(markup or "")
        else:
            self.dropped += 1
