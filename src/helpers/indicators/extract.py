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
from dataclasses import dataclass
from functools import lru_cache

from helpers.indicators.figures import FigureSpan, find_figures
from helpers.indicators.metrics import COUNT_UNITS, QUOTE_MARKS, assign_metrics, parse_indicator
from helpers.indicators.periods import PLAN_SPANS, Period, find_period_phrases, resolve_period
from helpers.places import load_gazetteer

KINDS = ("actual", "forecast", "target", "plan")
# Cues of kind; the last one before a figure in its sentence decides. Real examples:
# "预计全年完成工业固定资产投资80亿元", "今年,盘锦市计划实施600个项目", "力争“十四五”期间…超过1000亿元",
# "全省经济社会发展的主要预期目标是:地区生产总值增长4.5%左右", "一般公共预算收入按增长5%安排",
# "到2025年末,…达到230家以上", "拟安排资金…", "年度计划投资109亿元"
# (计划 is a cue only as a verb, "计划实施", not as a noun: "招生计划1.76万个" (an enrolment quota, 2026
# report), "营养改善计划惠及3700多万学生" (2022 national report); 力争 inside "努力争取" is none)
KIND_CUES = re.compile(
    r"(?=[拟预年计初有主目力确努按要将到2末底])(?:"  # first characters, so the engine can skip ahead
    r"(?P<plan>拟安排|拟按|拟投入|拟发行|预算安排|年度计划投资|计划投资)"
    r"|(?P<forecast>预计|预测|初步统计|预估|有望)"
    r"|(?P<target>主要预期目标|预期目标|目标是|目标为|目标任务|(?<!努)力争|确保|努力(?:实现|达到)"
    r"|计划(?=实施|投资|构建|建设|新增|开工|引进|举办|打造|培育|完成|达到|安排|推进|开展|建成|实现|新建|改造"
    r"|招引|签约|落地|用)"
    r"|按增长|要(?:实现|达到|完成)|将(?:实现|达到|完成|突破)|到20\d{2}年(?:末|底)?|(?:20\d{2}年)?(?:末|底)前))"
)
# "一、2023年工作回顾", "二、“十五五”时期目标任务和2026年工作安排", "三、全面加强政府自身建设"
SECTION_ACTUAL = re.compile(r"回顾|成绩|过去")
SECTION_TARGET = re.compile(r"安排|任务|部署|计划|总体要求|政策取向")  # "二、2024年经济社会发展总体要求和政策取向"
YEAR = re.compile(r"20\d{2}")
PLAN_NAME = re.compile("|".join(PLAN_SPANS))
PAIRED = re.compile(r"\s*(?:和|、|与|及|,)\s*")
# The verb right before a figure: "同比增长8%", "下降8.7%", "提高0.8个百分点"; the last one wins
DOWN_VERBS = ("下降", "减少", "降低", "回落", "下滑", "缩减", "减收", "减支")
UP_VERBS = ("增长", "增加", "提高", "提升", "上升", "上涨", "增速", "涨幅", "翻", "增收", "增支")
DIRECTION_OF = {**{verb: "down" for verb in DOWN_VERBS}, **{verb: "up" for verb in UP_VERBS}}
# (one group of literals first, so the engine skips ahead to a verb's first character)
DIRECTION = re.compile("(?P<verb>" + "|".join(DOWN_VERBS + UP_VERBS) + ")[^,;。]{0,2}$")
OPENING_WINDOW = 8
ATTRIBUTE_AFTER_YEAR = "度"  # 2021年度…: the year of an award or a plan, not of what follows
# "今年,盘锦市计划实施…", "“十四五”期间,葫芦岛计划构建…": a cue this close to a paragraph's start
# governs the whole paragraph
CUE_OPENING_WINDOW = 16
# Counts of a plan's parts are facts about the plan, not goals: "提出6项指标", "设置了3项任务"
# (matched right after the figure)
STRUCTURE = re.compile(r"(?:具体|主要|重点)?(?:指标|任务|方面|措施|举措)")
QUOTED = re.compile(r"“[^”\n]*”|《[^》\n]*》")
# The last , ; : 。 ! ? or line break before a position (searched in the span before it)
LAST_CLAUSE_BOUNDARY = re.compile(r"[,;:。!?\n](?=[^,;:。!?\n]*\Z)")
HEADING_NUMERALS = "一二三四五六七八九十"
HEADING_LINE = re.compile(rf"^[{HEADING_NUMERALS}]+、(?P<title>.{{2,40}})$", re.M)
# The same after a line break: a pattern that opens with a literal is found by a fast C search
HEADING_AFTER_BREAK = re.compile(rf"\n[{HEADING_NUMERALS}]+、(?P<title>.{{2,40}})$", re.M)


