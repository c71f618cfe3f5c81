"""Align two documents locally around the n-grams they share, so edited copies are found whole.

In: the two texts and the positions of their shared rare n-grams (the seeds). Out: the passages,
each with its offsets in both texts and its similarity. Seeds on nearly the same diagonal and close
together form a piece of exact or lightly edited copy; pieces that follow each other in both texts
with a short gap (a changed word, an inserted sentence) are one passage. The ends are exact matches,
extended character by character; the similarity is rapidfuzz's Indel similarity of the two spans
(2 × matched characters / both lengths), the score of an alignment without substitutions.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from helpers.reuse.ngrams import NGRAM

# Seeds whose diagonals (offset in b minus offset in a) differ by at most this are one piece
BAND = 8
# Characters between two pieces (a sentence inserted or rewritten) that still make one passage
MAX_GAP = 120
# A piece needs this many shared n-grams: one shared phrase (高质量发展) is not a copy
MIN_SEEDS = 3
MIN_CHARS = 20
MIN_SIMILARITY = 0.6


class Passage(NamedTuple):
    """A passage of ``a`` found in ``b``: ``a[start_a:end_a]`` ≈ ``b[start_b:end_b]``."""

    start_a: int
    end_a: int
    start_b: int
    end_b: int
    similarity: float


def align_passages(text_a: str, text_b: str, seeds_a: np.ndarray, seeds_b: np.ndarray,
                   n: int = NGRAM, min_chars: int = MIN_CHARS,
                   min_similarity: float = MIN_SIMILARITY) -> list[Passage]:
    """The passages two texts share, from the positions of their shared n-grams.

    >>> a = "坚持项目为王，全年实施亿元以上项目500个以上，新开工项目300个。"
    >>> b = "今年我们将坚持项目为王，全年实施亿元以上项目600个以上，新开工项目300个。"
    >>> from helpers.reuse.index import index_document, match_seeds
    >>> from helpers.reuse.ngrams import hash_ngrams
    >>> seeds = match_seeds(index_document(hash_ngrams(a)), index_document(hash_ngrams(b)))
    >>> [(a[p.start_a:p.end_a], round(p.similarity, 2)) for p in align_passages(a, b, *seeds)]
    [('坚持项目为王，全年实施亿元以上项目500个以上，新开工项目300个。', 0.97)]
    """
    pieces = _chain_seeds(np.asarray(seeds_a, dtype=np.int64), np.asarray(seeds_b, dtype=np.int64), n)
    from rapidfuzz.distance import Indel

    found = []
    for a0, a1, b0, b1 in _merge_pieces(pieces):
        a0, b0 = _extend_left(text_a, text_b, a0, b0)
        a1, b1 = _extend_right(text_a, text_b, a1, b1)
        a0, a1 = _strip(text_a, a0, a1)
        b0, b1 = _strip(text_b, b0, b1)
        if min(a1 - a0, b1 - b0) < min_chars:
            continue
        similarity = Indel.normalized_similarity(text_a[a0:a1], text_b[b0:b1])
        if similarity >= min_similarity:
            found.append(Passage(a0, a1, b0, b1, float(similarity)))
    return found


def _chain_seeds(pa: np.ndarray, pb: np.ndarray, n: int) -> list[tuple[int, int, int, int]]:
    """Pieces (a0, a1, b0, b1) of seeds close in both texts and on nearly one diagonal."""
    if pa.size == 0:
        return []
    diagonal = pb - pa
    order = np.lexsort((pa, diagonal))
    pa, pb, diagonal = pa[order], pb[order], diagonal[order]
    # a new band where the diagonal jumps; within a band, sorted by position in a
    band = np.cumsum(np.r_[0, np.diff(diagonal) > BAND])
    order = np.lexsort((pa, band))
    pa, pb, band = pa[order], pb[order], band[order]
    new = np.r_[True, (band[1:] != band[:-1]) | (pa[1:] - pa[:-1] > MAX_GAP)]
    piece = np.cumsum(new) - 1
    count = np.bincount(piece)
    a0, a1 = np.minimum.reduceat(pa, np.flatnonzero(new)), np.maximum.reduceat(pa, np.flatnonzero(new))
    b0, b1 = np.minimum.reduceat(pb, np.flatnonzero(new)), np.maximum.reduceat(pb, np.flatnonzero(new))
    keep = count >= MIN_SEEDS
    return sorted(zip(a0[keep].tolist(), (a1[keep] + n).tolist(), b0[keep].tolist(), (b1[keep] + n).tolist()))


def _merge_pieces(pieces: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Join pieces that follow each other in both texts with at most ``MAX_GAP`` between them."""
    merged: list[list[int]] = []
    for a0, a1, b0, b1 in pieces:
        if merged:
            last = merged[-1]
            if a0 - last[1] <= MAX_GAP and -NGRAM <= b0 - last[3] <= MAX_GAP and b1 > last[3]:
                last[1], last[3] = max(last[1], a1), max(last[3], b1)
                continue
            if a1 <= last[1] and last[2] <= b0 and b1 <= last[3]:  # inside the last passage
                continue
        merged.append([a0, a1, b0, b1])
    return [tuple(m) for m in merged]


def _extend_left(text_a: str, text_b: str, a0: int, b0: int) -> tuple[int, int]:
    """Extend over equal characters, never across a line break (nor from one)."""
    if a0 < len(text_a) and text_a[a0] == "\n":
        return a0, b0
    while a0 > 0 and b0 > 0 and text_a[a0 - 1] == text_b[b0 - 1] and text_a[a0 - 1] != "\n":
        a0, b0 = a0 - 1, b0 - 1
    return a0, b0


def _extend_right(text_a: str, text_b: str, a1: int, b1: int) -> tuple[int, int]:
    if a1 > 0 and text_a[a1 - 1] == "\n":
        return a1, b1
    while a1 < len(text_a) and b1 < len(text_b) and text_a[a1] == text_b[b1] and text_a[a1] != "\n":
        a1, b1 = a1 + 1, b1 + 1
    return a1, b1


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without spaces or line breaks at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
