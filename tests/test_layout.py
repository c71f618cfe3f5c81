"""Print-layout repairs on real text: look-alike characters, page furniture, broken lines."""

import pytest

from helpers.corpus.cleaning import clean_text
from helpers.corpus.layout import join_broken_lines, strip_running_headers
from helpers.corpus.normalize import normalize_lookalikes
from test_kind import _rows


@pytest.mark.parametrize("text, expected", [
    ("地区⽣产总值增⻓4.5%左右", "地区生产总值增长4.5%左右"),  # U+2F63 KANGXI RADICAL LIFE, U+2ED3
    ("坚持项⽬为王", "坚持项目为王"),  # U+2F6C KANGXI RADICAL EYE hides a slogan
    ("全面振兴新突破三年行动", "全面振兴新突破三年行动"),  # ordinary text is left alone
])
def test_lookalikes_fold(text, expected):
    assert normalize_lookalikes(text)[0] == expected


BULLETS = "■全面推进灾后恢复重建,基本完成目标任务\n■不断优化投资结构,努力保持投资持续增长\n■着力做强做大产业,进一步强化产业支撑\n■大力保障和改善民生,保持社会和谐稳定\n■加快城镇化进程,促进城乡统筹区域协调发展\n■深入推进改革开放,增强发展动力和活力\n招商引资 5000亿国内省外资金力争到位\n去年:投资消费强劲拉动。"


@pytest.mark.parametrize("text, expected", [
    ("一般公共预算收入12.5亿\n元,增长", "一般公共预算收入12.5亿元,增长"),  # inside a figure's unit
    ("增长10%以\n上。", "增长10%以上。"),  # inside its qualifier
    ("粮食产量1350.97\n亿斤", "粮食产量1350.97亿斤"),  # between number and multiplier
    ("一、2025年工作回顾\n2025年是极不平凡的一年", "一、2025年工作回顾\n2025年是极不平凡的一年"),  # a heading ends its line
    ("辽宁亮点\n2025年\n城镇新增就业48万人", "辽宁亮点\n2025年\n城镇新增就业48万人"),  # web text lines stay
    # a news page's bullets of 19-21 characters are not a text wrapped at 20: the headline 力争到位 stays off
    # the next line, whose 去年 figures are results (四川 2010, kind gold part 47)
    (BULLETS, BULLETS),
    # two cells of a table one cell a line, a goal and its result, are not one number broken in two: "6\n5.5" had
    # become 65.5 (a short statistics page read whole by trafilatura; 清远's plan report, January 2021)
    ("地区生产总值增速\n6\n5.5\n规上工业增加值增速", "地区生产总值增速\n6\n5.5\n规上工业增加值增速"),
    ("时间:2021-05-20 13:43:35\n5月19日,《纲要》正式发布", "时间:2021-05-20 13:43:35\n5月19日,《纲要》正式发布"),  # 广州 2021
])
def test_join_broken_lines(text, expected):
    assert join_broken_lines(text)[0] == expected


HUAINAN_TABLE = ("|\n一般公共预算收入 |\n5以上 |\n1.6 |\n|\n社会消费品零售总额 |\n6以上 |\n5.9 |\n|\n固定资产投资 |\n8以上 |\n6.1 |\n|\n")

SHAOXING_TABLE = ("地区生产总值\n7%左右\n预计7%左右\n规上工业增加值\n7%以上\n预计7.3 %左右\n服务业增加值\n8%以上\n预计8%左右\n"
                  "一般公共预算收入\n9%\n16.2%\n社会消费品零售总额\n10%左右\n预计11%左右\n")

SHORT_PAGE_TABLE = "指标\n目标(%)\n完成(%)\n地区生产总值增速\n6\n5.5\n规上工业增加值增速\n8\n7.1\n固定资产投资增速\n5\n4.2"

CANGNAN_TABLE = ("序号\n项目内容\n当前进度\n牵头单位\n备注\n1\n新(改、扩)建公办园5所,新增公办幼儿学位1000个。\n"
                 "80%(新区实验幼儿园进度滞后)\n县教育局\n市民生实事\n2\n建设四好农村路55公里。\n95%\n县交通局\n县民生实事\n")


@pytest.mark.parametrize("text, expected", [
    # a footer on every page, with the page number
    ("正文一。\n沈阳市人民政府公报 2025年第3期\n正文二。\n沈阳市人民政府公报 2025年第3期\n正文三。\n"
     "沈阳市人民政府公报 2025年第3期\n", "正文一。\n正文二。\n正文三。\n"),
    # "2025年" over each block of 辽宁日报's infographic repeats on purpose
    ("辽宁亮点\n2025年\n甲。\n辽宁亮点\n2025年\n乙。\n辽宁亮点\n2025年\n丙。", "辽宁亮点\n2025年\n甲。\n辽宁亮点\n2025年\n乙。\n辽宁亮点\n2025年\n丙。"),
    # one page number alone may be a figure's line: two or more are page numbers
    ("全省\n3\n个。", "全省\n3\n个。"),
    # the goal cells of a table, one per line, repeat with their digits masked but are figures, not a header
    # (淮南's half-year report on its 2025 goals, kind gold part 129: 5以上, 6以上 and 8以上 were once removed)
    (HUAINAN_TABLE, HUAINAN_TABLE),
    # …and so are cells of rates with their words, however often they repeat (绍兴's plan report of January 2019, part 185)
    (SHAOXING_TABLE, SHAOXING_TABLE),
    # bare numbers under a header that opens with 序号 number the rows of a table laid out one cell a line, not pages
    # (苍南's 实事 of October 2022, part 185)
    (CANGNAN_TABLE, CANGNAN_TABLE),
    # bare numbers that do not count pages are cells: the goals 6, 8 and 5 of a short page's table had gone as page
    # numbers, and 清远's column of ranks (4, 10, 16, 8) with them
    (SHORT_PAGE_TABLE, SHORT_PAGE_TABLE),
    # …while numbers that count up a page at a time, a page apart, are page numbers
    ("正文一" + "甲" * 300 + "\n1\n正文二" + "乙" * 300 + "\n2\n正文三", "正文一" + "甲" * 300 + "\n正文二" + "乙" * 300 + "\n正文三"),
])
def test_strip_running_headers(text, expected):
    assert strip_running_headers(text)[0] == expected


def test_pdf_text_is_repaired_before_extraction():
    """The 2026 Liaoning headline target as a PDF text layer gives it: Kangxi radicals (⽣ U+2F63,
    ⽬ U+2F6C), ⻓ (U+2ED3), a page footer and a line broken inside the figure."""
    pdf = ("全省经济社会发展的主要预期⽬标是:地区⽣产总值增⻓4.\n— 12 —\n辽宁省人民政府公报\n5%左右,在实际工作中努力\n"
           "争取更好结果。\n— 13 —\n辽宁省人民政府公报\n坚持项⽬为王。\n辽宁省人民政府公报\n— 14 —\n")
    cleaned = clean_text(pdf)
    assert cleaned.body.startswith("全省经济社会发展的主要预期目标是:地区生产总值增长4.5%左右,")
    assert "项目为王" in cleaned.body and "公报" not in cleaned.body
    rules = {e.rule for _, e in cleaned.iter_edits()}
    assert {"compatibility_character", "page_number", "running_header", "broken_number"} <= rules
    rows = _rows(cleaned.body)
    assert [(r.quote, r.indicator, r.kind) for r in rows.itertuples()] == [("4.5%左右", "gdp", "target")]


