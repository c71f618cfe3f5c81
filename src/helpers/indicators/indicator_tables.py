"""Read the indicators table for people: filter, count, compare, and export for Excel.

In: ``indicators.parquet`` and ``documents.parquet``. Out: DataFrames that always carry the quote
and sentence, so a reader can check every number; ``write_indicator_exports`` writes CSV (UTF-8 with
BOM, so Excel shows the Chinese) and XLSX into a report folder.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from helpers.atomic import write_atomically
from helpers.paths import PROCESSED_DIR
from helpers.corpus.overview import filter_place, filter_years
from helpers.spreadsheet import write_csv, write_xlsx  # write_xlsx: also for callers of this module
from helpers.corpus.sections import ROLES
from helpers.store import load_table

READING_COLUMNS = ["place", "published_date", "kind", "indicator", "metric", "quote", "value",
                   "value_high", "unit", "qualifier", "direction", "period", "sentence", "doc_id"]
# The record columns the analyses of a place read (reading, counting, the ledger, repeated figures)
ANALYSIS_COLUMNS = ["place", "place_code", "kind", "indicator", "metric", "quote", "value", "value_high", "unit",
                    "qualifier", "direction", "period", "period_start", "period_end", "is_average", "sentence", "sentence_id",
                    "start", "end", "section_role", "kind_cue", "kind_confidence"]


@lru_cache(maxsize=1)
def load_indicator_names() -> pd.DataFrame:
    """``resources/indicators.csv``: code, Chinese and English names, which direction is better."""
    text = resources.files("helpers.resources").joinpath("indicators.csv").read_text(encoding="utf-8")
    return pd.DataFrame(list(csv.DictReader(text.splitlines())))[["code", "name_zh", "name_en", "better"]]


def load_indicators(processed_dir: str | Path = PROCESSED_DIR, place: str = "all",
                    start_year: int | None = None, end_year: int | None = None,
                    include_thresholds: bool = False, count_reposts_once: bool = True,
                    section_role: str = "all") -> pd.DataFrame:
    """Indicator records with their document's title, date and genre; thresholds left out by default.

    Reads both tables whole: notebooks read ``Selection.indicators`` (:mod:`helpers.selection`), and
    the tests compare the two.

    The year filter applies to the document's publication year (undated documents are kept). A
    repost's records are left out (its group counts once) unless ``count_reposts_once`` is False.
    ``section_role`` keeps the figures of one kind of section (review, targets, tasks,
    plan_execution, plan_draft, statistics, other; "all" keeps every one).
    """
    from helpers.reuse.tables import select_counted

    records = load_table("indicators", processed_dir)
    if count_reposts_once:
        records = select_counted(records, processed_dir)
    documents = load_table("documents", processed_dir)[["doc_id", "title", "published_date", "year", "genre"]]
    records = records.merge(documents, on="doc_id", how="left")
    records = filter_place(records, place)
    if not include_thresholds:
        records = records[~records["is_threshold"]]
    records = filter_section_role(records, section_role)
    return filter_years(records, start_year, end_year).reset_index(drop=True)


def filter_section_role(records: pd.DataFrame, section_role: str = "all") -> pd.DataFrame:
    """The figures of one kind of section (review, targets, tasks, plan_execution, plan_draft,
    statistics, other); "all" keeps every one.

    >>> filter_section_role(pd.DataFrame({"quote": ["5.6%", "5%"], "section_role": ["review", "targets"]}), "targets")["quote"].tolist()
    ['5%']
    """
    if section_role == "all":
        return records
    if section_role not in ROLES:
        raise ValueError(f"section_role '{section_role}' is none of all, {', '.join(ROLES)}")
    return records[records["section_role"] == section_role].reset_index(drop=True)


def count_indicators(records: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Records per group, with how many have a canonical indicator.

    ``records``: indicator records, or records counted already at least as finely as ``by``
    (columns figures and with_indicator: ``Selection.count_indicators``), which gives the same table.
    """
    if "figures" in records.columns:
        grouped = records.groupby(by, dropna=False)[["figures", "with_indicator"]].sum()
    else:
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
    ``period`` is the text's period with the year it ends in where it names none (前三季度 (2023)) or, when the text
    names no period, that year; rows come in the order of the periods' ends, so that a chart's panels do.
    """
    rows = records[records["indicator"] == indicator]
    if rows.empty:
        return pd.DataFrame(columns=COMPARISON_COLUMNS)
    unit = unit or rows["unit"].mode().iat[0]
    rows = rows[rows["unit"] == unit].sort_values(["period_end", "place"], na_position="last", kind="stable")
    year = pd.to_datetime(rows["period_end"]).dt.year.astype("Int64").astype("string")  # missing stays missing
    named = rows["period"].astype("string")
    dated = named.str.contains(PERIOD_WITH_YEAR, regex=True).fillna(True) | year.isna()
    return rows.assign(period=named.where(dated, named + " (" + year + ")").fillna(year),
                       signed=rows["value"].where(rows["direction"] != "down", -rows["value"])
                       )[COMPARISON_COLUMNS].reset_index(drop=True)


COMPARISON_COLUMNS = ["place", "period", "kind", "quote", "signed", "unit", "published_date", "doc_id"]
# A period phrase that says which years it is: "2025年", "“十四五”时期" (else its year is added: "前三季度 (2023)")
PERIOD_WITH_YEAR = r"\d{4}|十[一二三四五六]五"


def rank_indicators(records: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The canonical indicators reported most often, with their names.

    ``records``: indicator records, or records counted per indicator, place and document already
    (a ``figures`` column: ``Selection.count_indicators(["indicator", "place", "doc_id"])``).
    """
    size = ("figures", "sum") if "figures" in records.columns else ("quote", "size")
    counts = records.dropna(subset=["indicator"]).groupby("indicator").agg(
        figures=size, places=("place", "nunique"), documents=("doc_id", "nunique"))
    names = load_indicator_names().set_index("code")[["name_zh", "name_en"]]
    return counts.join(names).sort_values("figures", ascending=False).head(n).reset_index()


