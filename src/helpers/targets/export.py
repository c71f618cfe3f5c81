"""Write the research panels where researchers work: Parquet, CSV for spreadsheets, Stata .dta.

In: the processed folders (the corpus's, and others such as the provincial reports built apart).
Out: ``indicator_panel`` and ``theme_panel`` as ``.parquet``, ``.csv`` (UTF-8 with BOM, safe from
formula injection) and ``.dta`` (version 118, variable and value labels), plus ``codebook.md``,
each file written atomically into one output folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from helpers.atomic import write_atomically
from helpers.paths import PROCESSED_DIR
from helpers.spreadsheet import write_csv
from helpers.targets.codebook import VALUE_LABELS, build_codebook, build_variable_labels

# Stata's str columns hold 2045 bytes; longer text (sentences, reasons) goes to strL
STATA_STR_BYTES = 2045


class PanelFiles(NamedTuple):
    """What an export wrote: the folder, the files and the rows of each panel."""

    folder: Path
    files: list[Path]
    rows: dict[str, int]



def build_panels(processed_dirs: Sequence[str | Path] = (PROCESSED_DIR,),
                 min_confidence: float = 0.0) -> dict[str, pd.DataFrame]:
    """{"indicator_panel": …, "theme_panel": …} from one or more processed folders together; the
    indicator panel without the targets and results the kind model is less than ``min_confidence`` sure of."""
    from helpers.targets.panel import build_indicator_panel, build_theme_panel, load_target_inputs

    inputs = load_target_inputs(*processed_dirs)
    return {"indicator_panel": build_indicator_panel(inputs.records, inputs.sentence_starts,
                                                     min_confidence=min_confidence),
            "theme_panel": build_theme_panel(inputs.theme_hits, inputs.documents)}


def write_panels(panels: dict[str, pd.DataFrame], output_dir: str | Path, min_confidence: float = 0.0) -> PanelFiles:
    """Each panel as .parquet, .csv and .dta, and codebook.md, in ``output_dir``; the codebook says which
    ``min_confidence`` the indicator panel was built with."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in panels.items():
        written.append(write_atomically(output_dir / f"{name}.parquet",
                                         lambda p, f=frame: f.to_parquet(p, index=False)))
        written.append(write_csv(frame, output_dir / f"{name}.csv"))  # formulas neutralised
        written.append(write_atomically(output_dir / f"{name}.dta", lambda p, f=frame, n=name: write_stata(f, p, n)))
    codebook = build_codebook({n: list(f.columns) for n, f in panels.items()}, {n: len(f) for n, f in panels.items()},
                              min_confidence=min_confidence)
    written.append(write_atomically(output_dir / "codebook.md",
                                     lambda p: Path(p).write_text(codebook, encoding="utf-8")))
    return PanelFiles(output_dir, written, {n: len(f) for n, f in panels.items()})


def write_stata(frame: pd.DataFrame, path: str | Path, panel: str) -> None:
    """A Stata 14+ file (version 118: UTF-8 text) with variable labels and value labels (categorical
    columns: hardness, status, level; 0/1 columns: met, escalated); missing text is an empty string,
    as Stata has it."""
    table = frame.copy()
    long_text = []
    for column in table.columns:
        values = table[column]
        if isinstance(values.dtype, pd.CategoricalDtype) or pd.api.types.is_numeric_dtype(values.dtype):
            continue
        table[column] = values.astype(object).where(values.notna(), "").astype(str)
        if table[column].str.len().mul(3).max() > STATA_STR_BYTES:  # a CJK character is 3 bytes
            long_text.append(column)
    table.to_stata(path, write_index=False, version=118,
                   variable_labels=build_variable_labels(list(table.columns), panel), convert_strl=long_text,
                   value_labels={c: v for c, v in VALUE_LABELS.items() if c in table.columns})

