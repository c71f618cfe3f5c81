"""Process one text file too large to hold whole, piece by piece, with offsets into the whole document.

In: the path of a plain-text raw file over ``LARGE_DOCUMENT_BYTES``. Out: the batch tables of that one
document, yielded piece by piece (sentences, cleaning_log, indicators, theme_hits), then its documents
and doc_terms rows; or one quarantine row. The file is read in chunks and decoded incrementally; the
text is cut into pieces of about ``PIECE_CHARACTERS`` after a line break or, in a single long line,
after a sentence end (。!?;), never inside a sentence unless a piece holds none. Each piece is cleaned,
split and extracted on its own, and every offset is shifted to the whole document, so memory follows
the piece, not the file: the cleaned text waits in a temporary file, read back once for the ``text``
column.

What differs from a document read whole: the metadata (title, dates, place, genre) come from the first
piece; the cleaning log's offsets index the concatenated inputs of each step's pieces; a section heading
or a paragraph's place does not carry across a cut; the stage cache is not used.
"""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import logging
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from helpers import store as tables
from helpers.corpus.cleaning import clean_text
from helpers.corpus.documents import CHINESE, ENOUGH_CHINESE, MIN_BODY_CHINESE, apply_catalog, make_doc_id
from helpers.corpus.edits import Edit
from helpers.corpus.metadata import extract_metadata
from helpers.corpus.reading import HTML_SNIFF, PDF_MAGIC, TEXT_SUFFIXES, UnreadableError, _suffix, read_raw
from helpers.corpus.sentences import split_sentences
from helpers.indicators.extract import extract_indicators
from helpers.themes.tagging import count_terms, find_theme_hit_columns

logger = logging.getLogger(__name__)

# Files above this size are processed in pieces (a 20 MB single line took 830 MB whole; 1,000,000
# one-line sentences in 13 MB, 1.8 GB)
LARGE_DOCUMENT_BYTES = 4_000_000
PIECE_CHARACTERS = 1_000_000
CHUNK_BYTES = 4_000_000
# A piece cut inside a line is cleaned after this much of the line before it: line rules look at most
# 20 characters into a line ("….{0,20}首页 > …")
LEAD_CHARACTERS = 64
# Where a piece may end inside a line: after a sentence end and its closing quotes, "…告捷。”"
SENTENCE_END = re.compile(r"[。!?;！？；…]+[”’」』)\]]*")


def is_large_text_file(raw_dir: str, raw_path: str, size: int) -> bool:
    """A plain-text file over ``LARGE_DOCUMENT_BYTES`` (by its name and its first bytes): HTML and PDF
    files are read whole."""
    if size <= LARGE_DOCUMENT_BYTES or _suffix(raw_path) not in TEXT_SUFFIXES:
        return False
    try:
        head = _read_head(raw_dir, raw_path)[:2048]
    except OSError:  # the normal path quarantines it with the reason
        return False
    return not (head.startswith(PDF_MAGIC) or HTML_SNIFF.match(head))


def iter_pieces(chunks: Iterator[str], size: int = PIECE_CHARACTERS) -> Iterator[tuple[str, bool]]:
    """(piece, ends_line) for decoded text chunks: pieces of at most ``size`` characters, cut after the
    last line break in them, else after the last sentence end, else where the piece is full.

    >>> list(iter_pieces(iter(["甲乙。丙丁。戊", "己。"]), size=4))
    [('甲乙。', False), ('丙丁。', False), ('戊己。', False)]
    """
    buffer = ""
    for chunk in chunks:
        buffer += chunk
        while len(buffer) >= size:
            cut = buffer.rfind("\n", 0, size) + 1
            ends_line = cut > 0
            if not ends_line:
                ends = [m.end() for m in SENTENCE_END.finditer(buffer, 0, size)]
                cut = ends[-1] if ends else size  # no sentence end at all: cut where the piece is full
            yield buffer[:cut], ends_line
            buffer = buffer[cut:]
    if buffer:
        yield buffer, buffer.endswith("\n")


