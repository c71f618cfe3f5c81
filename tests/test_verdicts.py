"""Verdicts in proportion: what used to quarantine a whole document, or passed without a word."""

import pytest

from conftest import RAW
from helpers import store as tables
from helpers.build.builder import build_corpus
from helpers.build.pipeline import run_document
from helpers.cli import main
from helpers.corpus.documents import Quarantined, process_document
from helpers.corpus.reading import read_raw
from helpers.indicators.extract import extract_indicators
from make_pdf import make_nul_pdf

SEED = (RAW / "000_c314c07c1d40f028.txt").read_bytes()
# A sentence of 000 (辽阳's press conference), as a PDF generator wrote it
PDF_TEXT = ("前三季度,全市地区生产总值增长5.2%,规模以上工业增加值增长12.5%,"
            "固定资产投资增长20.6%,社会消费品零售总额增长8.6%。")


def test_a_pdf_whose_text_comes_with_nuls_is_cleaned_and_its_figures_found():
    # The issue: "\x00辽\x00阳…" was kept as is and 0 figures were found
    data = make_nul_pdf(PDF_TEXT)
    assert read_raw(data, "a.pdf").text.startswith("\x00前\x00三")  # what the PDF's text layer gives
    result = process_document(data, "a.pdf")
    assert result.document["text"] == PDF_TEXT
    controls = [e for _, e in result.edits for e in e if e.rule == "control_character"]
    assert len(controls) == len(PDF_TEXT) and {e.step for e in controls} == {"control"}  # logged, one per NUL
    records = extract_indicators(result.document, result.sentences)
    assert list(records["quote"]) == ["5.2%", "12.5%", "20.6%", "8.6%"]


@pytest.mark.parametrize("damage, note", [
    (lambda data: data[:1000] + b"\xff" + data[1000:], "replaced 1 undecodable byte sequences"),  # the issue's
    (lambda data: data[:500] + b"\xfe\xff" + data[500:2000] + b"\x80" + data[2000:], "replaced 3 undecodable"),
])
def test_a_few_stray_bytes_in_utf8_are_replaced_and_noted_not_quarantined(damage, note):
    plain = process_document(SEED, "000.txt")
    result = process_document(damage(SEED), "000.txt")
    assert not isinstance(result, Quarantined), result
    assert result.document["encoding"] == "utf-8" and note in result.document["read_notes"]
    assert "\ufffd" in result.document["text"]
    assert abs(result.document["n_chars"] - plain.document["n_chars"]) <= 3  # one character per bad sequence


def test_many_bad_bytes_still_quarantine():
    # random bytes are not a damaged text: the reason stays
    import random

    data = bytes(random.Random(7).randrange(256) for _ in range(3000))
    assert "not text in any supported encoding" in process_document(data, "random.txt").reason


def test_html_nested_ten_thousand_levels_is_read():
    # The issue: quarantined as "HTML page without main text"; libxml2 stops at 256 levels
    body = "盘锦市计划实施投资500万元以上项目600个,其中新开工341个、续建259个。"
    page = ("<html><head><title>盘锦市重点项目</title></head><body>" + "<div>" * 10_000 + f"<p>{body}</p>"
            + "</div>" * 10_000 + "</body></html>").encode("utf-8")
    result = process_document(page, "deep.html")
    assert not isinstance(result, Quarantined), result
    assert body in result.document["text"]
    assert "HTML nested 10003 levels deep: 19806 tags below level 100 dropped" in result.document["read_notes"]


def test_a_page_of_navigation_only_is_still_quarantined():
    page = b"<html><body><nav><a href='/'>\xe9\xa6\x96\xe9\xa1\xb5</a></nav><script>var a=1;</script></body></html>"
    assert isinstance(process_document(page, "nav.html"), Quarantined)


