"""Index the corpus's character n-grams and pick the document pairs worth aligning.

In: each document's n-gram hashes (:func:`helpers.reuse.ngrams.hash_ngrams`), with the positions
to leave out. Out: every document's rare n-grams (in at least two documents, at most ``max_df``,
as passim drops the frequent ones) with their first position, and the candidate pairs of documents
that share at least ``min_shared`` of them. Pairs are counted from the postings of the rare
n-grams, never by comparing all pairs: the work grows with the postings, at most ``max_df`` ** 2
per n-gram.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from helpers.reuse.ngrams import NGRAM

# passim's default: an n-gram in more documents than this is boilerplate, not evidence of a copy
MAX_DF = 100
# Shared rare 5-grams a pair needs to be aligned: a copied clause of about 15 characters
MIN_SHARED = 10
# The postings are sorted in this many slices of the hash space: the sort's arrays (about 40 bytes a
# posting) are held for one slice at a time, not for the corpus (73 -> 17 bytes a character of text
# at the pass's peak, on text that repeats little)
SLICES = 16


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


def select_rare_ngrams(documents: list[DocumentNgrams], max_df: int = MAX_DF,
                       min_shared: int = MIN_SHARED, slices: int = SLICES) -> tuple[list[DocumentNgrams], CandidatePairs]:
    """Each document's n-grams found in 2 to ``max_df`` documents, and the pairs sharing enough.

    The postings are sorted one slice of the hash space at a time (each document's hashes are
    sorted, so its part of a slice is one contiguous run); the pairs of each rare n-gram's documents
    are counted in rounds (the k-th round pairs each posting with the k-th after it) and summed over
    the slices. The result does not depend on ``slices``.

    >>> from helpers.reuse.ngrams import hash_ngrams
    >>> docs = [index_document(hash_ngrams(t)) for t in ("甲乙丙丁戊己庚辛", "甲乙丙丁戊己庚辛壬", "子丑寅卯辰巳午")]
    >>> rare, pairs = select_rare_ngrams(docs, min_shared=2, slices=3)
    >>> [d.hashes.size for d in rare], pairs.a.tolist(), pairs.b.tolist(), pairs.shared.tolist()
    ([4, 4, 0], [0], [1], [4])
    """
    sizes = np.array([d.hashes.size for d in documents], dtype=np.int64)
    empty = np.empty(0, dtype=np.int64)
    if sizes.sum() == 0:
        return ([DocumentNgrams(np.empty(0, np.uint64), empty) for _ in documents],
                CandidatePairs(empty, empty, empty))
    cuts = np.array([(2 ** 64 // slices) * k for k in range(1, slices)], dtype=np.uint64)
    bounds = np.array([np.r_[0, np.searchsorted(d.hashes, cuts), d.hashes.size] for d in documents], dtype=np.int64)
    keeps = [np.zeros(size, dtype=bool) for size in sizes.tolist()]
    pair_keys, pair_counts = [], []
    for k in range(slices):
        low, high = bounds[:, k], bounds[:, k + 1]
        lengths = high - low
        holders = np.flatnonzero(lengths).tolist()
        if not holders:
            continue
        hashes = np.concatenate([documents[i].hashes[low[i]:high[i]] for i in holders])
        owners = np.repeat(np.asarray(holders, dtype=np.int64), lengths[holders])
        order = np.argsort(hashes, kind="stable")  # stable: a hash's documents stay in index order
        sorted_hashes, sorted_owners = hashes[order], owners[order]
        del hashes, owners
        starts = np.flatnonzero(np.r_[True, sorted_hashes[1:] != sorted_hashes[:-1]])
        df = np.diff(np.r_[starts, sorted_hashes.size])
        del sorted_hashes
        rare_group = (df >= 2) & (df <= max_df)
        # each posting's rarity, back in the documents' order
        keep = np.empty(order.size, dtype=bool)
        keep[order] = np.repeat(rare_group, df)
        del order
        offset = 0
        for i in holders:
            keeps[i][low[i]:high[i]] = keep[offset:offset + lengths[i]]
            offset += lengths[i]
        keys, counts = _count_pairs(sorted_owners, starts[rare_group], df[rare_group], len(documents))
        pair_keys.append(keys)
        pair_counts.append(counts)
    rare = [DocumentNgrams(d.hashes[mask], d.positions[mask]) for d, mask in zip(documents, keeps)]
    if not pair_keys:
        return rare, CandidatePairs(empty, empty, empty)
    unique, inverse = np.unique(np.concatenate(pair_keys), return_inverse=True)
    shared = np.bincount(inverse, weights=np.concatenate(pair_counts)).astype(np.int64)
    chosen = shared >= min_shared
    unique, shared = unique[chosen], shared[chosen]
    n_documents = len(documents)
    return rare, CandidatePairs(unique // n_documents, unique % n_documents, shared)


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
    unique, inverse = np.unique(np.concatenate(keys_all), return_inverse=True)
    return unique, np.bincount(inverse, weights=np.concatenate(counts_all)).astype(np.int64)


def match_seeds(a: DocumentNgrams, b: DocumentNgrams) -> tuple[np.ndarray, np.ndarray]:
    """Positions in ``a`` and in ``b`` of the n-grams both documents hold, in ``a``'s order."""
    _, in_a, in_b = np.intersect1d(a.hashes, b.hashes, assume_unique=True, return_indices=True)
    pa, pb = a.positions[in_a], b.positions[in_b]
    order = np.argsort(pa, kind="stable")
    return pa[order], pb[order]
