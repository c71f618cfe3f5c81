"""Draw figures with Chinese labels: every function takes a table and returns a Figure.

The CJK font (`fonts.font_path`, Noto Sans CJK SC) is registered with matplotlib on first use;
nothing happens at import. Figures are never saved here. Word clouds are `clouds`, shaded tables
`shading`: neither needs matplotlib.pyplot, whose import costs a report 0.33 s.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from functools import lru_cache
from typing import NamedTuple

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers.reports.display import STATUS_NAMES
from helpers.reports.fonts import font_path
from helpers.reports.shading import KIND_COLOURS

MAX_LABELLED_CELLS = 120
# tab20's colours a theme takes, in themes.yaml's order: the strong ones, then the pale; its greys (14, 15) are 其他's
THEME_COLOUR_ORDER = (0, 2, 4, 6, 8, 10, 12, 16, 18, 1, 3, 5, 7, 9, 11, 13, 17, 19)
# Where a map region's label may go: on one of these horizontal lines (shares of the region's height, besides its
# middle), with room for a label this share of the region's height tall
LABEL_LINES = (0.3, 0.4, 0.5, 0.6, 0.7)
LABEL_HEIGHT_SHARE = 0.12
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


@lru_cache(maxsize=1)
def _theme_order() -> dict[str, int]:
    from helpers.lexicon import load_themes

    return {theme.zh: number for number, theme in enumerate(load_themes())}


def colour_theme(name: str):
    """A theme's colour, the same in every chart, by its place in themes.yaml (项目建设 was orange among the bars and
    green among the lines): tab20's strong colours first, then its pale ones, without its greys; grey for 其他 and
    names that are not a theme's."""
    number = _theme_order().get(str(name))
    return plt.get_cmap("tab20").colors[THEME_COLOUR_ORDER[number % len(THEME_COLOUR_ORDER)]] if number is not None \
        else "0.6"


def _detach(fig):
    """The figure, closed in pyplot: a notebook shows it once, as the cell's value, not again when the cell ends."""
    plt.close(fig)
    return fig


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
    return _detach(fig)


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
    return _detach(fig)


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
        return _detach(fig)
    ax.bar(range(len(rows)), rows["signed"], color=[KIND_COLOURS.get(k, "grey") for k in rows["kind"]])
    ax.set_xticks(range(len(rows)), rows["place"].fillna("?") + "\n" + rows["period"].fillna(""), fontsize=8)
    ax.axhline(0, color="black", linewidth=0.6)
    ax.set_ylabel(rows["unit"].iat[0])
    ax.set_title(f"{indicator}: 各地各期数值 (values by place and period; red = target)")
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in KIND_COLOURS.values()]
    ax.legend(handles, KIND_COLOURS.keys(), loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    return _detach(fig)


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
    return _detach(fig)


# Ledger statuses: met green, missed red, not reported grey (ColorBrewer Set1)
STATUS_COLOURS = {"met": "#4daf4a", "missed": "#e41a1c", "not reported": "#999999"}
KIND_NAMES = {"actual": "结果 actual", "forecast": "预计 forecast", "target": "目标 target", "plan": "计划 plan"}
MAX_ROWS_DRAWN = 40  # a dot plot of more rows is unreadable: the first ones are drawn, the title says so
NO_DATA_COLOUR = "#f0f0f0"


def _empty(ax, message: str):
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color="0.4", transform=ax.transAxes)
    ax.set_axis_off()
    return _detach(ax.figure)


TIMELINE_PLACES = 10  # the nine places with the most documents, and the others together: one colour each


