"""Link each target to the results reported later, and flag figures that repeat across places.

In: indicator records (:func:`helpers.indicators.indicator_tables.load_indicators`). Out: a ledger with one row
per target (met / missed / not reported, with the quotes of both sides) and a table of identical
figures reported for different places or metrics — a sign of template reporting.
"""

from __future__ import annotations

import pandas as pd

from helpers.indicators.indicator_tables import load_indicator_names

# "左右" and "约" targets count as met within 5% of the target value
APPROXIMATE_TOLERANCE = 0.05


def build_target_ledger(records: pd.DataFrame) -> pd.DataFrame:
    """One row per target with the later result for the same indicator, place, unit and period.

    A result matches when it is an actual (or forecast) of the same canonical indicator, place and
    unit, published after the target, whose period ends in the same year as the target's, and
    whose average flag (年均) is the same. Status: met, missed, or not reported.
    """
    better = load_indicator_names().set_index("code")["better"].to_dict()
    targets = records[(records["kind"] == "target") & records["indicator"].notna()
                      & records["period_end"].notna()]
    results = records[records["kind"].isin(["actual", "forecast"]) & records["indicator"].notna()
                      & records["period_end"].notna()]
    rows = []
    for target in targets.itertuples():
        candidates = results[
            (results["indicator"] == target.indicator) & (results["place_code"] == target.place_code)
            & (results["unit"] == target.unit) & (results["is_average"] == target.is_average)
            & (results["published_date"] > target.published_date)
            & (pd.to_datetime(results["period_end"]).dt.year == pd.Timestamp(target.period_end).year)
        ]
        result = candidates.sort_values(["kind", "published_date"]).iloc[0] if len(candidates) else None
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
            "result_sentence": result["sentence"] if result is not None else None,
        })
    return pd.DataFrame(rows, columns=[
        "place", "indicator", "target_period", "target", "target_value", "target_qualifier",
        "target_doc", "result", "result_value", "result_kind", "result_doc", "status", "target_sentence",
        "result_sentence"])


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
    strongest sign of template reporting (``same_document_different_places``): the same document gives
    different places the same figure for the same metric (000: 辽阳县 and 灯塔市 both 303 and 85 projects).
    """
    rows = records[(~records["unit"].isin(["%", "百分点", "‰", "千分点"])) & (records["value"] >= min_value)]
    groups = []
    for (value, unit), group in rows.groupby(["value", "unit"]):
        places, metrics = group["place"].nunique(), group["metric"].nunique()
        if places < 2 and metrics < 2:
            continue
        # one document, one metric, two places (000: 辽阳县 and 灯塔市 both 303 个 500万元以上项目); a
        # provincial report's 300个 科研团队 for 沈阳 and 300个 项目 for 盘锦 are unrelated figures
        metric = group["indicator"].fillna(group["metric"]) if "indicator" in group.columns else group["metric"]
        same_document = group.assign(_metric=metric).groupby(["doc_id", "_metric"])["place"].nunique().max() > 1
        groups.append({
            "figure": group["quote"].iloc[0], "value": value, "unit": unit, "records": len(group),
            "places": places, "metrics": metrics,
            "same_document_different_places": bool(same_document),
            "where": "; ".join(sorted(set(group["place"].fillna("?") + ":" + group["metric"].fillna("?")))),
            "quotes": " | ".join(group["sentence"].str.slice(0, 60)),
        })
    table = pd.DataFrame(groups, columns=["figure", "value", "unit", "records", "places", "metrics",
                                          "same_document_different_places", "where", "quotes"])
    return table.sort_values(["same_document_different_places", "metrics", "places", "value"],
                             ascending=[False, True, False, False], ignore_index=True)
