"""Normalize text without changing its meaning: control characters, pinyin annotations, script, look-alikes,
width, white space.

Each function takes text and returns ``(text, edits)``: the new text and the :class:`Edit`
records of what changed, with offsets into the text it was given.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np

from helpers.lexicon import load_lookalikes
from helpers.corpus.edits import CONTEXT, Edit, diff_same_length, edits_from_mask, substitute_logged, substitute_merged

TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"

_TONED = "[a-zü]{0,6}[" + TONE_MARKS + "][a-zü]{0,6}"
# A whole toneless syllable of at least two letters: "de", "men", "zhuang"; not "km", "app", "m"
_TONELESS_SYLLABLE = (
    r"(?=[a-zü]{2})(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uan|üan|ian|iao|uai|ai|ei|ao|ou|an|en|in|un|ün|ia|ie|iu"
    r"|ua|uo|ui|üe|ue|er|a|o|e|i|u|ü)"
)
_SYLLABLE = f"(?:{_TONED}|{_TONELESS_SYLLABLE})"
# "實(shí)施", "行動(dòng)", "第二場(chǎng))", "發(fā)布會(huì)"; full-width brackets "實（shí）施" too.
# Not "开(复)工", "(2023年度)", "(PRT)", "(2023-2025年)", "长度(km)": the bracket must follow a
# Chinese character and hold pinyin syllables only. (The bracket comes first in the pattern so the
# regex engine can scan for it; the lookbehind then checks the character before it.)
PINYIN_ANNOTATION = re.compile(
    rf"[(（](?<=[\u3400-\u9fff\uf900-\ufaff][(（]){_SYLLABLE}(?: {_SYLLABLE}){{0,3}}[)）]"
)
# A character the source site could not encode became "?" and took its bracket with it, leaving the
# annotation's tail: "体现新?lián)?dāng)、彰显新作为" (seed 004, 担当), "勇?lián)?dāng)" (a 同安 story), "跨渾河?xùn)|環(huá)大橋".
# The tail goes; the "?" stays, so the text still shows that a character was lost.
LOST_CHARACTER_ANNOTATION = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff)）][?？]){_TONED}[)）]")

# Full-width ASCII block U+FF01..U+FF5E ("２０％", "１．５万", "（", "，", "：") and the
# ideographic space U+3000 map to their ASCII forms; 。、“” have no ASCII twin and stay.
# Conversions that keep length and meaning are logged one edit per stretch of a paragraph.
PARAGRAPH_GAP = 400
FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")
# Kangxi radicals, the CJK radicals supplement and CJK compatibility ideographs: "⽣产总值", "增⻓"
LOOKALIKE_BLOCKS = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF))
LOOKALIKE = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")

CJK_PUNCT = "\u3001-\u303f\u2018-\u201d\u2014\u2026"
CHINESE_OR_PUNCT = re.compile(f"[\u3400-\u9fff\uf900-\ufaff{CJK_PUNCT}]")
# One Chinese character (CJK extension A and the unified block): what reading and sections count
CHINESE_CHARACTER = re.compile(r"[\u3400-\u9fff]")
CHINESE_PUNCT = re.compile(f"[{CJK_PUNCT}]")
ASCII_WORD = re.compile(r"[0-9A-Za-z%]")
LINE_ENDINGS = re.compile(r"\r\n?")
# zero-width space, BOM inside text, soft hyphen, word joiner; "\u2002" (en space) in
# national-gwr-2024's first line, no-break spaces from HTML, tabs
ODD_CHARACTERS = re.compile(
    r"(?P<invisible_character>[\u200b-\u200d\u2060\ufeff\u00ad]+)"
    r"|(?P<odd_space>[\u00a0\u2000-\u200a\u202f\u205f\t\f\v]+)"
)
ANY_ODD_CHARACTER = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\u00a0\u2000-\u200a\u202f\u205f\t\f\v]")
# Every run of spaces; _judge_space decides: "  现在,我代表…" (001 indentation), "项目 330个",
# "达到 500 万平方米", "4a 级", "、 85.9 万吨", "来源: 辽沈" go; "国务院总理 李强" stays.
SPACES = re.compile(r" +")
# Runs of blank lines inside the text: "各位代表:\n \n\n现在" (white space at either end is found with
# str.strip, which knows the same white space as \s; a pattern that opens with \A or \s gets no fast
# scan in re, and cost 0.15 s per 10 MB)
BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")


# Control characters that are never text: "\x00辽\x00阳" (a PDF whose font maps each glyph to NUL and a
# character), "\x1b", "\x7f", C1 codes from a wrong decoding; tabs, line breaks, \v and \f are white
# space for normalize_spaces. Lone surrogates ("\udc80") cannot be stored as UTF-8 and become U+FFFD.
CONTROL_CHARACTERS = re.compile(
    r"(?P<control_character>[\x00-\x08\x0e-\x1f\x7f-\x9f]+)|(?P<lone_surrogate>[\ud800-\udfff]+)")
SURROGATE = re.compile(r"[\ud800-\udfff]")
# Either of them, as one class: the test that a text needs the step (a class is scanned ten times faster than
# the alternation of two named groups: 0.008 s against 0.084 s over 10 MB)
ANY_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def strip_control_characters(text: str) -> tuple[str, list[Edit]]:
    r"""Remove control characters and replace lone surrogates with U+FFFD.

    A lone surrogate's edit gives ``removed`` escaped (\\udc80): Parquet cannot store it as it is.

    >>> strip_control_characters("\x00辽\x00阳\x00市")[0]
    '辽阳市'
    >>> strip_control_characters("辽阳\udc80市")[1][0][1:6]
    ('lone_surrogate', 2, 3, '\\udc80', '�')
    """
    if not ANY_CONTROL_CHARACTER.search(text):
        return text, []
    text, edits = substitute_logged(
        CONTROL_CHARACTERS, lambda m: "" if m.lastgroup == "control_character" else "\ufffd" * len(m.group()),
        text, "control")
    return text, [_storable(edit) for edit in edits]


def _storable(edit: Edit) -> Edit:
    """The edit with lone surrogates escaped (removed) or replaced (context)."""
    if edit.rule == "lone_surrogate":
        edit = edit._replace(removed="".join(f"\\u{ord(c):04x}" for c in edit.removed))
    return edit._replace(left=SURROGATE.sub("\ufffd", edit.left), right=SURROGATE.sub("\ufffd", edit.right))


def strip_pinyin(text: str) -> tuple[str, list[Edit]]:
    """Remove pinyin written after Chinese characters; keep every real parenthesis.

    >>> strip_pinyin("實(shí)施全面振興新突破三年行動(dòng)")[0]
    '實施全面振興新突破三年行動'
    >>> strip_pinyin("开(复)工率90%, 智能出租轨交系统(PRT), 方案(2023-2025年)")[0]
    '开(复)工率90%, 智能出租轨交系统(PRT), 方案(2023-2025年)'
    """
    return substitute_merged(PINYIN_ANNOTATION, text, "pinyin", "pinyin_annotation")


def strip_lost_character_pinyin(text: str) -> tuple[str, list[Edit]]:
    """Remove what is left of a pinyin annotation whose character the source lost as "?"; keep the "?".

    >>> strip_lost_character_pinyin("体现新?lián)?dāng)、彰显新作为")[0]
    '体现新??、彰显新作为'
    >>> strip_lost_character_pinyin("是否达标?(yes)  为什么?de)")[0]
    '是否达标?(yes)  为什么?de)'
    """
    if "?" not in text and "？" not in text:
        return text, []
    return substitute_logged(LOST_CHARACTER_ANNOTATION, "", text, "pinyin", "lost_character_annotation")


@lru_cache(maxsize=1)
def _t2s_converter():
    import opencc  # the official binding; never install opencc-python-reimplemented beside it

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _unusual_characters() -> re.Pattern:
    """Any character that script, width or space normalization would change (one scan rules all out)."""
    traditional = _traditional_characters().pattern[1:-1]
    return re.compile(f"[{traditional}\uff01-\uff5e\u3000\u200b-\u200d\u2060\ufeff\u00ad\u00a0"
                      "\u2000-\u200a\u202f\u205f\t\f\v\r\u2e80-\u2fdf\uf900-\ufaff]")


def has_unusual_characters(text: str) -> bool:
    """False for text that normalize_script, normalize_width and the odd-space rules leave unchanged.

    >>> has_unusual_characters("全面振兴新突破三年行动"), has_unusual_characters("增长２０％")
    (False, True)
    """
    return _unusual_characters().search(text) is not None


@lru_cache(maxsize=1)
def _traditional_characters() -> re.Pattern:
    """A class of every character OpenCC's t2s changes on its own (derived from OpenCC, ~1 ms)."""
    every = "".join(chr(code) for code in range(0x3400, 0xA000))
    converted = _t2s_converter().convert(every)
    changed = "".join(a for a, b in zip(every, converted) if a != b)
    return re.compile(f"[{re.escape(changed)}]")


