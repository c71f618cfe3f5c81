"""Run the cleaning steps in order on one document's text and collect their edits.

In: decoded text. Out: a :class:`Cleaned` with the normalized text (header lines still in, for
metadata), the cleaned body, and every :class:`~helpers.corpus.edits.Edit` in step order. Offsets of an
edit index the text *given to its step*; ``step_index`` orders the steps.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers.corpus.boilerplate import strip_boilerplate
from helpers.corpus.edits import Edit
from helpers.corpus.layout import join_broken_lines, strip_running_headers
from helpers.corpus.normalize import (
    has_unusual_characters,
    normalize_blank_lines,
    normalize_lookalikes,
    normalize_script,
    normalize_spaces,
    normalize_width,
    strip_control_characters,
    strip_lost_character_pinyin,
    strip_pinyin,
)

# The order matters: control characters first (a NUL between two characters hides every pattern;
# a lone surrogate cannot even be encoded), pinyin before script (its brackets may be full-width),
# width before spaces (U+3000), boilerplate after spaces (its rules expect one trimmed line per
# paragraph), print headers before broken lines (a footer interrupts the sentence it falls in).
NORMALIZE_STEPS = (strip_control_characters, strip_pinyin, strip_lost_character_pinyin, normalize_lookalikes,
                   normalize_script, normalize_width, normalize_spaces)
BODY_STEPS = (strip_boilerplate, strip_running_headers, join_broken_lines, normalize_blank_lines)
# Steps that only change characters has_unusual_characters looks for
CHARACTER_STEPS = (normalize_lookalikes, normalize_script, normalize_width)
STEP_NAMES = tuple(step.__name__ for step in NORMALIZE_STEPS + BODY_STEPS)


@dataclass(frozen=True)
class Cleaned:
    """The result of cleaning one text."""

    normalized: str
    body: str
    edits: tuple[tuple[int, list[Edit]], ...]  # (step_index, that step's edits)

    def iter_edits(self):
        """(step_index, edit) for every edit, in step order."""
        for index, step_edits in self.edits:
            for edit in step_edits:
                yield index, edit


def clean_text(text: str) -> Cleaned:
    """Normalize, then strip boilerplate.

    >>> cleaned = clean_text("政讯通中心\\n欢迎来到廉政法治网!\\n  實(shí)施投資 ５００万元\\n本文地址:/baogao/db/9712.html")
    >>> cleaned.body
    '实施投资500万元'
    >>> sorted({e.rule for _, e in cleaned.iter_edits()})[:4]
    ['edge_white_space', 'full_to_half_width', 'line_edge_space', 'pinyin_annotation']
    """
    edits: list[tuple[int, list[Edit]]] = []
    unusual = has_unusual_characters(text)
    for index, step in enumerate(NORMALIZE_STEPS):
        if not unusual and step in CHARACTER_STEPS:
            edits.append((index, []))  # nothing for it to change: skip its scan
            continue
        text, step_edits = step(text)
        edits.append((index, step_edits))
    normalized = text
    for index, step in enumerate(BODY_STEPS, start=len(NORMALIZE_STEPS)):
        text, step_edits = step(text)
        edits.append((index, step_edits))
    return Cleaned(normalized=normalized, body=text, edits=tuple(edits))
