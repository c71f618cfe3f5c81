"""Index which row groups of documents.parquet hold each character and character pair, so a search
for a phrase reads only the row groups that can hold it.

In: the texts of each row group, as the build writes them. Out: ``documents.grams`` beside the
table: one bit set per row group (``GRAM_BITS`` bits: a character or a pair of adjacent characters
sets the bit its hash names), then a JSON footer with the row groups' sizes and first and last
doc_id, then the footer's length. A phrase can be in a row group only if every bit of its characters
and pairs is set there; other row groups are skipped unread. Bits are shared by hash, so the index
may keep a row group that lacks the phrase (read for nothing), never drop one that holds it. An
index that does not match the table's row groups is not used.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np

# Bits per row group: 2^20 (128 KB). A row group of 112 documents of 13,000 characters sets about
# 1 in 7 of them, so a 4-character phrase absent from a row group passes all 7 of its bits in
# about one row group in a million
GRAM_BITS = 1 << 20
INDEX_SUFFIX = ".grams"
_FOOTER_LENGTH = struct.Struct("<Q")


def hash_grams(text: str) -> np.ndarray:
    """The bit positions of a text's characters and adjacent pairs (with repeats).

    >>> len(hash_grams("项目为王")) == 4 + 3
    True
    """
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    singles = (points * np.uint64(0x9E3779B1)) >> np.uint64(7)
    pairs = (points[:-1] * np.uint64(0x85EBCA77)) ^ (points[1:] * np.uint64(0xC2B2AE3D))
    return np.concatenate([singles, pairs]) & np.uint64(GRAM_BITS - 1)


def build_row_group_bits(texts: list[str]) -> bytes:
    """The packed bit set of one row group's texts."""
    bits = np.zeros(GRAM_BITS, dtype=bool)
    for text in texts:
        bits[hash_grams(text)] = True
    return np.packbits(bits).tobytes()


class GramIndexWriter:
    """Append a row group's bits at a time to an open file; ``close`` writes the footer."""

    def __init__(self, handle) -> None:
        self.handle = handle
        self.groups: list[list] = []

    def add(self, texts: list[str], doc_ids: list[str]) -> None:
        """Index the next row group of documents.parquet."""
        self.handle.write(build_row_group_bits(texts))
        self.groups.append([len(texts), min(doc_ids) if doc_ids else None, max(doc_ids) if doc_ids else None])

    def close(self) -> None:
        footer = json.dumps({"bits": GRAM_BITS, "groups": self.groups}).encode("utf-8")
        self.handle.write(footer)
        self.handle.write(_FOOTER_LENGTH.pack(len(footer)))
        self.handle.close()


def find_row_groups(table_path: str | Path, phrase: str, metadata) -> list[int] | None:
    """The row groups of the table that may hold ``phrase``, or None when there is no usable index
    (missing, damaged, or made for other row groups: every row group must be read).

    ``metadata``: the table's Parquet metadata (``ParquetFile.metadata``).
    """
    path = Path(str(table_path) + INDEX_SUFFIX)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            handle.seek(size - _FOOTER_LENGTH.size)
            (length,) = _FOOTER_LENGTH.unpack(handle.read(_FOOTER_LENGTH.size))
            handle.seek(size - _FOOTER_LENGTH.size - length)
            footer = json.loads(handle.read(length))
    except (OSError, ValueError, struct.error):  # no index (an older build) or a damaged one
        return None
    groups = footer.get("groups", [])
    if footer.get("bits") != GRAM_BITS or not _matches(groups, metadata):
        return None
    if not phrase:
        return list(range(len(groups)))
    bits = np.memmap(path, dtype=np.uint8, mode="r", shape=(len(groups), GRAM_BITS // 8))
    positions = np.unique(hash_grams(phrase)).astype(np.int64)
    held = np.ones(len(groups), dtype=bool)
    for position in positions:  # one byte of each row group per bit
        held &= (bits[:, position >> 3] >> (7 - (position & 7))) & 1 == 1
    return np.flatnonzero(held).tolist()


def _matches(groups: list, metadata) -> bool:
    """Whether the index was written for these row groups: their sizes and doc_id bounds agree."""
    if len(groups) != metadata.num_row_groups:
        return False
    column = metadata.schema.names.index("doc_id")
    for (n_rows, first, last), index in zip(groups, range(metadata.num_row_groups)):
        group = metadata.row_group(index)
        statistics = group.column(column).statistics
        if group.num_rows != n_rows or (statistics is not None and statistics.has_min_max
                                        and (statistics.min, statistics.max) != (first, last)):
            return False
    return True
