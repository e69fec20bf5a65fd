"""Segmentation: a page -> articles and noise, in three passes over plain data.

1. ``roles.classify``: every line gets a role (head, byline, body, noise…) by rule;
   ``line_model.revise`` changes it where the learned tagger is confident.
2. ``blocks.build_blocks``: lines -> paragraphs, head groups, bylines, noise.
3. ``assemble.assemble``: blocks -> articles; orphan heads find their articles, and
   ``stitch.stitch`` joins the drafts that are pieces of one article (a learned, scored choice).
Nothing is dropped: what is no article's goes to ``noise``.
"""
from __future__ import annotations

from pathlib import Path

from . import geometry, masthead
from .assemble import assemble
from .blocks import build_blocks
from .layout import column_widths, prints_gaps, split_lines
from .line_model import revise
from .order import heads_first
from .model import Line, Page, Source
from .roles import classify


def segment(page: Page) -> Source:
    """One page dump -> Source with articles (no summaries yet), noise and metadata."""
    lines = split_lines(page.text)
    # pieces of a head the PDF drew twice: noise, and out of the way of every decision
    repeats = [line for line in lines if line.hint == "duplicate"]
    lines = [line for line in lines if line.hint != "duplicate"]
    body = geometry.attach(lines, page.geometry)  # a PDF's type sizes, when the page came from one
    columns = column_widths(lines)  # once: both passes read the column each line sits in
    revise(classify(lines, columns), columns)  # the rules' roles, then the learned tagger's second look
    geometry.sized_roles(lines, body)  # what type size says outright overrides both
    gaps = prints_gaps(lines)
    if page.geometry is None:  # a PDF's reader put heads over their text by position already
        order = heads_first(lines, gaps)  # heads the extractor printed after their text go back in front
        lines, columns = [lines[i] for i in order], [columns[i] for i in order]
    blocks = build_blocks(lines, columns)
    stem = Path(page.source).stem if page.source != "-" else "stdin"
    articles, noise, head_article = assemble(blocks, stem, gaps=gaps)
    for line in lines:
        if id(line) in head_article:
            line.article = head_article[id(line)]
    for line in repeats:
        line.role = "noise"
        noise.append(line.text)
    lines = _put_back(lines, repeats)
    meta = masthead.read([b.text for b in blocks if b.kind == "noise"])
    return Source(
        source=page.source,
        encoding=page.encoding,
        paper=meta.paper,
        date=meta.date,
        page=meta.page,
        articles=articles,
        noise=noise,
        lines=lines,
    )


def _put_back(lines: list[Line], repeats: list[Line]) -> list[Line]:
    """The lines in reading order with the set-aside repeats back after the line printed before each."""
    after: dict[int, list[Line]] = {}
    for repeat in repeats:
        before = max((line.number for line in lines if line.number <= repeat.number), default=0)
        after.setdefault(before, []).append(repeat)
    out = after.pop(0, [])
    for line in lines:
        out.append(line)
        out += after.pop(line.number, [])
    return out


__all__ = ["segment"]
