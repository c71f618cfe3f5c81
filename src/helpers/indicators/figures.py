"""Find the figures in one sentence: each number with its unit, value, range and qualifier.

In: a cleaned sentence (half-width digits). Out: :class:`FigureSpan` records with offsets into the
sentence. What a figure *measures*, its kind and period are decided in :mod:`helpers.indicators.extract`.
Dates, years, ordinals, document numbers, phone numbers, ratings and names with numbers in them
(二十大, 十四五, 八项规定 — ``resources/not_figures.txt``) are not figures.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate, repeat
from typing import Any, NamedTuple
from functools import lru_cache
from importlib import resources

from helpers.lexicon import load_multipliers, load_qualifiers, load_units
from helpers.wordsearch import WordFinder

# Units, multipliers and qualifiers are researcher-edited words: resources/units.csv, multipliers.csv
# and qualifiers.csv (read through helpers.lexicon); the patterns below are built from them once.
NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"


# "87.7亿元", "92.56万亩", "1400万人次", "4.5-5%", "4.5%—5%", "6%至6.5%", "100余场", "45万人以上",
# "0.8个百分点", "1.37万亿斤", "33.8亿美元", "60%以上"
# "实现GDP243亿元" (红安, 2022): after GDP a number is the GDP, where after another letter it is a name (PM2.5, 5G)
# (The first digit is consumed before the look-behind "not after a digit, '.' or letter" is checked:
# a pattern that opens with a digit lets the regex engine skip ahead to digits in C.)
def _arabic_pattern(units: str, range_units: str, multipliers: str, range_multipliers: str, after: str) -> str:
    return (
        r"(?P<num>\d(?:(?<![\d.A-Za-z]\d)|(?<=GDP\d))\d*(?:,\d{3})*(?:\.\d+)?)"
        rf"(?:(?P<mult1>{range_multipliers})?(?P<unit1>{range_units})?(?P<sep>-|—|–|~|至|到)(?P<num2>{NUMBER}))?"
        rf"(?P<approx>余|多)?(?P<mult>{multipliers})?"
        rf"(?:(?P<unit>{units})|(?P<bare>(?<=[万亿])))"
        rf"(?P<post>{after})?"
    )


# "十条精品旅游线路", "两个项目", "三个方面", "近百场大型演唱会", "超千场体育赛事"
CHINESE_DIGITS = "零〇一二两三四五六七八九十百千万"


def _chinese_pattern(units: str) -> str:
    return (
        r"(?=[二两三四五六七八九十百千])(?<![第" + CHINESE_DIGITS + r"])"
        r"(?P<num>[二两三四五六七八九十][十百千]?[一二三四五六七八九]?|十[一二三四五六七八九]?|[百千])"
        rf"(?P<approx>余|多)?(?P<unit>{units}|亿元|万元)"
        r"(?!均|都)"  # "金牌、奖牌、总分三项均位列全省第四" (Yichun 2022): "all three", not a count
    )


class FigureWords(NamedTuple):
    """The patterns and tables built from the unit, multiplier and qualifier files."""

    arabic: re.Pattern
    chinese: re.Pattern
    multipliers: dict[str, int]
    base_unit: dict[str, str]
    qualifiers_before: tuple[str, ...]
    qualifier_last_chars: frozenset[str]
    approximate: frozenset[str]
    written_as: dict[str, str]
    classless: frozenset[str]  # units whose 以上 never names a class: counts and shares ("1000个以上省重点项目")
    bare: re.Pattern  # a multiplier standing for a number: "超万亿元", "新增千万吨产能", "带动万名青年"


def _alternation(words, not_followed_by=lambda word: ()) -> str:
    """'a(?!x|y)|b…' of words (longest first), each with the characters that may not follow it."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        exclusions = not_followed_by(word)
        parts.append(re.escape(word) + (f"(?!{'|'.join(map(re.escape, exclusions))})" if exclusions else ""))
    return "|".join(parts)


@lru_cache(maxsize=1)
def load_figure_words() -> FigureWords:
    """The figure patterns of ``units.csv``, ``multipliers.csv`` and ``qualifiers.csv``.

    >>> words = load_figure_words()
    >>> words.multipliers["亿"], words.base_unit["个百分点"], words.written_as["多"]
    (100000000, '百分点', '余')
    """
    units = {u.unit: u for u in load_units()}
    multipliers = load_multipliers()
    qualifiers = load_qualifiers()
    after = [q for q in qualifiers if q.position == "after"]
    arabic = _arabic_pattern(
        _alternation(units, lambda u: units[u].not_followed_by),
        _alternation([u for u in units if units[u].in_range]),
        _alternation([w for w, _, after_digits, _ in multipliers if after_digits]),
        _alternation([w for w, _, after_digits, in_range in multipliers if after_digits and in_range]),
        _alternation([q.word for q in after], lambda w: next(q.not_followed_by for q in after if q.word == w)))
    chinese = _chinese_pattern(_alternation([u for u in units if units[u].after_chinese],
                                            lambda u: units[u].not_followed_by_chinese or units[u].not_followed_by))
    before = tuple(q.word for q in qualifiers if q.position == "before")
    bare = (rf"(?<=[{BARE_BEFORE}])(?P<mult>{_alternation(w for w, _, _, _ in multipliers)})"
            rf"(?P<unit>{_alternation(BARE_UNITS)})")
    return FigureWords(
        re.compile(arabic), re.compile(chinese), {w: factor for w, factor, _, _ in multipliers},
        {u: unit.base for u, unit in units.items() if unit.base != u}, before,
        frozenset(q[-1] for q in before), frozenset(q.word for q in qualifiers if q.approximate),
        {q.word: q.written_as for q in qualifiers if q.written_as != q.word},
        frozenset(u for u, unit in units.items() if unit.count) | PERCENT_UNITS, re.compile(bare))


