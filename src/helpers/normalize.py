"""Normalize text without changing its meaning: pinyin annotations, script, width, white space.

Each function takes text and returns ``(text, edits)``: the new text and the :class:`Edit`
records of what changed, with offsets into the text it was given.
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers.edits import Edit, diff_same_length, substitute_logged

TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_TONELESS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ", "aaaaeeeeiiiioooouuuuüüüü")

# "實(shí)施", "行動(dòng)", "第二場(chǎng))", "發(fā)布會(huì)"; full-width brackets "實（shí）施" too.
# Not "开(复)工", "(2023年度)", "(PRT)", "(2023-2025年)": the bracket must follow a Chinese
# character and hold lower-case Latin letters only.
PINYIN_ANNOTATION = re.compile(
    r"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（]([a-zü" + TONE_MARKS + r"]{1,7}(?: [a-zü" + TONE_MARKS
    + r"]{1,7}){0,3})[)）]"
)
# A whole toneless pinyin syllable: "de", "men", "zhuang"; not "km", "app", "m"
PINYIN_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uan|üan|ian|iao|uai|ai|ei|ao|ou|an|en|in|un|ün|ia|ie|iu"
    r"|ua|uo|ui|üe|ue|er|a|o|e|i|u|ü)"
)

# Full-width ASCII block U+FF01..U+FF5E ("２０％", "１．５万", "（", "，", "：") and the
# ideographic space U+3000 map to their ASCII forms; 。、“” have no ASCII twin and stay.
FULL_TO_HALF = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

CJK_PUNCT = r"\u3001-\u303f\u2018-\u201d\u2014\u2026"
CJK = r"\u3400-\u9fff\uf900-\ufaff" + CJK_PUNCT
# "\u2002" (en space) in national-gwr-2024's first line, no-break spaces from HTML
ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\t\f\v]+")
# zero-width space, BOM inside text, soft hyphen, word joiner
INVISIBLES = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]+")
LINE_ENDINGS = re.compile(r"\r\n?")
# "  现在,我代表…" (001 indents every paragraph with two spaces), trailing spaces
LINE_EDGE_SPACES = re.compile(r"^ +| +$", re.M)
# "项目 330个", "达到 500 万平方米", "8 户", "4a 级", "分别达到 111.6 万吨、 85.9 万吨"
SPACE_IN_NUMBER = re.compile(
    rf"(?<=[{CJK}]) +(?=[0-9A-Za-z%])"  # "项目 330个"
    rf"|(?<=[0-9A-Za-z%]) +(?=[{CJK}])"  # "330 个", "4a 级"
    rf"|(?<=[{CJK_PUNCT}]) +|(?<=[{CJK}][,:;!?]) +"  # "、 85.9", "来源: 辽沈"
    rf"|(?<=[{CJK}]) +(?=[{CJK_PUNCT},:;!?])"  # "景区 。"
)
REPEATED_SPACES = re.compile(r"  +")
BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")


def strip_pinyin(text: str) -> tuple[str, list[Edit]]:
    """Remove pinyin written after Chinese characters; keep every real parenthesis.

    >>> strip_pinyin("實(shí)施全面振興新突破三年行動(dòng)")[0]
    '實施全面振興新突破三年行動'
    >>> strip_pinyin("开(复)工率90%, 智能出租轨交系统(PRT), 方案(2023-2025年)")[0]
    '开(复)工率90%, 智能出租轨交系统(PRT), 方案(2023-2025年)'
    """
    return substitute_logged(PINYIN_ANNOTATION, _drop_if_pinyin, text, "pinyin", "pinyin_annotation")


def _drop_if_pinyin(match: re.Match) -> str | None:
    syllables = match.group(1)
    if any(mark in syllables for mark in TONE_MARKS):
        return ""
    plain = syllables.translate(_TONELESS)
    if all(len(s) >= 2 and PINYIN_SYLLABLE.fullmatch(s) for s in plain.split(" ")):
        return ""
    return None


@lru_cache(maxsize=1)
def _t2s_converter():
    import opencc  # the official binding; never install opencc-python-reimplemented beside it

    return opencc.OpenCC("t2s")


def normalize_script(text: str, min_share: float = 0.01) -> tuple[str, list[Edit]]:
    """Convert Traditional characters to Simplified with OpenCC when the text is Traditional.

    A Simplified text in which OpenCC would change under ``min_share`` of the characters (a
    name written with 於, say) is left as it is.

    >>> normalize_script("盤錦市工業增長三年行動")[0]
    '盘锦市工业增长三年行动'
    """
    converted = _t2s_converter().convert(text)
    if converted == text:
        return text, []
    edits = diff_same_length(text, converted, "script", "traditional_to_simplified")
    changed = sum(e.end - e.start for e in edits)
    if changed < min_share * max(1, len(text)):
        return text, []
    return converted, edits


def normalize_width(text: str) -> tuple[str, list[Edit]]:
    """Full-width digits, Latin letters and ASCII punctuation to half-width.

    >>> normalize_width("６００个项目，增长２０％")[0]
    '600个项目,增长20%'
    """
    converted = text.translate(FULL_TO_HALF)
    return converted, diff_same_length(text, converted, "width", "full_to_half_width")


def normalize_spaces(text: str) -> tuple[str, list[Edit]]:
    """Line endings, invisible characters, indentation and spaces inside numbers and phrases.

    >>> normalize_spaces("  实施投资亿元以上项目 330个,国家级绿色工厂达到 8 户\\r\\n")[0]
    '实施投资亿元以上项目330个,国家级绿色工厂达到8户\\n'
    """
    edits: list[Edit] = []
    for pattern, replacement, rule in (
        (LINE_ENDINGS, "\n", "line_ending"),
        (INVISIBLES, "", "invisible_character"),
        (ODD_SPACES, " ", "odd_space"),
        (LINE_EDGE_SPACES, "", "line_edge_space"),
        (SPACE_IN_NUMBER, "", "space_next_to_chinese"),
        (REPEATED_SPACES, " ", "repeated_space"),
    ):
        text, step_edits = substitute_logged(pattern, replacement, text, "spaces", rule)
        edits.extend(step_edits)
    return text, edits


def normalize_blank_lines(text: str) -> tuple[str, list[Edit]]:
    """One paragraph per line: blank lines collapse, the text starts and ends with a character.

    >>> normalize_blank_lines("\\n政府工作报告\\n\\n  \\n各位代表:\\n\\n")[0]
    '政府工作报告\\n各位代表:'
    """
    text, edits = substitute_logged(BLANK_LINES, "\n", text, "blank_lines", "blank_line")
    stripped = text.strip()
    if stripped != text:
        head = len(text) - len(text.lstrip())
        if head:
            edits.append(Edit("blank_lines", "edge_white_space", 0, head, text[:head], ""))
        tail = len(text.rstrip())
        if tail < len(text):
            edits.append(Edit("blank_lines", "edge_white_space", tail, len(text), text[tail:], ""))
    return stripped, edits
