"""Read a document's metadata (title, dates, source, author, place, genre) from its text.

In: the normalized text *before* boilerplate removal (header lines such as ``- 来源:`` and
``原文链接:`` are still there), the cleaned body, and the HTML page's own metadata if any.
Out: a :class:`Metadata`. Each field also records where it came from (``*_from``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from helpers.places import find_first_place, load_gazetteer, rank_document_place
from helpers.corpus.reading import PageMetadata

GENRES = ("press_conference", "government_work_report", "plan_report", "news_report", "statistical_bulletin",
          "other")

# "- 时间:2023-10-18 10:10:10", "- 发布日期:2022-2-18 10:28:27", "发布时间:2022-09-11 来源:…",
# "时间:2026-02-01"
HEADER_DATE = re.compile(
    r"(?:发布日期|发布时间|时间|日期)\s*[:：]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
# "——2024年1月7日在辽阳市第十七届人民代表大会第四次会议上",
# "政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理 李强",
# "2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚" (a line of its own, no dash)
# "——2024年1月7日在辽阳市第十七届人民代表大会第四次会议上", and in brackets: "（2026年1月27日在贵州省第十四届人民代表大会
# 第四次会议上）" (贵州 2026, which had no date)
DELIVERY_LINE = re.compile(r"(?:[—-]{1,2}\s*|^[(（]?\s*)(\d{4})年(\d{1,2})月(\d{1,2})日在(.{2,40}?)会议上", re.M)
# "2023年3月28日", "(2023年4月12日)" alone on a line near the top (statistical bulletins)
DATE_LINE = re.compile(r"^\(?(\d{4})年(\d{1,2})月(\d{1,2})日\)?$", re.M)
# "10月17日,市政府新闻办召开…", "3月30日,市政府新闻办召开…", "本报讯 记者王婧醒报道 10月17日,"
DATELINE = re.compile(r"^(?:本报讯.{0,20}?)?(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日[,，]", re.M)
# Year context for a bare "3月30日": "较2022年提高" (base year, +1), "(2023-2025年)" (plan start),
# "2023年工作回顾" (+1), "2024年1月" (a full date)
YEAR_AFTER_BASE = re.compile(r"较(20\d{2})年")
YEAR_PLAN_START = re.compile(r"(20\d{2})\s*[-—~至]\s*20\d{2}年")
YEAR_REVIEW = re.compile(r"(20\d{2})年(?:工作回顾|以来)")
# "- 来源:辽阳日报", "- 消息来源:辽宁日报社", "来源:辽沈智慧党建云平台 作者:佚名"
SOURCE = re.compile(r"(?:消息来源|信息来源|文章来源|来源)[ \t]*[:：][ \t]*([^\s:：|,]{2,30}?)(?=[ \t,|]|作者|编辑|$)", re.M)
# "作者:佚名", "作者:王婧醒"
AUTHOR = re.compile(r"作者\s*[:：]\s*([^\s:：|,]{2,20})")
# "本报讯 记者王婧醒报道", "记者 张三 李四 报道"
REPORTER = re.compile(r"记者\s*([\u4e00-\u9fff]{2,3}(?:\s+[\u4e00-\u9fff]{2,3})*)\s*报道")
# "市长 郭云峰", "省长 王新伟", "…会议上国务院总理 李强"
SPEAKER = re.compile(r"(?:^|会议上)\s*((?:国务院|代理)?(?:代?市长|代?省长|代?县长|代?区长|总理))\s+([\u4e00-\u9fff]{2,4})\s*$", re.M)
# "發布人" / "发布人" followed by lines "市科技局黨組成員、副局長 劉云"
SPEAKER_BLOCK_HEAD = re.compile(r"^(?:发布人|发布嘉宾|出席人员)[:：]?\s*$", re.M)
SPEAKER_BLOCK_LINE = re.compile(r"^(.{2,40}?)\s+([\u4e00-\u9fff]{2,4})$")
# "本文地址:/baogao/db/9712.html", "原文链接:https://www.lndj.gov.cn/portaluploads/…"
SOURCE_URL = re.compile(r"(?:本文地址|原文链接|原文地址|本文链接|原文网址)\s*[:：]\s*(\S+)")
SOURCE_URL_LABELS = ("本文地址", "原文链接", "原文地址", "本文链接", "原文网址")
# "[牢记嘱托显担当 首战之年建新功]我市召开…": a column slogan before the headline
COLUMN_TAG = re.compile(r"^(?:\[[^\]]{2,30}\]|【[^】]{2,30}】)\s*")
# "我代表辽阳市人民政府向大会报告工作", "我代表国务院,向大会报告政府工作"
REPORTING_BODY = re.compile(r"我代表(国务院|.{2,8}?人民政府)\s*[,，]?\s*向大会报告")

GENRE_TITLE_RULES = (
    # "关于沈阳市2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告"
    ("plan_report", re.compile(r"计划执行情况.{0,40}计划(?:草案)?的报告|计划执行情况的报告")),
    ("statistical_bulletin", re.compile(r"统计公报|国民经济和社会发展统计")),
    ("government_work_report", re.compile(r"政府工作报告")),
    ("press_conference", re.compile(r"新闻发布会|发布会")),
)
GENRE_TEXT_RULES = (
    # "现将沈阳市2024年国民经济和社会发展计划执行情况与2025年…计划草案提请市十七届人大四次会议审议"
    ("plan_report", re.compile(r"计划执行情况.{0,40}计划草案")),
    ("government_work_report", re.compile(r"向大会报告(?:政府)?工作")),
    ("statistical_bulletin", re.compile(r"统计公报")),
    ("press_conference", re.compile(r"^(?:发布人|发布嘉宾)|新闻发布会|新闻办召开", re.M)),
    ("news_report", re.compile(r"本报讯|本报记者|记者.{2,4}报道|新华社")),
)
NEWS_SOURCE = re.compile(r"报|社|网|新闻|电视|广播|平台|融媒")


@dataclass(frozen=True)
class Metadata:
    """What a document says about itself; ``*_from`` says where each value came from."""

    title: str | None
    title_from: str | None
    published_date: dt.date | None
    date_from: str | None
    event_date: dt.date | None
    source: str | None
    author: str | None
    source_url: str | None
    place: str | None
    place_code: str | None
    place_level: str | None
    place_from: str | None
    genre: str
    genre_from: str


def extract_metadata(header_text: str, body: str, page: PageMetadata | None = None) -> Metadata:
    """Read metadata from the normalized text (with header lines) and the cleaned body.

    >>> m = extract_metadata("- 来源:辽阳日报\\n- 时间:2023-10-18 10:10:10\\n本报讯 记者王婧醒报道 10月17日,市政府新闻办召开新闻发布会。", "本报讯 记者王婧醒报道 10月17日,市政府新闻办召开新闻发布会。")
    >>> (m.published_date.isoformat(), m.event_date.isoformat(), m.source, m.author, m.genre)
    ('2023-10-18', '2023-10-17', '辽阳日报', '王婧醒', 'press_conference')
    """
    page = page or PageMetadata()
    title, title_from = parse_title(body)
    if title is None and page.title:
        title, title_from = page.title.strip(), "html"
    head = header_text[:3000]
    published, date_from, event = parse_dates(head, body, page)
    source = _first_group(SOURCE, head) or page.sitename
    author = _parse_author(head, body) or page.author
    has_label = any(label in header_text for label in SOURCE_URL_LABELS)  # str.find is cheaper than a regex
    url_match = SOURCE_URL.search(header_text) if has_label else None
    source_url = url_match.group(1) if url_match else page.url
    genre, genre_from = parse_genre(title, body, source)
    if title is None and genre == "government_work_report":
        title, title_from = "政府工作报告", "genre"
    place_code, place_from = parse_place(title, body)
    gazetteer = load_gazetteer()
    place = gazetteer.places[place_code] if place_code else None
    return Metadata(
        title=title, title_from=title_from, published_date=published, date_from=date_from,
        event_date=event, source=source, author=author, source_url=source_url,
        place=place.name if place else None, place_code=place_code,
        place_level=place.level if place else None, place_from=place_from,
        genre=genre, genre_from=genre_from,
    )


# A photo's credit after the headline it captions: "政府工作报告。 贵州日报天眼新闻记者 李森 摄" (贵州 2026)
PHOTO_CREDIT = re.compile(r"[。.]?\s*\S{0,12}记者(?:\s*\S{1,4}){1,3}\s*摄$")


def parse_title(body: str) -> tuple[str | None, str | None]:
    """The headline: the first line when it reads like one, without a column slogan.

    >>> parse_title("[牢记嘱托显担当 首战之年建新功]我市召开首场新闻发布会\\n本报讯…")
    ('我市召开首场新闻发布会', 'text')
    >>> parse_title("2月12日,盘锦市组织召开全市产业高质量发展暨项目开工动员会。")
    (None, None)
    >>> parse_title("政府工作报告。 贵州日报天眼新闻记者 李森 摄")
    ('政府工作报告', 'text')
    >>> parse_title("——2026年1月26日在河北省第十四届人民代表大会第四次会议上\\n河北省省长 王正谱")
    (None, None)
    """
    first = body.split("\n", 1)[0].strip()
    first = PHOTO_CREDIT.sub("", COLUMN_TAG.sub("", first))
    delivery = DELIVERY_LINE.search(first)
    if delivery and delivery.start() == 0:
        return None, None  # the line under a report's title, when the page's text begins there (a collected 河北 page)
    if delivery:
        first = first[: delivery.start()]
    if not 4 <= len(first) <= 90 or first.endswith(("。", ":", ",")) or first.startswith("各位代表"):
        return None, None
    if DATELINE.match(first):
        return None, None
    return first, "text"


def parse_dates(head: str, body: str, page: PageMetadata | None = None):
    """(published_date, where from, event_date) from header lines, delivery line or dateline.

    >>> parse_dates("3月30日,市政府新闻办召开…方案(2023-2025年)…较2022年提高0.8个百分点", "")
    (datetime.date(2023, 3, 30), 'dateline+context_year', datetime.date(2023, 3, 30))
    """
    page = page or PageMetadata()
    published = date_from = event = None
    if match := HEADER_DATE.search(head):
        published, date_from = _date(*match.groups()), "header"
    delivery = DELIVERY_LINE.search(head) or DELIVERY_LINE.search(body[:3000])
    if delivery:
        event = _date(*delivery.groups()[:3])
    if published is None and (line := DATE_LINE.search(body[:600])):
        published, date_from = _date(*line.groups()), "date_line"
    if published is None and page.date and (posted := _parse_iso(page.date)) is not None \
            and (event is None or posted >= event):
        # a collected page's own date, when its header lines were not part of its main text: a report delivered on
        # 1月26日 and posted on 2月2日 is published on the 2nd (a collected 河北 page had been dated by its delivery)
        published, date_from = posted, "html"
    if published is None and event is not None:
        published, date_from = event, "delivery_line"
    dateline = DATELINE.search(body[:600]) or DATELINE.search(head[:600])
    if dateline and event is None:
        year, month, day = dateline.groups()
        if year:
            event = _date(year, month, day)
        elif published is not None:
            # a bare "10月17日" in a story published 2023-10-18 is the same or the previous year
            candidate = _date(published.year, month, day)
            if candidate and candidate > published:
                candidate = _date(published.year - 1, month, day)
            event = candidate
        elif (context := infer_context_year(head + body)) is not None:
            event = _date(context, month, day)
            if event is not None:
                published, date_from = event, "dateline+context_year"
    return published, date_from, event


def infer_context_year(text: str) -> int | None:
    """The year a text speaks from, when it gives only month and day.

    Votes: "较2022年" (a comparison base: the year after), "(2023-2025年)" (a plan that starts this
    year), "2023年工作回顾" (the year after). None when nothing votes.

    >>> infer_context_year("《盘锦市工业增长三年行动专项方案(2023-2025年)》…较2022年提高0.8个百分点")
    2023
    """
    votes: Counter = Counter()
    votes.update(int(y) + 1 for y in YEAR_AFTER_BASE.findall(text))
    votes.update(int(y) for y in YEAR_PLAN_START.findall(text))
    votes.update(int(y) + 1 for y in YEAR_REVIEW.findall(text))
    if not votes:
        return None
    return max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]


def parse_genre(title: str | None, body: str, source: str | None) -> tuple[str, str]:
    """One of GENRES, from the title first, then cues in the opening of the text.

    >>> parse_genre("政府工作报告", "各位代表:", None)
    ('government_work_report', 'title')
    >>> parse_genre(None, "2月12日,盘锦市组织召开…", "辽宁日报社")
    ('news_report', 'source')
    """
    for genre, pattern in GENRE_TITLE_RULES:
        if title and pattern.search(title):
            return genre, "title"
    opening = body[:1500]
    for genre, pattern in GENRE_TEXT_RULES:
        if pattern.search(opening):
            return genre, "text"
    if source and NEWS_SOURCE.search(source):
        return "news_report", "source"
    return "other", "default"


def parse_place(title: str | None, body: str) -> tuple[str | None, str | None]:
    """(place code, where from): the venue of a work report, the reporting body, the title, or
    the place most mentioned in the text.

    >>> parse_place("政府工作报告", "——2024年1月7日在辽阳市第十七届人民代表大会第四次会议上")
    ('liaoyang', 'venue')
    >>> parse_place(None, "现在,我代表国务院,向大会报告政府工作")
    ('china', 'reporting_body')
    """
    if delivery := DELIVERY_LINE.search(body[:3000]):
        venue = delivery.group(4)
        if "全国人民代表大会" in venue:
            return "china", "venue"
        if code := find_first_place(venue):
            return code, "venue"
    if reporting := REPORTING_BODY.search(body[:3000]):
        if reporting.group(1) == "国务院":
            return "china", "reporting_body"
        if code := find_first_place(reporting.group(1)):
            return code, "reporting_body"
    if title and (code := find_first_place(title)):
        return code, "title"
    if code := rank_document_place(body):
        return code, "mentions"
    return None, None


def _parse_author(head: str, body: str) -> str | None:
    if match := AUTHOR.search(head):
        name = match.group(1)
        if name not in ("佚名", "未知", "本站", "admin"):
            return name
    opening = body[:3000]
    if match := REPORTER.search(opening):
        return "、".join(match.group(1).split())
    if match := SPEAKER.search(opening):
        return match.group(2)
    if block := SPEAKER_BLOCK_HEAD.search(opening):
        names = []
        for line in opening[block.end():].lstrip("\n").split("\n"):
            person = SPEAKER_BLOCK_LINE.match(line.strip())
            if not person:
                break
            names.append(person.group(2))
        if names:
            return "、".join(names)
    return None


def _first_group(pattern: re.Pattern, text: str) -> str | None:
    match = pattern.search(text)
    return match.group(1) if match else None


def _date(year, month, day) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):  # "2月30日" and the like: no such day
        return None


def _parse_iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:  # trafilatura returns ISO dates, but a page may carry anything
        return None
