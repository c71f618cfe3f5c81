"""Find the passages a corpus reuses: exact paragraphs, then locally aligned pairs of documents.

In: the documents' ids, cleaned texts and dates. Out: :class:`ReuseResult` with one row per passage
pair (offsets into both cleaned texts), its cluster, the clusters, and the repost groups.

Two passes keep the output growing with the passages, not with the pairs of documents:

1. Paragraphs (lines of 20+ characters) that appear in several documents verbatim or nearly so
   (:mod:`helpers.reuse.paragraphs`: MinHash candidates, verified at 0.8 Indel similarity) are
   one cluster each. Its earliest instance (by date, then ``doc_id``) is the source; every other
   document holding it gets one row pairing it with the source, and its copy is left out of pass 2.
   A paragraph reposted in 1,000 documents gives 999 rows, not 499,500.
2. What is left is indexed as character 5-grams; pairs of documents that share at least
   ``min_shared`` rare ones (in at most ``max_df`` documents) are aligned
   (:mod:`helpers.reuse.align`), so edited copies (a few characters changed, a sentence inserted)
   are found, and an edited copy of a repeated paragraph is aligned with that paragraph's source.

In every row ``a`` is the earlier document (date, then ``doc_id``; undated last), so a row reads
"b took this passage from a". Alignments are kept in ``cache`` by the two texts' hashes: a rebuild
aligns only the pairs it has not aligned before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from helpers.reuse.align import Passage, align_passages
from helpers.reuse.clusters import build_duplicate_groups, build_passage_clusters, key_document
from helpers.reuse.index import (MAX_DF, MIN_SHARED, DocumentNgrams, PostingSpool, count_slices, drop_frequent,
                                 find_candidate_pairs, index_document, match_seeds)
from helpers.reuse.ngrams import collect_paragraphs, hash_ngrams
from helpers.reuse.paragraphs import match_paragraphs
from helpers.reuse.texts import SpooledTexts

logger = logging.getLogger(__name__)

EXACT, SIMILAR, ALIGNED = "exact paragraph", "similar paragraph", "aligned"
# Passage rows made into table columns at once (their ids, dates and texts as Python objects)
PASSAGE_BATCH_ROWS = 100_000


@dataclass
class ReuseResult:
    """The reuse tables: ``rows`` of the passages (reuse), made a batch at a time, and the columns of
    ``clusters`` and ``duplicates``."""

    rows: PassageRows | None = None
    clusters: dict[str, list] = field(default_factory=dict)
    duplicates: dict[str, list] = field(default_factory=dict)
    n_candidate_pairs: int = 0
    n_aligned_pairs: int = 0

    @property
    def passages(self) -> dict[str, list]:
        """Every passage row as columns, all at once (the build writes them a batch at a time)."""
        return self.rows.columns(0, len(self.rows)) if self.rows is not None else {}


@dataclass
class PassageRows:
    """The passage pairs as arrays (documents, offsets, similarity, cluster), and their columns for the
    reuse table made a batch of rows at a time: ids, dates and texts take Python objects per row, and
    a corpus that reposts every paragraph a thousand times has millions of rows."""

    ids: list[str]
    texts: Sequence[str]
    dates: list
    doc_a: np.ndarray
    start_a: np.ndarray
    end_a: np.ndarray
    doc_b: np.ndarray
    start_b: np.ndarray
    end_b: np.ndarray
    similarity: np.ndarray
    cluster: np.ndarray
    cluster_docs: np.ndarray
    n_exact: int  # the first rows are repeated paragraphs, the rest aligned passages

    def __len__(self) -> int:
        return int(self.doc_a.size)

    def batches(self, size: int = PASSAGE_BATCH_ROWS):
        """The columns of rows 0 to ``size``, then the next ``size``, …"""
        for low in range(0, len(self), size):
            yield self.columns(low, min(low + size, len(self)))

    def columns(self, low: int, high: int) -> dict[str, list]:
        """The reuse table's columns for rows ``low`` to ``high``."""
        rows = slice(low, high)
        doc_a, doc_b = self.doc_a[rows], self.doc_b[rows]
        ids, dates = self.ids, self.dates
        made: dict = {}  # the batch's spans, each one string
        text_a = _slice_texts(self.texts, doc_a, self.start_a[rows], self.end_a[rows], made=made)
        text_b = _slice_texts(self.texts, doc_b, self.start_b[rows], self.end_b[rows], unless=text_a,
                              made=made)  # None: the same text as a's
        n_exact = max(0, min(high, self.n_exact) - low)
        cluster = self.cluster[rows]
        return {
            "doc_id_a": [ids[a] for a in doc_a.tolist()], "start_a": self.start_a[rows], "end_a": self.end_a[rows],
            "doc_id_b": [ids[b] for b in doc_b.tolist()], "start_b": self.start_b[rows], "end_b": self.end_b[rows],
            "length_a": self.end_a[rows] - self.start_a[rows], "length_b": self.end_b[rows] - self.start_b[rows],
            "similarity": self.similarity[rows],
            "method": [EXACT if tb is None else SIMILAR for tb in text_b[:n_exact]] + [ALIGNED] * (high - low - n_exact),
            "cluster_id": cluster, "n_docs": self.cluster_docs[cluster] if cluster.size else cluster,
            "date_a": [dates[a] for a in doc_a.tolist()], "date_b": [dates[b] for b in doc_b.tolist()],
            "lag_days": [(dates[b] - dates[a]).days if dates[a] and dates[b] else None
                         for a, b in zip(doc_a.tolist(), doc_b.tolist())],
            "text_a": text_a, "text_b": text_b,
        }


