"""Load the processed corpus and summarize it for notebooks: documents, cleaning, quarantine.

In: the Parquet tables under a processed folder. Out: DataFrames ready to display. Nothing here
writes; filters take a place code ("all" for the corpus) and a year range.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from helpers.paths import PROCESSED_DIR
from helpers.places import load_gazetteer
from helpers.store import load_table

DOCUMENT_COLUMNS = ["doc_id", "title", "published_date", "place", "genre", "source", "author",
                    "source_url", "n_chars", "n_sentences"]


def load_documents(processed_dir: str | Path = PROCESSED_DIR, place: str = "all",
                   start_year: int | None = None, end_year: int | None = None) -> pd.DataFrame:
    """Documents about ``place`` (or any place inside it), published within the years.

    Reads the whole table, text included: notebooks and helpers read through
    :func:`helpers.selection.select`, and the tests compare its frames with these.

    A place code such as ``liaoyang`` also selects documents about 灯塔市 or 辽阳县. Documents
    without a date are always kept (the year filter cannot judge them). ``counted`` is False for a
    repost that analyses count once (:func:`helpers.reuse.tables.mark_counted`).
    """
    from helpers.reuse.tables import mark_counted  # it loads documents through this module

    docs = filter_years(filter_place(load_table("documents", processed_dir), place), start_year, end_year)
    docs = mark_counted(docs, processed_dir)
    return docs.sort_values(["published_date", "doc_id"], na_position="last").reset_index(drop=True)


def filter_years(frame: pd.DataFrame, start_year: int | None = None, end_year: int | None = None,
                 column: str = "year") -> pd.DataFrame:
    """Rows published within the years (either bound may be None); undated rows are always kept."""
    if start_year is not None:
        frame = frame[frame[column].isna() | (frame[column] >= start_year)]
    if end_year is not None:
        frame = frame[frame[column].isna() | (frame[column] <= end_year)]
    return frame


def filter_place(frame: pd.DataFrame, place: str, column: str = "place_code") -> pd.DataFrame:
    """Rows whose place is ``place`` or lies inside it; "all" keeps everything."""
    check_place(place)
    if place == "all":
        return frame
    gazetteer = load_gazetteer()
    inside = frame[column].map(lambda code: isinstance(code, str) and place in gazetteer.ancestors(code))
    return frame[inside]


def resolve_place(place: str) -> str:
    """The gazetteer code of ``place``: a code as it is, or a place's Chinese name or alias when only one place has it
    ("辽阳市" → liaoyang; 铁西区 names two districts and is refused with both codes).

    >>> resolve_place("辽阳市"), resolve_place("liaoyang"), resolve_place("all")
    ('liaoyang', 'liaoyang', 'all')
    """
    if place == "all" or place in load_gazetteer().places:
        return place
    codes = load_gazetteer().codes_by_name.get(place, ())
    if len(codes) == 1:
        return codes[0]
    if len(codes) > 1:
        raise ValueError(f"{place!r} names {len(codes)} places; use one of their codes: {', '.join(codes)}")
    check_place(place)
    return place


def check_place(place: str) -> None:
    """Raise ValueError naming the known codes when ``place`` is not a gazetteer code or "all"."""
    if place != "all" and place not in load_gazetteer().places:
        raise ValueError(f"unknown place code {place!r}; use 'all' or one of: "
                         + ", ".join(sorted(load_gazetteer().places)))


def configure_display(max_rows: int = 200, max_colwidth: int = 60) -> None:
    """Moved to `helpers.reports.display.configure_display`; kept for notebooks that call it here."""
    from helpers.reports.display import configure_display as configure

    configure(max_rows, max_colwidth)


def load_manifest(processed_dir: str | Path = PROCESSED_DIR) -> dict:
    """The build's manifest: when it ran, with which pipeline version, on how many files."""
    return json.loads((Path(processed_dir) / "manifest.json").read_text(encoding="utf-8"))


def summarize_documents(docs: pd.DataFrame) -> pd.DataFrame:
    """One row per document with the metadata a reader checks first."""
    return docs[DOCUMENT_COLUMNS].rename(columns={"n_chars": "chars", "n_sentences": "sentences"})


