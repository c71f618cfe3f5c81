"""Where the CJK font is: Noto Sans CJK SC from the mplfonts package (SIL Open Font License).

Kept apart from `plots` so that word clouds (PIL) find the font without importing matplotlib.pyplot.
The package is located, not imported: importing mplfonts imports matplotlib (0.2 s).
"""

from __future__ import annotations

from helpers.paths import find_package_file

FONT_PACKAGE = "mplfonts"
FONT_FILE = "NotoSansCJKsc-Regular.otf"


def font_path() -> str:
    """The file path of the CJK font, for libraries (wordcloud, PIL, matplotlib) that take a path."""
    return str(find_package_file(FONT_PACKAGE, "fonts", FONT_FILE))
