"""Link each target to the result reported later, and flag like figures that repeat across places.

In: indicator records (:func:`helpers.indicators.indicator_tables.load_indicators`). Out: a ledger with one row
per target (met / missed / not reported, the quotes of both sides, the gap, each side's record id and
the target's hardness) and a table of identical figures for the same indicator or metric reported
for different places — a sign of template reporting.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.indicators.indicator_tables import build_record_refs, load_indicator_names

# A total over several years: the word in the figure's clause before it ("固定资产投资累计超过2000亿元")
TOTAL_BEFORE = re.compile(r"(?:累计|总计|合计|共计)[^,,;;:。]{0,15}$")
# A count of what is done over the years, in a plan's period, is a total too though no 累计 says so: "“十四五”期间,
# 葫芦岛计划构建…产学研联盟200个以上,实施…科技攻关项目50个以上,引进“带土移植”人才团队100个以上,培育雏鹰企业100家以上、
# 瞪羚企业50家以上" (葫芦岛 2022); a level has no such verb ("地区生产总值…超过1000亿元", "高新技术企业数量达到150家以上")
FLOW_BEFORE = re.compile(r"(?:新增|新建|新开工|引进|引育|招引|培育|构建|组建|建成|实施|签约|落地|创建|认定)"
                         r"[^,,;;:。达]{0,25}$")
# "左右" and "约" targets count as met within 5% of the target value
APPROXIMATE_TOLERANCE = 0.05
# Reviews of the year just ended come out by March (provincial reports in January, the national in March)
FIRST_QUARTER = 3
LEDGER_COLUMNS = [
    "place", "indicator", "target_period", "target", "target_value", "target_qualifier",
    "target_doc", "result", "result_value", "result_kind", "result_doc", "status", "target_sentence",
    "place_code", "target_year", "unit", "target_value_high", "hardness", "hardness_rank", "hardness_reason",
    "gap", "result_sentence", "result_published", "target_published", "target_ref", "result_ref",
    "is_average", "target_total_years", "target_confidence", "result_confidence"]
# The columns of the records each table reads (Selection.find_indicators(columns=...)): what matching,
# hardness and the record ids need
LEDGER_INPUT_COLUMNS = ["doc_id", "sentence_id", "start", "end", "place", "place_code", "indicator", "period",
                        "period_start", "period_end", "quote", "value", "value_high", "direction", "qualifier",
                        "sentence", "kind", "unit", "is_average", "kind_confidence"]
# What makes two targets of one document the same target
TARGET_IDENTITY = ["doc_id", "place_code", "indicator", "unit", "period_year", "total_years", "value", "value_high",
                   "is_average"]
REPEATED_INPUT_COLUMNS = ["doc_id", "value", "unit", "place", "metric", "indicator", "kind", "quote", "sentence"]


def build_target_ledger(records: pd.DataFrame, sentence_starts: pd.DataFrame | None = None,
                        min_confidence: float = 0.0) -> pd.DataFrame:
    """One row per target with the later result for the same indicator, place, unit and year.

    A target a document states twice (the same place, indicator, unit, year and value) is one row, from
    its first statement. A result matches when it is an actual (or forecast) of the same canonical indicator, place and
    unit, published after the target, whose period ends in the same year as the target's, whose average flag (年均)
    is the same, and which totals as many years (``target_total_years``: 5 for "十四五期间…累计超过2000亿元", else 1;
    `count_total_years`); an actual is preferred to a forecast, then the earliest.
    The year is the one the extractor resolved from the document's date and section (全年 in a
    January review "一、2025年工作回顾" is the year before, 今年 in a work report is its own year),
    corrected by :func:`resolve_period_years` where a document has no such heading.
    Status: met, missed, or not reported. ``gap`` is the result minus the target (a range's lower
    bound), both signed by direction, in the target's unit (percentage points for %).
    ``sentence_starts`` (the sentences table) places each figure in its sentence for its hardness.
    ``target_confidence`` and ``result_confidence`` are the kind model's probability of each side's kind (missing
    where the records carry none); ``min_confidence`` leaves out, on both sides, figures it is less sure of (records
    without ``kind_confidence`` are all kept).
    """
    from helpers.targets.hardness import build_hardness

    better = load_indicator_names().set_index("code")["better"].to_dict()
    usable = records[records["indicator"].notna() & records["period_end"].notna()]
    if min_confidence > 0 and "kind_confidence" in usable:
        usable = usable[usable["kind_confidence"] >= min_confidence]
    usable = usable.assign(ref=build_record_refs(usable), period_year=resolve_period_years(usable),
                           total_years=count_total_years(usable))
    # a document that states a target and repeats it (辽宁 2026: 城镇新增就业45万人以上 in the goals and again in
    # the tasks) sets it once: its first statement stands
    stated = usable[usable["kind"] == "target"]
    if "start" in stated:
        stated = stated.sort_values(["doc_id", "start"], kind="stable")
    stated = stated.drop_duplicates([c for c in TARGET_IDENTITY if c in stated])
    targets = build_hardness(stated, sentence_starts).reset_index(drop=True)
    results = usable[usable["kind"].isin(["actual", "forecast"])].reset_index(drop=True)
    matches = _match_results(targets, results)
    rows = []
    for number, target in enumerate(targets.itertuples()):
        result = results.iloc[matches[number]] if number in matches else None
        goal = _signed(target.value, target.direction)
        got = _signed(result["value"], result["direction"]) if result is not None else None
        rows.append({
            "place": target.place, "indicator": target.indicator,
            "target_period": target.period if isinstance(target.period, str) else str(target.period_year),
            "target": target.quote, "target_value": goal,
            "target_qualifier": target.qualifier, "target_doc": target.doc_id,
            "result": result["quote"] if result is not None else None,
            "result_value": got,
            "result_kind": result["kind"] if result is not None else None,
            "result_doc": result["doc_id"] if result is not None else None,
            "status": _status(target, result, better.get(target.indicator, "higher")),
            "target_sentence": target.sentence,
            "place_code": target.place_code, "target_year": target.period_year, "unit": target.unit,
            "target_value_high": _signed(target.value_high, target.direction),
            "hardness": target.hardness, "hardness_rank": target.hardness_rank,
            "hardness_reason": target.hardness_reason,
            "gap": got - goal if got is not None else None,
            "result_sentence": result["sentence"] if result is not None else None,
            "result_published": result["published_date"] if result is not None else None,
            "target_published": target.published_date,
            "target_ref": target.ref, "result_ref": result["ref"] if result is not None else None,
            "is_average": target.is_average, "target_total_years": target.total_years,
            "target_confidence": getattr(target, "kind_confidence", None),
            "result_confidence": result.get("kind_confidence") if result is not None else None,
        })
    return pd.DataFrame(rows, columns=LEDGER_COLUMNS)


def resolve_period_years(records: pd.DataFrame) -> pd.Series:
    """The year each record's period ends in, with 全年 in a January-to-March result moved back a year.

    A result (actual or estimate) for 全年 published in the first quarter reviews the year that has
    just ended. The extractor already reads 全年 under a heading "一、2025年工作回顾" as 2025; this
    catches documents without such a heading (a January press conference: "全年实际到位资金增长26%").
    Targets keep their year (全年实施亿元以上项目500个以上 in January is this year's).
    """
    end = pd.to_datetime(records["period_end"])
    published = pd.to_datetime(records["published_date"])
    early = (records["kind"].isin(["actual", "forecast"]) & (records["period"] == "全年")
             & (published.dt.month <= FIRST_QUARTER) & (published.dt.year == end.dt.year))
    return end.dt.year - early.astype(int)


def count_total_years(records: pd.DataFrame) -> pd.Series:
    """How many years each figure totals: its period's span where it is a total over several years (TOTAL_BEFORE or
    FLOW_BEFORE in its clause), else 1. A plan's total is not its last year's figure ("力争“十四五”期间…固定资产投资累计
    超过2000亿元", 葫芦岛 2022: 5; "培育雏鹰企业100家以上": 5), while a plan's level is ("…地区生产总值、规模以上工业
    总产值超过1000亿元": 1, the year 2025).

    >>> count_total_years(pd.DataFrame({"period_start": ["2021-01-01", "2021-01-01", None, "2021-01-01"],
    ...     "period_end": ["2025-12-31", "2025-12-31", "2025-12-31", "2025-12-31"],
    ...     "quote": ["超过2000亿元", "超过1000亿元", "3500亿元", "50家以上"],
    ...     "sentence": ["十四五期间固定资产投资累计超过2000亿元", "十四五期间地区生产总值超过1000亿元",
    ...                  "累计完成投资3500亿元", "培育雏鹰企业100家以上、瞪羚企业50家以上"]})).tolist()
    [5, 1, 1, 5]
    """
    if "period_start" not in records:
        return pd.Series(1, index=records.index, dtype=int)
    span = (pd.to_datetime(records["period_end"]).dt.year - pd.to_datetime(records["period_start"]).dt.year + 1)
    span = span.fillna(1).astype(int)
    several = records[span > 1]
    total = [any(pattern.search(sentence[:max(sentence.find(quote), 0)]) for pattern in (TOTAL_BEFORE, FLOW_BEFORE))
             for sentence, quote in zip(several["sentence"].astype(str), several["quote"].astype(str))]
    return span.where(pd.Series(total, index=several.index, dtype=bool).reindex(records.index, fill_value=False), 1)


def _match_results(targets: pd.DataFrame, results: pd.DataFrame) -> dict[int, int]:
    """{target row: result row}: same indicator, place, unit, 年均 flag, year and years totalled, published later;
    an actual before a forecast, then the earliest. (One join, not a scan of the results per target.)"""
    key = ["indicator", "place_code", "unit", "is_average", "period_year", "total_years"]
    left = targets[key + ["published_date"]].assign(_target=range(len(targets))).dropna(subset=["place_code", "unit"])
    right = results[key + ["published_date", "kind"]].assign(_result=range(len(results))).dropna(
        subset=["place_code", "unit"])  # a missing place or unit matches nothing (a join would pair them)
    pairs = left.merge(right, on=key, suffixes=("", "_result"))
    pairs = pairs[pairs["published_date_result"] > pairs["published_date"]]
    best = pairs.sort_values(["_target", "kind", "published_date_result"]).drop_duplicates("_target")
    return dict(zip(best["_target"], best["_result"]))


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
    """Identical value and unit for the same indicator (or the same metric words) and kind in different places.

    Only like with like: a figure is compared with figures of its canonical indicator or, when it has
    none, of the same metric as written, and of the same kind (辽宁's 十四五 result of 500亿斤 is no template for 湖北's
    2026 target of 500亿斤); figures with neither are left out. Only counts and amounts
    of at least ``min_value`` (small numbers repeat by chance). The strongest sign of template
    reporting: one document gives two places the same figure for the same metric (000: 辽阳县 and
    灯塔市 both 303 and 85 projects).
    """
    rows = records[(~records["unit"].isin(["%", "百分点", "‰", "千分点"])) & (records["value"] >= min_value)]
    names = load_indicator_names().set_index("code")["name_zh"]  # a reader's name, not a code (projects_5m_plus)
    rows = rows.assign(what=rows["indicator"].map(names).fillna(rows["indicator"]).fillna(rows["metric"])
                       ).dropna(subset=["what"])
    rows = rows.assign(kind=rows["kind"].fillna("") if "kind" in rows else "")
    groups = []
    for (value, unit, what, kind), group in rows.groupby(["value", "unit", "what", "kind"]):
        places = group["place"].nunique()
        if places < 2:
            continue
        same_document = group.groupby("doc_id")["place"].nunique().max() > 1  # one metric already (what)
        groups.append({
            "figure": group["quote"].iloc[0], "value": value, "unit": unit, "what": what, "kind": kind or None,
            "records": len(group), "places": places, "documents": group["doc_id"].nunique(),
            "same_document_different_places": bool(same_document),
            "where": "; ".join(sorted(set(group["place"].fillna("?") + ":" + group["metric"].fillna("?")))),
            "quotes": " | ".join(group["sentence"].str.slice(0, 60)),
        })
    table = pd.DataFrame(groups, columns=REPEATED_COLUMNS)
    return table.sort_values(["same_document_different_places", "places", "value"],
                             ascending=[False, False, False], ignore_index=True)


REPEATED_COLUMNS = ["figure", "value", "unit", "what", "kind", "records", "places", "documents",
                    "same_document_different_places", "where", "quotes"]