def read_large_document(raw_dir: str, raw_path: str, catalog_row: dict | None,
                        piece_characters: int = PIECE_CHARACTERS) -> Iterator[dict[str, pa.Table]]:
    """The tables of one large text file, piece by piece (see the module docstring)."""
    from helpers.build.pipeline import resolve_raw_path

    digest = hashlib.sha256()
    try:
        path = resolve_raw_path(raw_dir, raw_path)
        n_bytes = os.path.getsize(path)
        first = read_raw(_read_head(raw_dir, raw_path), raw_path)
    except UnreadableError as error:
        yield {"quarantine": _quarantine(raw_path, _hash_file(path), n_bytes, str(error))}
        return
    except OSError as error:
        yield {"quarantine": _quarantine(raw_path, None, None, f"could not read the file: {error.strerror or error}")}
        return
    encoding = first.encoding
    decoder = codecs.getincrementaldecoder(encoding)("replace")
    n_replaced = [0]

    def chunks() -> Iterator[str]:
        with open(path, "rb") as handle:
            while True:
                data = handle.read(CHUNK_BYTES)
                digest.update(data)
                text = decoder.decode(data, final=not data)
                n_replaced[0] += text.count("\ufffd")
                if text:
                    yield text
                if not data:
                    return

    doc_id = make_doc_id(raw_path)
    document = None
    # The cleaned text goes to a temporary file (deleted by the system, even if the build is killed)
    # as UTF-8, piece by piece; it is read back once, as the documents row's text
    spool = tempfile.TemporaryFile()
    last_body = ""
    held: list[dict[str, pa.Table]] = []  # until the body is known to hold enough Chinese
    enough = False
    step_offsets: list[int] = []
    body_offset = n_sentences = n_chars_raw = 0
    next_paragraph = 0
    joined_line = True
    terms: Counter = Counter()
    n_chinese = 0
    previous_end = ""
    for piece, ends_line in iter_pieces(chunks(), piece_characters):
        n_chars_raw += len(piece)
        # A piece cut inside a line is cleaned after the character that ended the previous piece (a
        # sentence end), so that rules for the start of a line do not fire in the middle of one
        lead = "" if joined_line else previous_end
        cleaned = _clean_after(lead, piece)
        previous_end = piece[-LEAD_CHARACTERS:].rpartition("\n")[2]
        if document is None:
            meta = extract_metadata(cleaned.normalized, cleaned.body)
            document = _document_row(doc_id, raw_path, n_bytes, encoding, meta, catalog_row)
            step_offsets = [0] * len(cleaned.edits)
        body = cleaned.body
        separator = "\n" if last_body and joined_line and body else ""
        if separator:
            spool.write(b"\n")
            body_offset += 1
        piece_tables = {"cleaning_log": _cleaning_log(doc_id, cleaned.edits, step_offsets, len(piece))}
        if body:
            spool.write(body.encode("utf-8"))
            last_body = body
            sentences = split_sentences(body)
            paragraph_shift = next_paragraph if separator or not n_sentences else next_paragraph - 1
            piece_document = {**document, "text": body}
            piece_tables["sentences"] = tables.build_table("sentences", {
                "doc_id": [doc_id] * len(sentences),
                "sentence_id": [n_sentences + i for i in range(len(sentences))],
                "paragraph_id": [p + paragraph_shift for p in sentences.paragraph_ids],
                "start": [s + body_offset for s in sentences.starts],
                "end": [e + body_offset for e in sentences.ends], "text": sentences.texts})
            indicators = extract_indicators(piece_document, sentences)
            piece_tables["indicators"] = _shifted("indicators", indicators, body_offset, n_sentences)
            hits = find_theme_hit_columns(body, sentences.starts)
            piece_tables["theme_hits"] = _shifted("theme_hits", {
                "doc_id": [doc_id] * len(hits[0]), "sentence_id": hits[0], "theme": hits[1], "term": hits[2],
                "start": hits[3], "end": hits[4]}, body_offset, n_sentences)
            terms.update(count_terms(body))
            if sentences.paragraph_ids:
                next_paragraph = sentences.paragraph_ids[-1] + paragraph_shift + 1
            n_sentences += len(sentences)
            body_offset += len(body)
            if not enough:
                n_chinese += len(CHINESE.findall(body)) if not ENOUGH_CHINESE.search(body) else MIN_BODY_CHINESE
                enough = n_chinese >= MIN_BODY_CHINESE
        joined_line = ends_line
        held.append(piece_tables)
        if enough:
            yield from held
            held.clear()
    if document is None or not enough:
        yield {"quarantine": _quarantine(raw_path, digest.hexdigest(), n_bytes,
                                         f"no body text: {n_chinese} Chinese characters in a large file")}
        return
    notes = list(first.notes)
    if n_replaced[0]:
        notes.append(f"replaced {n_replaced[0]} undecodable byte sequences with U+FFFD ({encoding})")
    notes.append(f"read in pieces of {piece_characters:,} characters (a file over {LARGE_DOCUMENT_BYTES:,} bytes)")
    if catalog_row:
        notes += [f"catalog.csv: {problem}" for problem in apply_catalog(document, catalog_row)]
    document.update(sha256=digest.hexdigest(), read_notes="; ".join(notes), n_chars=body_offset,
                    n_chars_raw=n_chars_raw, n_sentences=n_sentences)
    yield {"documents": _documents_table(document, spool),
           "doc_terms": tables.build_table("doc_terms", {"doc_id": [doc_id] * len(terms), "term": list(terms),
                                                         "n": list(terms.values())})}


