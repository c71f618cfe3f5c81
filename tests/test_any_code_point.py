"""Every public text function on any code point, lone surrogates included (hypothesis).

The issue: ``clean_text`` raised UnicodeEncodeError on a lone surrogate, and the property tests never
generated one (hypothesis leaves category Cs out of ``st.text()`` by default).
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import places
from helpers.corpus import boilerplate, cleaning, deep_html, documents, metadata, normalize, reading, sentences
from helpers.corpus.reading import UnreadableError
from helpers.indicators import extract, figures, metrics, periods
from helpers.reuse import diffusion
from helpers.themes import tagging

# Any code point at all, with Chinese, digits, punctuation and surrogates made common
ANY_CHARACTER = st.one_of(
    st.integers(0, 0x10FFFF).map(chr),
    st.integers(0xD800, 0xDFFF).map(chr),  # lone surrogates
    st.sampled_from(list("辽阳市实施全面振兴新突破三年行动(shí)亿元万%０１.,。;:\n \u3000年月日增长下降项目")),
    st.sampled_from(list("0123456789")),
)
ANY_TEXT = st.lists(ANY_CHARACTER, max_size=200).map("".join)


def _sentence_table(text):
    return sentences.split_sentences(text)


TEXT_FUNCTIONS = [
    ("normalize.strip_control_characters", normalize.strip_control_characters),
    ("normalize.strip_pinyin", normalize.strip_pinyin),
    ("normalize.strip_lost_character_pinyin", normalize.strip_lost_character_pinyin),
    ("normalize.has_unusual_characters", normalize.has_unusual_characters),
    ("normalize.normalize_script", normalize.normalize_script),
    ("normalize.normalize_width", normalize.normalize_width),
    ("normalize.normalize_spaces", normalize.normalize_spaces),
    ("normalize.normalize_blank_lines", normalize.normalize_blank_lines),
    ("boilerplate.strip_boilerplate", boilerplate.strip_boilerplate),
    ("cleaning.clean_text", cleaning.clean_text),
    ("sentences.split_sentences", sentences.split_sentences),
    ("deep_html.flatten_deep_html", deep_html.flatten_deep_html),
    ("documents.make_doc_id", documents.make_doc_id),
    ("metadata.parse_title", metadata.parse_title),
    ("metadata.infer_context_year", metadata.infer_context_year),
    ("metadata.parse_place", lambda text: metadata.parse_place(text, text)),
    ("metadata.parse_genre", lambda text: metadata.parse_genre(text, text, text)),
    ("metadata.parse_dates", lambda text: metadata.parse_dates(text, text)),
    ("metadata.extract_metadata", lambda text: metadata.extract_metadata(text, text)),
    ("reading.score_common_characters", reading.score_common_characters),
    ("figures.parse_chinese_number", figures.parse_chinese_number),
    ("figures.find_figures", figures.find_figures),
    ("figures.find_protected_spans", figures.find_protected_spans),
    ("metrics.parse_indicator", metrics.parse_indicator),
    ("metrics.clean_metric", metrics.clean_metric),
    ("metrics.strip_trailing_noise", metrics.strip_trailing_noise),
    ("metrics.find_noun_after", lambda text: metrics.find_noun_after(text, len(text) // 2)),
    ("periods.find_period_phrases", periods.find_period_phrases),
    ("tagging.is_countable_term", tagging.is_countable_term),
    ("diffusion.is_formula", diffusion.is_formula),
    ("tagging.count_terms", tagging.count_terms),
    ("tagging.extract_theme_columns", lambda text: tagging.extract_theme_columns(
        "d", text, _sentence_table(text).starts)),
    ("places.count_place_mentions", places.count_place_mentions),
    ("places.find_first_place", places.find_first_place),
    ("places.rank_document_place", places.rank_document_place),
    ("extract.extract_indicators", lambda text: extract.extract_indicators(
        {"doc_id": "d", "text": text, "published_date": None, "place": None, "place_code": None,
         "genre": "other", "title": text[:20]}, _sentence_table(text))),
]


@pytest.mark.parametrize("name, function", TEXT_FUNCTIONS, ids=[name for name, _ in TEXT_FUNCTIONS])
@settings(max_examples=60, deadline=None)
@given(text=ANY_TEXT)
def test_a_text_function_never_raises_on_any_code_point(name, function, text):
    function(text)


@settings(max_examples=60, deadline=None)
@given(text=ANY_TEXT)
def test_check_text_like_raises_only_its_own_error(text):
    try:
        reading.check_text_like(text)
    except UnreadableError:  # its verdict: binary data, or only white space
        pass


@settings(max_examples=200, deadline=None)
@given(text=ANY_TEXT)
def test_cleaned_text_holds_no_surrogate_and_no_control_character(text):
    body = cleaning.clean_text(text).body
    body.encode("utf-8")  # storable: no lone surrogate left
    assert not normalize.CONTROL_CHARACTERS.search(body)
    for sentence in sentences.split_sentences(body):
        assert body[sentence.start:sentence.end] == sentence.text