# The second of two ranks: "居全省第二、三位" (三位 is a rank, not three people)
RANK_LIST = re.compile(r"第[一二三四五六七八九十]{1,3}、$")
# The parts of a speech or a list, not a quantity: "重点做了六个方面工作", "从九个方面明确了",
# "从创新、协调、绿色、开放、共享、安全6个维度设置了", "迈上4万亿、5万亿两个台阶", "三个大台阶"
OUTLINE_AFTER = re.compile(r"方面|维度|大?台阶")
# …and a count of the items the text goes on to list: "当前,要抓好三项最重要的工作:一是制定出台数字经济五年
# 发展规划" (云南, 2019), "这3项工作分别是:上半年全市新增护理型养老床位787张" (镇江, 2018)
ENUMERATED_AFTER = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:[::](?:一是|第一|首先)|分别是[::])")
LIST_COUNT_UNITS = frozenset({"项", "个", "件", "条", "类"})
# …and the tasks and measures a plan sets out for itself, counted where it describes its own layout: "细化设置了8个方面共计
# 21项任务", "设置了抓好项目建设、抓好产业集群建设、抓好工业化和信息化融合3项任务", "《专项方案》的21项重点任务", "确定了强化组织
# 保障、加强开放合作、做好督查督办3项措施" (盘锦's 专项方案, seed 004): the plan's parts, not goals or results
# (Not a year's tasks a city 确定了: "锦州市今年确定了109项攻坚任务、136项重点任务" (2025) counts its programme)
PLAN_PARTS_AFTER = re.compile(r"(?:重点|主要)?(?P<part>任务|措施|举措)")
PLAN_PARTS_BEFORE = re.compile(r"(?:设置了[^,;:。]{0,80}|》的)$")
PLAN_MEASURES_BEFORE = re.compile(r"确定了[^,;:。]{0,80}$")
PLAN_PARTS_REACH = 82  # characters before the count where those patterns may begin (设置了 and its 80)
# A multiplier alone after a qualifier or a verb is a number: "超万亿元", "新增千万吨产能", "带动万名青年",
# "就业超百万人" (the last character of 超, 近, 约, 逾, 突破, 超过, 达, 新增, 带动, 迈上); not "万元GDP能耗"
BARE_BEFORE = "超近约逾破过达增动上"
BARE_UNITS = ("元", "吨", "人次", "人", "名", "米", "千瓦", "亩", "斤")
# …but not the 约 of a word: "全市新签约亿元以上项目225个" (滁州, 2016) is no 约亿元
BARE_NOT_AFTER = ("签约", "节约", "集约", "制约")
PERCENT_UNITS = frozenset({"%", "‰", "百分点", "个百分点"})
# Tenths: "绿电占比超三成", "占全国九成以上" (with a qualifier before or after, else 成 is a verb: 建成, 八成新)
TENTHS = re.compile(r"(?P<num>[一二三四五六七八九])成(?P<post>以上|左右|多)?")
# …or after a verb of change: "农民收入再增一成" (辽宁, January 2011)
TENTHS_CHANGE_BEFORE = ("增", "增长", "提高", "下降", "减少", "降低")
# Multiples written in characters: growth by a multiple is a rate ("一般公共预算收入增长近一倍", 黑龙江 2020:
# +100%), a multiple of a base is a multiple ("开复工重点项目10536个,是去年的三倍", 黑龙江 2023; "完成投资额是去年同期的
# 近两倍", 鹤壁 2010)
WRITTEN_MULTIPLE = re.compile(r"(?=[近约一两二三四五六七八九十])(?:(?<=增长|提高|增加)|(?P<of>(?<=的)))(?P<approx>近|约)?(?P<num>[一两二三四五六七八九十])倍(?!以)")
# "翻一番", "翻两番", "两位数增长", "翻了一番"
# (each branch opens with a literal, so the engine skips ahead to 翻 and 两)
IDIOM = re.compile(r"翻了?(?P<times>[一两三])番|两位数的?增长|(?P<doubled>翻番)")
IDIOM_MARKERS = ("番", "两位数")  # a text without these has no idiom: no need to run the regex
# A move in a ranking is no quantity: "居全国第22位,比一季度上升5位"
RANK_MOVE = ("上升", "提升", "前移", "前进", "下降", "后移", "跃升", "上升了", "提升了", "前移了")
# A share written as a fraction after 占: "城镇新增就业690万人、占全国1/10" (a percentage)
FRACTION = re.compile(r"(?<=占)(?P<whole>全国|全省|全市|全球|总量)?(?P<num>[1-9]\d?)/(?P<den>[1-9]\d{0,2})(?![\d/])")
# …and one with a qualifier after it, or written in characters: "继续坚持财政支出2/3以上用于民生", "三分之二财政支出
# 用于保障民生" (宁波, 2022); not a date's slashes ("2022/8/23") nor 百分之, which is a percentage of its own
FRACTION_QUALIFIED = re.compile(r"(?=[1-9])(?<![\d/.])(?P<num>[1-9]\d?)/(?P<den>[1-9]\d{0,2})(?P<post>以上|以下|左右|以内)")
CHINESE_FRACTION = re.compile(r"(?P<den>[二三四五六七八九十])分之(?P<num>[一二三四五六七八九])")
# A length of time with decimals cannot be a date: "劳动年龄人口平均受教育年限提高到11.7年"
# (not "PM2.5年均浓度")
DECIMAL_YEARS = re.compile(r"(?=\d)(?<![\d.A-Za-z])\d{1,2}\.\d+年(?![均度底末初])")
# A round size after 超 or 过, before the kind of thing it sizes, names a class: "经济总量过万亿元城市",
# "营业收入超千亿元工业企业从2家增加到4家" (like THRESHOLD_CLASS_AFTER with 的)
# (right after the figure: "超过3万亿元的城市" in 重庆's report is the city's own output)
# (and so does a range of money before it: "其中亿元以上重大项目39个,5000万元至1亿元项目7个" (庄河, 2020), "100亿元至
# 500亿元项目26个" (大连, 2023))
CLASS_NOUN_AFTER = re.compile(r"(?!的)[\u4e00-\u9fff]{0,4}?(?:企业|城市|园区|集群|景区|项目)")
SIZE_QUALIFIERS = ("超", "过", "超过")
# Money right before a park or a cluster names its class, with or without 超: "力争千亿元园区、500亿元园区、
# 100亿元园区分别达到3个、4个和44个" (武宣, 2022)
MONEY_CLASS_AFTER = re.compile(r"(?:产业)?(?:园区|集群)")
# A Chinese count right after a closing quote counts the names just quoted: "“粤菜师傅”“广东技工”“南粤家政”三项工程"
QUOTE_CLOSE = "”"
# An item's number glued to the year after it, at the start of a line or an item: "1.2020年六大片区项目277个" (驻马店, 2020)
ITEM_THEN_YEAR = re.compile(r"\d{1,2}\.(?:19|20)\d\d")
ITEM_OPENINGS = frozenset("\n(（:：;；。 ")
# …or to the count after it, at the start of a sentence: a count of things has no decimals ("4.460个居村综合文化活动室", 宝山)
ITEM_THEN_COUNT = re.compile(r"\d{1,2}\.(?P<count>\d+)")
ITEM_GLUED_UNITS = frozenset("个家所座处项件条名户栋台场辆套间张")
# A number preceded by these is an ordinal or a rank: "第3位", "前3位", "第四届"
ORDINAL_BEFORE = ("第", "前", "排名", "位列", "居")
ORDINAL_LAST_CHARS = frozenset(word[-1] for word in ORDINAL_BEFORE)
# A minus sign after a verb or a mark, not after a number: "规模以上工业增加值预计同比增长-6%" (威县, 2023), "自然增长率为-7.17‰";
# not the dash of a range or a span of months ("5%-6%", "1-7月")
MINUS_BEFORE = re.compile(r"(?:[长为达是率降幅速值度至到计]|[:：,，、(（\s])-$")
# Words that end in a qualifier's character without being one: "力争全年亿元以上项目签约1500个" (沈阳, 2021) signs 1500 projects,
# not about 1500
WORDS_ENDING_IN_QUALIFIER = ("签约", "节约", "集约", "履约", "预约", "合约", "特约", "制约", "违约")
SIGNED_UNITS = frozenset({"%", "‰", "百分点"})  # the units a fall is written with a minus in
# "500万元以上项目", "3000万元以上的企业": 以上 followed by a noun names a class, not a result
THRESHOLD_AFTER = re.compile(r"[\u4e00-\u9fff“\"]")
# A share with 以上 or 以下 and then 的 and what it sorts names a class: "完成年度计划投资90%以上的项目2个", "完成年度计划100%
# 及以上的项目4个" (伊春, January 2021)
PERCENT_CLASS_AFTER = re.compile(r"(?:及|或)?(?:以上|以下)的(?:项目|企业|单位|县|村|乡镇|学校|地区|行业|城市)")
# "30万吨级原油码头", "15万吨级航道": a size class, like a threshold
SIZE_CLASS = "级"
# "城镇新增就业45万人以上的目标" (2026 report) restates a target: 以上 before 的目标 is no class
GOAL_AFTER = re.compile(r"的?(?:目标|增长|增速|水平|任务|规模|速度|幅度|预期)")
# An area before the land it measures is that land's amount, not a class: "提出到2022年,全省建成6500万亩以上
# 高标准农田" (山东, 2020), "新建高标准农田200万亩以上" has no noun after it anyway
LAND_AFTER = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:农田|耕地|良田|林地|草原|草场|湿地|森林)")
AREA_UNITS = frozenset({"亩", "公顷", "平方公里"})
# "营业收入超200亿元的园区9个, 超300亿元的8个": 超 … 的 and a kind of unit, or a count, names a class too
THRESHOLD_CLASS_AFTER = re.compile(r"的(?:[\u4e00-\u9fff]{0,6}?(?:企业|园区|项目|单位|工程|平台|集群|景区|乡镇|村|户|商户)|\d)")
# Numbers written out in characters, as older stories and speech transcripts have them: "完成地区生产总值
# 四千一百七十亿元,增长了百分之十一点五,高出计划零点五个百分点。今年增长的目标定为增长百分之十二" (南京, 2010)
# (and grain, 2008: "粮食产量达五百七十亿斤", "向全国调出二百五十亿斤商品粮"; a weight or a count of visits only
# with 万 or 亿: "三百斤" is left to the short counts)
WRITTEN_MARKERS = ("百分之", "点", "亿元", "万元", "千元", "亿斤", "万斤", "亿吨", "万吨",  # none: skip the regex
                   "百个", "千个", "万个", "零",  # "新开工项目两万四千八百个,…九百零四个" (河北, 2010)
                   "亿人次", "万人次",  # "入赣旅游人数突破一亿人次" (江西, 2010); with 万 or 亿 only
                   "百元", "件")  # "社会消费品零售总额四百六十多亿元", "农牧民人均纯收入增加一百元", "收到…建议、批评、
