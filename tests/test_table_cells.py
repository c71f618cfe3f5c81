"""Figures in the cells of text tables: a bare number under a header that names its unit, and nothing else."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.corpus.documents import process_document
from helpers.indicators.extract import extract_indicators
from helpers.indicators.table_cells import find_cell_kinds, find_table_figures

# 海城's statistical bulletin of 2020 (tests/fixtures/kind_gold/docs/bulletin-haicheng-2020-z6.txt), as the labeller
# copied it: a caption row, a header with the unit of each column, rows of bare numbers
HAICHENG = ("表1 2020年年末人口数及其构成 | ||\n指 标 | 年末数(人) | 比重(%) |\n全市总人口 | 1056955 | 100 |\n"
            "其中:城镇 | 306243 | 29 |\n乡村 | 750712 | 71 |\n其中:0-17岁 | 150986 | 14.3 |\n")


# 淮南's report on its goals at mid-2025 (kind gold part 129): one cell a line, rows set apart by a lone bar
HUAINAN = ("2025年上半年国民经济和社会发展计划主要预期目标完成情况\n|\n指标名称 |\n预期增长(%) |\n上半年完成(%) |\n|\n"
           "地区生产总值 |\n6左右 |\n4 |\n|\n规上工业增加值 |\n6.5以上 |\n-3.6 |\n|\n城镇新增就业 |\n2.7万人以上 |\n1.34万人 |\n")
# 湖南's table of its 2021 民生实事 by city (kind gold part 131): one cell a line, rows told only by their count of cells
HUNAN = ("(截至2021年8月底)\n序号 |\n市 州 |\n计划完成数 |\n累计开工数 |\n开工率 |\n计划投资额(万元) |\n累计完成投资额(万元) |\n"
         "计划投资完成率 |\n1 |\n长沙市 |\n150 |\n143 |\n95.33% |\n86157.25 |\n36836.13 |\n42.75% |\n")
# 达州's report on its key projects of January-July 2018 (kind gold, dev): no bars, the headers broken over lines, the
# unit on a line of its own above them
DAZHOU = ("  2018年1-7月全市全社会固定资产投资暨重点项目完成情况表\n  单位:亿元\n  \n县(市、区) 1-7月固投\n\n  增速情况\n"
          "年度投资计划 前三季度\n\n  投资计划\n完成前三季度目标任务占比(%)\n达州市 12.9% 527.3 371.5 291.5 78.5%\n"
          "市本级   209.8 144.8 112.9 78.0%\n")


@pytest.mark.parametrize("text, expected", [
    # no bars: a bare number takes the unit line's unit; a number with a unit of its own (12.9%) is the sentence
    # reader's, and a row with no growth rate (市本级) is still a row
    (DAZHOU, [("527.3", 52730000000, "元"), ("371.5", 37150000000, "元"), ("291.5", 29150000000, "元"),
              ("209.8", 20980000000, "元"), ("144.8", 14480000000, "元"), ("112.9", 11290000000, "元")]),
    # 单位 that names who is responsible is not a unit line (安顺's 实事, 2019)
    ("1.减少农村扶贫对象6.76万人(责任单位:市扶贫办,各县区)\n此项工作已完成。\n西秀区 6962 3619\n", []),
    # a unit line whose rows are interrupted by a sentence: the table is over
    ("单位:万元\n全市合计增长较快。\n城区 120 80\n", []),
    # a unit that does not parse as a figure's unit reads nothing
    ("单位:个数\n城区 120 80\n", []),
    # one cell a line: the units come from the header, a goal's qualifier stays with its number; the cells with a
    # unit of their own (2.7万人以上) are the sentence reader's
    (HUAINAN, [("6左右", 6, "%"), ("4", 4, "%"), ("6.5以上", 6.5, "%"), ("-3.6", -3.6, "%")]),
    # …and without lone bars, rows as wide as the header (序号 opens each row with its number)
    (HUNAN, [("86157.25", 861572500, "元"), ("36836.13", 368361300, "元")]),
    # each column's header names its unit; the age band 0-17岁 is a class, not a cell of its own
    (HAICHENG, [("1056955", 1056955, "人"), ("100", 100, "%"), ("306243", 306243, "人"), ("29", 29, "%"),
                ("750712", 750712, "人"), ("71", 71, "%"), ("150986", 150986, "人"), ("14.3", 14.3, "%")]),
    # the bars trafilatura writes around each row make no cells
    ("| 指 标 | 年末数(人) | 比重(%) | \n| 全市总人口 | 1056955 | 100 | \n", [("1056955", 1056955, "人"), ("100", 100, "%")]),
    # a page's metadata: no header names a unit (兴平's notice, 2025)
    ("| 索引号 | 116104810160239447/2025-00655 | 签发时间 | 2025-09-01 | ||\n| 发布机构 | 兴平市人民政府 | 发文字号 | 兴政办发〔2025〕11号 | ||",
     []),
    # a table of tasks and what was done: its numbers are in sentences, which the sentence reader reads (乐清, 2023)
    ("序号 | 项 目 内 容 | 年度完成情况 | 完成成效 | 责任单位 | 责任人 |\n1 | 新增2个乡镇(街道)建有托育机构 | 完成新增智仁乡和岭底乡建有托育机构。 | 完成任务 | 市卫健局 | 仇永亲 |",
     []),
    # a row that does not line up with the header cannot be read by column
    ("指 标 | 年末数(人) | 比重(%) |\n全市总人口 | 1056955 |\n", []),
    # a header without rows of numbers
    ("指 标 | 年末数(人) | 比重(%) |\n", []),
    # the header's corner above the rows' names is empty (玉环's bulletin of 2019, kind gold part 245)
    ("表1 2019年玉环市生产总值\n| 绝 对 数 (亿元) | 比上年增长 (%) |\n地区生产总值 | 617.50 | 5.2 |\n",
     [("617.50", 61750000000, "元"), ("5.2", 5.2, "%")]),
    # a column of units, read by what the cell says: a row under a cell spanning two rows starts one cell to the left, and a
    # row without a unit gives nothing (青海's quality indicators of 2018, part 245)
    ("一级指标 | 二 级 指 标 | 计量单位 | 1-3月 |\n经济稳定 | 1.地区生产总值(GDP)增长率(按可比价格计算) | % | 7.2 |\n"
     "2.居民消费价格涨幅(CPI) | % | 2.7 | |\n12.城乡居民人均收入比(以农村常住居民人均可支配收入为1) | 2.92 |\n",
     [("7.2", 7.2, "%"), ("2.7", 2.7, "%")]),
    # stacked one cell a line: a header a line, a row's name that gives the columns without a unit theirs, for the rows below
    # it too (上海's 2024年5月社会消费品零售总额, part 245)
    ("2024年5月\n指标\n本月\n比去年同月增长(%)\n1-本月\n比去年同期增长(%)\n社会消费品零售总额(亿元)\n1590.93\n1.6\n7652.26\n"
     "-0.7\n# 批发零售业\n1471.86\n2.2\n7042.92\n-0.5\n",
     [("1590.93", 159093000000, "元"), ("1.6", 1.6, "%"), ("7652.26", 765226000000, "元"), ("-0.7", -0.7, "%"),
      ("1471.86", 147186000000, "元"), ("2.2", 2.2, "%"), ("7042.92", 704292000000, "元"), ("-0.5", -0.5, "%")]),
    # …and its headers broken over lines, a heading between rows (上海's 2022年上半年生产总值, part 245)
    ("2022年上半年\n总量\n(亿元)\n比上年同期\n增长(%)\n地区生产总值\n19349.31\n-5.7\n按产业分\n第一产业\n34.52\n1.7\n",
     [("19349.31", 1934931000000, "元"), ("-5.7", -5.7, "%"), ("34.52", 3452000000, "元"), ("1.7", 1.7, "%")]),
    # numbers a line without a header that names a unit are no table (a list of years and counts)
    ("名单\n2021\n2022\n东区\n12\n15\n西区\n13\n16\n", []),
])
def test_find_table_figures(text, expected):
    found = [cell.figure for cell in find_table_figures(text)]
    assert [(f.quote, pytest.approx(f.value), f.unit) for f in found] == expected
    assert all(text[f.start:f.end] == f.quote for f in found)


# 湖州's table of how the work report's tasks went by mid-2023 (kind gold part 167), one cell a line without bars, the
# progress cell in numbered points; the next leader's table goes on numbering from 2
HUZHOU = ("洪湖鹏市长主抓重点工作\n序号\n目标任务\n推进情况\n1\n实施新时代为民办实事长效机制,确保新增财力的三分之二以上用于民生。"
          "坚持勤俭办一切事情,继续压减一般性支出15%以上。\n1.《关于进一步健全完善新时代为民办实事长效机制的实施意见(试行)》已经市政府常务"
          "会议和市委常委会会议审议通过,正式出台实施。\n2.1-6月,全市一般公共预算支出318.54亿元,完成年初预算的54.8%\n"
          "吴智勇常务副市长主抓重点工作\n序号\n目标任务\n推进情况\n2\n地区生产总值增长6%左右,奋力突破4000亿元关口。\n"
          "1-6月,全市实现地区生产总值1920.7亿元,同比增长5.9%。\n")

# 余姚's 民生实事 at May 2025 (kind gold part 193): one header cell broken over two lines (牵头\n市领导), so each row
# holds one cell fewer than the header has lines
YUYAO = ("序号\n目标任务\n牵头\n市领导\n责任单位\n进展情况\n形象进度(%)\n1\n新建公用和专用电动汽车充电桩350个,其中农村185个\n"
         "吕 乐\n市发改局\n新建公共充电桩99个,其中农村79个。\n28%\n2\n建设电动自行车“充电驿站”1440个\n吕 乐\n市消防大队\n"
         "已完成方案制定。\n30%\n")

# 漯河's report of January 2025 on its 2024 民生实事 (kind gold, development): each task, the unit that answers for it,
# how it went; a unit without a progress line after it (the last record) says nothing
LUOHE = ("1.持续深入推进“人人持证、技能河南”建设,全年开展职业技能培训4.7万人次以上。\n责任单位:市人力资源和社会保障局\n"
         "完成情况:全市开展各类职业技能培训10万人次。\n2.大幅改善4所学校办学条件。\n责任单位:市教育局\n")

# 绍兴's plan report of January 2019 (表1, kind gold, development) and 普陀's half-year of 2021: goals against results one
# cell a line, without bars or 序号; a goal in words (与市保持同步) leaves its row's lone value unread
SHAOXING = ("表1:2018年全市国民经济和社会发展目标完成情况\n指标\n类型\n指标名称\n目标\n全年实绩\n规模\n地区生产总值\n7%左右\n"
            "预计7%左右\n一般公共预算收入\n9%\n16.2%\n1、地区生产总值增长率\n与市保持同步\n9.8%\n区发改委\n")


@pytest.mark.parametrize("text, expected", [
    # the goal column and the column of what was done, whoever reads the cell's figure (淮南, part 129)
    (HUAINAN, [("6左右", "target"), ("4", "actual"), ("6.5以上", "target"), ("-3.6", "actual"), ("2.7万人以上", "target"),
               ("1.34万人", "actual")]),
    # the planned count is a goal, what was started and its rate results, the planned investment an arrangement
    # (湖南, part 131); 序号 and 市州 say nothing
    (HUNAN, [("150", "target"), ("143", "actual"), ("95.33%", "actual"), ("86157.25", "plan"), ("36836.13", "actual"),
             ("42.75%", "actual")]),
    # a bulletin's header names units, not kinds
    (HAICHENG, []),
    # the goal and the result of each row whose two values stand together; an estimated result is an estimate
    (SHAOXING, [("7%左右", "target"), ("预计7%左右", "forecast"), ("9%", "target"), ("16.2%", "actual")]),
    # a task laid out as a record with its unit and its progress is the goal, its progress the result
    (LUOHE, [("1.持续深入推进“人人持证、技能河南”建设,全年开展职业技能培训4.7万人次以上。", "target"),
             ("完成情况:全市开展各类职业技能培训10万人次。", "actual")]),
    # the header mended (牵头市领导 one cell): the task is the goal, the progress the result; 形象进度 says nothing
    (YUYAO, [("新建公用和专用电动汽车充电桩350个,其中农村185个", "target"), ("新建公共充电桩99个,其中农村79个。", "actual"),
             ("建设电动自行车“充电驿站”1440个", "target"), ("已完成方案制定。", "actual")]),
])
def test_find_cell_kinds(text, expected):
    assert [(text[c.start:c.end].strip(), c.kind) for c in find_cell_kinds(text)] == expected


def test_a_table_one_cell_a_line_under_its_number_gives_each_column_its_kind():
    """湖州's tables (part 167) through cleaning and extraction: the row numbers survive cleaning (they are no page numbers
    under 序号), the task's figures are goals, the progress's results, and the second table numbers on from 2."""
    processed = process_document(HUZHOU.encode("utf-8"), "huzhou.txt", {"genre": "plan_report", "published_date": "2023-08-31"})
    records = extract_indicators(processed.document, processed.sentences)
    got = [(v, k, c) for v, k, c in zip(records["value"], records["kind"], records["kind_cue"])]
    assert got == [(66.6667, "target", "table:目标任务"), (15, "target", "table:目标任务"),
                   (31854000000, "actual", "table:推进情况"), (54.8, "actual", "table:推进情况"),
                   (6, "target", "table:目标任务"), (400000000000, "target", "table:目标任务"),
                   (192070000000, "actual", "table:推进情况"), (5.9, "actual", "table:推进情况")]


def test_a_table_of_goals_and_results_gives_each_column_its_kind():
    """The whole path for 淮南's table: goals and half-year results, each figure with its row, unit and kind."""
    processed = process_document(HUAINAN.encode("utf-8"), "huainan.txt", {"genre": "plan_report",
                                                                         "published_date": "2025-07-01"})
    records = extract_indicators(processed.document, processed.sentences)
    got = [(q, u, k, m) for q, u, k, m in zip(records["quote"], records["unit"], records["kind"], records["metric"])]
    assert got[:4] == [("6左右", "%", "target", "地区生产总值 预期增长"), ("4", "%", "actual", "地区生产总值 上半年完成"),
                       ("6.5以上", "%", "target", "规上工业增加值 预期增长"), ("-3.6", "%", "actual", "规上工业增加值 上半年完成")]
    assert [(q, k) for q, _, k, _ in got[4:]] == [("2.7万人以上", "target"), ("1.34万人", "actual")]


