"""Research workbench for Liaoning local-government documents (全面振兴新突破三年行动).

Modules are imported one by one (``from helpers import corpus, indicators``); nothing runs here.
"""

__version__ = "0.1.0"
