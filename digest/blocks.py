"""Blocks: lines with roles -> paragraphs (wrapped lines joined), head groups, bylines, noise."""
from __future__ import annotations

from dataclasses import dataclass

from .layout import column_widths, display_width, ends_paragraph, indented_first_line
from .model import Line
from .nlp import splits_word
from .patterns import BULLET, DATELINE, NAMES_ONLY, PHOTO_CREDIT_END, PHOTO_WORDS
from .line_context import next_nonblank_index
from .roles import MAX_HEAD_LINES
from .text import repair_spacing

LABEL_CHARS = 16


@dataclass
class Block:
    kind: str  # para, head, byline, noise, jump
    lines: list[Line]
    text: str = ""
    continues: bool = False  # para: starts mid-sentence (its previous line did not end)
    column: float = 0.0  # para: the width of the column it is set in





def build_blocks(lines: list[Line], columns: list[float] | None = None) -> list[Block]:
    """Lines with roles -> blocks; ``columns`` as given to ``roles.classify``."""
    builder = _Builder(lines, columns if columns is not None else column_widths(lines))
    for i, line in enumerate(lines):
        if line.role == "blank":
            continue
        if line.hint == "duplicate":
            builder.set_aside.append(Block("noise", [line], line.text))
        elif line.hint == "inside" and builder.para and builder.open_para:
            # "…天门电子" / "锦" / "商务…": one sentence
            builder.inside.append(Block("byline" if line.role == "byline" else "noise", [line], line.text))
        elif line.role == "subhead":
            builder.subhead(i, line)
        elif line.role != "body":
            builder.other(i, line)
        else:
            builder.body(i, line)
    builder.flush()
    blocks = builder.blocks
    _captions_by_content(blocks)
    blocks.extend(builder.set_aside)
    for b in blocks:
        if b.kind == "head":
            b.text = " / ".join(l.text for l in b.lines)
    return blocks


