"""Build the processed tables from the raw folder: the corpus builder, the only stage that writes.

In: every file under ``raw_dir`` (recursively; ``catalog.csv`` and hidden files excepted) and the
optional ``catalog.csv``. Out: Parquet tables in ``processed_dir`` (see :mod:`helpers.tables`) and
``manifest.json``. Each document goes through :func:`rows_for_file`, a pure function of its bytes,
path and catalog row; its rows are cached under ``processed_dir/.cache`` by content hash and
pipeline version, so unchanged documents are not processed again. ``raw_dir`` is only read.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import logging
import os
import pickle
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from helpers import tables
from helpers.documents import DocumentResult, Quarantined, process_document
from helpers.pipeline import document_rows

logger = logging.getLogger(__name__)

CATALOG_NAME = "catalog.csv"
TABLE_NAMES = tuple(tables.SCHEMAS)


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


def list_raw_files(raw_dir: Path) -> list[str]:
    """Relative POSIX paths of the files to read, sorted; folders (even 'x.txt/') are walked."""
    found = []
    for root, dirs, files in os.walk(raw_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith(".") or (name == CATALOG_NAME and Path(root) == Path(raw_dir)):
                continue
            found.append((Path(root) / name).relative_to(raw_dir).as_posix())
    return sorted(found)


def read_catalog(raw_dir: Path) -> dict[str, dict]:
    """Rows of ``catalog.csv`` keyed by ``raw_path`` (or ``doc_id``); {} when there is none."""
    path = Path(raw_dir) / CATALOG_NAME
    if not path.is_file():
        return {}
    text = path.read_bytes().decode("utf-8-sig")
    rows = {}
    for row in csv.DictReader(io.StringIO(text)):
        key = (row.get("raw_path") or row.get("doc_id") or "").strip()
        if key:
            rows[key] = {k: v for k, v in row.items() if k}
    return rows


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A hash of the package's code and resources: editing either invalidates the cache."""
    digest = hashlib.sha256()
    package = resources.files("helpers")
    for folder in (package, package.joinpath("resources")):
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_file() and entry.name.endswith((".py", ".csv", ".txt", ".yaml", ".yml")):
                digest.update(entry.name.encode())
                digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]


Columns = dict[str, dict[str, list]]  # {table: {column: values}}


def rows_for_file(raw_dir: str, raw_path: str, catalog_row: dict | None) -> Columns:
    """All table columns for one raw file; a file that fails for any reason becomes a quarantine row."""
    try:
        data = (Path(raw_dir) / raw_path).read_bytes()
    except OSError as error:  # permissions, a file removed during the build, a broken link
        return _quarantine_columns(raw_path, None, None, f"could not read the file: {error.strerror or error}")
    return rows_for_bytes(data, raw_path, catalog_row)


def _quarantine_columns(raw_path, sha256, n_bytes, reason) -> Columns:
    return {"quarantine": {"raw_path": [raw_path], "sha256": [sha256], "n_bytes": [n_bytes],
                           "reason": [reason]}}


def rows_for_bytes(data: bytes, raw_path: str, catalog_row: dict | None) -> Columns:
    """Table columns for one file's bytes (pure)."""
    try:
        result = process_document(data, raw_path, catalog_row)
    except Exception as error:  # noqa: BLE001 - a parser bug must cost one document, not the build
        logger.exception("internal error on %s", raw_path)
        result = Quarantined(raw_path, hashlib.sha256(data).hexdigest(), len(data),
                             f"internal error while processing ({type(error).__name__}: {error}); "
                             "please report it with this file")
    if isinstance(result, Quarantined):
        return _quarantine_columns(result.raw_path, result.sha256, result.n_bytes, result.reason)
    assert isinstance(result, DocumentResult)
    return document_rows(result)


