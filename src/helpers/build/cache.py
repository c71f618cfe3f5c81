"""Version the build's stages and keep each document's stage results on disk between builds.

A stage's version is a hash of the code and the resource files it depends on, so editing
``themes.yaml`` changes only the themes stage: a rebuild re-tags themes from the cached corpus stage
and leaves reading, cleaning and indicators alone. A document's cache key is the hash of its bytes,
its path and its catalog row. Cached results are pickled column dicts, compressed with LZ4
(pyarrow's codec: text-heavy results shrink 4.4× for 0.05 s of CPU per 10 MB corpus), kept in one
SQLite file under ``processed/.cache``; each batch of documents is written in one transaction, so
worker processes can share it and an interrupted build leaves it consistent. The cache is
disposable: an unreadable entry is recomputed, an unreadable file is replaced.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import sqlite3
import time
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path

logger = logging.getLogger(__name__)

# What each stage reads: its modules and resource files. The corpus stage feeds the other two.
STAGES = {
    "corpus": (("corpus/reading", "corpus/deep_html", "corpus/normalize", "corpus/boilerplate", "corpus/edits",
                "corpus/cleaning", "corpus/layout", "corpus/sections", "corpus/metadata", "corpus/sentences",
                "corpus/documents", "places", "wordsearch", "lexicon"),
               ("places.csv", "lookalikes.csv", "section_roles.csv", "lead_roles.csv")),
    "indicators": (("indicators/figures", "indicators/table_cells", "indicators/sector_ratios", "indicators/periods", "indicators/extract",
                    "indicators/metrics", "indicators/kinds", "indicators/kind_model", "corpus/sections", "wordsearch", "places",
                    "lexicon"),
                   ("indicators.csv", "not_figures.txt", "places.csv", "kind_cues.csv", "section_roles.csv",
                    "lead_roles.csv", "column_kinds.csv", "units.csv", "multipliers.csv", "qualifiers.csv",
                    "kind_model.tsv")),
    "themes": (("themes/tagging", "themes/segment", "lexicon", "wordsearch"),
               ("themes.yaml", "userdict.txt", "stopwords.txt")),
}
# The cache: one SQLite file in the cache folder, a row per document and stage. (One file per
# document and stage cost 0.67 ms of kernel time per file created on this machine: 0.5 s per 10 MB.)
# A value: these 4 bytes, the pickle's length (8 bytes, little-endian), the LZ4 frame of the pickle.
# The format is part of every stage version, so a change of format ignores old entries.
CACHE_FILE = "stages.sqlite"
CACHE_MAGIC = b"HLZ4"
PAGE_BYTES = 65536  # SQLite's largest page
# (+offsets: the corpus stage keeps its sentences as offsets into the text, see pipeline.py)
CACHE_FORMAT = "sqlite+pickle5+lz4+offsets"
# The tables each stage writes
STAGE_TABLES = {
    "corpus": ("documents", "sentences", "cleaning_log", "quarantine"),
    "indicators": ("indicators", "sections"),
    "themes": ("doc_terms", "theme_hits"),
}


@lru_cache(maxsize=1)
def stage_versions() -> dict[str, str]:
    """{stage: hash of its modules and resources}; the downstream stages include the corpus stage's."""
    package = resources.files("helpers")
    versions = {}
    for stage, (modules, files) in STAGES.items():
        digest = hashlib.sha256(f"{stage} {CACHE_FORMAT}".encode())
        for module in sorted(modules):
            digest.update(package.joinpath(f"{module}.py").read_bytes())
        for name in sorted(files):
            digest.update(package.joinpath("resources", name).read_bytes())
        if stage != "corpus":
            digest.update(versions["corpus"].encode())
        versions[stage] = digest.hexdigest()[:16]
    return versions


