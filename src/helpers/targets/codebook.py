"""Describe every column of the research panels: a short label (Stata's) and what it means.

In: nothing but the panels' column names. Out: the labels for ``to_stata``'s ``variable_labels``
(80 characters at most) and the codebook page (Markdown) written beside the panel files.
"""

from __future__ import annotations

from typing import NamedTuple

from helpers.targets.panel import HARDNESS_ORDER, LEVEL_ORDER


def _stata_codes(categories: list[str]) -> str:
    """How Stata numbers a labelled column: "0 soft, 1 range, …" (the order of its categories)."""
    return ", ".join(f"{number} {name}" for number, name in enumerate(categories))


class Column(NamedTuple):
    """One column: a label of at most 80 characters, and the codebook's description."""

    label: str
    description: str


_PLACE = {
    "gb_code": Column("GB/T 2260 administrative code",
                      "Six-digit GB/T 2260 code of the place (辽宁 210000, 沈阳 210100, 辽阳县 211021), from "
                      "places.csv. The nation is 100000 by this project's convention (GB/T 2260 has no "
                      "code for the whole country). Missing for towns and zones, which have none. A city's province "
                      "is floor(gb_code/10000)*10000 and a county's city floor(gb_code/100)*100: the key to merge a "
                      "level onto the one above it (`parent_gb_code` is filled only where that parent set the same "
                      "target)."),
    "place_code": Column("Workbench place code", "The place's code in places.csv (liaoning, liaoyang, china)."),
    "place": Column("Place name (Chinese)", "Standard Chinese name of the place."),
    "level": Column("Administrative level", "country, province, city, district, county, county_city or town "
                                            f"(in Stata a labelled integer: {_stata_codes(LEVEL_ORDER)})."),
    "year": Column("Year", "The year the target is for (targets), or the documents' publication year (themes)."),
}
INDICATOR_PANEL = {
    **_PLACE,
    "indicator": Column("Indicator code",
        "Canonical indicator (resources/indicators.csv)."),
    "indicator_zh": Column("Indicator name (Chinese)",
        "Chinese name of the indicator."),
    "unit": Column("Unit of the target",
        "% for growth rates and shares (differences are then percentage points); 百分点 for a change in a share "
        "written as one (R&D intensity 较2022年提高0.8个百分点: a rise of 0.8 points on a base the sentence names, not "
        "a level of 0.8%); 元, 个, 人…"),
    "target_value": Column("Target value (range: lower bound)",
        "The target as a number, signed by direction (a fall is negative); a range's lower bound."),
    "target_value_high": Column("Target upper bound (ranges only)",
        "A range's upper bound (5%—5.5% → 5.5); missing otherwise."),
    "target_mid": Column("Target midpoint",
        "A range's middle, a point's value: the value escalation compares."),
    "target_qualifier": Column("Qualifier written with the figure",
        "以上, 左右, 以内, 不低于… as written; missing for a bare value."),
    "hardness": Column("Hardness class",
        "soft (左右, 力争, 努力), range, point (a bare value), binding_floor (确保, 不低于, 以上), "
        "binding_ceiling (以内, 控制在), unknown (no class could be read): from resources/hardness.csv; in Stata a "
        f"labelled integer: {_stata_codes(HARDNESS_ORDER)}."),
    "hardness_rank": Column("Hardness rank (higher binds harder)",
        "soft 0, range 1, point 2, binding_floor and binding_ceiling 3 (editable in hardness.csv); -1 for "
        "unknown."),
    "hardness_reason": Column("Why this hardness",
        "The words that decided the class, the deciding one first."),
    "target_quote": Column("Target as written",
        "The figure as it stands in the document (5%左右)."),
    "target_doc": Column("Document of the target",
        "doc_id of the document that set the target (or the source of a reference target)."),
    "target_ref": Column("Record id of the target",
        "document#sentence@start-end: the document, its sentence number and the character offsets "
        "of the figure in the cleaned text; resources/reference_targets.csv#n for a documented "
        "reference target."),
    "target_confidence": Column("Kind model's certainty: target",
        "The kind model's probability that the target's figure is a target (0-1); of held-out figures it is at "
        "least 0.7 sure of, 0.90 had the labelled kind. Missing for reference targets."),
    "n_targets": Column("Targets found for this key",
        "How many targets the corpus holds for this place, year and indicator (a target a document states again, "
        "such as 城镇新增就业45万人以上的目标 after the list of goals, counts once); the panel keeps the first of the "
        "latest document."),
    "result_value": Column("Result value",
        "The later result (actual, else estimate) for the same indicator, place, unit and year, "
        "signed by direction; missing when none was reported."),
    "result_kind": Column("Result kind",
        "actual or forecast (a preliminary figure, 预计)."),
    "result_confidence": Column("Kind model's certainty: result",
        "The kind model's probability that the result's figure is a result or estimate (its kind, 0-1)."),
    "result_quote": Column("Result as written",
        "The result's figure as it stands in its document."),
    "result_doc": Column("Document of the result",
        "doc_id of the document that reported the result."),
    "result_ref": Column("Record id of the result",
        "document#sentence@start-end of the result's figure."),
    "gap": Column("Result minus target",
        "result_value − target_value (a range's lower bound), in the unit."),
    "status": Column("Met, missed or not reported",
        "met, missed or not reported (in this corpus); 左右 targets are met within 5%; "
        "lower-is-better indicators compare the other way."),
    "met": Column("Target met (1) or missed (0)",
        "1 met, 0 missed, missing when not reported (a double in the .dta, as are parent_gb_code and escalated: "
        "Stata's missing value)."),
    "parent_gb_code": Column("GB/T 2260 code of the parent",
        "Code of the nearest ancestor (places.csv) with a target for the same indicator, year and "
        "unit."),
    "parent_place": Column("Parent place name",
        "Name of that ancestor."),
    "parent_target_mid": Column("Parent's target midpoint",
        "The parent's target at its midpoint."),
    "parent_target_ref": Column("Record id of the parent's target",
        "document#sentence@start-end of the parent's target."),
    "escalation_difference": Column("Target minus parent's target",
        "target_mid − parent_target_mid in the unit (percentage points for %)."),
    "escalated": Column("Lower level set it higher (1) or not (0)",
        "1 when the place asks for more than its parent (higher where higher is better, lower where "
        "lower is better: 层层加码); missing when no ancestor has a comparable target."),
}
THEME_PANEL = {
    **_PLACE,
    "theme": Column("Theme code",
        "Theme of the taxonomy (resources/themes.yaml)."),
    "theme_zh": Column("Theme name (Chinese)",
        "Chinese name of the theme."),
    "hits": Column("Keyword hits",
        "Keyword hits of the theme in the place's documents of the year."),
    "share": Column("Share of the place-year's hits",
        "hits / all theme hits of the place and year (0 to 1)."),
    "per_10k_chars": Column("Hits per 10,000 characters",
        "hits per 10,000 characters of the place-year's documents."),
    "documents": Column("Documents with the theme",
        "Documents of the place and year with at least one hit of the theme."),
    "n_documents": Column("Documents of the place-year",
        "All documents of the place and year."),
}
# Value labels of 0/1 columns (categorical columns get theirs from their categories)
VALUE_LABELS = {"met": {0: "missed", 1: "met"},
                "escalated": {0: "not higher than the parent", 1: "higher than the parent"}}