def count_documents(docs: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Documents and characters per group, largest first."""
    grouped = docs.groupby(by, dropna=False).agg(documents=("doc_id", "size"), chars=("n_chars", "sum"))
    return grouped.sort_values("documents", ascending=False).reset_index()


def count_documents_by_year(docs: pd.DataFrame) -> pd.DataFrame:
    """Documents per place (rows) and publication year (columns, every year from the first to the
    last, then ``undated``): the corpus's coverage over time, readable at any corpus size."""
    dated = docs["year"].dropna().astype(int)
    years = [str(y) for y in range(dated.min(), dated.max() + 1)] if len(dated) else []
    year = docs["year"].astype("Int64").astype(str).where(docs["year"].notna(), "undated")
    table = pd.crosstab(docs["place"].fillna("未知").rename("place"), year.rename("year"))
    columns = years + (["undated"] if "undated" in table.columns else [])
    return table.reindex(columns=columns, fill_value=0)


def summarize_metadata_sources(docs: pd.DataFrame) -> pd.DataFrame:
    """Where each metadata field came from (text header, delivery line, catalog, …) per document."""
    columns = ["doc_id", "title_from", "date_from", "place_from", "genre_from", "catalog_fields"]
    frame = docs[columns].copy()
    frame["catalog_fields"] = frame["catalog_fields"].map(lambda v: ", ".join(v) if len(v) else "")
    return frame


def summarize_cleaning(log: pd.DataFrame, doc_ids: pd.Series | None = None) -> pd.DataFrame:
    """Edits and characters removed per cleaning step and rule.

    ``log``: the cleaning log, or its edits counted per document and rule already (columns edits and
    chars_removed: ``Selection.count_cleaning``), which gives the same table.
    """
    if doc_ids is not None:
        log = log[log["doc_id"].isin(doc_ids)]
    if "edits" not in log.columns:
        log = log.assign(chars_removed=log["removed"].str.len() - log["inserted"].str.len(), edits=1)
    summary = log.groupby(["step_index", "step", "rule"]).agg(
        edits=("edits", "sum"), documents=("doc_id", "nunique"), chars_removed=("chars_removed", "sum"))
    return summary.reset_index().drop(columns="step_index")


def sample_cleaning_examples(log: pd.DataFrame, rule: str, n: int = 5) -> pd.DataFrame:
    """One rule's edits for auditing: document, offsets, what was removed and put in, and the text
    around the edit with the edit itself in 【】 (a neighbouring annotation in that context is
    removed by an edit of its own, not left behind).

    >>> log = pd.DataFrame({"doc_id": ["d"], "rule": ["pinyin_annotation"], "start": [2], "end": [9],
    ...                     "left": ["實施"], "removed": ["(shí shī)"], "inserted": [""], "right": ["項目"]})
    >>> sample_cleaning_examples(log, "pinyin_annotation")["context"].tolist()
    ['實施【(shí shī)→】項目']
    """
    rows = log[log["rule"] == rule].head(n)
    return pd.DataFrame({
        "doc_id": rows["doc_id"], "start": rows["start"], "end": rows["end"],
        "removed": rows["removed"], "inserted": rows["inserted"],
        "context": rows["left"] + "【" + rows["removed"] + "→" + rows["inserted"] + "】" + rows["right"],
    }).reset_index(drop=True)


def count_sections(sections: pd.DataFrame, doc_ids: pd.Series | None = None) -> pd.DataFrame:
    """Per document, the headings found and how many sections have each role (review, targets, tasks…)."""
    if doc_ids is not None:
        sections = sections[sections["doc_id"].isin(doc_ids)]
    headed = sections[sections["level"] > 0]
    table = pd.crosstab(headed["doc_id"], headed["role"])
    table.columns.name = None
    table.insert(0, "headings", table.sum(axis=1))
    documents = sections.loc[sections["level"] == 0, ["doc_id"]].set_index("doc_id")
    table = documents.join(table, how="left").fillna(0).astype(int)
    return table.sort_values("headings", ascending=False).reset_index()


def load_quarantine(processed_dir: str | Path = PROCESSED_DIR) -> pd.DataFrame:
    """Files that did not become documents, with the reason."""
    return load_table("quarantine", processed_dir)
