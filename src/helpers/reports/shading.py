"""Show a table of numbers as a heatmap that stays a table: each cell shaded by its value.

In a report a shaded table is text (the numbers can be read, copied and searched) and costs a few
milliseconds; the same heatmap drawn by matplotlib cost 0.3–0.45 s and an image. `plots.plot_heatmap`
still draws the picture, for a paper.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.reports.display import MISSING, PERCENT_FORMAT, Table, format_label

# ColorBrewer YlOrRd, 9 classes (Apache 2.0), light to dark: the colormap plots.plot_heatmap uses
SHADES = ("#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026")
WHITE_TEXT_FROM = 6  # shades this dark and darker carry white numbers


def shade_cells(table: pd.DataFrame, exclude_diagonal: bool = False) -> pd.DataFrame:
    """The CSS of each cell: its shade, from the lightest at 0 (or the minimum) to the darkest at the maximum.

    ``exclude_diagonal``: a square table's diagonal (a co-occurrence table's totals) is left unshaded
    and out of the scale, so that it does not drown every other cell.
    """
    values = table.astype(float)
    if exclude_diagonal:
        values = values.mask(pd.DataFrame(np.eye(*values.shape, dtype=bool), index=values.index,
                                          columns=values.columns))
    low = min(0.0, float(values.min().min())) if values.size else 0.0
    span = (float(values.max().max()) - low) if values.size else 0.0
    level = ((values - low) / span * (len(SHADES) - 1)).round() if span > 0 else values * 0
    return level.apply(lambda column: column.map(_style_level))


def _style_level(level: float) -> str:
    if pd.isna(level):
        return ""
    index = int(level)
    colour = "white" if index >= WHITE_TEXT_FROM else "black"
    return f"background-color: {SHADES[index]}; color: {colour}; text-align: center"


def show_heatmap(table: pd.DataFrame, title: str, fmt: str = PERCENT_FORMAT, exclude_diagonal: bool = False) -> Table:
    """The table with each cell shaded by its value (`shade_cells`), numbers written with ``fmt`` (shares
    as 13.2% by default), missing as "–", row labels kept, everything escaped (a `display.Table`)."""
    table = table.rename_axis(columns=None)  # the columns' own name ("zh") is no header for a reader
    text = table.apply(lambda column: column.map(lambda value: MISSING if pd.isna(value) else fmt.format(value)))
    text.columns = [format_label(column) for column in table.columns]
    return Table(text, title, set(text.columns), len(table), index=True,
                 styles=shade_cells(table, exclude_diagonal=exclude_diagonal))


# Bar colours by kind of figure: results blue, estimates light blue, targets red, plans pink
KIND_COLOURS = {"actual": "#1f77b4", "forecast": "#9ecae1", "target": "#d62728", "plan": "#ff9896"}
