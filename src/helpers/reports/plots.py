"""Draw figures with Chinese labels: every function takes a table and returns a Figure.

The CJK font (`fonts.font_path`, Noto Sans CJK SC) is registered with matplotlib on first use;
nothing happens at import. Figures are never saved here. Word clouds are `clouds`, shaded tables
`shading`: neither needs matplotlib.pyplot, whose import costs a report 0.33 s.
"""

from __future__ import annotations

from functools import lru_cache

import matplotlib.pyplot as plt
import pandas as pd

from helpers.reports.fonts import font_path
from helpers.reports.shading import KIND_COLOURS

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


def plot_indicator_comparison(records: pd.DataFrame, indicator: str, unit: str | None = None):
    """One indicator across places and periods (`indicator_tables.compare_indicator`): a bar per
    record, coloured by kind, in the indicator's most common unit unless ``unit`` is given."""
    from helpers.indicators.indicator_tables import compare_indicator

    use_chinese_font()
    rows = compare_indicator(records, indicator, unit)
    fig, ax = plt.subplots(figsize=(9, 4))
    if rows.empty:
        ax.text(0.5, 0.5, f"no records of {indicator}", ha="center", va="center")
        ax.set_axis_off()
        return fig
    ax.bar(range(len(rows)), rows["signed"], color=[KIND_COLOURS.get(k, "grey") for k in rows["kind"]])
    ax.set_xticks(range(len(rows)), rows["place"].fillna("?") + "\n" + rows["period"].fillna(""), fontsize=8)
    ax.axhline(0, color="black", linewidth=0.6)
    ax.set_ylabel(rows["unit"].iat[0])
    ax.set_title(f"{indicator}: 各地各期数值 (values by place and period; red = target)")
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in KIND_COLOURS.values()]
    ax.legend(handles, KIND_COLOURS.keys(), loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
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


HARDNESS_COLOURS = {"soft": "#9ecae1", "range": "#6baed6", "point": "#fdae6b", "binding_floor": "#d94801",
                    "binding_ceiling": "#7f2704", "unknown": "#bdbdbd"}


def plot_hardness(counts: pd.DataFrame, label: str = "place",
                  title: str = "目标硬度 (targets by hardness, softest first)"):
    """Stacked bars: targets per group (``targets.tables.count_hardness``) by hardness class."""
    use_chinese_font()
    classes = [c for c in HARDNESS_COLOURS if c in counts.columns]
    labels = counts[label].astype(str) + ("  " + counts["year"].astype(str) if "year" in counts.columns else "")
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(counts) + 1.8))
    if counts.empty:
        ax.text(0.5, 0.5, "no targets", ha="center", va="center")
        ax.set_axis_off()
        return fig
    left = pd.Series(0.0, index=counts.index)
    for hardness in classes:
        ax.barh(labels, counts[hardness], left=left, color=HARDNESS_COLOURS[hardness], label=hardness)
        left = left + counts[hardness]
    ax.invert_yaxis()
    ax.set_xlabel("targets")
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    return fig


def plot_escalation(rows: pd.DataFrame, title: str = "层层加码 (each target against its parent's)"):
    """Each place's target (dot) against its parent's (bar end) from ``targets.tables.select_escalation``:
    red where the lower level set it higher."""
    use_chinese_font()
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(rows) + 1.8))
    if rows.empty:
        ax.text(0.5, 0.5, "no place has a parent with a comparable target", ha="center", va="center")
        ax.set_axis_off()
        return fig
    labels = rows["place"].astype(str) + " vs " + rows["parent_place"].astype(str)
    colours = ["#d94801" if e == 1 else "#6baed6" for e in rows["escalated"].fillna(0)]
    ax.hlines(labels, rows["parent_target_mid"], rows["target_mid"], color="0.6")
    ax.scatter(rows["parent_target_mid"], labels, marker="|", s=200, color="black", label="parent's target")
    ax.scatter(rows["target_mid"], labels, color=colours, s=60, zorder=3, label="place's target (red: higher)")
    ax.invert_yaxis()
    ax.set_xlabel("target (midpoint of a range)")
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    return fig
