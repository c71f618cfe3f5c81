"""Read direction and lag from reuse and slogans: who had a passage or slogan first, who followed, when.

In: passage pairs from :func:`helpers.reuse.tables.load_reuse` (``a`` is always the earlier
document) and theme hits from :func:`helpers.themes.theme_analysis.load_theme_hits`. Out: tables of
passages and their travel, links between places (who took passages from whom), and slogan adoption
by place with adoption curves. Nothing here reads or writes files.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from helpers.indicators.indicator_tables import build_record_refs
from helpers.lexicon import load_formulas

UNKNOWN_PLACE = "未知"
# A passage two documents of a genre share may be one copying the other: boilerplate is what at least this many
# documents of the genre hold (the bundled corpus has two press conferences, and every passage both had was called
# the genre's boilerplate, at 100% of it)
BOILERPLATE_MIN_DOCS = 3
# A shared passage this short that holds a line of formulas.txt is the genre's wording however few documents share
# it; a longer one has room for copying beyond the formula
FORMULA_MAX_CHARS = 150
# What matching a formula ignores: "现在,我代表辽阳市人民政府向大会报告工作,请予审议" holds 向大会报告工作请予审议
UNSPACED = re.compile(r"[\s,，、。.:：;；!！?？\"“”'‘’()（）—-]+")


def summarize_passage_travel(reuse: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """The ``n`` most widely shared passages: first holder, date, the places that followed in
    order, how many documents, and the median and longest lag in days."""
    if reuse.empty:
        return pd.DataFrame(columns=["cluster_id", "n_docs", "first_place", "first_date", "followers",
                                     "median_lag_days", "max_lag_days", "text"])
    rows = reuse.sort_values(["cluster_id", "date_b", "doc_id_b"])
    first = rows.sort_values(["cluster_id", "date_a", "doc_id_a"]).groupby("cluster_id").first()
    followers = (rows.assign(place_b=rows["place_b"].fillna(UNKNOWN_PLACE))
                 .drop_duplicates(["cluster_id", "place_b"]).groupby("cluster_id")["place_b"].agg("→".join))
    table = pd.DataFrame({
        "n_docs": rows.groupby("cluster_id")["n_docs"].first(),
        "first_place": first["place_a"].fillna(UNKNOWN_PLACE), "first_date": first["date_a"],
        "followers": followers,
        "median_lag_days": rows.groupby("cluster_id")["lag_days"].median(),
        "max_lag_days": rows.groupby("cluster_id")["lag_days"].max(),
        "text": first["text_a"].str.slice(0, 80),
    })
    return table.sort_values(["n_docs", "median_lag_days"], ascending=[False, True]).head(n).reset_index()


def find_boilerplate(clusters: pd.DataFrame, share: float, min_docs: int = BOILERPLATE_MIN_DOCS) -> pd.DataFrame:
    """The passages that are boilerplate of their genre (``clusters``: ``reuse_clusters.parquet``): held by at least
    ``share`` of the documents of their first holder's genre and by at least ``min_docs`` of them, or short
    (FORMULA_MAX_CHARS) and holding a line of ``formulas.txt``; ``why`` says which. Two work reports opening with
    the same salutation did not copy each other; two press conferences of a corpus with two may have.

    >>> clusters = pd.DataFrame({"cluster_id": [0, 1, 2, 3], "share_of_genre": [1.0, 0.1, 1.0, 1.0],
    ...                          "genre_docs": [5, 1, 2, 2], "text": ["甲", "乙", "丙", "现在,我代表市人民政府向大会报告工作,请予审议"]})
    >>> find_boilerplate(clusters, 0.5)["cluster_id"].tolist()
    [0, 3]
    """
    common = (clusters["share_of_genre"] >= share) & (clusters["genre_docs"] >= min_docs)
    formula = clusters["text"].map(is_formula).astype(bool)
    why = pd.Series("share of the genre", index=clusters.index).where(common, "a formula of formulas.txt")
    return clusters.assign(why=why)[common | formula]


def is_formula(text: object) -> bool:
    """Whether a shared passage is a genre's conventional wording: short, and holding a line of ``formulas.txt``.

    >>> is_formula("以习近平新时代中国特色社会主义思想为指导,深入贯彻党的二十大精神"), is_formula("全市地区生产总值增长5.5%")
    (True, False)
    """
    if not isinstance(text, str) or len(text) > FORMULA_MAX_CHARS:
        return False
    plain = UNSPACED.sub("", text)
    return any(formula in plain for formula in _unspaced_formulas())


@lru_cache(maxsize=1)
def _unspaced_formulas() -> tuple[str, ...]:
    return tuple(UNSPACED.sub("", formula) for formula in load_formulas())


def drop_boilerplate(reuse: pd.DataFrame, clusters: pd.DataFrame, share: float,
                     min_docs: int = BOILERPLATE_MIN_DOCS) -> pd.DataFrame:
    """The passage pairs whose passage is not boilerplate of its genre (:func:`find_boilerplate`).

    >>> pairs = pd.DataFrame({"cluster_id": [0, 1, 2]})
    >>> clusters = pd.DataFrame({"cluster_id": [0, 1, 2], "share_of_genre": [1.0, 0.1, 1.0], "genre_docs": [5, 1, 2],
    ...                          "text": ["甲", "乙", "丙"]})
    >>> drop_boilerplate(pairs, clusters, 0.5)["cluster_id"].tolist()
    [1, 2]
    """
    return reuse[~reuse["cluster_id"].isin(find_boilerplate(clusters, share, min_docs)["cluster_id"])]


def count_copy_links(reuse: pd.DataFrame) -> pd.DataFrame:
    """Links between places: passages b's place took from a's place, the characters of b's documents they cover
    (overlapping pairs counted once: 辽阳's 19-53 and 21-95 are 76 characters, not 108), median lag, and the date
    b's place first took one; the strongest first. A network of who copied whom (self-links dropped)."""
    columns = ["place_a", "place_b", "passages", "chars", "median_lag_days", "first_taken"]
    if reuse.empty:
        return pd.DataFrame(columns=columns)
    rows = reuse.assign(place_a=reuse["place_a"].fillna(UNKNOWN_PLACE), place_b=reuse["place_b"].fillna(UNKNOWN_PLACE))
    rows = rows[rows["place_a"] != rows["place_b"]]
    table = rows.groupby(["place_a", "place_b"]).agg(
        passages=("cluster_id", "nunique"), median_lag_days=("lag_days", "median"), first_taken=("date_b", "min"))
    covered = rows.groupby(["place_a", "place_b", "doc_id_b"])[["start_b", "end_b"]].apply(
        lambda spans: count_covered(zip(spans["start_b"], spans["end_b"])))
    table["chars"] = covered.groupby(level=["place_a", "place_b"]).sum()
    return table.reset_index().sort_values(["passages", "chars"], ascending=False, ignore_index=True)[columns]


def count_covered(spans) -> int:
    """Characters covered by (start, end) spans, each counted once.

    >>> count_covered([(21, 95), (19, 53)]), count_covered([(0, 10), (20, 25)])
    (76, 15)
    """
    total, reach = 0, None
    for start, end in sorted(spans):
        if reach is None or start >= reach:
            total += end - start
            reach = end
        elif end > reach:
            total += end - reach
            reach = end
    return total


def track_slogan_adoption(hits: pd.DataFrame, slogans: list[str] | None = None) -> pd.DataFrame:
    """For each slogan and place: the first dated use (``first_ref``: document#sentence@start-end), its date, and the
    days after the slogan's first use among ``hits`` (a selection's: 0 for the place that had it first there); the
    slogans used in the most places first, each slogan's places in order of adoption.

    Slogans default to those declared in ``resources/themes.yaml`` (:func:`helpers.lexicon.load_slogans`).
    Undated documents cannot be placed in time and are left out.
    """
    columns = ["term", "place", "first_date", "first_ref", "lag_days", "order"]
    if slogans is None:
        from helpers.lexicon import load_slogans

        slogans = list(load_slogans())
    rows = hits[hits["term"].isin(slogans)]
    rows = rows.dropna(subset=["published_date"])
    if rows.empty:
        return pd.DataFrame(columns=columns)
    order = [c for c in ("term", "published_date", "doc_id", "start") if c in rows.columns]
    rows = rows.assign(place=rows["place"].fillna(UNKNOWN_PLACE)).sort_values(order)
    first = rows.drop_duplicates(["term", "place"]).rename(columns={"published_date": "first_date"})
    first = first.assign(first_ref=build_record_refs(first))  # document#sentence@start-end of the first use
    start = first.groupby("term")["first_date"].transform("min")
    first = first.assign(lag_days=(pd.to_datetime(first["first_date"]) - pd.to_datetime(start)).dt.days,
                         order=first.groupby("term").cumcount() + 1)
    places = first.groupby("term")["place"].transform("size")  # the most widely adopted slogans first
    return first.assign(places=places).sort_values(["places", "term", "order"], ascending=[False, True, True])[
        columns].reset_index(drop=True)


def count_adoption_curves(adoption: pd.DataFrame, n: int = 8) -> pd.DataFrame:
    """Dates × slogans: how many places had used each slogan by each date, for the ``n`` slogans
    adopted by the most places (a cumulative adoption curve per slogan)."""
    if adoption.empty:
        return pd.DataFrame()
    top = adoption["term"].value_counts().head(n).index
    chosen = adoption[adoption["term"].isin(top)]
    curves = (chosen.groupby(["first_date", "term"]).size().unstack("term", fill_value=0)
              .sort_index().cumsum())
    return curves[list(top)]
