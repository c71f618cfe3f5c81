"""Fast scanning finds exactly what the plain regex finds.

Three patterns (Chinese-numeral figures, period phrases, kind cues) are searched with
``finditer_fast``: a hand-written candidates regex the engine can skip ahead on, then the real
pattern where a candidate starts. A candidates regex that misses a start would silently drop
figures, periods or cues, so each pair is checked against ``finditer`` on the real corpus and on
random text built from the characters they care about.
"""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.figures import CHINESE_CANDIDATES, CHINESE_FIGURE
from helpers.indicators import KIND_CUE_CANDIDATES, KIND_CUES
from helpers.metrics import TRAILING_NOISE, strip_trailing_noise
from helpers.periods import PERIOD, PERIOD_CANDIDATES
from helpers.wordsearch import WordFinder, compile_words, finditer_fast

ROOT = Path(__file__).resolve().parents[1]
PAIRS = {
    "chinese figures": (CHINESE_FIGURE, CHINESE_CANDIDATES),
    "periods": (PERIOD, PERIOD_CANDIDATES),
    "kind cues": (KIND_CUES, KIND_CUE_CANDIDATES),
}
# Random text made of the literal runs the patterns mention ("拟安排", "前三季度", "末前"…), their
# single characters, digits and punctuation: random characters alone would rarely spell a cue
RUNS = sorted({run for pattern, candidates in PAIRS.values() for source in (pattern.pattern, candidates.pattern)
               for run in re.findall(r"[\u4e00-\u9fff“”]+", source)})
TOKENS = sorted(set(RUNS) | {char for run in RUNS for char in run} | set("0123456789,。;\n 国市的、"))
TEXT = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


def _spans(matches):
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


@pytest.mark.parametrize("name", PAIRS)
def test_fast_scan_finds_what_finditer_finds_in_the_corpus(name):
    pattern, candidates = PAIRS[name]
    paths = sorted((ROOT / "data" / "raw").rglob("*.txt"))
    assert paths
    found = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        expected = _spans(pattern.finditer(text))
        assert _spans(finditer_fast(pattern, candidates, text)) == expected, path.name
        found += len(expected)
    assert found > 0  # the corpus does hold such phrases: the comparison is not vacuous


@pytest.mark.parametrize("name", PAIRS)
@settings(max_examples=400, deadline=None)
@given(text=TEXT)
def test_fast_scan_finds_what_finditer_finds_in_any_text(name, text):
    pattern, candidates = PAIRS[name]
    assert _spans(finditer_fast(pattern, candidates, text)) == _spans(pattern.finditer(text))


# strip_trailing_noise tries TRAILING_NOISE only where TRAILING_NOISE_STARTS matches and only when
# the words end with one of TRAILING_NOISE_LAST: a character missing from either would leave a verb
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

    from helpers.figures import load_not_figures

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

