"""Remove web-site boilerplate from flattened text pages, logging each removal by rule.

In: normalized text (half-width, one paragraph per line). Out: ``(text, edits)``. Whole lines are
removed by named line rules; site chrome above a "欢迎来到…"/"当前所在:首页 >" line and short
leftovers below a footer line go with them; a few inline rules remove footnote markers and
contact details inside a line. Source URLs are read by :mod:`helpers.corpus.metadata` before this runs.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from helpers.corpus.edits import Edit, substitute_logged

# Each rule is one whole line. Names are the rule names in cleaning_log.parquet.
LINE_RULES = {
    # "下载", "打印", "全屏", "收藏", "【字号:", "加大", "还原", "减小", "】" (liaoning-gwr-2026 page top)
    "page_button": r"(?:下载|打印|全屏|收藏|关闭|分享|分享到|加大|还原|减小|默认|[大中小]|【|】|【?字号[:：]?.*"
                   r"|【?打印(?:本页|此页)?】?|【?关闭(?:窗口|本页)】?|返回顶部|字体[:：]?.{0,8})",
    # "当前所在:首页 > 廉政舆情 > 正文", "您的位置:首页 > 新闻中心"
    "navigation_trail": r"(?:当前(?:所在|位置)|您的位置|你的位置|所在位置)[ \t]*[:：].*|.{0,20}首页[ \t]*[>»›].*",
    # "欢迎来到廉政法治网!"
    "site_welcome": r"欢迎(?:来到|访问|光临).{1,30}",
    # "- 来源:辽阳日报", "- 时间:2023-10-18 10:10:10", "- 发布日期:2022-2-18 10:28:27",
    # "- 消息来源:辽宁日报社", "时间:2026-02-01", "发布时间:2022-09-11 来源:辽沈智慧党建云平台 作者:佚名"
    "metadata_line": r"[-•·*]?[ \t]*(?:发布日期|发布时间|消息来源|信息来源|文章来源|来源|时间|日期|作者|编辑|责任编辑"
                     r"|浏览次数|点击数|阅读量|访问量)[ \t]*[:：].{0,80}",
    # "本文地址:/baogao/db/9712.html", "原文链接:https://www.lndj.gov.cn/portaluploads/html/…"
    "source_url_line": r"(?:本文地址|原文链接|原文地址|本文链接|原文网址|网址|链接)[ \t]*[:：][ \t]*\S*",
    # "留言与评论(共有 条评论)", "验证码:", "网站地图", "相关报道:", "上一篇:…", "扫一扫在手机打开当前页"
    "page_widget": r"留言与评论.*|(?:发表)?评论[ \t]*[:：]?|验证码[ \t]*[:：]?.*|网站地图|相关(?:报道|链接|新闻|阅读|文章)[ \t]*[:：]?"
                   r"|上一篇[ \t]*[:：]?.*|下一篇[ \t]*[:：]?.*|扫一扫.{0,20}|分享到[ \t]*[:：]?.{0,30}",
    # "本文仅代表作者观点,不代表本站立场。…", "[免责声明] 本文来源于网络转载,…",
    # "本站部分信息由相应民事主体自行提供,…", "本网部分转载文章、图片等无法联系到权利人,…"
    "disclaimer": r"(?:\[免责声明\]|【免责声明】|免责声明[ \t]*[:：]?|本文仅代表作者|本站部分信息|本网部分|凡注明为|版权声明"
                  r"|转载请注明|本网站?(?:转载|刊载)).*",
    # "廉政法治网 lzfz.org.cn 版权所有。", "北京中农兴业网络技术有限公司主办 | 政讯通-全国政务信息一体化办公室 主管"
    "copyright": r".{0,60}(?:版权所有|Copyright|©|ICP备|公网安备).{0,80}|.{2,40}主办[ \t]*[|｜].{0,60}",
    # "联系电话:010-56212745、010-53382908,监督电话:18518469856,…", "邮箱:qgfzdyzx@163.com 客服QQ:3206414697",
    # "第一办公区:北京市东城区建国门内大街26号新闻大厦5层;第二办公区:…" (a line with a sentence inside it
    # is content: "上游新闻(报料邮箱:…)记者注意到,2021年,新疆全年实现地区生产总值1.6万亿元…。2022年,…")
    "contact_line": r".{0,12}(?:联系电话|监督电话|举报电话|咨询电话|电话|传真|邮箱|电子邮箱|E-?mail|QQ|邮编|地址|办公区)"
                    r"[ \t]*[:：][^。!?！？\n]{0,250}[。]?",
}
LINE_PATTERN = re.compile(
    "^(?:" + "|".join(f"(?P<{name}>{rule})" for name, rule in LINE_RULES.items()) + r")[ \t]*(?:\n|$)",
    re.M,
)
# A footer starts at one of these; short lines after it are site furniture too.
FOOTER_RULES = frozenset({"source_url_line", "page_widget", "disclaimer", "copyright", "contact_line"})
# A header ends at one of these; short lines above it ("政讯通中心") are site chrome.
HEADER_RULES = frozenset({"navigation_trail", "site_welcome", "page_button"})
SHORT_LINE = 30
# A site's notice, removed with its footer, that its copy is not the whole document: "报告、公报、规划等总结类或文件类
# 信息,本站展示并非全部都完整,…建议您到相关地区政府…官网浏览或下载完整版本" (博县网's copy of 辽阳's 2024 work
# report, which stops inside its review)
INCOMPLETE_NOTICE = re.compile(r"并非全部都?完整|(?:内容|全文|正文)(?:并?不完整|有删节)|(?:仅为|系)节选|下载完整版")
NOTICE_CONTEXT = 20
# The site a notice names as itself: "凡注明为博县网原创作品的,未经许可,不得转载" (in the same footer line)
SITE_NAME = re.compile(r"(?:凡?注明为|来源于|本站即)?([\u4e00-\u9fff]{2,6}网)(?:原创|版权所有)")

# Inline, inside a line of text: (rule, literals one of which must be in the text, pattern).
# The literals keep a corpus without e-mails from paying for the e-mail scan.
INLINE_RULES = (
    # "统计公报[1]", "增长5.1%[2]" (jiangxi-stat-bulletin-2022 footnote markers)
    ("footnote_marker", ("[",), r"\[(?<=[\u4e00-\u9fff%。,)]\[)\d{1,2}\]"),
    # "邮箱:qgfzdyzx@163.com", "联系邮箱 ln@example.cn"
    ("email", ("@",), r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
    # "客服QQ:3206414697", "QQ群:123456789"
    ("qq_number", ("QQ",), r"(?:客服|通联)?QQ群?[ \t]*[:：]?[ \t]*\d{5,11}"),
    # "电话:010-56212745", "热线电话0419-2125333", "咨询电话:18518469856"
    # "广东广电网络(8.010, 0.01, 0.12%)也将…": a share-price widget a reposting site put after a listed company's
    # name (price, change, change in per cent), not the text's (presser-guangdong-2020-p)
    ("stock_quote", ("%)", "%）"), r"[(（]\d{1,4}\.\d{2,3}[,，] ?-?\d{1,3}\.\d{2,3}[,，] ?-?\d{1,3}\.\d{2}%[)）]"),
    ("phone_number", ("电话", "热线", "手机"),
     r"(?:联系|监督|举报|咨询|服务|热线)?(?:电话|热线|手机)[ \t]*[:：]?[ \t]*"
     r"(?:(?:\(?0\d{2,3}\)?-?)?\d{7,8}(?:[、,/][ \t]*(?:0\d{2,3}-?)?\d{7,8})*|1[3-9]\d{9})"),
)


def find_incomplete_notices(edits) -> list[str]:
    """Notes for the document's read_notes: each site notice, among the text boilerplate removed, that says the copy is
    not whole (what a short document lacks may be missing from the source, not from the build).

    >>> from helpers.corpus.edits import Edit
    >>> find_incomplete_notices([Edit("boilerplate", "disclaimer", 0, 60, "本文仅代表作者观点。报告、公报、规划等总结类或文件类信息,本站展示并非全部都完整,建议您下载完整版本", "")])
    ["the source site says its copy may be incomplete (removed as boilerplate: '…公报、规划等总结类或文件类信息,本站展示并非全部都完整,建议您下载完整版本')"]
    >>> find_incomplete_notices([Edit("boilerplate", "disclaimer", 0, 60, "凡注明为博县网原创作品的,未经许可,不得转载;本站展示并非全部都完整", "")])[0][:36]
    'the source site (博县网) says its copy '
    """
    notes = []
    for edit in edits:
        match = INCOMPLETE_NOTICE.search(edit.removed) if edit.step == "boilerplate" else None
        if match:
            start = max(0, match.start() - NOTICE_CONTEXT)
            quote = ("…" if start else "") + edit.removed[start:match.end() + NOTICE_CONTEXT].strip()
            site = SITE_NAME.search(edit.removed)
            named = f" ({site.group(1)})" if site else ""
            notes.append(f"the source site{named} says its copy may be incomplete (removed as boilerplate: '{quote}')")
    return notes[:1]


@lru_cache(maxsize=16)
def _inline_pattern(rules: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?P<{name}>{rule})" for name, _, rule in INLINE_RULES if name in rules))


def strip_boilerplate(text: str) -> tuple[str, list[Edit]]:
    """Remove site boilerplate lines and inline contact details; return the text and the edits.

    >>> page = "政讯通中心\\n欢迎来到廉政法治网!\\n当前所在:首页 > 廉政舆情 > 正文\\n葫芦岛:夯基垒台\\n正文第一段。\\n原文链接:https://www.lndj.gov.cn/a.html\\n廉政法治网 lzfz.org.cn 版权所有。"
    >>> strip_boilerplate(page)[0]
    '葫芦岛:夯基垒台\\n正文第一段。\\n'
    >>> sorted({e.rule for e in strip_boilerplate(page)[1]})
    ['copyright', 'navigation_trail', 'site_chrome', 'site_welcome', 'source_url_line']
    """
    removed = _find_boilerplate_lines(text)
    edits = [Edit("boilerplate", rule, start, end, text[start:end], "",
                  text[max(0, start - 12):start], text[end:end + 12]) for start, end, rule in removed]
    pieces, last = [], 0
    for start, end, _ in removed:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    stripped = "".join(pieces)
    active = tuple(name for name, gates, _ in INLINE_RULES if any(g in stripped for g in gates))
    if not active:
        return stripped, edits
    inline_text, inline_edits = substitute_logged(_inline_pattern(active), "", stripped, "boilerplate")
    if inline_edits:
        to_input = _offset_mapper(removed)
        edits.extend(e._replace(start=to_input(e.start), end=to_input(e.start) + (e.end - e.start))
                     for e in inline_edits)
        edits.sort(key=lambda e: e.start)
    return inline_text, edits


def _find_boilerplate_lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, rule) of every boilerplate line, end including its newline, in order.

    Besides the line rules: short lines above the last navigation or welcome line among the first
    12 lines are site chrome; short lines in the closing run of boilerplate and short lines (within
    the second half of the text, and holding at least one footer rule) are footer leftovers.
    """
    found = {m.start(): (m.end(), m.lastgroup) for m in LINE_PATTERN.finditer(text)}
    head_lines = _line_spans(text, 0, 12)
    header_end = max((i for i, (s, _) in enumerate(head_lines)
                      if s in found and found[s][1] in HEADER_RULES and found[s][1] != "page_button"),
                     default=None)
    if header_end is not None:
        for start, end in head_lines[:header_end]:
            if start not in found and _is_short(text[start:end]):
                found[start] = (end, "site_chrome")
    tail: list[tuple[int, int]] = []
    has_footer_rule = False
    end = len(text)
    while end > 0:
        start = text.rfind("\n", 0, end - 1) + 1 if end > 1 else 0
        if start < len(text) // 2:
            break
        if start in found:
            has_footer_rule = has_footer_rule or found[start][1] in FOOTER_RULES
        elif _is_short(text[start:end]):
            tail.append((start, end))
        else:
            break
        end = start
    if has_footer_rule:
        for start, end in tail:
            found[start] = (end, "footer_leftover")
    return [(start, end, rule) for start, (end, rule) in sorted(found.items())]


def _line_spans(text: str, start: int, count: int) -> list[tuple[int, int]]:
    spans = []
    while start < len(text) and len(spans) < count:
        newline = text.find("\n", start)
        end = len(text) if newline < 0 else newline + 1
        spans.append((start, end))
        start = end
    return spans


def _is_short(line: str) -> bool:
    content = line.strip()
    return len(content) <= SHORT_LINE and not content.endswith(("。", "!", "?"))


def _offset_mapper(removed: list[tuple[int, int, str]]):
    """Map an offset in the stripped text back to the text before stripping."""
    kept_starts, shifts, shift = [], [], 0
    for start, end, _ in removed:
        kept_starts.append(start - shift)  # where the removal sits in the stripped text
        shift += end - start
        shifts.append(shift)

    def to_input(offset: int) -> int:
        i = bisect.bisect_right(kept_starts, offset)
        return offset + (shifts[i - 1] if i else 0)

    return to_input
