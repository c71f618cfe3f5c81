"""Find figures that disagree: the same indicator, place, period and kind with different values.

In: indicator records. Out: one row per pair of records from different documents that report the
same canonical indicator for the same place, period (start, end, 年均 or not), unit and kind family
with different values, both quotes side by side, the earlier one first. A preliminary figure (预计,
in a January work report) and the final one (the statistical bulletin) are one family, "result":
they answer the same question, so their disagreement is what a researcher wants to see. Targets are
compared with targets, plans with plans.
"""

from __future__ import annotations

import pandas as pd

from helpers.indicators.indicator_tables import build_record_refs

# actual and forecast both report a result (a forecast is a preliminary one)
KIND_FAMILY = {"actual": "result", "forecast": "result", "target": "target", "plan": "plan"}
# A period taken from the document's date alone is a guess ("拉动消费4.6亿元" in an October press
# conference is the year so far, not the year): such figures are not compared
WEAK_PERIODS = ("document", "none")
KEY = ["indicator", "place_code", "period_start", "period_end", "is_average", "unit", "family"]
SIDE = ["value", "kind", "quote", "sentence", "doc_id", "published_date", "ref"]
CONFLICT_COLUMNS = (["place", "indicator", "period", "unit", "family"]
                    + [f"first_{c}" for c in SIDE] + [f"second_{c}" for c in SIDE]
                    + ["difference", "preliminary"])


def find_conflicting_figures(records: pd.DataFrame) -> pd.DataFrame:
    """Pairs of records from different documents that give different values for the same thing.

    Within each group of like records (same indicator, place, period, unit and kind family), the
    documents are ordered by publication date; each document's figure is paired with the previous
    document's when their values differ (a repeated figure in a third document is not paired
    again). ``difference`` is second − first (signed by direction); ``preliminary`` names the side
    that is a forecast, or the earlier one when both are actuals.
    """
    usable = records[records["indicator"].notna() & records["place_code"].notna()
                     & records["period_end"].notna() & records["kind"].isin(list(KIND_FAMILY))
                     & ~records["period_from"].isin(WEAK_PERIODS)]
    if usable.empty:
        return pd.DataFrame(columns=CONFLICT_COLUMNS)
    usable = usable.assign(
        family=usable["kind"].map(KIND_FAMILY), ref=build_record_refs(usable),
        value=usable["value"].where(usable["direction"] != "down", -usable["value"]),
        period_start=usable["period_start"].astype(object).where(usable["period_start"].notna(), "–"))
    rows = []
    for _, group in usable.groupby(KEY, sort=False):
        if group["doc_id"].nunique() < 2 or group["value"].nunique() < 2:
            continue
        # one figure per document: its first mention (a document that repeats itself is not a conflict)
        firsts = group.sort_values(["published_date", "doc_id", "start"]).drop_duplicates("doc_id")
        previous = None
        for record in firsts.itertuples():
            if previous is not None and record.value != previous.value:
                rows.append(_pair(previous, record))
            previous = record
    return pd.DataFrame(rows, columns=CONFLICT_COLUMNS)


def _pair(first, second) -> dict:
    row = {"place": first.place, "indicator": first.indicator,
           "period": first.period if isinstance(first.period, str) else str(pd.Timestamp(first.period_end).year),
           "unit": first.unit, "family": first.family}
    for side, record in (("first", first), ("second", second)):
        row.update({f"{side}_{c}": getattr(record, c) for c in SIDE})
    row["difference"] = second.value - first.value
    if first.kind == "forecast" and second.kind != "forecast":
        row["preliminary"] = "first"
    elif second.kind == "forecast" and first.kind != "forecast":
        row["preliminary"] = "second"
    else:
        row["preliminary"] = "first"  # both final or both estimates: the earlier is the older word
    return row
