"""Draw figures with Chinese labels: every function takes a table and returns a Figure.

The CJK font (`fonts.font_path`, Noto Sans CJK SC) is registered with matplotlib on first use;
nothing happens at import. Figures are never saved here. Word clouds are `clouds`, shaded tables
`shading`: neither needs matplotlib.pyplot, whose import costs a report 0.33 s.
"""

from __future__ import annotations

from functools import lru_cache

import matplotlib.pyplot as plt
import pandas as pd

from helpers.fonts import font_path

MAX_LABELLED_CELLS = 120
GENRE_MARKERS = {"press_conference": "o", "government_work_report": "s", "news_report": "^",
                 "statistical_bulletin": "D", "other": "x"}


@lru_cache(maxsize=1)
def use_chinese_font() -> str:
    """Register Noto Sans CJK SC with matplotlib and make it the default; returns its name."""
    from matplotlib import font_manager

    path = font_path()
    font_manager.fontManager.addfont(path)
    name = font_manager.FontProperties(fname=path).get_name()
    plt.rcParams["font.family"] = [name, "DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False
    return name


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


KIND_COLORS = {"actual": "#1f77b4", "forecast": "#9ecae1", "target": "#d62728", "plan": "#ff9896"}


def plot_indicator_comparison(records: pd.DataFrame, indicator: str, unit: str | None = None):
    """One indicator across places and periods: a bar per record, coloured by kind.

    Only records in the indicator's most common unit are drawn (growth rates and levels differ).
    """
    use_chinese_font()
    rows = records[records["indicator"] == indicator]
    fig, ax = plt.subplots(figsize=(9, 4))
    if rows.empty:
        ax.text(0.5, 0.5, f"no records of {indicator}", ha="center", va="center")
        ax.set_axis_off()
        return fig
    unit = unit or rows["unit"].mode().iat[0]
    rows = rows[rows["unit"] == unit].copy()
    year = pd.to_datetime(rows["period_end"]).dt.year.astype("Int64").astype(str)
    rows["label"] = rows["place"].fillna("?") + "\n" + rows["period"].fillna(year)
    rows = rows.sort_values(["place", "period_end"])
    signed = rows["value"].where(rows["direction"] != "down", -rows["value"])
    ax.bar(range(len(rows)), signed, color=[KIND_COLORS.get(k, "grey") for k in rows["kind"]])
    ax.set_xticks(range(len(rows)), rows["label"], fontsize=8)
    ax.axhline(0, color="black", linewidth=0.6)
    ax.set_ylabel(unit)
    ax.set_title(f"{indicator}: 各地各期数值 (values by place and period; red = target)")
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in KIND_COLORS.values()]
    ax.legend(handles, KIND_COLORS.keys(), loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    return fig


def plot_heatmap(table: pd.DataFrame, title: str, fmt: str = "{:.0%}"):
    """A table of numbers as a heatmap with its values written in the cells."""
    use_chinese_font()
    fig, ax = plt.subplots(figsize=(0.75 * len(table.columns) + 2.5, 0.45 * len(table) + 2))
    image = ax.imshow(table.values, cmap="YlOrRd", aspect="auto")
    ax.set_xticks(range(len(table.columns)), table.columns, rotation=45, ha="right")
    ax.set_yticks(range(len(table.index)), [str(i) for i in table.index])
    high = table.values.max() if table.size else 0
    labelled = table.size <= MAX_LABELLED_CELLS  # beyond that, labels are unreadable and slow to lay out
    for (row, column), value in (pd.DataFrame(table.values).stack().items() if labelled else []):
        ax.text(column, row, fmt.format(value), ha="center", va="center", fontsize=7, family="DejaVu Sans",
                color="white" if high and value > 0.6 * high else "black")
    fig.colorbar(image, ax=ax, shrink=0.8)
    ax.set_title(title)
    fig.tight_layout()
    return fig
