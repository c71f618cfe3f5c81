"""Find the period a figure refers to and resolve it to dates with the document's own year.

In: a sentence and the year the text speaks from (the document's year, or its section's: "2023年
工作回顾" makes 全年 mean 2023). Out: :class:`Period` (as written, start, end, whether it is a
yearly average). Comparison bases (较2022年, 高于“十三五”时期) are not periods.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

from helpers.corpus.sections import PLAN_SPANS
from helpers.indicators.figures import parse_chinese_number


# Five-year plans (helpers.corpus.sections, where headings name them) and the campaign: "“十四五”期间",
# "十五五时期", "三年行动"
# Every phrase that names a period, most specific first. Real examples:
# "预计前三季度GDP增长5.2%", "今年上半年", "到2025年末,…达到230家以上", "“十四五”期间,葫芦岛计划…",
# "三年累计实施核心技术攻关60项以上", "截至目前,全市新增…", "包括未来五年,GDP年均增速为4.5%至5%", "2023年1-9月", "全年旅游收入翻一番",
# "新能源并网投产711.65万千瓦、为去年全年的4.8倍" (去年全年 is one phrase: last year, not this year's 全年),
# "计划用五年时间将年粮食产能提升到1800亿斤" (the year it was said and the four after it), "3年内计划投资180亿元"
# (湖北, 2017; not "2018年以来,4年内累计改造农村公路5800多公里", 烟台 2022),
# "1-8月共完成投资622.2亿元", "1至7月份", "1~4月份开工50项" (内蒙古, 2012), "今年1到10月" (楚雄, 2018), "今年元至4月" (元月, January: 桐梓, 2011),
# "前8月" (January to the end of a month of the text's year), "从1952年的2169万元" (a year of the last century),
# "截至2月17日,全市…项目已开复工63个", "截至7月底" (so far: up to the day the text gives, like 截至目前),
# "黑龙江省明年农作物播种面积将稳定在2亿亩以上" (December 2009: 2010), "面对新的一年,报告中指出,地区生产总值增长9%"
# (莒县, January 2019: this year)
# (The lookahead lists every possible first character: the regex engine then skips ahead to them,
# five times faster than trying every branch at every position.)
PERIOD = re.compile(
    r"(?=[到至2345两7“\"十前上下一二四第全今本去过五三截目年未用明新1元七这])(?:"
    r"(?P<to>到|至)?(?P<year>(?:19[4-9]|20\d)\d)年(?P<year_part>前三季度|上半年|下半年|一季度|第一季度|末|底|全年|1-(?P<month>\d{1,2})月)?"
    r"|[“\"]?(?P<plan>十一五|十二五|十三五|十四五|十五五)[”\"]?(?:期间|时期|末)?"
    r"|(?P<part>前三季度|上半年|下半年|一季度|第一季度|第?[二三四]季度|去年全年|上年全年|全年|今冬明春|今秋明春|今年|本年|新的一年|明年|去年|上年|过去一年|过去的一年|过去两年|过去三年|过去五年|这五年|过去十年|五年来|四年来|两年来|70年来|七十年来|40年来|四十年来|未来五年|今后五年|未来三年|今后三年)"
    r"|(?P<cumulative>三年累计|三年来|三年行动期间)"
    r"|(?:用(?P<span>[1-9]|[两二三四五六七八九十])年(?:左右)?时间|(?<![\d.])(?<!以来,)(?P<span_within>[2-5两二三四五])年内)"
    r"|(?P<months>(?<![\d.])[1元][-—–~～至到]|前)(?P<to_month>1[0-2]|[1-9]|十[一二]?|[二三四五六七八九])(?:个)?月份?"
    r"|(?P<to_date>截[至止]目前|截[至止]当前|目前|年初以来|截[至止](?:[1-9]|1[0-2])月(?:底|末|[1-9]日|[12]\d日|3[01]日)))"
)
YEAR_NEARLY_OVER_MONTH = 11
PAST_SPANS = {"过去两年": 2, "过去三年": 3, "过去五年": 5, "五年来": 5,
              # a work report's review of its term: "这五年…国家级专精特新“小巨人”企业数量较2020年实现翻番" (北京 2026: 2021-2025,
              # had been a 2030 target)
              "这五年": 5, "四年来": 4, "两年来": 2, "过去十年": 10,
              # the anniversaries press conferences look back over: "新中国成立70年来" (兴安盟, August 2019: 1949-2018),
              # "改革开放40年来" (2018)
              "70年来": 70, "七十年来": 70, "40年来": 40, "四十年来": 40}  # years looked back on, ending the year before
# The campaigns of farmland water works run from one autumn or winter to the next spring: "今冬明春", "今秋明春"
SEASONS_AHEAD = {"今秋明春": 9, "今冬明春": 11}  # the month each begins
SEASON_AHEAD_ENDS = 4  # …and they end by April
FUTURE_SPANS = {"未来五年": 5, "今后五年": 5, "未来三年": 3, "今后三年": 3}  # the years ahead a phrase spans
TO_DAY = re.compile(r"截[至止](?P<month>\d{1,2})月(?P<day>底|末|\d{1,2})")  # 截止 as often as 截至 ("截止6月底", 宁夏 2010)
TO_DAY_AHEAD_DAYS = 62
TO_DAY_RECENT_DAYS = 92  # …and one at most this many days before a text in its first months is of the text's year
# "较2022年提高", "比上年增长", "高于“十三五”时期1.2个百分点", "快于2024年1.8个百分点",
# "超过今年新开工项目总投资规模的3.5倍",
# "在2025年基础上", "財政收入保持上年水準" (安徽, January 2020), "基本恢复到2019年水平": a base of comparison
COMPARISON_BEFORE = ("较", "比", "高于", "低于", "快于", "慢于", "与", "同比", "相比", "超过")
COMPARISON_AFTER = ("基础上", "的基础上", "水平", "的水平", "水准", "水準")
# …and so is the next in a list of bases: "增速分别高于上年同期、2017年全年0.1、0.9个百分点" (哈尔滨新区, April 2018)
COMPARED_LIST_BEFORE = re.compile(r"(?:较|比|高于|低于|快于|慢于|超过)[^,;:。!?\n]*、$")
COMPARED_LIST_REACH = 24
# "新能源并网投产711.65万千瓦、为去年全年的4.8倍": a period that a figure is a multiple of is its base
# ("完成投资额是去年同期的近两倍", 鹤壁 2010)
MULTIPLE_OF = re.compile(r"(?:同期)?的(?:近|约)?(?:\d+(?:\.\d+)?|[两二三四五六七八九十]{1,3})倍")
CAMPAIGN = (2023, 2025)
SINGLE_QUARTERS = {"二": 2, "三": 3, "四": 4}  # 二季度, 第三季度: one quarter (一季度 is the year's start)
SPAN_YEARS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


class Period(NamedTuple):
    """A period as written and as dates; ``source`` says where it came from."""

    text: str | None
    start: dt.date | None
    end: dt.date | None
    is_average: bool
    source: str  # "text", "paragraph", "section", "document" or "none"


def find_period_phrases(sentence: str) -> list[tuple[int, re.Match]]:
    """(position, match) of each period phrase that is not a comparison base."""
    found = []
    for m in PERIOD.finditer(sentence):
        if sentence[max(0, m.start() - 2):m.start()].endswith(COMPARISON_BEFORE) \
                or sentence.startswith(COMPARISON_AFTER, m.end()) or MULTIPLE_OF.match(sentence, m.end()) \
                or (sentence[m.start() - 1:m.start()] == "、"
                    and COMPARED_LIST_BEFORE.search(sentence, max(0, m.start() - COMPARED_LIST_REACH), m.start())):
            continue
        found.append((m.start(), m))
    return found


def months_year(match: re.Match, published: dt.date) -> int:
    """The year a run of months from January (1-2月, 前10个月) speaks of in a text of ``published``: the year
    it was written in when the run has ended by then, else the year before ("1-11月" in January).

    >>> [months_year(PERIOD.search(t), dt.date(2024, 3, 19)) for t in ("1-2月累计完成投资", "1-11月")]
    [2024, 2023]
    """
    return published.year if _month_number(match.group("to_month")) <= published.month else published.year - 1


def _month_number(written: str) -> int:
    """8 or 八 or 十一 as a month number."""
    number = int(written) if written.isdigit() else parse_chinese_number(written) or 1
    return min(12, max(1, number))


def resolve_period(match: re.Match, year: int | None, published: dt.date | None,
                   review_year: bool = False) -> tuple[dt.date | None, dt.date | None]:
    """Dates of one period phrase, with ``year`` the year the text speaks from.

    ``year`` None (a text of unknown date): a relative phrase has no dates.
    ``review_year`` says ``year`` is the year a section reviews ("2025年…工作回顾"), so "五年来"
    ends with it; otherwise "五年来" ends the year before.

    >>> m = PERIOD.search("预计前三季度GDP增长5.2%")
    >>> resolve_period(m, 2023, None)
    (datetime.date(2023, 1, 1), datetime.date(2023, 9, 30))
    >>> resolve_period(PERIOD.search("到2025年末"), 2023, None)
    (None, datetime.date(2025, 12, 31))
    >>> resolve_period(PERIOD.search("“十四五”期间"), 2022, None)
    (datetime.date(2021, 1, 1), datetime.date(2025, 12, 31))
    >>> [resolve_period(PERIOD.search(t), 2018, None)[1] for t in ("1-8月共完成投资", "1至7月份", "前十一个月")]
    [datetime.date(2018, 8, 31), datetime.date(2018, 7, 31), datetime.date(2018, 11, 30)]
    """
    if match.group("year"):
        y = int(match.group("year"))
        part = match.group("year_part")
        if match.group("to") or part in ("末", "底"):
            return None, dt.date(y, 12, 31)
        if match.group("month"):
            month = min(12, max(1, int(match.group("month"))))
            return dt.date(y, 1, 1), dt.date(y, month, calendar.monthrange(y, month)[1])
        return _part_of_year(part or "全年", y)
    if match.group("months"):  # "1-8月共完成投资622.2亿元" (汉中, September 2018): January to the month's end
        if year is None:
            return None, None
        month = _month_number(match.group("to_month"))
        return dt.date(year, 1, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    # "计划用五年时间将年粮食产能提升到1800亿斤" (2023): to 2027
    if (match.group("span") or match.group("span_within")) and year is not None:
        span = match.group("span") or match.group("span_within")
        n = int(span) if span.isdigit() else SPAN_YEARS[span]
        return dt.date(year, 1, 1), dt.date(year + n - 1, 12, 31)
    if match.group("plan"):
        first, last = PLAN_SPANS[match.group("plan")]
        return dt.date(first, 1, 1), dt.date(last, 12, 31)
    if year is None:  # a relative phrase ("今年", "一季度") in a text of unknown date
        return None, None
    if part := match.group("part"):
        if part in ("过去一年", "过去的一年") and review_year:  # "刚刚过去的一年" in a review of 2024: 2024
            return _part_of_year("全年", year)
        if part in ("去年", "上年", "过去一年", "过去的一年", "去年全年", "上年全年"):
            return _part_of_year("全年", year - 1)
        if part in PAST_SPANS:  # "过去十年,全省旅游总收入年均增长19.3%" (湖南, August 2022): 2012-2021
            # …and in a year's last two months the year is nearly all in: "今年是“十二五”收官之年,12月16日,…五年来,郑州共
            # 新建、改扩建中小学165所" (郑州, December 2015: 2011-2015)
            last = year if review_year or (published is not None and published.year == year
                                           and published.month >= YEAR_NEARLY_OVER_MONTH) else year - 1
            return dt.date(last - PAST_SPANS[part] + 1, 1, 1), dt.date(last, 12, 31)
        if part == "明年":
            return _part_of_year("全年", year + 1)
        if part in SEASONS_AHEAD:  # "今秋明春,黑龙江省…大兴农田水利建设" (November 2014): to the spring after; told in the
            # spring, the campaign under way: "北京今年还将投资53.99亿元用于今冬明春中小河道…" (February 2013)
            first = year - 1 if published is not None and published.month <= SEASON_AHEAD_ENDS else year
            return dt.date(first, SEASONS_AHEAD[part], 1), dt.date(first + 1, SEASON_AHEAD_ENDS, 30)
        if part in FUTURE_SPANS:  # "聚焦今后五年,…纲要(草案)提出了20个预期性指标" (January 2026: 2026-2030), "未来三年集群
            # 营收年均增长8%" (河北, April 2025: 2025-2027); in a year's last two months the span begins with the next year:
            # "未来五年,…经济社会发展主要目标是,地区生产总值达1220亿元" (同安, 25 December 2025: 2026-2030)
            first = year + 1 if published is not None and published.year == year \
                and published.month >= YEAR_NEARLY_OVER_MONTH else year
            return dt.date(first, 1, 1), dt.date(first + FUTURE_SPANS[part] - 1, 12, 31)
        return _part_of_year(part, year)
    if match.group("cumulative"):
        return dt.date(CAMPAIGN[0], 1, 1), dt.date(CAMPAIGN[1], 12, 31)
    if match.group("to_date"):
        start = dt.date(year, 1, 1) if match.group("to_date") == "年初以来" else None
        day = TO_DAY.match(match.group("to_date"))
        if day and published is not None:
            # a day months after the text is of the year before: "截至11月30日,全省…共办理法律援助案件39701件" in a
            # press conference of 7 January 2016 speaks of 2015 (not "截至4月底,已开复工将达到247个" of 27 April)
            end = _day_of(int(day.group("month")), day.group("day"), year)
            if (end - published).days > TO_DAY_AHEAD_DAYS:
                end = _day_of(int(day.group("month")), day.group("day"), year - 1)
            elif year == published.year - 1:
                # a day weeks before the text is of its own year, even where the text reviews the year before:
                # "截至2月底,2个省重大项目投资完成率7.5%" (昆山, March 2024)
                recent = _day_of(int(day.group("month")), day.group("day"), published.year)
                if -TO_DAY_RECENT_DAYS <= (recent - published).days <= TO_DAY_AHEAD_DAYS:
                    end = recent
            return start, end
        return start, published
    return None, None


def _day_of(month: int, day: str, year: int) -> dt.date:
    """The day a 截至 phrase names: "11月30日", "7月底" (the month's last day)."""
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(last, int(day)) if day.isdigit() else last)


def _part_of_year(part: str, year: int) -> tuple[dt.date, dt.date]:
    ends = {"前三季度": (9, 30), "上半年": (6, 30), "一季度": (3, 31), "第一季度": (3, 31)}
    if part == "下半年":
        return dt.date(year, 7, 1), dt.date(year, 12, 31)
    if part.endswith("季度") and part.lstrip("第")[0] in SINGLE_QUARTERS:  # "力争三季度实现…" (滁州, 2016)
        last = 3 * SINGLE_QUARTERS[part.lstrip("第")[0]]
        return dt.date(year, last - 2, 1), dt.date(year, last, calendar.monthrange(year, last)[1])
    month, day = ends.get(part, (12, 31))
    return dt.date(year, 1, 1), dt.date(year, month, day)
