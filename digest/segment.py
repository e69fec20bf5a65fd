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
from .order import continuations_follow, heads_first
from .model import Line, Page, Source
from .similarity import forget_vectors
from .roles import classify


CHUNK_CHARS = 200_000  # a page dump is ~10,000 characters; a dump this long is read in pieces


def segment(page: Page, keep_lines: bool = True) -> Source:
    """One page dump -> Source with articles (no summaries yet), noise and metadata.

    A dump far longer than any page (a whole issue in one file, a hostile input) is cut at
    blank lines into pieces of about ``CHUNK_CHARS`` that are segmented one by one: memory
    stays that of one piece (the line tagger's features are the bulk of it), time linear.
    An article that runs across a cut is two articles. ``keep_lines=False``: the lines and
    their roles (`digest inspect`'s business) are not kept, so a piece's are freed with it."""
    if page.geometry is not None or len(page.text) <= CHUNK_CHARS:
        source = _segment(page)
        if not keep_lines:
            source.lines = []
        return source
    whole = Source(source=page.source, encoding=page.encoding)
    lines_before = 0
    for k, piece in enumerate(_pieces(page.text)):
        part = _segment(Page(source=page.source, text=piece, encoding=page.encoding))
        if k == 0:
            whole.paper, whole.date, whole.page = part.paper, part.date, part.page  # the masthead is on top
        for line in part.lines:
            line.number += lines_before
            if line.article is not None:
                line.article += len(whole.articles)
        whole.articles += part.articles
        whole.noise += part.noise
        if keep_lines:
            whole.lines += part.lines
        lines_before += piece.count("\n") + 1
    stem = Path(page.source).stem if page.source != "-" else "stdin"
    for k, article in enumerate(whole.articles, start=1):
        article.id = f"{stem}#{k}"
    return whole


def _pieces(text: str) -> list[str]:
    """TEXT cut after a blank line once a piece holds CHUNK_CHARS characters (after any line
    if no blank line comes within a tenth more), every character kept."""
    pieces, current, size = [], [], 0
    for line in text.split("\n"):
        current.append(line)
        size += len(line) + 1
        if size >= CHUNK_CHARS and (not line.strip() or size >= 1.1 * CHUNK_CHARS):
            pieces.append("\n".join(current))
            current, size = [], 0
    if current:
        pieces.append("\n".join(current))
    return pieces


def _segment(page: Page) -> Source:
    lines = split_lines(page.text)
    geometry.mark_doubled(lines, page.geometry)
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
        order = continuations_follow(lines, order, columns)  # a sentence's rest printed elsewhere goes back after it
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
    forget_vectors()
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
