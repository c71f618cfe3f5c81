"""Helpers for exploring the corpus in JupyterLab: search documents, look up figures, small widgets.

In: a selection of the processed tables (:func:`helpers.selection.select`). Out: DataFrames, or
ipywidgets controls that show DataFrames. Each search reads only what it needs: the texts of the
documents holding the phrase, the figures of the indicator asked for. Nothing here writes files.
"""

from __future__ import annotations

import re

import pandas as pd
import pyarrow as pa

from helpers.indicators.indicator_tables import READING_COLUMNS
from helpers.selection import Selection
from helpers.text_search import cut_snippets, find_phrase
from helpers.themes.theme_analysis import kwic

SEARCH_COLUMNS = ["doc_id", "title", "published_date", "place", "genre", "matches", "first_match"]


def search_documents(query: str, source: Selection, regex: bool = False) -> pd.DataFrame:
    """Documents of the selection whose cleaned text contains ``query``, with the number of matches
    and the first one, most matches first (ties in date order).

    A literal query is counted and found in Arrow over each row group's texts, and only the 60
    characters around each first match become a Python string; row groups that cannot hold it are
    not read (:mod:`helpers.text_index`).
    """
    columns = ["doc_id", "title", "published_date", "place", "genre"]
    rows = []
    for batch in source.scan_texts(columns, None if regex else query, keep_all=True):
        if regex:
            rows += _search_texts(re.compile(query), batch.to_pylist())
            continue
        counts, firsts = find_phrase(batch["text"], query)
        held = counts > 0
        found = batch.filter(pa.array(held))
        snippets = [snippet.replace("\n", " ⏎ ") for snippet in cut_snippets(found["text"], firsts[held])]
        for doc, n, first in zip(found.select(columns).to_pylist(), counts[held].tolist(), snippets):
            rows.append((*doc.values(), n, first))
    found = pd.DataFrame(rows, columns=SEARCH_COLUMNS)
    # date order first (as Selection.documents), so that ties in matches keep it
    found = found.sort_values(["published_date", "doc_id"], na_position="last", ignore_index=True)
    return found.sort_values("matches", ascending=False, ignore_index=True)


def _search_texts(pattern: re.Pattern, documents: list[dict]) -> list[tuple]:
    rows = []
    for doc in documents:
        text = doc["text"]
        n = sum(1 for _ in pattern.finditer(text))
        if n:
            first = pattern.search(text).start()
            rows.append((doc["doc_id"], doc["title"], doc["published_date"], doc["place"], doc["genre"], n,
                         text[max(0, first - 20):first + 40].replace("\n", " ⏎ ")))
    return rows


def lookup_indicators(source: Selection | pd.DataFrame, indicator: str | None = None,
                      kind: str | None = None, limit: int | None = 500) -> pd.DataFrame:
    """The first ``limit`` figures (None: all) of the selection's place (and inside it), optionally one
    indicator and one kind, with their quotes. Given a selection, only those figures are read
    (``Selection.find_indicators``)."""
    if isinstance(source, Selection):
        records = source.find_indicators(indicator, kind, limit=limit)
    else:
        records = source
        if indicator:
            records = records[records["indicator"] == indicator]
        if kind:
            records = records[records["kind"] == kind]
        records = records.head(limit) if limit is not None else records
    return records[READING_COLUMNS].reset_index(drop=True)


def build_kwic_widget(source: Selection):
    """A search box, place menu and window slider that show ``kwic`` as you type."""
    import ipywidgets as widgets

    places = ["all", *sorted(source.widen().documents["place_code"].dropna().unique())]
    return widgets.interactive(
        lambda term, place, window: kwic(term, source.replace(place=place), window) if term else None,
        term=widgets.Text(value="项目为王", description="term"),
        place=widgets.Dropdown(options=places, value=source.place if source.place in places else "all",
                               description="place"),
        window=widgets.IntSlider(value=20, min=5, max=80, step=5, description="window"),
    )


def build_indicator_widget(source: Selection):
    """Menus of place, indicator and kind that show the matching figures."""
    import ipywidgets as widgets

    counted = source.widen().count_indicators(["place_code", "indicator"])
    places = ["all", *sorted(counted["place_code"].dropna().unique())]
    indicators = [None, *sorted(counted["indicator"].dropna().unique())]
    return widgets.interactive(
        lambda place, indicator, kind: lookup_indicators(source.replace(place=place), indicator, kind),
        place=widgets.Dropdown(options=places, value=source.place if source.place in places else "all",
                               description="place"),
        indicator=widgets.Dropdown(options=indicators, value=None, description="indicator"),
        kind=widgets.Dropdown(options=[None, "actual", "forecast", "target", "plan"], value=None,
                              description="kind"),
    )
