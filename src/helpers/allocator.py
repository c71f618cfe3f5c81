"""Tell the C allocator of a build process to keep the memory it frees, instead of returning it.

A document's stages allocate and free tens of megabytes of strings and lists. glibc serves blocks
of more than 128 KB to 32 MB (its adaptive limit) with fresh ``mmap`` calls and gives freed memory
at the heap's top back to the system, so each batch pays page faults again to get the same memory:
in a 10 MB build, 40,000 faults and 0.15 s of kernel time per worker. Raising both limits lets
freed memory be reused; the peak, which is what the build's memory goal counts, stays as it was.
Only processes that end with the build ask for this: the command line's and its worker processes.
A JupyterLab kernel that calls the build keeps its allocator as it is, and a Dask worker belongs to
whoever runs the cluster.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from functools import lru_cache

logger = logging.getLogger(__name__)

# mallopt(3) parameters (glibc's malloc.h)
M_TRIM_THRESHOLD = -1
M_TOP_PAD = -2
M_MMAP_THRESHOLD = -3
# Blocks below this come from the heap, whose freed memory is reused: the ceiling of glibc's own
# adaptive limit on 64-bit (256 MB measured the same). A whole document's text is far smaller.
MMAP_THRESHOLD_BYTES = 32 * 1024 * 1024
# Free memory at the top of the heap kept for the next batch rather than trimmed
TRIM_THRESHOLD_BYTES = 512 * 1024 * 1024
# Extra memory asked for each time the heap grows, so it grows in few steps
TOP_PAD_BYTES = 16 * 1024 * 1024


@lru_cache(maxsize=1)
def keep_freed_memory() -> bool:
    """Set this process's glibc allocator to reuse freed memory; False (and nothing done) elsewhere.

    Forked processes inherit the setting. Calling it twice does nothing more.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        # the symbols already loaded, the C library's among them (find_library("c") would run
        # ldconfig in a subprocess: 20 ms before the workers start)
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # musl (Alpine) has no mallopt: its allocator stays as it is
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    settings = ((M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES), (M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES),
                (M_TOP_PAD, TOP_PAD_BYTES))
    accepted = all(mallopt(parameter, value) == 1 for parameter, value in settings)
    if not accepted:
        logger.debug("glibc refused an allocator setting; the build runs with its defaults")
    return accepted
