"""Sentence splitting: offsets that always point at the sentence, on real paragraphs."""

import pytest

from helpers.corpus.sentences import split_sentences


@pytest.mark.parametrize("text, expected", [
    # 000: semicolons separate the press release's points
    ("入统建设项目达到629个,增长35.9%;要素保障打好“提前量”,加强银企对接。",
     ["入统建设项目达到629个,增长35.9%;", "要素保障打好“提前量”,加强银企对接。"]),
    # 003: a quotation that ends in 。” stays whole
    ("民警对她说:“别着急,我们现在是‘零证明’城市。”很快,杨女士便如愿以偿了。",
     ["民警对她说:“别着急,我们现在是‘零证明’城市。”", "很快,杨女士便如愿以偿了。"]),
    # decimals never split a sentence
    ("预计全年完成工业固定资产投资80亿元,同比增长25.5%。", ["预计全年完成工业固定资产投资80亿元,同比增长25.5%。"]),
    # a heading without punctuation is its own sentence
    ("勇当项目建设的先行者\n2022年是关键之年。", ["勇当项目建设的先行者", "2022年是关键之年。"]),
])
def test_split_sentences(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start:s.end] == s.text for s in sentences)