def test_catalog_problems_are_warnings_naming_row_and_field(tmp_path, capsys):
    # The issue: an invalid date or an unknown genre quarantined the document; malformed rows, unknown
    # columns and a doc_id that matches nothing passed without a word
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "000.txt").write_bytes(SEED)
    (raw / "001.txt").write_bytes((RAW / "001_e097eca750060dbf.txt").read_bytes())
    (raw / "catalog.csv").write_text(
        "raw_path,published_date,genre,source,titel\n"
        "000.txt,2023-02-30,press_conference,辽阳日报,x\n"  # row 2: a date that does not exist
        "001.txt,2024-01-07,speech,,x\n"  # row 3: a genre that is not one
        "002.txt,2022-02-18,,,\n"  # row 4: names no file
        "000.txt,2023-10-18\n"  # row 5: too few fields
        ",2023-10-18,news_report,,\n",  # row 6: no key
        encoding="utf-8")
    summary = build_corpus(raw, tmp_path / "processed", progress=False)
    assert summary.n_documents == 2 and summary.n_quarantined == 0
    assert summary.warnings == [
        "catalog.csv: column 'titel' is not one the build reads (raw_path, doc_id, title, published_date, "
        "source, author, source_url, place, place_code, genre): ignored",
        "catalog.csv row 2 (000.txt), field published_date: published_date '2023-02-30' is not a YYYY-MM-DD "
        "date: ignored",
        "catalog.csv row 3 (001.txt), field genre: genre 'speech' is not one of the genres (press_conference, "
        "government_work_report, plan_report, news_report, statistical_bulletin, other): ignored",
        "catalog.csv row 4: '002.txt' matches no file in the raw folder",
        "catalog.csv row 5: 2 fields where the header has 5: the row is ignored",
        "catalog.csv row 6: no raw_path or doc_id: the row is ignored",
    ]
    documents = tables.load_table("documents", tmp_path / "processed").set_index("raw_path")
    assert documents.loc["000.txt", "genre"] == "press_conference" and documents.loc["000.txt", "source"] == "辽阳日报"
    assert str(documents.loc["000.txt", "published_date"]) == "2023-10-18"  # from the text, not the catalog
    assert documents.loc["001.txt", "genre"] == "government_work_report"  # what the text says
    assert main(["build", "--raw", str(raw), "--processed", str(tmp_path / "p2"), "--quiet"]) == 0
    assert "warning: catalog.csv row 3 (001.txt), field genre" in capsys.readouterr().err


def test_a_catalog_saved_by_excel_as_gbk_is_read_with_a_warning(tmp_path):
    # Excel on a Chinese system saves CSV as GBK: the build had replaced its bytes and ignored every garbled place
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "000.txt").write_bytes(SEED)
    (raw / "catalog.csv").write_bytes("raw_path,place,source\n000.txt,盘锦市,盘锦日报\n".encode("gbk"))
    summary = build_corpus(raw, tmp_path / "processed", progress=False)
    assert summary.warnings == ["catalog.csv is not UTF-8 (byte 30); it was read as GB18030, as Excel saves CSV on a "
                                "Chinese system: save it as CSV UTF-8 to be sure"]
    documents = tables.load_table("documents", tmp_path / "processed")
    assert documents.loc[0, "place_code"] == "panjin" and documents.loc[0, "source"] == "盘锦日报"


def test_strict_fails_before_publishing_anything(tmp_path):
    # The issue: --strict exited 1 but still wrote the tables
    from helpers.build.builder import QuarantineError

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "seed.txt").write_bytes(SEED)
    build_corpus(raw, tmp_path / "processed", progress=False)
    before = tables.resolve_generation(tmp_path / "processed")
    (raw / "empty.txt").write_bytes(b"")
    with pytest.raises(QuarantineError, match="1 files quarantined"):
        build_corpus(raw, tmp_path / "processed", progress=False, strict=True)
    assert tables.resolve_generation(tmp_path / "processed") == before
    assert len(tables.load_table("quarantine", tmp_path / "processed")) == 0
    assert [p.name for p in (tmp_path / "processed" / ".generations").iterdir()] == [before.name]


def test_a_surrogate_in_a_document_reaches_the_tables_as_a_replacement_character():
    # lone surrogates cannot be encoded: the cleaning step replaces them, the log escapes them
    columns = run_document("x.txt", SEED, None, "key", None, None, [])
    assert "documents" in columns
    from helpers.corpus.cleaning import clean_text

    cleaned = clean_text("辽阳市\udc80全面振兴")
    assert cleaned.body == "辽阳市\ufffd全面振兴"
    tables.build_table("cleaning_log", [e._asdict() for _, e in cleaned.iter_edits()])  # storable
