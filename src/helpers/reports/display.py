"""Format tables for people: missing as "–", thousands separators, one way of writing shares, Chinese names.

In: any DataFrame a helper returns. Out: a table of text (`format_frame`) or a captioned, escaped HTML
table (`show_table`) that never shows NaN, None, ``dtype:`` or a number in scientific notation.
`show_rerun` writes a report's Re-run line from the parameters it ran with.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

MISSING = "–"
PERCENT_FORMAT = "{:.1%}"  # every share in every report: 13.2%
MAX_ROWS = 200  # a longer table shows its first rows and says how many it holds
# Columns that hold shares (0.132 → 13.2%) wherever they appear
SHARE_COLUMNS = frozenset({"share", "share_here", "share_corpus", "share_met"})
# Columns whose codes a Chinese reader knows by their Chinese name
THEME_COLUMNS = frozenset({"theme"})
# Columns of amounts in a base unit (8.77e9 元), written with 亿 and 万 ("87.7亿") beside their unit column
AMOUNT_COLUMNS = frozenset({"value", "value_high", "target_value", "result_value"})
# (from, unit, word): 450000 → 45万, 31200 → 3.12万 (05 wrote 31,200 beside 10万 when 万 began at 100 thousand)
AMOUNT_WORDS = ((1e8, 1e8, "亿"), (1e4, 1e4, "万"))
INDICATOR_COLUMNS = frozenset({"indicator"})
GENRE_COLUMNS = frozenset({"genre"})
# A function that returns an empty table may say why in its attrs; the report shows it in place of "no rows"
WHY_EMPTY = "why_empty"
# …and one whose table reads oddly may say what to know in its attrs; the report shows it after the caption
NOTE = "note"
# The genres of corpus/metadata.py (GENRES) as a reader names them (01 showed government_work_report)
GENRE_NAMES = {"press_conference": "新闻发布会", "government_work_report": "政府工作报告", "plan_report": "计划报告",
               "news_report": "新闻报道", "statistical_bulletin": "统计公报", "other": "其他"}
# A ledger's status and a target's hardness, Chinese first with the code the tables and panels hold (04 had printed
# "not reported" where every other word of the page was Chinese too)
STATUS_NAMES = {"met": "达成 met", "missed": "未达成 missed", "not reported": "未见结果 not reported"}
CODED_COLUMNS = {
    "status": STATUS_NAMES,
    "hardness": {"soft": "软 soft", "range": "区间 range", "point": "定值 point", "binding_floor": "下限 binding_floor",
                 "binding_ceiling": "上限 binding_ceiling", "unknown": "不明 unknown"},
}
NAME_COLUMN = "name_zh"  # an indicator's Chinese name beside its code (indicators.csv)
# A sentence beside the figure it holds is shown as the figure in context (`quote_in_context`)
SENTENCE_OF = {"sentence": "quote", "target_sentence": "target", "result_sentence": "result",
               "first_sentence": "first_quote", "second_sentence": "second_quote"}
CONTEXT_CHARS = 30
# Differences of shares in percentage points (difference_points): one decimal, as the shares have, with a sign
POINTS = "points"
NOTEBOOK_DEFAULT_YEARS = (2000, 2100)  # the parameters cells' defaults: no year filter


def configure_display(max_rows: int = 200, max_colwidth: int = 60) -> None:
    """Pandas display options for a table shown without `show_table`: plain numbers, never 1.2e+10."""
    pd.set_option("display.float_format", format_number)
    pd.set_option("display.max_rows", max_rows)
    pd.set_option("display.max_colwidth", max_colwidth)
    configure_figures()


def configure_figures() -> None:
    """In a notebook, show figures as PNG drawn once: every `plots` figure lays itself out, so the inline
    backend's default ``bbox_inches="tight"`` (which draws each figure twice) is switched off."""
    from IPython import get_ipython

    if get_ipython() is None:  # a script or a test: no notebook to show figures in
        return
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("png", bbox_inches=None)


