"""Build the reuse tables from the processed documents: the pass that runs after the per-document stages.

In: ``documents.parquet`` of a processed folder (its ``doc_id``, cleaned ``text``, ``published_date``,
``event_date`` and ``genre``: a delivered report is dated by its delivery, :func:`public_date`) and the alignment
cache ``.cache/reuse_alignments.arrow``. Out: ``reuse.parquet`` (passage pairs), ``reuse_clusters.parquet`` and ``duplicates.parquet`` (schemas in
:mod:`helpers.store`), written atomically, and the cache with this build's alignments.

The n-gram index is rebuilt from the texts every time (spooled to disk and sorted a slice of the hash
space at a time, :mod:`helpers.reuse.index`; the texts wait on disk too, :mod:`helpers.reuse.texts`); the
alignments, the part that grows with the pairs, are cached by the two texts' hashes, so a rebuild
with one new document aligns only the pairs that document is in. The pass reads the documents table
and runs in the build process, whether the documents were built serially, on local workers or on a
Dask cluster.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from helpers.atomic import make_temporary_file

logger = logging.getLogger(__name__)

CACHE_NAME = "reuse_alignments.arrow"
# Genres whose text is public when it is delivered: a work report read to the congress is posted days or weeks later
# (黑龙江 2026: delivered 1月31日, posted 2月26日), and who had a passage first is who said it first
DELIVERED_GENRES = ("government_work_report", "plan_report")

TABLES = ("reuse", "reuse_clusters", "duplicates")
_CACHE_COLUMNS = ("key_a", "key_b", "start_a", "end_a", "start_b", "end_b", "similarity")


def public_date(published, event, genre):
    """The date a document's text was first public: a delivered report's delivery (its event date) when that comes
    before its posting, else its publication date. (A news story's event date is the event's, not the story's.)

    >>> import datetime as dt
    >>> public_date(dt.date(2026, 2, 26), dt.date(2026, 1, 31), "government_work_report")
    datetime.date(2026, 1, 31)
    >>> public_date(dt.date(2023, 10, 18), dt.date(2023, 10, 17), "news_report")
    datetime.date(2023, 10, 18)
    """
    if genre in DELIVERED_GENRES and event is not None and (published is None or event < published):
        return event
    return published


def _cache_schema():
    """The alignment cache's columns (pyarrow is imported when the pass runs, not by a build that
    finds nothing changed)."""
    import pyarrow as pa

    return pa.schema([(name, pa.string() if name.startswith("key") else pa.float64() if name == "similarity"
                       else pa.int64()) for name in _CACHE_COLUMNS])


class ReuseSummary(NamedTuple):
    """What the reuse pass did."""

    n_passages: int
    n_clusters: int
    n_reposts: int
    n_candidate_pairs: int
    n_aligned_now: int
    seconds: float
    rows: dict  # {table: rows written}


def reuse_version() -> str:
    """A hash of the reuse modules: a changed module makes the next build run the pass again."""
    digest = hashlib.sha256()
    package = resources.files("helpers")
    for module in ("ngrams", "index", "align", "clusters", "detect"):
        digest.update(package.joinpath("reuse", f"{module}.py").read_bytes())
    return digest.hexdigest()[:16]


def build_reuse_tables(tables_dir: str | Path, cache_dir: str | Path, use_cache: bool = True,
                       build_id: str | None = None) -> ReuseSummary:
    """Find the reuse in ``documents.parquet`` of ``tables_dir`` and write the three reuse tables beside
    it, stamped with ``build_id`` like the build's other tables; see the module."""
    import pyarrow.parquet as pq

    from helpers import store
    from helpers.reuse.detect import find_reuse
    from helpers.reuse.texts import spool_texts

    started = time.perf_counter()
    tables_dir = Path(tables_dir)
    documents = pq.read_table(tables_dir / "documents.parquet",
                              columns=["doc_id", "published_date", "event_date", "genre"])
    cache_path = Path(cache_dir) / CACHE_NAME
    cache = read_alignment_cache(cache_path) if use_cache else {}
    # the texts and the n-gram postings wait on disk beside the tables (a stopped build's unpublished
    # generation, with them, is removed by the next build)
    metadata = {store.BUILD_ID_KEY: build_id.encode()} if build_id is not None else None
    rows = {}
    with spool_texts(tables_dir / "documents.parquet", tables_dir) as texts:
        dates = [public_date(*row) for row in zip(documents["published_date"].to_pylist(),
                                                    documents["event_date"].to_pylist(), documents["genre"].to_pylist())]
        result = find_reuse(documents["doc_id"].to_pylist(), texts, dates,
                            documents["genre"].to_pylist(), cache, workdir=tables_dir)
        # the passage rows a batch at a time, while the texts they quote can still be read
        batches = (store.build_table("reuse", columns) for columns in result.rows.batches())
        rows["reuse"] = store.save_table_batches(store.CORPUS_SCHEMAS["reuse"], batches, tables_dir / "reuse.parquet",
                                                 metadata)
    for name, columns in (("reuse_clusters", result.clusters), ("duplicates", result.duplicates)):
        table = store.build_table(name, columns)
        if metadata is not None:
            table = table.replace_schema_metadata(metadata)
        store.save_table(table, tables_dir / f"{name}.parquet")
        rows[name] = table.num_rows
    if use_cache:
        write_alignment_cache(cache_path, cache)
    n_reposts = sum(1 for counted in result.duplicates["counted"] if not counted)
    return ReuseSummary(len(result.rows), len(result.clusters["cluster_id"]), n_reposts,
                        result.n_candidate_pairs, result.n_aligned_pairs,
                        round(time.perf_counter() - started, 3), rows)


def read_alignment_cache(path: Path) -> dict:
    """{(text key a, text key b): [Passage, …]} of the last build; {} when missing, damaged or
    written by other reuse code."""
    import pyarrow as pa

    from helpers.reuse.align import Passage

    try:
        with pa.memory_map(str(path)) as source:
            table = pa.ipc.open_file(source).read_all()
    except (OSError, pa.ArrowInvalid):  # no cache yet, or a damaged file: align everything again
        return {}
    if (table.schema.metadata or {}).get(b"version", b"").decode() != reuse_version() \
            or not table.schema.remove_metadata().equals(_cache_schema()):
        return {}
    cache: dict = {}
    columns = [table[name].to_pylist() for name in _CACHE_COLUMNS]
    for key_a, key_b, start_a, end_a, start_b, end_b, similarity in zip(*columns):
        found = cache.setdefault((key_a, key_b), [])
        if start_a >= 0:  # -1: the pair was aligned and shares nothing
            found.append(Passage(start_a, end_a, start_b, end_b, similarity))
    return cache


def write_alignment_cache(path: Path, cache: dict) -> None:
    """Write the alignments atomically (a pair without passages as one row of -1)."""
    import pyarrow as pa

    rows: dict[str, list] = {name: [] for name in _CACHE_COLUMNS}
    for (key_a, key_b), passages in cache.items():
        for passage in passages or [(-1, -1, -1, -1, 0.0)]:
            rows["key_a"].append(key_a)
            rows["key_b"].append(key_b)
            for name, value in zip(("start_a", "end_a", "start_b", "end_b", "similarity"), passage):
                rows[name].append(value)
    schema = _cache_schema().with_metadata({"version": reuse_version()})
    table = pa.Table.from_pydict(rows, schema=schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = make_temporary_file(path.parent, f".{path.name}.", ".tmp")
    os.close(handle)
    try:
        with pa.OSFile(temporary, "wb") as sink, pa.ipc.new_file(sink, schema) as writer:
            writer.write_table(table)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