@dataclass
class _Section:
    """A numbered top-level heading and what it implies for the figures under it."""

    start: int
    kind: str | None
    year: int | None
    plan: str | None


class _DocumentScan:
    """Every pattern scanned once over the whole document, looked up by offset afterwards."""

    def __init__(self, text: str, sentences) -> None:
        self.text = text
        self.sentences = sentences
        self.starts = sentences.starts
        self.paragraphs = sentences.paragraph_ids
        quoted = [m.span() for m in QUOTED.finditer(text)] if ("“" in text or "《" in text) else []
        quoted_starts = [a for a, _ in quoted]
        self.cues = [(m.start(), m.lastgroup, m.group()) for m in KIND_CUES.finditer(text)
                     if not _in_spans(m.start(), quoted, quoted_starts)]
        self.cue_positions = [c[0] for c in self.cues]
        self.periods = find_period_phrases(text)
        self.period_positions = [p for p, _ in self.periods]
        first = HEADING_LINE.match(text)
        self.sections = ([_read_section(first, first.start())] if first else []) + [
            _read_section(m, m.start() + 1) for m in HEADING_AFTER_BREAK.finditer(text)]
        self.section_starts = [section.start for section in self.sections]
        self.cues_in = self._by_sentence(self.cues)
        self.periods_in = self._by_sentence(self.periods)
        self._open_kind: dict[int, tuple | None] = {}
        self._paragraph: dict[int, tuple] = {}
        self._opening_period: dict[int, re.Match | None] = {}
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

    def section_at(self, position: int) -> _Section | None:
        i = bisect.bisect_right(self.section_starts, position) - 1
        return self.sections[i] if i >= 0 else None

    def cues_between(self, start: int, end: int) -> list[tuple[int, str, str]]:
        return self.cues[bisect.bisect_left(self.cue_positions, start):bisect.bisect_left(self.cue_positions, end)]

    def periods_between(self, start: int, end: int) -> list[tuple[int, re.Match]]:
        return self.periods[bisect.bisect_left(self.period_positions, start):
                            bisect.bisect_left(self.period_positions, end)]

    def clause_start(self, position: int, floor: int) -> int:
        """After the last , ; : 。 or line break before ``position`` (never before ``floor``)."""
        boundary = LAST_CLAUSE_BOUNDARY.search(self.text, floor, position)
        return boundary.end() if boundary else floor

    def open_kind(self, s: int) -> tuple[str, str] | None:
        """A cue carried into sentence ``s`` from earlier sentences of its paragraph ending in ; or :."""
        if s in self._open_kind:
            return self._open_kind[s]
        carried = None
        if s > 0 and self.paragraphs[s - 1] == self.paragraphs[s]:
            previous = self.sentences.texts[s - 1]
            if previous.endswith((";", ":")):
                start = self.starts[s - 1]
                cues = self.cues_between(start, start + len(previous))
                carried = (cues[-1][1], cues[-1][2]) if cues else self.open_kind(s - 1)
        self._open_kind[s] = carried
        return carried

    def paragraph(self, s: int) -> tuple:
        """(first sentence, place, opening cue) of the paragraph holding sentence ``s``."""
        number = self.paragraphs[s]
        if number not in self._paragraph:
            first = s
            while first > 0 and self.paragraphs[first - 1] == number:
                first -= 1
            start = self.starts[first]
            cues = self.cues_between(start, start + CUE_OPENING_WINDOW)
            self._paragraph[number] = (first, _sentence_place(self.sentences.texts[first]),
                                       (cues[0][1], cues[0][2]) if cues else None)
        return self._paragraph[number]

    def opening_period(self, s: int) -> re.Match | None:
        """The latest period phrase that opens a sentence of this paragraph up to sentence ``s``."""
        if s in self._opening_period:
            return self._opening_period[s]
        start, text = self.starts[s], self.sentences.texts[s]
        if len(text) >= OPENING_WINDOW:
            found = [p for p in self.periods_in.get(s, ()) if p[0] < start + OPENING_WINDOW]
        else:  # the window reaches into the next sentence
            found = self.periods_between(start, start + OPENING_WINDOW)
        # "获得2021年度省级科技奖励10项" (Yichun 2022): a year that qualifies a noun opens nothing
        found = [p for p in found if not self.text.startswith(ATTRIBUTE_AFTER_YEAR, p[1].end())]
        if found:
            opening = found[-1][1]
        elif s > 0 and self.paragraphs[s - 1] == self.paragraphs[s]:
            opening = self.opening_period(s - 1)
        else:
            opening = None
        self._opening_period[s] = opening
        return opening


