"""Run the command line with ``python -m helpers``.

The process ends as soon as the command has returned, with ``os._exit``, after the exit handlers
have run and the output is flushed: tearing the interpreter down object by object (pyarrow, numpy,
the build's caches) took another 30 ms after a build. Every command closes what it writes before it
returns (tables are renamed into place, the cache's connection is closed).
"""

import atexit
import os
import sys

from helpers.cli import main

status = main()
atexit._run_exitfuncs()  # logging's flush, multiprocessing's joins: what a normal exit would run
sys.stdout.flush()
sys.stderr.flush()
os._exit(status)