def format_number(value) -> str:
    """A number as people write it: thousands separators, no exponent, at most three decimals.

    >>> [format_number(v) for v in (1.23e11, 53_300_000.0, 4.5, 0.0376, 3, float("nan"), None)]
    ['123,000,000,000', '53,300,000', '4.5', '0.038', '3', '–', '–']
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    value = float(value)
    if math.isinf(value):
        return MISSING
    if value == int(value) and abs(value) < 1e18:
        return f"{int(value):,}"
    if abs(value) >= 10:
        return f"{value:,.1f}".rstrip("0").rstrip(".")
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def format_share(value) -> str:
    """A share of one as a percentage, one decimal: the one way shares are written in the reports.

    >>> format_share(0.132075), format_share(None)
    ('13.2%', '–')
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return PERCENT_FORMAT.format(float(value))


def format_decimals(values: pd.Series) -> list[str]:
    """A column of decimals written to one precision: at most one decimal when any reaches 10, else at most three
    (9.2 beside 42.3, not 9.188 beside 42.3), and no more than its values need (6.0 beside 5.2, not 6.000; a median of
    202 days as 202), missing as "–".

    >>> format_decimals(pd.Series([9.188, 42.3, None])), format_decimals(pd.Series([0.0376, 2.5]))
    (['9.2', '42.3', '–'], ['0.038', '2.500'])
    >>> format_decimals(pd.Series([-0.04, 12.0])), format_decimals(pd.Series([6.0, 5.2])), format_decimals(pd.Series([202.0]))
    (['0.0', '12.0'], ['6.0', '5.2'], ['202'])
    """
    known = values.dropna().abs()
    known = known[np.isfinite(known.astype(float))]
    most = 1 if len(known) and known.max() >= 10 else 3
    decimals = next((d for d in range(most) if np.allclose(known, known.round(d), rtol=0, atol=1e-9)), most)
    written = [MISSING if pd.isna(v) or math.isinf(float(v)) else f"{float(v):,.{decimals}f}" for v in values]
    return [text[1:] if text.startswith("-") and not text.strip("-0.,") else text for text in written]  # no -0.0


def format_amount(value) -> str:
    """An amount in a base unit as Chinese writes it: 亿 from 100 million, 万 from ten thousand
    (a table's unit column still says 元, 斤 or 人).

    The digits of the quote are kept (92.56万亩 shows as 92.56万, not 92.6万), up to four decimals.

    >>> [format_amount(v) for v in (1e11, 5.26e10, 8.77e9, 450_000.0, 31_200.0, 925_600.0, 9_999.0, 5.5, None)]
    ['1,000亿', '526亿', '87.7亿', '45万', '3.12万', '92.56万', '9,999', '5.5', '–']
    """
    if value is None or value is pd.NA or not isinstance(value, (int, float, np.integer, np.floating)) \
            or isinstance(value, (bool, np.bool_)) or math.isnan(float(value)):
        return format_value(value)
    for start, size, name in AMOUNT_WORDS:
        if abs(float(value)) >= start:
            return f"{float(value) / size:,.4f}".rstrip("0").rstrip(".") + name
    return format_number(value)


def is_year_column(column) -> bool:
    """A column of years (year, year_a, target_year …): written 2026, not 2,026."""
    return str(column) == "year" or str(column).startswith("year_") or str(column).endswith("_year")


# Columns of character offsets, which cite a place in a text (start 1010 of a document): written as a
# program reads them, without separators
OFFSET_COLUMNS = frozenset({"start", "end", "start_a", "end_a", "start_b", "end_b", "sentence_start", "offset"})


def is_code_column(column) -> bool:
    """A column of codes (gb_code, adcode, place_code) or of character offsets (start, end_a): digits as
    written, not a number."""
    return str(column).endswith("code") or str(column) in OFFSET_COLUMNS


def format_digits(value) -> str:
    """A year or a code as written: 2026, not 2,026; 210000, not 210,000; missing as "–".

    >>> format_digits(2026), format_digits(2026.0), format_digits(None)
    ('2026', '2026', '–')
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    try:
        return str(int(value))
    except (TypeError, ValueError):
        return format_value(value)


def format_label(label) -> str:
    """A row or column label: a number there names something (a year: 2026, not 2,026), other labels as
    `format_value` writes them."""
    if isinstance(label, (int, np.integer)) and not isinstance(label, bool):
        return str(label)
    return format_value(label)


def format_value(value) -> str:
    """Any cell as text: numbers by `format_number`, dates as 2023-10-18, lists joined, missing as "–"."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return "、".join(format_value(v) for v in value) if len(value) else MISSING
    if value is None or value is pd.NA or value is pd.NaT:
        return MISSING
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.strftime("%Y-%m-%d") if not pd.isna(value) else MISSING
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float, np.integer, np.floating, bool, np.bool_)):
        return format_number(value)
    text = str(value)
    return text if text.strip() and text not in ("nan", "None", "NaT", "<NA>") else MISSING


