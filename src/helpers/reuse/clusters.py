"""Group reused passages into clusters and documents into repost groups (union-find).

In: the passage pairs found by :mod:`helpers.reuse.detect` and the documents' lengths, dates and
paragraph keys. Out: a cluster number for every pair (pairs that share a span of a document, or the
same exact paragraph, are one passage travelling), and a repost group for every document with the
member the analyses count.

The counting rule for a repost group: the earliest published member counts; among members of the
same date (or all undated) the longest; then the smallest ``doc_id``. Undated members come last.
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

import numpy as np

# Share of both documents that passages shared between them must cover for a near-duplicate
DUPLICATE_COVERAGE = 0.9
# Two spans of one document are one passage when they overlap by this share of the shorter one
SPAN_OVERLAP = 0.5


class DuplicateGroups(NamedTuple):
    """Per document (in the order given): group number, members in the group, counted, how found."""

    group: list[int]
    n_members: list[int]
    counted: list[bool]
    match: list[str]


class UnionFind:
    """Disjoint sets over 0..n-1 with path halving."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)

    def labels(self) -> list[int]:
        """A label per element, numbered 0, 1, … in order of each set's first element."""
        roots, numbers = [self.find(x) for x in range(len(self.parent))], {}
        return [numbers.setdefault(root, len(numbers)) for root in roots]


class SparseUnionFind(UnionFind):
    """The same over any integers, holding only those united (a few of millions of paragraphs).

    >>> sets = SparseUnionFind()
    >>> sets.union(7, 3); sets.union(9, 7); sets.union(20, 21)
    >>> sets.groups()
    [[3, 7, 9], [20, 21]]
    """

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        return super().find(x)

    def groups(self) -> list[list[int]]:
        """The sets, each in ascending order, in the order of their smallest members."""
        found: dict[int, list[int]] = {}
        for x in sorted(self.parent):
            found.setdefault(self.find(x), []).append(x)
        return list(found.values())


def build_passage_clusters(doc_a: np.ndarray, start_a: np.ndarray, end_a: np.ndarray, doc_b: np.ndarray,
                           start_b: np.ndarray, end_b: np.ndarray, exact_key: np.ndarray) -> np.ndarray:
    """A cluster number for every passage pair: the same exact paragraph, or overlapping spans.

    >>> import numpy as np
    >>> a = lambda *v: np.array(v)
    >>> build_passage_clusters(a(0, 0, 1), a(0, 500, 10), a(100, 600, 90), a(1, 2, 3), a(0, 0, 5),
    ...                        a(100, 100, 95), a(-1, -1, -1)).tolist()
    [0, 1, 0]
    """
    n = len(doc_a)
    sets = UnionFind(n)
    keyed = np.flatnonzero(exact_key >= 0)
    order = keyed[np.argsort(exact_key[keyed], kind="stable")]
    for x, y in zip(order[:-1].tolist(), order[1:].tolist()):
        if exact_key[x] == exact_key[y]:
            sets.union(x, y)
    docs = np.r_[doc_a, doc_b]
    starts, ends = np.r_[start_a, start_b], np.r_[end_a, end_b]
    rows = np.r_[np.arange(n), np.arange(n)]
    order = np.lexsort((starts, docs))
    current_doc, current_end, current_start, current_row = -1, -1, -1, -1
    for doc, start, end, row in zip(docs[order].tolist(), starts[order].tolist(), ends[order].tolist(),
                                    rows[order].tolist()):
        if doc == current_doc and start < current_end:
            overlap = min(end, current_end) - start
            if overlap >= SPAN_OVERLAP * min(end - start, current_end - current_start):
                sets.union(row, current_row)
            if end <= current_end:
                continue
        current_doc, current_start, current_end, current_row = doc, start, end, row
    return np.array(sets.labels(), dtype=np.int64)


def key_document(paragraph_keys: list[int], text: str) -> str:
    """What two reposts share: the set of their paragraphs (order, headings and short lines aside),
    or the stripped text for a document without paragraphs."""
    if paragraph_keys:
        data = np.array(sorted(set(paragraph_keys)), dtype=np.int64).tobytes()
    else:
        data = "".join(text.split()).encode("utf-8")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def build_duplicate_groups(document_keys: list[str], n_chars: list[int], order_rank: list[int],
                           pair_a: np.ndarray, pair_b: np.ndarray, covered_a: np.ndarray,
                           covered_b: np.ndarray, coverage: float = DUPLICATE_COVERAGE) -> DuplicateGroups:
    """Repost groups: documents with the same paragraphs, or whose shared passages cover
    ``coverage`` of both; the counted member by the module's rule (``order_rank``: 0 = earliest).

    >>> g = build_duplicate_groups(["x", "y", "x"], [100, 90, 100], [0, 1, 2], np.array([0]),
    ...                            np.array([1]), np.array([50]), np.array([50]))
    >>> g.group, g.n_members, g.counted, g.match
    ([0, 1, 0], [2, 1, 2], [True, True, False], ['same paragraphs', '', 'same paragraphs'])
    """
    n = len(document_keys)
    sets = UnionFind(n)
    match = [""] * n
    first: dict[str, int] = {}
    for index, key in enumerate(document_keys):
        other = first.setdefault(key, index)
        if other != index:
            sets.union(index, other)
            match[index] = match[other] = "same paragraphs"
    chars = np.asarray(n_chars, dtype=np.float64)
    near = (covered_a >= coverage * chars[pair_a]) & (covered_b >= coverage * chars[pair_b])
    for a, b in zip(pair_a[near].tolist(), pair_b[near].tolist()):
        if sets.find(a) != sets.find(b):
            sets.union(a, b)
            match[a] = match[a] or "aligned passages"
            match[b] = match[b] or "aligned passages"
    labels = sets.labels()
    members = np.bincount(np.asarray(labels, dtype=np.int64), minlength=1) if n else np.zeros(0, np.int64)
    best: dict[int, int] = {}
    for index, label in enumerate(labels):
        # order_rank sorts by date (undated last), then longer first, then doc_id
        if label not in best or order_rank[index] < order_rank[best[label]]:
            best[label] = index
    counted = [best[label] == index for index, label in enumerate(labels)]
    return DuplicateGroups(labels, [int(members[label]) for label in labels], counted, match)