def normalize_script(text: str, min_share: float = 0.01) -> tuple[str, list[Edit]]:
    """Convert Traditional characters to Simplified with OpenCC when the text is Traditional.

    A Simplified text in which OpenCC would change under ``min_share`` of the characters (a
    name written with 於, say) is left as it is.

    >>> normalize_script("盤錦市工業增長三年行動")[0]
    '盘锦市工业增长三年行动'
    """
    if not _traditional_characters().search(text):
        return text, []
    converted = _convert_t2s(text)
    if converted == text:
        return text, []
    edits = diff_same_length(text, converted, "script", "traditional_to_simplified",
                             merge_gap=PARAGRAPH_GAP)
    changed = sum(e.end - e.start for e in edits)
    if changed < min_share * max(1, len(text)):
        return text, []
    return converted, edits


def _convert_t2s(text: str) -> str:
    """OpenCC's conversion; lone surrogates (which it cannot encode) stay where they were."""
    if not SURROGATE.search(text):
        return _t2s_converter().convert(text)
    converted = _t2s_converter().convert(SURROGATE.sub("\ufffd", text))
    if len(converted) != len(text):
        return converted
    characters = list(converted)
    for match in SURROGATE.finditer(text):
        characters[match.start():match.end()] = match.group()
    return "".join(characters)


