"""Where the CJK font is: Noto Sans CJK SC from the mplfonts package (SIL Open Font License).

Kept apart from `plots` so that word clouds (PIL) find the font without importing matplotlib.pyplot.
"""

from __future__ import annotations

from importlib import resources

FONT_FILE = "NotoSansCJKsc-Regular.otf"


def font_path() -> str:
    """The file path of the CJK font, for libraries (wordcloud, PIL, matplotlib) that take a path."""
    return str(resources.files("mplfonts").joinpath("fonts", FONT_FILE))