# 意见八百七十五件,其中…解决二百零四件", "外贸进出口总额四十九点五亿美元" (新疆, January 2004)
WRITTEN_LARGE_UNITS = ("斤", "吨", "人次")
WRITTEN_NUMBER = re.compile(  # (the lookahead first: the regex engine then skips to the characters that can open one)
    r"(?=[百零〇一二两三四五六七八九十])(?<![第零〇一二两三四五六七八九十百千万])"
    r"(?:(?P<percent>百分之)(?P<pnum>[零〇一二两三四五六七八九十百]+)(?:点(?P<pfrac>[零〇一二三四五六七八九]+))?"
    r"|(?P<num>[零〇]|[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*)(?:点(?P<frac>[零〇一二三四五六七八九]+))?"
    r"(?P<approx>多|余)?(?P<mult>万亿|亿|万)?(?P<unit>个百分点|美元|元|斤|吨|人次|个|件))"
    r"(?P<after>左右|以上|以内|以下)?"
)
# Quotes and titles hold names: “十件重点民生实事”, 《…(2023-2025年)》; never across a line
OPENING = "“《「『"
TASK_VERBS = "(?:完成|新增|新建|建成|建设|改造|实施|开展|培训|帮扶|兜底|发放|解决|推进|打造)"  # a task's first word
QUOTATION = re.compile(r"“[^”\n]{0,60}”|《[^》\n]{0,80}》|「[^」\n]{0,60}」|『[^』\n]{0,60}』")
# A quoted list of goals is no name: "把“新增就业3万人、调查失业率5.5%以内”作为今年工作目标",
# nor is a quoted growth rate: "完成了“地区生产总值增长6%”的目标", nor a count of a size class: "打造“3个千亿元级
# 产业”" (昭通, 2023)
QUOTED_STATEMENT = re.compile(r"“[^”\n]*(?:[、,;]|以内|以上|左右|增长|下降|\d个[\u4e00-\u9fff]{0,4}级)[^”\n]*”"
                              # …nor a task quoted by its wording: "“完成城镇新增就业70万人”项目" (湖南's 实事, July 2018),
                              # "“兜底帮扶2500名困难群体就业”等46件实事" (盐城, December 2023)
                              r"|“" + TASK_VERBS + r"[^”\n]*\d[^”\n]*”")


