"""Segment Chinese text into words with the project's dictionary: one tokenizer the module owns.

The engine is rjieba (a binding of jieba-rs: jieba's dictionary and algorithm, much faster); jieba
itself is the reference the tests compare against. Both get the same user dictionary: the terms of
``userdict.txt`` and every keyword of ``themes.yaml``, so slogans (项目为王, 三篇大文章) come out
whole. HMM is off: new-word guessing is where the two engines differ, and the dictionary carries
the words that matter here. Nothing is loaded at import; :func:`load_segmenter` builds it once.
"""

from __future__ import annotations

from functools import lru_cache

from helpers.lexicon import load_themes, load_userdict

# Frequency given to a dictionary term that userdict.txt gives none. Explicit, because jieba and
# jieba-rs suggest different defaults, and the dictionary total they change shifts segmentation
# elsewhere (with defaults, 西中岛 came out 中岛 in one engine and 中/岛 in the other).
DEFAULT_FREQUENCY = 1000


def list_dictionary_terms() -> list[tuple[str, int]]:
    """Every (term, frequency) the segmenter adds to jieba's dictionary."""
    terms = {term: frequency or DEFAULT_FREQUENCY for term, frequency in load_userdict()}
    for theme in load_themes():
        for keyword in theme.keywords:
            terms.setdefault(keyword, DEFAULT_FREQUENCY)
    return sorted(terms.items())


class Segmenter:
    """rjieba's tokenizer with the project dictionary.

    It is rjieba's module-level tokenizer (``rjieba.cut``, ``rjieba.add_word``): importing rjieba
    builds that one anyway (0.12 s), and a second ``rjieba.Jieba()`` cost as much again in every
    build process. The project owns it: nothing else in a process segments with rjieba.
    """

    def __init__(self) -> None:
        import rjieba

        self._engine = rjieba
        for term, frequency in list_dictionary_terms():
            rjieba.add_word(term, frequency, None)

    def cut(self, text: str) -> list[str]:
        """Words of ``text``; joined, they give ``text`` back.

        >>> load_segmenter().cut("坚持项目为王,做好结构调整三篇大文章")
        ['坚持', '项目为王', ',', '做好', '结构调整', '三篇大文章']
        """
        return self._engine.cut(text, False)

    def has_word(self, word: str) -> bool:
        """True when ``word`` is in the dictionary: jieba's words, the user dictionary, theme keywords.

        >>> load_segmenter().has_word("项目为王"), load_segmenter().has_word("目为王")
        (True, False)
        """
        return self._engine.has_word(word)


@lru_cache(maxsize=1)
def load_segmenter() -> Segmenter:
    """The process's segmenter (built on first use, about 0.2 s)."""
    return Segmenter()


def load_reference_segmenter():
    """jieba with the same dictionary and HMM off, for comparison in tests (slow to build)."""
    import jieba

    tokenizer = jieba.Tokenizer()
    jieba.setLogLevel(60)
    tokenizer.initialize()
    for term, frequency in list_dictionary_terms():
        tokenizer.add_word(term, frequency)
    return tokenizer
