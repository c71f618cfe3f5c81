"""Build the processed tables from the raw folder: the corpus builder, the only stage that writes.

In: every file under ``raw_dir`` (recursively; ``catalog.csv``, collection logs and hidden files
excepted) and the optional ``catalog.csv``. Out: the Parquet tables of :mod:`helpers.store` and
``manifest.json`` in ``processed_dir``. ``raw_dir`` is only read. After the per-document tables, the reuse
pass (:mod:`helpers.build.reuse_stage`) compares the documents with each other and writes the reuse,
reuse_clusters and duplicates tables into the same generation, before it is published.

Documents go through :func:`helpers.build.pipeline.process_batch` in batches, in order, serially, on local
worker processes (``workers``, which hand their batches back in temporary Arrow files) or on a
Dask cluster (``scheduler``); each batch is streamed to the tables, so memory stays flat as the
corpus grows. Stage results are cached per document
(:mod:`helpers.build.cache`): a rebuild processes only new or changed documents, and only the stages whose
code or resources changed. When no file, catalog row or stage changed since the manifest was
written, the build returns at once without touching the tables.

One build at a time holds the processed folder (:mod:`helpers.build.lock`). The tables are written
into a new generation folder and published by switching one link (:mod:`helpers.build.generations`),
so a build stopped anywhere, even by SIGKILL, leaves the previous tables whole; the next build removes
what it left. Worker processes die with the build (:mod:`helpers.build.workers`). Only files inside the
raw folder are read: a symbolic link that leaves it is skipped and listed in ``quarantine``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import time
from collections import Counter, deque
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import NamedTuple

from helpers.paths import CURRENT_LINK, MANIFEST_NAME, PROCESSED_DIR, RAW_DIR
from helpers.build import cache, generations, reuse_stage
from helpers.build.catalog import CATALOG_NAME, Catalog, read_catalog
from helpers.build.lock import hold_build_lock
from helpers.atomic import make_temporary_file

logger = logging.getLogger(__name__)

# The log ``python -m helpers collect`` keeps of every fetch (data/raw/collected/collection_log.csv):
# evidence about the documents, not a document.
COLLECTION_LOG_NAME = "collection_log.csv"

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
    warnings: list = field(default_factory=list)  # catalog problems, each naming its row and field
    reuse_seconds: float = 0.0  # the reuse pass (helpers.build.reuse_stage), included in seconds
    n_reused_passages: int = 0
    n_reuse_pairs_aligned: int = 0  # document pairs aligned by this build (the others came from the cache)
    stage_runs: dict = field(default_factory=dict)  # stage -> documents it ran on (the rest came from the cache)


class QuarantineError(ValueError):
    """A ``strict`` build found files it could not read; nothing was published."""

    def __init__(self, summary: BuildSummary) -> None:
        self.summary = summary
        super().__init__(f"{summary.n_quarantined} files quarantined: a strict build publishes no tables")


class RawListing(NamedTuple):
    """The files of the raw folder to read, and the links left unread with the reason."""

    paths: list[str]
    skipped: list[tuple[str, str]]  # (raw_path, reason)


def list_raw_files(raw_dir: Path) -> list[str]:
    """Relative POSIX paths of the files to read, sorted; folders (even 'x.txt/') are walked."""
    return scan_raw_folder(raw_dir).paths


def scan_raw_folder(raw_dir: Path) -> RawListing:
    """The files to read, sorted, and the symbolic links that are not read.

    A link to a file inside the raw folder is read; a link that leaves it (to ``README.md`` beside
    it, to ``/etc/passwd``) is skipped, and so is a link to a folder (walking it could read a file twice,
    or loop).
    """
    raw_dir = Path(raw_dir)
    root_real = os.path.realpath(raw_dir)
    found, skipped = [], []
    for root, dirs, files in os.walk(raw_dir):
        for name in [d for d in dirs if not d.startswith(".") and os.path.islink(os.path.join(root, d))]:
            skipped.append(((Path(root) / name).relative_to(raw_dir).as_posix(),
                            f"symbolic link to the folder {os.path.realpath(os.path.join(root, name))}: "
                            "links to folders are not followed"))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith(".") or name == COLLECTION_LOG_NAME or (
                    name == CATALOG_NAME and Path(root) == raw_dir):
                continue
            relative = (Path(root) / name).relative_to(raw_dir).as_posix()
            reason = check_inside(root_real, os.path.join(root, name))
            if reason:
                skipped.append((relative, reason))
            else:
                found.append(relative)
    return RawListing(sorted(found), sorted(skipped))


def check_inside(root_real: str, path: str) -> str | None:
    """Why ``path`` must not be read (a link that leaves the folder ``root_real``), or None."""
    if not os.path.islink(path):
        return None
    target = os.path.realpath(path)
    if os.path.commonpath([root_real, target]) == root_real:
        return None
    return f"symbolic link to {target}, outside the raw folder: not read"


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
                 progress: bool = True, batch_size: int = BATCH_SIZE, strict: bool = False,
                 wait: bool = False, reuse: bool = True) -> BuildSummary:
    """Build every table from the raw folder; see the module docstring.

    ``workers``: 1 for serial, N for N local processes, 0 to choose (serial below 8 MB of raw files,
    else one process per core). ``scheduler``: the address of a Dask distributed scheduler.
    ``strict``: raise :class:`QuarantineError` and publish nothing when any file is quarantined.
    ``wait``: wait for another build of the same processed folder instead of raising
    :class:`helpers.build.lock.BuildLockedError`. ``reuse``: run the text-reuse pass over the
    documents (reuse, reuse_clusters and duplicates tables); without it the generation has none.
    """
    started = time.perf_counter()
    raw_dir, processed_dir = Path(raw_dir), Path(processed_dir)
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist")
    with hold_build_lock(processed_dir, wait=wait) as lock_handle:
        generations.remove_leftovers(processed_dir)
        listing = scan_raw_folder(raw_dir)
        paths = listing.paths
        inventory = take_inventory(raw_dir, paths)
        catalog_path = raw_dir / CATALOG_NAME
        catalog_bytes = b""
        if catalog_path.is_file() and not check_inside(os.path.realpath(raw_dir), str(catalog_path)):
            catalog_bytes = catalog_path.read_bytes()
        fingerprint = {"inventory": inventory, "catalog_sha256": hashlib.sha256(catalog_bytes).hexdigest(),
                       "skipped": [list(s) for s in listing.skipped], "stage_versions": cache.stage_versions(),
                       "reuse_version": reuse_stage.reuse_version() if reuse else None}
        previous = read_manifest(processed_dir)
        if use_cache and previous and all(previous.get(k) == v for k, v in fingerprint.items()) \
                and all((processed_dir / f"{name}.parquet").exists() for name in previous.get("tables", [])):
            summary = BuildSummary(**{**previous["summary"], "n_processed": 0, "n_cached": len(paths), "stage_runs": {},
                                      "seconds": round(time.perf_counter() - started, 3), "reuse_seconds": 0.0,
                                      "n_reuse_pairs_aligned": 0})
            if strict and summary.n_quarantined:
                raise QuarantineError(summary)
            return summary
        return _build(raw_dir, processed_dir, listing, fingerprint, workers, scheduler, use_cache, progress,
                      batch_size, started, strict, catalog_bytes, lock_handle, reuse)


def _build(raw_dir, processed_dir, listing, fingerprint, workers, scheduler, use_cache, progress,
           batch_size, started, strict, catalog_bytes, lock_handle, reuse=True) -> BuildSummary:
    from helpers import store as tables
    from helpers.build.pieces import read_large_document

    paths = listing.paths
    catalog = read_catalog(raw_dir, paths) if catalog_bytes else Catalog()
    if (raw_dir / CATALOG_NAME).is_symlink() and not catalog_bytes:
        catalog.warnings.append(f"{CATALOG_NAME}: {check_inside(os.path.realpath(raw_dir), str(raw_dir / CATALOG_NAME))}")
    for warning in catalog.warnings:  # the summary carries them (the command line prints them once, at the end)
        logger.info("%s", warning)
    cache_dir = processed_dir / ".cache"
    cache_dir.mkdir(parents=True, exist_ok=True)
    if use_cache:
        cache.prepare_cache(cache_dir)
    # Keys are computed where the bytes are read: in the workers (or, for Dask, here when shipping).
    rows = catalog.rows
    jobs = [(path, None, rows.get(path) or rows.get(path.rsplit(".", 1)[0]), None) for path in paths]
    # Text files too large to hold whole are read in pieces, here, after the batches (helpers.build.pieces)
    from helpers.build.pieces import is_large_text_file

    large = [job for job in jobs if is_large_text_file(str(raw_dir), job[0], fingerprint["inventory"][job[0]][0])]
    jobs = [job for job in jobs if job not in large]
    keys, n_cached = set(), 0
    stage_runs: Counter = Counter()
    total_bytes = sum(size for size, _ in fingerprint["inventory"].values() if size > 0)
    workers = choose_workers(workers, total_bytes, len(jobs), batch_size)
    batches = [jobs[i:i + batch_size] for i in range(0, len(jobs), batch_size)]
    counts = {"documents": 0, "quarantine": 0, "n_chars": 0}
    quarantined = [tuple(s) for s in listing.skipped]
    build_id = generations.new_build_id()
    generation = generations.make_generation(processed_dir, build_id)
    previous = os.readlink(processed_dir / CURRENT_LINK) if (processed_dir / CURRENT_LINK).is_symlink() else None
    bar = None
    if progress and (jobs or large):  # tqdm is imported only to be shown (16 ms of a quiet build's start-up)
        from tqdm import tqdm

        bar = tqdm(total=len(jobs) + len(large), unit="doc", desc="build")
    try:
        with tables.TableWriters(generation, build_id=build_id) as writers:
            if listing.skipped:
                writers.write("quarantine", tables.build_table("quarantine", [
                    {"raw_path": path, "reason": reason} for path, reason in listing.skipped]))
            results = _run_batches(batches, raw_dir, cache_dir if use_cache else None, workers, scheduler,
                                   generation / ".spool", lock_handle)
            try:
                for batch, (batch_tables, computed, batch_keys) in zip(batches, results):
                    if use_cache:  # results computed on a Dask cluster; local processes keep their own
                        cache.write_cached_many(cache_dir, [(key, stage, value) for key, stage, value in computed if key])
                    keys.update(key for key, _, _ in batch_keys if key)
                    n_cached += sum(cached for _, cached, _ in batch_keys)
                    for _, _, stages in batch_keys:
                        stage_runs.update(stages)
                    for name, table in batch_tables.items():
                        writers.write(name, table)
                    counts["documents"] += batch_tables["documents"].num_rows
                    counts["n_chars"] += sum(batch_tables["documents"].column("n_chars").to_pylist())
                    quarantine = batch_tables["quarantine"]
                    quarantined += list(zip(quarantine.column("raw_path").to_pylist(),
                                            quarantine.column("reason").to_pylist()))
                    del batch_tables, quarantine  # a huge document's batch is not held while the next runs
                    if bar is not None:
                        bar.update(len(batch))
                for path, _, row, _ in large:
                    for piece_tables in read_large_document(str(raw_dir), path, row):
                        for name, table in piece_tables.items():
                            writers.write(name, table)
                        if "documents" in piece_tables:
                            counts["documents"] += 1
                            stage_runs.update(list(cache.STAGES))  # read in pieces: never from the cache
                            counts["n_chars"] += piece_tables["documents"].column("n_chars")[0].as_py()
                        if "quarantine" in piece_tables:
                            quarantine = piece_tables["quarantine"]
                            quarantined += list(zip(quarantine.column("raw_path").to_pylist(),
                                                    quarantine.column("reason").to_pylist()))
                        del piece_tables
                    if bar is not None:
                        bar.update(1)
                if use_cache:  # while the workers live: the last connection to close the cache would
                    cache.prune_cache(cache_dir, keys)  # checkpoint its write-ahead log (20 ms)
                    cache.close_cache(cache_dir)
            finally:
                results.close()  # stopped early: the workers are terminated now, not after their batches
            summary = BuildSummary(
                n_files=len(paths) + len(listing.skipped), n_documents=counts["documents"],
                n_quarantined=len(quarantined),
                n_processed=len(paths) - n_cached if use_cache else len(paths),
                n_cached=n_cached if use_cache else 0,
                seconds=round(time.perf_counter() - started, 3), n_chars=counts["n_chars"], workers=workers,
                quarantined=[list(q) for q in quarantined], warnings=catalog.warnings,
                stage_runs={stage: stage_runs[stage] for stage in cache.STAGES if stage_runs[stage]})
            if strict and quarantined:  # before the tables are committed: nothing is published
                raise QuarantineError(summary)
        if bar is not None:
            bar.close()
        # After the per-document tables: reuse compares the documents with each other (reuse_stage),
        # in the generation not yet published
        reused = reuse_stage.build_reuse_tables(generation, cache_dir, use_cache, build_id) if reuse else None
        if reused is not None:
            summary = dataclasses.replace(summary, reuse_seconds=reused.seconds, n_reused_passages=reused.n_passages,
                                          n_reuse_pairs_aligned=reused.n_aligned_now,
                                          seconds=round(time.perf_counter() - started, 3))
        table_rows = {name: writers.rows.get(name, 0) for name in tables.SCHEMAS}
        table_rows.update(reused.rows if reused is not None else {})
        write_manifest(generation, {
            "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "raw_dir": str(raw_dir), "pipeline_version": "+".join(fingerprint["stage_versions"].values()),
            **fingerprint, "tables": list(table_rows), "build_id": build_id, "generation": generation.name,
            "previous_generation": Path(previous).name if previous else None,
            "table_builds": {name: {"build_id": build_id, "rows": rows} for name, rows in table_rows.items()},
            "summary": asdict(summary), **asdict(summary)})
        generations.publish_generation(processed_dir, generation)  # the last step that may fail unpublished
    except BaseException:
        if bar is not None:
            bar.close()
        shutil.rmtree(generation, ignore_errors=True)
        raise
    generations.link_table_names(processed_dir)
    generations.remove_leftovers(processed_dir)  # the generation before the previous one
    return summary


def choose_workers(workers: int, total_bytes: int, n_jobs: int, batch_size: int) -> int:
    """The number of local processes: as asked, or (0) serial for small corpora, else one per core."""
    if workers > 0:
        return min(workers, max(1, -(-n_jobs // batch_size)))
    if total_bytes < PARALLEL_FROM_BYTES:
        return 1
    return max(1, min(os.cpu_count() or 1, -(-n_jobs // batch_size)))


def _run_batches(batches, raw_dir: Path, cache_dir: Path | None, workers: int, scheduler: str | None,
                 spool: Path, lock_handle: int | None = None):
    """Yield each batch's result in order; at most a few batches in flight, so memory stays flat."""
    from helpers.build.pipeline import process_batch, process_batch_to_spool
    from helpers.build.workers import start_worker_pool

    if scheduler:
        yield from _run_on_dask(batches, raw_dir, scheduler)
        return
    if workers <= 1:
        for batch in batches:
            yield process_batch(batch, str(raw_dir), str(cache_dir) if cache_dir else None)
        return
    # Workers hand their tables over in files of the generation's spool folder (see tables.spool_tables):
    # a killed build's spool goes with its unpublished generation
    spool.mkdir()
    pool = start_worker_pool(workers, close_handles=(lock_handle,) if lock_handle is not None else ())
    pending: deque = deque()
    finished = False
    try:
        for number, batch in enumerate(batches):
            path = str(spool / f"{number:06d}.arrow")
            pending.append((path, pool.apply_async(process_batch_to_spool, (batch, str(raw_dir),
                                                   str(cache_dir) if cache_dir else None, path))))
            if len(pending) >= 2 * workers:
                yield _read_result(*pending.popleft())
        while pending:
            yield _read_result(*pending.popleft())
        finished = True
    finally:
        # Every result taken: the idle workers exit. Stopped early (an error, Ctrl-C): kill them now.
        if finished:
            pool.close()
        else:
            pool.terminate()
        pool.join()
        shutil.rmtree(spool, ignore_errors=True)


