"""Load the reuse tables for analyses: passage pairs with their documents, clusters, repost groups.

In: ``reuse.parquet``, ``reuse_clusters.parquet`` and ``duplicates.parquet`` of a processed folder
(written by :mod:`helpers.build.reuse_stage`) and ``documents.parquet``. Out: DataFrames. A folder
built before the reuse pass existed has no reuse tables: the loaders then say so (the passages) or
count every document (the repost groups).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.corpus.overview import load_documents
from helpers.paths import PROCESSED_DIR
from helpers.store import load_table


def load_duplicates(processed_dir: str | Path = PROCESSED_DIR) -> pd.DataFrame | None:
    """The repost groups (doc_id, duplicate_cluster, n_members, counted, match), or None when the
    folder has no ``duplicates.parquet``."""
    if not (Path(processed_dir) / "duplicates.parquet").exists():
        return None
    return load_table("duplicates", processed_dir)


def mark_counted(frame: pd.DataFrame, processed_dir: str | Path = PROCESSED_DIR) -> pd.DataFrame:
    """``frame`` with a ``counted`` column: False for a repost that its group's counted member stands
    for (rule: :mod:`helpers.reuse.clusters`), True otherwise (and for every row without groups)."""
    duplicates = load_duplicates(processed_dir)
    counted = (frame["doc_id"].map(duplicates.set_index("doc_id")["counted"]) if duplicates is not None
               else pd.Series(True, index=frame.index))
    return frame.assign(counted=counted.fillna(True).astype(bool))


def select_counted(frame: pd.DataFrame, processed_dir: str | Path = PROCESSED_DIR) -> pd.DataFrame:
    """The rows of ``frame`` (any table with ``doc_id``) whose document is counted: a repost group
    once."""
    return frame[mark_counted(frame, processed_dir)["counted"]]


REUSE_DOCUMENT_COLUMNS = ["doc_id", "title", "place", "place_code", "year", "genre"]
REPOST_COLUMNS = ["duplicate_cluster", "doc_id", "title", "published_date", "place", "n_chars", "match", "counted"]


def read_reuse(processed_dir: str | Path = PROCESSED_DIR) -> pd.DataFrame:
    """The passage pairs of ``reuse.parquet`` as built (a few MB for a 1 GB corpus)."""
    return load_table("reuse", processed_dir)


def join_reuse(reuse: pd.DataFrame, documents: pd.DataFrame, doc_ids, reposts=()) -> pd.DataFrame:
    """The passage pairs with a document of ``doc_ids`` on either side (it took the passage, or others
    took it from it), with both documents' title, place, place code, year and genre from
    ``documents`` (every document a pair may name: the whole corpus, reposts included). A pair with one of
    ``reposts`` on either side is left out: a repost took nothing, and what others share with it they share with its
    original (07 had listed 辽宁省 → 辽宁省, a report and its repost, among the followers)."""
    chosen = set(doc_ids)
    reuse = reuse[reuse["doc_id_a"].isin(chosen) | reuse["doc_id_b"].isin(chosen)]
    if len(reposts):
        reuse = reuse[~reuse["doc_id_a"].isin(reposts) & ~reuse["doc_id_b"].isin(reposts)]
    documents = documents[REUSE_DOCUMENT_COLUMNS]
    for side in ("a", "b"):
        reuse = reuse.merge(documents.add_suffix(f"_{side}"), on=f"doc_id_{side}", how="left")
    return reuse.reset_index(drop=True)


def load_reuse(processed_dir: str | Path = PROCESSED_DIR, place: str = "all", start_year: int | None = None,
               end_year: int | None = None) -> pd.DataFrame:
    """:func:`join_reuse` for the documents about ``place`` and published within the years, read from
    the whole documents table (the tests compare the selection's path with it)."""
    return join_reuse(read_reuse(processed_dir), load_documents(processed_dir),
                      load_documents(processed_dir, place, start_year, end_year)["doc_id"])


def load_reuse_clusters(processed_dir: str | Path = PROCESSED_DIR) -> pd.DataFrame:
    """Passage clusters, the most widely shared first, with the first holder's title and place."""
    from helpers.store import read_selected

    documents = read_selected("documents", processed_dir, ["doc_id", "title", "place"]).to_pandas()
    clusters = load_table("reuse_clusters", processed_dir).merge(
        documents.rename(columns={"doc_id": "first_doc_id", "title": "first_title", "place": "first_place"}),
        on="first_doc_id", how="left")
    return clusters.sort_values(["n_docs", "length"], ascending=False, ignore_index=True)


def join_repost_groups(duplicates: pd.DataFrame | None, documents: pd.DataFrame) -> pd.DataFrame:
    """Repost groups with more than one member among ``documents``: each member's title, date,
    place, length, how the group was found, and whether analyses count it (``duplicates``: the
    duplicates table, None for a folder built without the reuse pass)."""
    if duplicates is None:
        return pd.DataFrame(columns=REPOST_COLUMNS)
    groups = duplicates[duplicates["n_members"] > 1].merge(documents.drop(columns=["counted"], errors="ignore"),
                                                           on="doc_id")
    return groups.sort_values(["duplicate_cluster", "counted", "published_date"], ascending=[True, False, True],
                              ignore_index=True)[REPOST_COLUMNS]


def list_repost_groups(processed_dir: str | Path = PROCESSED_DIR, place: str = "all",
                       start_year: int | None = None, end_year: int | None = None) -> pd.DataFrame:
    """:func:`join_repost_groups` for the documents about ``place`` within the years, from the whole table."""
    return join_repost_groups(load_duplicates(processed_dir), load_documents(processed_dir, place, start_year, end_year))


def select_document_ids(documents: pd.DataFrame, start_year: int | None = None, end_year: int | None = None,
                        genre: str | None = None) -> set:
    """The ``doc_id``s of dated documents published within the years (and of one genre): a group
    to compare in :func:`helpers.reuse.terms.score_keyness_between`."""
    chosen = documents.dropna(subset=["year"])
    if start_year is not None:
        chosen = chosen[chosen["year"] >= start_year]
    if end_year is not None:
        chosen = chosen[chosen["year"] <= end_year]
    if genre is not None:
        chosen = chosen[chosen["genre"] == genre]
    return set(chosen["doc_id"])


def count_reposts(documents: pd.DataFrame) -> pd.DataFrame:
    """One row: the documents selected, how many analyses count, how many reposts they leave out
    (``documents`` from :func:`helpers.corpus.overview.load_documents`, with its ``counted``)."""
    counted = int(documents["counted"].sum()) if "counted" in documents else len(documents)
    return pd.DataFrame({"documents": [len(documents)], "counted": [counted],
                         "reposts_left_out": [len(documents) - counted]})
