"""Reading raw bytes: encodings made from the seeds, HTML, PDF, and files that must be refused."""

import io
import random

import pytest

from conftest import FIXTURES, read_seed
from helpers.corpus.reading import UnreadableError, read_raw

SEED = read_seed("000_c314c07c1d40f028.txt").decode("utf-8")
TRADITIONAL = "盤錦市工業增長三年行動專項方案。規模以上工業增加值年均增速不低於全省平均水平。" * 5


@pytest.mark.parametrize("encoding, text, expected_encoding", [
    ("utf-8", SEED, "utf-8"),  # the seeds as found
    ("utf-8-sig", SEED, "utf-8-sig"),  # Windows tools add a BOM
    ("gb18030", SEED, "gb18030"),  # mainland sites still serve GBK/GB18030
    ("gbk", SEED, "gb18030"),  # GBK is a subset of GB18030
    ("big5", TRADITIONAL, "big5"),  # Hong Kong and Taiwan reposts; also valid GB18030 bytes
    ("utf-16", SEED, "utf-16"),  # with a BOM
    ("utf-16-le", SEED, "utf-16-le"),  # without a BOM
    ("utf-16-be", SEED, "utf-16-be"),  # without a BOM, big-endian
])
def test_encodings_are_detected(encoding, text, expected_encoding):
    # GBK cannot encode every character of the seed (e.g. the em dash variant); drop those
    data = text.encode(encoding, errors="ignore")
    raw = read_raw(data, "doc.txt")
    assert raw.encoding == expected_encoding
    assert raw.text.lstrip("\ufeff") == data.decode(expected_encoding).lstrip("\ufeff")


def test_utf8_cut_in_the_middle_of_a_character_is_read_and_noted():
    data = SEED.encode("utf-8")[:-1]  # the last character loses a byte
    raw = read_raw(data, "cut.txt")
    assert raw.text == SEED[:-1]
    assert "middle of a UTF-8 character" in raw.notes[0]


def test_gb18030_cut_in_the_middle_of_a_character_is_read():
    data = SEED.encode("gb18030")[:-1]
    raw = read_raw(data, "cut.txt")
    assert raw.encoding == "gb18030" and raw.text == SEED[:-1]


@pytest.mark.parametrize("data, name, reason", [
    (b"", "empty.txt", "empty file"),  # an empty download
    (random.Random(0).randbytes(4096), "random.txt", "binary"),  # random bytes named .txt (seeded: the test is the
    # same every run; one in about 30,000 random files opens with a byte-order mark, the two cases below)
    (b"\xff\xfe" + random.Random(0).randbytes(4094), "bom.txt", "damaged utf-16 text"),  # random after a UTF-16 mark
    (b"\xef\xbb\xbf" + random.Random(0).randbytes(4093), "bom8.txt", "damaged utf-8-sig text"),  # after a UTF-8 mark
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image.txt", "binary"),  # a PNG renamed .txt
    (b"PK\x03\x04" + b"\x00" * 50, "report.docx", "unsupported file type '.docx'"),  # Word file
    (b"   \n\n  ", "blank.txt", "only white space"),  # nothing but spaces
    (b"%PDF-1.4 truncated", "broken.pdf", "PDF could not be parsed"),  # a cut-off PDF
])
def test_unreadable_files_get_a_reason(data, name, reason):
    with pytest.raises(UnreadableError, match="(?i)" + reason.replace("(", r"\(").replace(".", r"\.")):
        read_raw(data, name)


def test_html_page_gives_main_text_and_page_metadata():
    raw = read_raw((FIXTURES / "jiangxi-stat-bulletin-2022.html").read_bytes(), "jiangxi.html")
    assert raw.format == "html"
    assert raw.page.title == "江西省2022年国民经济和社会发展统计公报"
    assert "全年地区生产总值[2]32074.7亿元" in raw.text
    assert "window[" not in raw.text and "GUAN.EXTENSION" not in raw.text  # scripts never become text


SHORT_TABLE_PAGE = """<html><head><meta charset="utf-8"><title>2025年主要经济指标</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>
<div class="content"><h1>2025年主要经济指标完成情况</h1><p>2025年全市主要经济指标完成情况如下表。</p>
<table><tr><td>指标</td><td>目标(%)</td><td>完成(%)</td></tr><tr><td>地区生产总值增速</td><td>6</td><td>5.5</td></tr>
<tr><td>规上工业增加值增速</td><td>8</td><td>7.1</td></tr><tr><td>固定资产投资增速</td><td>5</td><td>4.2</td></tr></table></div>
</body></html>"""


def test_a_short_page_keeps_its_table_in_rows_and_drops_its_navigation():
    # a short release with a table (the pages that hold goals and results) came out one cell a line with its
    # navigation; cleaning then dropped the goals 6, 8, 5 as page numbers and glued 6 and 5.5 into 65.5
    from helpers.corpus.documents import process_document

    result = process_document(SHORT_TABLE_PAGE.encode(), "short.html")
    assert result.document["text"].splitlines()[-3:] == [
        "| 地区生产总值增速 | 6 | 5.5 |", "| 规上工业增加值增速 | 8 | 7.1 |", "| 固定资产投资增速 | 5 | 4.2 |"]
    assert "首页" not in result.document["text"]
    assert "precise setting" in result.document["read_notes"]


def test_html_saved_as_txt_is_sniffed():
    page = ("<!DOCTYPE html><html><head><script>var x = '不是正文';</script><style>p{}</style></head>"
            "<body><article><p>" + "全市实施投资500万元以上项目1000个,亿元以上项目330个。" * 5
            + "</p></article></body></html>")
    raw = read_raw(page.encode("utf-8"), "page.txt")
    assert raw.format == "html"
    assert "不是正文" not in raw.text and "亿元以上项目330个" in raw.text


def test_html_with_only_scripts_is_unreadable():
    page = b"<html><head><script>document.write('x')</script></head><body></body></html>"
    with pytest.raises(UnreadableError, match="HTML page without main text"):
        read_raw(page, "empty.html")


def test_pdf_text_layer_is_read():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from helpers.reports import plots

    plots.use_chinese_font()
    plt.rcParams["pdf.fonttype"] = 42
    fig = plt.figure()
    fig.text(0.1, 0.5, "亿元以上项目330个")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="pdf")
    plt.close(fig)
    raw = read_raw(buffer.getvalue(), "report.pdf")
    assert raw.format == "pdf"
    assert "亿元以上项目330个" in raw.text.replace(" ", "")


def test_an_html_page_says_how_much_of_its_text_the_main_text_keeps():
    # what trafilatura leaves out of a page (its navigation, related links, footer) is not in the cleaning log, which
    # starts from the main text: read_notes says how much it was
    from helpers.corpus.documents import process_document

    notes = process_document(SHORT_TABLE_PAGE.encode(), "short.html").document["read_notes"]
    assert "HTML main text: 58 of the page's 71 Chinese characters" in notes  # 首页, 政务公开 and the <title> left out
