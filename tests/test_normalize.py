"""Cleaning steps on real snippets: each row says why it is there."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.corpus.edits import substitute_logged
from helpers.corpus.normalize import (
    normalize_blank_lines,
    normalize_script,
    normalize_spaces,
    normalize_width,
    strip_lost_character_pinyin,
    strip_pinyin,
)


@pytest.mark.parametrize("raw, expected", [
    ("實(shí)施", "實施"),  # 004: pinyin after each character
    ("行動(dòng)”主題", "行動”主題"),  # 004: a closing quote right after the annotation
    ("新聞發(fā)布會(huì)(第二場(chǎng))召開", "新聞發布會(第二場)召開"),  # 004: pinyin inside a real bracket
    ("實（shí）施", "實施"),  # full-width brackets around pinyin
    ("我們(men)", "我們"),  # a toneless syllable is still pinyin
    ("开(复)工", "开(复)工"),  # real parentheses around Chinese stay
    ("《辽宁省工业企业创新产品目录(2023年度)》", "《辽宁省工业企业创新产品目录(2023年度)》"),  # 000: a year in brackets
    ("智能出租轨交系统(PRT)", "智能出租轨交系统(PRT)"),  # 003: Latin capitals are an abbreviation
    ("專項方案(2023-2025年)", "專項方案(2023-2025年)"),  # 004: a plan's period
    ("长度(km)", "长度(km)"),  # a unit in lower case is not a pinyin syllable
    ("(shí)施", "(shí)施"),  # no Chinese character before it: nothing is annotated
])
def test_strip_pinyin(raw, expected):
    assert strip_pinyin(raw)[0] == expected


def test_strip_pinyin_logs_one_edit_per_stretch_with_exact_offsets():
    # dense annotations on one line make one edit; a line break or a long gap starts another
    raw = "實(shí)施行動(dòng)\n" + "新" * 20 + "擔(dān)當(dāng)"
    text, edits = strip_pinyin(raw)
    assert text == "實施行動\n" + "新" * 20 + "擔當"
    assert [(e.start, e.end, e.removed, e.inserted) for e in edits] == [
        (0, 15, "實(shí)施行動(dòng)", "實施行動"), (36, 49, "擔(dān)當(dāng)", "擔當")]
    assert all(raw[e.start:e.end] == e.removed for e in edits)


@pytest.mark.parametrize("raw, expected", [
    ("體現(xiàn)新?lián)?dāng)、彰顯新作為", "體現新??、彰顯新作為"),  # 004: 擔當 lost as "?", each with its bracket
    ("勇?lián)?dāng)", "勇??"),  # a 同安 story (kind_gold): the same two lost characters
    ("跨渾河?xùn)|環(huá)大橋", "跨渾河?|環大橋"),  # a 抚顺 story (kind_gold): a lost 東 before a stray bar
    ("是否达标?(yes)", "是否达标?(yes)"),  # a real question mark before a real bracket
    ("为什么?de)", "为什么?de)"),  # a toneless syllable after "?" is not taken for a lost character's
    ("?lián)", "?lián)"),  # no character before the "?": nothing says one was lost
])
def test_strip_lost_character_pinyin_after_pinyin(raw, expected):
    assert strip_lost_character_pinyin(strip_pinyin(raw)[0])[0] == expected


def test_strip_lost_character_pinyin_logs_each_tail():
    text, edits = strip_lost_character_pinyin("新?lián)?dāng)、")
    assert [(e.rule, e.start, e.end, e.removed) for e in edits] == [
        ("lost_character_annotation", 2, 7, "lián)"), ("lost_character_annotation", 8, 13, "dāng)")]


@pytest.mark.parametrize("raw, expected", [
    ("盤錦市工業增長三年行動專項方案", "盘锦市工业增长三年行动专项方案"),  # 004 after pinyin removal
    ("雛鷹、瞪羚、獨角獸企業", "雏鹰、瞪羚、独角兽企业"),  # 004: the enterprise tiers
    ("全面振兴新突破三年行动", "全面振兴新突破三年行动"),  # Simplified text is left alone
])
def test_normalize_script(raw, expected):
    assert normalize_script(raw)[0] == expected


def test_normalize_script_leaves_a_simplified_text_with_one_odd_character():
    text = "葫芦岛市" * 40 + "於"  # a name written with 於 in an otherwise Simplified text
    assert normalize_script(text) == (text, [])


@pytest.mark.parametrize("raw, expected", [
    ("６００个项目", "600个项目"),  # full-width digits (the example)
    ("增长２０％", "增长20%"),  # full-width percent
    ("１．５万", "1.5万"),  # full-width decimal point
    ("城镇新增就业48万人，社会大局保持稳定。", "城镇新增就业48万人,社会大局保持稳定。"),  # gwr-2026 comma; 。 stays
    ("（ＰＲＴ）", "(PRT)"),  # full-width Latin capitals and brackets
])
def test_normalize_width(raw, expected):
    assert normalize_width(raw)[0] == expected


@pytest.mark.parametrize("raw, expected", [
    ("  现在,我代表辽阳市人民政府向大会报告工作", "现在,我代表辽阳市人民政府向大会报告工作"),  # 001 indentation
    ("实施投资亿元以上项目 330个", "实施投资亿元以上项目330个"),  # 001 stray space before a number
    ("国家级绿色工厂达到 8 户", "国家级绿色工厂达到8户"),  # 001 spaces around a number
    ("规上工业增加值增长3.1 %。", "规上工业增加值增长3.1%。"),  # Jiangxi 2022 bulletin: a space before %
    ("分别达到 111.6 万吨、 85.9 万吨", "分别达到111.6万吨、85.9万吨"),  # 001 space after 、
    ("辽阳博物馆晋升国家 4a 级旅游景区", "辽阳博物馆晋升国家4a级旅游景区"),  # 001 rating with spaces
    ("国务院总理 李强", "国务院总理 李强"),  # a space between title and name stays
    ("葫芦岛:夯基垒台 积蓄高质量发展强大后劲", "葫芦岛:夯基垒台 积蓄高质量发展强大后劲"),  # 003 headline phrases
    ("第一行\r\n第二行\r\n", "第一行\n第二行\n"),  # national-gwr-2022 CRLF
    ("政府工作报告\u2002李强", "政府工作报告 李强"),  # national-gwr-2024 en space
    ("零\u200b宽", "零宽"),  # zero-width space from HTML
    # 滨州's notice of April 2020 (kind gold part 191): commas set apart on both sides, so the list's patterns can read
    # "35个,其中"; a comma between Latin words keeps its space
    ("重点投资项目35个 , 其中 , 省市县项目32个 , 已完成投资", "重点投资项目35个,其中,省市县项目32个,已完成投资"),
    ("Hello , world", "Hello , world"),
    # 洪泽's plan report of January 2022 (a PDF's text, part 213): a space after a decimal point in running text; an item's
    # number at the start of a line keeps its space
    ("一般公共预算收入22. 1 亿元,增长9. 1%;", "一般公共预算收入22.1亿元,增长9.1%;"),
    ("2. 50个小区新增电动自行车充电设施", "2. 50个小区新增电动自行车充电设施"),
])
def test_normalize_spaces(raw, expected):
    assert normalize_spaces(raw)[0] == expected


def test_normalize_blank_lines_makes_one_paragraph_per_line():
    assert normalize_blank_lines("\n\n政府工作报告\n\n\n各位代表:\n \n")[0] == "政府工作报告\n各位代表:"


# The one-pass regex normalize_blank_lines used before it took the edges with str.strip (five
# times faster): the specification its text and edits must keep.
BLANK_OR_EDGE = re.compile(r"(?P<edge_white_space>\A\s+|\s+\Z)|(?P<blank_line>\n(?:[ \t]*\n)+)")


@given(st.text(alphabet=st.sampled_from(["\n", " ", "\t", "\u3000", "\r", "\x1c", "\u2028", "政", "a"]),
               max_size=40))
def test_normalize_blank_lines_matches_the_one_pass_regex(text):
    expected = substitute_logged(BLANK_OR_EDGE, lambda m: "\n" if m.lastgroup == "blank_line" else "", text,
                                 "blank_lines")
    assert normalize_blank_lines(text) == expected


@pytest.mark.parametrize("name", ["000_c314c07c1d40f028.txt", "001_e097eca750060dbf.txt",
                                  "003_7ac959c10e8bad84.txt", "004_87c328761f19b533.txt",
                                  "corpora/liaoning-gwr-2026.txt"])
def test_every_logged_edit_cites_its_step_input(name):
    """For every step and edit: input[start:end] is what the edit says was there."""
    from conftest import RAW
    from helpers.corpus.cleaning import BODY_STEPS, NORMALIZE_STEPS
    from helpers.corpus.reading import read_raw

    text = read_raw((RAW / name).read_bytes(), name).text
    checked = 0
    for step in NORMALIZE_STEPS + BODY_STEPS:
        output, edits = step(text)
        for edit in edits:
            assert text[edit.start:edit.end] == edit.removed, (step.__name__, edit)
            checked += 1
        text = output
    assert checked > 0
