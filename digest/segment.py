"""Segmentation: Lines -> roles -> blocks -> articles and noise.

Three passes, each a pure function:
1. ``classify``: every line gets a role from its own text and its neighbours
   (furniture patterns, width against its column, whether the text before it closed).
2. ``build_blocks``: lines -> paragraphs (wrapped lines joined), head groups, bylines, noise.
3. ``assemble``: blocks -> articles. A head group opens an article, stays inside one as a
   section sub-head, or is an orphan (printed away from its body) that goes to the
   untitled article it belongs to.
Nothing is dropped: a block that is no article's goes to ``noise``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import masthead
from .layout import BODY_CONTINUES, column_widths, display_width, ends_paragraph, is_full, split_lines
from .model import Article, Line, Page, Source
from .patterns import BYLINE, CAPTION, CREDIT, DATELINE, JUMP, MASTHEAD, NAMES_ONLY, PHOTO_CREDIT_END
from .text import han_count, repair_spacing

MAX_HEAD_WIDTH = 40
_BODY_PUNCT_END = "。，、；：,;:"
_CANNOT_START = "，、。；：）)」』”’！？…"


@dataclass
class Block:
    kind: str  # para, head, byline, noise, jump
    lines: list[Line]
    text: str = ""
    continues: bool = False  # para: starts mid-sentence (its previous line did not end)


@dataclass
class _Draft:
    article: Article
    heads: list[Line] = field(default_factory=list)
    closed: bool = False
    headed: bool = False


# ---------------------------------------------------------------------------------------
# 1. roles


def classify(lines: list[Line]) -> list[Line]:
    """Give every line a role: blank, noise, caption, jump, byline, head, body."""
    columns = column_widths(lines)
    prev_closed = True
    for i, line in enumerate(lines):
        text = line.text
        if not text:
            line.role = "blank"
            continue
        width = display_width(text)
        line.role = _furniture_role(line, width)
        if line.role == "body" and _looks_like_head(line, width, columns[i], prev_closed, lines, i):
            line.role = "head"
        if line.role == "body":
            nxt = _next_nonblank(lines, i)
            prev_closed = ends_paragraph(text, width, columns[i], nxt.raw if nxt else None)
        else:
            prev_closed = True
    _masthead_sandwich(lines)
    _names_after_body(lines)
    return lines


def _furniture_role(line: Line, width: float) -> str:
    text = line.text
    if JUMP.match(text):
        return "jump"
    if CREDIT.match(text):
        return "noise"
    if CAPTION.match(text):
        return "caption"
    if width <= 60 and MASTHEAD.search(text):
        return "noise"
    if width <= 45 and BYLINE.match(text) and not text.endswith(("。", "，")):
        return "byline"
    if han_count(text) == 0 and width <= 40:
        return "noise"  # Latin-only or digit-only furniture: "Sci-Tech & Finance Times", "2"
    if line.hint == "glued":
        return "noise"  # a spaced-out slogan the extractor glued in front of a headline
    return "body"


def _looks_like_head(line: Line, width: float, column: float, prev_closed: bool, lines: list[Line], i: int) -> bool:
    text = line.text
    if width > MAX_HEAD_WIDTH or text[-1] in _BODY_PUNCT_END:
        return False
    if text[0] in _CANNOT_START or DATELINE.match(text) or not _balanced(text):
        return False
    if line.spaced:
        return True
    if not prev_closed:
        return False
    if text.endswith(("——", "—", "：")):
        return True
    nxt = _next_nonblank(lines, i)
    wider_than_column = width > column + 2
    short = width < column * 0.8 or width <= column - 3
    if text[-1] in "？！?!…”" and not (wider_than_column or (short and _isolated(lines, i))):
        return False
    if nxt is not None and nxt.text[:1] in _CANNOT_START:
        return False
    if nxt is not None and lines[i + 1] is nxt and _ends_short_paragraph(nxt, column):
        return False  # "…的发展" + "分享了个人见解。": the first of two wrapped lines
    return short or wider_than_column


_PAIRS = ("“”", "（）", "《》", "「」", "()")


def _balanced(text: str) -> bool:
    """A head is a whole phrase; a wrapped body line often leaves a quote or bracket open."""
    return all(text.count(a) == text.count(b) for a, b in _PAIRS)


def _ends_short_paragraph(line: Line, column: float) -> bool:
    return line.text[-1] in "。！？”" and not is_full(display_width(line.text), column) and display_width(line.text) < 12


def _isolated(lines: list[Line], i: int) -> bool:
    before = i == 0 or lines[i - 1].blank
    after = i + 1 >= len(lines) or lines[i + 1].blank
    return before and after


def _next_nonblank(lines: list[Line], i: int) -> Line | None:
    for j in range(i + 1, len(lines)):
        if not lines[j].blank:
            return lines[j]
    return None


def _prev_nonblank(lines: list[Line], i: int) -> Line | None:
    for j in range(i - 1, -1, -1):
        if not lines[j].blank:
            return lines[j]
    return None


def _masthead_sandwich(lines: list[Line]) -> None:
    """A short head-like line between masthead lines is masthead too (slogans, English names)."""
    for i, line in enumerate(lines):
        if line.role != "head":
            continue
        prev, nxt = _prev_nonblank(lines, i), _next_nonblank(lines, i)
        sides = [s for s in (prev, nxt) if s is not None]
        if sides and all(s.role == "noise" for s in sides):
            line.role = "noise"


def _names_after_body(lines: list[Line]) -> None:
    """A line of bare personal names right after a paragraph's end is that article's byline."""
    for i, line in enumerate(lines):
        if line.role != "head" or line.spaced or not NAMES_ONLY.match(line.text):
            continue
        prev = _prev_nonblank(lines, i)
        nxt = _next_nonblank(lines, i)
        if prev is not None and prev.role == "body" and prev.text[-1] in "。！？”":
            if nxt is None or nxt.role != "body" or len(line.text) <= 4 or " " in line.text:
                line.role = "byline"


# ---------------------------------------------------------------------------------------
# 2. blocks


def build_blocks(lines: list[Line]) -> list[Block]:
    columns = column_widths(lines)
    blocks: list[Block] = []
    para: list[Line] = []
    para_continues = False

    def flush():
        nonlocal para, para_continues
        if para:
            blocks.append(Block("para", para, _join(para), continues=para_continues))
        para, para_continues = [], False

    open_para = False  # the last body line did not end its paragraph
    for i, line in enumerate(lines):
        if line.role == "blank":
            continue
        if line.role != "body":
            flush()
            kind = {"head": "head", "byline": "byline", "jump": "jump"}.get(line.role, "noise")
            if kind == "head" and blocks and blocks[-1].kind == "head" and _same_head(blocks[-1], line, lines):
                blocks[-1].lines.append(line)
            else:
                blocks.append(Block(kind, [line], line.text))
            continue
        if para and DATELINE.match(line.text):
            flush()
        if not para:
            para_continues = open_para and line.text[:1] not in "“「《（(" and not DATELINE.match(line.text)
            para_continues = para_continues and bool(blocks) and blocks[-1].kind in ("para", "noise")
        para.append(line)
        nxt = _next_nonblank(lines, i)
        width = display_width(line.text)
        open_para = not ends_paragraph(line.text, width, columns[i], nxt.raw if nxt else None)
        if not open_para:
            flush()
    flush()
    for b in blocks:
        if b.kind == "head":
            b.text = " / ".join(l.text for l in b.lines)
    return blocks


def _same_head(block: Block, line: Line, lines: list[Line]) -> bool:
    """Consecutive head lines form one head (title, kicker, subtitle) when close together."""
    last = block.lines[-1]
    gap = sum(1 for l in lines if last.number < l.number < line.number and l.blank)
    return len(block.lines) < 4 and line.number - last.number <= 3 and gap <= 2


def _join(lines: list[Line]) -> str:
    """Reflow wrapped lines: CJK joins without a space, Latin words keep one."""
    text = ""
    for line in lines:
        piece = line.text
        if text and text[-1].isascii() and text[-1].isalnum() and piece[:1].isascii() and piece[:1].isalpha():
            text += " "
        text += piece
    return repair_spacing(text)


# ---------------------------------------------------------------------------------------
# 3. articles


def assemble(blocks: list[Block], stem: str) -> tuple[list[Article], list[str], dict[int, int]]:
    drafts: list[_Draft] = []
    noise: list[str] = []
    orphans: list[tuple[int, Block, Block | None]] = []  # (position, head, byline)
    cur: _Draft | None = None
    skip: set[int] = set()

    def new_draft(head: Block | None) -> _Draft:
        d = _Draft(Article(id=""))
        if head is not None:
            d.heads = head.lines
            d.headed = True
        drafts.append(d)
        return d

    for i, b in enumerate(blocks):
        if i in skip:
            continue
        if b.kind == "noise":
            noise.append(b.text)
        elif b.kind == "jump":
            noise.append(b.text)
            if cur is not None:
                cur.article.continued = JUMP.match(b.text).group(2).upper()
                cur.closed = True
        elif b.kind == "byline":
            if cur is not None and cur.article.byline is None and not (cur.closed and cur.article.paragraphs):
                cur.article.byline = _clean_byline(b.text)
                if cur.article.paragraphs:
                    cur.closed = True
            else:
                noise.append(b.text)
        elif b.kind == "head":
            nxt = _next_content(blocks, i)
            after = _next_content(blocks, nxt) if nxt is not None else None
            if nxt is not None and blocks[nxt].kind == "byline":
                byline = blocks[nxt]
                body = after
            else:
                byline, body = None, nxt
            if body is None or blocks[body].kind == "head":
                orphans.append((len(drafts), b, byline))
                if byline is not None:
                    skip.add(nxt)
                continue
            if cur is not None and _is_subhead(b, cur, blocks[body], byline):
                for line in b.lines:
                    line.role = "subhead"
                    cur.article.paragraphs.append(line.text)
                continue
            cur = new_draft(b)
            if byline is not None:
                cur.article.byline = _clean_byline(byline.text)
                skip.add(nxt)
        elif b.kind == "para":
            starts_new = (
                cur is None
                or cur.closed
                or (bool(DATELINE.match(b.text)) and bool(cur.article.paragraphs))
            )
            if starts_new:
                cur = new_draft(None)
                if b.continues or b.text[:1] in _CANNOT_START:
                    cur.article.complete_start = not (len(drafts) == 1)
            cur.article.paragraphs.append(b.text)
            for line in b.lines:
                line.article = len(drafts) - 1

    _place_orphans(drafts, orphans, noise)
    articles = []
    line_article: dict[int, int] = {}
    for d in drafts:
        if not d.article.paragraphs and not d.heads:
            continue
        _set_head(d)
        d.article.id = f"{stem}#{len(articles) + 1}"
        for line in d.heads:
            line_article[id(line)] = len(articles)
        articles.append(d.article)
    return articles, noise, line_article


def _next_content(blocks: list[Block], i: int) -> int | None:
    for j in range(i + 1, len(blocks)):
        if blocks[j].kind not in ("noise",):
            return j
    return None


def _is_subhead(head: Block, cur: _Draft, body: Block, byline: Block | None) -> bool:
    """A section sub-head stays in the open article; a new story's head has its own cues."""
    if cur.closed or byline is not None or not cur.article.paragraphs:
        return False
    if DATELINE.match(body.text):
        return False
    if any(line.spaced for line in head.lines):
        return False
    text = "".join(line.text for line in head.lines)
    if any(line.text.endswith(("——", "—")) or line.text.startswith("——") for line in head.lines):
        return False
    return len(head.lines) <= 2 and max(display_width(l.text) for l in head.lines) <= 18 and len(text) <= 34


