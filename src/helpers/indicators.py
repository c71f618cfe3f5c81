"""Turn a document's sentences into indicator records: each figure with what, when, where and kind.

In: a document (its metadata row) and its sentences. Out: columns of ``indicators.parquet``, one
row per figure, citing ``doc_id``, ``sentence_id`` and character offsets into the cleaned text.
The figure itself comes from :mod:`helpers.figures`; this module reads the words around it:
the metric (as written) and its canonical indicator (``resources/indicators.csv``), the direction,
the kind (actual, forecast, target, plan), the period (:mod:`helpers.periods`) and the place.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from helpers.figures import FigureSpan, find_figures
from helpers.metrics import COUNT_UNITS, QUOTE_MARKS, assign_metrics, parse_indicator
from helpers.periods import PLAN_SPANS, Period, find_period_phrases, resolve_period
from helpers.places import load_gazetteer

KINDS = ("actual", "forecast", "target", "plan")
# Cues of kind; the last one before a figure in its sentence decides. Real examples:
# "预计全年完成工业固定资产投资80亿元", "今年,盘锦市计划实施600个项目", "力争“十四五”期间…超过1000亿元",
# "全省经济社会发展的主要预期目标是:地区生产总值增长4.5%左右", "一般公共预算收入按增长5%安排",
# "到2025年末,…达到230家以上", "拟安排资金…", "年度计划投资109亿元"
KIND_CUES = re.compile(
    r"(?=[拟预年计初有主目力确努按要将到2末底])(?:"  # first characters, so the engine can skip ahead
    r"(?P<plan>拟安排|拟按|拟投入|拟发行|预算安排|年度计划投资|计划投资)"
    r"|(?P<forecast>预计|预测|初步统计|预估|有望)"
    r"|(?P<target>主要预期目标|预期目标|目标是|目标为|目标任务|力争|确保|努力(?:实现|达到)|计划(?!总投资)"
    r"|按增长|要(?:实现|达到|完成)|将(?:实现|达到|完成|突破)|到20\d{2}年(?:末|底)?|(?:20\d{2}年)?(?:末|底)前))"
)
# "一、2023年工作回顾", "二、“十五五”时期目标任务和2026年工作安排", "三、全面加强政府自身建设"
SECTION_ACTUAL = re.compile(r"回顾|成绩|过去")
SECTION_TARGET = re.compile(r"安排|任务|部署|计划")
YEAR = re.compile(r"20\d{2}")
PLAN_NAME = re.compile("|".join(PLAN_SPANS))
PAIRED = re.compile(r"\s*(?:和|、|与|及|,)\s*")
# The verb right before a figure: "同比增长8%", "下降8.7%", "提高0.8个百分点"; the last one wins
DIRECTION = re.compile(r"(?:(?P<down>下降|减少|降低|回落|下滑|缩减)|(?P<up>增长|增加|提高|提升|上升|上涨|增速|涨幅|翻))"
                       r"[^,;。]{0,2}$")
OPENING_WINDOW = 8
# "今年,盘锦市计划实施…", "“十四五”期间,葫芦岛计划构建…": a cue this close to a paragraph's start
# governs the whole paragraph
CUE_OPENING_WINDOW = 16
# Counts of a plan's parts are facts about the plan, not goals: "提出6项指标", "设置了3项任务"
STRUCTURE = re.compile(r"^(?:具体|主要|重点)?(?:指标|任务|方面|措施|举措)")
QUOTED = re.compile(r"“[^”\n]*”|《[^》\n]*》")
CLAUSE_BOUNDARY = re.compile(r"[,;:。!?\n]")
HEADING_LINE = re.compile(r"^[一二三四五六七八九十]+、(?P<title>.{2,40})$", re.M)


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
        self.boundaries = [m.end() for m in CLAUSE_BOUNDARY.finditer(text)]
        self.sections = [_read_section(m) for m in HEADING_LINE.finditer(text)]
        self.section_starts = [section.start for section in self.sections]
        self._open_kind: dict[int, tuple | None] = {}
        self._paragraph: dict[int, tuple] = {}
        self._opening_period: dict[int, re.Match | None] = {}
        self._resolved: dict[tuple, tuple] = {}

    def resolve(self, match: re.Match, year: int, published, review: bool) -> tuple:
        """resolve_period, once per phrase and year."""
        key = (match.start(), year, review)
        if key not in self._resolved:
            self._resolved[key] = resolve_period(match, year, published, review_year=review)
        return self._resolved[key]

    def sentence_of(self, position: int) -> int:
        return bisect.bisect_right(self.starts, position) - 1

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
        i = bisect.bisect_right(self.boundaries, position) - 1
        start = self.boundaries[i] if i >= 0 else 0
        return max(start, floor)

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
        if s not in self._opening_period:
            found = self.periods_between(self.starts[s], self.starts[s] + OPENING_WINDOW)
            if found:
                self._opening_period[s] = found[-1][1]
            elif s > self.paragraph(s)[0]:
                self._opening_period[s] = self.opening_period(s - 1)
            else:
                self._opening_period[s] = None
        return self._opening_period[s]


def _read_section(match: re.Match) -> _Section:
    title = match.group("title")
    kind = "target" if SECTION_TARGET.search(title) else "actual" if SECTION_ACTUAL.search(title) else None
    years = [int(y) for y in YEAR.findall(title)]
    plan = PLAN_NAME.search(title)
    return _Section(match.start(), kind, max(years) if years else None, plan.group() if plan else None)


def _in_spans(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, position) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def extract_indicators(document: dict, sentences) -> dict[str, list]:
    """Columns of indicator records for one document (``document["text"]`` and its sentences).

    >>> text = "一、2023年工作回顾\\n预计,全市地区生产总值增长2%,城乡居民人均可支配收入分别增长5%和8%。"
    >>> doc = {"doc_id": "d", "text": text, "published_date": dt.date(2024, 1, 7), "place": "辽阳市", "place_code": "liaoyang"}
    >>> from helpers.sentences import split_sentences
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
    doc_year = published.year if published else None
    doc_id = document["doc_id"]
    places = load_gazetteer().places
    by_sentence: dict[int, list[FigureSpan]] = {}
    for figure in figures:
        by_sentence.setdefault(scan.sentence_of(figure.start), []).append(figure)
    for s, sentence_figures in by_sentence.items():
        sentence_start = scan.starts[s]
        sentence_text = sentences.texts[s]
        sentence_end = sentence_start + len(sentence_text)
        inside = [f for f in sentence_figures if f.end <= sentence_end]
        if not inside or HEADING_LINE.match(sentence_text):
            continue
        section = scan.section_at(sentence_start)
        first, paragraph_place, paragraph_kind = scan.paragraph(s)
        place_code = _sentence_place(sentence_text) or paragraph_place or document.get("place_code")
        place = places.get(place_code) if place_code else None
        place_name = place.name if place else document.get("place")
        year = (section.year if section else None) or doc_year
        cues = scan.cues_between(sentence_start, sentence_end)
        periods = scan.periods_between(sentence_start, sentence_end)
        metrics = assign_metrics(text, inside, scan.clause_start, sentence_start)
        previous = None
        for figure, metric in zip(inside, metrics):
            kind, cue = _decide_kind(figure, cues, scan.open_kind(s), paragraph_kind, section, published)
            if figure.unit in COUNT_UNITS and (STRUCTURE.match(text[figure.end:figure.end + 6])
                                               or (metric or "").endswith(("指标", "任务", "措施", "方面"))):
                kind, cue = "actual", "structure"
            period = _decide_period(text, figure, periods, scan, s, section, year, published)
            direction = figure.direction or _direction(text, figure, sentence_start)
            if direction is None and previous and PAIRED.fullmatch(text[previous[0].end:figure.start]):
                direction = previous[1]  # "分别增长5%和8%": the 8% grew too
            rows.append(_row(doc_id, s, sentence_text, figure, metric, kind, cue, period, place_name,
                             place_code, direction))
            previous = (figure, direction)
    if not rows:
        return {name: [] for name in INDICATOR_COLUMNS}
    return {name: list(values) for name, values in zip(INDICATOR_COLUMNS, zip(*rows))}


