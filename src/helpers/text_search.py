"""Find a literal phrase in an Arrow column of texts: how often in each text, and where first.

In: a string column (a row group of documents.parquet) and a phrase. Out: per text, the count of
non-overlapping occurrences and the byte offset of the first (-1 if none), found by ``bytes.find``
and ``bytes.count`` over the column's UTF-8 buffer, each bounded by its text: no text becomes a
Python string, and Python's search is several times faster than Arrow's ``count_substring`` on
Chinese text. A UTF-8 phrase can only match at character boundaries, so byte matches are character
matches.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa


def find_phrase(texts: pa.Array | pa.ChunkedArray, phrase: str) -> tuple[np.ndarray, np.ndarray]:
    """(counts, first byte offsets) of ``phrase`` in each text of the column.

    >>> counts, firsts = find_phrase(pa.array(["项目为王，项目为纲", "带土移植", "王项目"]), "项目")
    >>> counts.tolist(), firsts.tolist()
    ([2, 0, 1], [0, -1, 3])
    """
    if isinstance(texts, pa.ChunkedArray):
        texts = texts.combine_chunks() if texts.num_chunks != 1 else texts.chunk(0)
    n = len(texts)
    counts, firsts = np.zeros(n, dtype=np.int64), np.full(n, -1, dtype=np.int64)
    needle = phrase.encode("utf-8")
    if not n or not needle:
        return counts, firsts
    offsets, data = _buffers(texts)
    bounds = offsets[:n + 1].tolist()
    haystack = data[bounds[0]:bounds[-1]].tobytes()  # one copy of the row group's bytes, no strings
    base = bounds[0]
    for row, (start, end) in enumerate(zip(bounds[:-1], bounds[1:])):
        count = haystack.count(needle, start - base, end - base)  # bounded: never into the next text
        if count:
            counts[row] = count
            firsts[row] = haystack.find(needle, start - base, end - base) - (start - base)
    return counts, firsts


def cut_snippets(texts: pa.Array | pa.ChunkedArray, byte_offsets: np.ndarray, before: int = 20,
                 after: int = 40) -> list[str]:
    """The ``before`` characters before and ``after`` from each text's match (at a byte offset), cut
    from the column's UTF-8 bytes without making the whole text a Python string."""
    if isinstance(texts, pa.ChunkedArray):
        texts = texts.combine_chunks() if texts.num_chunks != 1 else texts.chunk(0)
    if not len(texts):
        return []
    offsets, data = _buffers(texts)
    bounds = offsets[:len(texts) + 1].tolist()
    snippets = []
    for start, end, match in zip(bounds[:-1], bounds[1:], byte_offsets.tolist()):
        at = start + match
        # a character is at most 4 bytes: these windows hold the characters wanted, and a character cut
        # at the window's far edge is dropped by "ignore"
        left = data[max(start, at - 4 * before - 4):at].tobytes().decode("utf-8", "ignore")[-before:]
        right = data[at:min(end, at + 4 * after + 4)].tobytes().decode("utf-8", "ignore")[:after]
        snippets.append(left + right)
    return snippets


def _buffers(texts: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """The value offsets (from the array's first row) and the data bytes of a string array."""
    large = pa.types.is_large_string(texts.type)
    offsets = np.frombuffer(texts.buffers()[1], dtype=np.int64 if large else np.int32)[texts.offset:]
    data = texts.buffers()[2]
    return offsets, (np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, np.uint8))