class FigureSpan(NamedTuple):
    """One figure in a sentence; ``start``/``end`` index the sentence (a NamedTuple: cheap to make)."""

    start: int
    end: int
    quote: str
    value: float
    value_high: float | None
    unit: str | None
    qualifier: str | None
    approximate: bool
    is_threshold: bool
    direction: str | None = None  # set by idioms (翻一番); otherwise decided from the verb


@lru_cache(maxsize=1)
def load_not_figures() -> WordFinder:
    """``resources/not_figures.txt``: the protected phrases, found by Aho–Corasick (twice as fast
    as their trie regex here: most of them open with a common numeral, 两个…, 三个…)."""
    text = resources.files("helpers.resources").joinpath("not_figures.txt").read_text(encoding="utf-8")
    return WordFinder(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def parse_chinese_number(text: str) -> int | None:
    """A Chinese numeral as an integer: '十' → 10, '两' → 2, '三十五' → 35, '百' → 100; 万 and 亿 multiply
    all that comes before them: '三千万' → 30,000,000 (it gave 13,000), '十万' → 100,000.

    >>> [parse_chinese_number(t) for t in ("十", "两", "二十三", "百", "三百", "千")]
    [10, 2, 23, 100, 300, 1000]
    >>> [parse_chinese_number(t) for t in ("三千万", "十万", "一千二百万", "两万四千八百", "三亿五千万", "九百零四")]
    [30000000, 100000, 12000000, 24800, 350000000, 904]
    """
    digits = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
    units = {"十": 10, "百": 100, "千": 1000}
    total, section, current = 0, 0, None  # total: before the last 万 or 亿; section: since it
    for char in text:
        if char in digits:
            current = digits[char]
        elif char in units:
            section += (1 if current is None else current) * units[char]
            current = None
        elif char == "万":
            total += (section + (current or 0) or 1) * 10_000
            section, current = 0, None
        elif char == "亿":
            total = (total + section + (current or 0) or 1) * 100_000_000
            section, current = 0, None
        else:
            return None
    return total + section + (current or 0)


def find_figures(sentence: str) -> list[FigureSpan]:
    """Every figure in a sentence, in order.

    >>> [(f.quote, f.value, f.unit, f.qualifier) for f in find_figures("技术合同成交额完成8.74亿元,新增高新技术企业3家以上")]
    [('8.74亿元', 874000000.0, '元', None), ('3家以上', 3.0, '家', '以上')]
    >>> [(f.value, f.value_high, f.unit) for f in find_figures("地区生产总值增长4.5%—5%")]
    [(4.5, 5.0, '%')]
    >>> [(f.value, f.value_high, f.unit) for f in find_figures("年应纳税所得额100万元至300万元部分")]
    [(1000000.0, 3000000.0, '元')]
    >>> [(f.quote, f.is_threshold) for f in find_figures("全市实施投资500万元以上项目1000个")]
    [('500万元以上', True), ('1000个', False)]
    >>> find_figures("2023年10月17日,市政府召开第四届会议,辽政发〔2023〕12号,电话010-56212745")
    []
    >>> [f.quote for f in find_figures("把“新增就业3万人、调查失业率5.5%以内”作为今年工作目标")]
    ['3万人', '5.5%以内']
    >>> [(f.quote, f.value, f.unit) for f in find_figures("投资规模超万亿元,新增千万吨产能,绿电占比超三成,实现“六个翻番”")]
    [('超万亿元', 1000000000000.0, '元'), ('千万吨', 10000000.0, '吨'), ('超三成', 30.0, '%')]
    >>> find_figures("两项指标分别居全省第二、三位,重点做了六个方面工作")
    [FigureSpan(start=0, end=2, quote='两项', value=2.0, value_high=None, unit='项', qualifier=None, approximate=False, is_threshold=False, direction=None)]
    """
    protected = find_protected_spans(sentence)
    figures = _arabic(sentence)
    if figures and ("和" in sentence or "、" in sentence):
        figures = _share_units(sentence, figures)
    if protected:
        figures = _drop_overlapping(figures, protected)
    taken = [(f.start, f.end) for f in figures]
    idioms = []
    if any(marker in sentence for marker in IDIOM_MARKERS):
        idioms = _drop_overlapping(_drop_overlapping(list(_idioms(sentence)), protected), taken)
    if idioms:
        figures = sorted(figures + idioms, key=_start)
        taken = [(f.start, f.end) for f in figures]
    if any(marker in sentence for marker in WRITTEN_MARKERS):
        written = _drop_overlapping(_drop_overlapping(list(_written_out(sentence)), protected), taken)
        if written:
            figures = sorted(figures + written, key=_start)
            taken = [(f.start, f.end) for f in figures]
    chinese = _drop_overlapping(_drop_overlapping(list(_chinese(sentence)), protected), taken)
    if chinese:
        figures = sorted(figures + chinese, key=_start)
    if len(figures) > 1 and RESPECTIVELY in sentence:
        figures = _share_list_qualifiers(sentence, figures)
    return figures


# The qualifier closing a 分别 list is every item's: "城镇、农村居民人均可支配收入分别增长4.5%、5.5%左右" (江西 2026),
# "分别增长5%、6.5%左右" (甘肃 2026). Not 多 or 余 ("7000多所" approximates its own number), and not without
# 分别 ("增长4.5%、5.5%左右" may be a range written loosely), nor across a comma.
RESPECTIVELY = "分别"
LIST_QUALIFIERS = frozenset({"以上", "左右", "以内", "以下", "上下"})
LIST_JOIN = re.compile(r"、|和|及|与")
CLAUSE_BREAK = re.compile(r"[,,;;::。]")


def _share_list_qualifiers(sentence: str, figures: list[FigureSpan]) -> list[FigureSpan]:
    """``figures`` with the qualifier after the last of a 分别 list given to the items before it.

    >>> [f.qualifier for f in find_figures("城镇、农村居民人均可支配收入分别增长4.5%、5.5%左右")]
    ['左右', '左右']
    >>> [f.qualifier for f in find_figures("城镇、农村居民人均可支配收入增长4.5%、5.5%左右")]
    [None, '左右']
    >>> [f.qualifier for f in find_figures("两项分别增长3%和4%,投资达到3亿元、4亿元以上")]
    [None, None, None, None, '以上']
    """
    figures = list(figures)
    for i in range(len(figures) - 2, -1, -1):
        item, last = figures[i], figures[i + 1]
        if item.qualifier is None and last.qualifier in LIST_QUALIFIERS and item.unit == last.unit \
                and not item.is_threshold and not last.is_threshold \
                and LIST_JOIN.fullmatch(sentence, item.end, last.start) \
                and _in_list_of(sentence, item.start):
            figures[i] = item._replace(qualifier=last.qualifier, approximate=last.approximate)
    return figures


def _counts_plan_parts(sentence: str, start: int, end: int) -> bool:
    """Whether a count of 项 counts the tasks or measures a plan sets out for itself (PLAN_PARTS_BEFORE).

    >>> [f.quote for f in find_figures("细化设置了8个方面共计21项任务,确定了强化组织保障、做好督查督办3项措施")]
    []
    >>> [f.quote for f in find_figures("全年实施重点任务21项,设置了标准厂房12万平方米")]
    ['21项', '12万平方米']
    >>> [f.quote for f in find_figures("锦州市今年确定了109项攻坚任务、136项重点任务")]
    ['109项', '136项']
    """
    part = PLAN_PARTS_AFTER.match(sentence, end)
    if part is None:
        return False
    reach = max(0, start - PLAN_PARTS_REACH)
    return PLAN_PARTS_BEFORE.search(sentence, reach, start) is not None or (
        part.group("part") != "任务" and PLAN_MEASURES_BEFORE.search(sentence, reach, start) is not None)


def _in_list_of(sentence: str, start: int) -> bool:
    """Whether a 分别 opens the clause that reaches ``start``."""
    opening = sentence.rfind(RESPECTIVELY, 0, start)
    return opening >= 0 and not CLAUSE_BREAK.search(sentence, opening, start)


_new_figure = tuple.__new__  # FigureSpan(...) without the Python-level __new__: 3× cheaper
# A bare number right before 和 or 、 and a rate or a gap shares its unit: "分别高于全省、全国6.8和8个百分点" (大连,
# July 2019), "分别高出0.1、1.7个百分点" (开化, 2016)
SHARED_UNITS = frozenset({"%", "个百分点", "百分点"})
BARE_BEFORE_PAIR = re.compile(r"(?<![\d.:∶/])(\d+(?:\.\d+)?)[和、]$")


def _share_units(sentence: str, figures: list[FigureSpan]) -> list[FigureSpan]:
    """``figures`` with a figure added for each bare number that shares the unit of the rate after it."""
    added = []
    for figure in figures:
        if figure.unit not in SHARED_UNITS or figure.start < 2 or sentence[figure.start - 1] not in "和、":
            continue
        bare = BARE_BEFORE_PAIR.search(sentence, max(0, figure.start - 12), figure.start)
        if bare is None:
            continue
        start, end = bare.span(1)
        added.append(_new_figure(FigureSpan, (start, end, sentence[start:end], float(bare.group(1)), None,
                                              figure.unit, None, False, False, None)))
    return sorted(figures + added, key=_start) if added else figures


def _start(figure: FigureSpan) -> int:
    return figure.start


def _arabic(sentence: str) -> list[FigureSpan]:
    found = []
    n = len(sentence)
    words = load_figure_words()
    multipliers = words.multipliers
    for m in words.arabic.finditer(sentence):
        start, end = m.span()
        groups: tuple[Any, ...] = m.groups()  # a group that did not match is None
        num, mult1, unit1, _, num2, approx, mult, unit, _, post = groups
        if not start and not mult and not mult1 and unit in ITEM_GLUED_UNITS and (item := ITEM_THEN_COUNT.fullmatch(num)):
            start, num = item.start("count"), item.group("count")  # "2.50个小区新增电动自行车充电设施" (宝山, 2022): item 2, 50个
        if unit is None:
            if unit1 is None and not mult:
                continue
            unit = unit1
        elif unit1 and unit1 != unit:
            continue  # "5%至10亿元" is not a range
        before = sentence[start - 1] if start else ""
        if before in ORDINAL_LAST_CHARS and sentence[max(0, start - 2):start].endswith(ORDINAL_BEFORE):
            continue
        if unit == "个" and OUTLINE_AFTER.match(sentence, end):
            continue
        if unit in LIST_COUNT_UNITS and ENUMERATED_AFTER.match(sentence, end):
            continue
        if unit == "项" and _counts_plan_parts(sentence, start, end):
            continue
        if unit == "位" and sentence[max(0, start - 3):start].endswith(RANK_MOVE):
            continue
        multiplier = multipliers[mult] if mult else 1
        value = scale_number(num, multipliers[mult1] if mult1 else multiplier)
        high = None
        if num2:
            high = scale_number(num2, multiplier)
            if high < value:  # "2-3" fine; "5-2" is not a range
                continue
        is_threshold = (unit == "%" and PERCENT_CLASS_AFTER.match(sentence, end - len(post or "")) is not None) \
            or ((post == "以上" or post == "以下") and end < n and unit not in words.classless
                        and THRESHOLD_AFTER.match(sentence, end) is not None
                        and not GOAL_AFTER.match(sentence, end)
                        and not (unit in AREA_UNITS and LAND_AFTER.match(sentence, end))
                        ) or sentence.startswith(SIZE_CLASS, end) \
            or (words.base_unit.get(unit, unit) == "元" and (MONEY_CLASS_AFTER.match(sentence, end) is not None or (
                high is not None and CLASS_NOUN_AFTER.match(sentence, end) is not None)))
        qualifier = None
        if before == "-" and high is None and words.base_unit.get(unit, unit) in SIGNED_UNITS \
                and MINUS_BEFORE.search(sentence, max(0, start - 2), start):
            start, value = start - 1, -value
        elif before in words.qualifier_last_chars:
            qualifier = _qualifier_before(sentence, start)
            if qualifier:
                start -= len(qualifier)
                if _sizes_a_class(sentence, qualifier, end, noun_follows=unit not in words.classless):
                    is_threshold, qualifier = True, None
        qualifier = qualifier or (None if is_threshold else post) or approx
        qualifier = words.written_as.get(qualifier, qualifier) if qualifier else None
        found.append(_new_figure(FigureSpan, (start, end, sentence[start:end], value, high,
                                              words.base_unit.get(unit, unit), qualifier,
                                              bool(approx) or qualifier in words.approximate, is_threshold, None)))
    return found


def _written_out(sentence: str):
    """Numbers written out in characters with a unit: 百分之十一点五 (%), 零点五个百分点, 四千一百七十亿元.

    >>> [(f.quote, f.value, f.unit, f.qualifier) for f in _written_out("增长了百分之十一点五,高出计划零点五个百分点,目标增长百分之十二左右")]
    [('百分之十一点五', 11.5, '%', None), ('零点五个百分点', 0.5, '百分点', None), ('百分之十二左右', 12.0, '%', '左右')]
    >>> [(f.quote, f.value) for f in _written_out("完成地区生产总值四千一百七十亿元,人均一万七千元,到二〇一二年突破一万亿元")]
    [('四千一百七十亿元', 417000000000.0), ('一万七千元', 17000.0), ('突破一万亿元', 1000000000000.0)]
    >>> [(f.quote, f.value, f.unit) for f in _written_out("粮食产量达五百七十亿斤,调出二百五十亿斤商品粮")]
    [('五百七十亿斤', 57000000000.0, '斤'), ('二百五十亿斤', 25000000000.0, '斤')]
    """
    words = load_figure_words()
    for m in WRITTEN_NUMBER.finditer(sentence):
        whole, fraction = (m.group("pnum"), m.group("pfrac")) if m.group("percent") else (m.group("num"), m.group("frac"))
        value = parse_chinese_number(whole)
        if value is None:
            continue
        # digits after 点 one by one: 十一点五 is 11.5, 零点零五 is 0.05
        number = float(value) + (float("0." + "".join(str(parse_chinese_number(c)) for c in fraction)) if fraction else 0.0)
        if m.group("percent"):
            unit = "%"
        else:
            if not (fraction or m.group("mult") or len(whole) >= 3 or value >= 100):
                continue  # "两元", "十元": left to the short counts (not "一百元")
            if m.group("unit") in WRITTEN_LARGE_UNITS and not m.group("mult") and "万" not in whole:
                continue  # "三百斤": left to the short counts
            unit = words.base_unit.get(m.group("unit"), m.group("unit"))
            number *= words.multipliers.get(m.group("mult") or "", 1)
        start, end = m.start(), m.end()
        qualifier = _qualifier_before(sentence, start)
        if qualifier:
            start -= len(qualifier)
        qualifier = qualifier or (words.written_as.get(m.group("after"), m.group("after")) if m.group("after") else None)
        yield FigureSpan(start, end, sentence[start:end], number, None, unit, qualifier or m.group("approx"),
                         qualifier in words.approximate or m.group("approx") is not None, False)


def _chinese(sentence: str):
    words = load_figure_words()
    counted = []  # spans of counts: "超百亿元" is one figure, not also a bare 百亿元
    for m in words.chinese.finditer(sentence):
        value = parse_chinese_number(m.group("num"))
        if value is None or value < 2:
            continue
        start, end = m.start(), m.end()
        if sentence[start - 1:start] in ORDINAL_LAST_CHARS and sentence[max(0, start - 2):start].endswith(ORDINAL_BEFORE):
            continue  # a rank in words, as in figures: "分别位居全市前两位" (大连, 2011)
        if RANK_LIST.search(sentence, max(0, start - 8), start) or OUTLINE_AFTER.match(sentence, end) \
                or sentence[start - 1:start] == QUOTE_CLOSE \
                or (m.group("unit") in LIST_COUNT_UNITS and ENUMERATED_AFTER.match(sentence, end)) \
                or (m.group("unit") == "项" and _counts_plan_parts(sentence, start, end)):
            continue
        unit = m.group("unit")
        counted.append((start, end))
        multiplier = 1
        if unit in ("亿元", "万元"):
            multiplier, unit = words.multipliers[unit[0]], "元"
        qualifier = _qualifier_before(sentence, start)
        if qualifier:
            start -= len(qualifier)
        qualifier = qualifier or ("余" if m.group("approx") else None)
        # "打造千亿元级高原特色农业产业" (昭通, 2023): a size class, as "30万吨级" is
        if _sizes_a_class(sentence, qualifier, end) or sentence.startswith(SIZE_CLASS, end) \
                or (unit == "元" and MONEY_CLASS_AFTER.match(sentence, end)):
            yield FigureSpan(start, end, sentence[start:end], float(value) * multiplier, None, unit, None, False, True)
            continue
        if sentence.startswith("以上", end) and THRESHOLD_AFTER.match(sentence, end + 2) and unit == "元":
            # "百亿元以上产业链": a class, like "500万元以上项目"
            yield FigureSpan(start, end + 2, sentence[start:end + 2], float(value) * multiplier, None, unit, None,
                             False, True)
            continue
        yield FigureSpan(start, end, sentence[start:end], float(value) * multiplier, None, unit,
                         qualifier, qualifier in words.approximate, False)
    for m in words.bare.finditer(sentence):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in counted) or sentence.endswith(BARE_NOT_AFTER, 0, start):
            continue
        qualifier = _qualifier_before(sentence, start)
        if qualifier:
            start -= len(qualifier)
        sized = sentence.startswith(SIZE_CLASS, end) or _sizes_a_class(sentence, qualifier or sentence[start - 1:start],
                                                                        end)
        yield FigureSpan(start, end, sentence[start:end], float(words.multipliers[m.group("mult")]), None,
                         m.group("unit"), None if sized else qualifier, qualifier in words.approximate, sized)
    if "/" in sentence:
        after_share = set()  # where the fractions after 占 start
        for m in FRACTION.finditer(sentence):
            start = m.start("num")
            after_share.add(start)
            yield FigureSpan(start, m.end(), sentence[start:m.end()],
                             round(100.0 * int(m.group("num")) / int(m.group("den")), 4), None, "%", None, False, False)
        for m in FRACTION_QUALIFIED.finditer(sentence):
            if m.start() in after_share:
                continue  # found above: "占全国2/3以上"
            post = m.group("post")
            yield FigureSpan(m.start(), m.end("den"), sentence[m.start():m.end("den")],
                             round(100.0 * int(m.group("num")) / int(m.group("den")), 4), None, "%",
                             words.written_as.get(post, post), post in words.approximate, False)
    if "分之" in sentence:
        for m in CHINESE_FRACTION.finditer(sentence):
            numerator, denominator = parse_chinese_number(m.group("num")), parse_chinese_number(m.group("den"))
            if numerator is None or not denominator or numerator >= denominator:
                continue
            yield FigureSpan(m.start(), m.end(), m.group(), round(100.0 * numerator / denominator, 4), None, "%",
                             None, False, False)
    if "." in sentence and "年" in sentence:
        for m in DECIMAL_YEARS.finditer(sentence):
            if ITEM_THEN_YEAR.fullmatch(m.group()[:-1]) and (not m.start() or sentence[m.start() - 1] in ITEM_OPENINGS):
                continue  # an item's number glued to a year: "1.2020年六大片区项目277个" (驻马店, 2020)
            yield FigureSpan(m.start(), m.end(), m.group(), float(m.group()[:-1]), None, "年", None, False, False)
    if "成" in sentence:
        for m in TENTHS.finditer(sentence):
            start, end = m.start(), m.end()
            qualifier = _qualifier_before(sentence, start)
            post = m.group("post")
            if not (qualifier or post or sentence[max(0, start - 2):start].endswith(TENTHS_CHANGE_BEFORE)):
                continue
            if qualifier:
                start -= len(qualifier)
            qualifier = qualifier or words.written_as.get(post, post)
            yield FigureSpan(start, end, sentence[start:end], 10.0 * "一二三四五六七八九".index(m.group("num")) + 10.0,
                             None, "%", qualifier, True, False)
    if "倍" in sentence:
        for m in WRITTEN_MULTIPLE.finditer(sentence):
            times = parse_chinese_number(m.group("num")) or 1
            approx = m.group("approx")
            if m.group("of") is not None:
                if times >= 2:
                    yield FigureSpan(m.start(), m.end(), m.group(), float(times), None, "倍", approx, approx is not None,
                                     False)
                continue
            yield FigureSpan(m.start(), m.end(), m.group(), 100.0 * times, None, "%", approx, approx is not None, False)


