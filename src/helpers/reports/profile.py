"""Describe one place for its profile report: title, documents, themes against the corpus, figures.

In: frames of a selection (:mod:`helpers.selection`) and a place code. Out: Markdown for the title and DataFrames.
"""

from __future__ import annotations

import pandas as pd

from helpers.corpus.overview import check_place
from helpers.places import load_gazetteer
from helpers.reports.display import NOTE
from helpers.themes.theme_analysis import name_themes


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


def compare_theme_profile(hits: pd.DataFrame, corpus_hits: pd.DataFrame) -> pd.DataFrame:
    """Theme shares of a place next to the corpus's, and the difference in points.

    ``hits`` and ``corpus_hits``: theme hits of the place and of the corpus (the same years), or
    either counted per genre and theme already (``Selection.count_theme_hits("genre")``). Hits of
    documents without a genre are left out on both sides; the genre is used for nothing else: shares are not
    weighed by genre, so a place whose documents are of other genres than the corpus's (two news stories against
    a corpus of work reports) differs partly because of them. The corpus holds the place's own documents: with few
    places, compare ``share_here`` with the corpus less the place (subtract its counts) before reading much into it.
    """
    here, everywhere = (_count_by_theme(frame) for frame in (hits, corpus_hits))
    table = name_themes().set_index("theme")
    # no hit here (no documents, or none that speaks of a theme): no share to compare, not 0.0% of each theme
    table["share_here"] = (here / here.sum()).reindex(table.index).fillna(0.0) if len(here) else float("nan")
    table["share_corpus"] = (everywhere / everywhere.sum()).reindex(table.index).fillna(0.0)
    table["difference_points"] = (table["share_here"] - table["share_corpus"]) * 100
    table = table.sort_values("difference_points", ascending=False).reset_index()
    if len(here) and here.sort_index().equals(everywhere.sort_index()):  # 辽宁省's profile was all +0.0, unexplained
        # …and its first theme, which 05 maps, was any: the theme stressed most comes first instead
        table = table.sort_values("share_here", ascending=False, ignore_index=True)
        table.attrs[NOTE] = ("this place holds every document of the report's years: it is compared with itself, "
                             "largest share first")
    if not len(here):  # …and the corpus's own first theme comes first, the one 05 maps (it had mapped 人才, the last)
        table = table.sort_values("share_corpus", ascending=False, ignore_index=True)
        table.attrs[NOTE] = "no theme hit in this selection: nothing to compare with the corpus"
    return table


def _count_by_theme(hits: pd.DataFrame) -> pd.Series:
    hits = hits[hits["genre"].notna()]
    counted = hits.groupby("theme")["hits"].sum() if "hits" in hits.columns else hits.groupby("theme").size()
    return counted.astype("int64")
