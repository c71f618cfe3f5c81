"""Where the CJK font is: Noto Sans CJK SC from the mplfonts package (SIL Open Font License).

Kept apart from `plots` so that word clouds (PIL) find the font without importing matplotlib.pyplot.
The package is located, not imported: importing mplfonts imports matplotlib (0.2 s).
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

FONT_PACKAGE = "mplfonts"
FONT_FILE = "NotoSansCJKsc-Regular.otf"


def font_path() -> str:
    """The file path of the CJK font, for libraries (wordcloud, PIL, matplotlib) that take a path."""
    spec = find_spec(FONT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"the {FONT_PACKAGE} package (the CJK font) is not installed: run `make install`")
    return str(Path(next(iter(spec.submodule_search_locations))) / "fonts" / FONT_FILE)