def select_headline_figures(records: pd.DataFrame, kind: str = "target") -> pd.DataFrame:
    """Figures of one kind that have a canonical indicator: a work report's headline numbers."""
    rows = records[(records["kind"] == kind) & records["indicator"].notna()]
    return rows[READING_COLUMNS].reset_index(drop=True)


def caption_headline_figures(records: pd.DataFrame, kind: str = "target", name: str = "目标 (targets") -> str:
    """The caption of `select_headline_figures`: how many of the figures of ``kind`` it holds, so that a table
    without rows does not seem to contradict a count of all of them (辽阳's one target has no canonical indicator).

    >>> caption_headline_figures(pd.DataFrame({"kind": ["target", "target", "actual"], "indicator": [None, "gdp", "gdp"]}))
    '目标 (targets: the 1 of 2 with a canonical indicator, with its quote and sentence; value in the unit column)'
    """
    of_kind = records[records["kind"] == kind]
    shown = int(of_kind["indicator"].notna().sum())
    return (f"{name}: the {shown:,} of {len(of_kind):,} with a canonical indicator, with {'its' if shown == 1 else 'their'} "
            "quote and sentence; value in the unit column)")


# A worksheet holds 1,048,576 rows, the header included
XLSX_MAX_ROWS = 1_048_575
# A workbook of more records than this is written as CSV alone: 889,000 records with their sentences
# made a 116 MB workbook in 90 s (1 GB corpus), which Excel opens slowly if at all; the CSV of the
# same records opens in Excel as one sheet
XLSX_WORKBOOK_ROWS = 100_000


def write_indicator_exports(source, output_dir: str | Path, max_sheet_rows: int = XLSX_MAX_ROWS,
                            max_workbook_rows: int = XLSX_WORKBOOK_ROWS) -> list[Path]:
    """indicators.csv (UTF-8 with BOM, formulas neutralized) and indicators.xlsx in ``output_dir``,
    each written atomically (:mod:`helpers.spreadsheet`).

    ``source``: the records, or a selection (:class:`helpers.selection.Selection`). More records than
    ``max_workbook_rows`` are written as CSV alone. A selection with more records than a worksheet
    holds (``max_sheet_rows``) is written from Arrow, a row group at a time, as indicators.parquet
    alone (pandas, R, Stata and DuckDB read it; Excel could not open an XLSX or CSV of it whole, and a
    CSV of 5 M records with their sentences is 2 GB).
    """
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    if isinstance(source, pd.DataFrame):
        records = source
    elif source.count_records() > max_sheet_rows:
        return [write_atomically(output_dir / "indicators.parquet",
                                  lambda p: write_parquet_batches(source.scan_indicator_table(), p))]
    else:
        records = source.indicators
    table = records.drop(columns=[c for c in ("year",) if c in records.columns])
    written = [write_csv(table, output_dir / "indicators.csv")]
    if len(table) <= max_workbook_rows:
        written.append(write_xlsx(table, output_dir / "indicators.xlsx", "indicators"))
    return written



def write_parquet_batches(batches, path: str | Path) -> None:
    """Arrow tables (the same columns) into one Parquet file, a row group each, without the year
    column: memory holds one batch at a time however many records there are."""
    import pyarrow.parquet

    writer = None
    try:
        for batch in batches:
            batch = batch.drop_columns([c for c in ("year",) if c in batch.column_names])
            if writer is None:
                writer = pyarrow.parquet.ParquetWriter(str(path), batch.schema, compression="zstd")
            writer.write_table(batch)
    finally:
        if writer is not None:
            writer.close()


def build_record_refs(records: pd.DataFrame) -> pd.Series:
    """Each record's id as one string: document, sentence number and character offsets.

    >>> build_record_refs(pd.DataFrame({"doc_id": ["provinces/北京市"], "sentence_id": [113],
    ...                                 "start": [5634], "end": [5638]})).tolist()
    ['provinces/北京市#113@5634-5638']
    """
    if records.empty:
        return pd.Series([], index=records.index, dtype=object)
    part = {c: (records[c].astype("Int64").astype(str) if c in records.columns else "?")  # hand-made rows
            for c in ("sentence_id", "start", "end")}
    return records["doc_id"].astype(str) + "#" + part["sentence_id"] + "@" + part["start"] + "-" + part["end"]
