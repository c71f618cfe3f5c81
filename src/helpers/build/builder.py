"""Build the processed tables from the raw folder: the corpus builder, the only stage that writes.

In: every file under ``raw_dir`` (recursively; ``catalog.csv``, collection logs and hidden files
excepted) and the optional ``catalog.csv``. Out: the Parquet tables of :mod:`helpers.store` and
``manifest.json`` in ``processed_dir``. ``raw_dir`` is only read. After the per-document tables, the reuse pass
(:mod:`helpers.build.reuse_stage`) compares the documents with each other and writes the reuse,
reuse_clusters and duplicates tables.

Documents go through :func:`helpers.build.pipeline.process_batch` in batches, in order, serially, on local
worker processes (``workers``, which hand their batches back in temporary Arrow files) or on a
Dask cluster (``scheduler``); each batch is streamed to the tables, so memory stays flat as the
corpus grows. Stage results are cached per document
(:mod:`helpers.build.cache`): a rebuild processes only new or changed documents, and only the stages whose
code or resources changed. When no file, catalog row or stage changed since the manifest was
written, the build returns at once without touching the tables.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import tempfile
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from pathlib import Path

from helpers.paths import PROCESSED_DIR, RAW_DIR
from helpers.build import cache, reuse_stage
from helpers.atomic import make_temporary_file

CATALOG_NAME = "catalog.csv"
# The log ``python -m helpers collect`` keeps of every fetch (data/raw/collected/collection_log.csv):
# evidence about the documents, not a document.
COLLECTION_LOG_NAME = "collection_log.csv"
MANIFEST_NAME = "manifest.json"
BATCH_SIZE = 16
# Below this many raw bytes the serial path is faster than starting worker processes.
PARALLEL_FROM_BYTES = 8_000_000


@dataclass(frozen=True)
class BuildSummary:
    """What a build did, for the command line and the manifest."""

    n_files: int
    n_documents: int
    n_quarantined: int
    n_processed: int
    n_cached: int
    seconds: float
    n_chars: int
    workers: int = 1
    quarantined: list = field(default_factory=list)  # [raw_path, reason]
    reuse_seconds: float = 0.0  # the reuse pass (helpers.build.reuse_stage), included in seconds
    n_reused_passages: int = 0
    n_reuse_pairs_aligned: int = 0  # document pairs aligned by this build (the others came from the cache)


def list_raw_files(raw_dir: Path) -> list[str]:
    """Relative POSIX paths of the files to read, sorted; folders (even 'x.txt/') are walked."""
    found = []
    for root, dirs, files in os.walk(raw_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith(".") or name == COLLECTION_LOG_NAME or (
                    name == CATALOG_NAME and Path(root) == Path(raw_dir)):
                continue
            found.append((Path(root) / name).relative_to(raw_dir).as_posix())
    return sorted(found)


def read_catalog(raw_dir: Path) -> dict[str, dict]:
    """Rows of ``catalog.csv`` keyed by ``raw_path`` (or ``doc_id``); {} when there is none."""
    path = Path(raw_dir) / CATALOG_NAME
    if not path.is_file():
        return {}
    rows = {}
    for row in csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))):
        key = (row.get("raw_path") or row.get("doc_id") or "").strip()
        if key:
            rows[key] = {k: v for k, v in row.items() if k}
    return rows


def take_inventory(raw_dir: Path, paths: list[str]) -> dict[str, list[int]]:
    """{raw_path: [size, modification time in ns]}: what the no-op check compares, like make."""
    inventory = {}
    for path in paths:
        try:
            stat = (raw_dir / path).stat()
            inventory[path] = [stat.st_size, stat.st_mtime_ns]
        except OSError:  # vanished since listing: the full path below will say so
            inventory[path] = [-1, -1]
    return inventory


def build_corpus(raw_dir: str | Path = RAW_DIR, processed_dir: str | Path = PROCESSED_DIR,
                 workers: int = 0, scheduler: str | None = None, use_cache: bool = True,
                 progress: bool = True, batch_size: int = BATCH_SIZE, reuse: bool = True) -> BuildSummary:
    """Build every table from the raw folder; see the module docstring.

    ``workers``: 1 for serial, N for N local processes, 0 to choose (serial below 8 MB of raw files,
    else one process per core). ``scheduler``: the address of a Dask distributed scheduler.
    ``reuse``: run the text-reuse pass over the documents afterwards (reuse, reuse_clusters and
    duplicates tables); without it those tables are removed.
    """
    started = time.perf_counter()
    raw_dir, processed_dir = Path(raw_dir), Path(processed_dir)
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist")
    paths = list_raw_files(raw_dir)
    inventory = take_inventory(raw_dir, paths)
    catalog_bytes = (raw_dir / CATALOG_NAME).read_bytes() if (raw_dir / CATALOG_NAME).is_file() else b""
    fingerprint = {"inventory": inventory, "catalog_sha256": hashlib.sha256(catalog_bytes).hexdigest(),
                   "stage_versions": cache.stage_versions(),
                   "reuse_version": reuse_stage.reuse_version() if reuse else None}
    previous = read_manifest(processed_dir)
    if use_cache and previous and all(previous.get(k) == v for k, v in fingerprint.items()) \
            and all((processed_dir / f"{name}.parquet").exists() for name in previous.get("tables", [])):
        summary = BuildSummary(**{**previous["summary"], "n_processed": 0, "n_cached": len(paths),
                                  "seconds": round(time.perf_counter() - started, 3), "reuse_seconds": 0.0,
                                  "n_reuse_pairs_aligned": 0})
        return summary
    return _build(raw_dir, processed_dir, paths, fingerprint, workers, scheduler, use_cache, progress,
                  batch_size, started, reuse)


def _build(raw_dir, processed_dir, paths, fingerprint, workers, scheduler, use_cache, progress,
           batch_size, started, reuse=True) -> BuildSummary:
    from helpers import store as tables

    catalog = read_catalog(raw_dir)
    cache_dir = processed_dir / ".cache"
    cache_dir.mkdir(parents=True, exist_ok=True)
    if use_cache:
        cache.prepare_cache(cache_dir)
    # Keys are computed where the bytes are read: in the workers (or, for Dask, here when shipping).
    jobs = [(path, None, catalog.get(path) or catalog.get(path.rsplit(".", 1)[0]), None) for path in paths]
    keys, n_cached = set(), 0
    total_bytes = sum(size for size, _ in fingerprint["inventory"].values() if size > 0)
    workers = choose_workers(workers, total_bytes, len(jobs), batch_size)
    batches = [jobs[i:i + batch_size] for i in range(0, len(jobs), batch_size)]
    counts = {"documents": 0, "quarantine": 0, "n_chars": 0}
    quarantined = []
    bar = None
    if progress and jobs:  # tqdm is imported only to be shown (16 ms of a quiet build's start-up)
        from tqdm import tqdm

        bar = tqdm(total=len(jobs), unit="doc", desc="build")
    with tables.TableWriters(processed_dir) as writers:
        results = _run_batches(batches, raw_dir, cache_dir if use_cache else None, workers, scheduler)
        for batch, (batch_tables, computed, batch_keys) in zip(batches, results):
            if use_cache:  # results computed on a Dask cluster; local processes keep their own
                cache.write_cached_many(cache_dir, [(key, stage, value) for key, stage, value in computed if key])
            keys.update(key for key, _ in batch_keys if key)
            n_cached += sum(cached for _, cached in batch_keys)
            for name, table in batch_tables.items():
                writers.write(name, table)
            counts["documents"] += batch_tables["documents"].num_rows
            counts["n_chars"] += sum(batch_tables["documents"].column("n_chars").to_pylist())
            quarantine = batch_tables["quarantine"]
            quarantined += list(zip(quarantine.column("raw_path").to_pylist(), quarantine.column("reason").to_pylist()))
            if bar is not None:
                bar.update(len(batch))
        if use_cache:  # while the workers live: the last connection to close the cache would
            cache.prune_cache(cache_dir, keys)  # checkpoint its write-ahead log (20 ms)
            cache.close_cache(cache_dir)
        results.close()  # local workers exit while the last row groups are written
    if bar is not None:
        bar.close()
    # After the per-document tables: reuse compares documents with each other (reuse_stage)
    reused = reuse_stage.build_reuse_tables(processed_dir, use_cache) if reuse else None
    if not reuse:
        reuse_stage.remove_reuse_tables(processed_dir)
    summary = BuildSummary(
        n_files=len(paths), n_documents=counts["documents"], n_quarantined=len(quarantined),
        n_processed=len(paths) - n_cached if use_cache else len(paths), n_cached=n_cached if use_cache else 0,
        seconds=round(time.perf_counter() - started, 3), n_chars=counts["n_chars"], workers=workers,
        quarantined=[list(q) for q in quarantined], reuse_seconds=reused.seconds if reused else 0.0,
        n_reused_passages=reused.n_passages if reused else 0,
        n_reuse_pairs_aligned=reused.n_aligned_now if reused else 0)
    write_manifest(processed_dir, {
        "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "raw_dir": str(raw_dir), "pipeline_version": "+".join(fingerprint["stage_versions"].values()),
        **fingerprint, "tables": list(tables.SCHEMAS) + (list(reuse_stage.TABLES) if reuse else []),
        "summary": asdict(summary), **asdict(summary)})
    return summary


def choose_workers(workers: int, total_bytes: int, n_jobs: int, batch_size: int) -> int:
    """The number of local processes: as asked, or (0) serial for small corpora, else one per core."""
    if workers > 0:
        return min(workers, max(1, -(-n_jobs // batch_size)))
    if total_bytes < PARALLEL_FROM_BYTES:
        return 1
    return max(1, min(os.cpu_count() or 1, -(-n_jobs // batch_size)))


def _run_batches(batches, raw_dir: Path, cache_dir: Path | None, workers: int, scheduler: str | None):
    """Yield each batch's result in order; at most a few batches in flight, so memory stays flat."""
    from helpers.build.pipeline import process_batch, process_batch_to_spool

    if scheduler:
        yield from _run_on_dask(batches, raw_dir, scheduler)
        return
    if workers <= 1:
        for batch in batches:
            yield process_batch(batch, str(raw_dir), str(cache_dir) if cache_dir else None)
        return
    from concurrent.futures import ProcessPoolExecutor

    # Workers hand their tables over in files of a temporary folder (see tables.spool_tables)
    spool = Path(tempfile.mkdtemp(prefix="helpers-spool-"))
    pool = ProcessPoolExecutor(max_workers=workers)
    pending: deque = deque()
    try:
        for number, batch in enumerate(batches):
            path = str(spool / f"{number:06d}.arrow")
            pending.append((path, pool.submit(process_batch_to_spool, batch, str(raw_dir),
                                              str(cache_dir) if cache_dir else None, path)))
            if len(pending) >= 2 * workers:
                yield _read_result(*pending.popleft())
        while pending:
            yield _read_result(*pending.popleft())
    finally:
        # Every result taken: the workers exit on their own, while the build commits its tables.
        # Stopped early (an error, Ctrl-C): wait for the batches still running, then clean up.
        pool.shutdown(wait=bool(pending), cancel_futures=True)
        shutil.rmtree(spool, ignore_errors=True)


