"""Let one build at a time write a processed folder: an exclusive lock on ``.build.lock`` in it.

The lock is the operating system's (``flock``), so it goes away with the process that held it, even
one killed with SIGKILL: a stale lock never blocks the next build. The file keeps the holder's process
id and start time, for the message a second build gives.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import logging
import os
from contextlib import contextmanager
from pathlib import Path

logger = logging.getLogger(__name__)

LOCK_NAME = ".build.lock"


class BuildLockedError(RuntimeError):
    """Another build holds the processed folder; the message names its process."""


@contextmanager
def hold_build_lock(processed_dir: str | Path, wait: bool = False):
    """Hold the processed folder's build lock for the ``with`` block; gives the lock file's handle, which
    a forked worker closes (:func:`helpers.build.workers.prepare_worker`) so that it never holds the lock.

    Raises:
        BuildLockedError: another build holds it and ``wait`` is false.
    """
    processed_dir = Path(processed_dir)
    processed_dir.mkdir(parents=True, exist_ok=True)
    handle = os.open(processed_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # held by another build
            holder = _read_holder(handle)
            if not wait:
                raise BuildLockedError(
                    f"another build is writing {processed_dir} ({holder}); wait for it to finish, "
                    "or run this one with --wait") from None
            logger.warning("waiting for another build of %s (%s)", processed_dir, holder)
            fcntl.flock(handle, fcntl.LOCK_EX)
        os.ftruncate(handle, 0)
        started = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        os.pwrite(handle, f"process {os.getpid()}, started {started}\n".encode(), 0)
        yield handle
    finally:
        os.close(handle)  # closing the file releases the lock


def _read_holder(handle: int) -> str:
    text = os.pread(handle, 200, 0).decode("utf-8", "replace").strip()
    return text or "process unknown"