def _cache_key(data: bytes, raw_path: str, catalog_row: dict | None) -> str:
    digest = hashlib.sha256(data)
    digest.update(raw_path.encode())
    digest.update(json.dumps(catalog_row or {}, sort_keys=True, ensure_ascii=False).encode())
    digest.update(pipeline_version().encode())
    return digest.hexdigest()


def _process_batch(raw_dir: str, jobs: list[tuple[str, dict | None]]) -> list[Columns]:
    return [rows_for_file(raw_dir, path, row) for path, row in jobs]


def build_corpus(raw_dir: str | Path = "data/raw", processed_dir: str | Path = "data/processed",
                 workers: int = 1, use_cache: bool = True, progress: bool = True) -> BuildSummary:
    """Build every table from the raw folder; see the module docstring."""
    from tqdm import tqdm

    started = time.perf_counter()
    raw_dir, processed_dir = Path(raw_dir), Path(processed_dir)
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist")
    cache_dir = processed_dir / ".cache"
    cache_dir.mkdir(parents=True, exist_ok=True)
    catalog = read_catalog(raw_dir)
    paths = list_raw_files(raw_dir)
    collected: Columns = {name: {} for name in TABLE_NAMES}
    n_cached = 0
    live_cache: set[str] = set()
    todo: list[tuple[str, dict | None, Path | None]] = []
    for path in paths:
        row = catalog.get(path) or catalog.get(path.rsplit(".", 1)[0])
        cache_file = None
        if use_cache:
            try:
                data = (raw_dir / path).read_bytes()
            except OSError:
                data = None
            if data is not None:
                cache_file = cache_dir / f"{_cache_key(data, path, row)}.pkl"
                live_cache.add(cache_file.name)
                if cache_file.exists():
                    _extend(collected, pickle.loads(cache_file.read_bytes()))
                    n_cached += 1
                    continue
        todo.append((path, row, cache_file))
    bar = tqdm(total=len(todo), unit="doc", disable=not progress or not todo, desc="build")
    for (path, row, cache_file), rows in zip(todo, _run(raw_dir, todo, workers)):
        if cache_file is not None:
            _write_atomic(cache_file, pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL))
        _extend(collected, rows)
        bar.update(1)
    bar.close()
    for name in TABLE_NAMES:
        tables.save_table(tables.build_table(name, collected[name]), processed_dir / f"{name}.parquet")
    summary = BuildSummary(
        n_files=len(paths), n_documents=len(collected["documents"].get("doc_id", [])),
        n_quarantined=len(collected["quarantine"].get("raw_path", [])), n_processed=len(todo),
        n_cached=n_cached, seconds=round(time.perf_counter() - started, 3),
        n_chars=sum(collected["documents"].get("n_chars", [])),
    )
    manifest = {"built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                "raw_dir": str(raw_dir), "pipeline_version": pipeline_version(),
                **summary.__dict__}
    _write_atomic(processed_dir / "manifest.json",
                  json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"))
    if use_cache:
        _prune_cache(cache_dir, keep=live_cache)
    return summary


def _run(raw_dir: Path, todo, workers: int):
    jobs = [(path, row) for path, row, _ in todo]
    if workers <= 1 or len(jobs) < 2 * workers:
        for path, row in jobs:
            yield rows_for_file(str(raw_dir), path, row)
        return
    size = max(1, min(64, len(jobs) // (workers * 4)))
    batches = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for batch_rows in pool.map(_process_batch, [str(raw_dir)] * len(batches), batches):
            yield from batch_rows


def _extend(collected: Columns, rows: Columns) -> None:
    for name, columns in rows.items():
        table = collected[name]
        for column, values in columns.items():
            table.setdefault(column, []).extend(values)


def _prune_cache(cache_dir: Path, keep: set[str]) -> None:
    for entry in cache_dir.glob("*.pkl"):
        if entry.name not in keep:
            entry.unlink(missing_ok=True)


def _write_atomic(path: Path, payload: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(handle, "wb") as out:
        out.write(payload)
    os.replace(temporary, path)
