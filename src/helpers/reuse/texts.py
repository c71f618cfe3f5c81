"""Hold a corpus's texts on disk for the reuse pass, and read one when it is needed.

In: the ``text`` column of ``documents.parquet``. Out: :class:`SpooledTexts`, a sequence of the texts
(``texts[i]`` reads and decodes one) backed by one temporary file of their UTF-8 bytes, with each
text's byte offsets and length in characters in memory (16 bytes a document). The reuse pass reads
each text a few times in order (keys and paragraphs, signatures, the n-gram index) and then only those
of the pairs it aligns and the passages it writes, so its memory no longer holds the corpus (with every
text a Python string the pass peaked at 1.9 GB on the 1 GB benchmark corpus; 0.8 GB now).

The bytes are copied from Arrow's buffers as they are, a row group at a time, without making a Python
string of any text.
"""

from __future__ import annotations

import os
import tempfile
from collections import OrderedDict
from pathlib import Path

import numpy as np

# Characters of texts kept decoded (about 2 bytes each for Chinese): the pass reads the texts of the pairs it
# aligns again and again, and a corpus of 10 MB fits whole
CACHED_CHARS = 16_000_000


class SpooledTexts:
    """The texts of a spool file, in the order of ``order`` (indexes into the file's texts)."""

    def __init__(self, path: Path, byte_offsets: np.ndarray, lengths: np.ndarray, order: np.ndarray | None = None):
        self.path = Path(path)
        self._starts, self._ends = byte_offsets[:-1], byte_offsets[1:]
        self._all_lengths = lengths
        self._order = np.arange(lengths.size) if order is None else np.asarray(order, dtype=np.int64)
        self._fd = os.open(self.path, os.O_RDONLY)
        self._cache: OrderedDict[int, str] = OrderedDict()
        self._cached_chars = 0

    def __len__(self) -> int:
        return int(self._order.size)

    def __getitem__(self, index: int) -> str:
        row = int(self._order[index])
        text = self._cache.get(row)
        if text is None:
            start, end = int(self._starts[row]), int(self._ends[row])
            text = os.pread(self._fd, end - start, start).decode("utf-8")
            self._cache[row] = text
            self._cached_chars += len(text)
            while self._cached_chars > CACHED_CHARS and len(self._cache) > 1:
                self._cached_chars -= len(self._cache.popitem(last=False)[1])
        else:
            self._cache.move_to_end(row)
        return text

    def __iter__(self):
        for index in range(len(self)):
            yield self[index]

    @property
    def lengths(self) -> np.ndarray:
        """Each text's length in characters, in this sequence's order."""
        return self._all_lengths[self._order]

    def take(self, order) -> SpooledTexts:
        """The same texts in another order (``order`` indexes this sequence); they share the file."""
        taken = SpooledTexts.__new__(SpooledTexts)
        taken.path, taken._starts, taken._ends, taken._all_lengths = self.path, self._starts, self._ends, self._all_lengths
        taken._order = self._order[np.asarray(order, dtype=np.int64)] if len(order) else np.zeros(0, np.int64)
        taken._fd, taken._cache, taken._cached_chars = self._fd, OrderedDict(), 0
        return taken

    def close(self) -> None:
        """Close and delete the spool file (every sequence taken from it stops working)."""
        try:
            os.close(self._fd)
        except OSError:  # closed already
            pass
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> SpooledTexts:
        return self

    def __exit__(self, *_) -> None:
        self.close()


def spool_texts(parquet_path: str | Path, directory: str | Path, column: str = "text") -> SpooledTexts:
    """Copy the ``column`` of a Parquet table into a temporary file in ``directory`` (a null is an empty text)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    handle, name = tempfile.mkstemp(prefix=".reuse-texts-", suffix=".tmp", dir=directory)
    offsets, lengths, written = [np.zeros(1, np.int64)], [], 0
    try:
        with os.fdopen(handle, "wb") as sink:
            source = pq.ParquetFile(parquet_path)
            for group in range(source.num_row_groups):
                for chunk in source.read_row_group(group, columns=[column]).column(0).chunks:
                    chunk = pc.fill_null(chunk.cast(pa.large_string()), "")
                    ends = np.frombuffer(chunk.buffers()[1], dtype=np.int64)[chunk.offset:chunk.offset + len(chunk) + 1]
                    data = chunk.buffers()[2]
                    if data is not None and ends[-1] > ends[0]:
                        sink.write(memoryview(data)[int(ends[0]):int(ends[-1])])
                    offsets.append(ends[1:] - ends[0] + written)
                    written += int(ends[-1] - ends[0])
                    lengths.append(pc.utf8_length(chunk).to_numpy(zero_copy_only=False).astype(np.int64))
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return SpooledTexts(Path(name), np.concatenate(offsets), np.concatenate(lengths) if lengths else np.zeros(0, np.int64))
