"""Figures in the cells of text tables: a bare number under a header that names its unit, and nothing else."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.corpus.documents import process_document
from helpers.indicators.extract import extract_indicators
from helpers.indicators.table_cells import find_table_figures

# 海城's statistical bulletin of 2020 (tests/fixtures/kind_gold/docs/bulletin-haicheng-2020-z6.txt), as the labeller
# copied it: a caption row, a header with the unit of each column, rows of bare numbers
HAICHENG = ("表1 2020年年末人口数及其构成 | ||\n指 标 | 年末数(人) | 比重(%) |\n全市总人口 | 1056955 | 100 |\n"
            "其中:城镇 | 306243 | 29 |\n乡村 | 750712 | 71 |\n其中:0-17岁 | 150986 | 14.3 |\n")


@pytest.mark.parametrize("text, expected", [
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
])
def test_find_table_figures(text, expected):
    found = [cell.figure for cell in find_table_figures(text)]
    assert [(f.quote, f.value, f.unit) for f in found] == expected
    assert all(text[f.start:f.end] == f.quote for f in found)


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
@given(st.text(alphabet=st.sampled_from("指标年末数(人)比重%| 01.9-\n全市总亿元"), max_size=120))
def test_table_cells_never_raise_and_always_cite_their_text(text):
    for figure, _ in find_table_figures(text):
        assert text[figure.start:figure.end] == figure.quote
