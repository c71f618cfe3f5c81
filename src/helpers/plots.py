"""Draw figures with Chinese labels: every function takes a table and returns a Figure.

The CJK font is Noto Sans CJK SC from the mplfonts package (SIL Open Font License), registered
with matplotlib on first use; nothing happens at import. Figures are never saved here.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import matplotlib.pyplot as plt
import pandas as pd

FONT_FILE = "NotoSansCJKsc-Regular.otf"
GENRE_MARKERS = {"press_conference": "o", "government_work_report": "s", "news_report": "^",
                 "statistical_bulletin": "D", "other": "x"}


@lru_cache(maxsize=1)
def use_chinese_font() -> str:
    """Register Noto Sans CJK SC with matplotlib and make it the default; returns its name."""
    from matplotlib import font_manager

    path = resources.files("mplfonts").joinpath("fonts", FONT_FILE)
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    plt.rcParams["font.family"] = [name, "DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False
    return name


def font_path() -> str:
    """The file path of the CJK font, for libraries (wordcloud) that take a path."""
    return str(resources.files("mplfonts").joinpath("fonts", FONT_FILE))


def plot_timeline(docs: pd.DataFrame, title: str = "文档时间线 (documents by date, place and genre)"):
    """Each document as a point: date across, place down, marker by genre."""
    use_chinese_font()
    dated = docs.dropna(subset=["published_date"]).assign(place=lambda d: d["place"].fillna("未知"))
    places = sorted(dated["place"].unique())
    row = {place: i for i, place in enumerate(places)}
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(places) + 1.8))
    for genre, group in dated.groupby("genre"):
        ax.scatter(pd.to_datetime(group["published_date"]), group["place"].map(row),
                   marker=GENRE_MARKERS.get(genre, "o"), s=70, label=genre)
    ax.set_yticks(range(len(places)), places)
    ax.axvspan(pd.Timestamp("2023-01-01"), pd.Timestamp("2025-12-31"), color="0.92", zorder=0,
               label="三年行动 2023–2025")
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    return fig


def plot_bar(table: pd.DataFrame, label: str, value: str, title: str, horizontal: bool = True):
    """A bar chart of one value column against a label column."""
    use_chinese_font()
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(table) + 1.5))
    if horizontal:
        ax.barh(table[label].astype(str), table[value])
        ax.invert_yaxis()
    else:
        ax.bar(table[label].astype(str), table[value])
    ax.set_title(title)
    fig.tight_layout()
    return fig
