"""Split cleaned text into paragraphs and sentences with character offsets.

In: the cleaned text of one document (one paragraph per line). Out: :class:`Sentence` records whose
``start``/``end`` index that text, so ``text[start:end] == sentence.text`` always holds.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# A sentence runs to 。!?; (ASCII or full-width) or the end of the line, and keeps closing quotes
# and brackets: "…实现三年行动首战告捷的重点任务和具体举措进行发布。", "做好四季度工作;",
# "“别着急,我们现在是‘零证明’城市,您在网上就可以开具相关证明。”"
SENTENCE = re.compile(r"[^\n。!?;！？；…]+(?:[。!?;！？；…]+[”’」』)\]]*)?|[。!?;！？；…]+[”’」』)\]]*")


class Sentence(NamedTuple):
    """One sentence of a document."""

    sentence_id: int
    paragraph_id: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into ``text``; white space at their edges is left out.

    >>> [s.text for s in split_sentences("预计,全市地区生产总值增长2%。项目建设推进有力;\\n新段落")]
    ['预计,全市地区生产总值增长2%。', '项目建设推进有力;', '新段落']
    >>> split_sentences("甲。\\n乙")[1][:4]
    (1, 1, 3, 4)
    """
    sentences: list[Sentence] = []
    paragraph = 0
    line_start = 0
    for line in text.split("\n"):
        if line.strip():
            for match in SENTENCE.finditer(line):
                chunk = match.group(0)
                stripped = chunk.strip()
                if not stripped:
                    continue
                start = line_start + match.start() + (len(chunk) - len(chunk.lstrip()))
                sentences.append(Sentence(len(sentences), paragraph, start, start + len(stripped), stripped))
            paragraph += 1
        line_start += len(line) + 1
    return sentences
