"""A line among its neighbours: the next and previous printed lines, and the few facts about
a line's text that the line rules (``roles``, ``author_lines``) and the assembler share."""
from __future__ import annotations

from .model import Line

MAX_HEAD_WIDTH = 40
BODY_PUNCT_END = "。，、；：,;:"
CANNOT_START = "，、。；：）)」』”’！？…"  # no sentence opens with one of these
_PAIRS = ("“”", "（）", "《》", "「」", "()")


def next_nonblank_index(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if not lines[j].blank:
            return j
    return None


def next_nonblank(lines: list[Line], i: int) -> Line | None:
    j = next_nonblank_index(lines, i)
    return lines[j] if j is not None else None


def prev_nonblank(lines: list[Line], i: int) -> Line | None:
    for j in range(i - 1, -1, -1):
        if not lines[j].blank and lines[j].hint != "duplicate":
            return lines[j]
    return None


def balanced(text: str) -> bool:
    """A head is a whole phrase; a wrapped body line often leaves a quote or bracket open."""
    return all(text.count(a) == text.count(b) for a, b in _PAIRS)
