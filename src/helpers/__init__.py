"""Research workbench for Liaoning local-government documents (全面振兴新突破三年行动).

The package is laid out by stage, each a subpackage (``helpers.corpus``, ``helpers.indicators``,
``helpers.themes``, ``helpers.build``, ``helpers.reports``); notebooks import modules, not names
(``from helpers.corpus import overview``). Nothing runs at import.
"""

__version__ = "0.2.0"
