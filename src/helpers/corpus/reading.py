"""Turn the bytes of one raw file into text, or say in plain words why it cannot be read.

In: the raw bytes and the file's name (for its extension). Out: a :class:`RawText` (text, detected
encoding, format, page metadata from HTML) or an :class:`UnreadableError` whose message is the
reason a researcher reads in ``quarantine.parquet``. Nothing here writes files or knows about
indicators; every function is a pure function of its input.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

from helpers.corpus.deep_html import MAX_DEPTH as DEEP_HTML_LEVELS
from helpers.corpus.deep_html import flatten_deep_html
from helpers.corpus.normalize import CHINESE_CHARACTER

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES

# '<!DOCTYPE html>', '<html><script src=…', a page saved as .txt by a scraper
HTML_SNIFF = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
PDF_MAGIC = b"%PDF-"

# The 500 most frequent Simplified characters in modern prose; text decoded with the wrong
# codec (Big5 bytes read as GB18030, say) scores far lower on them.
COMMON_CHARACTERS = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点"
    "从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原"
    "又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革"
    "位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强"
    "放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交"
    "受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八"
    "离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布"
    "复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值"
    "号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参"
    "红细引听该铁价严龙飞项振兴辽宁投企"
)
SAMPLE_BYTES = 65536
# A lone surrogate ("\udc80"): no decoder here makes one, a text given directly may hold one
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class UnreadableError(ValueError):
    """A raw file that cannot become text; the message is the reason shown to researchers."""


@dataclass(frozen=True)
class PageMetadata:
    """What an HTML page says about itself (trafilatura's reading of its head and byline)."""

    title: str | None = None
    date: str | None = None
    sitename: str | None = None
    author: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class RawText:
    """The text of one raw file with how it was read."""

    text: str
    encoding: str
    format: str  # "text", "html" or "pdf"
    notes: tuple[str, ...] = ()
    page: PageMetadata = field(default_factory=PageMetadata)


def read_raw(data: bytes, name: str) -> RawText:
    """Read one raw file's bytes as text, choosing the reader by content and extension.

    Args:
        data: the file's bytes, exactly as found.
        name: the file's name or relative path (only its extension is used).

    Raises:
        UnreadableError: with a reason a person understands.

    >>> read_raw("实施全面振兴新突破三年行动".encode("gb18030"), "a.txt").encoding
    'gb18030'
    """
    suffix = _suffix(name)
    if not data:
        raise UnreadableError("empty file (0 bytes)")
    if data.startswith(PDF_MAGIC) or suffix in PDF_SUFFIXES:
        return read_pdf(data)
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableError(
            f"unsupported file type '{suffix}': the corpus reads .txt, .html/.htm and .pdf files; "
            "convert it to one of those"
        )
    decoded = decode_bytes(data)
    if suffix in HTML_SUFFIXES or HTML_SNIFF.match(decoded.text[:2048].encode("utf-8", "ignore")):
        return read_html(decoded)
    return decoded


def decode_bytes(data: bytes) -> RawText:
    """Decode text bytes: BOMs, UTF-16, UTF-8 (tolerating a cut last character), GB18030, Big5.

    >>> decode_bytes("实施".encode("utf-8")[:-1]).notes
    ('the file ends in the middle of a UTF-8 character: dropped 2 incomplete bytes',)
    >>> decode_bytes("盤錦市工業增長".encode("big5")).encoding
    'big5'
    """
    if not data:
        raise UnreadableError("empty file (0 bytes)")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _finish(_decode_tolerant(data, encoding), encoding)
    try:
        return _finish((data.decode("utf-8"), ()), "utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.start >= len(data) - 3:
            dropped = len(data) - error.start
            note = f"the file ends in the middle of a UTF-8 character: dropped {dropped} incomplete bytes"
            return _finish((data[: error.start].decode("utf-8"), (note,)), "utf-8")
        utf8_error = error
    best = _best_other_encoding(data)
    if best is None:
        damaged = _decode_damaged_utf8(data, utf8_error)
        if damaged is not None:
            return _finish(damaged, "utf-8")
        kind = "binary data with NUL bytes" if b"\x00" in data[:SAMPLE_BYTES] else "probably a binary file"
        raise UnreadableError(
            "not text in any supported encoding (tried UTF-8, UTF-16, GB18030, Big5): "
            f"invalid UTF-8 at byte {utf8_error.start}; {kind}"
        )
    return _finish(_decode_tolerant(data, best), best)


TABLE_TAG = re.compile(r"<table\b", re.I)
TABLE_ROW_TEXT = re.compile(r"^\|.*\|", re.M)  # trafilatura writes a table's row as "| 指标 | 目标(%) | 完成(%) |"
VISIBLE_TEXT = "//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"
PRECISE_MIN_SHARE = 0.8  # of the whole reading's Chinese: what the precise one may leave out (navigation) and be kept
SHORT_PAGE_CHARS = 3000  # a page read whole is a short one: longer pages are not read a second time


def read_html(decoded: RawText) -> RawText:
    """Extract the main text and page metadata of an HTML page with trafilatura.

    Scripts, styles and navigation never become text. A page nested deeper than lxml parses is
    flattened first (:mod:`helpers.corpus.deep_html`). A page with no main text is unreadable.
    """
    notes = decoded.notes
    tree = _parse_html(decoded.text)  # parsed once: trafilatura reads a copy of the tree each time, the note the tree
    page_source = tree if tree is not None else decoded.text
    document = _extract_html(page_source)
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        flat = flatten_deep_html(decoded.text)
        if flat.n_dropped:  # too deep for lxml: read again without the deepest tags
            document = _extract_html(flat.html)
            text = getattr(document, "text", None) if document is not None else None
            notes += (f"HTML nested {flat.depth} levels deep: {flat.n_dropped} tags below level "
                      f"{DEEP_HTML_LEVELS} dropped (their text kept) to read it",)
    if not text or not text.strip():
        raise UnreadableError("HTML page without main text (only navigation, scripts or styles)")
    if len(text) < SHORT_PAGE_CHARS and TABLE_TAG.search(decoded.text) and not TABLE_ROW_TEXT.search(text):
        # a short page read whole (trafilatura's fallback when its main text is short) gives its table one cell a
        # line, and its navigation with it: the precise reading keeps the table's rows, when it keeps the text too
        precise = _extract_html(page_source, favor_precision=True)
        precise_text = getattr(precise, "text", None) if precise is not None else None
        if precise_text and TABLE_ROW_TEXT.search(precise_text) \
                and _count_chinese(precise_text) >= PRECISE_MIN_SHARE * _count_chinese(text):
            document, text = precise, precise_text
            notes += ("read with trafilatura's precise setting, which keeps its tables' rows",)
    notes += (_describe_main_text(tree, text),)
    page = PageMetadata(
        title=document.title, date=document.date, sitename=document.sitename,
        author=document.author, url=document.url,
    )
    return RawText(text=text, encoding=decoded.encoding, format="html", notes=notes, page=page)


def _parse_html(html: str):
    """The page as trafilatura parses it (an lxml tree), or None when it cannot (a page nested too deep)."""
    from trafilatura.utils import load_html

    return load_html(html)


def _extract_html(source, favor_precision: bool = False):
    """trafilatura's reading of a page: ``source`` is its HTML or its tree (which trafilatura copies, not changes)."""
    import trafilatura  # imported here: it takes about a second to import

    return trafilatura.bare_extraction(
        source, with_metadata=True, include_comments=False, include_tables=True, favor_recall=not favor_precision,
        favor_precision=favor_precision,
    )


def _describe_main_text(tree, text: str) -> str:
    """How much of a page's Chinese text its main text keeps: what trafilatura left out (navigation, related links,
    the site's footer) is not in the cleaning log, which starts from the main text, so the note says how much it was.

    >>> tree = _parse_html("<html><body><p>首页 政务公开</p><p>全市地区生产总值增长5%</p><script>var a='脚本';</script></body></html>")
    >>> _describe_main_text(tree, "全市地区生产总值增长5%")
    "HTML main text: 10 of the page's 16 Chinese characters (the rest, such as navigation and footer, left out)"
    """
    kept = _count_chinese(text)
    if tree is None:  # a page too deep to parse whole (deep_html's)
        return f"HTML main text: {kept:,} Chinese characters"
    whole = sum(_count_chinese(piece) for piece in tree.xpath(VISIBLE_TEXT))
    return (f"HTML main text: {kept:,} of the page's {max(whole, kept):,} Chinese characters (the rest, such as "
            "navigation and footer, left out)")


def _count_chinese(text: str) -> int:
    return len(CHINESE_CHARACTER.findall(text))


def read_pdf(data: bytes) -> RawText:
    """Extract the text layer of a PDF with pypdf; a PDF without one is unreadable."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableError("PDF is encrypted: save an unencrypted copy to read it")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        # pypdf raises these on truncated or malformed files; the corpus goes on without it
        if isinstance(error, UnreadableError):
            raise
        raise UnreadableError(f"PDF could not be parsed ({type(error).__name__}: {error})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise UnreadableError(
            f"PDF has no text layer ({len(pages)} pages, probably scanned images); OCR it first"
        )
    return RawText(text=text, encoding="pdf", format="pdf")


def _suffix(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return "." + base.rsplit(".", 1)[1].lower() if "." in base.lstrip(".") else ""


def _decode_tolerant(data: bytes, encoding: str) -> tuple[str, tuple[str, ...]]:
    """Decode strictly; a cut last character or a few bad bytes are dropped and noted."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        text = decoder.decode(data, final=False)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        if bad > max(3, len(text) // 1000):
            raise UnreadableError(
                f"damaged {encoding} text: {bad} undecodable byte sequences") from None
        return text.replace("\ufffd", ""), (f"dropped {bad} undecodable byte sequences ({encoding})",)
    leftover = decoder.getstate()[0]
    notes = ()
    if leftover:
        notes = (f"the file ends in the middle of a character: dropped {len(leftover)} incomplete bytes",)
    return text, notes


def _decode_damaged_utf8(data: bytes, error: UnicodeDecodeError) -> tuple[str, tuple[str, ...]] | None:
    """UTF-8 with a few undecodable bytes (a stray 0xFF) replaced by U+FFFD and noted; None when too many.

    >>> _decode_damaged_utf8("辽阳市".encode() + b"\\xff" + "项目".encode(), UnicodeDecodeError("utf-8", b"", 9, 10, ""))
    ('辽阳市\ufffd项目', ('replaced 1 undecodable byte sequences with U+FFFD (invalid UTF-8 from byte 9)',))
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    if bad > max(3, len(text) // 1000):
        return None
    return text, (f"replaced {bad} undecodable byte sequences with U+FFFD (invalid UTF-8 from byte {error.start})",)


def _best_other_encoding(data: bytes) -> str | None:
    """Choose among UTF-16 (no BOM), GB18030 and Big5 by how common the decoded characters are.

    Big5 bytes are also valid GB18030, and UTF-16 bytes often are too: only the characters
    they decode to tell them apart.
    """
    sample = data[:SAMPLE_BYTES]
    scores = {}
    for encoding in ("utf-16-le", "utf-16-be", "gb18030", "big5"):
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        try:
            text = decoder.decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        if CONTROL_CHARACTERS.search(text[:2000]):
            continue
        scores[encoding] = score_common_characters(text)
    if scores:
        best = max(scores, key=scores.get)
        if scores[best] >= 0.2:
            return best
    return _charset_normalizer_guess(data)


def _charset_normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    match = from_bytes(data[: SAMPLE_BYTES * 4]).best()
    if match is None:
        return None
    encoding = match.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return encoding if score_common_characters(text) >= 0.2 else None


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def score_common_characters(text: str) -> float:
    """Share of CJK characters (after Traditional-to-Simplified) that are common characters.

    >>> score_common_characters("实施全面振兴") > 0.5
    True
    >>> score_common_characters("鐎圭偞鏌") < 0.2
    True
    """
    simplified = _t2s().convert(LONE_SURROGATE.sub("\ufffd", text[:20000]))  # OpenCC cannot encode them
    cjk = [c for c in simplified if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        return 0.0
    return sum(c in COMMON_CHARACTERS for c in cjk) / len(cjk)


def _finish(decoded: tuple[str, tuple[str, ...]], encoding: str) -> RawText:
    text, notes = decoded
    check_text_like(text)
    return RawText(text=text, encoding=encoding, format="text", notes=notes)


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def check_text_like(text: str) -> None:
    """Raise UnreadableError when decoded 'text' is mostly control characters (binary data)."""
    sample = text[:SAMPLE_BYTES]
    if not sample.strip():
        raise UnreadableError("the file holds only white space")
    controls = len(CONTROL_CHARACTERS.findall(sample))
    if controls > max(2, len(sample) // 200):
        raise UnreadableError(
            f"binary data: {controls} control characters in the first {len(sample)} characters")