def plot_documents_over_time(counts: pd.DataFrame, title: str = "各地文档数量 (documents by year and place)"):
    """Documents per year as bars stacked by place; ``counts`` is places × years
    (`overview.count_documents_by_year`), its ``undated`` column left out of the bars."""
    use_chinese_font()
    fig, ax = plt.subplots(figsize=(8, 3.6))
    years = [c for c in counts.columns if c != "undated"]
    if counts.empty or not years:
        return _empty(ax, "此选择中没有带日期的文档 (no dated documents in this selection)")
    shown = counts[years]
    if len(shown) > TIMELINE_PLACES:  # 21 places had cycled ten colours and cut the legend off at 13
        ranked = shown.sum(axis=1).sort_values(ascending=False, kind="stable").index
        others = shown.loc[ranked[TIMELINE_PLACES - 1:]]
        shown = pd.concat([shown.loc[ranked[:TIMELINE_PLACES - 1]],
                           others.sum().to_frame(f"其他 {len(others)} 地 (other places)").T])
    colours = [c for number, c in enumerate(plt.get_cmap("tab10").colors) if number != 7]  # its grey is the others'
    bottom = pd.Series(0, index=years, dtype="float64")
    for number, (place, row) in enumerate(shown.iterrows()):
        other = number == TIMELINE_PLACES - 1 and len(counts) > TIMELINE_PLACES
        ax.bar(years, row.values, bottom=bottom.values, label=str(place),
               color="0.6" if other else colours[number % len(colours)])
        bottom += row.values
    ax.axvspan(_position(years, "2023") - 0.5, _position(years, "2025") + 0.5, color="0.93", zorder=0,
               label="三年行动 2023–2025")
    ax.set_ylabel("文档数 (documents)")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    return _detach(fig)


def _position(labels: list[str], label: str) -> float:
    """Where a year falls on a categorical axis of years (beyond its ends when it is not among them)."""
    if label in labels:
        return labels.index(label)
    numeric = [int(y) for y in labels]
    return -1 if int(label) < numeric[0] else len(labels)


def plot_theme_lines(shares: pd.DataFrame, title: str = "主题构成的年度变化 (theme shares by year)", top: int = 6):
    """Theme shares over time as lines: ``shares`` is years × themes (`pivot_theme_profile(by="year")`);
    the ``top`` themes with the largest mean share are drawn."""
    use_chinese_font()
    fig, ax = plt.subplots(figsize=(8, 3.8))
    if shares.empty:
        return _empty(ax, "此选择中没有主题词 (no theme hits in this selection)")
    chosen = shares.mean().sort_values(ascending=False).head(top).index
    years = [int(y) for y in shares.index]
    # a year without documents is a gap in each line, not a straight stretch across it (2024 → 2026 drew one)
    every_year = range(min(years), max(years) + 1)
    gapped = shares.set_axis(years).reindex(every_year)
    for theme in chosen:
        ax.plot(list(every_year), gapped[theme].values * 100, marker="o", label=str(theme), color=colour_theme(theme))
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_ylabel("占主题词的比例 (share of theme hits, %)")
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    return _detach(fig)


def plot_theme_bars(shares: pd.DataFrame, title: str = "各地主题构成 (theme shares by place)", top: int = 8,
                    highlight: Collection[str] = ()):
    """Each place's theme shares as one bar of 100%: ``shares`` is places × themes
    (`pivot_theme_profile(by="place")`); themes beyond the ``top`` largest are summed as 其他 (other).
    The bars of the places in ``highlight`` (a place report's own) are outlined."""
    use_chinese_font()
    fig, ax = plt.subplots(figsize=(8, 0.45 * max(len(shares), 1) + 1.8))
    if shares.empty:
        return _empty(ax, "此选择中没有主题词 (no theme hits in this selection)")
    chosen = list(shares.mean().sort_values(ascending=False).head(top).index)
    table = shares[chosen].copy()
    rest = shares.drop(columns=chosen).sum(axis=1)
    if (rest > 0).any():
        table["其他 other"] = rest
    left = pd.Series(0.0, index=table.index)
    for theme in table.columns:
        ax.barh([str(p) for p in table.index], table[theme] * 100, left=left * 100, label=str(theme),
                color=colour_theme(theme))
        left += table[theme]
    marked = [str(p) for p in table.index if p in highlight]
    if marked:
        ax.barh(marked, [100] * len(marked), fill=False, edgecolor="black", linewidth=1.6)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("占主题词的比例 (share of theme hits, %)" + ("; 黑框 = 本报告地区 (outlined: this report's place)"
                                                        if marked else ""))
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
    fig.tight_layout()
    return _detach(fig)