def _sizes_a_class(sentence: str, qualifier: str | None, end: int, noun_follows: bool = True) -> bool:
    """超/过 a size before the kind of thing it sizes: "过万亿元城市", "超千亿元工业企业", "超百亿元的15家",
    "营业收入超200亿元的园区" (``noun_follows`` False for counts: "超9000家工业企业" counts the firms)."""
    return qualifier in SIZE_QUALIFIERS and (THRESHOLD_CLASS_AFTER.match(sentence, end) is not None
                                             or (noun_follows and CLASS_NOUN_AFTER.match(sentence, end) is not None))


def _idioms(sentence: str):
    for m in IDIOM.finditer(sentence):
        if m.group("times") or m.group("doubled"):
            value = {"一": 100.0, "两": 300.0, "三": 700.0}[m.group("times") or "一"]
            yield FigureSpan(m.start(), m.end(), m.group(), value, None, "%", None, True, False, "up")
        else:
            yield FigureSpan(m.start(), m.end(), m.group(), 10.0, None, "%", "以上", True, False, "up")


def _qualifier_before(sentence: str, start: int) -> str | None:
    head = sentence[max(0, start - 3):start]
    words = load_figure_words()
    if not head or head[-1] not in words.qualifier_last_chars:
        return None
    for qualifier in words.qualifiers_before:
        if head.endswith(qualifier):
            return None if head.endswith(WORDS_ENDING_IN_QUALIFIER) else qualifier
    return None