@lru_cache(maxsize=1)
def _lookalike_table() -> dict[int, str]:
    """{code point: replacement} for every look-alike: NFKC's one-character foldings of the Kangxi
    radicals and CJK compatibility ideographs, and ``resources/lookalikes.csv``."""
    table = {}
    for first, last in LOOKALIKE_BLOCKS:
        for code in range(first, last + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    table.update({ord(character): replacement for character, replacement in load_lookalikes().items()
                  if len(character) == 1 and len(replacement) == 1})
    return table


def normalize_lookalikes(text: str) -> tuple[str, list[Edit]]:
    """Fold characters that only look like Chinese characters (from PDF text layers) into them.

    >>> normalize_lookalikes("地区⽣产总值增⻓5%,坚持项⽬为王")[0]
    '地区生产总值增长5%,坚持项目为王'
    """
    if not LOOKALIKE.search(text):
        return text, []
    converted = text.translate(_lookalike_table())
    if converted == text:
        return text, []
    return converted, diff_same_length(text, converted, "lookalikes", "compatibility_character",
                                       merge_gap=PARAGRAPH_GAP)


def normalize_width(text: str) -> tuple[str, list[Edit]]:
    """Full-width digits, Latin letters and ASCII punctuation to half-width.

    >>> normalize_width("６００个项目，增长２０％")[0]
    '600个项目,增长20%'
    """
    if not FULL_WIDTH.search(text):
        return text, []
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).copy()
    full = (codes >= 0xFF01) & (codes <= 0xFF5E)
    ideographic_space = codes == 0x3000
    codes[full] -= 0xFEE0
    codes[ideographic_space] = 0x20
    converted = codes.tobytes().decode("utf-32-le", "surrogatepass")
    edits = edits_from_mask(full | ideographic_space, codes == 10, text, converted, "width",
                            "full_to_half_width", merge_gap=PARAGRAPH_GAP)
    return converted, edits


