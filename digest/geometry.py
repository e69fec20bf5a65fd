"""Type size as a cue: what a PDF page says at a glance and a text dump has lost.

Only pages read from a PDF have geometry (``Page.geometry``); on them, a line's size
against the page's body type decides what text cues can only guess: a line set much
larger than the body is a head (never body text, however it ends), a line in body type
is never a head, and of a head group the largest line is the title. Sizes are read
relative to the page's own body type, so no paper's point sizes are built in.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from .model import Line, LineBox

HEAD_SIZE = 1.25  # a head is set at least this much larger than the body type
SECTION_SIZE = 1.8  # a head below this many body sizes, alone in its group, reads as a section head ...
SECTION_OF_TITLES = 0.6  # ... when the page's largest head is this much larger (else it is a small story's)
AUTHOR_CHARS = 16  # a line a little larger than the body and this short is an author line, not a head


def attach(lines: list[Line], geometry: tuple[LineBox | None, ...] | None) -> float | None:
    """Copy each line's position and type size from the page's geometry; the body size."""
    if not geometry:
        return None
    for line in lines:
        box = geometry[line.number - 1] if line.number - 1 < len(geometry) else None
        if box is not None:
            line.x, line.y, line.font_size = box.x0, box.top, box.size
    return body_size(geometry)


def mark_doubled(lines: list[Line], geometry: tuple[LineBox | None, ...] | None) -> None:
    """Lines a PDF drew a second time over themselves are duplicates (noise) from the start."""
    for line in lines if geometry else ():
        box = geometry[line.number - 1] if line.number - 1 < len(geometry) else None
        if box is not None and box.doubled:
            line.hint = "duplicate"


def body_size(geometry: Iterable[LineBox | None]) -> float | None:
    """The size most of the page's characters are set in."""
    weight: Counter[float] = Counter()
    for box in geometry:
        if box is not None and not box.doubled:
            weight[box.size] += len(box.text)
    return weight.most_common(1)[0][0] if weight else None


def sized_roles(lines: list[Line], body: float | None) -> None:
    """Heads by type size: large lines become heads, body-size lines stop being heads.

    Roles the text settled on its own (noise, captions, jump markers, blanks) stay. A
    head line's tag says whether it reads as a section head (modest size, alone) or a
    story's head, which the assembler weighs as it does the tagger's reading."""
    if not body:
        return
    for line in lines:
        if line.font_size is None or line.role not in ("body", "head", "byline", "subhead"):
            continue
        ratio = line.font_size / body
        if ratio >= HEAD_SIZE and line.role != "byline":
            line.role = "head"
        elif ratio < HEAD_SIZE and line.role == "head":
            line.role = "byline" if ratio > 1.05 and len(line.text) <= AUTHOR_CHARS else "body"
    runs = _head_runs(lines)
    page_largest = max((lines[i].font_size or 0 for run in runs for i in run), default=0.0)
    for run in runs:
        largest = max(lines[i].font_size or 0 for i in run)
        section = largest / body < SECTION_SIZE and largest <= SECTION_OF_TITLES * page_largest
        for i in run:
            lines[i].tag = "subhead" if section else "head"


def _head_runs(lines: list[Line]) -> list[list[int]]:
    """Head lines next to each other (blank lines between them allowed)."""
    runs: list[list[int]] = []
    last = None
    for i, line in enumerate(lines):
        if line.role == "head" and line.font_size is not None:
            if last is not None and all(lines[j].blank for j in range(last + 1, i)):
                runs[-1].append(i)
            else:
                runs.append([i])
            last = i
    return runs


def largest(lines: list[Line]) -> Line | None:
    """The line set largest of a head group, when the page gave sizes and one stands out."""
    sized = [line for line in lines if line.font_size is not None]
    if len(sized) < 2 or len(sized) != len(lines):
        return None
    top = max(sized, key=lambda line: line.font_size)
    if sum(1 for line in sized if line.font_size >= top.font_size * 0.95) > 1:
        return None  # two lines of one size: a head wrapped, or no size cue; the text decides
    return top


__all__ = ["attach", "body_size", "largest", "sized_roles"]
