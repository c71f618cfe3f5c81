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

from helpers.corpus.cleaning import clean_text
from helpers.corpus.edits import Edit
from helpers.corpus.metadata import GENRES, extract_metadata
from helpers.places import load_gazetteer
from helpers.corpus.reading import UnreadableError, read_raw
from helpers.corpus.sentences import SentenceTable, split_sentences

# A document needs this many Chinese characters of body text once boilerplate is gone.
MIN_BODY_CHINESE = 20
# twenty Chinese characters anywhere in the body
ENOUGH_CHINESE = re.compile(r"(?:[\u4e00-\u9fff][^\u4e00-\u9fff]*){%d}" % MIN_BODY_CHINESE)
CHINESE = re.compile(r"[\u4e00-\u9fff]")
CATALOG_FIELDS = ("title", "published_date", "source", "author", "source_url", "place", "place_code", "genre")


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
        "read_notes": "; ".join(raw.notes) or None,
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
    if catalog_row:
        problem = apply_catalog(document, catalog_row)
        if problem:
            return Quarantined(raw_path, sha, len(data), problem)
    sentences = split_sentences(cleaned.body)
    document["n_sentences"] = len(sentences)
    return DocumentResult(document, sentences, cleaned.edits)


def apply_catalog(document: dict, row: dict) -> str | None:
    """Override metadata fields from a catalog row; record which. Returns a problem or None.

    >>> doc = {"catalog_fields": [], "published_date": None, "year": None}
    >>> apply_catalog(doc, {"published_date": "2022-03-05", "genre": ""}), doc["year"], doc["catalog_fields"]
    (None, 2022, ['published_date'])
    """
    gazetteer = load_gazetteer()
    for name in CATALOG_FIELDS:
        value = (row.get(name) or "").strip()
        if not value:
            continue
        if name == "published_date":
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                return f"catalog.csv gives published_date '{value}', which is not a YYYY-MM-DD date"
            document["year"] = value.year
        elif name == "genre" and value not in GENRES:
            return f"catalog.csv gives genre '{value}'; use one of {', '.join(GENRES)}"
        elif name in ("place", "place_code"):
            code = value if name == "place_code" else next(
                (c for c, p in gazetteer.places.items() if value in (p.name, *p.aliases)), None)
            if code not in gazetteer.places:
                return f"catalog.csv gives place '{value}', which is not in resources/places.csv"
            place = gazetteer.places[code]
            document.update(place=place.name, place_code=code, place_level=place.level,
                            place_from="catalog")
            document["catalog_fields"].append(name)
            continue
        document[name] = value
        document["catalog_fields"].append(name)
    return None
