"""Build the long research panels: place × year × indicator (targets) and place × year × theme.

In: indicator records, the sentences table (for each figure's place in its sentence), theme hits
and documents. Out: two DataFrames keyed by GB/T 2260 code (``gb_code``, from ``places.csv``; the
nation is 100000 by convention), year and indicator or theme. Every cell that came from a figure
has the record's id beside it (``target_ref``, ``result_ref``: document#sentence@start-end).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from helpers.indicators.indicator_tables import load_indicator_names
from helpers.indicators.ledger import LEDGER_INPUT_COLUMNS, build_target_ledger
from helpers.places import load_gazetteer
from helpers.targets.escalation import build_escalation, load_reference_ledger, select_headline_targets

logger = logging.getLogger(__name__)

HARDNESS_ORDER = ["soft", "range", "point", "binding_floor", "binding_ceiling", "unknown"]
STATUS_ORDER = ["met", "missed", "not reported"]
LEVEL_ORDER = ["country", "province", "city", "district", "county", "county_city", "town"]
INDICATOR_PANEL_COLUMNS = [
    "gb_code", "place_code", "place", "level", "year", "indicator", "indicator_zh", "unit",
    "target_value", "target_value_high", "target_mid", "target_qualifier", "hardness", "hardness_rank",
    "hardness_reason", "target_quote", "target_doc", "target_ref", "target_confidence", "n_targets",
    "result_value", "result_kind", "result_quote", "result_doc", "result_ref", "result_confidence", "gap", "status",
    "met",
    "parent_gb_code", "parent_place", "parent_target_mid", "parent_target_ref", "escalation_difference",
    "escalated"]
THEME_PANEL_COLUMNS = ["gb_code", "place_code", "place", "level", "year", "theme", "theme_zh", "hits",
                       "share", "per_10k_chars", "documents", "n_documents"]


# The columns of the records the panels and their notebook read: the ledger's, and the conflicts' periods
PANEL_INPUT_COLUMNS = [*LEDGER_INPUT_COLUMNS, "period_from"]


class TargetInputs(NamedTuple):
    """What the panels need, from one or more processed folders: the records with a canonical
    indicator (with their document's title, date, year and genre), where each target's sentence
    starts, theme hits counted per document and theme (doc_id, theme, hits), and the documents'
    place, year and length."""

    records: pd.DataFrame
    sentence_starts: pd.DataFrame
    theme_hits: pd.DataFrame
    documents: pd.DataFrame


def load_target_inputs(*processed_dirs: str | Path) -> TargetInputs:
    """The tables the panels need, from each processed folder given (empty strings are skipped):
    the corpus's and, say, the provincial reports built into a folder of their own.

    Only what the panels use is read (a 1 GB corpus: 1.9 M of its 5.2 M records, 12 columns, and
    the sentence starts of the targets alone); theme hits are counted in Arrow a row group at a time.
    A document in two folders (the same ``doc_id``: the same file built twice) counts once, from the first folder,
    with a warning: two copies of a target had stopped the panel with "cannot handle a non-unique multi-index".
    """
    from helpers.selection import select

    folders = [folder for folder in processed_dirs if str(folder)]
    records, starts, hits, documents = [], [], [], []
    seen: set[str] = set()
    for folder in folders:
        chosen = select(folder)
        found = chosen.find_indicators(with_indicator=True, columns=PANEL_INPUT_COLUMNS)
        ids = chosen.documents["doc_id"]
        again = ids[ids.isin(seen)]
        if len(again):
            logger.warning("%d documents of %s are in an earlier folder too (such as %s): counted once, from there",
                           len(again), folder, again.iat[0])
            found = found[~found["doc_id"].isin(seen)]
        records.append(found)
        starts.append(_read_sentence_starts(folder, found[found["kind"] == "target"]))
        counted = chosen.count_theme_hits("doc_id")
        hits.append(counted[~counted["doc_id"].isin(seen)])
        documents.append(chosen.documents.loc[~ids.isin(seen), ["doc_id", "place_code", "year", "n_chars"]])
        seen.update(ids)
    return TargetInputs(*(pd.concat(frames, ignore_index=True) for frames in (records, starts, hits, documents)))


def _read_sentence_starts(folder: str | Path, records: pd.DataFrame) -> pd.DataFrame:
    """(doc_id, sentence_id, start) of the sentences that hold ``records``, joined in Arrow."""
    import pyarrow as pa

    from helpers.store import read_selected

    wanted = pa.Table.from_pandas(records[["doc_id", "sentence_id"]].drop_duplicates(), preserve_index=False)
    sentences = read_selected("sentences", folder, ["doc_id", "sentence_id", "start"])
    wanted = wanted.cast(sentences.select(["doc_id", "sentence_id"]).schema)
    return sentences.join(wanted, ["doc_id", "sentence_id"], join_type="inner", use_threads=False).to_pandas()


def build_indicator_panel(records: pd.DataFrame, sentence_starts: pd.DataFrame | None = None,
                          include_reference: bool = True, min_confidence: float = 0.0) -> pd.DataFrame:
    """Place × year × indicator: one row for every headline target, with its result and parent's.

    ``include_reference`` adds the documented targets of ``reference_targets.csv`` (the nation's),
    so provinces are compared with them; they carry ``resources/reference_targets.csv#n`` as ref.
    ``min_confidence`` leaves out, before the headline target is chosen, targets and results whose kind
    the model is less sure of (as `build_target_ledger`): a sure target of another document can then
    be the headline one.
    """
    ledger = build_target_ledger(records, sentence_starts, min_confidence=min_confidence)
    if include_reference:
        reference = load_reference_ledger()
        ledger = pd.concat([ledger, reference], ignore_index=True) if len(ledger) else reference
    headlines = select_headline_targets(ledger)
    escalation = build_escalation(headlines)
    key = ["place_code", "target_year", "indicator", "unit"]
    parents = escalation[key[1:] + ["place_code", "parent_gb_code", "parent_place", "parent_target_mid",
                                    "parent_target_ref", "difference", "escalated"]]
    table = headlines.merge(parents, on=key, how="left")
    places = load_gazetteer().places
    names = load_indicator_names().set_index("code")["name_zh"]
    status = table["status"].fillna("not reported")
    panel = pd.DataFrame({
        "gb_code": _codes(table["place_code"].map(lambda c: places[c].gb_code if c in places else None)),
        "place_code": table["place_code"], "place": table["place"],
        "level": pd.Categorical(table["place_code"].map(lambda c: places[c].level if c in places else None),
                                categories=LEVEL_ORDER),
        "year": table["target_year"].astype("Int16"), "indicator": table["indicator"],
        "indicator_zh": table["indicator"].map(names), "unit": table["unit"],
        "target_value": table["target_value"].astype(float),
        "target_value_high": pd.to_numeric(table["target_value_high"], errors="coerce"),
        "target_mid": table["target_mid"].astype(float), "target_qualifier": table["target_qualifier"],
        "hardness": pd.Categorical(table["hardness"], categories=HARDNESS_ORDER, ordered=True),
        "hardness_rank": table["hardness_rank"].astype("Int8"), "hardness_reason": table["hardness_reason"],
        "target_quote": table["target"], "target_doc": table["target_doc"], "target_ref": table["target_ref"],
        # the model's float32 probabilities to the three decimals they mean (0.998, not 0.9980000257492065 in the CSV)
        "target_confidence": pd.to_numeric(table["target_confidence"], errors="coerce").astype(float).round(3),
        "n_targets": table["n_targets"].astype("Int16"),
        "result_value": pd.to_numeric(table["result_value"], errors="coerce"),
        "result_kind": table["result_kind"], "result_quote": table["result"], "result_doc": table["result_doc"],
        "result_ref": table["result_ref"], "result_confidence": pd.to_numeric(table["result_confidence"], errors="coerce").astype(float).round(3),
        "gap": pd.to_numeric(table["gap"], errors="coerce"),
        "status": pd.Categorical(status, categories=STATUS_ORDER),
        "met": status.map({"met": 1, "missed": 0}).astype("Int8"),
        "parent_gb_code": _codes(table["parent_gb_code"]), "parent_place": table["parent_place"],
        "parent_target_mid": pd.to_numeric(table["parent_target_mid"], errors="coerce"),
        "parent_target_ref": table["parent_target_ref"],
        "escalation_difference": pd.to_numeric(table["difference"], errors="coerce"),
        "escalated": table["escalated"].map({True: 1, False: 0}).astype("Int8"),
    }, columns=INDICATOR_PANEL_COLUMNS)
    return panel.sort_values(["gb_code", "year", "indicator"], na_position="last", ignore_index=True)


def build_theme_panel(hits: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Place × year × theme: hits, share of the place-year's hits, per 10,000 characters, and
    documents with the theme among the place-year's documents. Every theme appears for every
    place-year with documents (zero hits included), so the panel is balanced.

    ``hits``: the theme_hits table (doc_id, theme), or hits already counted per document and theme
    (doc_id, theme, hits: :meth:`helpers.selection.Selection.count_theme_hits`); ``documents``:
    doc_id, place_code, year, n_chars. Documents without a place code or a year are left out.
    """
    from helpers.themes.theme_analysis import name_themes

    docs = documents.dropna(subset=["place_code", "year"]).assign(year=lambda d: d["year"].astype(int))
    themes = name_themes()
    groups = docs.groupby(["place_code", "year"]).agg(n_documents=("doc_id", "nunique"), n_chars=("n_chars", "sum"))
    grid = groups.reset_index().merge(themes[["theme", "zh"]], how="cross")
    if "hits" not in hits.columns:
        hits = hits.groupby(["doc_id", "theme"]).size().rename("hits").reset_index()
    joined = hits[["doc_id", "theme", "hits"]].merge(docs[["doc_id", "place_code", "year"]], on="doc_id")
    counted = joined.groupby(["place_code", "year", "theme"]).agg(hits=("hits", "sum"),
                                                                  documents=("doc_id", "nunique")).reset_index()
    table = grid.merge(counted, on=["place_code", "year", "theme"], how="left").fillna({"hits": 0, "documents": 0})
    totals = table.groupby(["place_code", "year"])["hits"].transform("sum")
    places = load_gazetteer().places
    panel = pd.DataFrame({
        "gb_code": _codes(table["place_code"].map(lambda c: places[c].gb_code if c in places else None)),
        "place_code": table["place_code"],
        "place": table["place_code"].map(lambda c: places[c].name if c in places else None),
        "level": pd.Categorical(table["place_code"].map(lambda c: places[c].level if c in places else None),
                                categories=LEVEL_ORDER),
        "year": table["year"].astype("Int16"), "theme": table["theme"], "theme_zh": table["zh"],
        "hits": table["hits"].astype("int32"),
        "share": (table["hits"] / totals.where(totals > 0)).astype(float),
        "per_10k_chars": (table["hits"] / table["n_chars"].where(table["n_chars"] > 0) * 10_000).astype(float),
        "documents": table["documents"].astype("int16"), "n_documents": table["n_documents"].astype("int16"),
    }, columns=THEME_PANEL_COLUMNS)
    order = {code: i for i, code in enumerate(themes["theme"])}
    return panel.sort_values(["gb_code", "year", "theme"], key=lambda s: s.map(order) if s.name == "theme" else s,
                             na_position="last", ignore_index=True)


def _codes(values: pd.Series) -> pd.Series:
    """GB/T 2260 codes as integers (Stata and joins); missing for places without one (towns, zones)."""
    return pd.to_numeric(values, errors="coerce").astype("Int32")