def _clean_after(lead: str, piece: str):
    """``clean_text(piece)``, cleaned after ``lead`` (the end of the line the piece continues), with the
    lead taken out again: out of the body and out of the edits (an edit that began in it is trimmed)."""
    if not lead:
        return clean_text(piece)
    cleaned = clean_text(lead + piece)
    edits = []
    length = len(lead)  # the lead's length in the text given to each step, in turn
    for index, step_edits in cleaned.edits:
        kept, change = [], 0
        for edit in step_edits:
            if edit.start >= length:
                kept.append(edit._replace(start=edit.start - length, end=edit.end - length))
            elif edit.end <= length:  # inside the lead: the previous piece logged it
                change += len(edit.inserted) - len(edit.removed)
            elif not edit.inserted or len(edit.removed) == len(edit.inserted):  # a deletion or a conversion
                cut = length - edit.start
                kept.append(edit._replace(start=0, end=edit.end - length, removed=edit.removed[cut:],
                                          inserted=edit.inserted[cut:], left=""))
                change -= cut if not edit.inserted else 0
        length += change
        edits.append((index, kept))
    return dataclasses.replace(cleaned, normalized="", body=cleaned.body[length:], edits=tuple(edits))


def _read_head(raw_dir: str, raw_path: str) -> bytes:
    from helpers.build.pipeline import resolve_raw_path

    with open(resolve_raw_path(raw_dir, raw_path), "rb") as handle:
        return handle.read(CHUNK_BYTES)


def _hash_file(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while data := handle.read(CHUNK_BYTES):
            digest.update(data)
    return digest.hexdigest()


def _document_row(doc_id, raw_path, n_bytes, encoding, meta, catalog_row) -> dict:
    return {"doc_id": doc_id, "sha256": None, "raw_path": raw_path, "n_bytes": n_bytes, "encoding": encoding,
            "format": "text", "read_notes": None, "title": meta.title, "title_from": meta.title_from,
            "published_date": meta.published_date, "date_from": meta.date_from, "event_date": meta.event_date,
            "year": meta.published_date.year if meta.published_date else None, "source": meta.source,
            "author": meta.author, "source_url": meta.source_url, "place": meta.place,
            "place_code": meta.place_code, "place_level": meta.place_level, "place_from": meta.place_from,
            "genre": meta.genre, "genre_from": meta.genre_from, "catalog_fields": []}


def _cleaning_log(doc_id: str, edits, step_offsets: list[int], piece_length: int) -> pa.Table:
    """The piece's edits with offsets into the concatenated inputs of each step; advances the offsets."""
    rows = {name: [] for name in ("doc_id", "step_index", *Edit._fields)}
    length = piece_length  # the length of the text given to each step, in turn
    for index, step_edits in edits:
        for edit in step_edits:
            rows["doc_id"].append(doc_id)
            rows["step_index"].append(index)
            for name, value in zip(Edit._fields, edit):
                rows[name].append(value + step_offsets[index] if name in ("start", "end") else value)
        step_offsets[index] += length
        length += sum(len(e.inserted) - len(e.removed) for e in step_edits)
    return tables.build_table("cleaning_log", rows)


def _shifted(name: str, columns: dict, offset: int, first_sentence: int) -> pa.Table:
    table = tables.build_table(name, columns)
    for column, shift in (("start", offset), ("end", offset), ("sentence_id", first_sentence)):
        index = table.schema.get_field_index(column)
        table = table.set_column(index, column, pc.add(table.column(column), shift).cast(
            table.schema.field(column).type))
    return table


def _documents_table(document: dict, spool) -> pa.Table:
    """The documents row, its text read from the spool file in one buffer (no Python string of it)."""
    spool.seek(0)
    data = pa.py_buffer(spool.read())
    spool.close()
    text = pa.LargeStringArray.from_buffers(1, pa.array([0, data.size], pa.int64()).buffers()[1], data)
    row = tables.build_table("documents", [{**document, "text": None}])
    return row.set_column(row.schema.get_field_index("text"), "text", pa.chunked_array([text], pa.large_string()))


def _quarantine(raw_path, sha256, n_bytes, reason) -> pa.Table:
    return tables.build_table("quarantine", [{"raw_path": raw_path, "sha256": sha256, "n_bytes": n_bytes,
                                              "reason": reason}])
