"""Run the command line with ``python -m helpers``.

A build ends as soon as it has returned, with ``os._exit``, after the exit handlers have run and
the output is flushed: tearing the interpreter down object by object (pyarrow, numpy, the build's
caches) took another 30 ms. The build has closed everything it writes by then (tables renamed into
place, the cache's connection closed, its threads joined). Other commands exit as usual.
"""

import atexit
import os
import sys

from helpers.cli import main

status = main()
if sys.argv[1:2] != ["build"]:
    sys.exit(status)
atexit._run_exitfuncs()  # logging's flush, multiprocessing's joins: what a normal exit would run
sys.stdout.flush()
sys.stderr.flush()
os._exit(status)
