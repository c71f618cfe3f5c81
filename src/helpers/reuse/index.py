"""Index the corpus's character n-grams and pick the document pairs worth aligning.

In: each document's n-gram hashes (:func:`helpers.reuse.ngrams.hash_ngrams`), with the positions
to leave out. Out: the candidate pairs of documents that share at least ``min_shared`` rare n-grams
(in at least two documents, at most ``max_df``, as passim drops the frequent ones), and the frequent
hashes, so that a pair's shared rare n-grams are found again from its two texts when it is aligned.
Pairs are counted from the postings of the rare n-grams, never by comparing all pairs: the work grows
with the postings, at most ``max_df`` ** 2 per n-gram. The postings go to disk (:class:`PostingSpool`)
and are sorted a slice of the hash space at a time, so the pass's memory holds one slice, not the
corpus's index (12 bytes a character of text that repeats little).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import NamedTuple

import numpy as np

from helpers.reuse.ngrams import NGRAM

# passim's default: an n-gram in more documents than this is boilerplate, not evidence of a copy
MAX_DF = 100
# Shared rare 5-grams a pair needs to be aligned: a copied clause of about 15 characters
MIN_SHARED = 10
# The postings are spooled to disk and sorted one slice of the hash space at a time, in at least this many
# slices and in more when a slice would hold more than SLICE_POSTINGS: the sort's arrays (about 40 bytes a
# posting) are held for one slice, not for the corpus
SLICES = 16
SLICE_POSTINGS = 4_000_000
# Postings (12 bytes each) held before they are appended to the slices' files; pair counts summed so far
BUFFERED_POSTINGS = 4_000_000


class DocumentNgrams(NamedTuple):
    """A document's distinct n-gram hashes (sorted) and the first position of each."""

    hashes: np.ndarray
    positions: np.ndarray


class CandidatePairs(NamedTuple):
    """Document pairs (indexes, ``a < b``) and how many rare n-grams each pair shares."""

    a: np.ndarray
    b: np.ndarray
    shared: np.ndarray


def index_document(hashes: np.ndarray, masked: list[tuple[int, int]] = (), n: int = NGRAM) -> DocumentNgrams:
    """The distinct hashes of a document, leaving out every window that touches a masked span.

    >>> from helpers.reuse.ngrams import hash_ngrams
    >>> index_document(hash_ngrams("项目为王，带土移植")).hashes.size
    5
    >>> index_document(hash_ngrams("项目为王，带土移植"), [(0, 4)]).positions.tolist()
    [4]
    """
    keep = np.ones(hashes.size, dtype=bool)
    for start, end in masked:
        keep[max(0, start - n + 1):end] = False
    where = np.flatnonzero(keep)
    unique, first = np.unique(hashes[where], return_index=True)
    positions = where[first]
    # half the bytes for any text shorter than 2**31 characters
    return DocumentNgrams(unique, positions.astype(np.int32) if hashes.size < 2 ** 31 else positions)