@lru_cache(maxsize=1)
def _theme_names() -> dict[str, str]:
    from helpers.lexicon import load_themes

    return {theme.code: theme.zh for theme in load_themes()}


@lru_cache(maxsize=1)
def _indicator_names() -> dict[str, str]:
    from helpers.indicators.indicator_tables import load_indicator_names

    return dict(zip(*load_indicator_names()[["code", "name_zh"]].T.values))


def name_theme(code) -> str:
    """The Chinese name of a theme code (项目建设 for projects); an unknown code stays as it is."""
    return _theme_names().get(code, format_value(code))


def name_indicator(code) -> str:
    """The Chinese name of an indicator code (地区生产总值 for gdp); an unknown code stays as it is."""
    return _indicator_names().get(code, format_value(code))


def quote_in_context(sentence, quote, width: int = CONTEXT_CHARS) -> str:
    """The figure in its sentence, marked and cut to ``width`` characters each side: a table of figures
    reads at a glance, and the whole sentence stays in the exports. A quote found twice (or not at all)
    leaves the sentence whole: which of the two it is would be a guess.

    >>> quote_in_context("全省经济社会发展的主要预期目标是:地区生产总值增长4.5%左右,一般公共预算收入增长2.5%左右", "2.5%左右", 8)
    '…公共预算收入增长【2.5%左右】'
    """
    sentence, quote = format_value(sentence), format_value(quote)
    at = sentence.find(quote) if quote != MISSING else -1
    if at < 0 or sentence.find(quote, at + 1) >= 0:
        return sentence
    end = at + len(quote)
    left = sentence[max(0, at - width):at]
    right = sentence[end:end + width]
    return ("…" if at > width else "") + left + "【" + quote + "】" + right + ("…" if end + width < len(sentence) else "")


def format_frame(frame: pd.DataFrame | pd.Series, shares: tuple[str, ...] = (),
                 units: dict[str, str] | None = None) -> pd.DataFrame:
    """The table as text for people: every cell by `format_value`, share columns as percentages,
    theme, indicator and genre codes as Chinese names, a unit after a column's name ("value (亿元)").

    >>> format_frame(pd.DataFrame({"theme": ["projects"], "share": [0.132075], "value": [5.33e7], "year": [2026]})).iloc[0].tolist()
    ['项目建设', '13.2%', '5,330万', '2026']
    """
    if isinstance(frame, pd.Series):
        frame = frame.reset_index()
    if INDICATOR_COLUMNS & set(frame.columns) and NAME_COLUMN in frame.columns:
        frame = frame.drop(columns=NAME_COLUMN)  # the indicator column is written as this name already
    columns: dict = {}  # built whole, not column by column: pandas copies its index of columns at each insert
    wanted_shares = set(shares) | SHARE_COLUMNS
    for column in frame.columns:
        values = frame[column]
        if column in wanted_shares:
            columns[column] = values.map(format_share)
        elif column in THEME_COLUMNS:
            columns[column] = values.map(name_theme)
        elif column in INDICATOR_COLUMNS:
            columns[column] = values.map(name_indicator)
        elif column in GENRE_COLUMNS:
            columns[column] = [GENRE_NAMES.get(v, format_value(v)) for v in values]
        elif column in CODED_COLUMNS:
            columns[column] = [CODED_COLUMNS[column].get(str(v), format_value(v)) for v in values]
        elif is_year_column(column) or is_code_column(column):
            columns[column] = values.map(format_digits)  # 2026 and 210000 as written, not 2,026 and 210,000
        elif column in AMOUNT_COLUMNS:
            columns[column] = values.map(format_amount)
        elif SENTENCE_OF.get(column) in frame.columns:
            columns[column] = [quote_in_context(sentence, quote)
                               for sentence, quote in zip(values, frame[SENTENCE_OF[column]])]
        elif str(column).endswith(POINTS) and pd.api.types.is_numeric_dtype(values):
            columns[column] = [MISSING if pd.isna(v) else f"{float(v):+.1f}" for v in values]
        elif pd.api.types.is_float_dtype(values):
            columns[column] = format_decimals(values)
        else:
            columns[column] = [format_value(v) for v in values]
    text = pd.DataFrame(columns, index=frame.index, columns=list(frame.columns))
    units = units or {}
    return text.rename(columns={c: f"{c} ({units[c]})" for c in units if c in text.columns})


