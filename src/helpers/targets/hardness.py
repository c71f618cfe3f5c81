"""Grade how hard each target binds, from its qualifier, the cue before it and its shape.

In: indicator records (a target's ``quote``, ``qualifier``, ``value_high`` and ``sentence``). Out: the
hardness class, its rank and the reason, read from ``resources/hardness.csv`` (a scale researchers
edit): binding_floor (确保, 不低于, 以上), binding_ceiling (以内, 控制在), point (a bare value), range
(5%—5.5%), soft (左右, 力争, 努力). When several words apply the lowest rank wins: "力争…5%以上" is soft.
"""

from __future__ import annotations

import dataclasses
import re
from typing import NamedTuple

import pandas as pd

from helpers.lexicon import HardnessRule, load_hardness_rules

# The clause a cue must share with the figure: it starts after the last , ; : 。 ! ? or line break.
# "主要预期目标是：地区生产总值增长5%左右" → "地区生产总值增长"; "确保粮食产量稳定在1600亿斤以上" stays whole.
CLAUSE_BREAK = re.compile(r"[,，;；:：。!！?？\n]")
# …and where a figure's clause names no cue, the nearest cue of its list item before it governs: "力争“十四五”期间地区生产
# 总值…超过1000亿元,一般公共预算收入突破100亿元,固定资产投资累计超过2000亿元" (葫芦岛 2022: the 力争 aims at all three,
# which were graded soft, binding, binding). An item ends at ; : 。 ! ? or a line break, not at a comma.
ITEM_BREAK = re.compile(r"[;；:：。!！?？\n]")
FIRST_DIGIT = re.compile(r"\d")
HARDNESS_COLUMNS = ["hardness", "hardness_rank", "hardness_reason"]


class Hardness(NamedTuple):
    """A target's hardness class, its rank (higher binds harder) and why."""

    hardness: str
    rank: int
    reason: str


def find_clause_before(sentence: str, position: int) -> str:
    """The part of ``sentence`` from the last clause break before ``position`` up to it.

    >>> find_clause_before("主要预期目标是：地区生产总值增长5%左右", 16)
    '地区生产总值增长'
    """
    head = sentence[:max(0, position)]
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(head)]
    return head[breaks[-1]:] if breaks else head


def find_item_cue(sentence: str, position: int, clause: str) -> str:
    """Where a cue that governs the later clauses of a list item is looked for: the item's words before ``clause``
    (the figure's, ending at ``position``) and before the item's first figure. A cue after a figure speaks of that
    figure ("增长4.5%左右,在实际工作中努力争取更好结果,城镇新增就业45万人以上": the 努力 is the 4.5%'s).

    >>> find_item_cue("目标是:力争产值超过1000亿元,收入突破100亿元", 21, "收入突破")
    '力争产值超过'
    >>> find_item_cue("增长4.5%左右,努力争取更好结果,就业45万人以上", 22, "就业")
    '增长'
    """
    head = sentence[:max(0, position - len(clause))]
    breaks = [m.end() for m in ITEM_BREAK.finditer(head)]
    item = head[breaks[-1]:] if breaks else head
    return FIRST_DIGIT.split(item, maxsplit=1)[0]


def classify_hardness(qualifier: str | None, clause: str, is_range: bool, item: str = "") -> Hardness:
    """The hardness of one target from its qualifier, the clause before its figure and its shape.

    >>> classify_hardness("以上", "地区生产总值增长", False).hardness
    'binding_floor'
    >>> classify_hardness("以上", "力争规上工业增加值增长", False)
    Hardness(hardness='soft', rank=0, reason='力争 aims: strive for the value; 以上 sets a floor: at least the value')
    """
    rules = load_hardness_rules()
    found: list[HardnessRule] = []
    found += [r for r in rules if r.where == "qualifier" and qualifier and r.word == qualifier]
    cues = [r for r in rules if r.where == "cue" and r.word in (clause or "")]
    if not cues and item:  # the item's nearest cue before the clause
        earlier = [(item.rfind(r.word), r) for r in rules if r.where == "cue" and r.word in item]
        if earlier:
            nearest = max(position for position, _ in earlier)
            cues = [dataclasses.replace(r, reason=f"{r.reason} (earlier in its list)")
                    for position, r in earlier if position == nearest]
    found += cues
    if is_range:
        found += [r for r in rules if r.where == "shape" and r.word == "<range>"]
    if not found:
        found = [r for r in rules if r.where == "shape" and r.word == "<bare>"]
    if not found:  # a hardness.csv without a <bare> row: say so rather than guess
        return Hardness("unknown", -1, "no rule matched and hardness.csv has no <bare> row")
    order = {"qualifier": 0, "cue": 1, "shape": 2}
    winner = min(found, key=lambda r: (r.rank, order.get(r.where, 3)))
    others = [r.reason for r in found if r is not winner]
    return Hardness(winner.hardness, winner.rank, "; ".join([winner.reason, *others]))


def build_hardness(records: pd.DataFrame, sentence_starts: pd.DataFrame | None = None) -> pd.DataFrame:
    """``records`` with hardness, hardness_rank and hardness_reason columns (for every row).

    The figure's place in its sentence comes from ``sentence_starts`` (doc_id, sentence_id, start:
    the sentences table) when given; otherwise from the first occurrence of its quote in the sentence.
    """
    if records.empty:
        return records.assign(**{c: pd.Series(dtype=object if c != "hardness_rank" else "Int64")
                                 for c in HARDNESS_COLUMNS})
    if sentence_starts is not None and not sentence_starts.empty:
        starts = sentence_starts.set_index(["doc_id", "sentence_id"])["start"]
        keys = pd.MultiIndex.from_arrays([records["doc_id"], records["sentence_id"]])
        offset = records["start"].to_numpy() - starts.reindex(keys).to_numpy()
        positions = pd.Series(offset, index=records.index)
    else:
        positions = pd.Series([str(s).find(str(q)) for s, q in zip(records["sentence"], records["quote"])],
                              index=records.index)
    graded = []
    for qualifier, sentence, position, high in zip(records["qualifier"], records["sentence"], positions,
                                                   records["value_high"]):
        at = int(position) if pd.notna(position) and position >= 0 else 0  # a quote not found: no clause
        text = sentence if isinstance(sentence, str) else ""
        clause = find_clause_before(text, at)
        qualifier = qualifier if isinstance(qualifier, str) else None
        graded.append(classify_hardness(qualifier, clause, bool(pd.notna(high)), find_item_cue(text, at, clause)))
    return records.assign(hardness=[g.hardness for g in graded],
                          hardness_rank=pd.array([g.rank for g in graded], dtype="Int64"),
                          hardness_reason=[g.reason for g in graded])
