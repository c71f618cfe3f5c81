"""Count a document's terms and tag its sentences with themes.

In: a document's cleaned text and sentences. Out: columns of ``doc_terms`` (term, n: words of two
or more characters with a Chinese character, stop words left out; government verbs kept, so an
analysis can switch them) and ``theme_hits`` (theme, term, offsets, sentence) for every keyword of
``themes.yaml`` found in the text.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import numpy as np

from helpers.lexicon import load_stopwords, load_themes
from helpers.themes.segment import load_segmenter
from helpers.wordsearch import WordFinder

CHINESE = re.compile(r"[\u4e00-\u9fff]")
DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _keyword_index() -> tuple[WordFinder, dict[str, tuple[str, ...]]]:
    themes_of: dict[str, list[str]] = {}
    for theme in load_themes():
        for keyword in theme.keywords:
            themes_of.setdefault(keyword, []).append(theme.code)
    for theme in load_themes():  # found as the longest word where they stand, with no theme: no hit
        for phrase in theme.not_keywords:
            themes_of.setdefault(phrase, [])
    return WordFinder(themes_of), {k: tuple(v) for k, v in themes_of.items()}


@lru_cache(maxsize=200_000)
def is_countable_term(term: str) -> bool:
    """A term worth counting: two or more characters, a Chinese character, no digit, not a stop word.

    >>> [is_countable_term(t) for t in ("项目为王", "的", "2023年", "我们", "GDP")]
    [True, False, False, False, False]
    """
    return (len(term) >= 2 and CHINESE.search(term) is not None and DIGIT.search(term) is None
            and term not in load_stopwords())


# A lone surrogate ("\udc80"), which the segmenter (Rust) cannot take; the build's cleaning has replaced
# every one, a text given directly may still hold one
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def count_terms(text: str) -> Counter:
    """Terms of a text and how often they occur.

    >>> count_terms("坚持项目为王,项目为王。")["项目为王"]
    2
    """
    if LONE_SURROGATE.search(text):
        text = LONE_SURROGATE.sub("\ufffd", text)
    counts = Counter(load_segmenter().cut(text))
    return Counter({term: n for term, n in counts.items() if is_countable_term(term)})


def extract_theme_hits(text: str, sentence_starts: list[int]) -> list[tuple]:
    """(sentence_id, theme, term, start, end) for every theme keyword in the text.

    A keyword that belongs to two themes gives one hit for each.

    >>> extract_theme_hits("坚持项目为王。推动带土移植。", [0, 7])
    [(0, 'projects', '项目为王', 2, 6), (1, 'innovation', '带土移植', 9, 13)]
    >>> extract_theme_hits("改造升级老字号。通过中华老字号复核。", [0, 8])  # a heritage brand, not the old industrial base
    [(0, 'industrial_restructuring', '老字号', 4, 7)]
    """
    return list(zip(*find_theme_hit_columns(text, sentence_starts)))


def find_theme_hit_columns(text: str, sentence_starts: list[int]) -> tuple[list, list, list, list, list]:
    """The hits of :func:`extract_theme_hits` as columns: sentence ids, themes, terms, starts, ends.

    Built column by column (100,000 hits in a 10 MB corpus): no tuple per hit.
    """
    finder, themes_of = _keyword_index()
    starts, ends, terms = finder.find_columns(text)
    if any(not themes_of[term] for term in set(terms)):  # a phrase of themes.yaml's not lists: no hit
        kept = [i for i, term in enumerate(terms) if themes_of[term]]
        starts, ends, terms = [starts[i] for i in kept], [ends[i] for i in kept], [terms[i] for i in kept]
    if not terms:
        return [], [], [], [], []
    sentences = (np.searchsorted(sentence_starts, starts, side="right") - 1).tolist()
    if all(len(themes_of[term]) == 1 for term in set(terms)):
        return sentences, [themes_of[term][0] for term in terms], terms, starts, ends
    rows = [(sentence, theme, term, start, end)  # a keyword of two themes: a hit for each
            for sentence, term, start, end in zip(sentences, terms, starts, ends) for theme in themes_of[term]]
    return tuple(list(column) for column in zip(*rows))  # type: ignore[return-value]


def extract_theme_columns(doc_id: str, text: str, sentence_starts: list[int]) -> dict[str, dict[str, list]]:
    """Columns of doc_terms and theme_hits for one document."""
    counts = count_terms(text)
    sentences, themes, terms, starts, ends = find_theme_hit_columns(text, sentence_starts)
    return {
        "doc_terms": {"doc_id": [doc_id] * len(counts), "term": list(counts), "n": list(counts.values())},
        "theme_hits": {"doc_id": [doc_id] * len(terms), "sentence_id": sentences, "theme": themes,
                       "term": terms, "start": starts, "end": ends},
    }