def plot_indicator_periods(rows: pd.DataFrame, title: str, max_panels: int = 6, max_bars: int = MAX_ROWS_DRAWN):
    """One indicator across places, one panel per period (前三季度, 上半年, 2025, 十四五…): figures of
    different periods never share an axis. ``rows``: `indicator_tables.compare_indicator`. Bars are
    coloured by kind (results blue, estimates light blue, targets red, plans pink).

    A panel with more than ``max_bars`` figures draws the latest published figure of each place and
    kind (the first ``max_bars`` of them) and says so in its title; the table beside it has them all.
    """
    use_chinese_font()
    rows = rows.dropna(subset=["signed"])
    if rows.empty:
        fig, ax = plt.subplots(figsize=(8, 2))
        return _empty(ax, "此选择中没有该指标的数值 (no figures of this indicator in this selection)")
    # the periods with the most figures, in the table's order: the first six had been drawn, all before 2025 in the
    # corpus with the provincial reports, whose 51 figures of 2025, 2026 and the plans went undrawn
    counted = rows["period"].fillna("时期不明").astype(str).value_counts(sort=False)
    every = list(counted.index)
    most = set(counted.sort_values(ascending=False, kind="stable").index[:max_panels])
    periods = [period for period in every if period in most]
    if len(every) > len(periods):
        title = f"{title}\n{len(periods)} of {len(every)} periods drawn, those with the most figures; the table has all"
    columns = min(3, len(periods))
    lines = -(-len(periods) // columns)
    # one scale for every panel: 辽阳's 2% drawn as long as another panel's 6% read as the same
    fig, axes = plt.subplots(lines, columns, figsize=(3.2 * columns + 1.5, 2.6 * lines + 0.8), squeeze=False,
                             sharex=True)
    labelled = rows.assign(period=rows["period"].fillna("时期不明").astype(str))
    for ax, period in zip(axes.flat, periods):
        group = labelled[labelled["period"] == period]
        if len(group) > max_bars:
            shown = (group.sort_values("published_date", kind="stable", na_position="first")
                     .drop_duplicates(["place", "kind"], keep="last").sort_values(["place", "kind"]).head(max_bars))
            ax.set_title(f"{period} (最新 latest per place and kind: {len(shown)} of {len(group)})", fontsize=9)
            group = shown
        else:
            ax.set_title(period, fontsize=10)
        ax.barh(range(len(group)), group["signed"], color=[KIND_COLOURS.get(k, "grey") for k in group["kind"]])
        ax.set_yticks(range(len(group)), group["place"].fillna("?").astype(str))
        ax.invert_yaxis()
        ax.axvline(0, color="black", linewidth=0.6)
        ax.set_xlabel(str(group["unit"].iat[0]))
        for y, (value, quote) in enumerate(zip(group["signed"], group["quote"])):
            ax.annotate(str(quote), (value, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=7)
        ax.margins(x=0.35)
    for ax in list(axes.flat)[len(periods):]:
        ax.set_axis_off()
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in KIND_COLOURS.values()]
    fig.legend(handles, [KIND_NAMES[k] for k in KIND_COLOURS], loc="lower center", ncol=4, frameon=False, fontsize=8)
    fig.suptitle(title)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    return _detach(fig)


def plot_targets_against_results(ledger: pd.DataFrame, title: str = "目标与结果 (targets against results)"):
    """A dot plot of the targets of the ledger (`ledger.build_target_ledger`) that have a later result:
    each target at 100%, its tolerance band (±5% for 左右 and 约), and the result as a share of the
    target, coloured met or missed. Targets without a result are counted in the legend, not drawn: a
    mark at 100% would read as met."""
    use_chinese_font()
    judged = ledger[ledger["result_value"].notna()] if len(ledger) else ledger
    rows = judged.head(MAX_ROWS_DRAWN).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(9, 0.32 * max(len(rows), 1) + 1.8))
    if ledger.empty:
        return _empty(ax, "此选择中没有目标 (no targets in this selection)")
    if rows.empty:
        english = f"none of the {len(ledger)} targets has a" if len(ledger) > 1 else "the one target has no"
        return _empty(ax, f"{len(ledger)}个目标均无后续结果 ({english} later result in this corpus)")
    from helpers.indicators.ledger import APPROXIMATE_TOLERANCE
    from helpers.reports.display import name_indicator

    labels = [f"{place} · {name_indicator(ind)} · {target}" for place, ind, target
              in zip(rows["place"].fillna("?"), rows["indicator"], rows["target"])]
    y = range(len(rows))
    approximate = rows["target_qualifier"].isin(["左右", "约"])
    for i in y:
        if approximate.iat[i]:
            ax.plot([100 * (1 - APPROXIMATE_TOLERANCE), 100 * (1 + APPROXIMATE_TOLERANCE)], [i, i], color="0.75",
                    linewidth=6, solid_capstyle="butt", zorder=1)
    ax.scatter([100] * len(rows), y, marker="|", s=200, color="black", zorder=2, label="目标 target = 100%")
    ratio = rows["result_value"].astype(float) / rows["target_value"].astype(float) * 100
    for i, value, status in zip(y, ratio, rows["status"]):
        ax.plot([100, value], [i, i], color="0.6", linewidth=1, zorder=1)
        ax.scatter([value], [i], color=STATUS_COLOURS.get(status, "grey"), s=45, zorder=3)
    ax.set_yticks(list(y), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("结果占目标的比例 (result as % of the target)")
    counts = ledger["status"].value_counts()
    drawn = [s for s in STATUS_COLOURS if s != "not reported"]
    handles = [plt.Line2D([], [], marker="o", linestyle="", color=STATUS_COLOURS[s]) for s in drawn]
    handles.append(plt.Line2D([], [], linestyle=""))
    names = [f"{STATUS_NAMES[s]}: {counts.get(s, 0)}" for s in drawn]
    names.append(f"{STATUS_NAMES['not reported']}: {counts.get('not reported', 0)} (not drawn)")
    ax.legend(handles, names, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
    shown = f" (first {len(rows)} of {len(judged)} with a result)" if len(judged) > len(rows) else ""
    ax.set_title(title + shown)
    fig.tight_layout()
    return _detach(fig)


def plot_repeated_figures(repeated: pd.DataFrame, title: str = "重复出现的数字 (identical figures)", top: int = 15):
    """Identical figures of one indicator (`ledger.find_repeated_figures`): how many places and documents
    give each, the ones one document gives two places in red."""
    use_chinese_font()
    rows = repeated.head(top).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, 0.32 * max(len(rows), 1) + 1.6))
    if rows.empty:
        return _empty(ax, "此选择中没有重复的数字 (no repeated figures in this selection)")
    strong = rows["same_document_different_places"].astype(bool)
    y = list(range(len(rows)))
    ax.barh(y, rows["places"], color=["#d62728" if s else "#9ecae1" for s in strong], label="places")
    ax.scatter(rows["documents"], y, color="black", marker="D", s=18, zorder=3, label="documents")
    ax.set_yticks(y, rows["figure"].astype(str), fontsize=9)
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("地方数 (bars: places) · 文档数 (◆: documents)")
    handles = [plt.Rectangle((0, 0), 1, 1, color="#d62728"), plt.Rectangle((0, 0), 1, 1, color="#9ecae1"),
               plt.Line2D([], [], marker="D", linestyle="", color="black")]
    ax.legend(handles, ["同一文档、同一指标、不同地方 (one document, one metric, two places)", "其他 (other)",
                        "文档数 (documents)"], loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
    ax.set_title(title)  # the legend beside the bars, not on them
    fig.tight_layout()
    return _detach(fig)


class MapPanel(NamedTuple):
    """One map of `plot_maps`: values by region name (辽阳市), its title, how values are written."""

    values: pd.Series
    title: str
    fmt: str = "{:.0%}"
    integer: bool = False  # counts and years: whole ticks on the colour bar
    from_zero: bool = True  # the scale starts at 0 (shares, counts); False for years
    level: str | None = None  # this panel's own level and city, else those of `plot_maps`
    city: str | None = None


MAP_PANEL_SIZE = (5.4, 4.4)  # inches of one map and its colour bar
MAP_MARGINS = {"left": 0.01, "right": 0.97, "top": 0.91, "bottom": 0.08, "wspace": 0.05}


def plot_map(values: pd.Series, title: str, level: str = "city", city: str | None = None,
             fmt: str = "{:.0%}", highlight: str | None = None, integer: bool = False, from_zero: bool = True):
    """Liaoning by city (or one city's counties): each region shaded by its value in ``values``
    (indexed by region name, 辽阳市), light grey without one; the note says it is for orientation."""
    return plot_maps([MapPanel(values, title, fmt, integer, from_zero)], level, city, highlight)


def plot_maps(panels: list[MapPanel], level: str = "city", city: str | None = None, highlight: str | None = None,
              place: str = "all"):
    """Several maps side by side in one figure (one figure is drawn once: cheaper than one per map). A selection of a
    place outside Liaoning (``place``) gets a note instead: a 河北 profile had drawn Liaoning's cities."""
    from helpers.reports.maps import MAP_NOTE, is_on_map, list_regions

    use_chinese_font()
    if not is_on_map(place):
        fig, ax = plt.subplots(figsize=(MAP_PANEL_SIZE[0], 1.0))
        from helpers.reports.profile import name_place

        return _empty(ax, f"{name_place(place)} 不在地图上 (not on the maps, which cover Liaoning, its cities and "
                          "counties)")
    # the maps fill their panels: Liaoning is as tall as it is wide once its degrees are corrected (below), so
    # a panel is a little wider than tall for the colour bar, and the margins hold only the title and the note
    fig, axes = plt.subplots(1, len(panels), figsize=(MAP_PANEL_SIZE[0] * len(panels), MAP_PANEL_SIZE[1]), squeeze=False)
    fig.subplots_adjust(**MAP_MARGINS)
    for ax, panel in zip(axes[0], panels):
        own_level = panel.level or level
        regions = list_regions(own_level, panel.city if panel.level else city)
        if not regions:
            return _empty(ax, f"no {own_level} boundaries for {city or 'Liaoning'}")
        _draw_map(fig, ax, regions, panel, own_level, highlight)
    # two lines by hand: matplotlib's wrap=True measures the text word by word (0.2 s with the CJK font)
    fig.text(0.01, 0.01, "浅灰: 无数据 (light grey: no data). " + MAP_NOTE.replace("; ", ";\n"), fontsize=6.5,
             color="0.35")
    return _detach(fig)


def _draw_map(fig, ax, regions, panel: MapPanel, level: str, highlight: str | None) -> None:
    from matplotlib import patheffects
    from matplotlib.collections import PolyCollection

    polygons, region_of = [], []
    for index, region in enumerate(regions):
        for polygon in region.polygons:
            polygons.append(polygon[0])
            region_of.append(index)
    known, fmt, integer = panel.values.dropna(), panel.fmt, panel.integer
    cmap = plt.get_cmap("YlOrRd")
    low, high = (float(known.min()), float(known.max())) if len(known) else (0.0, 1.0)
    low = min(low, 0.0) if panel.from_zero else low
    if high == low:  # one value (one city, or one year of first use): a scale around it, not 0 to 1
        low, high = low - 0.5, high + 0.5
    span = high - low
    colours = [cmap(0.15 + 0.85 * (float(known[regions[i].name]) - low) / span) if regions[i].name in known.index
               else NO_DATA_COLOUR for i in region_of]
    ax.add_collection(PolyCollection(polygons, facecolors=colours, edgecolors="white", linewidths=0.6))
    for region in regions:
        if level == "county" and len(regions) > 20 and region.name not in known.index:
            continue  # the province's 100 counties: only those with a value are named
        x, y = _label_point(max((p[0] for p in region.polygons), key=len))
        label = region.name.removesuffix("市") if level == "city" else region.name
        text = label + (f"\n{fmt.format(known[region.name])}" if region.name in known.index else "")
        shade = (float(known[region.name]) - low) / span if region.name in known.index else None
        dark = shade is not None and shade > 0.6
        # a halo of the region's own colour: a label wider than a small region (盘锦) still reads where it overhangs
        # a neighbour or the sea; none on grey, where it filled the small 口 of 营口
        halo = [patheffects.withStroke(linewidth=2, foreground=cmap(0.15 + 0.85 * shade))] if shade is not None else []
        ax.text(x, y, text, ha="center", va="center", color="white" if dark else "black", path_effects=halo,
                # larger, not bold: the CJK font has one weight
                fontsize=(8 if level == "city" else 6) + (2 if region.name == highlight else 0))
        if region.name == highlight:
            for polygon in region.polygons:
                hx, hy = zip(*polygon[0])
                ax.plot(hx, hy, color="black", linewidth=1.8)
    ax.autoscale_view()
    ax.set_aspect(1.3)  # about 1 / cos(41°): Liaoning's degrees of longitude are shorter than its latitude's
    ax.set_axis_off()
    if len(known):
        from matplotlib.cm import ScalarMappable
        from matplotlib.colors import LinearSegmentedColormap, Normalize

        shown = LinearSegmentedColormap.from_list("shown", [cmap(0.15), cmap(1.0)])
        bar = fig.colorbar(ScalarMappable(Normalize(low, high), shown), ax=ax, shrink=0.6, pad=0.02)
        bar.formatter = plt.FuncFormatter(lambda v, _: fmt.format(v))
        if integer:  # counts and years: whole ticks only, at most 7
            whole = list(range(math.ceil(low), math.floor(high) + 1))
            bar.set_ticks(whole[::max(1, -(-len(whole) // 7))])
        else:
            bar.update_ticks()
    else:  # a map all grey says why
        ax.text(0.5, 0.02, "无数据: 没有地区有数值 (no region has a value in this selection)", transform=ax.transAxes,
                ha="center", va="bottom", fontsize=9, color="0.3")
    ax.set_title(panel.title, fontsize=11)


def _label_point(ring) -> tuple[float, float]:
    """Where a region's name and value go: the middle of the widest stretch inside the region along one of a few
    horizontal lines across its middle, the stretch counted only as wide as it is a little above and below too
    (a label is two lines of text). The centroid of the ring put 辽阳's value half into the gap its C-shaped outline
    wraps round, so that its white "12.3%" read "3%"; the middle of the bounding box fell in a neighbour's.

    >>> _label_point([(0, 0), (4, 0), (4, 2), (0, 2), (0, 0)])
    (2.0, 1.0)
    """
    points = np.asarray(ring, dtype=float)
    if len(points) < 3:
        return tuple(np.round(points.mean(axis=0), 6)) if len(points) else (0.0, 0.0)
    if not np.array_equal(points[0], points[-1]):
        points = np.vstack([points, points[:1]])
    (x1, y1), (x2, y2) = points[:-1].T, points[1:].T
    low, high = points[:, 1].min(), points[:, 1].max()
    half_label = LABEL_HEIGHT_SHARE * (high - low) / 2

    def stretch(y: float, x: float | None = None) -> tuple[float, float]:
        """(width, middle) of the inside stretch at height y: the widest, or the one holding x (0 when none)."""
        crossing = (y1 <= y) != (y2 <= y)
        at = np.sort(x1[crossing] + (y - y1[crossing]) * (x2 - x1)[crossing] / (y2 - y1)[crossing])
        starts, ends = at[0::2], at[1::2]
        if not len(ends):
            return 0.0, 0.0
        if x is None:
            i = int(np.argmax(ends - starts[:len(ends)]))
        else:
            holding = np.flatnonzero((starts[:len(ends)] <= x) & (x <= ends))
            if not len(holding):
                return 0.0, x
            i = int(holding[0])
        return float(ends[i] - starts[i]), float((starts[i] + ends[i]) / 2)

    best = (-1.0, 0.0, 0.0)
    for y in [(low + high) / 2, *(low + (high - low) * share for share in LABEL_LINES)]:
        width, middle = stretch(y)
        room = min(width, stretch(y - half_label, middle)[0], stretch(y + half_label, middle)[0])
        if room > best[0]:
            best = (room, middle, y)
    return round(float(best[1]), 6), round(float(best[2]), 6)


HARDNESS_COLOURS = {"soft": "#9ecae1", "range": "#6baed6", "point": "#fdae6b", "binding_floor": "#d94801",
                    "binding_ceiling": "#7f2704", "unknown": "#bdbdbd"}
# The legend's names, Chinese first as the other charts' (the classes' codes stay in the tables and panels)
HARDNESS_NAMES = {"soft": "软 soft (左右, 力争)", "range": "区间 range", "point": "定值 point",
                  "binding_floor": "下限 floor (确保, 以上)", "binding_ceiling": "上限 ceiling (以内, 控制在)",
                  "unknown": "不明 unknown"}


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
        return _detach(fig)
    left = pd.Series(0.0, index=counts.index)
    for hardness in classes:
        ax.barh(labels, counts[hardness], left=left, color=HARDNESS_COLOURS[hardness], label=HARDNESS_NAMES[hardness])
        left = left + counts[hardness]
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)  # whole targets: 盘锦's chart had ticks at 0.5
    ax.set_xlabel("目标数 (targets)")
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    return _detach(fig)


def plot_escalation(rows: pd.DataFrame, title: str = "层层加码 (each target against its parent's)"):
    """Each place's target (dot) against its parent's (bar end) from ``targets.tables.select_escalation``:
    red where the lower level set it higher."""
    use_chinese_font()
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(rows) + 1.8))
    if rows.empty:
        ax.text(0.5, 0.5, "no place has a parent with a comparable target", ha="center", va="center")
        ax.set_axis_off()
        return _detach(fig)
    labels = rows["place"].astype(str) + " vs " + rows["parent_place"].astype(str)
    colours = ["#d94801" if e == 1 else "#6baed6" for e in rows["escalated"].fillna(0)]
    ax.hlines(labels, rows["parent_target_mid"], rows["target_mid"], color="0.6")
    ax.scatter(rows["parent_target_mid"], labels, marker="|", s=200, color="black", label="parent's target")
    ax.scatter(rows["target_mid"], labels, color=colours, s=60, zorder=3, label="place's target (red: higher)")
    # the difference written beside each row: on an axis of 4.50-4.75 a gap of 0.25 looked large
    for label, mid, parent in zip(labels, rows["target_mid"], rows["parent_target_mid"]):
        ax.annotate(f"{mid - parent:+.2f}", (max(mid, parent), label), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=8, color="0.3")
    ax.margins(x=0.15)
    ax.invert_yaxis()
    ax.set_xlabel("target (midpoint of a range); beside each row, the place's less its parent's")
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    return _detach(fig)