def document_key(data: bytes, raw_path: str, catalog_row: dict | None) -> str:
    """The cache key of one raw file: its bytes, its path and its catalog row."""
    digest = hashlib.sha256(data)
    digest.update(raw_path.encode())
    digest.update(json.dumps(catalog_row or {}, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()[:32]


def read_cached(cache_dir: Path, key: str, stage: str):
    """A cached stage result of the current stage version, or None (not cached, or unreadable)."""
    try:
        row = _connect(cache_dir).execute(
            "SELECT value FROM results WHERE key = ? AND stage = ? AND version = ?",
            (key, stage, stage_versions()[stage])).fetchone()
        return None if row is None else _unpack(row[0])
    except (sqlite3.Error, OSError, EOFError, pickle.UnpicklingError, ValueError) as error:  # Arrow's are these too
        logger.debug("cache entry %s/%s unreadable (%s): recomputed", key, stage, error)
        return None


def write_cached_many(cache_dir: Path, results: list[tuple[str, str, object]]) -> None:
    """Keep stage results ``(key, stage, value)`` in one transaction; a failure only logs a warning
    (the cache saves time, it holds nothing the raw files cannot give again)."""
    if not results:
        return
    versions = stage_versions()
    rows = [(key, stage, versions[stage], _pack(value)) for key, stage, value in results]
    try:
        connection = _connect(cache_dir)

        def insert():
            with _transaction(connection):
                connection.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", rows)
        _retry_when_busy(insert)
    except sqlite3.Error as error:
        logger.warning("could not write %d results to the cache in %s: %s", len(rows), cache_dir, error)


def prune_cache(cache_dir: Path, live_keys: set[str]) -> int:
    """Delete the results of documents no longer in the corpus and of old stage versions."""
    versions = stage_versions()
    try:
        connection = _connect(cache_dir)
        stale = [row for row in connection.execute("SELECT key, stage, version FROM results")
                 if row[0] not in live_keys or versions.get(row[1]) != row[2]]
        with _transaction(connection):
            connection.executemany("DELETE FROM results WHERE key = ? AND stage = ? AND version = ?", stale)
        return len(stale)
    except sqlite3.Error as error:
        logger.warning("could not prune the cache in %s: %s", cache_dir, error)
        return 0


def prepare_cache(cache_dir: Path) -> None:
    """Create the cache file (or replace an unreadable one) before worker processes share it."""
    _connect(cache_dir)
    close_cache(cache_dir)


def close_cache(cache_dir: Path) -> None:
    """Close this process's connection to the cache (the next use opens it again)."""
    connection = _connections.pop((os.getpid(), str(cache_dir)), None)
    if connection is not None:
        connection.close()


def _pack(value) -> bytes:
    data = pickle.dumps(value, protocol=5)
    return CACHE_MAGIC + len(data).to_bytes(8, "little") + _codec().compress(data, asbytes=True)


def _unpack(packed: bytes):
    if packed[:4] != CACHE_MAGIC:
        raise ValueError("not a cache entry of this format")
    size = int.from_bytes(packed[4:12], "little")
    return pickle.loads(_codec().decompress(memoryview(packed)[12:], decompressed_size=size, asbytes=True))


@lru_cache(maxsize=1)
def _codec():
    import pyarrow  # not at import: a rebuild with nothing changed never needs it (0.1 s)

    return pyarrow.Codec("lz4")


# One connection per process and cache folder: a connection must not cross a fork, so the key
# holds the process id and a worker opens its own.
_connections: dict[tuple[int, str], sqlite3.Connection] = {}


def _connect(cache_dir: Path) -> sqlite3.Connection:
    name = (os.getpid(), str(cache_dir))
    if name not in _connections:
        path = Path(cache_dir) / CACHE_FILE
        try:
            _connections[name] = _retry_when_busy(lambda: _open(path))
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", None) not in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
                raise  # busy, read-only, disk full: the caller goes on without the cache
            # not a database (damaged, or another program's file): start afresh
            logger.warning("the cache %s is unreadable (%s); starting an empty one", path, error)
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            _connections[name] = _retry_when_busy(lambda: _open(path))
    return _connections[name]


def _retry_when_busy(action, attempts: int = 200, pause: float = 0.01):
    """``action()``, again while SQLite says busy without waiting: it does so when processes open a
    new file together (one turns on write-ahead logging while the other reads the header)."""
    for attempt in range(attempts):
        try:
            return action()
        except sqlite3.OperationalError as error:
            busy = getattr(error, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
            if not busy or attempt == attempts - 1:
                raise
            time.sleep(pause)


def _open(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=120, isolation_level=None)
    try:
        # Large pages for large values (a document's stage result is 5-40 KB): a new cache takes
        # 0.013 s instead of 0.033 s of CPU to store a 10 MB corpus's results, and its write-ahead
        # log reaches SQLite's checkpoint (1000 pages) after 64 MB, not 4 MB. (No effect on a file
        # that exists: its page size stays.)
        connection.execute(f"PRAGMA page_size = {PAGE_BYTES}")
        if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":  # setting it takes a lock
            connection.execute("PRAGMA journal_mode = WAL")  # readers and one writer at a time, across workers
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("CREATE TABLE IF NOT EXISTS results (key TEXT NOT NULL, stage TEXT NOT NULL, "
                           "version TEXT NOT NULL, value BLOB NOT NULL, PRIMARY KEY (key, stage))")
    except sqlite3.DatabaseError:
        connection.close()
        raise
    return connection


@contextmanager
def _transaction(connection: sqlite3.Connection):
    connection.execute("BEGIN IMMEDIATE")  # take the write lock now: two workers never deadlock
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
