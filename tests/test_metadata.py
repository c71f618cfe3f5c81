"""The metadata of each document of the corpus, as a reader of it would write it down."""

import datetime as dt

import pytest

from conftest import FIXTURES, RAW
from helpers.corpus.documents import process_document

D = dt.date
EXPECTED = {
    # 000: header lines; a column slogan before the headline; event 10月17日 in the dateline
    "000_c314c07c1d40f028.txt": dict(
        title="我市召开“贯彻党的二十大精神—实施全面振兴新突破三年行动”首场新闻发布会",
        published_date=D(2023, 10, 18), event_date=D(2023, 10, 17), source="辽阳日报",
        author="王婧醒", place="辽阳市", place_code="liaoyang", genre="press_conference"),
    # 001: no header; the date is in the delivery line; speaker line; site footer with 本文地址
    "001_e097eca750060dbf.txt": dict(
        title="政府工作报告", published_date=D(2024, 1, 7), source=None, author="郭云峰",
        place="辽阳市", place_code="liaoyang", genre="government_work_report",
        source_url="/baogao/db/9712.html"),
    # 002: no title line; 发布日期 and 消息来源 headers; about 盘锦市
    "002_d766e72967905135.txt": dict(
        title=None, published_date=D(2022, 2, 18), event_date=D(2022, 2, 12), source="辽宁日报社",
        place="盘锦市", place_code="panjin", genre="news_report"),
    # 003: site chrome; 发布时间/来源/作者 on one line, 作者 佚名 means unknown; 原文链接 kept as URL
    "003_7ac959c10e8bad84.txt": dict(
        title="葫芦岛:夯基垒台 积蓄高质量发展强大后劲", published_date=D(2022, 9, 11),
        source="辽沈智慧党建云平台", author=None, place="葫芦岛市", place_code="huludao",
        genre="news_report",
        source_url="https://www.lndj.gov.cn/portaluploads/html/site-5/info/43324.html"),
    # 004: Traditional with pinyin; bare 3月30日 takes 2023 from the plan (2023-2025年) and 较2022年
    "004_87c328761f19b533.txt": dict(
        title="“贯彻党的二十大精神——实施全面振兴新突破三年行动”主题系列新闻发布会(第二场)召开",
        published_date=D(2023, 3, 30), place="盘锦市", place_code="panjin",
        genre="press_conference", author="王健、刘云、王培夙、杨光、王国君"),
    # liaoning-gwr-2026: delivered 1月27日, printed 2026-02-01 (时间 header); province-level
    "corpora/liaoning-gwr-2026.txt": dict(
        title="2026年辽宁省政府工作报告", published_date=D(2026, 2, 1), event_date=D(2026, 1, 27),
        source="辽宁日报", author="王新伟", place="辽宁省", place_code="liaoning",
        place_level="province", genre="government_work_report"),
}


@pytest.mark.parametrize("raw_path", sorted(EXPECTED))
def test_metadata_of_each_document(raw_path):
    result = process_document((RAW / raw_path).read_bytes(), raw_path)
    got = {field: result.document[field] for field in EXPECTED[raw_path]}
    assert got == EXPECTED[raw_path]


@pytest.mark.parametrize("name, expected", [
    # no title line, CRLF; the reporting body 国务院 makes it national; no date anywhere
    ("national-gwr-2022-head.txt", dict(genre="government_work_report", place_code="china",
                                        published_date=None, title="政府工作报告")),
    # title, date and speaker run together on line 1
    ("national-gwr-2024-head.txt", dict(genre="government_work_report", place_code="china",
                                        published_date=D(2024, 3, 5), title="政府工作报告",
                                        author="李强")),
    # a saved web page: the date is the line under the title, not the page's own date
    ("jiangxi-stat-bulletin-2022.html", dict(genre="statistical_bulletin", place_code="jiangxi",
                                             published_date=D(2023, 3, 28),
                                             title="江西省2022年国民经济和社会发展统计公报")),
])
def test_metadata_of_other_government_documents(name, expected):
    result = process_document((FIXTURES / name).read_bytes(), name)
    assert {field: result.document[field] for field in expected} == expected


# The opening lines of 贵州's 2026 work report as the shared provincial corpus holds it: a photo's caption, then the
# delivery line in full-width brackets
GUIZHOU_2026_HEAD = ("政府工作报告。 贵州日报天眼新闻记者 李森 摄\n政府工作报告\n"
                     "（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）\n省长 李炳军\n各位代表：\n"
                     "现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。\n")


