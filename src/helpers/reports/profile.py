"""Describe one place for its profile report: title, documents, themes against the corpus, figures.

In: the processed tables and a place code. Out: Markdown for the title and DataFrames.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.corpus.overview import check_place, load_documents
from helpers.places import load_gazetteer
from helpers.themes.theme_analysis import load_theme_hits, name_themes, summarize_theme_shares


def name_place(place: str) -> str:
    """'辽阳市 (liaoyang)'; the corpus for 'all'."""
    check_place(place)
    if place == "all":
        return "全部文档 (the whole corpus)"
    return f"{load_gazetteer().places[place].name} ({place})"


def show_title(place: str):
    """The report's title as Markdown, with the place's name (rendered as the page title too)."""
    from IPython.display import Markdown

    return Markdown(f"# {name_place(place)}: place profile 地方画像")


def compare_theme_profile(processed_dir: str | Path, place: str, start_year: int | None = None,
                          end_year: int | None = None) -> pd.DataFrame:
    """Theme shares of the place next to the whole corpus, and the difference in points; both within
    the years (and the undated documents)."""
    years = {"start_year": start_year, "end_year": end_year}
    here = summarize_theme_shares(load_theme_hits(processed_dir, place, **years),
                                  load_documents(processed_dir, place, **years), by="genre")
    everywhere = summarize_theme_shares(load_theme_hits(processed_dir, **years), load_documents(processed_dir, **years),
                                        by="genre")
    here, everywhere = (shares.groupby("theme")["hits"].sum() for shares in (here, everywhere))
    table = name_themes().set_index("theme")
    table["share_here"] = (here / here.sum()).reindex(table.index).fillna(0.0) if len(here) else 0.0
    table["share_corpus"] = (everywhere / everywhere.sum()).reindex(table.index).fillna(0.0)
    table["difference_points"] = (table["share_here"] - table["share_corpus"]) * 100
    return table.sort_values("difference_points", ascending=False).reset_index()
