"""Find the figures in the cells of a text table: a bare number whose unit its column's header names.

Tables reach a document's text as trafilatura writes them, a row a line and the cells between bars
(海城's statistical bulletin of 2020):

    指 标 | 年末数(人) | 比重(%) |
    全市总人口 | 1056955 | 100 |

The number in a cell carries no unit of its own: the column's header names it ("年末数(人)"). The
sentence reader (`figures.find_figures`) cannot see these, so a bulletin's tables gave no figures.
Here a cell gives a figure only when its header names a unit that parses as a figure's
(`figures.find_figures` reads "1亿元" for the factor and the base unit) and its row lines up with the
header; a table without units, such as a page's metadata ("索引号 | … | 发文日期 | 2025-09-01"),
gives nothing.

Some pages reach the text with one cell a line, each closed by a bar, and rows set apart by a lone bar
(淮南's half-year report on its 2025 goals) or by nothing but their count of cells (湖南's 2021 民生实事
table, rows opening with their number):

    |
    指标名称 |
    预期增长(%) |
    上半年完成(%) |
    |
    地区生产总值 |
    6左右 |
    4 |

Some tables reach the text without bars: the cells apart by spaces, the headers broken over several
lines, and the unit of every bare number on a line of its own above them (达州's report on its key
projects of January-July 2018):

      单位:亿元
    县(市、区) 1-7月固投
    …
    达州市 12.9% 527.3 371.5 291.5 78.5%
    通川区 13.7% 59.4 43.4 35.9 82.7%

The columns cannot be told from such headers, so a bare number under a unit line takes that unit and the
row's label as its metric; a number with its own unit (12.9%) is the sentence reader's.

Two more layouts give kinds without figures of their own: a table of goals against results one cell a line, with
neither bars nor 序号, whose header has a line 目标 (绍兴's plan report of January 2019: the values standing together in a
row are the goal and the result), and tasks laid out as records, each followed by 责任单位:… and 完成情况:… (漯河's
实事 of 2024: the task is the goal, its progress the result).

A column's header also says what kind its figures are: 预期增长 and 年度目标 hold goals, 上半年完成 and
完成情况 results, 计划投资额 an arrangement (``resources/column_kinds.csv``); `find_cell_kinds` gives
that kind for every cell under such a header, whoever reads the cell's figure.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from helpers.corpus.layout import TABLE_INDEX_HEADER
from helpers.indicators.figures import FigureSpan, scale_number, find_figures
from helpers.lexicon import load_column_kinds

TABLE_LINE = re.compile(r"^[^\n|]*\|[^\n]*\|[^\n]*$", re.M)  # a line with two bars or more
# One cell a line, closed by a bar ("预期增长(%) |"), or a lone bar between rows
CELL_LINES = re.compile(r"(?:^(?:[^\n|]*[^\s|][^\n|]*)?\|[ \t]*(?:\n|$))+", re.M)
LONE_BAR = re.compile(r"^\|[ \t]*$")
MIN_CELL_LINES = 6  # fewer cells a line are a stray bar, not a table
# A unit in brackets closing a header cell: "年末数(人)", "比重(%)" (海城, 2020)
HEADER_UNIT = re.compile(r"[(（]\s*(?P<unit>[^()（）\s]{1,6})\s*[)）]\s*$")
# A number alone in its cell, perhaps with a goal's qualifier: "6左右", "6.5以上" (淮南, 2025)
BARE_NUMBER = re.compile(r"^\s*(?P<number>-?\d+(?:\.\d+)?)(?P<qualifier>左右|以上|以下|以内)?\s*$")
# A table stacked one cell a line, without bars or row numbers, as statistics bureaus' pages reach the text (上海's
# 2024年5月社会消费品零售总额; its 2022年上半年生产总值 with each header broken over two lines, "总量\n(亿元)\n比上年同期\n增长(%)"):
#     指标\n本月\n比去年同月增长(%)\n1-本月\n比去年同期增长(%)\n社会消费品零售总额(亿元)\n1590.93\n1.6\n7652.26\n-0.7\n# 批发零售业\n…
# A header line ending with a unit in brackets marks one; a row is a name on its line and its numbers on theirs
STACKED_HEADER_LINE = re.compile(r"[(（][^()（）\n]{1,6}[)）][ \t]*\n")
STACKED_HEADER_ONLY_UNIT = re.compile(r"^\s*[(（][^()（）]{1,6}[)）]\s*$")  # a header's second line: "(亿元)"
STACKED_NAME = re.compile(r"^[ \t#]*(?P<name>[^\d\s|#][^\n|]{0,29})$")
MIN_STACKED_ROWS = 2
# A header cell over a column of units ("一级指标 | 二 级 指 标 | 计量单位 | 1-3月 |", 青海 2018), and the number opening a row's name
# ("1.地区生产总值(GDP)增长率")
UNIT_COLUMN_HEADERS = ("单位", "计量单位")
ROW_NUMBERING = re.compile(r"^\d{1,2}[.、．]\s*")
# A line that gives the unit of the table below it and nothing else: "  单位:亿元" (达州, 2018)
UNIT_LINE = re.compile(r"^[ \t]*(?:计量)?单位[:：][ \t]*(?P<unit>[^\s,，;；、:：()（）]{1,6})[ \t]*$", re.M)
# A row of such a table: a label, then two numbers or more apart by spaces ("通川区 13.7% 59.4 43.4 35.9 82.7%")
SPACED_ROW = re.compile(r"^[ \t]*(?P<label>[^\s\d|.,，。:：;；][^\s|，。;；]{0,15})(?:[ \t]+-?\d+(?:\.\d+)?%?){2,}[ \t]*$")
SPACED_CELL = re.compile(r"(?<=[ \t])-?\d+(?:\.\d+)?(?=[ \t]|$)")  # a bare number in such a row: "527.3"
UNIT_TABLE_LINES = 60  # how far below its unit line a table's rows may run (headers broken over many lines)
# A table laid out one cell a line without bars, its header opening with 序号 (湖州's table of how the work report's tasks
# went by mid-2023; 温州's 实事 of 2018, 绍兴's of 2021, 苍南's of 2022): "序号\n目标任务\n推进情况\n1\n…"; its header line is
# cleaning's TABLE_INDEX_HEADER, under which cleaning keeps the row numbers
LINE = re.compile(r"^.*$", re.M)
MIN_COLUMNS, MAX_COLUMNS = 3, 8  # 序号 and two to seven more
HEADER_CELL_MAX = 12  # a header cell is short: "目前完成情况", "是否达到序时进度"
LAST_CELL_MAX_LINES = 8  # a row's last cell runs to this many lines at most (progress in numbered points); beyond, the table is over
MAX_SPLIT_HEADER_CELLS = 2  # header cells broken over two lines ("牵头\n市领导") that a table is mended for
SPLIT_HEADER_ROW_SHARE = 0.6  # …when at least this share of its rows agree on how many cells a row has
NUMBER_CELL = re.compile(r"^\s*-?\d+(?:\.\d+)?%?\s*$")  # a cell that opens a table's data: "1", "95.33%"

# Tasks laid out as records, each followed by who answers for it and how it went (漯河's 民生实事 of 2024):
#     1.持续深入推进“人人持证、技能河南”建设,全年开展职业技能培训4.7万人次以上,…
#     责任单位:市人力资源和社会保障局
#     完成情况:全市开展各类职业技能培训10万人次,…
RESPONSIBLE_LINE = re.compile(r"^[ \t]*(?:责任|牵头)(?:市领导|单位|部门|领导)[ \t]*[:：]", re.M)
PROGRESS_LINE = re.compile(r"^[ \t]*(?P<label>完成情况|进展情况|推进情况|进度情况|工作进展|实施情况|落实情况)[ \t]*[:：]", re.M)
TASK_RECORD_HEADER = "任务"  # the kind the task of such a record takes is that of a column headed 任务

# A table of a year's goals against what was done, one cell a line, without bars or 序号 (绍兴's plan report of January
# 2019, 表1: "指标\n类型\n指标名称\n目标\n全年实绩\n规模\n地区生产总值\n7%左右\n预计7%左右\n…"): rows open with their
# labels; values standing together after a label fill the columns with a kind in order, a lone value is left unread
# A rank or a bare count in a column after the goal and the result (清远's 全省排名, January 2021)
RANK_CELL = re.compile(r"\d{1,3}")
GOAL_HEADER_LINE = re.compile(r"^[ \t]*(?:年度|全年|年初)?(?:预期|计划)?目标(?:值|数)?[ \t]*$", re.M)
VALUE_LINE = re.compile(r"[ \t]*(?:预计|约)?[ \t]*[-+]?\d+(?:\.\d+)?[ \t]*[^\d\s,，。;；:：年月日]{0,5}[ \t]*")
VALUE_TABLE_LINE_MAX = 24  # a longer line is text after the table
ESTIMATE_WORD = "预计"  # a result cell that says it is estimated: "预计7.3 %左右"

Cell = tuple[int, str]  # (offset in the text, content)


class TableFigure(NamedTuple):
    """A figure in a cell and its metric: the row's label and the column's header without its unit."""

    figure: FigureSpan
    metric: str


class CellKind(NamedTuple):
    """A cell under a header that says what kind its figures are."""

    start: int
    end: int
    kind: str
    header: str


def find_table_figures(text: str) -> list[TableFigure]:
    """The figures in the cells of the text's tables, in order; offsets index ``text``.

    >>> text = "表1 2020年年末人口数及其构成 | ||\\n指 标 | 年末数(人) | 比重(%) |\\n全市总人口 | 1056955 | 100 |\\n"
    >>> [(f.quote, f.value, f.unit, text[f.start:f.end], metric) for f, metric in find_table_figures(text)]
    [('1056955', 1056955.0, '人', '1056955', '全市总人口 年末数'), ('100', 100.0, '%', '100', '全市总人口 比重')]
    >>> find_table_figures("| 索引号 | 116104810160239447/2025-00655 | 发文日期 | 2025-09-01 |")
    []
    >>> text = "|\\n指标名称 |\\n预期增长(%) |\\n上半年完成(%) |\\n|\\n地区生产总值 |\\n6左右 |\\n4 |\\n"
    >>> [(f.quote, f.unit, f.qualifier, metric) for f, metric in find_table_figures(text)]
    [('6左右', '%', '左右', '地区生产总值 预期增长'), ('4', '%', None, '地区生产总值 上半年完成')]
    """
    return read_table_cells(text)[0]


def find_cell_kinds(text: str) -> list[CellKind]:
    """Every data cell of the text's tables whose column header says what kind its figures are (see
    ``resources/column_kinds.csv``), in order.

    >>> text = "|\\n指标名称 |\\n预期增长(%) |\\n上半年完成(%) |\\n|\\n地区生产总值 |\\n6左右 |\\n4 |\\n"
    >>> [(text[c.start:c.end], c.kind, c.header) for c in find_cell_kinds(text)]
    [('6左右 ', 'target', '预期增长(%)'), ('4 ', 'actual', '上半年完成(%)')]
    """
    return read_table_cells(text)[1]


def may_hold_tables(text: str) -> bool:
    """Whether ``text`` has a mark of any layout `read_table_cells` reads (a cheap test before the reading)."""
    return ("|" in text or "单位" in text or "序号" in text or "部门" in text or "领导" in text
            or ("目标" in text and GOAL_HEADER_LINE.search(text) is not None)
            or ("\n" in text and STACKED_HEADER_LINE.search(text) is not None))


def read_table_cells(text: str) -> tuple[list[TableFigure], list[CellKind]]:
    """Both at once, the tables split once: the figures of the cells (`find_table_figures`) and the cells under a
    header that says their kind (`find_cell_kinds`)."""
    figures: list[TableFigure] = _read_unit_tables(text) if "单位" in text else []
    if STACKED_HEADER_LINE.search(text):
        figures.extend(_read_stacked_tables(text))
    cells: list[CellKind] = []
    if "单位" in text or "部门" in text or "领导" in text:
        cells.extend(_find_task_records(text))
    if "目标" in text:
        cells.extend(_find_goal_value_tables(text))
    for header, rows in _find_tables(text) + (_find_numbered_tables(text) if "序号" in text else []):
        figures.extend(_read_table(header, rows))
        kinds = [_column_kind(cell) for _, cell in header]
        for row in rows:
            if len(row) != len(header):
                continue
            cells.extend(CellKind(start, start + len(cell), kind, header[column][1].strip())
                         for column, ((start, cell), kind) in enumerate(zip(row, kinds)) if kind and cell.strip())
    return sorted(figures, key=lambda cell: cell.figure.start), sorted(cells)


def _find_tables(text: str) -> list[tuple[list[Cell], list[list[Cell]]]]:
    """(header, data rows) of each table of the text, in either layout; the header is the last row before
    the first row with a number."""
    if "|" not in text:
        return []
    tables = []
    lines = list(TABLE_LINE.finditer(text))
    i = 0
    while i < len(lines):
        block = [lines[i]]
        while i + 1 < len(lines) and lines[i + 1].start() == block[-1].end() + 1:
            i += 1
            block.append(lines[i])
        i += 1
        tables.append(_split_header([_split_cells(text, row) for row in block]))
    if " |\n" in text or text.endswith(" |"):
        for block in CELL_LINES.finditer(text):
            rows = _rows_of_cell_lines(block)
            if rows:
                tables.append(_split_header(rows))
    return [table for table in tables if table is not None]


def _find_numbered_tables(text: str) -> list[tuple[list[Cell], list[list[Cell]]]]:
    """(header, rows) of each table laid out one cell a line without bars, under a header that opens with 序号 and rows
    that open with their number; a row's lines beyond the header's width are its last cell's (a column of progress
    told in numbered points).

    >>> text = "序号\\n目标任务\\n推进情况\\n1\\n压减一般性支出15%以上。\\n1.出台实施意见。\\n2.支出完成年初预算的54.8%\\n2\\n增长6%左右。\\n完成增长5.2%。\\n"
    >>> [[cell for _, cell in row] for row in _find_numbered_tables(text)[0][1]]
    [['1', '压减一般性支出15%以上。', '1.出台实施意见。\\n2.支出完成年初预算的54.8%'], ['2', '增长6%左右。', '完成增长5.2%。']]
    """
    tables = []
    for opening in TABLE_INDEX_HEADER.finditer(text):
        lines = ((m.start(), m.group()) for m in LINE.finditer(text, opening.start()) if m.group().strip())
        header: list[Cell] = []
        at, line = opening.start(), ""
        for at, line in lines:
            if line.strip().isdigit() or len(header) > MAX_COLUMNS or len(line.strip()) > HEADER_CELL_MAX:
                break
            header.append((at, line))
        width = len(header)
        if not line.strip().isdigit() or not MIN_COLUMNS <= width <= MAX_COLUMNS:
            continue
        # (a table may go on numbering from the one before: "…主抓重点工作\n序号\n目标任务\n推进情况\n2", 湖州 2023)
        rows, row, number = [], [(at, line)], int(line.strip()) + 1
        for at, line in lines:
            if line.strip() == str(number):
                rows.append(row)
                row, number = [(at, line)], number + 1
            elif line.strip() == "序号" or len(row) >= width + LAST_CELL_MAX_LINES:
                break  # the next table's header, or text after the table
            else:
                row.append((at, line))
        rows.append(row)
        header, width = _merge_split_header(header, rows)
        aligned = []
        for row in rows:
            if len(row) < width:
                continue  # a row with cells missing cannot be told by column
            last_start = row[width - 1][0]
            last_end = row[-1][0] + len(row[-1][1])
            aligned.append(row[:width - 1] + [(last_start, text[last_start:last_end])])
        if aligned:
            tables.append((header, aligned))
    return tables


def _find_goal_value_tables(text: str) -> list[CellKind]:
    """The value cells of each table of goals against results laid out one cell a line (see GOAL_HEADER_LINE), with
    the kind of their column.

    >>> text = "指标名称\\n目标\\n全年实绩\\n地区生产总值\\n7%左右\\n预计7%左右\\n财政收入\\n9%\\n16.2%\\nGDP产税率\\n12.5%左右\\n预计可以完成\\n"
    >>> [(text[c.start:c.end], c.kind, c.header) for c in _find_goal_value_tables(text)]
    [('7%左右', 'target', '目标'), ('预计7%左右', 'forecast', '全年实绩'), ('9%', 'target', '目标'), ('16.2%', 'actual', '全年实绩')]
    >>> text = "指标名称\\n预期目标\\n完成情况\\n全省排名\\n地区生产总值增长(%)\\n6%左右\\n3.8%\\n4\\n进出口总额增长(%)\\n保持正增长\\n1.8%\\n8\\n"
    >>> [(text[c.start:c.end], c.kind) for c in _find_goal_value_tables(text)]
    [('6%左右', 'target'), ('3.8%', 'actual')]
    """
    cells: list[CellKind] = []
    for goal in GOAL_HEADER_LINE.finditer(text):
        lines = [(m.start(), m.group()) for m in LINE.finditer(text, goal.start()) if m.group().strip()]
        header = [(at, line.strip()) for at, line in lines[:MAX_COLUMNS] if len(line.strip()) <= HEADER_CELL_MAX
                  and not VALUE_LINE.fullmatch(line)]
        columns = []  # (kind, header) of the goal's column and the columns after it that have a kind
        for at, line in header:
            kind = _column_kind(line)
            if kind is None or (columns and kind == "target"):
                break
            columns.append((kind, line))
        if len(columns) < 2:
            continue  # a goal column alone is no table of goals against results
        # header cells after those with a kind (全省排名), before the first row's label: their values end each row
        first_value = next((i for i, (_, line) in enumerate(lines) if i >= len(columns) and VALUE_LINE.fullmatch(line)),
                           len(lines))
        extra = max(0, first_value - len(columns) - 1)
        run: list[Cell] = []  # the values since the last line that is not one
        for at, line in lines[len(columns):] + [(len(text), "")]:
            if VALUE_LINE.fullmatch(line):
                run.append((at + len(line) - len(line.lstrip()), line.strip()))
                continue
            for _ in range(extra):  # a rank, a bare count, is the extra column's ("1.8%\n8" under 保持正增长: 8 is a rank)
                if run and RANK_CELL.fullmatch(run[-1][1]):
                    run.pop()
            if len(run) >= 2:  # a lone value may sit in either column ("与市保持同步\n9.8%": the goal is in words)
                for (begin, value), (kind, name) in zip(run, columns):
                    kind = "forecast" if kind == "actual" and value.startswith(ESTIMATE_WORD) else kind
                    cells.append(CellKind(begin, begin + len(value), kind, name))
            run = []
            if len(line.strip()) > VALUE_TABLE_LINE_MAX:
                break
    return cells


def _find_task_records(text: str) -> list[CellKind]:
    """The task and the progress of each record laid out as task, responsible unit, progress (see RESPONSIBLE_LINE): the
    task's line takes the kind of a 任务 column, the progress's that of its label; a record without a progress line says
    nothing.

    >>> text = "1.全年开展职业技能培训4.7万人次以上。\\n责任单位:市人社局\\n完成情况:全市开展培训10万人次。\\n"
    >>> [(text[c.start:c.end], c.kind, c.header) for c in _find_task_records(text)]
    [('1.全年开展职业技能培训4.7万人次以上。', 'target', '任务'), ('完成情况:全市开展培训10万人次。', 'actual', '完成情况')]
    """
    task_kind = _column_kind(TASK_RECORD_HEADER)
    cells = []
    for responsible in RESPONSIBLE_LINE.finditer(text):
        task_end = text.rfind("\n", 0, responsible.start())
        if task_end <= 0:
            continue
        task_start = text.rfind("\n", 0, task_end) + 1
        after = responsible.end()
        for _ in range(2):  # the progress line is one of the two lines after the unit's
            after = text.find("\n", after)
            if after < 0:
                break
            line_end = text.find("\n", after + 1)
            line_end = len(text) if line_end < 0 else line_end
            progress = PROGRESS_LINE.match(text, after + 1, line_end)
            if progress and RESPONSIBLE_LINE.match(text, task_start, task_end) is None and text[task_start:task_end].strip():
                cells.append(CellKind(task_start, task_end, task_kind, TASK_RECORD_HEADER))
                cells.append(CellKind(after + 1, line_end, _column_kind(progress.group("label")) or "actual",
                                      progress.group("label")))
                break
            after += 1
    return cells


def _merge_split_header(header: list[Cell], rows: list[list[Cell]]) -> tuple[list[Cell], int]:
    """The header with a cell broken over two lines made one again, and its width: when most rows hold fewer cells
    than the header has lines, the shortest neighbours are joined, as many times as lines are too many (余姚's 民生实事
    at May 2025: "序号\n目标任务\n牵头\n市领导\n责任单位\n进展情况\n形象进度(%)" over rows of six cells, 牵头市领导 being one).

    >>> header = [(0, "序号"), (3, "目标任务"), (8, "牵头"), (11, "市领导"), (15, "责任单位"), (20, "进展情况")]
    >>> rows = [[(0, "1"), (2, "新建充电桩350个"), (12, "吕 乐"), (16, "市发改局"), (21, "新建99个。")]] * 3
    >>> _merge_split_header(header, rows)
    ([(0, '序号'), (3, '目标任务'), (8, '牵头市领导'), (15, '责任单位'), (20, '进展情况')], 5)
    """
    lengths = Counter(len(row) for row in rows)
    common, count = lengths.most_common(1)[0]
    extra = len(header) - common
    if not 0 < extra <= MAX_SPLIT_HEADER_CELLS or common < MIN_COLUMNS or count < max(2, SPLIT_HEADER_ROW_SHARE * len(rows)):
        return header, len(header)
    header = list(header)
    for _ in range(extra):  # 序号 stays a cell of its own
        i = min(range(1, len(header) - 1), key=lambda j: len(header[j][1].strip()) + len(header[j + 1][1].strip()))
        header[i:i + 2] = [(header[i][0], header[i][1].strip() + header[i + 1][1].strip())]
    return header, len(header)


def _read_unit_tables(text: str) -> list[TableFigure]:
    """The bare numbers of the tables without bars that a unit line heads, with that unit.

    >>> text = "  单位:亿元\\n县(市、区) 1-7月固投\\n年度投资计划\\n达州市 12.9% 527.3 371.5\\n通川区 13.7% 59.4 43.4\\n"
    >>> [(f.quote, f.value, f.unit, metric) for f, metric in _read_unit_tables(text)][:3]
    [('527.3', 52730000000.0, '元', '达州市'), ('371.5', 37150000000.0, '元', '达州市'), ('59.4', 5940000000.0, '元', '通川区')]
    >>> _read_unit_tables("(责任单位:市扶贫办)\\n1.减少农村扶贫对象6.76万人")
    []
    """
    figures = []
    for unit_line in UNIT_LINE.finditer(text):
        scale = _parse_unit(unit_line.group("unit"))
        if scale is None:
            continue
        factor, base = scale
        at = unit_line.end() + 1
        for _ in range(UNIT_TABLE_LINES):
            if at >= len(text):
                break
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            line = text[at:end]
            if "。" in line or UNIT_LINE.match(line):
                break  # a sentence, or the next table's unit: this table is over
            row = SPACED_ROW.match(line)
            if row:
                label = row.group("label")
                for cell in SPACED_CELL.finditer(line, row.end("label")):
                    quote = cell.group()
                    value = scale_number(quote, int(factor)) if factor.is_integer() else float(quote) * factor
                    figures.append(TableFigure(FigureSpan(at + cell.start(), at + cell.end(), quote, value, None, base,
                                                          None, False, False), label))
            at = end + 1
    return figures


def _split_header(rows: list[list[Cell]]) -> tuple[list[Cell], list[list[Cell]]] | None:
    first_data = next((n for n, row in enumerate(rows) if any(BARE_NUMBER.match(c) for _, c in row)), None)
    if not first_data:  # no header above the numbers (or no numbers)
        return None
    return rows[first_data - 1], rows[first_data:]


def _rows_of_cell_lines(block: re.Match) -> list[list[Cell]]:
    """The rows of a block of one-cell lines: between lone bars, or, without them, of as many cells as the
    header has (the cells before the first that holds a number)."""
    cells: list[Cell | None] = []  # None: a lone bar
    at = block.start()
    for line in block.group().split("\n"):
        if line.strip():
            cells.append(None if LONE_BAR.match(line) else (at, line[:line.rindex("|")]))
        at += len(line) + 1
    if sum(cell is not None for cell in cells) < MIN_CELL_LINES:
        return []
    if None in cells:
        rows, row = [], []
        for cell in cells:
            if cell is None:
                if row:
                    rows.append(row)
                row = []
            else:
                row.append(cell)
        return rows + ([row] if row else [])
    width = next((n for n, cell in enumerate(cells) if cell and NUMBER_CELL.match(cell[1])), 0)
    if width < 2:
        return []
    flat = [cell for cell in cells if cell is not None]
    return [flat[:width]] + [flat[n:n + width] for n in range(width, len(flat) - width + 1, width)]


def _read_table(header: list[Cell], rows: list[list[Cell]]) -> list[TableFigure]:
    """The figures of one table whose header cells name a unit, or that has a column of units."""
    if any(cell.replace(" ", "").strip() in UNIT_COLUMN_HEADERS for _, cell in header):
        return _read_unit_column(rows)
    names_and_units = [(HEADER_UNIT.sub("", cell.strip()).replace(" ", ""), _header_unit(cell.strip())) for _, cell in header]
    figures = []
    for row in rows:
        if len(row) == len(header) + 1 and len(names_and_units) == len(header):
            # the header's corner above the rows' names is empty: "| 绝 对 数 (亿元) | 比上年增长 (%) |" over "地区生产总值 | 617.50 |
            # 5.2 |" (玉环's bulletin of 2019)
            names_and_units.insert(0, ("", None))
        if len(row) != len(names_and_units):
            continue  # a row that does not line up with the header: its columns cannot be told
        label = next((cell.strip() for _, cell in row if cell.strip() and not NUMBER_CELL.match(cell)), "")
        for column, (start, cell) in enumerate(row):
            number = BARE_NUMBER.match(cell)
            name, unit = names_and_units[column]
            if number is None or not unit:
                continue
            scale = _parse_unit(unit)
            if scale is None:
                continue
            factor, base = scale
            begin = start + number.start("number")
            quote = cell.strip()
            value = float(number.group("number")) * factor
            metric = " ".join(part for part in (label, name) if part) if column else name
            figures.append(TableFigure(FigureSpan(begin, begin + len(quote), quote, value, None, base,
                                                  number.group("qualifier"), False, False), metric))
    return figures


def _read_stacked_tables(text: str) -> list[TableFigure]:
    """The figures of tables stacked one cell a line (see STACKED_HEADER_LINE): rows of a name and as many numbers as the
    table has columns, the columns' units read from the header lines above the first row, in order, or from the name of a
    row ("社会消费品零售总额(亿元)", which the rows below it share) for a column whose header names none."""
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    figures = []
    n = 0
    while n < len(lines):
        rows = _stacked_rows(lines, n)
        if len(rows) < MIN_STACKED_ROWS:
            n += 1
            continue
        width = len(rows[0][1])
        units = _stacked_units([line for _, line in lines[max(0, rows[0][0] - 2 * width - 1):rows[0][0]]], width)
        if units is not None:
            figures.extend(_read_stacked_rows(lines, rows, units))
        n = rows[-1][1][-1] + 1
    return figures


def _stacked_rows(lines: list[tuple[int, str]], first: int) -> list[tuple[int, list[int]]]:
    """(line of the name, lines of its numbers) of each row of a stacked table whose first row's name is line ``first``;
    a name without numbers between rows is a heading of the rows below it ("按产业分")."""
    rows: list[tuple[int, list[int]]] = []
    n = first
    while n < len(lines) and STACKED_NAME.match(lines[n][1]):
        numbers = []
        m = n + 1
        while m < len(lines) and BARE_NUMBER.match(lines[m][1]):
            numbers.append(m)
            m += 1
        if numbers and rows and len(numbers) != len(rows[0][1]):
            break
        if numbers and (len(numbers) >= 2 or rows):
            rows.append((n, numbers))
        elif numbers or not rows:
            break
        n = m
    return rows


def _stacked_units(header: list[str], width: int) -> list[tuple[str | None, str]] | None:
    """(unit, name) of each of ``width`` columns from the header lines above a stacked table: one a line when the last
    ``width`` lines are the columns' headers, else all its bracketed units in order when there are as many (the names
    then unknown: a header broken over lines)."""
    columns = header[-width:]
    broken = any(STACKED_HEADER_ONLY_UNIT.match(line) for line in header)
    if len(columns) == width and not broken and any(_header_unit(line.strip()) for line in columns) \
            and not any(BARE_NUMBER.match(line) for line in columns):
        return [(_header_unit(line.strip()), HEADER_UNIT.sub("", line).strip()) for line in columns]
    units = [unit for line in header for unit in [_header_unit(line.strip())] if unit]
    if len(units) == width:
        return [(unit, "") for unit in units]
    return None


def _read_stacked_rows(lines: list[tuple[int, str]], rows: list[tuple[int, list[int]]],
                       units: list[str | None]) -> list[TableFigure]:
    figures = []
    shared = None  # the unit a row's name gives the columns whose header names none, for the rows below it too
    for name_line, numbers in rows:
        name = STACKED_NAME.match(lines[name_line][1]).group("name").strip()
        shared = _header_unit(name) or shared
        for column, m in enumerate(numbers):
            unit = units[column][0] or shared
            scale = _parse_unit(unit) if unit else None
            if scale is None:
                continue
            start, cell = lines[m]
            number = BARE_NUMBER.match(cell)
            begin = start + number.start("number")
            quote = cell.strip()
            figures.append(TableFigure(FigureSpan(begin, begin + len(quote), quote, float(number.group("number")) * scale[0],
                                                  None, scale[1], number.group("qualifier"), False, False),
                                       " ".join(part for part in (HEADER_UNIT.sub("", name).strip(), units[column][1]) if part)))
    return figures


def _read_unit_column(rows: list[list[Cell]]) -> list[TableFigure]:
    """The figures of a table whose units stand in a column of their own: each bare number after a row's unit cell, its
    metric the cell before that unit. The unit is found by what it says, not by its column, since a row under a cell that
    spans two rows starts one cell to the left (青海's quality indicators of 2018: "经济稳定 | 1.地区生产总值(GDP)增长率 |
    % | 7.2 |" over "2.居民消费价格涨幅(CPI) | % | 2.7 |")."""
    figures = []
    for row in rows:
        at = next((n for n, (_, cell) in enumerate(row) if n and _parse_unit(cell.strip()) and not NUMBER_CELL.match(cell)),
                  None)
        if at is None:
            continue
        factor, base = _parse_unit(row[at][1].strip())
        metric = ROW_NUMBERING.sub("", row[at - 1][1].strip())
        for start, cell in row[at + 1:]:
            number = BARE_NUMBER.match(cell)
            if number is None:
                continue
            begin = start + number.start("number")
            quote = cell.strip()
            figures.append(TableFigure(FigureSpan(begin, begin + len(quote), quote, float(number.group("number")) * factor,
                                                  None, base, number.group("qualifier"), False, False), metric))
    return figures


def _column_kind(header: str) -> str | None:
    return next((kind for word, kind in load_column_kinds() if word in header), None)


def _split_cells(text: str, row: re.Match) -> list[tuple[int, str]]:
    """(offset in ``text``, content) of each cell of a row; the bars around the row make no cells."""
    line = row.group()
    cells, start = [], 0
    for part in line.split("|"):
        cells.append((row.start() + start, part))
        start += len(part) + 1
    if cells and not cells[0][1].strip():
        cells = cells[1:]
    while cells and not cells[-1][1].strip():
        cells = cells[:-1]
    return cells


def _header_unit(cell: str) -> str | None:
    found = HEADER_UNIT.search(cell)
    return found.group("unit") if found else None


@lru_cache(maxsize=256)
def _parse_unit(unit: str) -> tuple[float, str] | None:
    """(factor, base unit) of a unit as a header writes it: 亿元 → (100000000, 元), % → (1, %)."""
    found = find_figures("1" + unit)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(unit) + 1:
        return None
    return found[0].value, found[0].unit
