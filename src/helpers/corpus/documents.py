"""Process one raw document: bytes in, a document record with its sentences and cleaning log out.

:func:`process_document` is a pure function of the raw bytes, the file's relative path and its
catalog row (if any), so its result can be cached by content hash and computed in any process.
A file that cannot become a document comes back as a :class:`Quarantined` with its reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from helpers.corpus.boilerplate import find_incomplete_notices
from helpers.corpus.cleaning import clean_text
from helpers.corpus.edits import Edit
from helpers.corpus.metadata import GENRES, extract_metadata
from helpers.corpus.normalize import normalize_script
from helpers.places import load_gazetteer
from helpers.corpus.reading import UnreadableError, read_raw
from helpers.corpus.sentences import SentenceTable, split_sentences

# A document needs this many Chinese characters of body text once boilerplate is gone.
MIN_BODY_CHINESE = 20
# twenty Chinese characters anywhere in the body
ENOUGH_CHINESE = re.compile(r"(?:[\u4e00-\u9fff][^\u4e00-\u9fff]*){%d}" % MIN_BODY_CHINESE)
CHINESE = re.compile(r"[\u4e00-\u9fff]")
CATALOG_FIELDS = ("title", "published_date", "source", "author", "source_url", "place", "place_code", "genre")
# The column that says where a field came from, set to "catalog" when the catalog gives the field
FROM_COLUMN = {"title": "title_from", "published_date": "date_from", "genre": "genre_from", "place": "place_from",
               "place_code": "place_from"}


@dataclass(frozen=True)
class DocumentResult:
    """Everything the build keeps for one readable document."""

    document: dict
    sentences: SentenceTable
    edits: tuple[tuple[int, list[Edit]], ...]  # (step_index, that step's edits)


@dataclass(frozen=True)
class Quarantined:
    """A raw file that did not become a document, and why."""

    raw_path: str
    sha256: str
    n_bytes: int
    reason: str
    details: dict = field(default_factory=dict)


def make_doc_id(raw_path: str) -> str:
    """The document id: the path under the raw folder without its extension.

    >>> make_doc_id("corpora/liaoning-gwr-2026.txt")
    'corpora/liaoning-gwr-2026'
    """
    head, _, name = raw_path.rpartition("/")
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return f"{head}/{stem}" if head else stem


def process_document(data: bytes, raw_path: str, catalog_row: dict | None = None):
    """Read, clean, describe and split one raw file.

    Returns a :class:`DocumentResult`, or a :class:`Quarantined` with a reason a person
    understands. Never raises on bad input.

    >>> process_document(b"", "empty.txt").reason
    'empty file (0 bytes)'
    """
    sha = hashlib.sha256(data).hexdigest()
    try:
        raw = read_raw(data, raw_path)
    except UnreadableError as error:
        return Quarantined(raw_path, sha, len(data), str(error))
    cleaned = clean_text(raw.text)
    if not ENOUGH_CHINESE.search(cleaned.body):
        n_chinese = len(CHINESE.findall(cleaned.body))
        removed = sum(len(e.removed) for _, e in cleaned.iter_edits() if e.step == "boilerplate")
        return Quarantined(
            raw_path, sha, len(data),
            f"no body text: {n_chinese} Chinese characters left after removing "
            f"{removed} characters of site boilerplate (a page of navigation or a stub?)",
        )
    meta = extract_metadata(cleaned.normalized, cleaned.body, raw.page)
    document = {
        "doc_id": make_doc_id(raw_path),
        "sha256": sha,
        "raw_path": raw_path,
        "n_bytes": len(data),
        "encoding": raw.encoding,
        "format": raw.format,
        "read_notes": None,
        "title": meta.title,
        "title_from": meta.title_from,
        "published_date": meta.published_date,
        "date_from": meta.date_from,
        "event_date": meta.event_date,
        "year": meta.published_date.year if meta.published_date else None,
        "source": meta.source,
        "author": meta.author,
        "source_url": meta.source_url,
        "place": meta.place,
        "place_code": meta.place_code,
        "place_level": meta.place_level,
        "place_from": meta.place_from,
        "genre": meta.genre,
        "genre_from": meta.genre_from,
        "catalog_fields": [],
        "text": cleaned.body,
        "n_chars": len(cleaned.body),
        "n_chars_raw": len(raw.text),
    }
    notes = list(raw.notes) + find_incomplete_notices(edit for _, edit in cleaned.iter_edits())
    if catalog_row:  # a field the build cannot use is ignored, and said in read_notes
        notes += [f"catalog.csv: {problem}" for problem in apply_catalog(document, catalog_row)]
    document["read_notes"] = "; ".join(notes) or None
    sentences = split_sentences(cleaned.body)
    document["n_sentences"] = len(sentences)
    return DocumentResult(document, sentences, cleaned.edits)


def apply_catalog(document: dict, row: dict) -> list[str]:
    """Override metadata fields from a catalog row; record which. Returns the fields it ignored, and why.

    >>> doc = {"catalog_fields": [], "published_date": None, "year": None, "date_from": "delivery_line"}
    >>> apply_catalog(doc, {"published_date": "2022-03-05", "genre": "诗歌"}), doc["year"], doc["catalog_fields"]
    (["genre '诗歌' is not one of the genres (press_conference, government_work_report, plan_report, news_report, statistical_bulletin, other): ignored"], 2022, ['published_date'])
    >>> doc["published_date"], doc["date_from"]
    (datetime.date(2022, 3, 5), 'catalog')
    """
    problems = []
    for name in CATALOG_FIELDS:
        value = (row.get(name) or "").strip()
        if not value:
            continue
        try:
            value = parse_catalog_field(name, value)
        except ValueError as error:  # the reason, for the build's warnings
            problems.append(f"{error}: ignored")
            continue
        if name == "published_date":
            document.update(published_date=value, year=value.year)
        elif name in ("place", "place_code"):
            place = load_gazetteer().places[value]
            document.update(place=place.name, place_code=value, place_level=place.level)
        else:
            document[name] = value
        if name in FROM_COLUMN:
            document[FROM_COLUMN[name]] = "catalog"
        document["catalog_fields"].append(name)
    return problems


def parse_catalog_field(name: str, value: str):
    """The value one catalog field sets (a date, a genre, a place code, or text).

    Raises:
        ValueError: saying why the value cannot be used.

    >>> parse_catalog_field("place", "辽阳市"), parse_catalog_field("title", "盤錦市工業增長三年行動")
    ('liaoyang', '盘锦市工业增长三年行动')
    >>> parse_catalog_field("published_date", "2023-02-30")
    Traceback (most recent call last):
    ...
    ValueError: published_date '2023-02-30' is not a YYYY-MM-DD date
    """
    if name == "published_date":
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"published_date '{value}' is not a YYYY-MM-DD date") from None
    if name == "genre" and value not in GENRES:
        raise ValueError(f"genre '{value}' is not one of the genres ({', '.join(GENRES)})")
    if name == "title":  # in the script the text is read in: "梧州市2024年市本級為民辦實事" → "…市本级为民办实事"
        return normalize_script(value)[0]
    if name in ("place", "place_code"):
        gazetteer = load_gazetteer()
        code = value if name == "place_code" else next(
            (c for c, p in gazetteer.places.items() if value in (p.name, *p.aliases)), None)
        if code not in gazetteer.places:
            raise ValueError(f"{name} '{value}' is not in resources/places.csv")
        return code
    return value
