"""Read the indicators table for people: filter, count, compare, and export for Excel.

In: ``indicators.parquet`` and ``documents.parquet``. Out: DataFrames that always carry the quote
and sentence, so a reader can check every number; ``write_indicator_exports`` writes CSV (UTF-8 with
BOM, so Excel shows the Chinese) and XLSX into a report folder.
"""

from __future__ import annotations

import csv
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from helpers.paths import PROCESSED_DIR
from helpers.atomic import make_temporary_file
from helpers.corpus.overview import filter_place, filter_years
from helpers.corpus.sections import ROLES
from helpers.store import load_table

READING_COLUMNS = ["place", "published_date", "kind", "indicator", "metric", "quote", "value",
                   "value_high", "unit", "qualifier", "direction", "period", "sentence", "doc_id"]


@lru_cache(maxsize=1)
def load_indicator_names() -> pd.DataFrame:
    """``resources/indicators.csv``: code, Chinese and English names, which direction is better."""
    text = resources.files("helpers.resources").joinpath("indicators.csv").read_text(encoding="utf-8")
    return pd.DataFrame(list(csv.DictReader(text.splitlines())))[["code", "name_zh", "name_en", "better"]]


def load_indicators(processed_dir: str | Path = PROCESSED_DIR, place: str = "all",
                    start_year: int | None = None, end_year: int | None = None,
                    include_thresholds: bool = False, section_role: str = "all") -> pd.DataFrame:
    """Indicator records with their document's title, date and genre; thresholds left out by default.

    The year filter applies to the document's publication year (undated documents are kept);
    ``section_role`` keeps the figures of one kind of section (review, targets, tasks,
    plan_execution, plan_draft, statistics, other; "all" keeps every one).
    """
    records = load_table("indicators", processed_dir)
    documents = load_table("documents", processed_dir)[["doc_id", "title", "published_date", "year", "genre"]]
    records = records.merge(documents, on="doc_id", how="left")
    records = filter_place(records, place)
    if not include_thresholds:
        records = records[~records["is_threshold"]]
    if section_role != "all":
        if section_role not in ROLES:
            raise ValueError(f"section_role '{section_role}' is none of all, {', '.join(ROLES)}")
        records = records[records["section_role"] == section_role]
    return filter_years(records, start_year, end_year).reset_index(drop=True)


def count_indicators(records: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Records per group, with how many have a canonical indicator."""
    grouped = records.groupby(by, dropna=False).agg(
        figures=("quote", "size"), with_indicator=("indicator", "count"))
    return grouped.reset_index().sort_values("figures", ascending=False, ignore_index=True)


def summarize_indicator(records: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """Every record of one canonical indicator, oldest first, with its quote and sentence."""
    rows = records[records["indicator"] == indicator]
    return rows.sort_values(["published_date", "doc_id", "start"])[READING_COLUMNS].reset_index(drop=True)


def compare_indicator(records: pd.DataFrame, indicator: str, unit: str | None = None) -> pd.DataFrame:
    """One indicator across places and periods: a row per record in one unit, by place and period.

    Only records in ``unit`` (by default the indicator's most common unit) are kept: a growth rate and
    a level cannot share an axis. ``signed`` is the value with its direction (a fall is negative);
    ``period`` is the text's period or, when it names none, the year the period ends.
    """
    rows = records[records["indicator"] == indicator]
    if rows.empty:
        return pd.DataFrame(columns=COMPARISON_COLUMNS)
    unit = unit or rows["unit"].mode().iat[0]
    rows = rows[rows["unit"] == unit].sort_values(["place", "period_end"], na_position="last")
    year = pd.to_datetime(rows["period_end"]).dt.year.astype("Int64").astype("string")  # missing stays missing
    return rows.assign(period=rows["period"].fillna(year),
                       signed=rows["value"].where(rows["direction"] != "down", -rows["value"])
                       )[COMPARISON_COLUMNS].reset_index(drop=True)


COMPARISON_COLUMNS = ["place", "period", "kind", "quote", "signed", "unit", "published_date", "doc_id"]


def rank_indicators(records: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The canonical indicators reported most often, with their names."""
    counts = records.dropna(subset=["indicator"]).groupby("indicator").agg(
        figures=("quote", "size"), places=("place", "nunique"), documents=("doc_id", "nunique"))
    names = load_indicator_names().set_index("code")[["name_zh", "name_en"]]
    return counts.join(names).sort_values("figures", ascending=False).head(n).reset_index()


def select_headline_figures(records: pd.DataFrame, kind: str = "target") -> pd.DataFrame:
    """Figures of one kind that have a canonical indicator: a work report's headline numbers."""
    rows = records[(records["kind"] == kind) & records["indicator"].notna()]
    return rows[READING_COLUMNS].reset_index(drop=True)


def write_indicator_exports(records: pd.DataFrame, output_dir: str | Path) -> list[Path]:
    """indicators.csv (UTF-8 with BOM) and indicators.xlsx in ``output_dir``, each written atomically."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    table = records.drop(columns=[c for c in ("year",) if c in records.columns])
    written = []
    for name, write in (("indicators.csv", lambda p: table.to_csv(p, index=False, encoding="utf-8-sig")),
                        ("indicators.xlsx", lambda p: write_xlsx(table, p, "indicators"))):
        handle, temporary = make_temporary_file(output_dir, f".{name}.", Path(name).suffix)
        os.close(handle)
        try:
            write(temporary)
            os.replace(temporary, output_dir / name)
        finally:
            Path(temporary).unlink(missing_ok=True)
        written.append(output_dir / name)
    return written


# Text stays text: a sentence that begins with "=" or holds a web address is evidence, not a formula or
# a link. Dates are real dates (Excel sorts and filters them), shown as 2023-10-18.
XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "default_date_format": "yyyy-mm-dd",
                "nan_inf_to_errors": True}


def write_xlsx(table: pd.DataFrame, path: str | Path, sheet: str) -> None:
    """One sheet with a frozen, filterable header row, written with xlsxwriter's rows directly.

    pandas' ``to_excel`` formats every cell through its own layer first: 0.2-0.3 s for the corpus's
    indicators with openpyxl, 0.17 s with xlsxwriter, against 0.08 s here.
    """
    import xlsxwriter

    with xlsxwriter.Workbook(str(path), XLSX_OPTIONS) as book:
        worksheet = book.add_worksheet(sheet)
        worksheet.write_row(0, 0, [str(column) for column in table.columns])
        cells = table.astype(object).where(table.notna(), None)  # numpy scalars become Python ones
        for row, values in enumerate(cells.itertuples(index=False, name=None), start=1):
            worksheet.write_row(row, 0, values)
        worksheet.freeze_panes(1, 0)
        worksheet.autofilter(0, 0, len(table), max(len(table.columns) - 1, 0))
