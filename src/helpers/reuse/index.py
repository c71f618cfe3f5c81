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
    return DocumentNgrams(unique, where[first])


def select_rare_ngrams(documents: list[DocumentNgrams], max_df: int = MAX_DF,
                       min_shared: int = MIN_SHARED) -> tuple[list[DocumentNgrams], CandidatePairs]:
    """Each document's n-grams found in 2 to ``max_df`` documents, and the pairs sharing enough.

    The postings are one sort of all documents' distinct hashes; the pairs of each rare n-gram's
    documents are counted in rounds (the k-th round pairs each posting with the k-th after it).
    """
    sizes = np.array([d.hashes.size for d in documents], dtype=np.int64)
    if sizes.sum() == 0:
        empty = np.empty(0, dtype=np.int64)
        return ([DocumentNgrams(np.empty(0, np.uint64), empty) for _ in documents],
                CandidatePairs(empty, empty, empty))
    hashes = np.concatenate([d.hashes for d in documents])
    owners = np.repeat(np.arange(len(documents), dtype=np.int64), sizes)
    order = np.argsort(hashes, kind="stable")  # stable: a hash's documents stay in index order
    sorted_hashes, sorted_owners = hashes[order], owners[order]
    del hashes
    starts = np.flatnonzero(np.r_[True, sorted_hashes[1:] != sorted_hashes[:-1]])
    df = np.diff(np.r_[starts, sorted_hashes.size])
    del sorted_hashes
    rare_group = (df >= 2) & (df <= max_df)
    # each posting's document frequency, back in the documents' order
    element_rare = np.repeat(rare_group, df)
    keep = np.empty_like(element_rare)
    keep[order] = element_rare
    del order
    rare, offset = [], 0
    for document, size in zip(documents, sizes):
        mask = keep[offset:offset + size]
        rare.append(DocumentNgrams(document.hashes[mask], document.positions[mask]))
        offset += size
    pairs = _count_pairs(sorted_owners, starts[rare_group], df[rare_group], len(documents), min_shared)
    return rare, pairs


def _count_pairs(owners: np.ndarray, starts: np.ndarray, sizes: np.ndarray, n_documents: int,
                 min_shared: int) -> CandidatePairs:
    """Count, for every pair of documents, the rare n-grams both hold (``owners`` sorted by hash)."""
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
        empty = np.empty(0, dtype=np.int64)
        return CandidatePairs(empty, empty, empty)
    keys = np.concatenate(keys_all)
    unique, inverse = np.unique(keys, return_inverse=True)
    shared = np.bincount(inverse, weights=np.concatenate(counts_all)).astype(np.int64)
    chosen = shared >= min_shared
    unique, shared = unique[chosen], shared[chosen]
    return CandidatePairs(unique // n_documents, unique % n_documents, shared)


def match_seeds(a: DocumentNgrams, b: DocumentNgrams) -> tuple[np.ndarray, np.ndarray]:
    """Positions in ``a`` and in ``b`` of the n-grams both documents hold, in ``a``'s order."""
    _, in_a, in_b = np.intersect1d(a.hashes, b.hashes, assume_unique=True, return_indices=True)
    pa, pb = a.positions[in_a], b.positions[in_b]
    order = np.argsort(pa, kind="stable")
    return pa[order], pb[order]
