"""Set each place's target beside its parent's for the same indicator and year (层层加码).

In: a target ledger (:func:`helpers.indicators.ledger.build_target_ledger`), optionally with the
documented targets of places outside the corpus (``resources/reference_targets.csv``: the nation's).
Out: the headline target of each place, year and indicator, and one row per place whose nearest
ancestor in ``places.csv`` (county → city → province → nation) has a target for the same indicator,
year and unit: both quotes, the difference and whether the lower level set it higher.
"""

from __future__ import annotations

import pandas as pd

from helpers.indicators.indicator_tables import load_indicator_names
from helpers.indicators.ledger import LEDGER_COLUMNS
from helpers.lexicon import load_reference_targets
from helpers.places import load_gazetteer
from helpers.targets.hardness import classify_hardness, find_clause_before

HEADLINE_KEY = ["place_code", "target_year", "indicator"]
REFERENCE_REF = "resources/reference_targets.csv#"  # the ref of a documented target: this file and its row
SIDE = ["place", "place_code", "gb_code", "level", "target", "target_mid", "hardness", "target_doc", "target_ref"]
ESCALATION_COLUMNS = (["indicator", "target_year", "unit"] + SIDE + [f"parent_{c}" for c in SIDE]
                      + ["difference", "escalated", "better"])


def load_reference_ledger() -> pd.DataFrame:
    """The documented targets of ``reference_targets.csv`` as ledger rows (with their hardness).

    >>> row = load_reference_ledger().iloc[0]
    >>> row["place"], row["target"], row["hardness"], float(row["target_mid"])
    ('全国', '经济增长4.5%—5%', 'range', 4.75)
    """
    places = load_gazetteer().places
    rows = []
    for number, spec in enumerate(load_reference_targets(), start=1):
        value = float(spec["value"])
        high = float(spec["value_high"]) if spec.get("value_high") else None
        sign = -1 if spec.get("direction") == "down" else 1
        graded = classify_hardness(spec.get("qualifier") or None,
                                   find_clause_before(spec["quote"], len(spec["quote"])), high is not None)
        rows.append({
            "place": places[spec["place_code"]].name, "place_code": spec["place_code"],
            "indicator": spec["indicator"], "target_year": int(spec["year"]), "unit": spec["unit"],
            "target": spec["quote"], "target_value": sign * value,
            "target_value_high": sign * high if high is not None else None,
            "target_qualifier": spec.get("qualifier") or None, "target_doc": spec["source"],
            "target_sentence": spec["quote"], "hardness": graded.hardness, "hardness_rank": graded.rank,
            "hardness_reason": graded.reason, "status": "not reported", "is_average": False, "target_total_years": 1,
            "target_ref": f"{REFERENCE_REF}{number}", "target_period": spec["year"],
        })
    table = pd.DataFrame(rows, columns=LEDGER_COLUMNS)
    return table.assign(target_mid=_midpoint(table))


def select_headline_targets(ledger: pd.DataFrame) -> pd.DataFrame:
    """One target per place, year and indicator: the first one (in document order) of the latest
    document, yearly figures only (年均 targets and totals over several years, such as a 十四五期间 total, are left out);
    ``n_targets`` counts the others.

    A work report states its headline target first, in 主要预期目标, and may repeat or break it
    down further on.
    """
    one_year = pd.to_numeric(ledger["target_total_years"], errors="coerce").fillna(1) == 1
    yearly = ledger[~ledger["is_average"].astype(bool) & one_year & ledger["target_year"].notna()
                    & ledger["place_code"].notna()]
    if yearly.empty:
        return yearly.assign(target_mid=pd.Series(dtype=float), n_targets=pd.Series(dtype=int))
    ordered = yearly.assign(_order=range(len(yearly))).sort_values(
        ["target_published", "_order"], ascending=[False, True], na_position="last", kind="stable")
    counts = ordered.groupby(HEADLINE_KEY)["target"].transform("size")
    headline = ordered.assign(n_targets=counts).drop_duplicates(HEADLINE_KEY).drop(columns="_order")
    headline = headline.assign(target_mid=_midpoint(headline), target_year=headline["target_year"].astype(int))
    return headline.sort_values(HEADLINE_KEY, ignore_index=True)


def build_escalation(headlines: pd.DataFrame) -> pd.DataFrame:
    """Each headline target beside its nearest ancestor's for the same indicator, year and unit.

    ``difference`` is the place's target minus its parent's, each taken at its midpoint (a range's
    middle, a point's value), signed by direction, in the unit (percentage points for %).
    ``escalated`` says the lower level asked for more: a higher value where higher is better, a
    lower one where lower is better (unemployment, energy intensity).
    """
    gazetteer = load_gazetteer()
    better = load_indicator_names().set_index("code")["better"].to_dict()
    if "target_mid" not in headlines.columns:
        headlines = headlines.assign(target_mid=_midpoint(headlines))
    by_key = {(r.place_code, r.target_year, r.indicator, r.unit): r for r in headlines.itertuples()}
    rows = []
    for child in headlines.itertuples():
        parent = None
        for ancestor in gazetteer.ancestors(child.place_code)[1:]:
            parent = by_key.get((ancestor, child.target_year, child.indicator, child.unit))
            if parent is not None:
                break
        if parent is None:
            continue
        direction = better.get(child.indicator, "higher")
        difference = child.target_mid - parent.target_mid
        row = {"indicator": child.indicator, "target_year": child.target_year, "unit": child.unit,
               "difference": round(difference, 6), "better": direction,
               "escalated": bool(difference > 0 if direction == "higher" else difference < 0)}
        for prefix, side in (("", child), ("parent_", parent)):
            place = gazetteer.places.get(side.place_code)
            row.update({f"{prefix}{c}": getattr(side, c) for c in SIDE if c not in ("gb_code", "level")})
            row[f"{prefix}gb_code"] = place.gb_code if place else None
            row[f"{prefix}level"] = place.level if place else None
        rows.append(row)
    return pd.DataFrame(rows, columns=ESCALATION_COLUMNS)


def _midpoint(table: pd.DataFrame) -> pd.Series:
    """A range's middle, a point's value."""
    high = pd.to_numeric(table["target_value_high"], errors="coerce")
    low = pd.to_numeric(table["target_value"], errors="coerce")
    return ((low + high) / 2).where(high.notna(), low)
