"""Research workbench for Liaoning local-government documents (全面振兴新突破三年行动).

Modules are imported one by one (``from helpers import corpus, indicators``). The one thing that
runs here: the compiled forms of the extraction modules are used if they match their source
(:mod:`helpers.native`).
"""

from helpers.native import use_compiled_modules

__version__ = "0.1.0"
use_compiled_modules()