def _read_section(match: re.Match, start: int) -> _Section:
    title = match.group("title")
    kind = "target" if SECTION_TARGET.search(title) else "actual" if SECTION_ACTUAL.search(title) else None
    years = [int(y) for y in YEAR.findall(title)]
    plan = PLAN_NAME.search(title)
    return _Section(start, kind, max(years) if years else None, plan.group() if plan else None)


def _in_spans(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, position) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def extract_indicators(document: dict, sentences) -> dict[str, Sequence]:
    """Columns of indicator records for one document (``document["text"]`` and its sentences).

    >>> text = "一、2023年工作回顾\\n预计,全市地区生产总值增长2%,城乡居民人均可支配收入分别增长5%和8%。"
    >>> doc = {"doc_id": "d", "text": text, "published_date": dt.date(2024, 1, 7), "place": "辽阳市", "place_code": "liaoyang"}
    >>> from helpers.corpus.sentences import split_sentences
    >>> rows = extract_indicators(doc, split_sentences(text))
    >>> list(zip(rows["metric"], rows["indicator"], rows["value"], rows["kind"], rows["period_start"]))[1:]
    [('城镇居民人均可支配收入', 'urban_disposable_income', 5.0, 'forecast', datetime.date(2023, 1, 1)), ('农村居民人均可支配收入', 'rural_disposable_income', 8.0, 'forecast', datetime.date(2023, 1, 1))]
    """
    rows: list[tuple] = []
    text = document["text"]
    figures = find_figures(text)
    if not figures or not len(sentences):
        return {name: [] for name in INDICATOR_COLUMNS}
    scan = _DocumentScan(text, sentences)
    published = document.get("published_date")
    doc_year = reference_year(document)
    doc_id = document["doc_id"]
    places = load_gazetteer().places
    for s, inside in _group_by_sentence(figures, scan.starts, sentences.texts):
        sentence_start = scan.starts[s]
        sentence_text = sentences.texts[s]
        sentence_end = sentence_start + len(sentence_text)
        if sentence_text[0] in HEADING_NUMERALS and HEADING_LINE.match(sentence_text):
            continue
        section = scan.section_at(sentence_start) if scan.sections else None
        first, paragraph_place, paragraph_kind = scan.paragraph(s)
        place_code = _sentence_place(sentence_text) or paragraph_place or document.get("place_code")
        place = places.get(place_code) if place_code else None
        place_name = place.name if place else document.get("place")
        year = (section.year if section else None) or doc_year
        cues = scan.cues_in.get(s, ())
        periods = scan.periods_in.get(s, ())
        carried_kind = scan.open_kind(s) or paragraph_kind
        metrics = assign_metrics(text, inside, scan.clause_start, sentence_start)
        # With no period phrase and no 年均 in reach, every figure of the sentence shares one period
        shared_period = None
        if not periods and text.find("年均", max(0, sentence_start - 8), sentence_end) < 0:
            shared_period = _decide_period(text, inside[0], periods, scan, s, section, year, published)
        # With no cue in the sentence, the kind comes from the paragraph or the section
        sentence_kind = None if cues else (carried_kind or ((section.kind, "section") if section and section.kind
                                                            else ("actual", None)))
        previous = None
        for figure, metric in zip(inside, metrics):
            kind, cue = sentence_kind or _decide_kind(figure, cues, carried_kind, section, published)
            if figure.unit in COUNT_UNITS and (STRUCTURE.match(text, figure.end)
                                               or (metric or "").endswith(("指标", "任务", "措施", "方面"))):
                kind, cue = "actual", "structure"
            period = shared_period or _decide_period(text, figure, periods, scan, s, section, year, published)
            direction = figure.direction
            if direction is None:
                verb = DIRECTION.search(text, max(sentence_start, figure.start - 8), figure.start)
                direction = DIRECTION_OF[verb.group("verb")] if verb else None
            if direction is None and previous and PAIRED.fullmatch(text, previous[0].end, figure.start):
                direction = previous[1]  # "分别增长5%和8%": the 8% grew too
            rows.append((
                doc_id, s, figure.start, figure.end, figure.quote, sentence_text, figure.value,
                figure.value_high, figure.unit, figure.qualifier, figure.approximate, metric,
                parse_indicator(metric), direction, kind, cue, period.text, period.start, period.end,
                period.source, period.is_average, place_name, place_code, figure.is_threshold,
            ))
            previous = (figure, direction)
    if not rows:
        return {name: [] for name in INDICATOR_COLUMNS}
    return dict(zip(INDICATOR_COLUMNS, zip(*rows)))  # columns as tuples


