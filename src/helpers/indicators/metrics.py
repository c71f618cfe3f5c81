"""Name what a figure measures: the metric as written, and its canonical indicator.

In: a sentence's text and the figures found in it (:mod:`helpers.indicators.figures`). Out: one metric per
figure — the words of its clause before it (or, for a count written number-first, the noun after
it), with 分别 lists paired subject by subject — and :func:`parse_indicator` maps a metric to a code
of the researcher-editable vocabulary ``resources/indicators.csv``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from helpers.indicators.figures import FigureSpan
from helpers.lexicon import load_units
from helpers.wordsearch import compile_words

# (position, floor) -> where the clause holding position starts, never before floor
ClauseStart = Callable[[int, int], int]
LIST_COMMA = "、"
# "城乡居民人均可支配收入分别增长5%和8%": 分别 pairs the subjects with the figures
RESPECTIVELY = "分别"
SUBJECT_SPLIT = re.compile(r"、|和|及|与")
# Words at the start of a clause that are not part of the metric
LEADING_NOISE = re.compile(
    r"^(?:(?:截至目前|截至当前|截至\S{1,6}底|预计|初步统计|初步核算|其中|全年|今年|去年|上半年|前三季度|一季度"
    r"|目前|同时|此外|全市|全省|全县|全区|全国|我市|我省|累计|共|新增|实施|实现|完成|建成|建设|引进|培育|举办|开展"
    r"|谋划|推进|推动|发放|兑现|协调|保障|争取|组建|成立|入选|认定|扶持|改造升级|发展|设置了?|提出|计划|力争|发生|确定|明确"
    r"|确保|预期|滚动实施|强力推进|正式签约|新争取|新引进|到20\d{2}年(?:末|底)?|20\d{2}年|“十[三四五]五”期间"
    r"|十[三四五]五期间|有|其中|组建|连续\d+年|市级(?!以上)|县级(?!以上)|省级(?=[\u4e00-\u9fff]{4})(?!以上)"
    r"|按(?:同口径|可比口径|可比价格|可比价)计算)[,、]?)+")
# Verbs and qualifiers at the end of the words before a figure: "同比增长", "达到", "较2022年提高",
# and from statistical bulletins "比年初增加", "同口径增长", "按同口径增长", "可比增长", "增收", "偏高"
TRAILING_NOISE = re.compile(
    r"(?:(?:同比|比上年|较上年|比去年|较去年|较20\d{2}年|比20\d{2}年|年均|比年初|较年初|比上年末|较上年末"
    r"|按?(?:同口径|可比口径|可比价格|可比价)(?:计算)?|可比)?"
    r"(?:增长|增加|提高|提升|上升|下降|减少|降低|回落|下滑|增收|增支|减收|减支|扩大|缩小|保持在"
    r"|涨幅|偏高|偏低|偏多|偏少|达到|达|完成|实现|为|是|突破|超过|超|近|约|共|累计|总计|合计|保持|稳定在|控制在|分别|拟按|按|拟|均"
    r"|提高到|提高至|降低到|降至|升至)|的|了)+$")
# The characters a TRAILING_NOISE match can end with (the last characters of its words): a metric
# ending otherwise has no noise to strip
TRAILING_NOISE_LAST = frozenset("长加高升降少低落滑收支大小在幅多到达成现为是破过超近约共计持别按拟均至的了")
# What joins the figures of a pair: "5%和8%", "111.6万吨、85.9万吨", "4.3%、5.3%"
QUOTE_MARKS = str.maketrans("", "", "“”\"‘’")
# Words that make a metric a share of an indicator, not the indicator: "占地区生产总值比重"
SHARE_WORDS = re.compile(r"占|比重|占比|比例")
# Words right before an indicator's name that make the metric a part of it, not it: "民间固定资产投资" (private
# investment), "招商引资…转化固定资产投资130亿元" (辽阳 2024: investment that attracted projects brought in, beside the
# city's total growth of 1%), "外商直接投资"
PART_BEFORE = re.compile(r"(?:民间|转化|到位|招商|外商|外资|国有|利用)$")
# Words that may follow an indicator's name: "规上工业增加值增速", "城镇新增就业人数", "居民消费价格总水平上涨幅度"
TRAILING_WORDS = re.compile(r"(?:增速|增幅|增长|上涨幅度|涨幅|总额|总量|规模|数量|人数|实际|平均|年均|同比|合计|累计)+")
# A noun after an indicator's name that makes the metric another thing: "豫东平原200万亩整区域工程化建设高标准农田项目"
# (河南 2026) is a project, beside the province's 新建改造高标准农田400万亩以上
OTHER_HEAD_AFTER = re.compile(r"(?:项目|工程|园区|基地|平台)$")
# A base of comparison left as the whole metric: "比上年年初预算增加1800亿元" (2024 national report)
COMPARISON = re.compile(r"(?:比|较)(?!重|例|率)")
# Words that only join two figures
CONNECTORS = frozenset({"和", "及", "与", "以及", "或", "、"})
JOINING_BEFORE = ("和", "及", "与", "、")  # words before a figure that end so join it to the figure before
# A parenthesis inside a metric: "地区生产总值(GDP)", "居民消费价格(CPI)"
PARENTHESIS = re.compile(r"\([^()]*\)")
# A count written number-first: "十条精品旅游线路", "6个项目获得省科技进步奖", "72户企业获评…"
# (the units marked count in resources/units.csv)


@lru_cache(maxsize=1)
def load_count_units() -> frozenset[str]:
    """The units that count things (``count`` in ``resources/units.csv``): 个, 条, 项, 家…

    >>> {"个", "项"} <= load_count_units(), "%" in load_count_units()
    (True, False)
    """
    return frozenset(unit.unit for unit in load_units() if unit.count)
# Where the noun after a number-first count ends: "项目|获得省科技进步奖", "新建项目|相继开工"
# ("赤字率拟按3%安排", "100万元至300万元部分": 安排 and 部分 name nothing, the words before do)
NOUN_END = re.compile(r"安排|部分|获得|获评|入选|进入|实现|相继|全部|列入|被|成为|达到|完成|开工|复工|落地|参加|纳入|认定|通过"
                      r"|的|及|和|与|等|[,;。:、\d(]")


@dataclass(frozen=True)
class IndicatorVocabulary:
    """Canonical indicators and a regex of all their aliases."""

    alias_to_code: dict[str, str]
    pattern: re.Pattern


@lru_cache(maxsize=1)
def load_indicator_vocabulary() -> IndicatorVocabulary:
    """Read ``resources/indicators.csv`` (code, name_zh, name_en, aliases separated by |). An alias
    written ``=经济`` names the indicator only as the whole metric ("经济增长5%左右"), never as the
    head of a longer one (数字经济).

    >>> load_indicator_vocabulary().alias_to_code["规上工业增加值"]
    'industrial_value_added'
    """
    text = resources.files("helpers.resources").joinpath("indicators.csv").read_text(encoding="utf-8")
    aliases = {}
    for row in csv.DictReader(text.splitlines()):
        for alias in [row["name_zh"], *row["aliases"].split("|")]:
            if alias:
                aliases[alias.translate(QUOTE_MARKS)] = row["code"]
    return IndicatorVocabulary(aliases, compile_words(aliases))


# "全省生产总值", "全市经济": the scope before a metric named as a whole
WHOLE_SCOPE = re.compile(r"^(?:全省|全市|全区|全县|全州|全国|全盟)")


@lru_cache(maxsize=65536)
def parse_indicator(metric: str | None) -> str | None:
    """The canonical code of a metric: the longest alias it contains, when that alias is its head.

    Chinese puts the head noun last: the alias must end the metric (a few words such as 增速 may
    follow), and a share of it (占地区生产总值比重) or another aggregate (海洋生产总值) is not it.

    >>> parse_indicator("全市规上工业增加值增速"), parse_indicator("单位地区生产总值能耗"), parse_indicator("文旅项目")
    ('industrial_value_added', 'energy_intensity', None)
    >>> parse_indicator("高新技术产业增加值占地区生产总值比重"), parse_indicator("城镇调查失业率平")
    (None, 'unemployment_rate')
    >>> parse_indicator("地区生产总值(GDP)")  # a parenthesis does not hide the head noun
    'gdp'
    >>> parse_indicator("经济"), parse_indicator("生产总值"), parse_indicator("数字经济"), parse_indicator("海洋生产总值")
    ('gdp', 'gdp', None, None)
    >>> parse_indicator("转化固定资产投资"), parse_indicator("民间固定资产投资"), parse_indicator("全市固定资产投资")
    (None, None, 'fixed_asset_investment')
    >>> parse_indicator("人均地区生产总值"), parse_indicator("全社会研发经费投入强度"), parse_indicator("居民消费价格总水平上涨幅度")
    ('gdp_per_capita', 'rd_intensity', 'cpi')
    >>> parse_indicator("整区域工程化建设高标准农田项目"), parse_indicator("新建改造高标准农田")
    (None, 'high_standard_farmland')
    >>> parse_indicator("地区生产总值增速 目标"), parse_indicator("全市总人口 年末数")
    ('gdp', None)
    """
    if not metric:
        return None
    found = _parse_plain(metric)
    if found is None and " " in metric:  # a table cell's row label and column header, "地区生产总值增速 目标"
        found = _parse_plain(metric.rsplit(" ", 1)[0])  # the label names the indicator
    return found


def _parse_plain(metric: str) -> str | None:
    plain = metric.translate(QUOTE_MARKS)
    if "(" in plain:
        plain = PARENTHESIS.sub("", plain)
    vocabulary = load_indicator_vocabulary()
    exact = vocabulary.alias_to_code.get("=" + WHOLE_SCOPE.sub("", plain))
    if exact:
        return exact
    matches = list(vocabulary.pattern.finditer(plain))
    if not matches:
        return None
    best = max(matches, key=lambda m: len(m.group()))
    before, after = plain[:best.start()], plain[best.end():]
    if SHARE_WORDS.search(before) or SHARE_WORDS.search(after) or PART_BEFORE.search(before):
        return None
    if after and not (len(after) <= 2 or TRAILING_WORDS.fullmatch(after)) or OTHER_HEAD_AFTER.search(after):
        return None
    return vocabulary.alias_to_code[best.group()]


@lru_cache(maxsize=65536)
def clean_metric(words: str) -> str:
    """The words before a figure without the verbs, adverbs and scope words around the metric.

    >>> clean_metric("初步核算,全年实现地区生产总值"), clean_metric("(其中执业医师")
    ('地区生产总值', '执业医师')
    >>> clean_metric("按同口径增长"), clean_metric("一般公共预算收入按可比口径计算增长"), clean_metric("按可比价格计算")
    ('', '一般公共预算收入', '')
    """
    words = words.strip()
    if words.startswith("(") and ")" not in words:  # "医师11835人(其中执业医师9919人)"
        words = words[1:]
    for _ in range(3):
        stripped = strip_trailing_noise(LEADING_NOISE.sub("", words))
        if stripped == words:
            break
        words = stripped
    words = words.strip(" ,、:")
    if COMPARISON.match(words):  # "比上年年初预算(增加)", "较上年末": a base of comparison names nothing
        return ""
    if words.count("“") != words.count("”"):
        words = words.replace("“", "").replace("”", "")
    return words


def strip_trailing_noise(words: str) -> str:
    """``TRAILING_NOISE.sub("", words)``, tried only where a match can start.

    >>> strip_trailing_noise("规上工业增加值同比增长"), strip_trailing_noise("粮食产量保持在")
    ('规上工业增加值', '粮食产量')
    """
    if not words or (words[-1] not in TRAILING_NOISE_LAST and words[-1] != "\n"):
        return words
    for match in TRAILING_NOISE.finditer(words):
        return words[:match.start()] + words[match.end():]  # the one match ends the words (or their \n)
    return words


def _outside_brackets(text: str, start: int, end: int) -> bool:
    """Are the quotation marks and parentheses between ``start`` and ``end`` balanced (so a 、 there
    lists metrics, not the members of '电信业务(含移动、联通、电信三家)总量')?"""
    return (text.count("“", start, end) == text.count("”", start, end)
            and text.count("(", start, end) == text.count(")", start, end))


def assign_metrics(text: str, figures: list[FigureSpan], clause_start: ClauseStart,
                   sentence_start: int) -> list[str | None]:
    """The metric of each figure, as written; 分别 lists pair subjects with figures."""
    metrics: list[str | None] = []
    respectively = (pair_respectively(text, figures, clause_start, sentence_start)
                    if text.find(RESPECTIVELY, sentence_start, figures[-1].start) >= 0 else {})
    previous_end, previous_metric, previous_threshold = sentence_start, None, None
    for i, figure in enumerate(figures):
        if i in respectively:
            metric = respectively[i]
        else:
            start = clause_start(figure.start, previous_end)
            if text.count(")", start, figure.start) > text.count("(", start, figure.start):
                # the previous figure sat in a parenthesis inside this metric: "电信业务(含…三家)总量"
                opening = text.rfind("(", sentence_start, start)
                if opening >= 0:
                    start = clause_start(opening, sentence_start)
            comma = text.rfind(LIST_COMMA, start, figure.start)
            if comma >= 0 and _outside_brackets(text, comma, figure.start) and (
                    start < previous_end <= comma or text.count("(", start, comma) > text.count(")", start, comma)):
                # "培育雏鹰企业100家以上、瞪羚企业50家以上": the 、 ends the item before, which had its figure; in
                # "新增雏鹰、瞪羚企业12家" (辽阳 2023) it joins two nouns that share one figure; inside a parenthesis it
                # lists its members ("电信业务(含移动、联通、电信三家)")
                start = comma + 1
            words = text[start:figure.start]
            if previous_threshold is not None and previous_end == start:
                words = previous_threshold.quote + words
            metric = clean_metric(words)
            if metric in CONNECTORS:  # "8.3%、53.9%和37.9%": the 和 names nothing
                metric = ""
            if figure.is_threshold:
                metric = figure.quote + find_noun_after(text, figure.end)
            elif start == previous_end and words.endswith(JOINING_BEFORE) and _starts_noun(text, figure.end):
                # "3.12万亩高标准农田及10万亩黑土地建设": the words before are the last figure's noun and 及; this
                # figure's noun follows it (the 10万亩 had the metric 高标准农田及)
                metric = find_noun_after(text, figure.end) or metric
            elif not metric or figure.unit in load_count_units() or parse_indicator(metric) is None:
                metric = find_noun_after(text, figure.end) or metric  # the noun it counts, if any
            if not metric and previous_metric:
                metric = previous_metric
        metrics.append(metric or None)
        previous_end = figure.end
        previous_metric = metric or previous_metric
        previous_threshold = figure if figure.is_threshold else None
    return metrics


def find_noun_after(text: str, end: int) -> str:
    """The noun a number-first count counts: '十条|精品旅游线路', '6个|项目|获得…' (at most 16 chars)."""
    if not _starts_noun(text, end):
        return ""
    stop = NOUN_END.search(text, end, end + 24)
    return clean_metric(text[end:min(stop.start() if stop else end + 24, end + 16)])


def _starts_noun(text: str, position: int) -> bool:
    """Does a Chinese character or an opening quote stand at ``position``? (a string test: cheaper
    than a regex call, and this runs for most figures)"""
    char = text[position:position + 1]
    return "\u4e00" <= char <= "\u9fff" or char == "“"


def pair_respectively(text: str, figures: list[FigureSpan], clause_start: ClauseStart,
                      sentence_start: int) -> dict[int, str]:
    """{figure index: subject} for '…A、B分别增长x%和y%'.

    Each 分别 pairs the figures after it (up to the next 分别) with the subjects before it; a 分别
    with no subject of its own repeats the previous list: '营业收入和利润总额分别完成4672.8亿元和512.4亿元,
    分别增长9.6%和29.1%' (Yichun 2022) gives both growth rates their subjects too.
    """
    pairs: dict[int, str] = {}
    items: list[str] = []
    end = figures[-1].start
    at = text.find(RESPECTIVELY, sentence_start, end)
    while at >= 0:
        following = text.find(RESPECTIVELY, at + len(RESPECTIVELY), end)
        stop = following if following >= 0 else end + 1
        subject = clean_metric(text[clause_start(at, sentence_start):at])
        if subject or not items:
            items = _split_subjects(subject)
        after = [i for i, f in enumerate(figures) if at < f.start < stop]
        if len(items) >= 2 and len(after) >= 2:
            pairs.update({i: items[n] for n, i in enumerate(after[: len(items)])})
        at = following
    return pairs


def _split_subjects(subject: str) -> list[str]:
    """'城镇、农村居民人均可支配收入' → both in full; '城乡居民…' → 城镇… and 农村…; else as listed."""
    items = [item for item in SUBJECT_SPLIT.split(subject) if item]
    if len(items) == 1 and items[0].startswith("城乡"):
        rest = items[0][2:]
        items = ["城镇" + rest, "农村" + rest]
    if len(items) < 2:
        return []
    last = items[-1]
    return [item + last[len(item):] if len(last) > len(item) and len(item) <= 3 else item for item in items]
