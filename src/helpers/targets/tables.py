"""Summarize the indicator panel for reading: hardness counts, escalation, met by hardness, files.

In: the indicator panel (:func:`helpers.targets.panel.build_indicator_panel`). Out: small tables for
notebook 06, each with Chinese place names, and the list of panel files an export wrote.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.targets.escalation import REFERENCE_REF
from helpers.targets.panel import HARDNESS_ORDER, STATUS_ORDER

# Each side's figure in its context beside its date and kind, the earlier first (the display layer marks the
# quote in its sentence; the quote carries the unit)
CONFLICT_VIEW = ["place", "indicator", "period", "first_quote", "first_sentence", "first_kind", "first_published_date",
                 "second_quote", "second_sentence", "second_kind", "second_published_date", "difference", "preliminary",
                 "first_ref", "second_ref"]
# The panel's columns a reader checks first (the files hold all 33)
PANEL_VIEW = ["gb_code", "place", "year", "indicator_zh", "unit", "target_quote", "hardness", "result_quote", "status",
              "escalated", "target_ref"]
# …and the theme panel's (the theme's Chinese name comes from its code in the display layer)
THEME_PANEL_VIEW = ["gb_code", "place", "year", "theme", "hits", "share", "per_10k_chars", "documents", "n_documents"]
ESCALATION_VIEW = ["place", "level", "year", "indicator_zh", "target_quote", "hardness", "target_mid",
                   "parent_place", "parent_target_mid", "escalation_difference", "escalated", "target_ref",
                   "parent_target_ref"]


def drop_documented(panel: pd.DataFrame) -> pd.DataFrame:
    """The panel's rows of the documents' own targets: without the nation's documented ones
    (``reference_targets.csv``), which are there as the provinces' parents (06 counted 全国 among the places)."""
    if "target_ref" not in panel or panel.empty:
        return panel
    return panel[~panel["target_ref"].astype(str).str.startswith(REFERENCE_REF)]


def count_hardness(panel: pd.DataFrame, by: tuple[str, ...] = ("place", "year")) -> pd.DataFrame:
    """The documents' targets per group and hardness class (columns in the scale's order, softest first)."""
    panel = drop_documented(panel)
    if panel.empty:
        return pd.DataFrame(columns=[*by, *HARDNESS_ORDER[:-1]])
    table = pd.crosstab([panel[c] for c in by], panel["hardness"].astype(str))
    present = [h for h in HARDNESS_ORDER if h in table.columns]
    table = table[present].reset_index()
    table.columns.name = None
    return table


def select_escalation(panel: pd.DataFrame, indicator: str | None = None, year: int | None = None) -> pd.DataFrame:
    """Panel rows that have a parent's target beside them, optionally one indicator and year,
    largest escalation first."""
    rows = panel[panel["parent_target_mid"].notna()]
    if indicator:
        rows = rows[rows["indicator"] == indicator]
    if year:
        rows = rows[rows["year"] == year]
    return rows.sort_values("escalation_difference", ascending=False)[ESCALATION_VIEW].reset_index(drop=True)


def count_status_by_hardness(panel: pd.DataFrame) -> pd.DataFrame:
    """The documents' targets per hardness class and status (met, missed, not reported), with the share met
    among those whose result was reported."""
    panel = drop_documented(panel)
    table = pd.crosstab(panel["hardness"].astype(str), panel["status"].astype(str))
    table = table.reindex(columns=STATUS_ORDER, fill_value=0)
    table = table.reindex([h for h in HARDNESS_ORDER if h in table.index])
    reported = table["met"] + table["missed"]
    table = table.assign(share_met=(table["met"] / reported.where(reported > 0))).reset_index()
    table.columns.name = None
    return table


def list_panel_files(folder: str | Path) -> list[Path]:
    """The panel files in ``folder`` and their codebook (a report is written to a temporary folder
    first, so names, not paths, are what a page shows); empty when nothing was written there."""
    folder = Path(folder)
    return sorted(folder.glob("*_panel.*")) + sorted(folder.glob("codebook.md")) if folder.is_dir() else []