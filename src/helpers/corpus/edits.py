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
NEWLINE = re.compile("\n")
MERGE_GAP = 16
Replacement = str | Callable[[re.Match], str | None]


def substitute_logged(
    pattern: re.Pattern, replacement: Replacement, text: str, step: str, rule: str | None = None
) -> tuple[str, list[Edit]]:
    """Like ``pattern.sub(replacement, text)``, and return one Edit per change.

    The rule of an edit is ``rule``, or the name of the group that matched when ``rule`` is None
    (patterns built as alternations of named groups). A callable replacement may return None to
    leave a match as it is. A string replacement takes the fast path: the substitution runs in C.

    >>> substitute_logged(re.compile(r"\\s+(?=\\d)"), "", "项目 330个", "spaces", "space_before_digit")[1]
    [Edit(step='spaces', rule='space_before_digit', start=2, end=3, removed=' ', inserted='', left='项目', right='330个')]
    """
    if not callable(replacement):
        edits = [
            Edit(step, rule or m.lastgroup or step, m.start(), m.end(), m.group(), replacement,
                 text[max(0, m.start() - CONTEXT):m.start()], text[m.end():m.end() + CONTEXT])
            for m in pattern.finditer(text)
        ]
        edits = [e for e in edits if e.removed != replacement]
        return (pattern.sub(replacement, text) if edits else text), edits
    pieces: list[str] = []
    edits = []
    last = 0
    for match in pattern.finditer(text):
        new = replacement(match)
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


def diff_same_length(before: str, after: str, step: str, rule: str,
                     merge_gap: int = MERGE_GAP) -> list[Edit]:
    """Edits for the changed runs between two strings of equal length.

    Runs closer than ``merge_gap`` unchanged characters are one edit (a Traditional paragraph is
    one edit, not one per character); an edit never spans a line break.

    >>> [(e.start, e.end, e.removed, e.inserted) for e in diff_same_length("實施計劃", "实施计划", "script", "t2s", merge_gap=0)]
    [(0, 1, '實', '实'), (2, 4, '計劃', '计划')]
    >>> [(e.removed, e.inserted) for e in diff_same_length("實施計劃\\n盤錦", "实施计划\\n盘锦", "script", "t2s")]
    [('實施計劃', '实施计划'), ('盤錦', '盘锦')]
    """
    if before == after:
        return []
    if len(before) != len(after):
        return [Edit(step, rule, 0, len(before), before, after)]
    a = np.frombuffer(before.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)  # a lone surrogate too
    b = np.frombuffer(after.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return edits_from_mask(a != b, a == 10, before, after, step, rule, merge_gap)


def edits_from_mask(changed: np.ndarray, newline: np.ndarray, before: str, after: str, step: str,
                    rule: str, merge_gap: int = MERGE_GAP) -> list[Edit]:
    """Edits for the runs where ``changed`` is true, merging runs across short gaps within a line."""
    padded = np.concatenate(([False], changed, [False]))
    bounds = np.flatnonzero(padded[1:] != padded[:-1])
    starts, ends = bounds[0::2], bounds[1::2]
    if len(starts) > 1 and merge_gap:
        line_of = np.cumsum(newline)
        gap_ok = (starts[1:] - ends[:-1] <= merge_gap) & (line_of[starts[1:]] == line_of[ends[:-1] - 1])
        keep_start = np.concatenate(([True], ~gap_ok))
        keep_end = np.concatenate((~gap_ok, [True]))
        starts, ends = starts[keep_start], ends[keep_end]
    return [
        Edit(step, rule, s, e, before[s:e], after[s:e], before[max(0, s - CONTEXT):s], before[e:e + CONTEXT])
        for s, e in zip(starts.tolist(), ends.tolist())
    ]


def substitute_merged(pattern: re.Pattern, text: str, step: str, rule: str, lead: int = 1,
                      merge_gap: int = MERGE_GAP) -> tuple[str, list[Edit]]:
    """Delete every match of ``pattern``, logging one edit per stretch of nearby deletions.

    For dense removals (pinyin after nearly every character) one edit per stretch of a line keeps
    the log readable and cheap; each edit still gives the exact span and its text before and
    after. ``lead`` characters before the first match are included (the pattern's lookbehind).

    >>> substitute_merged(re.compile(r"\\((?<=\\w\\()[a-zíī]+\\)"), "實(shí)施(shī)行", "pinyin", "pinyin_annotation")[1]
    [Edit(step='pinyin', rule='pinyin_annotation', start=0, end=12, removed='實(shí)施(shī)', inserted='實施', left='', right='行')]
    """
    spans = [m.span() for m in pattern.finditer(text)]
    if not spans:
        return text, []
    starts = np.fromiter((a for a, _ in spans), dtype=np.int64, count=len(spans))
    ends = np.fromiter((b for _, b in spans), dtype=np.int64, count=len(spans))
    if len(spans) > 1:
        newlines = find_newlines(text)
        joined = (starts[1:] - ends[:-1] <= merge_gap) & (
            np.searchsorted(newlines, starts[1:]) == np.searchsorted(newlines, ends[:-1] - 1))
    else:
        joined = np.zeros(0, dtype=bool)
    group_starts = np.flatnonzero(np.concatenate(([True], ~joined))).tolist() + [len(spans)]
    edits, kept, last = [], [], 0
    for first, stop in zip(group_starts[:-1], group_starts[1:]):
        start, end = max(0, spans[first][0] - lead), spans[stop - 1][1]
        pieces, cursor = [], start
        for a, b in spans[first:stop]:
            pieces.append(text[cursor:a])
            cursor = b
        inserted = "".join(pieces)
        edits.append(Edit(step, rule, start, end, text[start:end], inserted,
                          text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]))
        kept += (text[last:start], inserted)
        last = end
    kept.append(text[last:])
    return "".join(kept), edits


def find_newlines(text: str) -> np.ndarray:
    """Offsets of the line breaks of ``text`` (cheap: documents have few lines)."""
    return np.array([m.start() for m in NEWLINE.finditer(text)], dtype=np.int64)
