"""Find the shares of the three sectors written as one ratio: "三次产业结构为3.6:33.7:62.7" is three figures.

Reports and bulletins give the structure of the economy as the primary, secondary and tertiary sectors' shares of
GDP, joined by colons and written without a unit (延边's half-year of 2023):

    经济结构持续优化。三次产业3.6:33.7:62.7

The sentence reader (`figures.find_figures`) sees numbers without units there, and no figure. Here a ratio of three
numbers is read as three shares (%) when a sector word stands before it in its sentence and its parts sum to 100 (a
clock's 16:51:26 does not). Each share takes its sector as its metric.
"""

from __future__ import annotations

import re

from helpers.indicators.figures import FigureSpan
from helpers.indicators.table_cells import TableFigure

# "3.6:33.7:62.7", "3.9∶43.4∶52.7" (the ratio sign), "19.8︰41︰39.2" (贵港, 2018), "8:41.5:50.5"; not a part of a longer run of colons
RATIO = re.compile(r"(?<![\d.:∶︰])(?P<a>\d{1,2}(?:\.\d+)?)[ \t]*[:∶︰][ \t]*(?P<b>\d{1,2}(?:\.\d+)?)[ \t]*[:∶︰][ \t]*"
                   r"(?P<c>\d{1,2}(?:\.\d+)?)(?![\d.:∶︰])")
# The words that say the ratio is of the three sectors (in the cleaned text, Traditional script made Simplified):
# "三次产业结构调整为", "三次产业的比例由", "农村一二三产业比例调整为"
SECTOR_WORDS = re.compile(r"三次产业|一二三产业|三大产业|产业结构|产业比例|产业比重")
SECTOR_REACH = 40  # how far before the ratio its sector word may stand, within its sentence
SENTENCE_END = re.compile(r"[。!?;；\n]")
SHARES_TOTAL = (98.5, 101.5)  # the parts of a ratio of shares sum to 100, give or take their rounding
SECTORS = ("第一产业增加值比重", "第二产业增加值比重", "第三产业增加值比重")
SECTOR_MARK = "产业"  # a text without it holds no such ratio


def find_sector_ratios(text: str) -> list[TableFigure]:
    """The three shares of each ratio of the sectors in ``text``, in order; offsets index ``text``.

    >>> text = "经济结构持续优化。三次产业结构由1978年的35:38:27调整为2018年的10.5:41.6:47.9。发布时间:2022-01-25 16:51:26"
    >>> [(f.quote, f.value, f.unit, metric) for f, metric in find_sector_ratios(text)][3:]
    [('10.5', 10.5, '%', '第一产业增加值比重'), ('41.6', 41.6, '%', '第二产业增加值比重'), ('47.9', 47.9, '%', '第三产业增加值比重')]
    >>> find_sector_ratios("比分为3:2:1,三次产业协调发展")
    []
    """
    if SECTOR_MARK not in text:
        return []
    found = []
    for ratio in RATIO.finditer(text):
        parts = [ratio.group(name) for name in "abc"]
        if not SHARES_TOTAL[0] <= sum(map(float, parts)) <= SHARES_TOTAL[1]:
            continue
        before = text[max(0, ratio.start() - SECTOR_REACH):ratio.start()]
        ends = list(SENTENCE_END.finditer(before))
        if not SECTOR_WORDS.search(before, ends[-1].end() if ends else 0):
            continue
        for name, sector in zip("abc", SECTORS):
            start, end = ratio.span(name)
            found.append(TableFigure(FigureSpan(start, end, text[start:end], float(text[start:end]), None, "%", None,
                                                False, False), sector))
    return found
