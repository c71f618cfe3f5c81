"""Publish a build's tables as one generation folder behind a single pointer, and clear what killed builds left.

A build writes every table and its manifest into a new folder ``.generations/<build id>/`` of the
processed folder; then one ``os.replace`` turns the symbolic link ``current`` to it. A reader that
follows ``current`` (``helpers.store.load_table`` does) sees the whole previous set or the whole new
one, never a mix, wherever the build is stopped, even by SIGKILL. The names a person or an older
script opens, ``documents.parquet`` … ``manifest.json``, are links through ``current``, made once.
The next build deletes every generation but the current one and the one before it (a reader may still
be reading that), and every temporary file a stopped build left.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import secrets
import shutil
from pathlib import Path

from helpers.atomic import _umask
from helpers.paths import CURRENT_LINK, MANIFEST_NAME

logger = logging.getLogger(__name__)

GENERATIONS_DIR = ".generations"
# What a stopped build leaves at the top of the processed folder: ".documents.parquet.x1y2.tmp"
# (tables written by builds before generations), ".manifest.json.x1y2.tmp", ".current.x1y2.tmp"
TEMPORARY_SUFFIX = ".tmp"


def new_build_id() -> str:
    """A sortable id for one build: UTC time, process id, and random digits (two builds never share one).

    >>> len(new_build_id().split("-"))
    3
    """
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    return f"{stamp}-{os.getpid()}-{secrets.token_hex(3)}"


def make_generation(processed_dir: Path, build_id: str) -> Path:
    """Create the (unpublished) folder a build writes its tables into."""
    folder = Path(processed_dir) / GENERATIONS_DIR / build_id
    folder.mkdir(parents=True)
    folder.chmod(0o777 & ~_umask())  # readable by colleagues who share the processed folder
    (folder.parent).chmod(0o777 & ~_umask())
    return folder


def publish_generation(processed_dir: Path, generation: Path) -> None:
    """Point ``current`` at ``generation`` in one atomic rename; from then on it is the published set
    (make the top-level links with :func:`link_table_names` afterwards)."""
    processed_dir = Path(processed_dir)
    link = processed_dir / CURRENT_LINK
    if link.is_dir() and not link.is_symlink():  # a copy made without keeping links (cp -r): set it aside
        link.rename(processed_dir / GENERATIONS_DIR / f"copied-{new_build_id()}")
    temporary = processed_dir / f".{CURRENT_LINK}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}"
    os.symlink(Path(GENERATIONS_DIR) / generation.name, temporary)
    os.replace(temporary, link)  # the one step that publishes the new tables


def link_table_names(processed_dir: Path) -> None:
    """Make ``<table>.parquet`` and ``manifest.json`` links through ``current`` (replacing old files)
    for every table of the current generation, and remove the links of tables it does not hold (the
    reuse tables of a build run with ``--no-reuse``)."""
    from helpers.store import CORPUS_SCHEMAS, SCHEMAS

    processed_dir = Path(processed_dir)
    current = processed_dir / CURRENT_LINK
    held = {name for name in [*SCHEMAS, *CORPUS_SCHEMAS] if (current / f"{name}.parquet").exists()}
    for name in [*CORPUS_SCHEMAS, *SCHEMAS]:
        path = processed_dir / f"{name}.parquet"
        if name not in held and path.is_symlink():
            path.unlink()
    for name in [f"{table}.parquet" for table in [*SCHEMAS, *CORPUS_SCHEMAS] if table in held] + [MANIFEST_NAME]:
        path = processed_dir / name
        target = Path(CURRENT_LINK) / name
        if path.is_symlink() and Path(os.readlink(path)) == target:
            continue
        temporary = processed_dir / f".{name}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}"
        os.symlink(target, temporary)
        os.replace(temporary, path)


def remove_leftovers(processed_dir: Path) -> list[str]:
    """Delete what stopped builds left: generations never published or two builds old, temporary files.

    Keeps the current generation and the one it replaced (named in its manifest). Call it only while
    holding the build lock (:mod:`helpers.build.lock`). Returns the names removed.
    """
    processed_dir = Path(processed_dir)
    removed = []
    keep = set()
    link = processed_dir / CURRENT_LINK
    if link.is_symlink():
        current = link.resolve()
        keep.add(current.name)
        keep.add(_previous_generation(current))
    generations = processed_dir / GENERATIONS_DIR
    if generations.is_dir():
        for folder in generations.iterdir():
            if folder.name not in keep:
                shutil.rmtree(folder, ignore_errors=True) if folder.is_dir() else folder.unlink(missing_ok=True)
                removed.append(f"{GENERATIONS_DIR}/{folder.name}")
    if processed_dir.is_dir():
        for path in processed_dir.iterdir():
            if path.name.startswith(".") and path.name.endswith(TEMPORARY_SUFFIX) and not path.is_dir():
                path.unlink(missing_ok=True)
                removed.append(path.name)
    if removed:
        logger.info("removed what a stopped build left in %s: %s", processed_dir, ", ".join(removed))
    return removed


def _previous_generation(current: Path) -> str | None:
    try:
        return json.loads((current / MANIFEST_NAME).read_text(encoding="utf-8")).get("previous_generation")
    except (OSError, ValueError):  # a generation without a readable manifest keeps nothing else
        return None