class PostingSpool:
    """Every document's distinct n-gram hashes, spooled to disk one slice of the hash space to a file,
    so that the corpus's postings are never all in memory; documents are numbered in the order added.

    Postings wait in memory until ``BUFFERED_POSTINGS`` of them are held, then are appended to their
    slices' files in a temporary folder of ``directory`` (deleted by :meth:`close`)."""

    def __init__(self, directory: str | Path, slices: int = SLICES):
        self.slices = slices
        self.cuts = np.array([(2 ** 64 // slices) * k for k in range(1, slices)], dtype=np.uint64)
        self.folder = Path(tempfile.mkdtemp(prefix=".reuse-postings-", suffix=".tmp", dir=directory))
        self.n_documents = 0
        self._waiting: list[list[tuple[np.ndarray, int]]] = [[] for _ in range(slices)]
        self._n_waiting = 0

    def add(self, hashes: np.ndarray) -> None:
        """The next document's distinct hashes, sorted (:func:`index_document`)."""
        bounds = np.r_[0, np.searchsorted(hashes, self.cuts), hashes.size]
        for k in np.flatnonzero(np.diff(bounds)).tolist():
            self._waiting[k].append((hashes[bounds[k]:bounds[k + 1]], self.n_documents))
        self.n_documents += 1
        self._n_waiting += hashes.size
        if self._n_waiting >= BUFFERED_POSTINGS:
            self._flush()

    def _flush(self) -> None:
        for k, parts in enumerate(self._waiting):
            if parts:
                with open(self.folder / f"{k}.hashes", "ab") as hashes, open(self.folder / f"{k}.owners", "ab") as owners:
                    for part, owner in parts:
                        hashes.write(part.tobytes())
                        owners.write(np.full(part.size, owner, dtype=np.int32).tobytes())
                parts.clear()
        self._n_waiting = 0

    def read(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The hashes of slice ``k`` and their documents (in the order added)."""
        self._flush()
        path = self.folder / f"{k}.hashes"
        if not path.exists():
            return np.empty(0, np.uint64), np.empty(0, np.int64)
        return np.fromfile(path, dtype=np.uint64), np.fromfile(self.folder / f"{k}.owners", dtype=np.int32).astype(np.int64)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> PostingSpool:
        return self

    def __exit__(self, *_) -> None:
        self.close()


def count_slices(n_postings: int) -> int:
    """How many slices keep a slice's sort near ``SLICE_POSTINGS`` postings (at least ``SLICES``)."""
    return max(SLICES, -(-int(n_postings) // SLICE_POSTINGS))


def find_candidate_pairs(spool: PostingSpool, max_df: int = MAX_DF,
                         min_shared: int = MIN_SHARED) -> tuple[CandidatePairs, np.ndarray]:
    """The pairs of documents sharing at least ``min_shared`` n-grams that 2 to ``max_df`` documents hold,
    and the frequent hashes (held by more than ``max_df`` documents), sorted.

    Each slice is sorted on its own; the pairs of each rare n-gram's documents are counted in rounds
    (the k-th round pairs each posting with the k-th after it) and summed over the slices. The result
    does not depend on the number of slices.

    >>> import tempfile
    >>> from helpers.reuse.ngrams import hash_ngrams
    >>> with tempfile.TemporaryDirectory() as folder, PostingSpool(folder, slices=3) as spool:
    ...     for text in ("甲乙丙丁戊己庚辛", "甲乙丙丁戊己庚辛壬", "子丑寅卯辰巳午"):
    ...         spool.add(index_document(hash_ngrams(text)).hashes)
    ...     pairs, frequent = find_candidate_pairs(spool, min_shared=2)
    >>> pairs.a.tolist(), pairs.b.tolist(), pairs.shared.tolist(), frequent.size
    ([0], [1], [4], 0)
    """
    n_documents = max(spool.n_documents, 1)
    pair_keys, pair_counts, frequent = [], [], []
    n_waiting = 0
    for k in range(spool.slices):
        hashes, owners = spool.read(k)
        if not hashes.size:
            continue
        order = np.argsort(hashes, kind="stable")  # stable: a hash's documents stay in the order added
        sorted_hashes, sorted_owners = hashes[order], owners[order]
        del hashes, owners, order
        starts = np.flatnonzero(np.r_[True, sorted_hashes[1:] != sorted_hashes[:-1]])
        df = np.diff(np.r_[starts, sorted_hashes.size])
        frequent.append(sorted_hashes[starts[df > max_df]])
        del sorted_hashes
        rare_group = (df >= 2) & (df <= max_df)
        keys, counts = _count_pairs(sorted_owners, starts[rare_group], df[rare_group], n_documents)
        pair_keys.append(keys)
        pair_counts.append(counts)
        n_waiting += keys.size
        if n_waiting >= max(BUFFERED_POSTINGS, 2 * pair_keys[0].size) and len(pair_keys) > 1:
            keys, counts = _sum_counts(pair_keys, pair_counts)  # what the slices so far found, summed once
            pair_keys, pair_counts, n_waiting = [keys], [counts], keys.size
    frequent_hashes = np.sort(np.concatenate(frequent)) if frequent else np.empty(0, np.uint64)
    empty = np.empty(0, dtype=np.int64)
    if not pair_keys:
        return CandidatePairs(empty, empty, empty), frequent_hashes
    unique, shared = _sum_counts(pair_keys, pair_counts)
    chosen = shared >= min_shared
    unique, shared = unique[chosen], shared[chosen]
    return CandidatePairs(unique // n_documents, unique % n_documents, shared), frequent_hashes


def _sum_counts(keys: list[np.ndarray], counts: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(distinct keys, summed counts) of several (keys, counts) arrays."""
    unique, inverse = np.unique(np.concatenate(keys), return_inverse=True)
    return unique, np.bincount(inverse, weights=np.concatenate(counts)).astype(np.int64)


def drop_frequent(document: DocumentNgrams, frequent: np.ndarray) -> DocumentNgrams:
    """A document's n-grams without the ``frequent`` ones (sorted): what it can share with another
    document as evidence of a copy.

    >>> from helpers.reuse.ngrams import hash_ngrams
    >>> document = index_document(hash_ngrams("项目为王,带土移植"))
    >>> drop_frequent(document, np.sort(document.hashes[:2])).hashes.size
    3
    """
    if not frequent.size or not document.hashes.size:
        return document
    at = np.minimum(np.searchsorted(frequent, document.hashes), frequent.size - 1)
    keep = frequent[at] != document.hashes
    return DocumentNgrams(document.hashes[keep], document.positions[keep])


def _count_pairs(owners: np.ndarray, starts: np.ndarray, sizes: np.ndarray, n_documents: int) -> tuple[np.ndarray, np.ndarray]:
    """(pair key a * n_documents + b, rare n-grams both hold) of every pair of documents sharing one
    (``owners`` sorted by hash; ``starts`` and ``sizes`` the rare n-grams' runs)."""
    keys_all, counts_all = [], []
    for k in range(1, int(sizes.max(initial=1))):
        groups = sizes > k
        if not groups.any():
            break
        first, size = starts[groups], sizes[groups]
        # postings i of each group with a k-th successor inside the group
        lengths = size - k
        index = np.repeat(first - np.r_[0, np.cumsum(lengths)[:-1]], lengths) + np.arange(lengths.sum())
        keys = owners[index] * n_documents + owners[index + k]
        unique, count = np.unique(keys, return_counts=True)
        keys_all.append(unique)
        counts_all.append(count)
    if not keys_all:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return _sum_counts(keys_all, counts_all)


def match_seeds(a: DocumentNgrams, b: DocumentNgrams) -> tuple[np.ndarray, np.ndarray]:
    """Positions in ``a`` and in ``b`` of the n-grams both documents hold, in ``a``'s order."""
    _, in_a, in_b = np.intersect1d(a.hashes, b.hashes, assume_unique=True, return_indices=True)
    pa, pb = a.positions[in_a], b.positions[in_b]
    order = np.argsort(pa, kind="stable")
    return pa[order], pb[order]