def _read_result(path: str, future) -> tuple[dict, list, list]:
    """A local worker's batch result, its tables read back from the spool file."""
    from helpers.store import read_spooled

    index, computed, keys = future.get()
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
                data = _read_or_none(raw_dir, path)
                shipped.append((path, data, row, cache.document_key(data or b"", path, row)))
            pending.append(client.submit(process_batch, shipped, None, None, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _read_or_none(raw_dir: Path, raw_path: str) -> bytes | None:
    from helpers.build.pipeline import read_raw_bytes

    try:
        return read_raw_bytes(str(raw_dir), raw_path)
    except OSError:  # the worker will quarantine it with the reason (it cannot read it either)
        return None


def read_manifest(processed_dir: Path) -> dict | None:
    """The last build's manifest, or None."""
    try:
        return json.loads((Path(processed_dir) / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # no build yet, or a damaged manifest: build afresh
        return None


def write_manifest(processed_dir: Path, manifest: dict) -> None:
    """manifest.json in ``processed_dir`` (a generation folder), written atomically after the tables."""
    handle, temporary = make_temporary_file(processed_dir, f".{MANIFEST_NAME}.", ".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(manifest, out, ensure_ascii=False, indent=1, default=str)
    os.replace(temporary, Path(processed_dir) / MANIFEST_NAME)
