"""Split cleaned text into paragraphs and sentences with character offsets.

In: the cleaned text of one document (one paragraph per line). Out: :class:`Sentence` records whose
``start``/``end`` index that text, so ``text[start:end] == sentence.text`` always holds.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np

from helpers.corpus.edits import find_newlines

# A sentence starts at a character that is not white space and runs to 。!?; (ASCII or full-width)
# or the end of the line, keeping closing quotes and brackets:
# "…实现三年行动首战告捷的重点任务和具体举措进行发布。", "做好四季度工作;",
# "“别着急,我们现在是‘零证明’城市,您在网上就可以开具相关证明。”"
SENTENCE = re.compile(
    r"[^\s。!?;！？；…](?:[^\n。!?;！？；…]*[^\s。!?;！？；…])?"
    r"(?:[。!?;！？；…]+[”’」』)\]]*)?"
    r"|[。!?;！？；…]+[”’」』)\]]*"
)


class Sentence(NamedTuple):
    """One sentence of a document."""

    sentence_id: int
    paragraph_id: int
    start: int
    end: int
    text: str


class SentenceTable(NamedTuple):
    """A document's sentences as columns (cheap to build and to turn into a table)."""

    paragraph_ids: list[int]
    starts: list[int]
    ends: list[int]
    texts: list[str]

    def __len__(self) -> int:
        return len(self.starts)

    def __iter__(self):
        for i, values in enumerate(zip(self.paragraph_ids, self.starts, self.ends, self.texts)):
            yield Sentence(i, *values)

    def __getitem__(self, i: int) -> Sentence:
        return Sentence(i, self.paragraph_ids[i], self.starts[i], self.ends[i], self.texts[i])


def split_sentences(text: str) -> SentenceTable:
    """Sentences with offsets into ``text``; white space at their edges is left out.

    Paragraph ids count the lines that hold a sentence.

    >>> [s.text for s in split_sentences("预计,全市地区生产总值增长2%。项目建设推进有力;\\n新段落")]
    ['预计,全市地区生产总值增长2%。', '项目建设推进有力;', '新段落']
    >>> split_sentences("甲。\\n乙")[1][:4]
    (1, 1, 3, 4)
    """
    spans = [m.span() for m in SENTENCE.finditer(text)]
    if not spans:
        return SentenceTable([], [], [], [])
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    newlines = find_newlines(text)
    line_of = np.searchsorted(newlines, starts)
    paragraph_of = np.cumsum(np.concatenate(([1], np.diff(line_of) > 0))) - 1
    return SentenceTable(paragraph_of.tolist(), starts, ends, [text[s:e] for s, e in spans])
