"""Undo print layout in text taken from PDFs: running headers, footers, page numbers and broken lines.

Each function takes text (one line per paragraph, as the boilerplate step leaves it) and returns
``(text, edits)`` like the other cleaning steps. A PDF's text layer breaks lines where the page did,
inside sentences, numbers and units (``12.5亿\\n元``, ``10%以\\n上``), and repeats the page's header
and footer on every page; web text has none of this, and these steps leave it alone.
"""

from __future__ import annotations

import re
from collections import Counter

from helpers.corpus.edits import CONTEXT, Edit

# A page number on a line of its own: "— 3 —", "- 12 -", "3", "第3页", "第 3 页 共 20 页", "3/20"
PAGE_NUMBER = re.compile(r"^[-—–·\s]*(?:第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}(?:\s*/\s*\d{1,4})?)"
                         r"[-—–·\s]*$", re.M)
# …but a bare number on its own line under a table header that opens with 序号 numbers the table's rows (湖州's table of
# how the work report's tasks went by mid-2023, one cell a line): in such a text only a decorated page number ("— 3 —",
# "第3页") is one
TABLE_INDEX_HEADER = re.compile(r"^[ \t]*序号[ \t]*$", re.M)
BARE_NUMBER_LINE = re.compile(r"^[ \t]*\d{1,4}[ \t]*$")
# …and bare numbers are page numbers only when they count up a page at a time, at least PAGE_MIN_CHARS apart: the cells
# "6", "8", "5" of a short page's table of goals (目标(%) beside 完成(%), one cell a line as trafilatura gives a page it
# reads whole) had gone as page numbers, the goals with them
PAGE_MIN_CHARS = 200
# A repeated print header or footer: "沈阳市人民政府公报 2025年第3期", "政府工作报告(全文)"; compared with
# its digits masked, so "第3期" and "第4期" are the same line
DIGITS = re.compile(r"\d+")
RUNNING_LINE_MAX = 40
RUNNING_LINE_MIN_REPEATS = 3
RUNNING_LINE_MIN_WORDS = 4  # characters besides digits: "2025年" over each 辽宁亮点 block is no header
# (letters only, not spaces or marks: the cells "5以上 |", "6以上 |", "8以上 |" of 淮南's table of goals, July 2025, are figures)
NOT_A_WORD = re.compile(r"[\d\W_]+")
# …nor a table's cells of rates: "预计7%左右" under 地区生产总值, "预计6%左右" under another indicator (绍兴's plan report
# of January 2019, its targets and results one cell a line)
RATE_CELL = re.compile(r"\d\s*(?:%|‰|个百分点)")
# Lines that are never headers or footers even when repeated: numbered headings, sentences
HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、])")
SENTENCE_END = re.compile(r"[。!?;:！？；：,，]$")
# A line break inside a number or between a number and its unit or qualifier:
# "12.5亿\n元", "10%以\n上", "增长5.\n6%", "1350.97\n亿斤"; not a digit after a digit, which is two cells of a table one
# cell a line ("6\n5.5": a goal and its result had become 65.5)
BROKEN_NUMBER = re.compile(  # (the line break first: the regex engine skips ahead to it)
    r"\n(?:(?<=\d\n)(?=[.%‰万亿千百元吨人个家项亩户所套座条件名次倍斤米])"
    r"|(?<=[\d.][万亿千百]\n)(?=[元吨人个家项亩户所套座条件名次倍斤米])"
    r"|(?<=\d\.\n)(?=\d)"
    r"|(?<=[\d%]以\n)(?=[上下内]))"
)
# A row of a table as trafilatura writes it, "| 地区生产总值增速 | 6 | 5.5 |": never a wrapped line
TABLE_ROW_LINE = re.compile(r"[ \t]*\|")
# A wrapped text: this many lines of its most common length (give or take WIDTH_SLACK characters)
WRAPPED_MIN_LINES = 5
# A line that opens with a bullet is a list item, short by design: "■全面推进灾后恢复重建,基本完成目标任务"
# and its six siblings of 19-21 characters (四川 2010) are not a text wrapped at 20
BULLET_LINE = re.compile(r"^\s*[■□●○◆◇▪▫•▶►★☆◎※]")
WRAPPED_MIN_SHARE = 0.5  # most lines of a wrapped text run to the margin
WIDTH_SLACK = 2
WRAP_MIN_WIDTH = 20  # a printed page's line holds at least this many characters
LINE_END_PUNCTUATION = "。!?;:！？；：”’」』)）"