INDICATOR_COLUMNS = (
    "doc_id", "sentence_id", "start", "end", "quote", "sentence", "value", "value_high", "unit",
    "qualifier", "approximate", "metric", "indicator", "direction", "kind", "kind_cue", "period",
    "period_start", "period_end", "period_from", "is_average", "place", "place_code", "is_threshold",
)


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


def _decide_kind(figure: FigureSpan, cues, carried_kind, section: _Section | None,
                 published: dt.date | None):
    """(kind, cue): the last cue before the figure in its sentence, else a cue carried over ; or :
    or opening the paragraph, a cue right after the figure ('4.5%左右的增长目标'), the section's
    kind, else actual."""
    for position, kind, word in reversed(cues):
        if position >= figure.start:
            continue
        looks_back = word.startswith("到") and published is not None and (_year_of(word) or 9999) < published.year
        if looks_back:
            continue  # "到2025年底" in a 2026 report looks back
        return kind, word
    if carried_kind:
        return carried_kind
    for position, kind, word in cues:
        if figure.end <= position <= figure.end + 6:
            if kind == "target":
                return kind, word
            break
    if section and section.kind:
        return section.kind, "section"
    return "actual", None


def _year_of(word: str) -> int | None:
    match = YEAR.search(word)
    return int(match.group()) if match else None


def _decide_period(text: str, figure: FigureSpan, periods, scan: _DocumentScan, s: int,
                   section: _Section | None, year: int | None, published: dt.date | None) -> Period:
    """The nearest period phrase before the figure, else in its paragraph, section or document."""
    is_average = text.find("年均", max(0, figure.start - 8), figure.start) >= 0
    match, source = None, "text"
    for position, phrase in periods:
        if position >= figure.start:
            break
        match = phrase
    if match is None:
        match, source = scan.opening_period(s), "paragraph"
    if match is not None:
        review = section is not None and section.year is not None
        fallback_year = year or (published.year if published else 2000)
        return scan.period(match, fallback_year, published, review, is_average, source)
    if is_average and section and section.plan:
        first, last = PLAN_SPANS[section.plan]
        return Period(section.plan, dt.date(first, 1, 1), dt.date(last, 12, 31), True, "section")
    if section and section.year:
        return _whole_year(section.year, is_average, "section")
    if year:
        return _whole_year(year, is_average, "document")
    return Period(None, None, None, is_average, "none")


@lru_cache(maxsize=1024)
def _whole_year(year: int, is_average: bool, source: str) -> Period:
    return Period(None, dt.date(year, 1, 1), dt.date(year, 12, 31), is_average, source)
