"""Helpers for exploring the corpus in JupyterLab: search documents, look up figures, small widgets.

In: the processed tables. Out: DataFrames, or ipywidgets controls that show DataFrames. Nothing here
writes files.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from helpers.paths import PROCESSED_DIR
from helpers.corpus.overview import load_documents
from helpers.indicators.indicator_tables import READING_COLUMNS, load_indicators
from helpers.themes.theme_analysis import kwic


def search_documents(query: str, processed_dir: str | Path = PROCESSED_DIR, place: str = "all",
                     genre: str | None = None, regex: bool = False) -> pd.DataFrame:
    """Documents whose cleaned text contains ``query``, with the number of matches and the first one."""
    documents = load_documents(processed_dir, place)
    if genre:
        documents = documents[documents["genre"] == genre]
    pattern = re.compile(query if regex else re.escape(query))
    rows = []
    for doc in documents.itertuples():
        matches = list(pattern.finditer(doc.text))
        if matches:
            first = matches[0].start()
            rows.append((doc.doc_id, doc.title, doc.published_date, doc.place, doc.genre, len(matches),
                         doc.text[max(0, first - 20):first + 40].replace("\n", " ⏎ ")))
    return pd.DataFrame(rows, columns=["doc_id", "title", "published_date", "place", "genre", "matches",
                                       "first_match"]).sort_values("matches", ascending=False, ignore_index=True)


def lookup_indicators(processed_dir: str | Path = PROCESSED_DIR, place: str = "all",
                      indicator: str | None = None, kind: str | None = None) -> pd.DataFrame:
    """Figures of a place (and inside it), optionally one indicator and one kind, with their quotes."""
    records = load_indicators(processed_dir, place)
    if indicator:
        records = records[records["indicator"] == indicator]
    if kind:
        records = records[records["kind"] == kind]
    return records[READING_COLUMNS].reset_index(drop=True)


def build_kwic_widget(processed_dir: str | Path = PROCESSED_DIR):
    """A search box, place menu and window slider that show ``kwic`` as you type."""
    import ipywidgets as widgets

    places = ["all", *sorted(load_documents(processed_dir)["place_code"].dropna().unique())]
    return widgets.interactive(
        lambda term, place, window: kwic(term, window, processed_dir, place) if term else None,
        term=widgets.Text(value="项目为王", description="term"),
        place=widgets.Dropdown(options=places, value="all", description="place"),
        window=widgets.IntSlider(value=20, min=5, max=80, step=5, description="window"),
    )


def build_indicator_widget(processed_dir: str | Path = PROCESSED_DIR):
    """Menus of place, indicator and kind that show the matching figures."""
    import ipywidgets as widgets

    records = load_indicators(processed_dir)
    places = ["all", *sorted(records["place_code"].dropna().unique())]
    indicators = [None, *sorted(records["indicator"].dropna().unique())]
    return widgets.interactive(
        lambda place, indicator, kind: lookup_indicators(processed_dir, place, indicator, kind),
        place=widgets.Dropdown(options=places, value="all", description="place"),
        indicator=widgets.Dropdown(options=indicators, value=None, description="indicator"),
        kind=widgets.Dropdown(options=[None, "actual", "forecast", "target", "plan"], value=None,
                              description="kind"),
    )
