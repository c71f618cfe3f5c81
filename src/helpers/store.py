"""Save and load the processed Parquet tables, atomically, with a fixed schema per table.

Only this module and the report runner write files. A table is written to a temporary file in the
same folder and renamed over the old one, so an interrupted build leaves the previous table intact.
A build writes all its tables into a generation folder and then switches one pointer, ``current``
(see :mod:`helpers.build.generations`); :func:`load_table` reads through that pointer and refuses a
table whose build id differs from the one its folder's ``manifest.json`` names.
"""

from __future__ import annotations

import json
import os
import sys
import types
import warnings
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

if TYPE_CHECKING:
    import pyarrow.parquet as pq

from helpers.paths import CURRENT_LINK, MANIFEST_NAME, PROCESSED_DIR
from helpers.atomic import make_temporary_file

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", pa.string()), ("sha256", pa.string()), ("raw_path", pa.string()),
        ("n_bytes", pa.int64()), ("encoding", pa.string()), ("format", pa.string()),
        ("read_notes", pa.string()), ("title", pa.string()), ("title_from", pa.string()),
        ("published_date", pa.date32()), ("date_from", pa.string()), ("event_date", pa.date32()),
        ("year", pa.int32()), ("source", pa.string()), ("author", pa.string()),
        ("source_url", pa.string()), ("place", pa.string()), ("place_code", pa.string()),
        ("place_level", pa.string()), ("place_from", pa.string()), ("genre", pa.string()),
        ("genre_from", pa.string()), ("catalog_fields", pa.list_(pa.string())),
        ("text", pa.large_string()), ("n_chars", pa.int64()), ("n_chars_raw", pa.int64()),
        ("n_sentences", pa.int64()),
    ]),
    "sentences": pa.schema([
        ("doc_id", pa.string()), ("sentence_id", pa.int32()), ("paragraph_id", pa.int32()),
        ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
    ]),
    "cleaning_log": pa.schema([
        ("doc_id", pa.string()), ("step_index", pa.int8()), ("step", pa.string()),
        ("rule", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
        ("removed", pa.string()), ("inserted", pa.string()), ("left", pa.string()),
        ("right", pa.string()),
    ]),
    "indicators": pa.schema([
        ("doc_id", pa.string()), ("sentence_id", pa.int32()), ("start", pa.int64()), ("end", pa.int64()),
        ("quote", pa.string()), ("sentence", pa.string()), ("value", pa.float64()),
        ("value_high", pa.float64()), ("unit", pa.string()), ("qualifier", pa.string()),
        ("approximate", pa.bool_()), ("metric", pa.string()), ("indicator", pa.string()),
        ("direction", pa.string()), ("kind", pa.string()), ("kind_cue", pa.string()),
        ("period", pa.string()), ("period_start", pa.date32()), ("period_end", pa.date32()),
        ("period_from", pa.string()), ("is_average", pa.bool_()), ("place", pa.string()),
        ("place_code", pa.string()), ("is_threshold", pa.bool_()),
    ]),
    "doc_terms": pa.schema([("doc_id", pa.string()), ("term", pa.string()), ("n", pa.int32())]),
    "theme_hits": pa.schema([
        ("doc_id", pa.string()), ("sentence_id", pa.int32()), ("theme", pa.string()),
        ("term", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
    ]),
    "quarantine": pa.schema([
        ("raw_path", pa.string()), ("sha256", pa.string()), ("n_bytes", pa.int64()),
        ("reason", pa.string()),
    ]),
}
# Tables built over the whole corpus after the per-document stages (helpers.reuse): passage pairs
# with offsets into both cleaned texts, their clusters, and the repost groups of documents
CORPUS_SCHEMAS: dict[str, pa.Schema] = {
    "reuse": pa.schema([
        ("doc_id_a", pa.string()), ("start_a", pa.int64()), ("end_a", pa.int64()),
        ("doc_id_b", pa.string()), ("start_b", pa.int64()), ("end_b", pa.int64()),
        ("length_a", pa.int64()), ("length_b", pa.int64()), ("similarity", pa.float64()),
        ("method", pa.string()), ("cluster_id", pa.int64()), ("n_docs", pa.int64()),
        ("date_a", pa.date32()), ("date_b", pa.date32()), ("lag_days", pa.int32()),
        ("text_a", pa.large_string()), ("text_b", pa.large_string()),
    ]),
    "reuse_clusters": pa.schema([
        ("cluster_id", pa.int64()), ("n_docs", pa.int64()), ("n_pairs", pa.int64()),
        ("first_doc_id", pa.string()), ("first_date", pa.date32()), ("last_date", pa.date32()),
        ("span_days", pa.int32()), ("length", pa.int64()), ("share_of_genre", pa.float64()),
        ("text", pa.large_string()),
    ]),
    "duplicates": pa.schema([
        ("doc_id", pa.string()), ("duplicate_cluster", pa.string()), ("n_members", pa.int32()),
        ("counted", pa.bool_()), ("match", pa.string()),
    ]),
}
# The key, in each table file's schema metadata, of the build that wrote it
BUILD_ID_KEY = b"helpers_build_id"
# Rows held per table before they are written as one Parquet row group (Arrow's in-memory size)
ROW_GROUP_BYTES = 4_000_000


def _parquet():
    """pyarrow.parquet, imported on first use (20 ms): a build's worker processes, forked before
    the first table is written, hand their tables over as Arrow and never need it."""
    import pyarrow.parquet

    return pyarrow.parquet



def build_table(name: str, columns: dict[str, list] | list[dict]) -> pa.Table:
    """Columns (or row dicts) to an Arrow table with the table's fixed schema.

    Columns the schema does not name are dropped; columns it names but the data lacks are null.
    """
    schema = SCHEMAS[name] if name in SCHEMAS else CORPUS_SCHEMAS[name]
    if isinstance(columns, list):
        columns = {f.name: [row.get(f.name) for row in columns] for f in schema}
    n = max((len(v) for v in columns.values()), default=0)
    data = {f.name: columns.get(f.name, [None] * n) for f in schema}
    return pa.Table.from_pydict(data, schema=schema)


def save_table(table: pa.Table, path: Path) -> Path:
    """Write a Parquet file atomically: temporary file in the same folder, then rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = make_temporary_file(path.parent, f".{path.name}.", ".tmp")
    os.close(handle)
    pq = _parquet()
    try:
        pq.write_table(table, temporary, compression="zstd")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def load_table(name: str, processed_dir: str | Path = PROCESSED_DIR):
    """Read one processed table as a DataFrame; a missing table says how to build it.

    The table is read from the generation the folder's ``current`` pointer names (or from the folder
    itself when it has none) and checked against that generation's manifest: a table written by
    another build raises a ValueError rather than mix two builds. To read several tables from one
    build while another build may publish, pass ``resolve_generation(processed_dir)`` to each call.

    The Arrow table read is kept for the file as it is now (`read_arrow_table`), so a notebook that
    loads the documents five times reads and decompresses them once; each call gets its own DataFrame.
    """
    folder = resolve_generation(processed_dir)
    path = folder / f"{name}.parquet"
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist: run `make processed` (python -m helpers build)")
    table = read_arrow_table(path)
    check_table_build(name, folder, table)
    return table.to_pandas()  # pandas is imported here, not by the build


def resolve_generation(processed_dir: str | Path = PROCESSED_DIR) -> Path:
    """The folder that holds the current set of tables: the target of ``current``, or the folder itself.

    The pointer is read once, so every table read from the returned folder comes from one build.
    """
    folder = Path(processed_dir)
    link = folder / CURRENT_LINK
    if link.is_symlink() or link.is_dir():
        return link.resolve()
    return folder


def check_table_build(name: str, folder: Path, table: pa.Table) -> None:
    """Raise a ValueError when ``table`` was written by another build than the manifest of ``folder``.

    Tables in a folder without a manifest, or with a manifest that lists no build ids (an older build,
    tables saved by hand), are not checked.
    """
    try:
        expected = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8")).get("table_builds", {})
    except (OSError, ValueError):  # no manifest: tables saved by hand, nothing to check against
        return
    if name not in expected:
        return
    found = (table.schema.metadata or {}).get(BUILD_ID_KEY, b"").decode()
    if found != expected[name]["build_id"] or table.num_rows != expected[name]["rows"]:
        raise ValueError(
            f"{folder / f'{name}.parquet'} does not belong to the build its manifest describes "
            f"(table from build {found or 'unknown'} with {table.num_rows} rows; the manifest names build "
            f"{expected[name]['build_id']} with {expected[name]['rows']} rows): the folder mixes two builds. "
            "Run `python -m helpers build` again.")


_READ: dict[str, tuple[tuple[int, int, int], pa.Table]] = {}


def read_arrow_table(path: str | Path) -> pa.Table:
    """The Parquet file as an (immutable) Arrow table, read again only when the file changed.

    A file is known by its inode, size and modification time: a rebuild renames a new file into
    place, which changes all three. Only the latest read of each path is kept in memory.
    """
    path = Path(path).resolve()
    stat = path.stat()
    identity = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    kept = _READ.get(str(path))
    if kept is None or kept[0] != identity:
        kept = _READ[str(path)] = (identity, _parquet().read_table(path))
    return kept[1]


def spool_tables(tables: dict[str, pa.Table], path: str | Path) -> list[tuple[str, int, int]]:
    """Write a batch's tables into one file as Arrow IPC streams; return (name, offset, size) of each.

    A worker process hands its batch to the build this way rather than through a pipe: writing
    4 MB here takes about 1 ms, where pickling it and pushing it through a 64 KB pipe kept the
    worker 5–20 ms from its next batch. :func:`read_spooled` maps the file back without a copy.
    """
    index = []
    with pa.OSFile(str(path), "wb") as sink:
        for name, table in tables.items():
            start = sink.tell()
            with pa.ipc.new_stream(sink, table.schema) as writer:
                writer.write_table(table)
            index.append((name, start, sink.tell() - start))
    return index


def read_spooled(path: str | Path, index: list[tuple[str, int, int]]) -> dict[str, pa.Table]:
    """The tables :func:`spool_tables` wrote, memory-mapped, and the file deleted (the mapping keeps
    its pages until the tables are gone)."""
    with pa.memory_map(str(path)) as source:
        buffer = source.read_buffer()
    os.unlink(path)
    return {name: pa.ipc.open_stream(buffer.slice(start, size)).read_all() for name, start, size in index}


def _whole_value_options(name: str) -> dict:
    """No dictionary and no statistics for the large text columns (a document's text): for a 384 MB
    text both cost 2.5 GB of memory while the row was written, 0.7 GB without them, and neither
    helps a reader of whole documents."""
    plain = [f.name for f in SCHEMAS[name] if f.type != pa.large_string()]
    if len(plain) == len(SCHEMAS[name]):
        return {}
    return {"use_dictionary": plain, "write_statistics": plain}


class TableWriters:
    """Stream every table to a temporary Parquet file; ``commit`` renames them all into place.

    Batches are held until a table has ``ROW_GROUP_BYTES`` of rows, then written as one row group:
    a 10 MB build writes its tables in 0.12 s instead of 0.18 s with a row group per batch of 16
    documents, and readers get fewer, larger row groups. Memory holds at most that much per table.
    If the build stops before ``commit`` (an exception, Ctrl-C), the temporary files are removed
    and the previous tables stay as they were.
    """

    def __init__(self, processed_dir: str | Path, row_group_bytes: int = ROW_GROUP_BYTES,
                 build_id: str | None = None) -> None:
        self.folder = Path(processed_dir)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.row_group_bytes = row_group_bytes
        self.build_id = build_id  # kept in each file's schema metadata, checked by load_table
        self.rows: dict[str, int] = {}
        self._writers: dict[str, tuple[pq.ParquetWriter, str]] = {}
        self._held: dict[str, list[pa.Table]] = {}

    def write(self, name: str, table: pa.Table) -> None:
        """Append a batch of rows to one table."""
        if not table.num_rows:
            return
        self.rows[name] = self.rows.get(name, 0) + table.num_rows
        held = self._held.setdefault(name, [])
        held.append(table)
        if sum(t.nbytes for t in held) >= self.row_group_bytes:
            self._flush(name)

    def _flush(self, name: str) -> None:
        held = self._held.pop(name, [])
        if not held:
            return
        if name not in self._writers:
            handle, temporary = make_temporary_file(self.folder, f".{name}.parquet.", ".tmp")
            os.close(handle)
            self._writers[name] = (_parquet().ParquetWriter(
                temporary, self.schema(name), compression="zstd", **_whole_value_options(name)), temporary)
        # one row group: the batches' chunks are written as they are, without a copy
        self._writers[name][0].write_table(pa.concat_tables(held), row_group_size=sum(t.num_rows for t in held))

    def commit(self) -> None:
        """Write what is held, close every table (an empty one for tables without rows) and rename
        them all into place."""
        # The last row groups are written and the files closed in parallel: Arrow encodes and
        # compresses without the GIL, and at the end of a build the workers are done
        names = sorted(set(self._held) | set(self._writers),  # the most rows first
                       key=lambda name: -sum(t.nbytes for t in self._held.get(name, ())))
        try:
            with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
                list(pool.map(self._flush_and_close, names))
        except BaseException:
            self.abort()
            raise
        for name in SCHEMAS:
            if name not in self._writers:  # no rows at all: an empty table with the schema
                save_table(self.schema(name).empty_table(), self.folder / f"{name}.parquet")
        for name, (_, temporary) in self._writers.items():
            os.replace(temporary, self.folder / f"{name}.parquet")
        self._writers.clear()

    def schema(self, name: str) -> pa.Schema:
        """The table's schema, with the build id in its metadata when there is one."""
        if self.build_id is None:
            return SCHEMAS[name]
        return SCHEMAS[name].with_metadata({BUILD_ID_KEY: self.build_id.encode()})

    def _flush_and_close(self, name: str) -> None:
        self._flush(name)
        if name in self._writers:
            self._writers[name][0].close()

    def abort(self) -> None:
        """Forget everything written: close and delete the temporary files."""
        self._held.clear()
        for writer, temporary in self._writers.values():
            try:
                writer.close()
            finally:
                Path(temporary).unlink(missing_ok=True)
        self._writers.clear()

    def __enter__(self) -> TableWriters:
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()
