"""Temporary files for atomic writes: written beside their target, then renamed over it.

Tables, the manifest and exports are all written this way, so a reader never sees half a file and an
interrupted write leaves the previous file in place. No heavy import here: the build's no-op check
uses it without loading pyarrow.
"""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path


def make_temporary_file(folder: str | Path, prefix: str, suffix: str) -> tuple[int, str]:
    """``tempfile.mkstemp`` in ``folder``, with the permissions a new file gets there (0644 under the
    usual umask), not mkstemp's private 0600: a processed table renamed into place from it must be
    readable by the colleagues who share the folder. Returns the open handle and the path."""
    handle, temporary = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    os.fchmod(handle, 0o666 & ~_umask())
    return handle, temporary


def write_atomically(path: str | Path, write) -> Path:
    """Call ``write(temporary_path)`` for a temporary file beside ``path``, then rename it over ``path``;
    on any failure the temporary file is removed and ``path`` is left as it was."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = make_temporary_file(path.parent, f".{path.name}.", path.suffix)
    os.close(handle)
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return path


@lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it; put it straight back
    os.umask(mask)
    return mask