def _place_orphans(drafts: list[_Draft], orphans, noise: list[str]) -> None:
    """Heads printed away from their body go to the untitled articles, nearest before first."""
    for position, head, byline in orphans:
        untitled = [k for k, d in enumerate(drafts) if not d.headed]
        if not untitled:
            noise.append(head.text)
            if byline is not None:
                noise.append(byline.text)
            continue
        before = [k for k in untitled if k < position]
        k = before[0] if before else untitled[0]
        d = drafts[k]
        d.heads = head.lines
        d.headed = True
        if byline is not None:
            if d.article.byline is None:
                d.article.byline = _clean_byline(byline.text)
            else:
                noise.append(byline.text)


def _set_head(d: _Draft) -> None:
    """Title and subtitle from a head group: kickers (…——) and decks (——…) are subtitles."""
    lines = [l for l in d.heads if l.text]
    if not lines:
        return
    subs = [l for l in lines if l.text.startswith("—") or l.text.endswith(("—", "：", ":"))]
    mains = [l for l in lines if l not in subs] or lines[-1:]
    title = mains[-1]
    rest = [l for l in lines if l is not title]
    d.article.title = title.text
    d.article.subtitle = " / ".join(l.text for l in rest) or None
    for l in lines:
        l.role = "headline" if l is title else "subtitle"


def _clean_byline(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------


def segment(page: Page) -> Source:
    """One page dump -> Source with articles (no summaries yet), noise and metadata."""
    lines = classify(split_lines(page.text))
    blocks = build_blocks(lines)
    stem = Path(page.source).stem if page.source != "-" else "stdin"
    articles, noise, head_article = assemble(blocks, stem)
    for line in lines:
        if id(line) in head_article:
            line.article = head_article[id(line)]
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


__all__ = ["segment", "classify", "build_blocks", "assemble", "Block", "is_full"]
