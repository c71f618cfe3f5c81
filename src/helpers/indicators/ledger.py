"""Link each target to the results reported later, and flag figures that repeat across places.

In: indicator records (:func:`helpers.indicators.indicator_tables.load_indicators`). Out: a ledger with one row
per target (met / missed / not reported, with the quotes of both sides) and a table of identical
figures reported for different places or metrics — a sign of template reporting.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.indicators.indicator_tables import load_indicator_names

# The sentences shown for a repeated figure: its first ones (a template figure can repeat in thousands)
QUOTES_SHOWN = 20
# "左右" and "约" targets count as met within 5% of the target value
APPROXIMATE_TOLERANCE = 0.05


LEDGER_COLUMNS = ["place", "indicator", "target_period", "target", "target_value", "target_qualifier",
                  "target_doc", "result", "result_value", "result_kind", "result_doc", "status", "target_sentence"]
# The columns of the records each table reads (Selection.find_indicators(columns=...))
LEDGER_INPUT_COLUMNS = ["place", "indicator", "period", "period_end", "quote", "value", "direction", "qualifier",
                        "sentence", "kind", "place_code", "unit", "is_average"]
REPEATED_INPUT_COLUMNS = ["value", "unit", "place", "metric", "quote", "sentence"]
# What a result shares with its target: the canonical indicator, place, unit, average flag (年均) and
# the year the period ends
MATCH_KEYS = ["indicator", "place_code", "unit", "is_average", "period_year"]


def build_target_ledger(records: pd.DataFrame) -> pd.DataFrame:
    """One row per target with the later result for the same indicator, place, unit and period.

    A result matches when it is an actual (or forecast) of the same canonical indicator, place and
    unit, published after the target, whose period ends in the same year as the target's, and
    whose average flag (年均) is the same; an actual wins over a forecast, then the earliest
    published. Status: met, missed, or not reported. Each target finds its result by a sorted
    search (``merge_asof``), not by a scan of every result.
    """
    better = load_indicator_names().set_index("code")["better"].to_dict()
    targets = records[(records["kind"] == "target") & records["indicator"].notna()
                      & records["period_end"].notna()]
    results = records[records["kind"].isin(["actual", "forecast"]) & records["indicator"].notna()
                      & records["period_end"].notna()]
    matched = find_later_results(targets, results)
    picked = results.iloc[matched[matched >= 0]]  # only the results that answer a target become Python values
    columns = {name: iter(picked[name].tolist()) for name in ("quote", "value", "direction", "kind", "doc_id")}
    rows = []
    for target, position in zip(targets.itertuples(), matched):
        result = None if position < 0 else {name: next(values) for name, values in columns.items()}
        rows.append({
            "place": target.place, "indicator": target.indicator,
            "target_period": target.period if isinstance(target.period, str) else str(pd.Timestamp(target.period_end).year),
            "target": target.quote, "target_value": _signed(target.value, target.direction),
            "target_qualifier": target.qualifier, "target_doc": target.doc_id,
            "result": result["quote"] if result is not None else None,
            "result_value": _signed(result["value"], result["direction"]) if result is not None else None,
            "result_kind": result["kind"] if result is not None else None,
            "result_doc": result["doc_id"] if result is not None else None,
            "status": _status(target, result, better.get(target.indicator, "higher")),
            "target_sentence": target.sentence,
        })
    return pd.DataFrame(rows, columns=LEDGER_COLUMNS)


def find_later_results(targets: pd.DataFrame, results: pd.DataFrame) -> np.ndarray:
    """For each target (in order), the position in ``results`` of its result, or -1.

    The result: same ``MATCH_KEYS``, published strictly after the target; among those an actual
    before a forecast, then the earliest date, then the first in ``results``' order.
    """
    found = np.full(len(targets), -1)
    if targets.empty or results.empty:
        return found
    keyed = [frame[[*MATCH_KEYS[:-1], "kind"]].assign(
        period_year=pd.to_datetime(frame["period_end"]).dt.year, published=pd.to_datetime(frame["published_date"]),
        position=np.arange(len(frame))) for frame in (targets, results)]
    left, right = (frame[frame[[*MATCH_KEYS, "published"]].notna().all(axis=1)] for frame in keyed)
    for kind in ("actual", "forecast"):  # an actual of any date wins over a forecast
        open_targets = left[found[left["position"].to_numpy()] < 0].sort_values("published", kind="stable")
        pool = (right[right["kind"] == kind].sort_values(["published", "position"], kind="stable")
                .drop_duplicates([*MATCH_KEYS, "published"], keep="first"))
        if open_targets.empty or pool.empty:
            continue
        pairs = pd.merge_asof(open_targets[[*MATCH_KEYS, "published", "position"]],
                              pool[[*MATCH_KEYS, "published", "position"]].rename(columns={"position": "result"}),
                              on="published", by=MATCH_KEYS, direction="forward", allow_exact_matches=False)
        hit = pairs["result"].notna()
        found[pairs.loc[hit, "position"].to_numpy()] = pairs.loc[hit, "result"].astype(int).to_numpy()
    return found


def _signed(value, direction) -> float:
    return -value if direction == "down" else value


def _status(target, result, better: str) -> str:
    if result is None:
        return "not reported"
    goal = _signed(target.value, target.direction)
    got = _signed(result["value"], result["direction"])
    tolerance = APPROXIMATE_TOLERANCE * abs(goal) if target.qualifier in ("左右", "约") else 0.0
    if target.qualifier in ("以内", "以下", "不超过") or better == "lower":
        return "met" if got <= goal + tolerance else "missed"
    return "met" if got >= goal - tolerance else "missed"


def find_repeated_figures(records: pd.DataFrame, min_value: float = 10) -> pd.DataFrame:
    """Identical value and unit reported for different places or metrics.

    Only counts and amounts of at least ``min_value`` (small numbers repeat by chance). The
    strongest sign of template reporting: the same document gives different places the same figure
    for the same metric (000: 辽阳县 and 灯塔市 both 303 and 85 projects).
    """
    rows = records[(~records["unit"].isin(["%", "百分点", "‰", "千分点"])) & (records["value"] >= min_value)]
    # only the figures found for two places or metrics are looked at one by one
    spread = rows.groupby(["value", "unit"]).agg(places=("place", "nunique"), metrics=("metric", "nunique"))
    shared = spread[(spread["places"] >= 2) | (spread["metrics"] >= 2)].index
    rows = rows[pd.MultiIndex.from_frame(rows[["value", "unit"]]).isin(shared)]
    groups = []
    for (value, unit), group in rows.groupby(["value", "unit"]):
        places, metrics = group["place"].nunique(), group["metric"].nunique()
        if places < 2 and metrics < 2:
            continue
        same_document = group.groupby("doc_id")["place"].nunique().max() > 1
        groups.append({
            "figure": group["quote"].iloc[0], "value": value, "unit": unit, "records": len(group),
            "places": places, "metrics": metrics,
            "same_document_different_places": bool(same_document),
            "where": "; ".join(sorted(set(group["place"].fillna("?") + ":" + group["metric"].fillna("?")))),
            "quotes": " | ".join(group["sentence"].head(QUOTES_SHOWN).str.slice(0, 60)),
        })
    table = pd.DataFrame(groups, columns=["figure", "value", "unit", "records", "places", "metrics",
                                          "same_document_different_places", "where", "quotes"])
    return table.sort_values(["same_document_different_places", "metrics", "places", "value"],
                             ascending=[False, True, False, False], ignore_index=True)