# A long sentence wraps inside its cell instead of running off the page; numbers line up on the right
TEXT_CELL = "text-align:left;white-space:normal;max-width:26em;vertical-align:top"
# …and a long run without a break (a URL) may break anywhere; a short word (actual) never does
LONG_RUN = 30
SHORT_CELL = 12  # a date, a place, a kind: kept on one line
LONG_TEXT, LONG_TEXT_WIDTH = 24, "14em"  # a sentence in context keeps at least this width
NUMBER_CELL = "text-align:right;white-space:nowrap;vertical-align:top"


def _text_cell(text: str) -> str:
    """The style of a text cell: a long unbroken run (a URL) may wrap anywhere, a short one never (a squeezed table
    wrote 辽阳/市 and 2023-03-/30), words stay whole.

    >>> _text_cell("2023-03-30").endswith("nowrap"), _text_cell("截至目前,全市实施投资500万元以上项目1000个").endswith("nowrap")
    (True, False)
    """
    if len(text) <= SHORT_CELL:
        return TEXT_CELL + ";white-space:nowrap"
    if len(text) > LONG_RUN and not any(ch in text for ch in " ,，、。;；"):
        return TEXT_CELL + ";overflow-wrap:anywhere"
    if len(text) > LONG_TEXT:
        return TEXT_CELL + ";min-width:" + LONG_TEXT_WIDTH  # a sentence is not squeezed to four characters a line
    return TEXT_CELL


class Table:
    """A captioned HTML table of text, escaped; numbers right-aligned. What `show_table` returns, and
    `shading.show_heatmap` with ``styles``: the CSS of each cell (its shade), a frame shaped like ``text``."""

    def __init__(self, text: pd.DataFrame, caption: str, numeric: set[str], total: int, index: bool,
                 styles: pd.DataFrame | None = None, why_empty: str | None = None, note: str | None = None):
        self.text, self.caption, self.numeric, self.total, self.index = text, caption, numeric, total, index
        self.styles, self.why_empty, self.note = styles, why_empty, note

    def _repr_html_(self) -> str:
        shown = len(self.text)
        note = f" — the first {shown:,} of {self.total:,} rows" if shown < self.total else ""
        if self.total == 0:
            note = f" — no rows: {self.why_empty}" if self.why_empty else " — no rows in this selection"
        if self.note:
            note += f" — {self.note}"
        head = "".join(f'<th style="text-align:{"right" if c in self.numeric else "left"}">{html.escape(str(c))}</th>'
                       for c in ([self.text.index.name or ""] if self.index else []) + list(self.text.columns))
        rows = []
        styles = self.styles.itertuples(index=False, name=None) if self.styles is not None else None
        for label, values in zip(self.text.index, self.text.itertuples(index=False, name=None)):
            cells = [f"<th>{html.escape(format_label(label))}</th>"] if self.index else []
            looks = next(styles) if styles is not None else [None] * len(values)
            cells += [f'<td style="{look or (NUMBER_CELL if c in self.numeric else _text_cell(v))}">{html.escape(v)}</td>'
                      for c, v, look in zip(self.text.columns, values, looks)]
            rows.append("<tr>" + "".join(cells) + "</tr>")
        # a table wider than the page scrolls in its own box; the page and its text keep their width
        return (f'<div style="overflow-x:auto"><table class="report-table"><caption style="font-weight:bold;'
                f'text-align:left">{html.escape(self.caption)}{html.escape(note)}</caption><thead><tr>{head}</tr>'
                f"</thead><tbody>{''.join(rows)}</tbody></table></div>")

    to_html = _repr_html_

    def __repr__(self) -> str:
        return f"{self.caption}\n{self.text.to_string()}"


