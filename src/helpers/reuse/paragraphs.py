"""Group the paragraphs that several documents hold the same or nearly the same: reuse's first pass.

In: each document's paragraphs (:func:`helpers.reuse.ngrams.split_paragraphs`) and texts, the
documents in date order. Out: one :class:`ParagraphCopy` per group and copying document (the copy
paired with the group's first paragraph, its source), and per document the spans of its copies,
which the n-gram index then leaves out.

Identical paragraphs share a key. Nearly identical ones (a character changed, a clause added) are
found by MinHash: each distinct paragraph gets ``NUM_HASHES`` minimum hashes of its 5-grams, in
bands of two; paragraphs that agree on a whole band are candidates (a paragraph with one character
changed in 100 has about 0.9 of its 5-grams in common and meets its original in at least one of four
bands 999 times in 1,000), grouped with union-find, and a paragraph joins its group's source only if
its Indel similarity to it is at least ``NEAR_SIMILARITY``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from helpers.reuse.clusters import SparseUnionFind
from helpers.reuse.ngrams import NGRAM, ParagraphTable, hash_ngrams

NUM_HASHES = 8
ROWS_PER_BAND = 2
NEAR_SIMILARITY = 0.8
_SALTS = np.array([0x9E3779B97F4A7C15 * (k + 1) % 2**64 for k in range(NUM_HASHES)], dtype=np.uint64)
_MIX = np.uint64(0xBF58476D1CE4E5B9)


class ParagraphCopy(NamedTuple):
    """A paragraph of ``copy_doc`` that repeats paragraph ``source_index`` of ``source_doc``."""

    group: int
    source_doc: int
    source_index: int
    copy_doc: int
    copy_index: int
    similarity: float


def match_paragraphs(texts: Sequence[str], paragraphs: ParagraphTable) -> tuple[list[ParagraphCopy], dict]:
    """The paragraph copies of the corpus and, per document, the spans to leave out of the index."""
    n_rows = paragraphs.keys.size
    if not n_rows:
        return [], {}
    docs = np.repeat(np.arange(paragraphs.offsets.size - 1), np.diff(paragraphs.offsets))
    # identical paragraphs: groups numbered in the order of their first holder
    _, first, inverse = np.unique(paragraphs.keys, return_index=True, return_inverse=True)
    by_first = np.argsort(first, kind="stable")
    number_of = np.empty(by_first.size, np.int64)
    number_of[by_first] = np.arange(by_first.size)
    group = number_of[inverse.reshape(-1)]
    first_rows = np.sort(first)  # each group's first row, in group order
    group, similarity = _merge_near_duplicates(texts, paragraphs, docs, group, first_rows)
    members = np.lexsort((np.arange(n_rows), group))  # each group's rows together, its source first
    sizes = np.bincount(group, minlength=first_rows.size)
    copies: list[ParagraphCopy] = []
    masked: dict[int, list] = {}
    ends_of_group = np.cumsum(sizes)
    for label in np.flatnonzero(sizes >= 2).tolist():
        rows = members[ends_of_group[label] - sizes[label]:ends_of_group[label]].tolist()
        source = rows[0]
        source_doc, source_index = int(docs[source]), source - int(paragraphs.offsets[docs[source]])
        seen = {source_doc}
        for row in rows[1:]:
            number = int(docs[row])
            masked.setdefault(number, []).append((int(paragraphs.starts[row]), int(paragraphs.ends[row])))
            if number not in seen:  # one row per group and document
                seen.add(number)
                copies.append(ParagraphCopy(label, source_doc, source_index, number,
                                            row - int(paragraphs.offsets[number]), float(similarity[row])))
    return copies, masked


def _merge_near_duplicates(texts, paragraphs: ParagraphTable, docs: np.ndarray, group: np.ndarray,
                           first_rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's group once distinct paragraphs that nearly repeat an earlier one are merged into its
    group, and its similarity to the group's source (1.0 for an identical paragraph)."""
    from rapidfuzz.distance import Indel

    signatures = _sign_paragraphs(texts, paragraphs, docs, first_rows)
    sets = SparseUnionFind()
    for band in range(NUM_HASHES // ROWS_PER_BAND):
        columns = signatures[:, band * ROWS_PER_BAND:(band + 1) * ROWS_PER_BAND]
        keys = columns[:, 0] * _MIX + columns[:, 1]
        order = np.argsort(keys, kind="stable")
        same = np.flatnonzero(keys[order][1:] == keys[order][:-1])
        for x, y in zip(order[same].tolist(), order[same + 1].tolist()):
            sets.union(x, y)
    merged_into, score = np.arange(first_rows.size), np.ones(first_rows.size)
    for groups in sets.groups():  # the first of a set is its source: groups are numbered by first holder
        source = _text(texts, paragraphs, docs, int(first_rows[groups[0]]))
        for other in groups[1:]:
            similar = Indel.normalized_similarity(source, _text(texts, paragraphs, docs, int(first_rows[other])))
            if similar >= NEAR_SIMILARITY:
                merged_into[other], score[other] = groups[0], similar
    return merged_into[group], score[group]


def _text(texts, paragraphs: ParagraphTable, docs: np.ndarray, row: int) -> str:
    return texts[int(docs[row])][int(paragraphs.starts[row]):int(paragraphs.ends[row])]


def _sign_paragraphs(texts, paragraphs: ParagraphTable, docs: np.ndarray, chosen: np.ndarray,
                     n: int = NGRAM) -> np.ndarray:
    """``NUM_HASHES`` minimum hashes of the 5-grams of each chosen paragraph (rows in document order)."""
    signatures = np.zeros((chosen.size, NUM_HASHES), dtype=np.uint64)
    chosen_docs = docs[chosen]
    bounds = np.flatnonzero(np.r_[True, chosen_docs[1:] != chosen_docs[:-1], True])
    for first, last in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        rows = np.arange(first, last)
        hashes = hash_ngrams(texts[int(chosen_docs[first])], n)
        starts = paragraphs.starts[chosen[first:last]]
        ends = paragraphs.ends[chosen[first:last]] - n + 1
        lengths = np.maximum(ends - starts, 1)  # a paragraph has 20+ characters: at least 16 windows
        offsets = np.r_[0, np.cumsum(lengths)[:-1]]
        positions = np.repeat(starts - offsets, lengths) + np.arange(lengths.sum())
        values = hashes[np.minimum(positions, hashes.size - 1)]
        for k, salt in enumerate(_SALTS):
            mixed = (values ^ salt) * _MIX
            mixed ^= mixed >> np.uint64(29)
            signatures[rows, k] = np.minimum.reduceat(mixed, offsets)
    return signatures