PANELS = {"indicator_panel": INDICATOR_PANEL, "theme_panel": THEME_PANEL}
PANEL_TITLES = {"indicator_panel": "Targets: place × year × indicator",
                "theme_panel": "Themes: place × year × theme"}


def build_variable_labels(columns: list[str], panel: str) -> dict[str, str]:
    """{column: label} for Stata (each label 80 characters at most).

    >>> build_variable_labels(["gb_code", "hardness"], "indicator_panel")["hardness"]
    'Hardness class'
    """
    described = PANELS[panel]
    return {c: described[c].label[:80] for c in columns if c in described}


def build_codebook(columns_by_panel: dict[str, list[str]], counts: dict[str, int] | None = None,
                   min_confidence: float = 0.0) -> str:
    """The codebook page (Markdown): per panel, its files, its key and every column explained, and the
    ``min_confidence`` floor the indicator panel was built with when there was one."""
    counts = counts or {}
    lines = ["# Codebook of the research panels", "",
             "Long-form panels built from the indicator and theme tables by `python -m helpers export`. "
             "Each panel comes as Parquet, CSV (UTF-8 with BOM, text cells that would start a formula "
             "(= + - @) begin with an apostrophe) and Stata .dta (version 118, variable and value labels). Keys: `gb_code` "
             "(GB/T 2260; the nation is 100000 by convention), `year`, and `indicator` or `theme`. The "
             "indicator panel holds yearly targets (年均 averages and totals over several years, such as a 十四五期间 "
             "累计, are left out); a record id "
             "`document#sentence@start-end` points at the figure in the cleaned text of documents.parquet "
             "(`text[start:end]` is the quote).", ""]
    if min_confidence > 0:
        lines += [f"Built with `--min-confidence {min_confidence:g}`: targets and results whose kind the model was "
                  f"less than {min_confidence:g} sure of were left out before each headline target was chosen. "
                  "Figures without a model probability were kept.", ""]
    for panel, columns in columns_by_panel.items():
        described = PANELS[panel]
        rows = f" ({counts[panel]} rows)" if panel in counts else ""
        lines += [f"## {PANEL_TITLES[panel]}: `{panel}`{rows}", "",
                  f"Files: `{panel}.parquet`, `{panel}.csv`, `{panel}.dta`.", "",
                  "| column | label | meaning |", "|---|---|---|"]
        for column in columns:
            entry = described.get(column, Column("", "(not described)"))
            lines.append(f"| `{column}` | {entry.label} | {entry.description} |")
        lines.append("")
    return "\n".join(lines)