def strip_running_headers(text: str) -> tuple[str, list[Edit]]:
    """Remove page numbers and the short lines a printed document repeats on every page.

    >>> text = "沈阳市人民政府公报\\n一、工作回顾\\n全市生产总值增长5%,\\n— 1 —\\n沈阳市人民政府公报\\n规上工业增长4%。\\n— 2 —\\n沈阳市人民政府公报\\n完成。"
    >>> strip_running_headers(text)[0]
    '一、工作回顾\\n全市生产总值增长5%,\\n规上工业增长4%。\\n完成。'
    """
    lines = [line for line in _lines(text) if len(line[2]) <= RUNNING_LINE_MAX]  # only short lines repeat
    counts = Counter(DIGITS.sub("#", line.strip()) for _, _, line in lines if line.strip())
    rows_numbered = TABLE_INDEX_HEADER.search(text) is not None
    page_numbers = {(start, end) for start, end, line in lines if PAGE_NUMBER.fullmatch(line)
                    and not (rows_numbered and BARE_NUMBER_LINE.match(line))}
    bare = [(start, int(line)) for start, end, line in lines if (start, end) in page_numbers and BARE_NUMBER_LINE.match(line)]
    if bare and not _count_pages(bare):
        page_numbers = {span for span in page_numbers if not BARE_NUMBER_LINE.match(text[span[0]:span[1]])}
    removed: list[tuple[int, int, str]] = []
    for start, end, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if len(page_numbers) >= 2 and (start, end) in page_numbers:
            removed.append((start, end, "page_number"))
        elif (counts.get(DIGITS.sub("#", stripped), 0) >= RUNNING_LINE_MIN_REPEATS
              and len(NOT_A_WORD.sub("", stripped)) >= RUNNING_LINE_MIN_WORDS
              and not HEADING_START.match(stripped) and not SENTENCE_END.search(stripped)
              and not _is_role_heading(stripped) and not RATE_CELL.search(stripped)):
            removed.append((start, end, "running_header"))
    return _remove_lines(text, removed)


def _count_pages(numbers: list[tuple[int, int]]) -> bool:
    """Whether bare numbers on lines of their own, (offset, value) in text order, count pages: up by one or a few,
    a page's worth of text apart.

    >>> _count_pages([(0, 1), (900, 2), (1800, 3)]), _count_pages([(100, 6), (120, 8), (140, 5)])
    (True, False)
    """
    return all(0 < b - a <= 3 and later - earlier >= PAGE_MIN_CHARS
               for (earlier, a), (later, b) in zip(numbers, numbers[1:]))


def join_broken_lines(text: str) -> tuple[str, list[Edit]]:
    """Join lines broken inside a number or its unit, and, in a text wrapped at a fixed width, lines
    broken inside a sentence.

    >>> join_broken_lines("一般公共预算收入12.5亿\\n元,增长10%以\\n上,5.\\n6%。")[0]
    '一般公共预算收入12.5亿元,增长10%以上,5.6%。'
    >>> wrapped = "\\n".join(["全省地区生产总值增长百分之五,规模以上工业增加值增长", "百分之六,固定资产投资增长百分之四,社会消费品零", "售总额增长百分之五左右,一般公共预算收入增长百分", "之三,城镇新增就业四十五万人,城镇调查失业率控制", "在百分之五点五以内,居民收入增长与经济增长同步。", "二、工作安排"])
    >>> join_broken_lines(wrapped)[0].count("\\n")
    1
    """
    breaks = {m.start(): "broken_number" for m in BROKEN_NUMBER.finditer(text)}
    width = _wrap_width(text)
    if width:
        position = 0
        for line in text.split("\n")[:-1]:
            end = position + len(line)
            if width - WIDTH_SLACK <= len(line) <= width and not line.endswith(tuple(LINE_END_PUNCTUATION)) \
                    and not HEADING_START.match(text, end + 1) and not TABLE_ROW_LINE.match(line) \
                    and not TABLE_ROW_LINE.match(text, end + 1):
                breaks.setdefault(end, "wrapped_line")
            position = end + 1
    if not breaks:
        return text, []
    edits = [Edit("layout", rule, at, at + 1, "\n", "", text[max(0, at - CONTEXT):at], text[at + 1:at + 1 + CONTEXT])
             for at, rule in sorted(breaks.items())]
    pieces, last = [], 0
    for edit in edits:
        pieces.append(text[last:edit.start])
        last = edit.end
    pieces.append(text[last:])
    return "".join(pieces), edits


def _wrap_width(text: str) -> int | None:
    """The width a text is wrapped at, or None when its lines are paragraphs of any length."""
    lengths = [len(line) for line in text.split("\n")
               if len(line) >= 10 and not BULLET_LINE.match(line) and not TABLE_ROW_LINE.match(line)]
    if len(lengths) < WRAPPED_MIN_LINES:
        return None
    counts = Counter(lengths)
    width = max(counts, key=lambda n: (sum(counts.get(n - k, 0) for k in range(WIDTH_SLACK + 1)), n))
    near = sum(counts.get(width - k, 0) for k in range(WIDTH_SLACK + 1))
    if width >= WRAP_MIN_WIDTH and near >= WRAPPED_MIN_LINES and near >= WRAPPED_MIN_SHARE * len(lengths):
        return width
    return None


def _is_role_heading(line: str) -> bool:
    """A short line with a section heading word ("辽宁亮点"): repeated on purpose, not by the printer."""
    from helpers.corpus.sections import parse_heading_role

    return parse_heading_role(line) is not None


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end including the line break, line) of every line."""
    found, position = [], 0
    for line in text.split("\n"):
        end = position + len(line)
        found.append((position, min(end + 1, len(text)), line))
        position = end + 1
    return found


def _remove_lines(text: str, removed: list[tuple[int, int, str]]) -> tuple[str, list[Edit]]:
    if not removed:
        return text, []
    edits = [Edit("layout", rule, start, end, text[start:end], "", text[max(0, start - CONTEXT):start],
                  text[end:end + CONTEXT]) for start, end, rule in removed]
    pieces, last = [], 0
    for edit in edits:
        pieces.append(text[last:edit.start])
        last = edit.end
    pieces.append(text[last:])
    return "".join(pieces), edits
