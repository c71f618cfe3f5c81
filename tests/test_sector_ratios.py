"""The three sectors' shares written as one ratio (三次产业结构为3.6:33.7:62.7): three figures, and nothing else."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.indicators.sector_ratios import find_sector_ratios


@pytest.mark.parametrize("text, expected", [
    # a half-year story (延边, August 2023, part 173): three shares of GDP, no unit written
    ("经济结构持续优化。三次产业3.6:33.7:62.7", [("3.6", 3.6), ("33.7", 33.7), ("62.7", 62.7)]),
    # the ratio sign ∶ (广东's 2026 work report), and a space after 为 (沧州, 2022)
    ("三次产业比重为4.0∶37.7∶58.3", [("4.0", 4.0), ("37.7", 37.7), ("58.3", 58.3)]),
    ("三次产业结构调整为 8:41.5:50.5,服务业对经济增长贡献率超过60%", [("8", 8), ("41.5", 41.5), ("50.5", 50.5)]),
    # the vertical two-dot sign ︰, and a ratio before and after (贵港's 2018 work report, in Traditional script before cleaning)
    ("三次产业结构由19.8︰41︰39.2优化为17.9︰43︰39.1,第二产业占比", [("19.8", 19.8), ("41", 41), ("39.2", 39.2),
                                                        ("17.9", 17.9), ("43", 43), ("39.1", 39.1)]),
    # a sector word that is not 三次产业: the shares of the countryside's own industries (云南, 2022)
    ("农村一二三产业比例调整为23:53:24", [("23", 23), ("53", 53), ("24", 24)]),
    # a clock's time sums to 93, not 100; the score of a match has no sector word
    ("发布时间:2022-01-25 16:51:26 三次产业", []),
    ("比分为3:2:1,三次产业协调发展", []),
    # a sector word in the sentence before does not reach past its end
    ("三次产业协调发展。两队比分为30:30:40", []),
    # two numbers are a ratio of two things, not the three sectors
    ("产业结构比为40:60", []),
])
def test_find_sector_ratios(text, expected):
    found = find_sector_ratios(text)
    assert [(f.quote, f.value) for f, _ in found] == expected
    assert all(f.unit == "%" and text[f.start:f.end] == f.quote for f, _ in found)
    assert [metric for _, metric in found] == ["第一产业增加值比重", "第二产业增加值比重", "第三产业增加值比重"] * (len(found) // 3)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("三次产业结构为0123456789.:∶︰ 。;\n"), max_size=80))
def test_sector_ratios_never_raise_and_cite_their_text(text):
    for figure, _ in find_sector_ratios(text):
        assert text[figure.start:figure.end] == figure.quote