def _read_result(path: str, future) -> tuple[dict, list, list]:
    """A local worker's batch result, its tables read back from the spool file."""
    from helpers.store import read_spooled

    index, computed, keys = future.result()
    return read_spooled(path, index), computed, keys


def _run_on_dask(batches, raw_dir: Path, scheduler: str):
    """Run the batches on a Dask cluster: the bytes travel with the jobs (workers may not share the
    raw folder) and the stage results come back to be cached here."""
    from distributed import Client

    from helpers.build.pipeline import process_batch

    with Client(scheduler) as client:
        pending: deque = deque()
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})))
        for batch in batches:
            shipped = []
            for path, _, row, _ in batch:
                data = _read_or_none(raw_dir / path)
                shipped.append((path, data, row, cache.document_key(data or b"", path, row)))
            pending.append(client.submit(process_batch, shipped, None, None, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:  # the worker will quarantine it with the reason (it cannot read it either)
        return None


def read_manifest(processed_dir: Path) -> dict | None:
    """The last build's manifest, or None."""
    try:
        return json.loads((Path(processed_dir) / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # no build yet, or a damaged manifest: build afresh
        return None


def write_manifest(processed_dir: Path, manifest: dict) -> None:
    """manifest.json, written atomically after the tables."""
    handle, temporary = make_temporary_file(processed_dir, f".{MANIFEST_NAME}.", ".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(manifest, out, ensure_ascii=False, indent=1, default=str)
    os.replace(temporary, Path(processed_dir) / MANIFEST_NAME)
