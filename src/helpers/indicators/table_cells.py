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
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from helpers.indicators.figures import FigureSpan, find_figures

TABLE_LINE = re.compile(r"^[^\n|]*\|[^\n]*\|[^\n]*$", re.M)  # a line with two bars or more
# A unit in brackets closing a header cell: "年末数(人)", "比重(%)" (海城, 2020)
HEADER_UNIT = re.compile(r"[(（]\s*(?P<unit>[^()（）\s]{1,6})\s*[)）]\s*$")
BARE_NUMBER = re.compile(r"^\s*(?P<number>-?\d+(?:\.\d+)?)\s*$")


class TableFigure(NamedTuple):
    """A figure in a cell and its metric: the row's label and the column's header without its unit."""

    figure: FigureSpan
    metric: str


def find_table_figures(text: str) -> list[TableFigure]:
    """The figures in the cells of the text's tables, in order; offsets index ``text``.

    >>> text = "表1 2020年年末人口数及其构成 | ||\\n指 标 | 年末数(人) | 比重(%) |\\n全市总人口 | 1056955 | 100 |\\n"
    >>> [(f.quote, f.value, f.unit, text[f.start:f.end], metric) for f, metric in find_table_figures(text)]
    [('1056955', 1056955.0, '人', '1056955', '全市总人口 年末数'), ('100', 100.0, '%', '100', '全市总人口 比重')]
    >>> find_table_figures("| 索引号 | 116104810160239447/2025-00655 | 发文日期 | 2025-09-01 |")
    []
    """
    if "|" not in text:
        return []
    figures: list[TableFigure] = []
    lines = list(TABLE_LINE.finditer(text))
    i = 0
    while i < len(lines):
        block = [lines[i]]
        while i + 1 < len(lines) and lines[i + 1].start() == block[-1].end() + 1:
            i += 1
            block.append(lines[i])
        i += 1
        figures.extend(_read_table(text, block))
    return figures


def _read_table(text: str, rows: list[re.Match]) -> list[TableFigure]:
    """The figures of one table: its header is the last row before the first row with a number."""
    cells = [_split_cells(text, row) for row in rows]
    first_data = next((n for n, row in enumerate(cells) if any(BARE_NUMBER.match(c) for _, c in row)), None)
    if not first_data:  # no header above the numbers (or no numbers)
        return []
    header = [c.strip() for _, c in cells[first_data - 1]]
    units = [_header_unit(cell) for cell in header]
    names = [HEADER_UNIT.sub("", cell).replace(" ", "") for cell in header]
    figures = []
    for row in cells[first_data:]:
        if len(row) != len(header):
            continue  # a row that does not line up with the header: its columns cannot be told
        for column, (start, cell) in enumerate(row):
            number = BARE_NUMBER.match(cell)
            if number is None or not units[column]:
                continue
            scale = _parse_unit(units[column])
            if scale is None:
                continue
            factor, base = scale
            begin = start + number.start("number")
            quote = number.group("number")
            metric = " ".join(part for part in (row[0][1].strip(), names[column]) if part) if column else names[column]
            figures.append(TableFigure(FigureSpan(begin, begin + len(quote), quote, float(quote) * factor, None, base,
                                                  None, False, False), metric))
    return figures


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
