"""Turn a document's sentences into indicator records: each figure with what, when, where and kind.

In: a document (its metadata row) and its sentences. Out: columns of ``indicators.parquet``, one
row per figure, citing ``doc_id``, ``sentence_id`` and character offsets into the cleaned text.
The figure itself comes from :mod:`helpers.indicators.figures`; this module reads the words around it:
the metric (as written) and its canonical indicator (``resources/indicators.csv``), the direction,
the kind (actual, forecast, target, plan), the period (:mod:`helpers.indicators.periods`) and the place.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from helpers.indicators.figures import FigureSpan, find_figures
from helpers.indicators.sector_ratios import SECTOR_MARK, find_sector_ratios
from helpers.indicators.table_cells import CellKind, TableFigure, may_hold_tables, read_table_cells
from helpers.indicators.metrics import QUOTE_MARKS, assign_metrics, parse_indicator
from helpers.indicators.periods import (PAST_SPANS, PERIOD, PLAN_SPANS, SEASONS_AHEAD, Period, find_period_phrases,
                                        months_year, resolve_period)
from helpers.corpus.sections import ANNEX_LINE, FORWARD_ROLES, Section, extract_sections, find_section
from helpers.indicators.kinds import (  # noqa: F401 (KINDS: imported from here)
    CLAUSE_BREAKS, DONE_ALREADY, FIGURE_CUES, FUTURE_DONE_WORDS, GOAL_LEVEL_WORDS, KINDS, MET_GOAL, PART_DONE_CUE,
    PLAN_OF_SHARE_CUE, PROJECT_LIST_CUE, QUOTED_TASK_CUE, SENTENCE_TENSE_WORDS, TABLE_GOAL_CUE, TASK_COUNT_UNITS,
    closes_bracket_between, deadline_passed, decide_kind, find_goal_cells, find_kind_cues, has_goal_form)
from helpers.indicators.kind_model import describe_figures, load_kind_model, weigh_kinds
from helpers.places import load_gazetteer

# A change from one level to another: the first figure is the level it starts from ("国家级高新技术企业
# 从0.94万家增加到1.55万家", "常住人口由上年729万人增加到732万人", "从2020年的3.68万亿元增长到2025年的…")
# (and each of a list of levels: "将城镇、农村低保人均最低补差水平从每人每月574元、271元分别提高到…609元、300元", 肇庆 2020)
CHANGE_FROM = re.compile(r"[从由](?P<part>(?:[^,;:。、从由到至]{0,12}?\d[^,;:。、从由到至]{0,4}、)*[^,;:。、从由到至]{0,12})$")
CHANGE_TO = re.compile(r"[从由][^,;:。从由]{0,40}?(?:增长|增加|提高|提升|上升|扩大|下降|减少|降低|跃升|增|降|升|提)"
                       r"(?:到|至)(?P<part>[^,;:。]{0,12})$")
CHANGE_REACH = 60
RATIO_PART_BEFORE = re.compile(r"\d[:∶︰]")  # a share of a ratio after the one before it: "10.2:52.1"
CHANGE_MARKS = ("从", "由")
FIGURE_CUE_WORDS = ("目标", "年度计划")  # words some figure cues need (see decide_kind): a sentence with one is read figure by figure
BASE_MARKS = CHANGE_MARKS + ("比", "较", "于")  # before a period that is a base of comparison: "比2022年增长"
# A work report delivered in January to March reviews the year before: its review sections speak of
# that year, and so does a January press release's 全年
REVIEW_MONTHS = 3
LATE_MONTHS = 11  # …and one of November or December that names the coming year sets goals for it
REVIEWING_GENRES = ("government_work_report", "plan_report")
# …until the report states the year's main goals: a report reviews the past year first and sets out the new one
# after its goals, so text after them outside any heading is the year's work: "全市经济社会发展主要预期目标是:…。
# 着力扩大有效需求…全年实施投资5000万元以上项目1400个" (长春, 9 January 2025, as 吉林日报 printed it, without headings)
GOALS_OPENERS = ("主要预期目标",)
# A sentence that opens with the day its progress is told up to: "截至7月底,该省保障性安居工程完成投资164亿元;" (黑龙江, 2014)
PROGRESS_OPENING = re.compile(r"截[至止]")
# A line that closes the goals before it: "地区生产总值增长15%;地方一般预算收入增长16%;…\n为实现以上目标,我们将着重抓好五个方面
# 的工作:" (钟楼's work report of 2010, its copy opening inside the list of goals; 芙蓉区 2019)
GOALS_CLOSER = re.compile(r"为?(?:实现|完成)(?:以上|上述)目标")
GOALS_CLOSER_CUE = "…为实现以上目标"
# …and so does a newspaper's digest of a report when the goals open a line of their own: "经济社会发展主要预期目标:
# 地区生产总值增长6%左右,…" and then "着力扩大有效益的投资。实施亿元以上重点项目2200个左右" (合肥 2024 and 2025, 新乡
# 2025), not a story that tells the goals in a sentence of its own ("今年,该市经济社会发展的主要预期目标是:…", 惠州
# 2025, goes on with results); at most this many characters, none of them a clause break, before the goal word
DIGEST_GENRES = ("news_report",)
GOALS_LINE_OPENING = 12
THIS_YEAR = ("今年", "本年", "新的一年", "明年")  # phrases that speak from the year the text was delivered in
LAST_YEAR = ("去年", "去年全年", "过去一年", "过去的一年")  # the year before the text was delivered, whatever year a section reviews
LOOKING_BACK = ("去年", "去年全年", "上年", "上年全年", "过去一年", "过去的一年", *PAST_SPANS)
LAST_YEAR_BEFORE = ("去年", "上年", "同期")
PAST_YEARS = tuple(PAST_SPANS)  # 过去两年, 过去五年, 五年来 …
REVIEW_MONTHS_PRESS = 1  # "全年" in a January press release: the year just ended
# …but not in a story of projects signed or started at an event: "信阳市淮滨县65个项目集中签约、开工、投产" (30 January 2023)
EVENT_STORY_TITLE = re.compile(r"集中(?:签约|开工|开复工|竣工|投产)|(?:开工|签约)仪式")
# A year not over when the text was delivered: "全年将组织促消费活动1000场以上,引进首店不少于100家",
# "今年,…吸引高端创新团队35个" (a press conference in May). Its figures are not results yet; 今年以来
# (so far this year) is another matter. From December a year is as good as over.
OPEN_YEAR = ("今年", "本年", "新的一年", "全年")
NEXT_YEAR = "明年"
WHOLE_YEAR = "全年"
# a five-year plan as a span of time ahead (not 开局之年, nor a plan's name: 储备“十四五”重点项目)
FIVE_YEAR_SPAN_ENDS = ("期间", "时期", "末")
PLAN_OWNERS = tuple("省市县区家")  # whose plan names a thing: "列入省“十四五”时期工业和信息化项目台账" (本溪, 2021)
# Parts of a year that may be over when the text was delivered ("一季度" in a May press conference)
QUARTERS = ("一季度", "第一季度", "上半年", "前三季度", "二季度", "第二季度", "三季度", "第三季度", "四季度", "第四季度")
# …nor is a time inside it, over by then: "今年以来", "今年春节假期", "今年前5个月", "今年1-4月"
WITHIN_YEAR = re.compile(r"以来|春节|元旦|五一|劳动节|端午|国庆|中秋|假期|黄金周|前|初|[一二三四五六七八九十\d]+(?:-\d+)?月")
# …nor a year since an event in it, the clause closed by 以来: "今年该省启动“早落地、早开工、早见效”行动以来,开复工大
# 项目超过1300个" (吉林, April 2020)
SINCE_IN_CLAUSE = re.compile(r"[^,;:。!?\n]{1,30}?以来")
OPEN_UNTIL_MONTH = 12
# A part of the publication year that ends this many days or more after the text was delivered has
# barely begun: "1月14日…一季度,大连市拟新开工项目252个…大连一季度开工高端服务业项目55个" (a story of
# 14 January 2022) counts what is to be started, and so does "一季度全市重点开工项目242个" (大连, 24 February 2025, 35
# days before the quarter's end); "一季度…交出亮眼答卷" in late March reports
QUARTER_AHEAD_DAYS = 30
EVENT_VERBS = ("举行", "召开", "举办", "开展", "启动")  # a year right after these names an event or a campaign
YEAR_OPENS_AFTER = ("", ",", ";", ":", "。", "\n", "在", "到", "至", "于", "—", "-")  # a year after these opens a clause
# (or ends a span that opens it: "示范工程建设期为2024年—2026年,规划23个示范项目", March 2024)
STARTING_PARTS = ("一季度", "第一季度", "上半年")  # "与去年前三季度相比" in January is last year's
# Genres whose paragraphs keep a tense from sentence to sentence (no section headings to say it)
TENSE_GENRES = ("press_conference", "news_report")
YEAR = re.compile(r"(?<![\d.])20\d{2}(?![\d.])")  # four digits alone: not the 2014 of "实现20144.3亿元"
PAIRED = re.compile(r"\s*(?:和|、|与|及|,)\s*")
# The verb right before a figure: "同比增长8%", "下降8.7%", "提高0.8个百分点"; the last one wins
DOWN_VERBS = ("下降", "减少", "降低", "回落", "下滑", "缩减", "减收", "减支")
UP_VERBS = ("增长", "增加", "提高", "提升", "上升", "上涨", "增速", "涨幅", "翻", "增收", "增支")
DIRECTION_OF = {**{verb: "down" for verb in DOWN_VERBS}, **{verb: "up" for verb in UP_VERBS}}
# (one group of literals first, so the engine skips ahead to a verb's first character)
DIRECTION = re.compile("(?P<verb>" + "|".join(DOWN_VERBS + UP_VERBS) + ")[^,;。]{0,2}$")
OPENING_WINDOW = 8
# …counted after whoever is speaking: "邓辉在报告中说,2018年涪城全区经济社会发展取得显著成效" (香港商报, 2019),
# "吉林省政府工作报告提出,2026年吉林省地区生产总值目标增长5%左右" (人民网, 2026), "福建省政府工作报告显示,2017年…"
# "周建峰在报告中提出了2021年全市经济社会高质量发展指标体系安排,具体为:…" (高邮, January 2021)
SPEAKER_OPENING = re.compile(r"[^,;:。“”]{1,14}?(?:说|表示|介绍|指出|强调|提出|提到|显示)(?:[,:]|了(?=20\d{2}年))")
SPEECH_OPENING = ":“"
# A paragraph that opens by naming the five-year plan's outline speaks of the plan's years, under a heading that names
# both the plan and a year: "《纲要(草案)》明确了经济社会发展主要指标:一是…。三是围绕民生福祉,提出8项指标,其中…城镇调查
# 失业率5.5%左右。" (辽宁 2026, under "二、“十五五”时期目标任务和2026年工作安排"), "《规划纲要》提出…"
PLAN_OUTLINE_OPENING = re.compile(r"《[^》]{0,30}纲要[^》]{0,6}》")
# …and one that opens a paragraph with the plan's years and a comma frames the sentences after it: "“十四五”期间,葫芦岛计划
# 构建…产学研联盟200个以上…。省级以上科技创新平台达到20个,高新技术企业数量达到150家以上" (葫芦岛, September 2022)
PLAN_FRAME = re.compile(r"(?:期间|时期)[,,]")
# A weak goal word that reports as often as it plans sets no tense for the sentences after it: "…推动…。实施
# “小升规”,新增规上工业企业302户" (辽宁, October 2024)
NOT_A_TENSE = ("推动",)
# A strong cue right before the last tense word of a sentence governs it ("全年要确保完成100个并购项目"): the
# tense the sentence passes on is the goal's, not 完成's (辽宁, 2013); within this many characters, in one clause
GOVERNING_REACH = 4
ATTRIBUTE_AFTER_YEAR = "度"  # 2021年度…: the year of an award or a plan, not of what follows
# A quoted plan name before the projects it files is their class, not the figure's period: "今年以来,盘锦市…
# 储备“十四五”重点项目776个,…形成283个“十四五”重大项目" (盘锦, April 2021: reserved by then)
PLAN_AS_CLASS = re.compile(r"(?:重点|重大)?项目")
# "今年,盘锦市计划实施…", "“十四五”期间,葫芦岛计划构建…": a cue this close to a paragraph's start
# governs the whole paragraph
CUE_OPENING_WINDOW = 16
# Evidence too weak to stand against a goal stated earlier in the document for the same value: the genre's
# default or the tense of the sentence before
WEAK_EVIDENCE = ("genre:", "tense:")
ESTIMATED = ("预计", "初步预计", "初步统计")  # words of an estimate of what has happened (not 有望, 预期: hopes)
# The confidence of a kind set by one of the rules below rather than weighed (structure, change:from, echo:): in
# the development documents these are right 65-100% of the time on few figures, about as often as a weighed
# kind of confidence 0.3-0.5
CONFIDENCE_OF_RULE = 0.45
# A work or plan report delivered in a year's last months estimates that year's results (see _estimated_in_review)
ESTIMATING_GENRES = ("government_work_report", "plan_report")
ESTIMATING_FROM_MONTH = 11
ESTIMATE_OPENER = "预计"
ESTIMATE_OPENER_REACH = 400  # characters back in the paragraph
YEAR_NOT_OVER_CUE = "预计…(year not over)"
# …but a tally of things done is counted, not estimated: "招商177次,累计洽谈项目235个,签约落地101个" after 预计 opened the
# paragraph (旅顺口's work report of December 2022; every such tally in development is labelled a result, every amount and
# rate an estimate)
TALLIED_UNITS = ("个", "项", "次", "家", "件", "所", "座", "条", "批")
TABLE_COLUMN_CUE = "table:"  # + the header of the column whose kind a figure takes (see table_cells.find_cell_kinds)
# A part of a year's list counted after the list in its paragraph is the list's too (a goal, under the convention of
# tests/fixtures/kind_gold/README.md): "我市共63项江门重点项目,总投资355亿元,2022年计划投资55.28亿元,…。其中:基础设施工程
# 16项,完成投资3.31亿元,…;产业工程33项,…" (恩平, September 2022): a clause that opens with the part's name and its count
# (新建 and 续建 name parts of the list: "列入市级亿元以上重点项目40项,新建项目22项,续建项目18项" (伊金霍洛, September 2017);
# 新增, 已, 开工 and their kin tell what was done)
SUBCOUNT_OPENING = re.compile(r"(?:其中[:：,]?)?(?:(?!新增|新开)[^\d,;:。!?、\n已完成开竣复签累计增]){1,12}(?:项目|工程|类)")
SUBCOUNT_CUE = "项目…(part of the year's list)"
# A change of the planned amount right before it, in a clause of its own, is the plan's: "年度计划完成投资1364亿元,较去年增长
# 166亿元" (内蒙古, 2023), "年度投资115亿元,较上年增长17%" (黑河, 2020)
PLAN_CHANGE_OPENING = re.compile(r"(?:较|比)(?:上年|去年|上一年)(?:同期)?(?:增长|增加|提高|多)了?|同比(?:增长|增加|提高)了?")
PLAN_CHANGE_CUE = "plan:change"
# A note right after a figure that calls it an estimate, and with 下同 every later figure of the same year:
# "2025年苏州市地区生产总值达到2.77万亿元(预计数,下同),规上工业总产值达4.9万亿元。…2025年突破2250亿元"
# (中新网, January 2026, on 苏州's work report); the base it is compared with may come between: "增长5.5%(预计,同比,下同)" (湘潭县,
# December 2022)
ESTIMATE_NOTE = re.compile(r"[(（]预计(?:数|值)?(?:[,，、]同比)?(?P<same>[,，、]?下同)?[)）]")
ESTIMATE_NOTE_CUE = "(预计数)"
PARTS_OPENING = "其中"  # a sentence that tells the parts of what the sentence before told
HORIZON_OPENINGS = ("到", "至")  # a period a goal is set for: 到2025年, 到“十四五”末
ECHO = "echo:"  # the kind_cue of a figure that repeats a goal stated earlier: echo:<the goal's quote>
ECHO_UNITS = frozenset({"%", "个百分点"})  # rates repeat as the goal's
ECHO_COUNT_UNITS = frozenset({"个", "项"})
ECHO_MIN_COUNT = 100
ECHO_MIN_AMOUNT = 1e9
ECHO_REACH = 2000  # characters: a count said again in the story's next paragraphs, not in another part of a long text
# Counts of a plan's parts are facts about the plan, not goals: "提出6项指标", "设置了3项任务"
# (matched right after the figure)
STRUCTURE = re.compile(r"(?:具体|主要|重点)?(?:指标|任务|方面|措施|举措)")
# …counted in items, not in what is built: "今年沈阳市棚户区改造任务16348套" is the year's goal
STRUCTURE_UNITS = frozenset({"项", "条", "个", "件", "类", "大", "方面"})
# …nor a count of tasks with the part done right after it: "全年任务658项,完成628项,完成率95.4%" (盘锦, January 2016)
# "国务院授权的30项全面创新改革试验任务完成22项" (四川, July 2018)
TASKS_THEN_DONE = re.compile(r"(?:[,,]|[^\d,;:。!?、\n]{0,16}?任务)(?:已|共|累计)?(?:完成|落实|办结)\d")
# …unless a year not over or a goal word makes them the year's work: "锦州市今年确定了109项攻坚任务、136项重点任务"
# (May 2025), "确保年底前高品质完成9大攻坚战、27项重点任务和55项具体指标" (辽宁 国资委, April 2025); not a report's
# targets section ("《纲要草案》…设置了29项指标" counts the plan's parts) nor a span of years ("聚焦今后五年,…《纲要
# (草案)》提出了20个预期性指标")
FORWARD_EVIDENCE = "period:"
# A figure a goal only by its year, its section or its form is an estimate after a note (预计数,下同): "2019年,…地区生产总值增长
# 8%左右(预计数,下同),固定资产投资增长10%以上" in a story on the report that sets the next year's goals (常德, December 2019)
NOTED_GOAL_EVIDENCE = ("period:", "section:", "form:")
# The last , ; : 。 ! ? or line break before a position (searched in the span before it)
LAST_CLAUSE_BOUNDARY = re.compile(r"[,;:。!?|\n](?=[^,;:。!?|\n]*\Z)")  # a table's cell (|) is a clause of its own
# A line that opens an item of a list: "——", "(一)", "1.", "一是", "第一"
LIST_ITEM = re.compile(r"\s*(?:——|[-•·]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[一二三四五六七八九十]+[是、]|第[一二三四五六七八九十])")


class _DocumentScan:
    """Every pattern scanned once over the whole document, looked up by offset afterwards."""

    def __init__(self, text: str, sentences, sections: list[Section], figure_starts: Sequence[int] = (),
                 carry_across_paragraphs: bool = False, published: dt.date | None = None) -> None:
        self.text = text
        self.published = published
        self.carry_across_paragraphs = carry_across_paragraphs
        self.figure_starts = figure_starts  # in order
        self.sentences = sentences
        self.starts = sentences.starts
        self.paragraphs = sentences.paragraph_ids
        self.cues = find_kind_cues(text)
        self.strong_cues = [c for c in self.cues if c[5] == "strong" and c[4] == "before"]
        self.cue_positions = [c[0] for c in self.cues]
        self.strong_positions = [c[0] for c in self.strong_cues]
        self.goal_cells = find_goal_cells(text, figure_starts)
        self.periods = find_period_phrases(text)
        self.period_positions = [p for p, _ in self.periods]
        self.sections = sections
        self.section_starts = [section.start for section in self.sections]
        self.cues_in = self._by_sentence(self.cues)
        self.periods_in = self._by_sentence(self.periods)
        self._open_kind: dict[int, tuple | None] = {}
        self._paragraph: dict[int, tuple] = {}
        self._first_progress: dict[int, int | None] = {}  # paragraph's first sentence → its first 截至… sentence after it
        self._opening_period: dict[int, re.Match | None] = {}
        self._tense: dict[int, tuple[str, str] | None] = {}
        self._periods: dict[tuple, Period] = {}

    def period(self, match: re.Match, year: int, published, review: bool, is_average: bool,
               source: str) -> Period:
        """The Period of one phrase read from ``year``: resolved once, shared by its figures."""
        key = (match.start(), year, review, is_average, source)
        found = self._periods.get(key)
        if found is None:
            start, end = resolve_period(match, year, published, review_year=review)
            found = self._periods[key] = Period(match.group().translate(QUOTE_MARKS), start, end,
                                                is_average, source)
        return found

    def _by_sentence(self, items: list[tuple]) -> dict[int, list[tuple]]:
        """{sentence number: the items (position first) that lie inside that sentence}."""
        grouped: dict[int, list[tuple]] = {}
        starts, texts = self.starts, self.sentences.texts
        for item in items:
            s = bisect.bisect_right(starts, item[0]) - 1
            if s >= 0 and item[0] < starts[s] + len(texts[s]):
                grouped.setdefault(s, []).append(item)
        return grouped

    def section_at(self, position: int) -> Section:
        return find_section(self.sections, self.section_starts, position)

    def cues_between(self, start: int, end: int) -> list[tuple]:
        """Strong cues before their figures, between two offsets."""
        positions = self.strong_positions
        return self.strong_cues[bisect.bisect_left(positions, start):bisect.bisect_left(positions, end)]

    def periods_between(self, start: int, end: int) -> list[tuple[int, re.Match]]:
        return self.periods[bisect.bisect_left(self.period_positions, start):
                            bisect.bisect_left(self.period_positions, end)]

    def clause_start(self, position: int, floor: int) -> int:
        """After the last , ; : 。 or line break before ``position`` (never before ``floor``)."""
        boundary = LAST_CLAUSE_BOUNDARY.search(self.text, floor, position)
        return boundary.end() if boundary else floor

    def open_kind(self, s: int) -> tuple[str, str] | None:
        """A cue carried into sentence ``s`` from earlier sentences of its paragraph ending in ; or :, or
        from the paragraph before when it ends in a colon: "…主要预期目标计划如下:\n全县地区生产总值增长7%左右;…"
        (紫金 2022)."""
        if s in self._open_kind:
            return self._open_kind[s]
        carried = None
        if s > 0 and (self.paragraphs[s - 1] == self.paragraphs[s] or self.sentences.texts[s - 1].endswith(":")):
            previous = self.sentences.texts[s - 1]
            if previous.endswith((";", ":")):
                start = self.starts[s - 1]
                # (a deadline passed carries nothing: "…基本恢复到2019年水平;生产型企业进出口占外贸比重69.1%", 2024)
                # nor an aside in brackets: "…排名全市第4位(预期目标为10.5%以上);地方财政收入增长13.9%" (东安, 2023)
                cues = [c for c in self.cues_between(start, start + len(previous))
                        if not deadline_passed(c[3], self.published)
                        and not closes_bracket_between(self.text, c[1], start + len(previous))]
                if cues and _estimated_goal(cues[-1], cues):
                    # an estimate carries nothing past its ;: "预计全年将完成运输总周转量1083亿吨公里…;全国千万级机场
                    # 达32个;1~11月份全行业实现利润692.8亿元" (民航局, December 2017)
                    cues = []
                # only a cue before the sentence's first figure governs it all: in "服务业项目320个,
                # …,年度计划投资265.2亿元,增长140.2%;" the arrangement is the last clause's alone
                first = bisect.bisect_left(self.figure_starts, start)
                if cues and first < len(self.figure_starts) and self.figure_starts[first] < start + len(previous):
                    cues = [c for c in cues if c[0] < self.figure_starts[first] or c[2] == "target"]
                    carried = (cues[-1][2], cues[-1][3]) if cues else None
                else:
                    carried = (cues[-1][2], cues[-1][3]) if cues else self.open_kind(s - 1)
        self._open_kind[s] = carried
        return carried

    def named_year(self, start: int, end: int) -> int | None:
        """The year the last period phrase between ``start`` and ``end`` names ("2021年全年", or 去年 and 过去的一年:
        the year before the text's), not a deadline's."""
        for _, phrase in reversed(self.periods_between(start, end)):
            if phrase.group("year") and not phrase.group("to"):
                return int(phrase.group("year"))
            if phrase.group("part") in LAST_YEAR and self.published is not None:
                # "过去的一年,宝鸡发展质量稳步提升…。全年实现地区生产总值2223.81亿元" (宝鸡, a session held in May 2020)
                return self.published.year - 1
        return None

    def tense(self, s: int) -> tuple[str, str] | None:
        """:meth:`find_tense`, found once a sentence (a run of sentences that say only 完成 asks it of each other)."""
        if s not in self._tense:
            self._tense[s] = self.find_tense(s)
        return self._tense[s]

    def find_tense(self, s: int) -> tuple[str, str] | None:
        """(kind, word) of the last cue of the nearest earlier sentence of ``s``'s paragraph that has
        one: "刘金梅表示,辽宁将进一步完善防洪安全保障体系…。治理中小河流19条、271公里。" (a goal word right
        before it governs that cue: "确保完成"). An estimate
        is not a tense: "预计前三季度GDP增长5.2%。坚持项目为王,滚动实施…项目303个" reports a result."""
        t = s - 1
        while t >= 0 and self.paragraphs[t] == self.paragraphs[s]:
            if _is_quoted_sentence(self.sentences.texts[t]):  # it speaks for itself (see paragraph())
                t -= 1
                continue
            cues = [c for c in self.cues_in.get(t, ()) if c[2] not in ("plan", "forecast") and c[4] == "before"
                    and c[3] not in NOT_A_TENSE and not deadline_passed(c[3], self.published)]
            # (a deadline passed sets no goal's tense: "到2017年底,…。贫困发生率由12.6%下降到2.2%", 安徽 2018)
            if cues:
                last = cues[-1]
                if _estimated_goal(last, self.cues_in.get(t, ())):
                    # "初步预计,全市生产总值将达到103.22亿元左右。其中:一产业增加值12.8亿元" (广元, 2012): an estimate's
                    # breakdown is estimated too
                    return "forecast", last[3]
                if last[5] != "strong" and any(
                        c[2] == "forecast" and c[3].startswith(ESTIMATED) and 0 <= last[0] - c[1]
                        and not any(ch in CLAUSE_BREAKS for ch in self.text[c[1]:last[0]])
                        for c in self.cues_in.get(t, ())):
                    # so is what follows an estimated result: "镇江2018年预计实现地区生产总值4050亿元,增长3%。一般公共预算
                    # 收入301亿元,增长6%。" (镇江, January 2019): 实现 under 预计 in its clause is an estimate's
                    # ("初步统计2018年全市实现…", 珠海 2019), not under 有望, a hope for what is to come ("今年有望达到
                    # 5个。营业收入超千亿元工业企业从2家增加到4家", 福建 2025)
                    return "forecast", last[3]
                governing = next((c for c in reversed(cues) if c[5] == "strong" and c[1] <= last[0]), None)
                if last[5] != "strong" and governing is not None and last[0] - governing[1] <= GOVERNING_REACH \
                        and not any(ch in CLAUSE_BREAKS for ch in self.text[governing[1]:last[0]]):
                    return governing[2], governing[3]  # "…确保完成100个并购项目;…组织实施100个节能重大项目"
                if last[3] in FUTURE_DONE_WORDS and not DONE_ALREADY.search(self.text, max(0, last[0] - 2), last[1]):
                    future = next((c for c in reversed(cues) if c[2] == "target" and c[3] in SENTENCE_TENSE_WORDS), None)
                    if future is not None:
                        return future[2], future[3]  # "今年浙江将…,完成…目标任务;完成…2400公里" (浙江, 2012)
                    if all(c[3] in FUTURE_DONE_WORDS for c in cues):  # "…;完成…2400公里,…;完成…危桥改造200座": still 将's
                        before = self.tense(t)
                        if before is not None and before[0] == "target" and before[1] in SENTENCE_TENSE_WORDS:
                            return before
                if last[3] in GOAL_LEVEL_WORDS:
                    # "今年大连市要加快发展设施农业,…日光温室净面积达到3.1万亩": 达到 under a goal is the goal's
                    goal = next((c for c in reversed(cues) if c[2] == "target"), None)
                    if goal is not None:
                        return goal[2], goal[3]
                    opening = self.opening_period(t)
                    if opening is not None and opening.group("part") in OPEN_YEAR:
                        return None  # nor is it a result's under a year not over: "今年,全县共实施重点投资项目56项,总投资
                        # 达到410亿元…。涉及农业8项、工业14项…" (宁城, April 2020): the year's opening decides
                return last[2], last[3]
            t -= 1
        return None

    def paragraph(self, s: int) -> tuple:
        """(first sentence, place, opening cue) of the paragraph holding sentence ``s``."""
        number = self.paragraphs[s]
        if number not in self._paragraph:
            first = s
            while first > 0 and self.paragraphs[first - 1] == number:
                first -= 1
            start = self.starts[first]
            # within the paragraph's first sentence: "发挥有效投资关键作用。全年安排省重点建设项目1508个"
            # does not make the paragraph's housing figures an arrangement
            opening = self.sentences.texts[first]
            # (a quoted sentence that opens it speaks for itself: "“今年,…确定的目标是增长7%。”周志红介绍说,…1月至2月,
            # 全市固定资产投资增长7.9%", 荆州 2024)
            cues = [] if _is_quoted_sentence(opening) else \
                self.cues_between(start, start + min(CUE_OPENING_WINDOW, len(opening)))
            opening_cue = (cues[0][2], cues[0][3], cues[0][0]) if cues else None
            if opening_cue is None and first > 0 and self.sentences.texts[first - 1].endswith(";") \
                    and not LIST_ITEM.match(self.sentences.texts[first]):
                # a line that goes on with a list the line before left open with ; is that paragraph's: "…续建项目
                # 55个;\n长德开发区…新建项目11个" (长春新区 2018); not a list of items of their own ("——…;\n——…;")
                opening_cue = self.paragraph(first - 1)[2]
            self._paragraph[number] = (first, _sentence_place(self.sentences.texts[first]), opening_cue)
        return self._paragraph[number]

    def progress_told(self, first: int, s: int) -> bool:
        """Whether a sentence after ``first`` (its paragraph's first) and up to ``s`` opens with the day its progress is
        told up to (截至7月底); the paragraph is looked through once."""
        if first not in self._first_progress:
            found, t = None, first + 1
            while t < len(self.paragraphs) and self.paragraphs[t] == self.paragraphs[first]:
                if PROGRESS_OPENING.match(self.sentences.texts[t]):
                    found = t
                    break
                t += 1
            self._first_progress[first] = found
        found = self._first_progress[first]
        return found is not None and found <= s

    def opens_with_plan_outline(self, s: int) -> bool:
        """Whether the paragraph of sentence ``s`` opens by naming the five-year plan's outline (PLAN_OUTLINE_OPENING)."""
        return PLAN_OUTLINE_OPENING.match(self.sentences.texts[self.paragraph(s)[0]]) is not None

    def is_horizon(self, position: int, phrase: re.Match) -> bool:
        """Whether a period phrase sets the time a goal is for: "到2025年", "到“十四五”末"."""
        return phrase.group().startswith(HORIZON_OPENINGS) or self.text[position - 1:position] in HORIZON_OPENINGS

    def carried_horizon(self, s: int) -> re.Match | None:
        """The horizon phrase (到2020年) of the sentence before, when it is the cue sentence ``s`` carries."""
        carried = self.open_kind(s)
        if carried is None or not self.sentences.texts[s - 1].endswith(";"):
            return None
        for position, phrase in reversed(self.periods_in.get(s - 1, ())):
            if self.is_horizon(position, phrase) and phrase.group().translate(QUOTE_MARKS) == carried[1]:
                return phrase
        return None

    def opening_period(self, s: int) -> re.Match | None:
        """The latest period phrase that opens a sentence of this paragraph up to sentence ``s``."""
        if s in self._opening_period:
            return self._opening_period[s]
        start, text = self.starts[s], self.sentences.texts[s]
        speaker = SPEAKER_OPENING.match(text)
        if speaker:
            start, text = start + speaker.end(), text[speaker.end():]
        if len(text) >= OPENING_WINDOW:
            found = [p for p in self.periods_in.get(s, ()) if p[0] < start + OPENING_WINDOW]
        else:  # the window reaches into the next sentence
            found = self.periods_between(start, start + OPENING_WINDOW)
        # "获得2021年度省级科技奖励10项" (Yichun 2022): a year that qualifies a noun opens nothing
        found = [p for p in found if not self.text.startswith(ATTRIBUTE_AFTER_YEAR, p[1].end())
                 and self.text[p[0] - 1:p[0]] not in CHANGE_MARKS]  # "常住人口由上年729万人…": a base
        quote = text.find(SPEECH_OPENING) if SPEECH_OPENING in text else -1
        if quote >= 0:  # a period opening a quoted speech opens what follows: "言及今年6.5%的增长目标时,何立峰
            # 回应:“去年国内生产总值827千亿元,增幅6.9%。…单位GDP能耗下降3.7%。" (华夏时报, March 2018)
            said = start + quote + len(SPEECH_OPENING)
            spoken = [p for p in self.periods_between(said, said + OPENING_WINDOW)
                      if self.text[p[0] - 1:p[0]] not in CHANGE_MARKS]
            found = spoken or found
        if found:  # "今年是“十五五”起步之年": the first phrase opens the sentence
            i = 0
            while i + 1 < len(found) and found[i + 1][0] == found[i][1].end():
                i += 1  # "今年第一季度,…。工业固定资产投资完成26.5亿元" (锦州, May 2022): the narrower one
            opening = found[i][1]
        elif s > 0 and self.paragraphs[s - 1] == self.paragraphs[s] and text.startswith(PARTS_OPENING) \
                and self.periods_in.get(s - 1) and self.is_horizon(*self.periods_in[s - 1][-1]):
            # the parts of what the sentence before told are of its period: "到“十四五”末,万源全市地区生产总值要达到300亿元,
            # …。其中,一产业年均增速保持在2.6%以上" (万源, January 2021)
            opening = self.periods_in[s - 1][-1][1]
        elif s > 0 and self.paragraphs[s - 1] == self.paragraphs[s]:
            # the time a goal is for carries with its cue past a ;: "…主要目标:到2020年,我市实现国内游客达到3600万人次
            # 以上,年均增长6%;入境游客26万人次,年均增长7%;" (柳州, March 2016)
            opening = self.opening_period(s - 1) or self.carried_horizon(s)
        elif s > 0 and self.carry_across_paragraphs and self.section_at(self.starts[s]).section_id == 0:
            # a story without headings that opens "去年开始,鞍山市…" reviews last year in the paragraphs
            # after it too, until one names another period
            before = self.opening_period(s - 1)
            opening = before if before is not None and before.group("part") in LOOKING_BACK else None
        else:
            opening = None
        self._opening_period[s] = opening
        return opening


def _estimated_in_review(text: str, position: int, period: Period, section: Section, genre: str | None,
                         published: dt.date | None) -> bool:
    """Whether a result at ``position`` is one of a year's results a report delivered late in that year estimates: in
    a review of the year not yet over, after 预计 in its paragraph ("预计年末,全市地区生产总值实现156亿元,增长6%。
    公共财政预算收入实现12.24亿元…", 北镇's work report of 28 December 2014: every result of the paragraph is the
    year's estimate, though only the first sentence says so)."""
    if published is None or published.month < ESTIMATING_FROM_MONTH or genre not in ESTIMATING_GENRES \
            or section.role != "review" or section.year != published.year or period.end is None or period.end <= published:
        return False
    paragraph = max(text.rfind("\n", 0, position) + 1, position - ESTIMATE_OPENER_REACH)
    return text.find(ESTIMATE_OPENER, paragraph, position) >= 0


def extract_indicators(document: dict, sentences, sections: list[Section] | None = None,
                       learned_kind: bool = True) -> dict[str, Sequence]:
    """Columns of indicator records for one document (``document["text"]`` and its sentences; its
    sections are found unless given). The rules decide each figure's kind; the trained model
    (:mod:`helpers.indicators.kind_model`) then weighs their verdict with the words around it, unless
    ``learned_kind`` is False (as when the model is trained).

    >>> text = "一、2023年工作回顾\\n预计,全市地区生产总值增长2%,城乡居民人均可支配收入分别增长5%和8%。"
    >>> doc = {"doc_id": "d", "text": text, "published_date": dt.date(2024, 1, 7), "place": "辽阳市", "place_code": "liaoyang"}
    >>> from helpers.corpus.sentences import split_sentences
    >>> rows = extract_indicators(doc, split_sentences(text))
    >>> list(zip(rows["metric"], rows["indicator"], rows["value"], rows["kind"], rows["period_start"]))[1:]
    [('城镇居民人均可支配收入', 'urban_disposable_income', 5.0, 'forecast', datetime.date(2023, 1, 1)), ('农村居民人均可支配收入', 'rural_disposable_income', 8.0, 'forecast', datetime.date(2023, 1, 1))]
    """
    rows: list[tuple] = []
    # (value, unit) -> (quote, period, indicator, offset, direction) of each goal stated so far
    stated_goals: dict[tuple, tuple[str, Period, str | None, int, str | None]] = {}
    text = document["text"]
    figures = find_figures(text)
    table_metrics: dict[int, str] = {}  # the metric of each figure read from a table's cell, by its offset
    cell_kinds: list[CellKind] = []  # cells under a header that says their kind (预期增长, 上半年完成)
    if may_hold_tables(text):
        table_figures, cell_kinds = read_table_cells(text)
        figures, table_metrics = _add_table_figures(figures, table_figures)
    if SECTOR_MARK in text and (ratios := find_sector_ratios(text)):
        figures, ratio_metrics = _add_table_figures(figures, ratios)
        table_metrics.update(ratio_metrics)
    cell_starts = [cell.start for cell in cell_kinds]
    if not figures or not len(sentences):
        return {name: [] for name in INDICATOR_COLUMNS}
    genre = document.get("genre")
    published = document.get("published_date")
    scan = _DocumentScan(text, sentences, sections or extract_sections(text, genre, document.get("title"), published),
                         [figure.start for figure in figures], genre == "news_report", published)
    doc_year = reference_year(document)
    # a story of an event held as it is told speaks of its own year, even in January (see _speaking_year)
    speaking_genre = None if EVENT_STORY_TITLE.search(document.get("title") or "") else genre
    doc_id = document["doc_id"]
    # where a report states the year's main goals: what follows, outside headings of its own, is the year's work
    goals_from = next((cue[1] for cue in scan.cues if cue[3] in GOALS_OPENERS and cue[2] == "target"
                       and (genre in REVIEWING_GENRES or _opens_its_line(text, cue[0]))), None) \
        if genre in REVIEWING_GENRES + DIGEST_GENRES else None
    ahead_from = _find_coming_year(text, published)
    places = load_gazetteer().places
    estimated_year = None  # (year, section) whose figures a note (预计数,下同) has called estimates
    listed_paragraphs: set[int] = set()  # paragraphs that count a year's list of projects (PROJECT_LIST_CUE)
    for s, inside in _group_by_sentence(figures, scan.starts, sentences.texts):
        sentence_start = scan.starts[s]
        sentence_text = sentences.texts[s]
        sentence_end = sentence_start + len(sentence_text)
        # (a numbered line is a figure's as much as a paragraph is: "一、解决农村10万人安全饮水问题。", 十堰's 实事 of 2011)
        if sentence_text.startswith("附件") and ANNEX_LINE.match(sentence_text):
            continue  # an annex's title counts the document's parts ("附件1：2025年省十件民生实事")
        section = scan.section_at(sentence_start)
        section_role = section.role  # as the sections table has it; the evidence may read it as the year's tasks
        first, paragraph_place, paragraph_kind = scan.paragraph(s)
        if paragraph_kind is not None and scan.progress_told(first, s):
            # the opening cue does not reach past a sentence that tells the progress up to a day: "今年计划投资300亿元,…。
            # 截至7月底,该省保障性安居工程完成投资164亿元;开工10.14万套、开工率达65.7%" (黑龙江, August 2014)
            paragraph_kind = None
        if goals_from is not None and section.role == "other" and sentence_start >= goals_from \
                and not _reviews_past(scan, first, sentence_end, published):
            # (not a paragraph opened by a year that is over: "2022年浙江规上工业增加值增长4.3%左右,…。新增境内外上市公司
            # 79家" after the 2023 goals, 证券时报 on 浙江's work report, January 2023)
            section = section._replace(role="tasks")
        named_past = None
        periods = scan.periods_in.get(s, ())
        opened = scan.opening_period(s) if not periods else None
        if not section.year and (any(_takes_named_year(phrase, published) for _, phrase in periods)
                                 or (opened is not None and _takes_named_year(opened, published))):
            # a bare 全年 after a year named earlier in its paragraph is that year's: "2021年全年完成交通运输固定资产
            # 投资约3.6万亿元…。全年铁路新开通线路4000公里" (交通运输部, 1 March 2022); so are bare months (前6个月) in
            # a text without a date (in a dated one they are its year's: "1—2月" after 2023年's results, 荆门 2024-03)
            # …and so is one after a year its own sentence names: "2012年,宁波全年实现地区生产总值6524.7亿元" (February 2013)
            whole = next((position for position, phrase in periods if _takes_named_year(phrase, published)), None)
            named = scan.named_year(scan.starts[first], sentence_start if whole is None else whole)
            if named is not None:
                section = section._replace(year=named)
                if whole is not None and published is not None and named < published.year:
                    # a year over: "2009年,竹山县…争取项目资金6.4亿元。全年通过招商引资签约项目88个" (March 2010)
                    named_past = (whole, WHOLE_YEAR)
        place_code = _sentence_place(sentence_text) or paragraph_place or document.get("place_code")
        place = places.get(place_code) if place_code else None
        place_name = place.name if place else document.get("place")
        cues = scan.cues_in.get(s, ())
        carried_kind = scan.open_kind(s) or paragraph_kind
        if carried_kind is None and not cues:
            line_end = text.find("\n", sentence_start)
            if line_end >= 0 and GOALS_CLOSER.match(text, line_end + 1):
                carried_kind = ("target", GOALS_CLOSER_CUE)
        metrics = assign_metrics(text, inside, scan.clause_start, sentence_start)
        if table_metrics:
            metrics = [table_metrics.get(figure.start, metric) for figure, metric in zip(inside, metrics)]
        # With no period phrase and no 年均 in reach, every figure of the sentence of one year shares a period
        shared = not periods and text.find("年均", max(0, sentence_start - 8), sentence_end) < 0
        shared_periods: dict[int | None, Period] = {}
        previous, previous_kind = None, None
        # With no cue word or period phrase in the sentence, the kind does not depend on the figure: decide it once
        # In a press conference or a story, a sentence without cue words keeps the tense of the one
        # before it in its paragraph (a list of next year's tasks after "…将…")
        # (or whose only cue word is 完成, which the future of the sentence before governs: "今年浙江将…,完成…;完成农村公路
        # 大中修2400公里" (浙江, 2012))
        tense = scan.tense(s) if not carried_kind and genre in TENSE_GENRES and all(
            cue[3] in FUTURE_DONE_WORDS and cue[5] == "weak" for cue in cues) else None
        if cues and tense and not (tense[0] == "target" and tense[1] in SENTENCE_TENSE_WORDS):
            tense = None
        if tense and tense[0] == "actual" and section.role in FORWARD_ROLES:
            # a task list's verbs are orders, not reports: "2019年“十件实事”…分别为:完成中心城区37条老旧道路提质改造;
            # 打通中心城区4条关键卡口道路;" (信阳, May 2019): 完成 passes no result's tense on to the next task
            tense = None
        opening = scan.opening_period(s) if tense and tense[0] == "target" else None
        if opening is not None and published is not None and _is_over(opening, published):
            tense = None  # "预计前三季度…。…推动…转型升级;…开发十条精品旅游线路": measures of a period that is over
        # (nor when a rate is written as a goal: "…增长6.5%以上,三季度增长5.5%")
        # (nor when a figure has evidence of its own: a count before the part of it that was started, a share of the
        # year's plan after an amount, see FIGURE_CUES; nor beside the word 目标, which names a goal or measures against one,
        # or 年度计划, which names the year's money: "其中省外到位资金10.33亿元,完成目标任务20亿元的51.65%" (海北, July 2013),
        # "“十强”产业113个项目,年度计划261亿元" (德州, February 2023))
        sentence_kind = None if cues or periods or any(map(has_goal_form, inside)) \
            or any(word in sentence_text for word in FIGURE_CUE_WORDS) else decide_kind(
            inside[0], (), text, scan.clause_start, carried_kind, section, genre, published,
            open_year=_open_year(text, (), inside[0].start, published, section, genre, opening or scan.opening_period(s)),
            tense=tense)
        if sentence_kind is not None and sentence_kind[1] in FIGURE_CUES:
            sentence_kind = None
        # a sentence without a period of its own in a paragraph opened by a period that is over looks back
        # too: "会议提到,2019年,重庆工业经济逐步回暖,…增长6.1%以上。服务业支撑力增强,服务业增加值增长6.1%
        # 左右。" (重庆, January 2020: results rounded as goals are)
        opened_past = None
        if not periods and opened is not None and published is not None and _is_over(opened, published):
            opened_past = (opened.start(), opened.group())
        elif not periods and published is not None and s > first and (so_far := _so_far_before_semicolon(scan, s, published)):
            opened_past = so_far
        last_base = last_period = None
        may_change = "从" in sentence_text or "由" in sentence_text  # once a sentence, not once a figure
        for figure, metric in zip(inside, metrics):
            kind, cue, confidence = sentence_kind or decide_kind(
                figure, cues, text, scan.clause_start,
                # the paragraph's opening cue governs what follows it, not a figure before it in its own
                # sentence: "今年新开工项目303个,计划完成固定资产投资466亿元" (盘锦, 2021)
                None if paragraph_kind is not None and carried_kind is paragraph_kind and s == first
                and paragraph_kind[2] > figure.start
                else carried_kind, section, genre, published,
                _past_period(periods, figure.start, published) or opened_past
                or (named_past if named_past and named_past[0] < figure.start else None),
                _open_year(text, periods, figure.start, published, section, genre, scan.opening_period(s)),
                tense)
            if figure.unit in STRUCTURE_UNITS and not (kind == "target" and _lifts_structure(cue or "")) \
                    and (STRUCTURE.match(text, figure.end) or (metric or "").endswith(("指标", "任务", "措施", "方面"))) \
                    and not TASKS_THEN_DONE.match(text, figure.end):
                kind, cue, confidence = "actual", "structure", CONFIDENCE_OF_RULE
            elif figure.start in scan.goal_cells:
                kind, cue, confidence = "target", TABLE_GOAL_CUE, CONFIDENCE_OF_RULE
            elif cell_kinds and cue not in FIGURE_CUES and (cell := _cell_at(cell_kinds, cell_starts, figure.start)) is not None:
                # a figure in a column whose header says its kind: "预期增长(%) | 上半年完成(%)" (淮南, July 2025), unless
                # the figure has evidence of its own: "35个省市县长项目已开工16个" under 进展情况 (绍兴, 2021) is the whole
                kind, cue, confidence = cell.kind, TABLE_COLUMN_CUE + cell.header, CONFIDENCE_OF_RULE
            elif kind == "actual" and scan.paragraphs[s] in listed_paragraphs and figure.unit in TASK_COUNT_UNITS \
                    and SUBCOUNT_OPENING.fullmatch(
                        text, scan.clause_start(figure.start, max(0, figure.start - 40)), figure.start):
                kind, cue, confidence = "target", SUBCOUNT_CUE, CONFIDENCE_OF_RULE
            if cue == PROJECT_LIST_CUE and figure.unit in TASK_COUNT_UNITS:
                listed_paragraphs.add(scan.paragraphs[s])
            # a goal said to be met ("超额完成40所的年度目标任务") is the reviewed period's, like a result
            # (and so is the plan a share of it was done of: "完成年计划710亿元的89.4%")
            # (and so is the whole a part of which is then said done: "全年任务658项,完成628项" in a January review)
            # (and so is a goal in a table that tells how it went: "1.全年开展职业技能培训4.7万人次以上" over its 完成情况 in
            # 漯河's report of January 2025 on its 2024 实事)
            year = _speaking_year(section, "actual" if (cue or "").startswith((MET_GOAL, TABLE_COLUMN_CUE))
                                  or cue in (PLAN_OF_SHARE_CUE, PART_DONE_CUE, QUOTED_TASK_CUE)
                                  else kind, speaking_genre, doc_year,
                                  published)
            if kind in ("target", "plan") and not section.year and ahead_from is not None \
                    and sentence_start >= ahead_from and year == published.year:
                year += 1  # a goal told in November or December after the coming year is named is that year's
            change = (_find_change(text, figure, scan.clause_start(figure.start, sentence_start))
                      if may_change else None)
            if change and change[0] == "to":  # "由上年729万人增加到732万人": 上年 belongs to the 729
                kept = [p for p in periods if not change[1] <= p[0] < change[2]]
                period = _decide_period(text, figure, kept, scan, s, section, year, published)
            elif shared:
                period = shared_periods.get(year)
                if period is None:
                    period = shared_periods[year] = _decide_period(text, figure, periods, scan, s, section,
                                                                   year, published)
            else:
                period = _decide_period(text, figure, periods, scan, s, section, year, published)
            if change and change[0] == "from" and kind in ("target", "forecast"):
                # "补贴标准分别从每人每月202元、270元提高到209元、280元" among the year's tasks: the level
                # a change starts from has been reached; the goal is where it goes, and so is the estimate ("预计地区生产总值
                # 从2016年的2207.4亿元增加到2021年的3244亿元", 兰州's work report, December 2021)
                kind, cue, confidence = "actual", "change:from", CONFIDENCE_OF_RULE
            if change and change[0] == "from":
                period = last_base = _base_period(period, periods, change[1], figure, last_base, scan, year,
                                                  published)
            if last_period is not None and RATIO_PART_BEFORE.match(text, figure.start - 2):
                # a ratio's later shares are of the first's period: "三次产业结构由2015年的10.2:52.1:37.7优化为7.9:43.6:48.5"
                # (萍乡, October 2021)
                period = last_period
            last_period = period
            if kind == "actual" and figure.unit not in TALLIED_UNITS \
                    and _estimated_in_review(text, figure.start, period, section, genre, published):
                kind, cue, confidence = "forecast", YEAR_NOT_OVER_CUE, CONFIDENCE_OF_RULE
            # (a year not over is no goal when its figures are noted as estimates: "2021年,全县完成地区生产总值263.5亿元(预计数,
            # 下同),年均增长6.94%", 安化 October 2021)
            # A note right after the figure says what it is, whatever else did: "——地区生产总值按可比价增长8%左右(预计数,下同);"
            # under 主要预期目标完成情况 (张家港, January 2022); the later figures of its year, in lines of their own too ("全市实现地区
            # 生产总值4800亿元左右(预计数,下同),增长6%;\n一般公共预算收入414.3亿元,增长6.6%;", 芜湖, January 2024)
            note = ESTIMATE_NOTE.match(text, figure.end) if "预计" in text[figure.end:figure.end + 3] else None
            if period.start is not None and kind != "plan" and (note is not None or (
                    (kind == "actual" or (kind == "target" and (cue or "").startswith(NOTED_GOAL_EVIDENCE)))
                    and estimated_year is not None and (period.start.year, section.section_id) == estimated_year
                    and figure.unit not in TALLIED_UNITS)):
                kind, cue, confidence = "forecast", ESTIMATE_NOTE_CUE, CONFIDENCE_OF_RULE
            if note is not None and note.group("same") and period.start is not None:
                # (下同 reaches the end of its section, not the next part's narrative: "聚力做强“4+4”重点产业链,…35个" under
                # (一) after the list)
                estimated_year = (period.start.year, section.section_id)
            if kind != "plan" and previous_kind == "plan" and figure.unit in ("元", "%", "百分点") \
                    and PLAN_CHANGE_OPENING.fullmatch(text, scan.clause_start(figure.start, sentence_start), figure.start) \
                    and text[previous[0].end:scan.clause_start(figure.start, sentence_start)] in (",", ",", ";"):
                kind, cue, confidence = "plan", PLAN_CHANGE_CUE, CONFIDENCE_OF_RULE
            indicator = parse_indicator(metric)
            direction = figure.direction
            if direction is None:
                verb = DIRECTION.search(text, max(sentence_start, figure.start - 8), figure.start)
                direction = DIRECTION_OF[verb.group("verb")] if verb else None
            if direction is None and previous and PAIRED.fullmatch(text, previous[0].end, figure.start):
                direction = previous[1]  # "分别增长5%和8%": the 8% grew too
            goal = stated_goals.get((figure.value, figure.unit))
            if kind == "target" and not (cue or "").startswith(WEAK_EVIDENCE):
                stated_goals.setdefault((figure.value, figure.unit), (figure.quote, period, indicator, figure.start, direction))
            elif (cue or "").startswith(WEAK_EVIDENCE) and goal is not None and _echoes(figure, goal[3]) \
                    and indicator in (None, goal[2]) and (None in (direction, goal[4]) or direction == goal[4]):
                # a goal stated before, talked about again: "全年增长目标是5.5%左右。…从全球主要经济体来看,5.5%的增速
                # 也是一个不低的增速" (国家统计局, March 2022); not another indicator's rate ("地区生产总值…目标是增长
                # 7%。…社会消费品零售总额增长7%", 荆州 2024), nor a fall where the goal was growth ("出口增长8%。…
                # 进口3271.7亿元,下降8%", 广州 2016)
                goal_quote, period = goal[0], goal[1]
                kind, cue, confidence = "target", ECHO + goal_quote, CONFIDENCE_OF_RULE
            rows.append((
                doc_id, s, figure.start, figure.end, figure.quote, sentence_text, figure.value,
                figure.value_high, figure.unit, figure.qualifier, figure.approximate, metric,
                indicator, direction, kind, cue, period.text, period.start, period.end,
                period.source, period.is_average, place_name, place_code, figure.is_threshold,
                section.section_id, section_role, confidence,
            ))
            previous, previous_kind = (figure, direction), kind
    if not rows:
        return {name: [] for name in INDICATOR_COLUMNS}
    columns = dict(zip(RULE_COLUMNS, zip(*rows)))  # columns as tuples
    model = load_kind_model() if learned_kind else None
    if model is None:
        return {**columns, "rule_kind": columns["kind"], "kind_evidence": ("",) * len(rows)}
    return _weigh_kinds(model, columns, text, scan.sections, document)


def _weigh_kinds(model, columns: dict, text: str, sections: list[Section], document: dict) -> dict:
    """The columns with the model's kind, confidence and evidence; the rules' kind kept as ``rule_kind``."""
    weighed = weigh_kinds(model, describe_figures(columns, text, sections, document))
    return {**columns, "kind": tuple(w.kind for w in weighed), "kind_confidence": tuple(w.confidence for w in weighed),
            "rule_kind": columns["kind"], "kind_evidence": tuple(w.evidence for w in weighed)}


# The columns the rules fill; then the rules' kind (`rule_kind`) and the model's evidence (`kind_evidence`): the
# model (helpers.indicators.kind_model) decides `kind` and `kind_confidence`
RULE_COLUMNS = (
    "doc_id", "sentence_id", "start", "end", "quote", "sentence", "value", "value_high", "unit",
    "qualifier", "approximate", "metric", "indicator", "direction", "kind", "kind_cue", "period",
    "period_start", "period_end", "period_from", "is_average", "place", "place_code", "is_threshold",
    "section_id", "section_role", "kind_confidence",
)
INDICATOR_COLUMNS = RULE_COLUMNS + ("rule_kind", "kind_evidence")


def _add_table_figures(figures: list[FigureSpan], cells: list[TableFigure]) -> tuple[list[FigureSpan], dict[int, str]]:
    """The figures of the sentences and of the tables' cells, in order, and the cells' metrics by offset; a cell
    the sentences read already is theirs."""
    starts = [figure.start for figure in figures]
    new = [cell for cell in cells if not _overlaps(cell.figure, figures, bisect.bisect_right(starts, cell.figure.start) - 1)]
    if not new:
        return figures, {}
    return sorted(figures + [cell.figure for cell in new], key=lambda figure: figure.start), \
        {cell.figure.start: cell.metric for cell in new}


def _cell_at(cells: list[CellKind], starts: list[int], position: int) -> CellKind | None:
    """The cell of a kind column that holds ``position``, if any."""
    i = bisect.bisect_right(starts, position) - 1
    return cells[i] if i >= 0 and position < cells[i].end else None


def _overlaps(cell: FigureSpan, figures: list[FigureSpan], before: int) -> bool:
    return any(0 <= i < len(figures) and figures[i].start < cell.end and cell.start < figures[i].end
               for i in (before, before + 1))


def _echoes(figure: FigureSpan, stated_at: int) -> bool:
    """True for a figure that, said again, is the same goal: a rate, or a count or an amount too
    particular to recur by chance (a list of 3558 projects, 4.57万亿元) said again within a few
    paragraphs (``stated_at``: where the goal was stated)."""
    if figure.unit in ECHO_UNITS:
        return True
    if figure.start - stated_at > ECHO_REACH:
        return False
    return figure.unit in ECHO_COUNT_UNITS and figure.value >= ECHO_MIN_COUNT \
        or figure.unit == "元" and figure.value >= ECHO_MIN_AMOUNT


def _lifts_structure(cue: str) -> bool:
    """True when the evidence that made a count of tasks a target outweighs the structure rule."""
    if cue.startswith(FORWARD_EVIDENCE):
        return True
    return ":" not in cue and PERIOD.fullmatch(cue) is None


def reference_year(document: dict) -> int | None:
    """The year a document's text speaks from: its publication year, except for a statistical
    bulletin, which reports on the year its title names ("宜春市2022年国民经济和社会发展统计公报",
    published 2023-04-12: its 全年 is 2022).

    >>> reference_year({"genre": "statistical_bulletin", "title": "江西省2022年国民经济和社会发展统计公报",
    ...                 "published_date": dt.date(2023, 3, 28)})
    2022
    >>> reference_year({"genre": "press_conference", "title": "2023年工作新闻发布会", "published_date": dt.date(2024, 1, 7)})
    2024
    """
    published = document.get("published_date")
    if document.get("genre") == "statistical_bulletin":
        titled = YEAR.search(document.get("title") or "")
        if titled:
            return int(titled.group())
    return published.year if published else None


def _group_by_sentence(figures: list[FigureSpan], starts, texts):
    """(sentence number, its figures) for each sentence holding figures; a figure that runs past
    the end of its sentence is left out (offsets must cite one sentence)."""
    group: list[FigureSpan] = []
    s, last = 0, len(starts) - 1
    for figure in figures:
        if s < last and figure.start >= starts[s + 1]:
            if group:
                yield s, group
                group = []
            s = bisect.bisect_right(starts, figure.start, s) - 1
        if starts[s] <= figure.start and figure.end <= starts[s] + len(texts[s]):
            group.append(figure)
    if group:
        yield s, group


@lru_cache(maxsize=1)
def _place_initials() -> frozenset[str]:
    """The first characters of every place name: most sentences start with none of them."""
    return frozenset(name[0] for name in load_gazetteer().codes_by_name)


def _sentence_place(text: str) -> str | None:
    """A county, district or city named as the subject at the start of a sentence: '辽阳县锚定…'."""
    gazetteer = load_gazetteer()
    if not text or text[0] not in _place_initials():
        return None
    match = gazetteer.pattern.match(text)
    if not match:
        return None
    codes = gazetteer.codes_by_name[match.group()]
    if len(codes) != 1 or gazetteer.places[codes[0]].level in ("country", "province", "town"):
        return None
    if text[match.end():match.end() + 3].startswith(("都市圈", "经济圈", "地区", "、", "和")):
        return None  # a region named after the city, or a list of places: no single subject
    return codes[0]


def _speaking_year(section: Section, kind: str, genre: str | None, doc_year: int | None,
                   published: dt.date | None) -> int | None:
    """The year a figure's text speaks of when it names none: its section's, else for a result in a
    review section (or a press release early in the year) the year before, else the document's."""
    if section.year:
        return section.year
    if kind not in ("actual", "forecast") or section.role in ("targets", "tasks", "plan_draft"):
        return doc_year
    if section.role in ("review", "plan_execution") and section.plan:
        return PLAN_SPANS[section.plan][1]
    if not published or genre == "statistical_bulletin":
        return doc_year
    if section.role in ("review", "plan_execution") and published.month <= REVIEW_MONTHS:
        return published.year - 1
    if genre in REVIEWING_GENRES and section.role == "other" and published.month <= REVIEW_MONTHS:
        # a report of January to March outside any heading: "固定资产投资增长2.5%" (福建 plan report, 2024-02)
        return published.year - 1
    if genre in ("press_conference", "news_report") and published.month <= REVIEW_MONTHS_PRESS:
        return published.year - 1
    return doc_year


def _takes_named_year(phrase: re.Match, published: dt.date | None) -> bool:
    """A bare 全年, or a run of months (1-8月, 前6个月) in a text without a date: its year is the one
    named before it."""
    return phrase.group("part") == WHOLE_YEAR or (published is None and bool(phrase.group("months")))


def _find_coming_year(text: str, published: dt.date | None) -> int | None:
    """Where a text of November or December first names the coming year ("2023年,鄂城区经济社会发展主要预期
    目标是:…。力争固定资产投资增幅16%以上", 湖北日报 on 19 December 2022), else None: a goal after it without a
    year of its own is that year's."""
    if published is None or published.month < LATE_MONTHS:
        return None
    found = text.find(f"{published.year + 1}年")
    return found if found >= 0 else None


def _opens_its_line(text: str, position: int) -> bool:
    """True when ``position`` lies within GOALS_LINE_OPENING characters of its line's start, with no clause
    break before it: "经济社会发展主要预期目标:", not "今年,该市经济社会发展的主要预期目标是:"."""
    line_start = text.rfind("\n", 0, position) + 1
    return position - line_start <= GOALS_LINE_OPENING and not any(ch in CLAUSE_BREAKS for ch in text[line_start:position])


def _estimated_goal(cue: tuple, cues) -> bool:
    """Whether ``cue`` is a 将 under an earlier estimate among ``cues`` ("预计全年将完成…"): an estimate, not a goal."""
    return cue[2] == "target" and cue[3].startswith("将") and any(c[2] == "forecast" and c[0] < cue[0] for c in cues)


def _is_quoted_sentence(sentence: str) -> bool:
    return sentence.startswith("“") and sentence.endswith("”")


def _so_far_before_semicolon(scan: _DocumentScan, s: int, published: dt.date) -> tuple[int, str] | None:
    """(where, phrase) of a 截至 phrase that is over and is the last period of the sentence before ``s``, when a
    semicolon joins them: what follows it is told up to that day too ("截至5月末,已开复工73个,…;完成投资30.5亿元,
    完成年计划的15.6%", 阿拉善, June 2021)."""
    before = scan.sentences.texts[s - 1].rstrip()
    if not before.endswith((";", "；")):
        return None
    phrases = scan.periods_in.get(s - 1, ())
    if not phrases or not phrases[-1][1].group("to_date"):
        return None
    end = resolve_period(phrases[-1][1], published.year, published)[1]
    if end is None or end >= published:
        return None
    return phrases[-1][0], phrases[-1][1].group()


def _reviews_past(scan: _DocumentScan, first: int, end: int, published: dt.date | None) -> bool:
    """True when the first period its paragraph names up to ``end`` (not a base of change, 比/较/从/由) is over: the
    paragraph reviews."""
    if published is None:
        return False
    for at, phrase in scan.periods_between(scan.starts[first], end):
        if scan.text[at - 1:at] in BASE_MARKS:
            continue
        return _is_over(phrase, published)
    return False


def _past_period(periods, position: int, published: dt.date | None) -> tuple[int, str] | None:
    """(where, phrase) of the nearest period phrase before ``position`` if it lies wholly before the
    text was written ("过去五年", "去年", "2025年" or "“十四五”时期" in a 2026 report, "一季度" in
    May), else None."""
    if published is None:
        return None
    at_phrase, match = _nearest_period(periods, position)
    return (at_phrase, match.group()) if match is not None and _is_over(match, published) else None


def _is_over(match: re.Match, published: dt.date) -> bool:
    """True when a period phrase lies wholly before the text was written."""
    year, plan = match.group("year"), match.group("plan")
    if match.group("part") in LOOKING_BACK or (year and int(year) < published.year) \
            or (plan and PLAN_SPANS[plan][1] < published.year):
        return True
    if match.group("part") in QUARTERS or match.group("year_part") in QUARTERS or match.group("months") \
            or match.group("month"):  # "2022年1-9月" in November
        end = resolve_period(match, published.year, published)[1]
        return end is not None and end < published  # "一季度…交出亮眼答卷" in a May press conference
    return False


def _nearest_period(periods, position: int) -> tuple[int, re.Match | None]:
    """(where, match) of the last period phrase of ``periods`` (in order) before ``position``."""
    found = (-1, None)
    for at, phrase in periods:
        if at >= position:
            break
        found = (at, phrase)
    return found


def _open_year(text: str, periods, position: int, published: dt.date | None, section: Section,
               genre: str | None, opening: re.Match | None = None) -> str | None:
    """The nearest period phrase before ``position`` (else the one opening its paragraph,
    ``opening``) if it is a year not over when the text was delivered (今年, or 全年 outside a review
    and outside a January press release), else None."""
    if published is None or genre == "statistical_bulletin":
        return None
    match = _nearest_period(periods, position)[1] or opening
    if match is None or section.role in FORWARD_ROLES or WITHIN_YEAR.match(text, match.end()) \
            or SINCE_IN_CLAUSE.match(text, match.end()):
        return None
    if match.group("year") and int(match.group("year")) > published.year \
            and match.string[max(0, match.start() - 1):match.start()] in YEAR_OPENS_AFTER:
        # a year not begun, opening its clause: "2022年吉林省将毫不放松抓好粮食生产,…粮食产量稳定在800亿斤以上"
        # (21 December 2021); not a year that names a noun: "已谋划争取2024年中央预算内投资项目72项" (October 2023)
        return match.group()
    if match.group("part") == NEXT_YEAR or match.group("part") in SEASONS_AHEAD:  # "明年粮食播种面积将超1.9亿亩" (4 December
        return match.group()  # 2009), "今秋明春,黑龙江省…计划投入资金62亿元" (November 2014)
    # "用3年时间突破和推广应用150项“五基”产品和工艺" (河南, January 2023): years from now
    if match.group("span") or match.group("span_within"):
        return match.group()
    # a five-year plan with more than a year to run: "“十三五”期间,海南要使…实现海南全省生产总值年均增长7%" (January 2016),
    # not the one ending next year: "“十四五”期间山西完成交通固定资产投资2816亿元" (December 2024)
    if match.group("plan") and match.group().endswith(FIVE_YEAR_SPAN_ENDS) \
            and match.string[max(0, match.start() - 1):match.start()] not in PLAN_OWNERS \
            and resolve_period(match, published.year, published)[1].year > published.year + 1:
        return match.group()
    if published.month >= OPEN_UNTIL_MONTH:
        return None
    quarter = match.group("part") if match.group("part") in QUARTERS else (
        match.group("year_part") if match.group("year") and int(match.group("year")) == published.year else None)
    if quarter in STARTING_PARTS and not match.string[max(0, match.start() - 2):match.start()].endswith(LAST_YEAR_BEFORE):
        ahead = (resolve_period(match, published.year, published)[1] - published).days
        return match.group() if ahead >= QUARTER_AHEAD_DAYS else None
    if match.group("year") and (match.group("to") or match.group("year_part") in ("末", "底")):
        # a deadline not passed: "主要目标是:到2024年底,…。即:科技型中小企业达到20000家" (陕西, May 2022)
        return match.group() if int(match.group("year")) >= published.year else None
    if match.group("year"):  # "2021年,沈阳计划亿元以上项目开复工1600个" in March 2021
        if match.string[max(0, match.start() - 2):match.start()] in EVENT_VERBS:
            return None  # "定州市22日举行2023年春季重点项目建设现场推进会,25个项目集中开工" names the event
        if int(match.group("year")) != published.year or match.group("to") \
                or match.group("year_part") not in (None, "全年") or section.role in ("review", "plan_execution"):
            return None
        return match.group()
    if match.group("part") not in OPEN_YEAR:
        return None
    early = REVIEW_MONTHS_PRESS if genre in ("press_conference", "news_report") else REVIEW_MONTHS
    if match.group("part") == "全年" and (  # "全年实际到位资金增长26%" in January: the year just ended
            section.role in ("review", "plan_execution") or (section.year or published.year) != published.year
            or published.month <= early):
        return None
    return match.group()


def _decide_period(text: str, figure: FigureSpan, periods, scan: _DocumentScan, s: int,
                   section: Section, year: int | None, published: dt.date | None) -> Period:
    """The nearest period phrase before the figure, else in its paragraph, section or document."""
    is_average = text.find("年均", max(0, figure.start - 8), figure.start) >= 0
    match, source = None, "text"
    for position, phrase in periods:
        if position >= figure.start:
            break
        if text[position - 1:position] in CHANGE_MARKS and position:
            continue  # "由上年729万人增加到732万人,城镇化率达69.1%": 上年 is the 729's
        if phrase.group("plan") and phrase.group().endswith(("”", '"')) and PLAN_AS_CLASS.match(text, phrase.end()):
            continue
        match = phrase
    if match is None:
        match, source = scan.opening_period(s), "paragraph"
        if match is not None and match.group("plan") and section.plan != match.group("plan") \
                and not scan.is_horizon(match.start(), match) and not PLAN_FRAME.match(text, match.end() - 2):
            match = None  # "今年是“十五五”起步之年…确保“十五五”良好开局。主要预期目标是…": 十五五 only when said
    if match is not None:
        review = section.role in ("review", "plan_execution")  # its year is the year reviewed
        fallback_year = year or (published.year if published else None)
        if published and (match.group("part") in LAST_YEAR
                          or (match.group("part") in THIS_YEAR and not section.year)):
            fallback_year = published.year  # "今年", "去年" speak from the year the text was delivered in
            review = False
        if published and match.group("part") in PAST_YEARS and not section.year:
            # "过去五年" in a story of January 2026 ends with 2025, whatever year its figures speak of
            fallback_year, review = published.year, False
        if published and match.group("months") and not section.year:
            # "1-2月累计完成投资9.4亿元" in a progress report of March 2024 is 2024's, though a report early in the
            # year reviews the year before (开平, 19 March 2024); "1-11月" in January is the year before's
            fallback_year, review = months_year(match, published), False
        return scan.period(match, fallback_year, published, review, is_average, source)
    if section.plan and (is_average or not section.year or scan.opens_with_plan_outline(s)):
        first, last = PLAN_SPANS[section.plan]
        return Period(section.plan, dt.date(first, 1, 1), dt.date(last, 12, 31), is_average, "section")
    if section.year:
        return _whole_year(section.year, is_average, "section")
    if year:
        return _whole_year(year, is_average, "document")
    return Period(None, None, None, is_average, "none")


def _find_change(text: str, figure: FigureSpan, clause: int) -> tuple[str, int, int] | None:
    """("from", where 从/由 is, figure start) for the first figure of a change from one level to
    another, ("to", where 从/由 is, where the verb ends) for the second, else None."""
    start = max(clause, figure.start - CHANGE_REACH)
    before = CHANGE_FROM.search(text, start, figure.start)
    if before:
        return "from", before.start(), figure.start
    after = CHANGE_TO.search(text, start, figure.start)
    if after:
        return "to", after.start(), after.start("part") - 1  # the 到 of "增加到" may open a period ("到2025年")
    return None


def _base_period(period: Period, periods, marker: int, figure: FigureSpan, last_base: Period | None,
                 scan: _DocumentScan, year: int | None, published: dt.date | None) -> Period:
    """The period of the level a change starts from: a year written after 从/由 ("从2020年的3.68万亿元"),
    else the base of the change before it in the sentence, else the year before the period's start
    ("十四五" review: "国家级高新技术企业从0.94万家增加到1.55万家" starts in 2020)."""
    written = [phrase for position, phrase in periods if marker <= position < figure.start]
    if written:
        return scan.period(written[-1], year or (published.year if published else None), published, False,
                           False, "text")
    if last_base is not None:
        return last_base
    first = period.start or period.end
    if first is None:
        return period
    return Period(None, dt.date(first.year - 1, 1, 1), dt.date(first.year - 1, 12, 31), False, "base")


@lru_cache(maxsize=1024)
def _whole_year(year: int, is_average: bool, source: str) -> Period:
    return Period(None, dt.date(year, 1, 1), dt.date(year, 12, 31), is_average, source)
