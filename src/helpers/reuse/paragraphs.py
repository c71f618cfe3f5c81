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

from helpers.reuse.clusters import UnionFind
from helpers.reuse.ngrams import NGRAM, Paragraph, hash_ngrams

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


def match_paragraphs(texts: Sequence[str], paragraphs: list[list[Paragraph]]) -> tuple[list[ParagraphCopy], dict]:
    """The paragraph copies of the corpus and, per document, the spans to leave out of the index."""
    first_of_key: dict[int, int] = {}
    holders: list[list[tuple[int, int]]] = []  # per distinct paragraph: (doc, index), in date order
    for number, found in enumerate(paragraphs):
        for index, paragraph in enumerate(found):
            group = first_of_key.setdefault(paragraph.key, len(holders))
            if group == len(holders):
                holders.append([])
            holders[group].append((number, index))
    merged = _merge_near_duplicates(texts, paragraphs, holders)
    copies: list[ParagraphCopy] = []
    masked: dict[int, list] = {}
    for group, members in enumerate(merged):
        if len(members) < 2:
            continue
        source_doc, source_index = members[0][:2]
        seen = {source_doc}
        for number, index, score in members[1:]:
            paragraph = paragraphs[number][index]
            masked.setdefault(number, []).append((paragraph.start, paragraph.end))
            if number not in seen:  # one row per group and document
                seen.add(number)
                copies.append(ParagraphCopy(group, source_doc, source_index, number, index, score))
    return copies, masked


def _merge_near_duplicates(texts, paragraphs, holders) -> list[list[tuple[int, int, float]]]:
    """Groups of (doc, index, similarity to the source): identical paragraphs, and distinct ones
    merged into an earlier one they nearly repeat."""
    from rapidfuzz.distance import Indel

    n = len(holders)
    signatures = _sign_paragraphs(texts, paragraphs, [members[0] for members in holders])
    sets = UnionFind(n)
    for band in range(NUM_HASHES // ROWS_PER_BAND):
        columns = signatures[:, band * ROWS_PER_BAND:(band + 1) * ROWS_PER_BAND]
        keys = columns[:, 0] * _MIX + columns[:, 1]
        order = np.argsort(keys, kind="stable")
        same = np.flatnonzero(keys[order][1:] == keys[order][:-1])
        for x, y in zip(order[same].tolist(), order[same + 1].tolist()):
            sets.union(x, y)
    candidates: dict[int, list[int]] = {}
    for group in range(n):  # groups in order of their first holder: the first of a set is its source
        candidates.setdefault(sets.find(group), []).append(group)
    merged = [[(doc, index, 1.0) for doc, index in members] for members in holders]
    for groups in candidates.values():
        if len(groups) < 2:
            continue
        source_doc, source_index = holders[groups[0]][0]
        source = _text(texts, paragraphs, source_doc, source_index)
        for group in groups[1:]:
            doc, index = holders[group][0]
            score = Indel.normalized_similarity(source, _text(texts, paragraphs, doc, index))
            if score >= NEAR_SIMILARITY:
                merged[groups[0]] += [(d, i, score) for d, i in holders[group]]
                merged[group] = []
    for members in merged:  # the source first, then the copies in date order
        members[1:] = sorted(members[1:])
    return merged


def _text(texts, paragraphs, doc: int, index: int) -> str:
    paragraph = paragraphs[doc][index]
    return texts[doc][paragraph.start:paragraph.end]


def _sign_paragraphs(texts, paragraphs, chosen: list[tuple[int, int]], n: int = NGRAM) -> np.ndarray:
    """``NUM_HASHES`` minimum hashes of the 5-grams of each chosen (doc, paragraph index)."""
    signatures = np.zeros((len(chosen), NUM_HASHES), dtype=np.uint64)
    by_doc: dict[int, list[tuple[int, int]]] = {}
    for row, (doc, index) in enumerate(chosen):
        by_doc.setdefault(doc, []).append((row, index))
    for doc, wanted in by_doc.items():
        hashes = hash_ngrams(texts[doc], n)
        rows = np.array([row for row, _ in wanted])
        starts = np.array([paragraphs[doc][index].start for _, index in wanted], dtype=np.int64)
        ends = np.array([paragraphs[doc][index].end for _, index in wanted], dtype=np.int64) - n + 1
        lengths = np.maximum(ends - starts, 1)  # a paragraph has 20+ characters: at least 16 windows
        offsets = np.r_[0, np.cumsum(lengths)[:-1]]
        positions = np.repeat(starts - offsets, lengths) + np.arange(lengths.sum())
        values = hashes[np.minimum(positions, hashes.size - 1)]
        for k, salt in enumerate(_SALTS):
            mixed = (values ^ salt) * _MIX
            mixed ^= mixed >> np.uint64(29)
            signatures[rows, k] = np.minimum.reduceat(mixed, offsets)
    return signatures