INDICATOR_COLUMNS = (
    "doc_id", "sentence_id", "start", "end", "quote", "sentence", "value", "value_high", "unit",
    "qualifier", "approximate", "metric", "indicator", "direction", "kind", "kind_cue", "period",
    "period_start", "period_end", "period_from", "is_average", "place", "place_code", "is_threshold",
)


def _sentence_place(text: str) -> str | None:
    """A county, district or city named as the subject at the start of a sentence: '辽阳县锚定…'."""
    gazetteer = load_gazetteer()
    match = gazetteer.pattern.match(text)
    if not match:
        return None
    codes = gazetteer.codes_by_name[match.group()]
    if len(codes) != 1 or gazetteer.places[codes[0]].level in ("country", "province", "town"):
        return None
    if text[match.end():match.end() + 3].startswith(("都市圈", "经济圈", "地区", "、", "和")):
        return None  # a region named after the city, or a list of places: no single subject
    return codes[0]


def _decide_kind(figure: FigureSpan, cues, open_kind, paragraph_kind, section: _Section | None,
                 published: dt.date | None):
    """(kind, cue): the last cue before the figure in its sentence, a cue carried over ; or :, a
    cue opening the paragraph, a cue right after the figure ('4.5%左右的增长目标'), the section's
    kind, else actual."""
    before = [(kind, word) for position, kind, word in cues if position < figure.start]
    for kind, word in reversed(before):
        if word.startswith("到") and published and _year_of(word) and _year_of(word) < published.year:
            continue  # "到2025年底" in a 2026 report looks back
        return kind, word
    if open_kind:
        return open_kind
    if paragraph_kind:
        return paragraph_kind
    after = [(kind, word) for position, kind, word in cues if figure.end <= position <= figure.end + 6]
    if after and after[0][0] == "target":
        return after[0]
    if section and section.kind:
        return section.kind, "section"
    return "actual", None


