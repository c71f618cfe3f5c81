"""Draw text reuse: who took passages from whom over time, and how slogans spread across places.

Every function takes a table from :mod:`helpers.reuse.diffusion` or the reuse table and returns a
matplotlib Figure; nothing is saved here.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from helpers.reports.plots import use_chinese_font

UNKNOWN_PLACE = "未知"


def _empty(message: str):
    """A figure that says why there is nothing to draw: the Chinese on one line, the English gloss on the next (on
    one line, a long message was cut at both ends)."""
    fig, ax = plt.subplots(figsize=(8, 1.5))
    ax.text(0.5, 0.5, message.replace(" (", "\n(", 1), ha="center", va="center")
    ax.set_axis_off()
    return fig


def plot_copy_timeline(reuse: pd.DataFrame, max_links: int = 200,
                       title: str = "谁先谁后 (who took passages from whom, by date)"):
    """Each passage pair as an arrow from the earlier document (date, place) to the later one;
    place down, date across. Pairs within one place are drawn too (a city reposting itself)."""
    use_chinese_font()
    dated = reuse.dropna(subset=["date_a", "date_b"])
    if dated.empty:
        return _empty("没有可画的段落对 (no dated passage pairs to draw: none, or only the genre's boilerplate)")
    links = (dated.assign(place_a=dated["place_a"].fillna(UNKNOWN_PLACE), place_b=dated["place_b"].fillna(UNKNOWN_PLACE))
             .groupby(["place_a", "date_a", "place_b", "date_b"]).size().rename("passages").reset_index()
             .sort_values("passages", ascending=False).head(max_links))
    places = sorted(set(links["place_a"]) | set(links["place_b"]))
    row = {place: i for i, place in enumerate(places)}
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(places) + 1.8))
    for link in links.itertuples():
        ax.annotate("", xy=(pd.Timestamp(link.date_b), row[link.place_b]),
                    xytext=(pd.Timestamp(link.date_a), row[link.place_a]),
                    arrowprops={"arrowstyle": "->", "color": "tab:blue", "alpha": 0.5,
                                "linewidth": 0.6 + min(link.passages, 10) * 0.3})
    points = pd.concat([links[["place_a", "date_a"]].set_axis(["place", "date"], axis=1),
                        links[["place_b", "date_b"]].set_axis(["place", "date"], axis=1)])
    ax.scatter(pd.to_datetime(points["date"]), points["place"].map(row), s=25, color="black", zorder=3)
    ax.set_yticks(range(len(places)), places)
    ax.set_title(title)
    fig.tight_layout()
    return fig


LINE_STYLES = ("-", "--", ":", "-.")  # lines that coincide (two slogans adopted together) show both
NUDGE = 0.2  # how far apart, in places, the adoption curves are drawn at most (so that coinciding ones show)


def plot_adoption_curves(curves: pd.DataFrame, title: str = "口号的扩散 (places using each slogan, cumulative)"):
    """One step line per slogan (`diffusion.count_adoption_curves`: those used in the most places): how many places
    had used it by each date. Lines are nudged apart by a little (at most NUDGE in all), so that slogans adopted
    together still show; a selection where no slogan reached a second place says so instead of drawing flat lines."""
    use_chinese_font()
    if curves.empty:
        return _empty("no dated slogan use")
    if curves.to_numpy().max() <= 1:  # a place report: every line sat at 1
        return _empty("此选择中每个口号只在一个地方出现 (no slogan reached a second place in this selection: "
                      "the corpus report shows how slogans spread)")
    from matplotlib.ticker import MaxNLocator

    fig, ax = plt.subplots(figsize=(9, 4))
    step = NUDGE / max(len(curves.columns) - 1, 1)
    for number, term in enumerate(curves.columns):  # lines that coincide stay apart by their dashes and a nudge
        ax.step(pd.to_datetime(curves.index), curves[term] + number * step, where="post", label=term,
                linestyle=LINE_STYLES[number % len(LINE_STYLES)], linewidth=1.6)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # a count of places: no 0.5 or 1.5
    ax.set_ylabel(f"地方数 (places; lines nudged apart by up to {NUDGE})")
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    return fig
