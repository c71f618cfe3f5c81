"""Parsers that must never raise, whatever they are given (hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.build.pipeline import run_document
from helpers.corpus.cleaning import clean_text
from helpers.corpus.sentences import split_sentences

CHINESE_LIKE = st.text(alphabet=st.sampled_from(
    list("实施全面振兴新突破三年行动(shí)（）開複工亿元万%０１２３４.,。;:—-“”[]\n \u3000\u2002\r")
    + [chr(c) for c in range(0x4E00, 0x4E40)]), max_size=300)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.html", "a.pdf", "a", "a.docx"]))
def test_every_stage_never_raises_on_any_bytes(data, name):
    columns = run_document(name, data, None, "key", None, None, [])
    assert columns.get("documents") or columns.get("quarantine")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), CHINESE_LIKE))
def test_cleaning_never_raises_and_sentences_point_into_the_text(text):
    body = clean_text(text).body
    for sentence in split_sentences(body):
        assert body[sentence.start:sentence.end] == sentence.text