def test_a_bulletin_table_from_html_gives_records_with_their_row_and_year():
    """The whole path: an HTML bulletin, its table as trafilatura writes it, records a researcher can cite."""
    html = ("<html><body><article><h1>海城市2020年国民经济和社会发展统计公报</h1><p>2020年,全市常住人口保持稳定,"
            "各项社会事业持续发展,人民生活水平不断提高,全年经济运行总体平稳。</p><table>"
            "<tr><td>指 标</td><td>年末数(人)</td><td>比重(%)</td></tr>"
            "<tr><td>全市总人口</td><td>1056955</td><td>100</td></tr>"
            "<tr><td>其中:城镇</td><td>306243</td><td>29</td></tr></table></article></body></html>").encode("utf-8")
    processed = process_document(html, "haicheng.html", {"genre": "statistical_bulletin",
                                                         "published_date": "2021-03-01"})
    records = extract_indicators(processed.document, processed.sentences)
    text = processed.document["text"]
    cells = [(q, v, u, k, m, e.year) for q, v, u, k, m, e in zip(records["quote"], records["value"], records["unit"],
                                                                   records["kind"], records["metric"], records["period_end"])
             if q in ("1056955", "100", "306243", "29")]
    assert cells == [("1056955", 1056955, "人", "actual", "全市总人口 年末数", 2020), ("100", 100, "%", "actual", "全市总人口 比重", 2020),
                     ("306243", 306243, "人", "actual", "其中:城镇 年末数", 2020), ("29", 29, "%", "actual", "其中:城镇 比重", 2020)]
    for quote, start, end in zip(records["quote"], records["start"], records["end"]):
        assert text[start:end] == quote


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("指标年末数(人)比重%| 01.9-\n全市总亿元单位:序号"), max_size=120))
def test_table_cells_never_raise_and_always_cite_their_text(text):
    for figure, _ in find_table_figures(text):
        assert text[figure.start:figure.end] == figure.quote
    for cell in find_cell_kinds(text):
        assert 0 <= cell.start < cell.end <= len(text)
