"""Start the build's local worker processes so that they never outlive it.

Each worker asks the kernel to kill it when the build's process dies (``PR_SET_PDEATHSIG`` on Linux;
elsewhere a thread that watches the parent's process id), so a build killed with SIGKILL leaves no
worker behind. Workers ignore Ctrl-C: the build gets it (in a terminal, or from JupyterLab's
"interrupt kernel", which signals the kernel's whole process group) and terminates them itself.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def start_worker_pool(workers: int, close_handles: tuple[int, ...] = ()):
    """A ``multiprocessing`` pool of ``workers`` forked processes that die with this one.

    ``close_handles``: file handles a worker must not keep (the build lock's: a worker that held it
    for a moment after a killed build would refuse the next build). Call ``terminate()`` on the pool
    when the build stops early, ``close()`` and ``join()`` when it is done.
    """
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    return context.Pool(workers, initializer=prepare_worker, initargs=(os.getpid(), close_handles))


def prepare_worker(parent_pid: int, close_handles: tuple[int, ...] = ()) -> None:
    """In a new worker: close ``close_handles``, ignore Ctrl-C and die when the process ``parent_pid`` dies."""
    for handle in close_handles:
        try:
            os.close(handle)
        except OSError:  # not inherited (a spawned worker): nothing to close
            pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not _ask_kernel_to_kill_on_parent_death():
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    if os.getppid() != parent_pid:  # the parent died before the request above took effect
        os.kill(os.getpid(), signal.SIGKILL)


def _ask_kernel_to_kill_on_parent_death() -> bool:
    if sys.platform != "linux":
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):  # no C library to call: the watching thread does it
        return False


def _watch_parent(parent_pid: int, pause: float = 0.5) -> None:
    while os.getppid() == parent_pid:
        time.sleep(pause)
    os.kill(os.getpid(), signal.SIGKILL)