def normalize_spaces(text: str) -> tuple[str, list[Edit]]:
    """Line endings, invisible characters, indentation and spaces inside numbers and phrases.

    >>> normalize_spaces("  实施投资亿元以上项目 330个,国家级绿色工厂达到 8 户\\r\\n")[0]
    '实施投资亿元以上项目330个,国家级绿色工厂达到8户\\n'
    """
    text, edits = substitute_logged(LINE_ENDINGS, "\n", text, "spaces", "line_ending")
    if ANY_ODD_CHARACTER.search(text):
        text, more = substitute_logged(
            ODD_CHARACTERS, lambda m: "" if m.lastgroup == "invisible_character" else " ", text, "spaces")
        edits += more
    text, more = _substitute_spaces(text)
    return text, edits + more


def _substitute_spaces(text: str) -> tuple[str, list[Edit]]:
    pieces: list[str] = []
    edits: list[Edit] = []
    last = 0
    for match in SPACES.finditer(text):
        start, end = match.span()
        rule, new = _judge_space(text, start, end)
        if rule is None:
            continue
        pieces += (text[last:start], new)
        last = end
        edits.append(Edit("spaces", rule, start, end, match.group(), new,
                          text[max(0, start - 12):start], text[end:end + 12]))
    if not edits:
        return text, edits
    pieces.append(text[last:])
    return "".join(pieces), edits


# The whole part of a number in running text, right before its decimal point: "收入22." (not an item's number at the start
# of a line, "2. 50个小区", whose space stays)
DECIMAL_POINT_BEFORE = re.compile(r"[\u4e00-\u9fff][ \t]?\d{1,12}\.$")


def _judge_space(text: str, start: int, end: int) -> tuple[str | None, str]:
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if before == "\n" or after == "\n":
        return "line_edge_space", ""
    if after in "%‰" and before.isdigit():  # "增长3.1 %" (Jiangxi 2022 bulletin)
        return "space_before_percent", ""
    if before == "." and after.isdigit() and DECIMAL_POINT_BEFORE.search(text, max(0, start - 12), start):
        return "space_after_decimal_point", ""  # "一般公共预算收入22. 1 亿元,增长9. 1%" (洪泽's plan report, a PDF's text)
    chinese_before = CHINESE_OR_PUNCT.match(before)
    chinese_after = CHINESE_OR_PUNCT.match(after)
    if ((chinese_before and (ASCII_WORD.match(after) or CHINESE_PUNCT.match(after) or after in ",:;!?"))
            or (chinese_after and ASCII_WORD.match(before))
            or CHINESE_PUNCT.match(before)
            or (before in ",:;!?" and CHINESE_OR_PUNCT.match(text[:start - 1].rstrip(" ")[-1:] or "\n"))):
        # (after a comma set apart on both sides: "重点投资项目35个 , 其中 , 省市县…" (滨州, April 2020))
        return "space_next_to_chinese", ""
    if end - start > 1:
        return "repeated_space", " "
    return None, ""


def normalize_blank_lines(text: str) -> tuple[str, list[Edit]]:
    """One paragraph per line: blank lines collapse, the text starts and ends with a character.

    >>> normalize_blank_lines("\\n政府工作报告\\n\\n  \\n各位代表:\\n\\n")[0]
    '政府工作报告\\n各位代表:'
    """
    body_start, body_end = len(text) - len(text.lstrip()), len(text.rstrip())
    if body_end <= body_start:  # nothing but white space
        return "", [_blank_edit(text, 0, len(text), "edge_white_space", "")] if text else []
    edits = [_blank_edit(text, 0, body_start, "edge_white_space", "")] if body_start else []
    edits += [_blank_edit(text, m.start(), m.end(), "blank_line", "\n")
              for m in BLANK_LINES.finditer(text, body_start, body_end)]
    if body_end < len(text):
        edits.append(_blank_edit(text, body_end, len(text), "edge_white_space", ""))
    if not edits:
        return text, edits
    pieces, last = [], 0
    for edit in edits:
        pieces += (text[last:edit.start], edit.inserted)
        last = edit.end
    pieces.append(text[last:])
    return "".join(pieces), edits


def _blank_edit(text: str, start: int, end: int, rule: str, inserted: str) -> Edit:
    return Edit("blank_lines", rule, start, end, text[start:end], inserted,
                text[max(0, start - CONTEXT):start], text[end:end + CONTEXT])