def test_a_delivery_line_in_brackets_dates_the_report_and_a_photo_credit_is_no_title():
    # 贵州 2026 had no date (its 2026 targets fell out of every year filter) and the title "政府工作报告。贵州日报…摄"
    result = process_document(GUIZHOU_2026_HEAD.encode(), "贵州省.txt")
    assert (result.document["published_date"], result.document["date_from"], result.document["title"]) == (
        D(2026, 1, 27), "delivery_line", "政府工作报告")


# A collected page of 河北's 2026 work report whose 来源 and 时间 lines are not in its main text (the page's date is in
# its head); the article's lines are the report's own (河北 2026, lines 10-19)
HEBEI_2026_PAGE = """<html><head><meta charset="utf-8"><title>2026年河北省政府工作报告_河北省人民政府网</title>
<meta property="article:published_time" content="2026-02-02"></head><body><div class="nav"><a href="/">首页</a></div>
<div class="article"><h1>2026年河北省政府工作报告</h1>
<p>——2026年1月26日在河北省第十四届人民代表大会第四次会议上</p><p>河北省人民政府省长 王正谱</p><p>各位代表：</p>
<p>现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员和列席人员提出意见。</p>
<p>一、“十四五”时期经济社会发展回顾</p>
<p>过去五年，是极不寻常、极不平凡的五年。习近平总书记多次视察河北，发表重要讲话、作出重要指示，为我们提供了根本遵循。</p>
</div></body></html>"""


def test_a_collected_report_page_is_titled_and_dated_by_the_page_not_its_delivery_line():
    # the collected page had the title "——2026年1月26日在…会议上" and was dated by its delivery, not its posting
    result = process_document(HEBEI_2026_PAGE.encode(), "collected/hebei/a.html")
    got = {field: result.document[field] for field in ("title", "title_from", "published_date", "date_from", "event_date")}
    assert got == {"title": "2026年河北省政府工作报告", "title_from": "html", "published_date": D(2026, 2, 2),
                   "date_from": "html", "event_date": D(2026, 1, 26)}


def test_catalog_overrides_fields_and_records_which():
    data = (FIXTURES / "national-gwr-2022-head.txt").read_bytes()
    result = process_document(data, "gwr.txt", {"published_date": "2022-03-05", "source": "中国政府网"})
    assert result.document["published_date"] == D(2022, 3, 5)
    assert result.document["source"] == "中国政府网"
    assert result.document["catalog_fields"] == ["published_date", "source"]
    assert result.document["date_from"] == "catalog"  # it had kept the text's delivery_line


def test_catalog_sets_where_title_date_and_genre_came_from():
    # 01's provenance table had said title_from=text and genre_from=title for fields the catalog gave
    data = (FIXTURES / "national-gwr-2022-head.txt").read_bytes()
    result = process_document(data, "gwr.txt", {"title": "政府工作报告", "genre": "government_work_report",
                                                "place": "辽宁省"})
    assert [result.document[f] for f in ("title_from", "genre_from", "place_from")] == ["catalog"] * 3


def test_catalog_gives_the_source_url_of_a_collected_page():
    # the collector writes the URL it fetched; it wins over a URL read from the text, as every field does
    data = (FIXTURES / "yichun-stat-bulletin-2022.html").read_bytes()
    url = "http://127.0.0.1:8000/tjgb/yichun-stat-bulletin-2022.html"  # as the collector's tests serve it
    result = process_document(data, "collected/127.0.0.1/tjgb/yichun-stat-bulletin-2022.html", {"source_url": url})
    assert result.document["source_url"] == url
    assert result.document["catalog_fields"] == ["source_url"]


def test_catalog_with_a_bad_value_ignores_the_field_and_says_so():
    # a bad catalog field used to quarantine the whole document; now the text's own reading stays
    data = (FIXTURES / "national-gwr-2022-head.txt").read_bytes()
    plain = process_document(data, "gwr.txt")
    result = process_document(data, "gwr.txt", {"genre": "speech", "published_date": "2022-13-05",
                                                "source": "中国政府网"})
    assert result.document["genre"] == plain.document["genre"]
    assert result.document["published_date"] == plain.document["published_date"]
    assert result.document["catalog_fields"] == ["source"]
    assert "catalog.csv: genre 'speech' is not one of the genres" in result.document["read_notes"]
    assert "published_date '2022-13-05' is not a YYYY-MM-DD date: ignored" in result.document["read_notes"]