def _year_of(word: str) -> int | None:
    match = YEAR.search(word)
    return int(match.group()) if match else None


def _decide_period(text: str, figure: FigureSpan, periods, scan: _DocumentScan, s: int,
                   section: _Section | None, year: int | None, published: dt.date | None) -> Period:
    """The nearest period phrase before the figure, else in its paragraph, section or document."""
    is_average = "年均" in text[max(0, figure.start - 8):figure.start]
    review = section is not None and section.year is not None
    fallback_year = year or (published.year if published else 2000)
    before = bisect.bisect_left(periods, figure.start, key=lambda item: item[0])
    match, source = (periods[before - 1][1], "text") if before else (scan.opening_period(s), "paragraph")
    if match is not None:
        start, end = scan.resolve(match, fallback_year, published, review)
        return Period(match.group().translate(QUOTE_MARKS), start, end, is_average, source)
    if is_average and section and section.plan:
        first, last = PLAN_SPANS[section.plan]
        return Period(section.plan, dt.date(first, 1, 1), dt.date(last, 12, 31), True, "section")
    if section and section.year:
        y = section.year
        return Period(None, dt.date(y, 1, 1), dt.date(y, 12, 31), is_average, "section")
    if year:
        return Period(None, dt.date(year, 1, 1), dt.date(year, 12, 31), is_average, "document")
    return Period(None, None, None, is_average, "none")


def _direction(text: str, figure: FigureSpan, floor: int) -> str | None:
    match = DIRECTION.search(text, max(floor, figure.start - 8), figure.start)
    return match.lastgroup if match else None


def _row(doc_id, s, sentence_text, figure: FigureSpan, metric, kind, cue, period: Period, place_name,
         place_code, direction) -> tuple:
    """One record, in the order of INDICATOR_COLUMNS."""
    return (
        doc_id, s, figure.start, figure.end, figure.quote, sentence_text, figure.value,
        figure.value_high, figure.unit, figure.qualifier, figure.approximate, metric,
        parse_indicator(metric), direction, kind, cue, period.text, period.start, period.end,
        period.source, period.is_average, place_name, place_code, figure.is_threshold,
    )
