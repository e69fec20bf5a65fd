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
    columns = columns if columns is not None else column_widths(lines)
    index = {id(line): i for i, line in enumerate(lines)}
    blocks: list[Block] = []
    set_aside: list[Block] = []  # repeated head fragments: noise that must not split a head
    para: list[Line] = []
    para_continues = False

    inside: list[Block] = []  # name pieces printed inside an open paragraph, placed after it

    def flush():
        nonlocal para, para_continues
        if para:
            column = sorted(columns[index[id(line)]] for line in para)[len(para) // 2]
            blocks.append(Block("para", para, join_lines(para), continues=para_continues, column=column))
        blocks.extend(inside)
        inside.clear()
        para, para_continues = [], False

    open_para = False  # the last body line did not end its paragraph
    for i, line in enumerate(lines):
        if line.role == "blank":
            continue
        if line.hint == "duplicate":
            set_aside.append(Block("noise", [line], line.text))
            continue
        if line.hint == "inside" and para and open_para:
            inside.append(Block("byline" if line.role == "byline" else "noise", [line], line.text))  # "…天门电子" / "锦" / "商务…": one sentence
            continue
        if line.role == "subhead" and _beside_head(line, i, lines, blocks, para):
            # printed right against a head line: one head group, a section's or a story's
            # (the assembler tells: ``is_subhead``)
            flush()
            if blocks and blocks[-1].kind == "head" and blocks[-1].lines[-1].last_number + 1 == line.number:
                blocks[-1].lines.append(line)
            else:
                blocks.append(Block("head", [line], line.text))
            open_para = False
            continue
        if line.role == "subhead":  # a wrapped section sub-head: a paragraph of its own
            if para and para[-1].role != "subhead":
                flush()
            para.append(line)
            j = next_nonblank_index(lines, i)
            if j is None or lines[j].role != "subhead" or j > i + 1:
                flush()
            open_para = False
            continue
        if line.role != "body":
            flush()
            kind = {"head": "head", "byline": "byline", "jump": "jump"}.get(line.role, "noise")
            if kind == "head" and blocks and blocks[-1].kind == "head" and _same_head(blocks[-1], i, lines):
                blocks[-1].lines.append(line)
            elif kind == "byline" and blocks and blocks[-1].kind == "byline" and _co_author(blocks[-1], line):
                blocks[-1].lines.append(line)  # "李正辉" / "石锦建": two authors, a line each
                blocks[-1].text += " " + line.text
            else:
                blocks.append(Block(kind, [line], line.text))
            continue
        if para and (DATELINE.match(line.text) or BULLET.match(line.text)):
            flush()
        starts_para = not para
        if starts_para:
            para_continues = open_para and line.text[:1] not in "“「《（(" and not DATELINE.match(line.text)
            para_continues = para_continues and bool(blocks) and blocks[-1].kind in ("para", "noise")
        para.append(line)
        j = next_nonblank_index(lines, i)
        width = display_width(line.text)
        opened_by = open_para
        ending = "".join(piece.text for piece in para[-3:])  # an aside may open a line or two before
        open_para = not ends_paragraph(ending, width, columns[i], lines[j].raw if j is not None else None,
                                       gap_after=j is not None and j > i + 1,
                                       next_indented=indented_first_line(lines, columns, j)
                                       # "…不断开创事业发展新境" / "界。…": a word across the break
                                       and not splits_word(line.text, lines[j].text))
        if starts_para and not opened_by and is_label(line.text) and width <= columns[i] * 0.7 \
                and not (j is not None and lines[j].text[:1] in "“「『"):
            # "区人大代表徐甲甲：" over the words it introduces; "习近平同志强调：" over a quotation
            # the extractor set on the next line goes on the sentence
            open_para = False
        if not open_para:
            flush()
    flush()
    _captions_by_content(blocks)
    blocks.extend(set_aside)
    for b in blocks:
        if b.kind == "head":
            b.text = " / ".join(l.text for l in b.lines)
    return blocks


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
    """A bare name right under a line of bare names: the same author line, wrapped."""
    last = block.lines[-1]
    return line.number == last.last_number + 1 and NAMES_ONLY.match(line.spaced_raw) \
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
