"""Find a document's sections: numbered and unnumbered headings, their nesting and their role.

In: a cleaned text (one paragraph per line) and its genre. Out: :class:`Section` records, one for the
whole document (section 0, level 0) and one per heading, each with its parent, character offsets
(from the heading line to the next heading of the same or a higher level) and a role (review,
targets, tasks, plan_execution, plan_draft, statistics, other) read from the heading words in
``resources/section_roles.csv``; a heading without such words takes its parent's role.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple

from helpers.corpus.normalize import CHINESE_CHARACTER
from helpers.lexicon import load_lead_roles, load_section_roles

ROLES = ("review", "targets", "tasks", "plan_execution", "plan_draft", "statistics", "other")
# The kind a role implies for a figure that no cue word speaks for
ROLE_KIND = {"review": "actual", "plan_execution": "actual", "statistics": "actual",
             "targets": "target", "tasks": "target", "plan_draft": "target"}
_NUMERALS = "一二三四五六七八九十"
# Numbered headings at the start of a line, by level:
# "一、2023年工作回顾", "第一部分 …" (1); "(一)纵深推进融入和服务全国统一大市场", "（二）…" (2);
# "1.加快…", "2、…" but not "1.2万亿元" (3); "(1)…" (4)
NUMBERED_HEADING = re.compile(
    rf"^(?:(?P<l1>[{_NUMERALS}]{{1,3}}、|第[{_NUMERALS}]{{1,3}}部分\s*)"
    rf"|(?P<l2>[(（][{_NUMERALS}]{{1,3}}[)）])"
    r"|(?P<l3>\d{1,2}(?:[、．]|\.(?!\d)))"
    r"|(?P<l4>[(（]\d{1,2}[)）]))",
    re.M,
)
# A heading's own words: up to the first sentence end or 40 characters
# ("(二)加快建设现代化产业体系。加快能源强省建设…" → "加快建设现代化产业体系")
HEADING_TEXT = re.compile(r"[^。!?;！？；\n]{1,40}")
# An unnumbered heading: a short line without sentence punctuation ("“十四五”时期工作回顾",
# "2026年重点工作", "主要预期目标", "辽宁落点"); it must also hold a heading word
SHORT_LINE = re.compile(r"^[^,，。!?;:：！？；\n]{2,24}$", re.M)
# A label that opens a list, its colon last, when a short line without a sentence end follows: "2021年目标:" over
# "生产总值增长6.5%左右" (a digest of 陕西's 2021 work report); not a deck line over a byline ("2019年政府工作总体
# 要求:" then "本报记者 彭彦伟", 莒县 2019)
LABEL_LINE = re.compile(r"^([^,，。!?;:：！？；\n]{2,24})[:：][ \t]*\n(?=[^。!?！？\n]{2,40}\n)(?![^\n]*(?:记者|通讯员|本报))", re.M)
# A line that is only a year: "2025年" under "辽宁亮点" (辽宁日报's infographic text)
YEAR_LINE = re.compile(r"^(20\d{2})年$")
YEAR = re.compile(r"(?<![\d.])20\d{2}(?![\d.])")  # four digits alone: not the 2014 of "实现20144.3亿元"
# A short line that reports a result is no heading: "圆满完成全年目标任务", "实现主要预期目标",
# "吉林省做好民生实事 一季度城镇新增就业12万人" (a headline with a quarter's result),
# "2018年10个民生实事项目全面落实" (宁波日报, 2019: a headline on the year's projects carried out),
# "全市经济主要指标增速高于全省" (新乡日报, July 2022: the half-year's results against the province's)
# …nor does one that states a change, a figure in its own right: "2017成绩增长8%" over "2018目标增长7.5%左右" (济南's
# infographic of its 2018 work report)
RESULT_WORDS = re.compile(r"完成|实现|达到|超过|全面落实|(?:高于|快于|好于)(?:全国|全省|全市|全区)|(?:一季度|上半年|前三季度|同比)[^\n]*\d"
                          r"|(?:增长|下降|提高)[\d.]+%")
# A table's header row is no heading, whatever its columns say: "序号 项目名称 责任单位 目标任务  1-7月" (岳阳楼区's
# progress table on the year's 民生实事, July 2019)
TABLE_HEADER = re.compile(r"序号\s")
# …nor a header cell of a table laid out one cell a line, a few lines after 序号: "序号\n\n目标任务\n\n牵头责任单位\n\n计划完成时间\n\n
# 目前完成情况" (怀远's progress on its 2023 tasks, December 2023)
TABLE_HEADER_CELL_AFTER = re.compile(r"(?:^|\n)[ \t]*序号[ \t]*\n(?:[^\n]{0,12}\n){0,8}$")
TABLE_HEADER_REACH = 120
# …nor the last line of a report's title broken in two: "关于永修县2021年国民经济和社会发展计划执行情况与2022年国民经济和社会\n
# 发展计划草案的报告" (永修, February 2022)
REPORT_TITLE_ENDS = ("的报告", "工作报告")
# …nor a line whose title goes on, on the next short line, to say what was done: "2023年区政府工作报告目标任务\n
# 半年完成情况" (万州's half-year report, September 2023)
TITLE_GOES_ON = re.compile(r"[^,，。!?;:：！？；\n]{0,12}(?:完成|执行|进展)情况$", re.M)
# "“十四五”时期工作回顾", "二、“十五五”时期主要目标任务和2026年工作安排": five-year plans and their years
PLAN_SPANS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
              "十五五": (2026, 2030)}
PLAN = re.compile("|".join(PLAN_SPANS))
# A heading about a plan's start speaks of its first year: "三、一鼓作气勇争先,全力推动“十五五”开好局"
PLAN_START = re.compile(r"开好局|开局|起步")
# A heading of the years ahead is about their last year: "今后五年的重点目标" (湖州's work report, April 2017: 2021)
YEARS_AHEAD = re.compile(r"(?:未来|今后)(?P<n>[三五])年")
YEARS_AHEAD_SPANS = {"三": 3, "五": 5}
# A heading of the years just past, in a text of a year's first half, is about the year before it: "一、过去一年工作回顾"
# (汉滨区's work report, delivered March 2025: 2024), "过去五年工作回顾" (its last year)
YEARS_PAST = re.compile(r"过去(?:的)?(?:一|三|五)年|(?:去|上)年(?:的)?工作回顾")
FIRST_HALF_LAST_MONTH = 6
FORWARD_ROLES = ("targets", "tasks", "plan_draft")
# An annex opens a part of its own, one level above the body's numbering, which it restarts:
# "附件1：2025年省十件民生实事" or "附件1" on a line with its title on the next ("2024年省十件民生实事")
ANNEX_LINE = re.compile(r"^附件[ \t]*[0-9一二三四五六七八九十]{0,2}[ \t]*[:：]?[ \t]*(?P<title>[^\n]{0,40})$", re.M)
# The genres whose title and opening lines may frame the whole text (lead_roles.csv), and how much of
# the opening is read: a news story's headline, its date line and its lead paragraph (a work report too, when
# a newspaper prints its digest under a lead of its own: "新的一年有啥新目标、新任务?", 天健网 2021)
FRAMED_GENRES = ("news_report", "press_conference", "government_work_report")
PLAN_GENRE = "plan_report"  # …and a plan report's, when its headline names a year to come
LEAD_LINES = 4  # lines with a Chinese character
PHRASE_OPENINGS = ("《", "\n", "】", "]")
THIS_YEAR_WORD = "今年"
NEXT_YEAR_WORD = "明年"
LATE_MONTH = 11  # from November a year's list named in a headline is reported on, not set out
# A list said to be set out right after its name, in a lead: "东坡区2023年十大民生实事项目发布" (眉山, February 2023)
# (in a headline too, perhaps after the name's closing quote: "2024年贵阳贵安拟办“十件民生实事”出炉!" (贵阳, January 2024),
# "2021年河北省石家庄10件惠民实事公布!" (石家庄, March 2021))
# (or said to be so: "今年长宁区政府15件实事项目已确定" (长宁, March 2022))
LIST_SET_OUT = re.compile(r"[”\"」]?(?:项目)?(?:清单)?(?:已经?)?(?:正式)?(?:发布|出炉|公布|敲定|确定|票决产生)")
# …or in a notice's headline that issues it: "…关于印发《2022年区政府要完成的与人民生活密切相关的实事》的通知" (宝山, January 2022)
LIST_ISSUED_BEFORE = re.compile(r"(?:印发|下达|公布|发布)")
# …in the opening lines, right before the list's name, and not a press conference's: "…上,公布了2021年钢城区为民办十件实事"
# (not "记者从…新闻发布会上获悉,…民生实事取得良好开局")
LIST_ISSUED_RIGHT_BEFORE = re.compile(r"(?:印发|下达|公布|发布|票决产生了?)(?!会)")
ISSUED_REACH = 20
# …as the story's first lines tell it: "鹤壁市第十一届人民代表大会第五次会议于2022年2月11日票决产生了鹤壁市2022年民生实事项目,分别是:"
# (鹤壁's notice, February 2022); not a list issued earlier that a story on projects started mentions further on
ISSUED_IN_OPENING = 150
ISSUED_TITLE_REACH = 3  # "印发《", "下达了《"
LEAD_CHARS = 400
# A plan report's headline naming this year's list early in the year, without a word of how it went, is the list:
# "2024年顺德十大民生实事项目" (5 January 2024), not "…实事项目完成情况" (July 2019)
EARLY_MONTH = 3
# A plan report that opens on what its year will bring sets out that year's tasks, whatever its headline: "2014年,长春市将按照
# “保续建、保民生、保重点”的原则,计划投资643.7亿元,安排86项重点工程" (长春's works of 2014, told at the year's start); so does one
# written late in a year on the next: "2014年湟中县将以加快推进湟中现代农牧业示范区建设为目标" (November 2013, part 363)
YEAR_WILL_OPENING = re.compile(r"(?:^|\n|获悉[,,]?)(?P<year>20\d{2})年[,,]?[^。!?\n]{0,30}?将")
# …as does a headline that names itself the year's plan, whatever the month: "湖南省2010年农业工作思路" (湖南省农业厅, April 2010)
PLAN_TITLES = ("工作思路", "工作打算")
# …and a phrase that tells what was done before it names what is to come frames neither
DONE_AND_TO_COME = re.compile(r"成效|成绩|进展|盘点|总结")
PROGRESS_WORDS = re.compile(r"进展|进度|(?<!计划)完成|盘点|情况|成效|回顾|回眸|交出|推进|开局|取得")
UNNUMBERED_LEVEL = 5  # below every numbered level when the document also has numbered headings


class Section(NamedTuple):
    """One section of a document; offsets index the cleaned text."""

    section_id: int
    parent_id: int | None
    level: int
    heading: str | None
    start: int
    end: int
    role: str
    year: int | None  # the latest year its heading (or an ancestor's) names
    plan: str | None  # a five-year plan its heading (or an ancestor's) names


SECTION_COLUMNS = ("doc_id", "section_id", "parent_id", "level", "heading", "start", "end", "role", "year", "plan")


def parse_heading_role(heading: str) -> str | None:
    """The role a heading's words give it, or None (the first listed word found decides).

    >>> parse_heading_role("一、2024年国民经济和社会发展计划执行情况"), parse_heading_role("三、2026年重点工作")
    ('plan_execution', 'tasks')
    >>> parse_heading_role("(二)加快建设现代化产业体系") is None
    True
    """
    return next((role for word, role in load_section_roles() if word in heading), None)


def root_role(genre: str | None, lead: str = "", published: dt.date | None = None) -> str:
    """The role of a document's text outside any heading: a bulletin is statistics; a news story, a
    press conference or a work report's digest whose title or opening lines (``lead``) hold a word of ``lead_roles.csv`` takes
    that word's role, unless the phrase names only years before the text was ``published``; so does a plan report whose
    phrase names a year after it, or its own year as a list issued or as the plan itself (PLAN_TITLES), and one whose
    opening says what its year, or late in a year the next, will bring (YEAR_WILL_OPENING).

    >>> root_role("statistical_bulletin"), root_role("government_work_report")
    ('statistics', 'other')
    >>> root_role("press_conference", "解读《山东省“三个十大”2022年行动计划》", dt.date(2022, 3, 28))
    'tasks'
    >>> root_role("press_conference", "《2021年行动计划》实施一年来", dt.date(2022, 3, 28))
    'other'
    >>> root_role("news_report", "最新丨金凤区发布2025年民生“十心”实事!", dt.date(2025, 1, 6))
    'tasks'
    >>> root_role("news_report", "去年政府工作报告确定的10件民生实事全部完成", dt.date(2021, 1, 20))
    'other'
    >>> root_role("news_report", "【喜迎2025市两会】2024年汕尾市十件民生实事盘点", dt.date(2025, 1, 1))
    'other'
    >>> root_role("news_report", "十堰市政府承诺今年再办10件实事", dt.date(2011, 1, 20))
    'tasks'
    >>> root_role("plan_report", "福州市委市政府明年为民办17个方面实事", dt.date(2018, 12, 1))
    'tasks'
    >>> root_role("plan_report", "岳阳楼区2019年1-7月省市重点民生实事项目完成情况", dt.date(2019, 7, 31))
    'other'
    >>> root_role("plan_report", "上海市宝山区人民政府办公室关于印发《2022年区政府要完成的与人民生活密切相关的实事》的通知",
    ...           dt.date(2022, 1, 10))
    'tasks'
    >>> root_role("news_report", "新闻来源:\\n记者从东坡区人代会上获悉,东坡区2023年十大民生实事项目发布。", dt.date(2023, 2, 3))
    'tasks'
    >>> [root_role("plan_report", headline, day) for headline, day in (("2024年贵阳贵安拟办“十件民生实事”出炉!", dt.date(2024, 1, 31)),
    ...                                                               ("2021年河北省石家庄10件惠民实事公布!", dt.date(2021, 3, 27)))]
    ['tasks', 'tasks']
    >>> root_role("plan_report", "今年长宁区政府15件实事项目已确定,一起来了解下→", dt.date(2022, 3, 2))
    'tasks'
    >>> root_role("plan_report", "通辽:2024年推进…供暖清洁化改造\\n3月12日,通辽市人民政府发布《通辽市人民政府关于印发2024年通辽市"
    ...           "国民经济和社会发展计划的通知》。", dt.date(2024, 3, 14))
    'tasks'
    >>> root_role("news_report", "新闻来源:\\n2023年上半年,东坡区十大民生实事项目进展顺利。", dt.date(2023, 7, 3))
    'other'
    >>> [root_role("plan_report", headline, day) for headline, day in (("湖南省2010年农业工作思路", dt.date(2010, 4, 7)),
    ...                                                               ("文体广旅局2023年工作总结和2024年工作打算", dt.date(2023, 11, 1)))]
    ['tasks', 'other']
    >>> root_role("plan_report", "鹤壁市第十一届人民代表大会第五次会议公告(第三号)\\n鹤壁市第十一届人民代表大会第五次会议于2022年2月"
    ...           "11日票决产生了鹤壁市2022年民生实事项目,分别是:", dt.date(2022, 2, 12))
    'tasks'
    >>> root_role("news_report", "2月10日,推动成渝地区双城经济圈建设联合办公室正式印发《共建成渝地区双城经济圈2023年重大项目清单》,"
    ...           "共纳入标志性重大项目248个、总投资3.25万亿元", dt.date(2023, 2, 10))
    'tasks'
    >>> [root_role("plan_report", opening, dt.date(2014, 1, 1)) for opening in (
    ...     "2014年,长春市将按照“保续建、保民生、保重点”的原则,计划投资643.7亿元,安排86项重点工程",
    ...     "2014年,长春市完成城建投资643.7亿元")]
    ['tasks', 'other']
    >>> root_role("plan_report", "青海省住房城乡建设厅下达2020年度全省城镇棚户区改造项目任务", dt.date(2020, 2, 1))
    'tasks'
    >>> root_role("plan_report", "湟中县提前谋划2014年农业工作\\n2014年湟中县将以加快推进湟中现代农牧业示范区建设为目标", dt.date(2013, 11, 1))
    'tasks'
    """
    if genre == "statistical_bulletin":
        return "statistics"
    if genre not in FRAMED_GENRES + (PLAN_GENRE,) or not lead:
        return "other"
    headline = lead.split("\n", 1)[0]
    for word, role, needs_year in load_lead_roles():
        at = (headline if needs_year else lead).find(word)  # a word that needs a year frames from the headline
        set_out = needs_year and at >= 0 and (LIST_ISSUED_BEFORE.search(headline, 0, at) is not None
                                               or LIST_SET_OUT.match(headline, at + len(word)) is not None)
        if at < 0 and needs_year:  # …or from the lead, where the list is said to be set out: "东坡区2023年十大民生实事项目发布"
            at = lead.find(word)  # (a story with no headline of its own, February 2023)
            issued = 0 <= at < ISSUED_IN_OPENING \
                and LIST_ISSUED_RIGHT_BEFORE.search(lead, max(0, at - ISSUED_REACH), at) is not None
            set_out = at >= 0 and (LIST_SET_OUT.match(lead, at + len(word)) is not None or issued)
            if not set_out:
                continue
        if at < 0:
            continue
        # the phrase the word ends, after a bracketed column tag: "【喜迎2025市两会】2024年汕尾市十件民生实事盘点" (2025)
        opening = max(max(lead.rfind(mark, 0, at) for mark in PHRASE_OPENINGS), 0)
        years = [int(y) for y in YEAR.findall(lead[opening:at])]
        again = len(headline)
        while needs_year and not years and THIS_YEAR_WORD not in lead[opening:at] and NEXT_YEAR_WORD not in lead[opening:at] \
                and not PROGRESS_WORDS.search(headline) and (again := lead.find(word, again + 1)) >= 0:
            # a headline without its year, which the story's opening gives where it says the list is set out: "钢城区为民办
            # 十件实事敲定" / "…公布了2021年钢城区为民办十件实事" (济南日报, February 2021); not a headline on how the list went
            # ("…实事上半年进展情况")
            phrase = max(max(lead.rfind(mark, 0, again) for mark in PHRASE_OPENINGS), 0)
            if LIST_ISSUED_RIGHT_BEFORE.search(lead, max(phrase, again - ISSUED_REACH), again) \
                    or LIST_SET_OUT.match(lead, again + len(word)):
                at, opening, years = again, phrase, [int(y) for y in YEAR.findall(lead[phrase:again])]
        if published is not None and THIS_YEAR_WORD in lead[opening:at]:  # "十堰市政府承诺今年再办10件实事" (January 2011)
            years.append(published.year)
        if published is not None and NEXT_YEAR_WORD in lead[opening:at]:  # "福州市委市政府明年为民办17个方面实事" (December 2018)
            years.append(published.year + 1)
        if years and published is not None and max(years) < published.year:
            continue
        if DONE_AND_TO_COME.search(lead, opening, at):
            continue  # a lead on what was done and what is to come: "介绍…上半年…相关举措成效和下半年重点工作安排" (河南, July 2023)
        if needs_year and not (years and published is not None and max(years) >= published.year):
            continue  # "去年确定的10件民生实事全部完成" reports a list done; "发布2025年民生…实事" (January 2025) sets one,
            # and a work report's annex of the year's 民生实事 is a section of its own, not the report's frame
        # (a notice that issues the year's plan sets it out too: "《通辽市人民政府关于印发2024年通辽市国民经济和社会发展计划
        # 的通知》", March 2024)
        # (…or right before the title it opens: "湖南省交通运输厅印发《2022年度…工作要点》")
        set_out = set_out or word in PLAN_TITLES \
            or LIST_ISSUED_BEFORE.search(lead, max(0, opening - ISSUED_TITLE_REACH), at) is not None
        early = published is not None and published.month <= EARLY_MONTH and not PROGRESS_WORDS.search(headline)
        if genre == PLAN_GENRE and not (years and published is not None and (
                max(years) > published.year or ((set_out or early) and max(years) == published.year))):
            continue  # a plan report frames only a list for a year to come: "福州市委市政府明年为民办17个方面实事" (December
            # 2018); how this year's list goes is reported under headings of its own ("…重点民生实事项目完成情况", July 2019)
        if needs_year and published.month >= LATE_MONTH and max(years) == published.year:
            continue  # "2018年信阳“十件实事”进展如何?" (22 December 2018): how the year's list went, not the list
        return role
    if genre == PLAN_GENRE and published is not None and (will := YEAR_WILL_OPENING.search(lead)):
        # its own year before the year's last months, or the next year in them
        if (int(will.group("year")), published.month < LATE_MONTH) in ((published.year, True), (published.year + 1, False)):
            return "tasks"
    return "other"


def read_lead(text: str, title: str | None = None) -> str:
    r"""The title and the opening lines of a text, where a story says what it is about. A line without a Chinese
    character (a time stamp, "07:49:15", on a line of its own) is not one of them.

    >>> read_lead("真正把实事办实好事办好\n——2024年省政府十方面民生实事\n07:49:15\n来源:浙江日报\n浙江在线1月24日讯")
    '真正把实事办实好事办好\n——2024年省政府十方面民生实事\n07:49:15\n来源:浙江日报\n浙江在线1月24日讯'
    """
    lines, worded = [], 0
    for line in text[:LEAD_CHARS].split("\n"):
        if worded == LEAD_LINES:
            break
        lines.append(line)
        worded += CHINESE_CHARACTER.search(line) is not None
    return ((title or "") + "\n" + "\n".join(lines)).strip()


def extract_sections(text: str, genre: str | None = None, title: str | None = None,
                     published: dt.date | None = None) -> list[Section]:
    """The sections of a cleaned text, section 0 being the whole document.

    A top-level heading without a role word takes one from the years it names against the date the
    text was delivered (``published``): "三、关于2026年工作" or "三、一鼓作气勇争先,全力推动“十五五”开好局"
    in a 2026 report are tasks; a heading naming only earlier years reviews them.

    >>> text = "各位代表:\\n一、2025年工作回顾\\n(一)经济增长。地区生产总值增长5%。\\n二、2026年重点工作\\n主要预期目标\\n增长5%左右。"
    >>> [(s.section_id, s.parent_id, s.level, s.heading, s.role, s.year) for s in extract_sections(text)][1:]
    [(1, 0, 1, '2025年工作回顾', 'review', 2025), (2, 1, 2, '经济增长', 'review', 2025), (3, 0, 1, '2026年重点工作', 'tasks', 2026), (4, 3, 5, '主要预期目标', 'targets', 2026)]
    """
    found = _find_headings(text)
    sections = [Section(0, None, 0, title, 0, len(text), root_role(genre, read_lead(text, title), published),
                        None, None)]
    reports_progress = _reports_progress(title)
    stack = [sections[0]]
    for level, heading, start in found:
        while stack[-1].level >= level:
            stack.pop()
        parent = stack[-1]
        own_years = [int(y) for y in YEAR.findall(heading)]
        plans = PLAN.findall(heading)
        own_role = parse_heading_role(heading)
        if reports_progress and own_role in FORWARD_ROLES:
            own_role = "plan_execution"  # "洪湖鹏市长主抓重点工作" in a table of how the year's work went by mid-year
        if own_role is None and level == 1 and published is not None:
            own_role = _role_of_time(own_years, plans, published.year)
        role = _child_role(own_role, parent.role)
        # "“十四五”时期发展成就和“十五五”时期主要目标任务": a section of goals is about the later plan
        own_plan = (plans[-1] if role in FORWARD_ROLES else plans[0]) if plans else None
        if not own_years and own_plan and PLAN_START.search(heading):  # "推动“十五五”开好局": its first year
            own_years = [PLAN_SPANS[own_plan][0]]
        ahead = YEARS_AHEAD.search(heading) if not own_years and not own_plan and published is not None else None
        if ahead:
            own_years = [published.year + YEARS_AHEAD_SPANS[ahead.group("n")] - 1]
        elif (not own_years and not own_plan and published is not None and published.month <= FIRST_HALF_LAST_MONTH
              and YEARS_PAST.search(heading)):
            own_years = [published.year - 1]
        section = Section(len(sections), parent.section_id, level, heading, start, len(text), role,
                          max(own_years) if own_years else (None if own_plan else parent.year),
                          own_plan or (None if own_years else parent.plan))
        sections.append(section)
        stack.append(section)
    # each section ends where the next heading of its level or a higher one starts
    ends: list[int] = [len(text)] * len(sections)
    open_sections: list[Section] = []
    for section in sections[1:]:
        while open_sections and open_sections[-1].level >= section.level:
            ends[open_sections.pop().section_id] = section.start
        open_sections.append(section)
    return [s._replace(end=ends[s.section_id]) if s.section_id else s for s in sections]


def _reports_progress(title: str | None) -> bool:
    """True for a title that says the text tells how work went, and nothing of what comes next: under
    "2023年市政府工作报告重点工作半年度完成情况汇总表" (湖州, August 2023) a heading of tasks says how they went.

    >>> _reports_progress("2023年市政府工作报告重点工作半年度完成情况汇总表")
    True
    >>> _reports_progress("关于2023年国民经济和社会发展计划执行情况与2024年计划草案的报告")
    False
    """
    if not title:
        return False
    roles = {role for word, role in load_section_roles() if word in title}
    return "plan_execution" in roles and not roles & {"plan_draft", "targets"}


def _role_of_time(years: list[int], plans: list[str], delivered: int) -> str | None:
    """tasks for a heading naming the year the text was delivered in or later (or a five-year plan
    not over), review for one naming only earlier years, else None."""
    lasts = years + [PLAN_SPANS[plan][1] for plan in plans]
    if not lasts:
        return None
    return "tasks" if max(lasts) >= delivered else "review"


def _child_role(own: str | None, parent: str) -> str:
    """A heading's role, never one that turns its parent's results into goals or the reverse: under
    "一、2025年工作回顾", "(三)扎实推进重点任务" still reviews; under "三、2026年重点工作",
    "主要预期目标" refines tasks into targets.

    >>> _child_role("tasks", "review"), _child_role("targets", "tasks"), _child_role("review", "other")
    ('review', 'targets', 'review')
    """
    if own is None:
        return parent
    if parent in ("other", "statistics") or ROLE_KIND.get(own) == ROLE_KIND.get(parent):
        return own
    return parent


def _find_headings(text: str) -> list[tuple[int, str, int]]:
    """(level, heading words, line start) of every heading line, in order; after an annex line,
    numbered headings sit one level down, under it."""
    annexes, titles = [], set()
    for match in ANNEX_LINE.finditer(text):
        heading = match.group().strip()
        if not match.group("title").strip():  # the title on the next line
            following = SHORT_LINE.match(text, match.end() + 1)
            if following:
                heading += " " + following.group().strip()
                titles.add(following.start())
        annexes.append((1, heading, match.start()))
    first_annex = annexes[0][2] if annexes else len(text) + 1
    numbered = []
    for match in NUMBERED_HEADING.finditer(text):
        words = HEADING_TEXT.match(text, match.end())
        if words is None:
            continue
        level = int(match.lastgroup[1]) + (match.start() > first_annex)
        numbered.append((level, words.group().strip(), match.start()))
    has_top = any(level == 1 for level, _, _ in numbered)
    unnumbered = []
    labels = [(m.start(), m.group(1)) for m in LABEL_LINE.finditer(text)] if "\n" in text else []
    for start, line in [(m.start(), m.group()) for m in SHORT_LINE.finditer(text)] + labels:
        line = line.strip()
        if NUMBERED_HEADING.match(line) or start in titles or ANNEX_LINE.match(line):
            continue
        year = YEAR_LINE.match(line)
        if year:
            unnumbered.append((UNNUMBERED_LEVEL + 1 if has_top else 2, line, start))
        elif parse_heading_role(line) and not line.startswith(("——", "—")) and not RESULT_WORDS.search(line) \
                and not TABLE_HEADER.match(line) and not line.endswith(REPORT_TITLE_ENDS) \
                and not TABLE_HEADER_CELL_AFTER.search(text, max(0, start - TABLE_HEADER_REACH), start) \
                and not TITLE_GOES_ON.match(text, text.find("\n", start) + 1 or len(text)):
            unnumbered.append((UNNUMBERED_LEVEL if has_top else 1, line, start))
    # Unnumbered headings before the first "一、" are the parts the numbered sections sit in (内蒙古
    # 2026: "“十四五”时期发展成就和2025年工作回顾", "“十五五”时期主要目标和2026年重点工作", then 一、二、三、)
    first_top = min((start for level, _, start in numbered if level == 1), default=None)
    parts = [start for level, _, start in unnumbered if level == UNNUMBERED_LEVEL and first_top is not None
             and start < first_top]
    if parts:
        unnumbered = [(1 if start in parts else level, line, start) for level, line, start in unnumbered]
        numbered = [(level + (start > parts[0]), words, start) for level, words, start in numbered]
    return sorted(numbered + unnumbered + annexes, key=lambda h: h[2])


def find_section(sections: Sequence[Section], starts: Sequence[int], position: int) -> Section:
    """The innermost section holding ``position`` (``starts``: the sections' starts, in order)."""
    import bisect

    i = bisect.bisect_right(starts, position) - 1
    while i > 0 and not (sections[i].start <= position < sections[i].end):
        i = sections[i].parent_id if sections[i].parent_id is not None else 0
    return sections[max(i, 0)]
