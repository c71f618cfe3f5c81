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

import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd

from helpers.lexicon import load_stopwords, load_themes, load_userdict

# Runs of Chinese characters (the only text new terms are looked for in): "坚持项目为王" in
# "坚持项目为王,全年实施亿元以上项目500个以上"
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
MIN_COUNT = 5
MIN_PMI = 3.0
MIN_ENTROPY = 1.0


def list_known_terms(jieba_dictionary: bool = True) -> frozenset[str]:
    """Terms already known: the user dictionary, every theme keyword, and jieba's dictionary."""
    known = {term for term, _ in load_userdict()} | {k for t in load_themes() for k in t.keywords}
    return frozenset(known | (_load_jieba_words() if jieba_dictionary else frozenset()))


@lru_cache(maxsize=1)
def _load_jieba_words() -> frozenset[str]:
    from importlib import resources

    text = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    return frozenset(line.split(" ", 1)[0] for line in text.splitlines() if line)


def rank_new_terms(texts: list[str], min_chars: int = 3, max_chars: int = 6, min_count: int = MIN_COUNT,
                   min_pmi: float = MIN_PMI, min_entropy: float = MIN_ENTROPY,
                   known: frozenset[str] | None = None, n: int = 50) -> pd.DataFrame:
    """Candidate new terms: term, count, documents, pmi, left and right entropy, and the score
    (pmi × the smaller entropy), highest first. Sequences inside or containing a known term, and
    those starting or ending with a stop word character (的, 和, 在…), are left out.

    >>> texts = ["坚持项目为王,树牢项目为王理念。", "实施项目为王行动,项目为王见实效。"] * 3
    >>> rank_new_terms(texts, min_count=3, min_pmi=1, min_entropy=0.5, known=frozenset())["term"].tolist()[:1]
    ['项目为王']
    """
    known = list_known_terms() if known is None else known
    counts: Counter = Counter()
    documents: Counter = Counter()
    total = 0
    for text in texts:
        seen = set()
        for run in CJK_RUN.findall(text):
            total += len(run)
            for size in range(1, max_chars + 2):
                for i in range(len(run) - size + 1):
                    gram = run[i:i + size]
                    counts[gram] += 1
                    if min_chars <= size <= max_chars:
                        seen.add(gram)
        documents.update(seen)
    stop = {word for word in load_stopwords() if len(word) == 1}
    neighbours = _index_neighbours(counts)
    rows = []
    for gram, count in counts.items():
        if not (min_chars <= len(gram) <= max_chars) or count < min_count:
            continue
        if gram[0] in stop or gram[-1] in stop or _overlaps_known(gram, known):
            continue
        pmi = min(math.log(count * total / (counts[gram[:k]] * counts[gram[k:]])) for k in range(1, len(gram)))
        if pmi < min_pmi:
            continue
        left, right = _entropy(neighbours, gram, count)
        if min(left, right) < min_entropy:
            continue
        rows.append((gram, count, documents[gram], pmi, left, right))
    table = pd.DataFrame(rows, columns=["term", "count", "documents", "pmi", "left_entropy", "right_entropy"])
    table["score"] = table["pmi"] * np.minimum(table["left_entropy"], table["right_entropy"])
    table = table.sort_values(["score", "count"], ascending=False, ignore_index=True)
    # a candidate inside a better-scored one (目为王 in 项目为王) is the same term cut short
    kept: list[str] = []
    for term in table["term"]:
        if not any(term in better for better in kept):
            kept.append(term)
        if len(kept) >= n:
            break
    return table[table["term"].isin(kept)].reset_index(drop=True)


def _overlaps_known(gram: str, known: frozenset[str]) -> bool:
    """True when the sequence is a known term, lies inside one, or contains one of 3+ characters."""
    if gram in known:
        return True
    for size in range(3, len(gram)):
        for i in range(len(gram) - size + 1):
            if gram[i:i + size] in known:
                return True
    return False


def _index_neighbours(counts: Counter) -> dict:
    """{(sequence, True): counts of it with one more character before; (sequence, False): after}."""
    neighbours: dict = {}
    for gram, count in counts.items():
        if len(gram) >= 2:
            neighbours.setdefault((gram[1:], True), []).append(count)
            neighbours.setdefault((gram[:-1], False), []).append(count)
    return neighbours


def _entropy(neighbours: dict, gram: str, count: int) -> tuple[float, float]:
    """Entropy of the characters before and after ``gram`` (each time it meets a run's edge counts
    as a neighbour of its own, so a term at the start of many runs is not penalized)."""
    sides = []
    for before in (True, False):
        found = neighbours.get((gram, before), [])
        values = found + [1] * max(count - sum(found), 0)
        total = sum(values)
        sides.append(-sum(v / total * math.log(v / total) for v in values) if total else 0.0)
    return sides[0], sides[1]


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


def _xlogx(observed: pd.Series, expected: pd.Series) -> pd.Series:
    return observed * np.log((observed / expected).where(observed > 0, 1.0))


def count_terms_by_document(doc_ids: list[str], texts: list[str], terms: list[str]) -> pd.DataFrame:
    """doc_id, term, n: how often each of ``terms`` (such as candidate new terms) occurs in each text."""
    rows = [(doc_id, term, text.count(term)) for doc_id, text in zip(doc_ids, texts) for term in terms]
    table = pd.DataFrame(rows, columns=["doc_id", "term", "n"])
    return table[table["n"] > 0].reset_index(drop=True)