class _Builder:
    """The walk through a page's lines: the blocks so far and the paragraph being gathered."""

    def __init__(self, lines: list[Line], columns: list[float]):
        self.lines, self.columns = lines, columns
        self.index = {id(line): i for i, line in enumerate(lines)}
        self.blocks: list[Block] = []
        self.set_aside: list[Block] = []  # repeated head fragments: noise that must not split a head
        self.inside: list[Block] = []  # name pieces printed inside an open paragraph, placed after it
        self.para: list[Line] = []
        self.para_continues = False
        self.open_para = False  # the last body line did not end its paragraph

    def flush(self) -> None:
        """The paragraph gathered so far is a block, and the name pieces printed inside it after it."""
        if self.para:
            column = sorted(self.columns[self.index[id(line)]] for line in self.para)[len(self.para) // 2]
            self.blocks.append(Block("para", self.para, join_lines(self.para), continues=self.para_continues,
                                     column=column))
        self.blocks.extend(self.inside)
        self.inside.clear()
        self.para, self.para_continues = [], False

    def subhead(self, i: int, line: Line) -> None:
        blocks, lines = self.blocks, self.lines
        if _beside_head(line, i, lines, blocks, self.para):
            # printed right against a head line: one head group, a section's or a story's
            # (the assembler tells: ``is_subhead``)
            self.flush()
            if blocks and blocks[-1].kind == "head" and blocks[-1].lines[-1].last_number + 1 == line.number:
                blocks[-1].lines.append(line)
            else:
                blocks.append(Block("head", [line], line.text))
        else:  # a wrapped section sub-head: a paragraph of its own
            if self.para and self.para[-1].role != "subhead":
                self.flush()
            self.para.append(line)
            j = next_nonblank_index(lines, i)
            if j is None or lines[j].role != "subhead" or j > i + 1:
                self.flush()
        self.open_para = False

    def other(self, i: int, line: Line) -> None:
        """A head, author, jump or furniture line: a block of its own, or more of the one before."""
        self.flush()
        blocks = self.blocks
        kind = {"head": "head", "byline": "byline", "jump": "jump"}.get(line.role, "noise")
        if kind == "head" and blocks and blocks[-1].kind == "head" and _same_head(blocks[-1], i, self.lines):
            blocks[-1].lines.append(line)
        elif kind == "byline" and blocks and blocks[-1].kind == "byline" and _co_author(blocks[-1], line):
            blocks[-1].lines.append(line)  # "李正辉" / "石锦建": two authors, a line each
            blocks[-1].text += " " + line.text
        else:
            blocks.append(Block(kind, [line], line.text))

    def body(self, i: int, line: Line) -> None:
        """A line of text: more of the paragraph, which it may end."""
        lines, columns = self.lines, self.columns
        if self.para and (DATELINE.match(line.text) or BULLET.match(line.text)):
            self.flush()
        starts_para = not self.para
        if starts_para:
            continues = self.open_para and line.text[:1] not in "“「《（(" and not DATELINE.match(line.text)
            self.para_continues = continues and bool(self.blocks) and self.blocks[-1].kind in ("para", "noise")
        self.para.append(line)
        j = next_nonblank_index(lines, i)
        width = display_width(line.text)
        opened_by = self.open_para
        ending = "".join(piece.text for piece in self.para[-3:])  # an aside may open a line or two before
        self.open_para = not ends_paragraph(ending, width, columns[i], lines[j].raw if j is not None else None,
                                            gap_after=j is not None and j > i + 1,
                                            next_indented=indented_first_line(lines, columns, j)
                                            # "…不断开创事业发展新境" / "界。…": a word across the break
                                            and not splits_word(line.text, lines[j].text))
        if starts_para and not opened_by and is_label(line.text) and width <= columns[i] * 0.7 \
                and not (j is not None and lines[j].text[:1] in "“「『"):
            # "区人大代表徐甲甲：" over the words it introduces; "习近平同志强调：" over a quotation
            # the extractor set on the next line goes on the sentence
            self.open_para = False
        if not self.open_para:
            self.flush()


def is_label(text: str) -> bool:
    """A speaker or item label on a line of its own: "区人大代表徐甲甲：" (interviews, 代表委员说)."""
    return 3 <= len(text) <= LABEL_CHARS and text.endswith(("：", ":")) and not any(ch in text for ch in "，。；、“”")


def _captions_by_content(blocks: list[Block]) -> None:
    """A short paragraph that describes a photo ("…图为专职保洁人员…") and the photographer's
    credit after it are a caption, not an article."""
    for k, b in enumerate(blocks):
        if b.kind != "para" or len(b.text) > 200 or not PHOTO_WORDS.search(b.text):
            continue
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if nxt is not None and nxt.kind == "byline" and PHOTO_CREDIT_END.search(nxt.text):
            b.kind = nxt.kind = "noise"
            for line in b.lines + nxt.lines:
                line.role = "caption"


def _co_author(block: Block, line: Line) -> bool:
    """A bare name right under a line of bare names: the same author line, wrapped. One blank
    line under it too when that name came in pieces: the extractor cut a letter-spaced author
    line at its gaps ("李" / "" / "静" / "" / "张晓峰"); whole names a blank apart may be the
    authors of two stories side by side ("郭雪磊" / "" / "郭丽娜")."""
    last = block.lines[-1]
    gap = line.number - last.last_number
    return (gap == 1 or gap == 2 and "\n" in last.raw) and NAMES_ONLY.match(line.spaced_raw) \
        and all(NAMES_ONLY.match(l.spaced_raw) for l in block.lines)


def _beside_head(line: Line, i: int, lines: list[Line], blocks: list[Block], para: list[Line]) -> bool:
    """Is a section-head line printed right against a head line, over or under it, with only
    section-head lines between (no blank line)?"""
    if para and para[-1].role == "subhead" and para[-1].last_number + 1 == line.number:
        return False  # the run it goes on was read as a section head already
    if blocks and not para and blocks[-1].kind == "head" and blocks[-1].lines[-1].last_number + 1 == line.number:
        return True
    k = i + 1
    while k < len(lines) and lines[k].role == "subhead" and lines[k].number == lines[k - 1].last_number + 1:
        k += 1
    return k < len(lines) and lines[k].role == "head" and lines[k].number == lines[k - 1].last_number + 1


def _same_head(block: Block, i: int, lines: list[Line]) -> bool:
    """Consecutive head lines form one head (title, kicker, subtitle) when close together."""
    last, line = block.lines[-1], lines[i]
    if len(block.lines) >= MAX_HEAD_LINES or line.number - last.last_number > 3:
        return False
    k, gap = i - 1, 0
    while k >= 0 and lines[k].number > last.last_number:
        gap += lines[k].blank and lines[k].number < line.number
        k -= 1
    return gap <= 2


def join_lines(lines: list[Line]) -> str:
    """Reflow wrapped lines: CJK joins without a space, Latin words keep one."""
    text = ""
    for line in lines:
        piece = line.text
        if text and text[-1].isascii() and text[-1].isalnum() and piece[:1].isascii() and piece[:1].isalpha():
            text += " "
        text += piece
    return repair_spacing(text)
