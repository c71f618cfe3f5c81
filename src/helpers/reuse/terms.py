"""Find candidate new terms in the texts and compare term use between groups of documents.

In: cleaned texts (and, for keyness, per-document counts). Out: character sequences that behave as
words but are not yet in ``userdict.txt``, ``themes.yaml`` or jieba's dictionary, ranked by a
statistic with their counts; and keyness of terms in a target group against a reference group
(a place, a year range, a genre), with counts on both sides.

Candidates are found the way new Chinese words usually are: a sequence that occurs often, whose
characters stick together (the lowest pointwise mutual information over its splits: 项目|为王
occurs far more often than 项目 and 为王 would by chance) and whose neighbours vary (left and
right entropy: 项目为王 is preceded by 坚持, 树牢, 实施…, while 目为王 is always preceded by 项).
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from helpers.lexicon import load_stopwords, load_themes, load_userdict

# The CJK Unified Ideographs block: new terms are sequences of these only ("坚持项目为王" of
# "坚持项目为王,全年实施亿元以上项目500个以上"; digits, Latin letters and punctuation end a sequence)
CJK_FIRST, CJK_LAST = 0x4E00, 0x9FFF
MIN_COUNT = 5
MIN_PMI = 3.0
MIN_ENTROPY = 1.0
_BASE = np.uint64(1_000_003)  # of the polynomial hash of a character sequence (modulo 2**64)


class KnownTerms:
    """Terms already known: jieba's dictionary (349,046 words), the user dictionary and every theme
    keyword, which together are the project segmenter's dictionary, so it is asked (``term in
    known``). Building a set of them instead took 0.18 s a report; the segmenter, which
    collocations need anyway, takes 0.13 s once per process.

    >>> known = list_known_terms()
    >>> ("项目" in known, "项目为王" in known, "经营主体" in known)
    (True, True, False)
    """

    def __init__(self) -> None:
        from helpers.themes.segment import load_segmenter

        self._segmenter = load_segmenter()

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self._segmenter.has_word(term)


@lru_cache(maxsize=1)
def list_known_terms() -> KnownTerms:
    """The known terms of :class:`KnownTerms` (one per process)."""
    return KnownTerms()


def rank_new_terms(texts: list[str], min_chars: int = 3, max_chars: int = 6, min_count: int = MIN_COUNT,
                   min_pmi: float = MIN_PMI, min_entropy: float = MIN_ENTROPY,
                   known: Container[str] | None = None, n: int = 50) -> pd.DataFrame:
    """Candidate new terms: term, count, documents, pmi, left and right entropy, and the score
    (pmi × the smaller entropy), highest first. Sequences inside or containing a known term, and
    those starting or ending with a stop word character (的, 和, 在…), are left out.

    Every sequence of 1 to ``max_chars`` + 1 Chinese characters is counted at once with NumPy (a
    hash per position and length, then one sort per length), so a few million characters take
    seconds; only the sequences that pass the thresholds are turned back into text.

    >>> texts = ["坚持项目为王,树牢项目为王理念。", "实施项目为王行动,项目为王见实效。"] * 3
    >>> rank_new_terms(texts, min_count=3, min_pmi=1, min_entropy=0.5, known=frozenset())["term"].tolist()[:1]
    ['项目为王']
    """
    joined = "\n".join(texts)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    chinese = (codes >= CJK_FIRST) & (codes <= CJK_LAST)
    total = int(chinese.sum())
    levels = _count_sequences(codes, chinese, max_chars, min_count)
    stop = {word for word in load_stopwords() if len(word) == 1}
    rows = []
    for size in range(min_chars, max_chars + 1):
        level = levels.get(size)  # none when every text is shorter
        chosen = np.flatnonzero(level.count >= min_count) if level else np.empty(0, np.int64)
        if not chosen.size:
            continue
        count = level.count[chosen].astype(np.float64)
        positions = level.position[chosen]
        window = codes[positions[:, None] + np.arange(size)]
        pmi = np.full(chosen.size, np.inf)
        for split in range(1, size):
            left = _lookup(levels[split], _fold(window[:, :split]))
            right = _lookup(levels[size - split], _fold(window[:, split:]))
            pmi = np.minimum(pmi, np.log(count * total / (left * right)))
        left_entropy = np.log(count) - level.left_sum[chosen] / count
        right_entropy = np.log(count) - level.right_sum[chosen] / count
        keep = (pmi >= min_pmi) & (np.minimum(left_entropy, right_entropy) >= min_entropy)
        if known is None and keep.any():  # the dictionaries are read only when a candidate needs them
            known = list_known_terms()
        for index in np.flatnonzero(keep).tolist():
            start = int(positions[index])
            term = joined[start:start + size]
            if term[0] in stop or term[-1] in stop or _overlaps_known(term, known):
                continue
            rows.append((term, int(count[index]), float(pmi[index]), float(left_entropy[index]),
                         float(right_entropy[index])))
    table = pd.DataFrame(rows, columns=["term", "count", "pmi", "left_entropy", "right_entropy"])
    table["score"] = table["pmi"] * np.minimum(table["left_entropy"], table["right_entropy"])
    table = table.sort_values(["score", "count", "term"], ascending=[False, False, True], ignore_index=True)
    # a candidate inside a better-scored one (目为王 in 项目为王) is the same term cut short
    kept: list[str] = []
    for term in table["term"]:
        if not any(term in better for better in kept):
            kept.append(term)
        if len(kept) >= n:
            break
    table = table[table["term"].isin(kept)].reset_index(drop=True)
    table.insert(2, "documents", [sum(1 for text in texts if term in text) for term in table["term"]])
    return table


class _Level(NamedTuple):
    """The distinct sequences of one length: hashes (sorted), counts, a position of each, and the
    sums of c·ln(c) over the counts of their one-longer extensions on each side (for entropy)."""

    hashes: np.ndarray
    count: np.ndarray
    position: np.ndarray
    left_sum: np.ndarray
    right_sum: np.ndarray


def _count_sequences(codes: np.ndarray, chinese: np.ndarray, max_chars: int, min_count: int) -> dict[int, _Level]:
    """Every run of 1 to ``max_chars`` Chinese characters counted, keeping those seen ``min_count``
    times or more (a candidate's parts are seen at least as often as it is), with the entropy sums
    of their extensions by one character."""
    inside = np.r_[0, np.cumsum(chinese)]
    levels: dict[int, _Level] = {}
    hashes = np.zeros(codes.size, dtype=np.uint64)
    previous = None
    for size in range(1, max_chars + 2):
        width = codes.size - size + 1
        if width <= 0:
            break
        hashes = hashes[:width] * _BASE + codes[size - 1:size - 1 + width]
        where = np.flatnonzero(inside[size:size + width] - inside[:width] == size)
        unique, first, count = np.unique(hashes[where], return_index=True, return_counts=True)
        position = where[first]
        if previous is not None:  # the extensions of the shorter sequences kept
            shorter = levels[size - 1]
            weight = count * np.log(count)
            for sums, key in ((shorter.right_sum, previous[position]), (shorter.left_sum, previous[position + 1])):
                index = np.minimum(np.searchsorted(shorter.hashes, key), max(shorter.hashes.size - 1, 0))
                found = shorter.hashes[index] == key if shorter.hashes.size else np.zeros(key.size, bool)
                sums[:] = np.bincount(index[found], weights=weight[found], minlength=shorter.hashes.size)
        if size <= max_chars:
            frequent = count >= min_count
            levels[size] = _Level(unique[frequent], count[frequent], position[frequent],
                                  np.zeros(int(frequent.sum())), np.zeros(int(frequent.sum())))
            previous = hashes.copy()
    return levels


def _fold(window: np.ndarray) -> np.ndarray:
    """The hash :func:`_count_sequences` gives each row of characters."""
    hashes = np.zeros(window.shape[0], dtype=np.uint64)
    for column in range(window.shape[1]):
        hashes = hashes * _BASE + window[:, column]
    return hashes


def _lookup(level: _Level, hashes: np.ndarray) -> np.ndarray:
    """Counts of sequences (all present: they are parts of counted ones)."""
    return level.count[np.searchsorted(level.hashes, hashes)].astype(np.float64)


def _overlaps_known(gram: str, known: Container[str]) -> bool:
    """True when the sequence is a known term, lies inside one, or contains one of 3+ characters."""
    if gram in known:
        return True
    for size in range(3, len(gram)):
        for i in range(len(gram) - size + 1):
            if gram[i:i + size] in known:
                return True
    return False


def rank_collocations(texts: list[str], min_count: int = MIN_COUNT, known: Container[str] | None = None,
                      n: int = 30) -> pd.DataFrame:
    """Pairs of adjacent words (segmented with the project dictionary) that occur together more
    often than chance: first, second, count, documents, pmi and g2 (Dunning's log-likelihood),
    strongest G² first. Both words have two or more Chinese characters and are not stop words; a
    pair whose joined form is already a known term is left out (招商 引资 is 招商引资).

    >>> texts = ["新增经营主体370万户,经营主体活力迸发。", "支持经营主体发展,服务经营主体。"] * 3
    >>> rank_collocations(texts, min_count=3, known=frozenset())[["first", "second", "count"]].values.tolist()[:1]
    [['经营', '主体', 12]]
    """
    from collections import Counter

    from helpers.themes.segment import load_segmenter

    stop = load_stopwords()
    segmenter = load_segmenter()
    pairs: Counter = Counter()
    documents: Counter = Counter()
    firsts: Counter = Counter()
    seconds: Counter = Counter()
    total = 0
    for text in texts:
        words = segmenter.cut(text)
        seen = set()
        for first, second in zip(words, words[1:]):
            total += 1
            if _is_content_word(first, stop) and _is_content_word(second, stop):
                pairs[first, second] += 1
                seen.add((first, second))
            firsts[first] += 1
            seconds[second] += 1
        documents.update(seen)
    frequent = [(a, b, count) for (a, b), count in pairs.items() if count >= min_count]
    if known is None and frequent:  # the dictionaries are read only when a pair needs them
        known = list_known_terms()
    rows = [(a, b, count, documents[a, b]) for a, b, count in frequent if a + b not in known]
    table = pd.DataFrame(rows, columns=["first", "second", "count", "documents"])
    if table.empty:
        return table.assign(pmi=pd.Series(dtype=float), g2=pd.Series(dtype=float))
    k11 = table["count"].astype("float64")
    k12 = table["first"].map(firsts).astype("float64") - k11
    k21 = table["second"].map(seconds).astype("float64") - k11
    k22 = total - k11 - k12 - k21
    table["pmi"] = np.log(k11 * total / ((k11 + k12) * (k11 + k21)))
    table["g2"] = 2 * sum(_xlogx(observed, (row_total * column_total) / total)
                          for observed, row_total, column_total in (
                              (k11, k11 + k12, k11 + k21), (k12, k11 + k12, k12 + k22),
                              (k21, k21 + k22, k11 + k21), (k22, k21 + k22, k12 + k22)))
    table = table[table["pmi"] > 0]
    return table.sort_values(["g2", "first", "second"], ascending=[False, True, True]).head(n).reset_index(drop=True)


def _is_content_word(word: str, stop: frozenset[str]) -> bool:
    """Two or more Chinese characters and not a stop word."""
    return len(word) >= 2 and word not in stop and all(CJK_FIRST <= ord(c) <= CJK_LAST for c in word)


def score_keyness_between(counts: pd.DataFrame, target: set, reference: set | None = None,
                          min_count: int = 3, n: int = 30) -> pd.DataFrame:
    """Terms over-used in the ``target`` documents against ``reference`` (default: all others).

    ``counts``: doc_id, term, n (``doc_terms``, or :func:`count_terms_by_document`). Out: term,
    count_target, count_reference, per_10k_target, per_10k_reference, g2 (log-likelihood) and
    log_ratio (log2 of the relative rates), strongest G² first.
    """
    reference = set(counts["doc_id"]) - set(target) if reference is None else set(reference)
    inside = counts[counts["doc_id"].isin(target)].groupby("term")["n"].sum().astype("int64")
    outside = counts[counts["doc_id"].isin(reference)].groupby("term")["n"].sum().astype("int64")
    table = pd.DataFrame({"count_target": inside, "count_reference": outside}).fillna(0).astype("int64")
    total_target, total_reference = float(table["count_target"].sum()), float(table["count_reference"].sum())
    if not total_target or not total_reference:
        return pd.DataFrame(columns=["term", "count_target", "count_reference", "per_10k_target",
                                     "per_10k_reference", "g2", "log_ratio"])
    a, b = table["count_target"].astype("float64"), table["count_reference"].astype("float64")
    grand = total_target + total_reference
    expected_a, expected_b = (a + b) * total_target / grand, (a + b) * total_reference / grand
    table["per_10k_target"] = a / total_target * 10_000
    table["per_10k_reference"] = b / total_reference * 10_000
    table["g2"] = 2 * (_xlogx(a, expected_a) + _xlogx(b, expected_b))
    table["log_ratio"] = np.log2((a + 0.5) / total_target / ((b + 0.5) / total_reference))
    table = table[(table["count_target"] >= min_count) & (table["log_ratio"] > 0)]
    return table.sort_values("g2", ascending=False).head(n).rename_axis("term").reset_index()


def score_keyness_from(counts: pd.DataFrame, by: str, start, min_count: int = 3, n: int = 30) -> pd.DataFrame:
    """Terms over-used in the groups from ``start`` on against the groups before it: ``counts`` is
    (by, term, n), e.g. words per publication year (:meth:`helpers.selection.Selection.count_terms_by`),
    and ``start`` 2023 compares the campaign years with the years before (undated counts left out)."""
    groups = counts.dropna(subset=[by]).rename(columns={by: "doc_id"})  # a group stands where a document stood
    values = set(groups["doc_id"])
    target = {value for value in values if value >= start}
    scored = score_keyness_between(groups, target, values - target, min_count=min_count, n=n)
    if not target or target == values:  # said in the report instead of a bare "no rows" (display.WHY_EMPTY)
        side = "from" if not target else "before"
        scored.attrs["why_empty"] = (f"no document of this selection has a {by} {side} {start}, so there is nothing to "
                                     "compare (choose another start)")
    return scored


def take_texts(batches, max_chars: int) -> list[str]:
    """The texts of ``batches`` (Arrow tables with ``text``, e.g. ``Selection.scan_texts``) in order,
    until ``max_chars`` characters are held; the batches after that are never read."""
    texts: list[str] = []
    total = 0
    for batch in batches:
        for text in batch["text"].to_pylist():
            if total >= max_chars:
                return texts
            texts.append(text)
            total += len(text)
    return texts


def _xlogx(observed: pd.Series, expected: pd.Series) -> pd.Series:
    return observed * np.log((observed / expected).where(observed > 0, 1.0))


def count_terms_by_document(doc_ids: list[str], texts: list[str], terms: list[str]) -> pd.DataFrame:
    """doc_id, term, n: how often each of ``terms`` (such as candidate new terms) occurs in each text."""
    rows = [(doc_id, term, text.count(term)) for doc_id, text in zip(doc_ids, texts) for term in terms]
    table = pd.DataFrame(rows, columns=["doc_id", "term", "n"])
    return table[table["n"] > 0].reset_index(drop=True)
