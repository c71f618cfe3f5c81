"""Record every change a cleaning step makes, so a researcher can audit what was removed.

An :class:`Edit` names the step and rule and gives the offsets of the change in that step's
*input* text. :func:`substitute_logged` is ``re.sub`` that also returns the edits;
:func:`diff_same_length` finds the changed runs of a character-for-character conversion
(script or width) without a Python loop over characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

import numpy as np


class Edit(NamedTuple):
    """One change: ``text[start:end]`` of the step's input became ``inserted``."""

    step: str
    rule: str
    start: int
    end: int
    removed: str
    inserted: str
    left: str = ""  # up to CONTEXT characters before the change, for before/after examples
    right: str = ""  # and after it


CONTEXT = 12
Replacement = str | Callable[[re.Match], str | None]


def substitute_logged(
    pattern: re.Pattern, replacement: Replacement, text: str, step: str, rule: str | None = None
) -> tuple[str, list[Edit]]:
    """Like ``pattern.sub(replacement, text)``, and return one Edit per change.

    The rule of an edit is ``rule``, or the name of the group that matched when ``rule`` is None
    (patterns built as alternations of named groups). A callable replacement may return None to
    leave a match as it is.

    >>> substitute_logged(re.compile(r"\\s+(?=\\d)"), "", "项目 330个", "spaces", "space_before_digit")[1]
    [Edit(step='spaces', rule='space_before_digit', start=2, end=3, removed=' ', inserted='', left='项目', right='330个')]
    """
    pieces: list[str] = []
    edits: list[Edit] = []
    last = 0
    for match in pattern.finditer(text):
        new = replacement(match) if callable(replacement) else replacement
        old = match.group(0)
        if new is None or new == old:
            continue
        start, end = match.span()
        pieces.append(text[last:start])
        pieces.append(new)
        last = end
        edits.append(Edit(step, rule or match.lastgroup or step, start, end, old, new,
                          text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]))
    if not edits:
        return text, edits
    pieces.append(text[last:])
    return "".join(pieces), edits


def diff_same_length(before: str, after: str, step: str, rule: str) -> list[Edit]:
    """Edits for the changed runs between two strings of equal length.

    >>> [(e.start, e.end, e.removed, e.inserted) for e in diff_same_length("實施計劃", "实施计划", "script", "t2s")]
    [(0, 1, '實', '实'), (2, 4, '計劃', '计划')]
    """
    if before == after:
        return []
    if len(before) != len(after):
        return [Edit(step, rule, 0, len(before), before, after)]
    a = np.frombuffer(before.encode("utf-32-le"), dtype=np.uint32)
    b = np.frombuffer(after.encode("utf-32-le"), dtype=np.uint32)
    changed = np.concatenate(([False], a != b, [False]))
    bounds = np.flatnonzero(changed[1:] != changed[:-1])
    return [
        Edit(step, rule, int(s), int(e), before[s:e], after[s:e],
             before[max(0, s - CONTEXT):s], before[e:e + CONTEXT])
        for s, e in zip(bounds[0::2], bounds[1::2])
    ]