def show_table(frame: pd.DataFrame | pd.Series, caption: str, shares: tuple[str, ...] = (),
               units: dict[str, str] | None = None, max_rows: int = MAX_ROWS, index: bool = False) -> Table:
    """The table for a report: a caption (with its unit), cells formatted by `format_frame`, escaped.

    ``units`` names the unit of a column ({"figures": "个"}); ``index=True`` keeps the row labels
    (for a cross-table). A table longer than ``max_rows`` shows its first rows and says so.
    """
    if isinstance(frame, pd.Series):
        frame = frame.rename_axis(frame.index.name or "").reset_index() if not index else frame.to_frame()
    numeric = {c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])}
    text = format_frame(frame.head(max_rows), shares, units)
    numeric = {c if c not in (units or {}) else f"{c} ({units[c]})" for c in numeric}
    return Table(text, caption, numeric, len(frame), index, why_empty=frame.attrs.get(WHY_EMPTY),
                 note=frame.attrs.get(NOTE))


def show_files(paths, caption: str) -> Table:
    """The files a cell wrote, with their size in KB, as a captioned table (not a Python list).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     (Path(folder) / "indicators.csv").write_bytes(b"x" * 2048)
    ...     (Path(folder) / "indicators.xlsx").write_bytes(b"x" * 1600)
    ...     show_files([Path(folder) / "indicators.csv", Path(folder) / "indicators.xlsx"], "导出文件").text.values.tolist()
    2048
    1600
    [['indicators.csv', '2.0'], ['indicators.xlsx', '1.6']]
    """
    paths = [Path(path) for path in paths]
    frame = pd.DataFrame({"file": [path.name for path in paths],
                          "kb": [round(path.stat().st_size / 1024, 1) for path in paths]}, columns=["file", "kb"])
    return show_table(frame, caption)


def show_build(manifest: dict, documents: pd.DataFrame):
    """What the tables were built from, in a sentence (Markdown), and how much of it this selection holds.

    >>> show_build({"built_at": "2026-12-07T19:20:31+00:00", "pipeline_version": "bd2a+b77b", "n_files": 6,
    ...             "n_documents": 6, "n_quarantined": 0}, pd.DataFrame({"doc_id": ["a", "b"]})).data
    '**Build.** 6 files read into 6 documents (0 quarantined) on 2026-12-07 19:20 UTC, pipeline version `bd2a+b77b`; this selection holds 2 of the documents.'
    """
    from IPython.display import Markdown

    built = pd.Timestamp(manifest.get("built_at")) if manifest.get("built_at") else None
    when = f" on {built.tz_convert('UTC').strftime('%Y-%m-%d %H:%M')} UTC" if built is not None else ""
    return Markdown(f"**Build.** {manifest.get('n_files', 0):,} files read into {manifest.get('n_documents', 0):,} documents "
                    f"({manifest.get('n_quarantined', 0):,} quarantined){when}, pipeline version "
                    f"`{manifest.get('pipeline_version', '–')}`; this selection holds {len(documents):,} of the documents.")


def show_rerun(notebook: str, place: str, start_year: int | None = None, end_year: int | None = None,
               processed_dir: str | None = None, **parameters):
    """The report's Re-run line, made from the parameters it ran with (Markdown); ``--processed`` when the tables were
    not the project's own (a report on the provincial reports built apart had said to re-run on data/processed).

    >>> show_rerun("05", "liaoyang", 2000, 2100).data.splitlines()[0]
    '**Re-run.** `python -m helpers report --notebooks 05 --place liaoyang`'
    >>> show_rerun("05", "all", 2000, 2100, processed_dir="/tmp/processed2").data.splitlines()[0]
    '**Re-run.** `python -m helpers report --notebooks 05 --place all --processed /tmp/processed2`'
    """
    from IPython.display import Markdown

    from helpers.paths import PROCESSED_DIR, PROJECT_ROOT

    command = f"python -m helpers report --notebooks {notebook} --place {place}"
    if processed_dir and Path(processed_dir).resolve() != (PROJECT_ROOT / PROCESSED_DIR).resolve():
        command += f" --processed {processed_dir}"
    extra = {name: value for name, value in parameters.items() if value not in ("", None)}  # an empty folder: none
    if (start_year, end_year) != NOTEBOOK_DEFAULT_YEARS:
        extra = {"start_year": start_year, "end_year": end_year, **extra}
    lines = [f"**Re-run.** `{command}`" + (" with `--params` naming a YAML file that holds" if extra else "")]
    if extra:
        lines.append("")
        lines.append("```yaml\n" + "\n".join(f"{k}: {v}" for k, v in extra.items()) + "\n```")
    lines.append("")
    lines.append("Or change the parameters cell and run all cells in JupyterLab (`make lab`).")
    return Markdown("\n".join(lines))