def key_text(text: str) -> str:
    """The hash that identifies a cleaned text in the alignment cache."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def find_reuse(doc_ids: list[str], texts: Sequence[str], dates: list, genres: list | None = None,
               cache: dict | None = None, max_df: int = MAX_DF, min_shared: int = MIN_SHARED,
               workdir: str | Path | None = None) -> ReuseResult:
    """Every reused passage of the corpus; see the module docstring. ``texts`` is a list or
    :class:`~helpers.reuse.texts.SpooledTexts` (read a text at a time); the n-gram postings are spooled
    to a temporary folder in ``workdir`` (the system's when None). ``cache`` (a dict) is read and
    filled: ``{(text key a, text key b): [Passage, …]}``."""
    order = sorted(range(len(doc_ids)), key=lambda i: _date_rank(dates[i]) + (doc_ids[i],))
    ids = [doc_ids[i] for i in order]
    texts = texts.take(order) if isinstance(texts, SpooledTexts) else [texts[i] for i in order]
    dates = [_as_date(dates[i]) for i in order]
    genres = [genres[i] for i in order] if genres is not None else [None] * len(ids)
    cache = {} if cache is None else cache
    keys: list[str] = []
    paragraphs = collect_paragraphs(_keyed(texts, keys))  # one reading of the texts for both
    exact, masked = match_paragraphs(texts, paragraphs)
    with PostingSpool(workdir or tempfile.gettempdir(), count_slices(sum(_lengths(texts)))) as spool:
        for number, text in enumerate(texts):
            spool.add(index_document(hash_ngrams(text), masked.get(number, ())).hashes)
        pairs, frequent = find_candidate_pairs(spool, max_df, min_shared)
    shared = _SharedNgrams(texts, masked, frequent)
    aligned = []
    n_computed = 0
    for a, b in zip(pairs.a.tolist(), pairs.b.tolist()):
        found = cache.get((keys[a], keys[b]))
        if found is None:
            found = align_passages(texts[a], texts[b], *match_seeds(shared[a], shared[b]))
            cache[(keys[a], keys[b])] = found
            n_computed += 1
        aligned += [(a, b, passage) for passage in found]
    logger.info("reuse: %d candidate pairs, %d aligned now", len(pairs.a), n_computed)
    result = _build_rows(ids, texts, dates, genres, paragraphs, exact, aligned)
    result.n_candidate_pairs, result.n_aligned_pairs = len(pairs.a), n_computed
    return result


# Bytes of documents' shared n-grams kept (12 a n-gram): a document is in many pairs, and those of a 10 MB corpus fit
CACHED_NGRAM_BYTES = 64_000_000


class _SharedNgrams:
    """A document's n-grams outside its repeated paragraphs and without the corpus's frequent ones, the
    most recently used kept up to ``CACHED_NGRAM_BYTES``: a document is indexed again only when it has
    been pushed out."""

    def __init__(self, texts: Sequence[str], masked: dict, frequent: np.ndarray):
        self.texts, self.masked, self.frequent = texts, masked, frequent
        self._found: dict[int, DocumentNgrams] = {}
        self._bytes = 0

    def __getitem__(self, number: int) -> DocumentNgrams:
        found = self._found.pop(number, None)
        if found is None:
            found = drop_frequent(index_document(hash_ngrams(self.texts[number]), self.masked.get(number, ())),
                                  self.frequent)
            self._bytes += found.hashes.nbytes + found.positions.nbytes
        self._found[number] = found  # the most recent last
        while self._bytes > CACHED_NGRAM_BYTES and len(self._found) > 1:
            oldest = self._found.pop(next(iter(self._found)))
            self._bytes -= oldest.hashes.nbytes + oldest.positions.nbytes
        return found


def _keyed(texts: Sequence[str], keys: list[str]):
    """The texts, each one's key (:func:`key_text`) appended to ``keys`` as it passes."""
    for text in texts:
        keys.append(key_text(text))
        yield text


def _lengths(texts: Sequence[str]) -> list[int] | np.ndarray:
    """Each text's length in characters, without reading a spooled text."""
    return texts.lengths if isinstance(texts, SpooledTexts) else [len(text) for text in texts]


def _date_rank(value) -> tuple:
    value = _as_date(value)
    return (0, value.toordinal()) if value else (1, 0)


def _as_date(value) -> dt.date | None:
    """A ``datetime.date`` from a date, a pandas Timestamp, or None/NaT."""
    if value is None or value != value:  # NaT is not equal to itself
        return None
    return value.date() if isinstance(value, dt.datetime) or hasattr(value, "to_pydatetime") else value


def _build_rows(ids, texts, dates, genres, paragraphs, exact, aligned) -> ReuseResult:
    n = len(exact) + len(aligned)
    doc_a, doc_b = np.empty(n, np.int64), np.empty(n, np.int64)
    start_a, end_a = np.empty(n, np.int64), np.empty(n, np.int64)
    start_b, end_b = np.empty(n, np.int64), np.empty(n, np.int64)
    similarity, exact_key = np.ones(n), np.full(n, -1, np.int64)
    for row, copy in enumerate(exact):
        pa, pb = paragraphs.row(copy.source_doc, copy.source_index), paragraphs.row(copy.copy_doc, copy.copy_index)
        doc_a[row], start_a[row], end_a[row] = copy.source_doc, paragraphs.starts[pa], paragraphs.ends[pa]
        doc_b[row], start_b[row], end_b[row] = copy.copy_doc, paragraphs.starts[pb], paragraphs.ends[pb]
        exact_key[row], similarity[row] = copy.group, copy.similarity
    for row, (a, b, passage) in enumerate(aligned, start=len(exact)):
        doc_a[row], start_a[row], end_a[row] = a, passage.start_a, passage.end_a
        doc_b[row], start_b[row], end_b[row] = b, passage.start_b, passage.end_b
        similarity[row] = passage.similarity
    cluster = build_passage_clusters(doc_a, start_a, end_a, doc_b, start_b, end_b, exact_key)
    cluster_docs = _count_cluster_documents(cluster, doc_a, doc_b)
    result = ReuseResult()
    result.rows = PassageRows(ids, texts, dates, doc_a, start_a, end_a, doc_b, start_b, end_b, similarity, cluster,
                              cluster_docs, len(exact))
    result.clusters = _summarize_clusters(ids, texts, dates, genres, cluster, doc_a, start_a, end_a, doc_b, cluster_docs)
    result.duplicates = _group_duplicates(ids, texts, dates, paragraphs, doc_a, doc_b,
                                          end_a - start_a, end_b - start_b)
    return result


def _slice_texts(texts: Sequence[str], docs: np.ndarray, starts: np.ndarray, ends: np.ndarray,
                 unless: list[str] | None = None, made: dict | None = None) -> list[str | None]:
    """``texts[doc][start:end]`` of each row, each document read once (its rows taken together) and each
    span made once, kept in ``made`` (the rows of a paragraph reposted a thousand times share its string);
    None where it equals the row's string in ``unless``."""
    sliced: list[str | None] = [None] * docs.size
    made = {} if made is None else made
    current, text = -1, ""
    for row in np.argsort(docs, kind="stable").tolist():
        doc, start, end = int(docs[row]), int(starts[row]), int(ends[row])
        if doc != current:
            current, text = doc, texts[doc]
        span = made.get((doc, start, end))
        if span is None:
            span = made[(doc, start, end)] = text[start:end]
        sliced[row] = None if unless is not None and unless[row] == span else span
    return sliced


def _count_cluster_documents(cluster: np.ndarray, doc_a: np.ndarray, doc_b: np.ndarray) -> np.ndarray:
    """Distinct documents per cluster (both sides of its rows)."""
    if not cluster.size:
        return np.zeros(0, np.int64)
    pairs = np.unique(np.c_[np.r_[cluster, cluster], np.r_[doc_a, doc_b]], axis=0)
    return np.bincount(pairs[:, 0], minlength=int(cluster.max()) + 1)


def _summarize_clusters(ids, texts, dates, genres, cluster, doc_a, start_a, end_a, doc_b, cluster_docs) -> dict[str, list]:
    """One row per cluster: how many documents and pairs, the first holder and date, the span of
    dates, the passage's text as its first holder has it, and the share and number of its genre's documents."""
    n_clusters = int(cluster.max()) + 1 if cluster.size else 0
    first_row = np.full(n_clusters, -1, np.int64)
    for row, label in enumerate(cluster.tolist()):  # rows are in source order within a cluster
        if first_row[label] < 0 or doc_a[row] < doc_a[first_row[label]]:
            first_row[label] = row
    members: list[set] = [set() for _ in range(n_clusters)]
    for label, a, b in zip(cluster.tolist(), doc_a.tolist(), doc_b.tolist()):
        members[label].update((a, b))
    genre_sizes: dict = {}
    for genre in genres:
        genre_sizes[genre] = genre_sizes.get(genre, 0) + 1
    columns: dict[str, list] = {name: [] for name in (
        "cluster_id", "n_docs", "n_pairs", "first_doc_id", "first_date", "last_date", "span_days",
        "length", "share_of_genre", "genre_docs", "text")}
    n_pairs = np.bincount(cluster, minlength=n_clusters) if n_clusters else []
    for label in range(n_clusters):
        docs = sorted(members[label])
        first = docs[0]
        dated = [dates[d] for d in docs if dates[d]]
        columns["cluster_id"].append(label)
        columns["n_docs"].append(int(cluster_docs[label]))
        columns["n_pairs"].append(int(n_pairs[label]))
        columns["first_doc_id"].append(ids[first])
        columns["first_date"].append(min(dated) if dated else None)
        columns["last_date"].append(max(dated) if dated else None)
        columns["span_days"].append((max(dated) - min(dated)).days if dated else None)
        row = int(first_row[label])
        text = texts[int(doc_a[row])][int(start_a[row]):int(end_a[row])]
        columns["length"].append(len(text))
        same_genre = sum(1 for d in docs if genres[d] == genres[first])
        columns["share_of_genre"].append(same_genre / genre_sizes[genres[first]])
        columns["genre_docs"].append(same_genre)
        columns["text"].append(text)
    return columns


def _group_duplicates(ids, texts, dates, paragraphs, doc_a, doc_b, length_a, length_b) -> dict[str, list]:
    """Repost groups of documents, with the counted member (see :mod:`helpers.reuse.clusters`)."""
    n_docs = len(ids)
    if doc_a.size:
        pair = doc_a * max(n_docs, 1) + doc_b
        unique, inverse = np.unique(pair, return_inverse=True)
        covered_a = np.bincount(inverse, weights=length_a)
        covered_b = np.bincount(inverse, weights=length_b)
        pair_a, pair_b = unique // n_docs, unique % n_docs
    else:
        pair_a = pair_b = np.zeros(0, np.int64)
        covered_a = covered_b = np.zeros(0)
    n_chars = [int(n) for n in _lengths(texts)]
    # date first (undated last), then the longest, then doc_id
    rank_order = sorted(range(n_docs), key=lambda i: _date_rank(dates[i]) + (-n_chars[i], ids[i]))
    rank = [0] * n_docs
    for position, index in enumerate(rank_order):
        rank[index] = position
    # (a document without paragraphs is keyed by its text, read only then)
    keys = []
    for number in range(n_docs):
        found = paragraphs.keys_of(number)
        keys.append(key_document(found, "" if found else texts[number]))
    groups = build_duplicate_groups(keys, n_chars, rank, pair_a, pair_b, covered_a, covered_b)
    counted_id = {}
    for index, (label, counted) in enumerate(zip(groups.group, groups.counted)):
        if counted:
            counted_id[label] = ids[index]
    return {"doc_id": ids, "duplicate_cluster": [counted_id[label] for label in groups.group],
            "n_members": groups.n_members, "counted": groups.counted, "match": groups.match}