def find_protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted spans whose numbers are names: quotations, titles and ``not_figures.txt`` phrases."""
    spans = [(start, end) for start, end, _ in load_not_figures().find(text)]
    if any(mark in text for mark in OPENING):
        spans += [m.span() for m in QUOTATION.finditer(text) if not QUOTED_STATEMENT.fullmatch(m.group())]
    return sorted(spans)


def _drop_overlapping(figures: list[FigureSpan], spans: list[tuple[int, int]]) -> list[FigureSpan]:
    """The figures that overlap none of the spans (sorted by start).

    A figure overlaps a span that starts before the figure ends and ends after the figure starts:
    for each figure, a binary search finds the spans that start before it ends, and the furthest
    end among them decides. (The loops run in C through ``map``: this runs over every figure.)

    >>> spans = [(0, 5), (3, 4), (20, 30)]
    >>> def figures(*starts):
    ...     return [FigureSpan(s, s + 2, "", 1.0, None, None, None, False, False) for s in starts]
    >>> [f.start for f in _drop_overlapping(figures(4, 6, 12, 19, 29, 30), spans)]
    [6, 12, 30]
    """
    if not spans or not figures:
        return figures
    span_starts = [a for a, _ in spans]
    reach = [-1, *accumulate((b for _, b in spans), max)]  # reach[i]: furthest end of spans[:i]
    before_end = map(bisect_left, repeat(span_starts), [f.end for f in figures])
    return [f for f, furthest in zip(figures, map(reach.__getitem__, before_end)) if furthest <= f.start]


def scale_number(number: str, multiplier: int) -> float:
    """'33.8' × 10**8 → 3380000000.0 exactly (integer arithmetic, then one correctly rounded division).

    >>> scale_number("33.8", 10**8), scale_number("0.1", 10**4), scale_number("1,234.5", 1)
    (3380000000.0, 1000.0, 1234.5)
    """
    plain = number.replace(",", "") if "," in number else number
    if multiplier == 1:
        return float(plain)
    whole, _, decimals = plain.partition(".")
    return int(whole + decimals) * multiplier / 10 ** len(decimals)
