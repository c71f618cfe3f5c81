"""Word search and noise stripping find exactly what the plain regexes find.

``WordFinder`` (an Aho–Corasick automaton) stands in for the ``compile_words`` regex, and
``strip_trailing_noise`` skips ``TRAILING_NOISE`` when the words cannot end with noise; a difference
would silently drop a theme hit, a place or an indicator code, so each is checked against the regex
on the real corpus and on random text.
"""

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
import pytest

from helpers.indicators.metrics import TRAILING_NOISE, strip_trailing_noise
from helpers.wordsearch import WordFinder, compile_words

ROOT = Path(__file__).resolve().parents[1]


# strip_trailing_noise tries TRAILING_NOISE only when the words end with one of TRAILING_NOISE_LAST:
# a character missing from it would leave a verb
# in a metric ("规上工业增加值同比增长") and lose its indicator code.
NOISE_RUNS = sorted(set(re.findall(r"[\u4e00-\u9fff]+", TRAILING_NOISE.pattern)))
NOISE_TEXT = st.lists(st.sampled_from(NOISE_RUNS + sorted({c for run in NOISE_RUNS for c in run})
                                      + ["2023", "工业", "产值", " ", "\n", "、"]), max_size=12).map("".join)


def test_trailing_noise_stripped_as_the_regex_strips_it_in_the_corpus():
    checked = 0
    for path in sorted((ROOT / "data" / "raw").rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"[^,;。:\d]{1,24}(?=\d)", text):  # the words before every figure
            words = m.group()
            assert strip_trailing_noise(words) == TRAILING_NOISE.sub("", words), words
            checked += words != TRAILING_NOISE.sub("", words)
    assert checked > 100  # many of them do end with noise: the comparison is not vacuous


@settings(max_examples=600, deadline=None)
@given(words=NOISE_TEXT)
def test_trailing_noise_stripped_as_the_regex_strips_it_in_any_text(words):
    assert strip_trailing_noise(words) == TRAILING_NOISE.sub("", words)


# WordFinder (Aho–Corasick) must give the matches of the compile_words regex it replaces: the
# theme keywords (whose first characters start a quarter of all positions) and the place names.
def _word_lists():
    from helpers.lexicon import load_themes
    from helpers.places import load_gazetteer

    from helpers.indicators.figures import load_not_figures

    return {"theme keywords": [k for theme in load_themes() for k in theme.keywords],
            "place names": list(load_gazetteer().codes_by_name),
            "protected phrases (not_figures.txt)": load_not_figures().words}


@pytest.mark.parametrize("name", ["theme keywords", "place names", "protected phrases (not_figures.txt)"])
def test_word_finder_finds_what_the_word_regex_finds_in_the_corpus(name):
    words = _word_lists()[name]
    finder, pattern = WordFinder(words), compile_words(words)
    found = 0
    for path in sorted((ROOT / "data" / "raw").rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        expected = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
        assert finder.find(text) == expected, path.name
        found += len(expected)
    assert found > 50


WORD_PIECES = ["辽阳", "辽阳县", "阳县", "县城", "项目为王", "项目", "为王", "振兴", "全面振兴新突破", "新突破", "😀", "\ud800", "。", "a"]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(WORD_PIECES), max_size=20),
       words=st.lists(st.sampled_from(WORD_PIECES[:10]), max_size=6))
def test_word_finder_finds_what_the_word_regex_finds_in_any_text(pieces, words):
    """Overlapping words, words inside words, astral characters (offsets count characters, not
    UTF-8 bytes) and lone surrogates (no UTF-8 form: the regex takes over)."""
    text = "".join(pieces)
    expected = [(m.start(), m.end(), m.group()) for m in compile_words(words).finditer(text)]
    finder = WordFinder(words)
    assert finder.find(text) == expected
    assert finder.find_columns(text) == tuple([match[i] for match in expected] for i in range(3))

