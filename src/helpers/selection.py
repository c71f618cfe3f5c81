"""Read a selection of the processed tables (place, years, genre) once, with only its rows and columns.

In: the Parquet tables of a processed folder and a selection: a place code ("all" for the corpus; a
city takes its counties), publication years (either bound may be None; undated documents are always
kept) and a genre ("all" for every genre). Out: a :class:`Selection` whose attributes are the
selection's frames, each read on first use and kept: ``documents`` (without their text),
``theme_hits``, ``indicators``, ``doc_terms``, ``sentences``, ``cleaning_log``, ``quarantine`` and
``manifest``. Rows are filtered while the Parquet files are read (only the selection's documents, or
figures about the place), and only the columns a frame needs are read: the documents' text, most of
the documents table's bytes, is read only by the searches that need it (:meth:`Selection.scan_texts`).

    >>> from helpers import selection
    >>> chosen = selection.select("../data/processed", place="liaoyang", start_year=2023)  # doctest: +SKIP
    >>> chosen.documents[["doc_id", "title"]]  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from helpers.corpus.overview import resolve_place
from helpers.paths import PROCESSED_DIR
from helpers.places import load_gazetteer
from helpers.text_search import find_phrase
from helpers.store import (SCHEMAS, find_text_row_groups, read_rows_where, read_selected, resolve_generation,
                           scan_selected)

# The documents' columns every frame of documents carries: all but the text
DOCUMENT_COLUMNS = [f.name for f in SCHEMAS["documents"] if f.name != "text"]
# What a theme hit or an indicator record takes from its document
HIT_DOCUMENT_COLUMNS = ["doc_id", "place", "place_code", "published_date", "year", "genre", "n_chars"]
RECORD_DOCUMENT_COLUMNS = ["doc_id", "title", "published_date", "year", "genre"]
# The columns of the indicators table a selection of records filters on
RECORD_FILTER_COLUMNS = ["doc_id", "place_code", "is_threshold", "indicator", "kind", "period_end"]


def select(processed_dir: str | Path = PROCESSED_DIR, place: str = "all", start_year: int | None = None,
           end_year: int | None = None, genre: str = "all", count_reposts_once: bool = True) -> Selection:
    """The selection of documents about ``place`` (or inside it), published within the years, of a genre.

    Every frame comes from the build published when the selection was made (its generation, see
    :func:`helpers.store.resolve_generation`), even if another build publishes meanwhile. A repost
    (a document the reuse pass grouped with an earlier one, ``duplicates.counted`` False) is left out
    unless ``count_reposts_once`` is False. Nothing else is read yet. ``place`` is a gazetteer code or a place's
    Chinese name ("辽阳市"); an unknown one raises ValueError naming the known codes.
    """
    return Selection(resolve_generation(processed_dir), resolve_place(place), start_year, end_year, genre,
                     count_reposts_once)


def list_codes_inside(place: str) -> list[str]:
    """Every gazetteer code that is ``place`` or lies inside it (辽阳 → liaoyang, liaoyang_dengta, …)."""
    gazetteer = load_gazetteer()
    return sorted(code for code in gazetteer.places if place in gazetteer.ancestors(code))


@dataclass
class Selection:
    """The frames of one selection of the processed tables, each read once, on first use."""

    processed_dir: Path
    place: str = "all"
    start_year: int | None = None
    end_year: int | None = None
    genre: str = "all"
    count_reposts_once: bool = True
    _kept: dict = field(default_factory=dict, repr=False)

    # -- filters --------------------------------------------------------------------------------
    def _document_filter(self, place: bool = True) -> pc.Expression | None:
        """The filter on the documents table: place (if asked), years (undated kept), genre."""
        conditions = []
        if place and self.place != "all":
            conditions.append(pc.field("place_code").isin(pa.array(list_codes_inside(self.place), pa.string())))
        if self.start_year is not None:
            conditions.append(pc.field("year").is_null() | (pc.field("year") >= self.start_year))
        if self.end_year is not None:
            conditions.append(pc.field("year").is_null() | (pc.field("year") <= self.end_year))
        if self.genre != "all":
            conditions.append(pc.field("genre") == self.genre)
        if self.count_reposts_once and self.reposts:
            conditions.append(~pc.field("doc_id").isin(pa.array(self.reposts, pa.string())))
        return _all_of(conditions)

    @cached_property
    def reposts(self) -> list[str]:
        """The documents the reuse pass found to repost an earlier one (left out when reposts count once)."""
        path = self.processed_dir / "duplicates.parquet"
        if not path.exists():  # a build run with --no-reuse
            return []
        duplicates = read_selected("duplicates", self.processed_dir, ["doc_id", "counted"], None).to_pandas()
        return sorted(duplicates.loc[~duplicates["counted"].astype(bool), "doc_id"])

    @property
    def place_names(self) -> frozenset[str]:
        """The names of the place and of the places inside it, as documents give them (none for the corpus)."""
        if self.place == "all":
            return frozenset()
        places = load_gazetteer().places
        return frozenset(places[code].name for code in list_codes_inside(self.place))

    @property
    def is_everything(self) -> bool:
        """True when the selection is the whole corpus: tables keyed by document are read unfiltered."""
        return self._document_filter() is None

    def _by_document(self, name: str, columns: list[str] | None = None) -> pa.Table:
        """One table's rows of the selection's documents (all rows for the whole corpus)."""
        condition = None if self.is_everything else self._in_documents()
        return read_selected(name, self.processed_dir, columns, condition)

    def _in_documents(self) -> pc.Expression:
        """The filter on tables keyed by document: one of the selection's documents."""
        return pc.field("doc_id").isin(self.record_document_table["doc_id"].combine_chunks().cast(pa.string()))

    def widen(self) -> Selection:
        """The same years and genre over every place: what a place is compared with (made once)."""
        if self.place == "all":
            return self
        if "wide" not in self._kept:
            self._kept["wide"] = self.replace(place="all")
        return self._kept["wide"]

    def replace(self, **changes) -> Selection:
        """Another selection of the same folder with some of place, start_year, end_year, genre changed."""
        values = {"place": self.place, "start_year": self.start_year, "end_year": self.end_year,
                  "genre": self.genre, "count_reposts_once": self.count_reposts_once, **changes}
        return select(self.processed_dir, **values)

    # -- frames ---------------------------------------------------------------------------------
    @cached_property
    def document_table(self) -> pa.Table:
        """The selection's documents as Arrow, every column but the text, in the table's order."""
        return read_selected("documents", self.processed_dir, DOCUMENT_COLUMNS, self._document_filter())

    @cached_property
    def documents(self) -> pd.DataFrame:
        """The selection's documents, every column but the text, oldest first (undated last), with
        ``counted``: False for a repost (left out unless the selection counts reposts)."""
        documents = self.document_table.to_pandas()
        documents["counted"] = ~documents["doc_id"].isin(self.reposts)
        return _sort_documents(documents)

    @cached_property
    def doc_ids(self) -> list[str]:
        """The selection's document ids."""
        return self.documents["doc_id"].tolist()

    @cached_property
    def theme_hits(self) -> pd.DataFrame:
        """Theme hits with their document's place, date, year, genre and length."""
        hits = self._by_document("theme_hits").to_pandas()
        return hits.merge(self.documents[HIT_DOCUMENT_COLUMNS], on="doc_id", how="inner")

    @cached_property
    def indicators(self) -> pd.DataFrame:
        """Indicator records about the place (by the record's own place), from documents within the
        years and genre, with their document's title, date, year and genre; thresholds left out."""
        return self._read_indicators([])

    def load_indicators(self, include_thresholds: bool = False) -> pd.DataFrame:
        """The indicator records (see ``indicators``), thresholds included if asked."""
        if not include_thresholds:
            return self.indicators
        if "indicators_all" not in self._kept:
            self._kept["indicators_all"] = self._read_indicators([], include_thresholds=True)
        return self._kept["indicators_all"]

    def find_indicators(self, indicator: str | None = None, kind: str | None = None,
                        limit: int | None = None, with_indicator: bool = False,
                        columns: list[str] | None = None, with_documents: bool = True) -> pd.DataFrame:
        """The selection's records of one indicator and/or kind (the first ``limit`` of them), in the
        file's order: the filter columns of every record are read, the others only where they match.

        ``with_indicator``: only records with a canonical indicator (what the target ledger links
        and a place's profile lists). ``columns``: only these columns of the records (the documents' columns
        are added, unless ``with_documents`` is False), with the sentence held once per distinct
        sentence (a categorical).
        """
        conditions = [pc.field(name) == value for name, value in (("indicator", indicator), ("kind", kind)) if value]
        if with_indicator:
            conditions.append(pc.field("indicator").is_valid())
        condition = self._record_filter(conditions)
        if condition is None and columns is None:
            return self.indicators.head(limit) if limit is not None else self.indicators
        if columns is not None:
            columns = list(dict.fromkeys(["doc_id", *columns]))
        compact = ["sentence"] if columns is not None and "sentence" in columns else None
        keys = ["is_threshold", *(["indicator"] if indicator or with_indicator else []), *(["kind"] if kind else []),
                *(["place_code"] if self.place != "all" else []),
                *(["doc_id"] if self._document_filter(place=False) is not None else [])]  # what the condition reads
        records = read_rows_where("indicators", self.processed_dir, condition if condition is not None else pc.scalar(True),
                                  keys, columns, limit, read_dictionary=compact)
        if not with_documents:
            return records.to_pandas()
        return records.to_pandas().merge(self._record_documents[RECORD_DOCUMENT_COLUMNS], on="doc_id", how="left")

    def _record_filter(self, conditions: list, include_thresholds: bool = False) -> pc.Expression | None:
        conditions = list(conditions)
        if self.place != "all":
            conditions.append(pc.field("place_code").isin(pa.array(list_codes_inside(self.place), pa.string())))
        if not include_thresholds:
            conditions.append(~pc.field("is_threshold"))
        if self._document_filter(place=False) is not None:
            conditions.append(self._record_selection._in_documents())
        return _all_of(conditions)

    @property
    def _record_selection(self) -> Selection:
        """The selection whose documents' records count: a record's place is its own, not its document's."""
        return self.widen()

    @property
    def _record_documents(self) -> pd.DataFrame:
        return self._record_selection.record_documents

    @cached_property
    def record_document_table(self) -> pa.Table:
        """The columns a record takes from its document, of the selection's documents (Arrow)."""
        if "document_table" in self.__dict__:  # read already
            return self.document_table.select(RECORD_DOCUMENT_COLUMNS)
        return read_selected("documents", self.processed_dir, RECORD_DOCUMENT_COLUMNS, self._document_filter())

    @cached_property
    def record_documents(self) -> pd.DataFrame:
        """``record_document_table`` as pandas."""
        return self.record_document_table.to_pandas()

    def _read_indicators(self, conditions: list, include_thresholds: bool = False,
                         columns: list[str] | None = None) -> pd.DataFrame:
        condition = self._record_filter(conditions, include_thresholds)
        records = read_selected("indicators", self.processed_dir, columns, condition).to_pandas()
        return records.merge(self._record_documents[RECORD_DOCUMENT_COLUMNS], on="doc_id", how="left")

    def count_records(self) -> int:
        """How many records ``indicators`` holds, from the filter columns alone."""
        return read_selected("indicators", self.processed_dir, RECORD_FILTER_COLUMNS, self._record_filter([])).num_rows

    def scan_indicator_table(self) -> Iterator[pa.Table]:
        """The records of ``indicators`` as Arrow, a row group at a time, in the file's order, with
        their documents' columns: what an export of millions of records writes, never as pandas rows."""
        documents = self._record_selection.record_document_table
        for records in scan_selected("indicators", self.processed_dir, None, self._record_filter([])):
            positions = pc.index_in(records["doc_id"], value_set=documents["doc_id"])
            for name in RECORD_DOCUMENT_COLUMNS[1:]:
                records = records.append_column(name, documents[name].take(positions))
            yield records

    def count_indicators(self, by: list[str]) -> pd.DataFrame:
        """(by…, figures, with_indicator): the selection's records counted in Arrow, without a row per
        record in pandas; ``indicator_tables.count_indicators`` takes it as it takes the records."""
        condition = self._record_filter([])
        documents = self._record_selection.record_document_table
        own = [c for c in by if c in SCHEMAS["indicators"].names]
        partials = []
        for group in scan_selected("indicators", self.processed_dir, list(dict.fromkeys([*own, "doc_id", "indicator"])),
                                   condition):
            if any(c not in own for c in by):
                group = group.join(documents, "doc_id", join_type="left outer")
            partials.append(group.group_by(by, use_threads=False).aggregate(
                [("doc_id", "count", pc.CountOptions("all")), ("indicator", "count")]))
        return _sum_partials(partials, by, {"doc_id_count": "figures", "indicator_count": "with_indicator"})

    def count_terms(self) -> pd.DataFrame:
        """(place_code, place, term, n): the selection's word counts summed per place of the documents,
        in Arrow a row group at a time; what keyness and word clouds need, without a row per document.

        A place's counts are the rows of its places in the counts of every place (``widen``), which
        a report of a place counts anyway for its comparison.
        """
        if "terms" not in self._kept:
            if self.place != "all":
                wide = self.widen().count_terms()
                inside = wide["place_code"].isin(list_codes_inside(self.place))
                self._kept["terms"] = wide[inside].reset_index(drop=True)
                return self._kept["terms"]
            documents = self.document_table.select(["doc_id", "place_code", "place"])
            # the inner join keeps the selection's documents: no filter on 15 M doc_ids while reading
            partials = [group.join(documents, "doc_id", join_type="inner")
                        .group_by(["place_code", "place", "term"], use_threads=False).aggregate([("n", "sum")])
                        for group in scan_selected("doc_terms", self.processed_dir, ["doc_id", "term", "n"])]
            self._kept["terms"] = _sum_partials(partials, ["place_code", "place", "term"], {"n_sum": "n"})
        return self._kept["terms"]

    def count_terms_by(self, by: str) -> pd.DataFrame:
        """(by, term, n): the selection's word counts summed per value of a documents column (year,
        genre, place_code), in Arrow a row group at a time (undated documents: a null year)."""
        documents = self.document_table.select(["doc_id", by])
        partials = [group.join(documents, "doc_id", join_type="inner")
                    .group_by([by, "term"], use_threads=False).aggregate([("n", "sum")])
                    for group in scan_selected("doc_terms", self.processed_dir, ["doc_id", "term", "n"])]
        return _sum_partials(partials, [by, "term"], {"n_sum": "n"})

    def count_theme_hits(self, by: str) -> pd.DataFrame:
        """(by, theme, hits): the selection's theme hits counted per document column ``by`` (place,
        year, genre, doc_id); ``theme_analysis.summarize_theme_shares`` takes it as it takes the
        hits. The hits are counted per document once, in Arrow, and every ``by`` sums those."""
        owner = self.widen()  # the count covers every document of the file: a place and its corpus share it
        if "theme_hits_per_document" not in owner._kept:
            partials = [group.group_by(["doc_id", "theme"], use_threads=False).aggregate([("theme", "count")])
                        for group in scan_selected("theme_hits", self.processed_dir, ["doc_id", "theme"])]
            owner._kept["theme_hits_per_document"] = _sum_partials(partials, ["doc_id", "theme"], {"theme_count": "hits"})
        counted = owner._kept["theme_hits_per_document"].merge(self.documents[list(dict.fromkeys(["doc_id", by]))],
                                                              on="doc_id", how="inner")
        summed = counted.groupby([by, "theme"])["hits"].sum().astype("int64")  # a missing ``by`` is left out
        return summed.reset_index()

    def find_theme_hits(self, terms: list[str] | None = None, theme: str | None = None) -> pd.DataFrame:
        """The selection's theme hits of some terms and/or one theme (filtered in the file), with
        their documents' columns as in ``theme_hits``."""
        conditions = []  # the selection's documents are kept by the merge below
        if terms is not None:
            conditions.append(pc.field("term").isin(pa.array(list(terms), pa.string())))
        if theme is not None:
            conditions.append(pc.field("theme") == theme)
        hits = read_selected("theme_hits", self.processed_dir, None, _all_of(conditions),
                             read_dictionary=["doc_id", "theme", "term"]).to_pandas()
        return hits.merge(self.documents[HIT_DOCUMENT_COLUMNS], on="doc_id", how="inner")

    def count_theme_pairs(self) -> pd.DataFrame:
        """(theme_a, theme_b, sentences): in how many of the selection's sentences both themes occur
        (a == b: sentences with the theme); ``count_theme_cooccurrence`` takes it.

        Each sentence's themes become the bits of one integer (numpy, a row group at a time), and
        the pairs are counted once per distinct set of themes. A document's hits are written in one
        row group (the build writes whole batches of documents); if a document were found in two,
        the count falls back to a join of the whole table.
        """
        condition = None if self.is_everything else self._in_documents()
        codes: dict[str, int] = {}
        counts: dict[int, int] = {}
        seen: set[str] = set()
        for group in scan_selected("theme_hits", self.processed_dir, ["doc_id", "sentence_id", "theme"], condition):
            documents = pc.dictionary_encode(group["doc_id"]).combine_chunks()
            names = documents.dictionary.to_pylist()
            if seen.intersection(names):
                return self._count_theme_pairs_by_join(condition)
            seen.update(names)
            themes = pc.dictionary_encode(group["theme"]).combine_chunks()
            local = np.array([codes.setdefault(t, len(codes)) for t in themes.dictionary.to_pylist()], dtype=np.int64)
            sentence = (documents.indices.to_numpy().astype(np.int64) << 32) | group["sentence_id"].to_numpy().astype(np.int64)
            keys, inverse = np.unique(sentence, return_inverse=True)
            masks = np.zeros(len(keys), dtype=np.int64)
            np.bitwise_or.at(masks, inverse, np.left_shift(1, local[themes.indices.to_numpy()]))
            for mask, n in zip(*np.unique(masks, return_counts=True)):
                counts[int(mask)] = counts.get(int(mask), 0) + int(n)
        names = {code: theme for theme, code in codes.items()}
        pairs: dict[tuple[str, str], int] = {}
        for mask, n in counts.items():
            present = [names[c] for c in names if mask >> c & 1]
            for a in present:
                for b in present:
                    pairs[(a, b)] = pairs.get((a, b), 0) + n
        table = pd.DataFrame([(a, b, n) for (a, b), n in pairs.items()], columns=["theme_a", "theme_b", "sentences"])
        return table.sort_values(["theme_a", "theme_b"], ignore_index=True)

    def _count_theme_pairs_by_join(self, condition) -> pd.DataFrame:
        hits = read_selected("theme_hits", self.processed_dir, ["doc_id", "sentence_id", "theme"], condition)
        keys = ["doc_id", "sentence_id"]
        themes = hits.group_by([*keys, "theme"], use_threads=False).aggregate([])
        pairs = themes.join(themes.rename_columns([*keys, "theme_b"]), keys, join_type="inner")
        counted = pairs.group_by(["theme", "theme_b"], use_threads=False).aggregate([("doc_id", "count")])
        return (counted.to_pandas().rename(columns={"theme": "theme_a", "doc_id_count": "sentences"})
                .sort_values(["theme_a", "theme_b"], ignore_index=True))

    def count_cleaning(self) -> pd.DataFrame:
        """(step_index, step, rule, doc_id, edits, chars_removed): the selection's cleaning edits
        counted per document and rule in Arrow; ``overview.summarize_cleaning`` takes it."""
        keys = ["step_index", "step", "rule", "doc_id"]
        condition = None if self.is_everything else self._in_documents()
        partials = []
        for group in scan_selected("cleaning_log", self.processed_dir, [*keys, "removed", "inserted"], condition):
            removed = pc.subtract(pc.utf8_length(group["removed"]), pc.utf8_length(group["inserted"]))
            group = group.select(keys).append_column("chars_removed", pc.cast(removed, pa.int64()))
            partials.append(group.group_by(keys, use_threads=False).aggregate(
                [("rule", "count", pc.CountOptions("all")), ("chars_removed", "sum")]))
        return _sum_partials(partials, keys, {"rule_count": "edits", "chars_removed_sum": "chars_removed"})

    def find_cleaning_edits(self, rule: str | None = None, step: str | None = None,
                            limit: int | None = None) -> pd.DataFrame:
        """The selection's cleaning edits of one rule and/or step, in the table's order, reading row
        groups only until ``limit`` edits are found."""
        conditions = [] if self.is_everything else [self._in_documents()]
        conditions += [pc.field(name) == value for name, value in (("rule", rule), ("step", step)) if value]
        found, n = [], 0
        for group in scan_selected("cleaning_log", self.processed_dir, None, _all_of(conditions)):
            found.append(group)
            n += group.num_rows
            if limit is not None and n >= limit:
                break
        table = pa.concat_tables(found) if found else SCHEMAS["cleaning_log"].empty_table()
        return table.slice(0, limit).to_pandas() if limit is not None else table.to_pandas()

    @cached_property
    def doc_terms(self) -> pd.DataFrame:
        """Word counts (doc_id, term, n) of the selection's documents."""
        return self._by_document("doc_terms").to_pandas()

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """Sentences of the selection's documents, with their offsets and text."""
        return self._by_document("sentences").to_pandas()

    def locate_sentences(self, doc_ids: list[str], offsets: list[int]) -> list[int | None]:
        """The number of the sentence that holds each offset into its document's cleaned text (None where no
        sentence does): what a concordance line or a first use cites, read from ``sentences.parquet`` for those
        documents only."""
        if not doc_ids:
            return []
        wanted = pa.array(sorted(set(doc_ids)), pa.string())
        table = read_selected("sentences", self.processed_dir, ["doc_id", "sentence_id", "start", "end"],
                              pc.field("doc_id").isin(wanted)).to_pandas()
        by_document = {doc: (group["start"].to_numpy(), group["end"].to_numpy(), group["sentence_id"].to_numpy())
                       for doc, group in table.sort_values(["doc_id", "start"]).groupby("doc_id", sort=False)}
        located: list[int | None] = []
        for doc_id, offset in zip(doc_ids, offsets):
            starts, ends, ids = by_document.get(doc_id, (np.empty(0), np.empty(0), np.empty(0)))
            i = int(np.searchsorted(starts, offset, side="right")) - 1
            located.append(int(ids[i]) if i >= 0 and offset < ends[i] else None)
        return located

    @cached_property
    def cleaning_log(self) -> pd.DataFrame:
        """Cleaning edits of the selection's documents."""
        return self._by_document("cleaning_log").to_pandas()

    @cached_property
    def quarantine(self) -> pd.DataFrame:
        """Files of the corpus that did not become documents (they have no place or year)."""
        return read_selected("quarantine", self.processed_dir).to_pandas()

    @cached_property
    def manifest(self) -> dict:
        """The build's manifest: when it ran, with which pipeline version, on how many files."""
        return json.loads((self.processed_dir / "manifest.json").read_text(encoding="utf-8"))

    def scan_texts(self, columns: list[str], contains: str | None = None, keep_all: bool = False) -> Iterator[pa.Table]:
        """The selection's documents with their text, a row group at a time, in the table's order.

        ``contains``: only documents whose text holds this literal string: row groups that cannot
        hold it are skipped by the build's index of characters (:mod:`helpers.text_index`), the
        others searched in their UTF-8 bytes (:mod:`helpers.text_search`), before any text becomes a
        Python string; ``keep_all`` leaves that test to the caller. A search that stops early reads
        no further row groups.
        """
        wanted = list(dict.fromkeys([*columns, "doc_id", "text"]))
        condition = self._document_filter()  # on the documents table's own columns
        # with a phrase, only the row groups whose characters may make it up (helpers.text_index)
        groups = find_text_row_groups(self.processed_dir, contains) if contains else None
        for batch in scan_selected("documents", self.processed_dir, wanted, condition, groups):
            if contains and not keep_all:
                batch = batch.filter(pa.array(find_phrase(batch["text"], contains)[0] > 0))
            if batch.num_rows:
                yield batch


def _sum_partials(partials: list[pa.Table], keys: list[str], names: dict[str, str]) -> pd.DataFrame:
    """Sum row-group aggregates into one frame sorted by its keys (missing keys last)."""
    if not partials:
        return pd.DataFrame(columns=[*keys, *names.values()])
    table = pa.concat_tables(partials).group_by(keys, use_threads=False).aggregate(
        [(column, "sum") for column in names])
    frame = table.to_pandas().rename(columns={f"{column}_sum": name for column, name in names.items()})
    return frame[[*keys, *names.values()]].sort_values(keys, na_position="last", ignore_index=True)


def _all_of(conditions: list[pc.Expression]) -> pc.Expression | None:
    if not conditions:
        return None
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = combined & condition
    return combined


def _sort_documents(documents: pd.DataFrame) -> pd.DataFrame:
    return documents.sort_values(["published_date", "doc_id"], na_position="last").reset_index(drop=True)
