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
from .nlp import splits_word
from .patterns import ART_CREDIT, BULLET, BYLINE, PHOTO_WORDS, SLOGAN, SURNAMES, CAPTION, CREDIT, DATELINE, JUMP, MASTHEAD, NAMES_ONLY, PHOTO_CREDIT_END
from .text import han_count, is_han, repair_spacing

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
    sectioned: bool = False  # has section sub-heads: a long feature
    spare_heads: list = field(default_factory=list)  # extra stacked head lines, maybe other articles' titles
    decks: list = field(default_factory=list)  # a deck (——…) printed apart from its title


# ---------------------------------------------------------------------------------------
# 1. roles


MAX_HEAD_LINES = 4
MIN_HEAD_OVERLAP = 0.5  # an orphan head must be about the article it is given to
# A line starting with one of these particles continues the text before it.
CONTINUES_TEXT = "的地得了着过们"


def classify(lines: list[Line]) -> list[Line]:
    """Give every line a role: blank, noise, caption, jump, byline, head, body."""
    columns = column_widths(lines)
    for line in lines:
        line.role = "blank" if line.blank else _furniture_role(line, display_width(line.text))
    _lone_surnames(lines)
    candidate = _head_candidates(lines, columns)
    for run in _candidate_runs(lines, candidate):
        for i in _confirmed(lines, columns, run):
            lines[i].role = "head"
    _heads_before_datelines(lines)
    _masthead_sandwich(lines)
    _names_after_body(lines)
    return lines


def _head_candidates(lines: list[Line], columns: list[float]) -> list[bool]:
    """Body lines that could be heads, given whether the text before them closed.

    A candidate closes the text before the next line only if it looks finished
    (short, followed by a gap, or letter-spaced); a full-width one may be a wrapped
    first line, so it must not make the next line a candidate too.
    """
    candidate = [False] * len(lines)
    prev_closed = True
    for i, line in enumerate(lines):
        if line.role == "blank":
            continue
        if line.role != "body":
            prev_closed = True
            continue
        width = display_width(line.text)
        j = _next_nonblank_index(lines, i)
        candidate[i] = _looks_like_head(line, width, columns[i], prev_closed, lines, i)
        if candidate[i] and (_is_short(line, columns[i]) or _head_spacing(line) or _phrase_spaced(line)
                             or j is None or j > i + 1):
            prev_closed = True
        else:
            prev_closed = ends_paragraph(line.text, width, columns[i], lines[j].raw if j is not None else None,
                                         gap_after=j is not None and j > i + 1)
    return candidate


def _candidate_runs(lines: list[Line], candidate: list[bool]) -> list[list[int]]:
    runs: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if line.blank:
            continue
        if candidate[i]:
            current.append(i)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _confirmed(lines: list[Line], columns: list[float], run: list[int]) -> list[int]:
    """A head is followed by a gap, a byline, a dateline or furniture -- never directly by
    the rest of its sentence. The run is trimmed from its end until its last line ends a
    head; every earlier line must end its own line of the head the same way. More than
    four lines is body."""
    run = list(run)
    while run and not _ends_head(lines, columns, run[-1], run[0], last=True):
        run.pop()
    for k in range(len(run) - 2, -1, -1):
        if not _ends_head(lines, columns, run[k], run[0], last=False):
            run = run[k + 1 :]
            break
    if len(run) > MAX_HEAD_LINES:
        return []
    return run


def _ends_head(lines: list[Line], columns: list[float], i: int, first: int, last: bool) -> bool:
    j = _next_nonblank_index(lines, i)
    nxt = lines[j] if j is not None else None
    if nxt is None:
        return True
    if nxt.role == "body" and nxt.text[:1] in CONTINUES_TEXT:
        return False  # "…社会发展" + "的核心战略": the text goes on
    if last and (nxt.role in ("byline", "noise", "jump", "caption") or DATELINE.match(nxt.text)):
        return True
    if not last and nxt.role == "byline":
        return True
    line = lines[i]
    prev = _prev_nonblank(lines, i)
    after_article_end = prev is not None and prev.role in ("byline", "jump") and i == first
    looks_finished = ((not last and j > i + 1) or _is_short(line, columns[i]) or _head_spacing(line) or _phrase_spaced(line)
                      or display_width(line.text) > columns[i] + 2 or after_article_end
                      or (line.text.endswith(("—", "？", "！", "?", "!")) and j > i + 1))
    gap = j > i + 1
    if not looks_finished or (last and not gap) or splits_word(line.text, nxt.text):
        return False
    return True


def _head_spacing(line: Line) -> bool:
    """Letter-spaced like a display head: spaced out and no punctuation inside.
    (Justified body text is letter-spaced too, but it carries commas.)"""
    return line.spaced and not any(ch in line.text[:-1] for ch in "，、。；：,;")


def _lone_surnames(lines: list[Line]) -> None:
    """An author's name right under a head line ("夏春涛", or "叶" when the extractor split
    the name across lines) is a byline, before heads are confirmed by what follows them."""
    for i, line in enumerate(lines):
        if line.role != "body" or not (len(line.text) == 1 and line.text in SURNAMES or NAMES_ONLY.match(line.text)):
            continue
        prev = lines[i - 1] if i else None
        after = lines[i + 1] if i + 1 < len(lines) else None
        if prev is not None and not prev.blank and prev.role == "body" and prev.text[-1] not in _BODY_PUNCT_END + "。！？”" \
                and display_width(prev.text) <= MAX_HEAD_WIDTH and (after is None or after.blank):
            line.role = "byline"


def _heads_before_datelines(lines: list[Line]) -> None:
    """Up to three unpunctuated lines right before a dateline (本报讯…) are that story's head,
    provided the text before them closed (else they are the end of the previous paragraph)."""
    for i, line in enumerate(lines):
        if line.role != "body" or not DATELINE.match(line.text):
            continue
        group: list[Line] = []
        j = i - 1
        while j >= 0 and len(group) < 3:
            prev = lines[j]
            if prev.blank or prev.role == "head":
                j -= 1
                continue
            if prev.role != "body" or display_width(prev.text) > MAX_HEAD_WIDTH or prev.text[-1] in _BODY_PUNCT_END + "。" \
                    or not _balanced(prev.text) or BULLET.match(prev.text):
                break
            group.append(prev)
            j -= 1
        before = lines[j] if j >= 0 else None
        if before is None or before.role != "body" or before.text[-1] in "。！？”…":
            for prev in group:
                prev.role = "head"


def _next_nonblank_index(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if not lines[j].blank:
            return j
    return None


def _furniture_role(line: Line, width: float) -> str:
    text = line.text
    if JUMP.match(text):
        return "jump"
    if CREDIT.match(text) or ART_CREDIT.match(text) or SLOGAN.match(text):
        return "noise"
    if CAPTION.match(text):
        return "caption"
    if width <= 60 and MASTHEAD.search(text):
        return "noise"
    if width <= 45 and (BYLINE.match(line.spaced_raw) or BYLINE.match(text)) and not text.endswith(("。", "，")):
        return "byline"
    if han_count(text) == 0 and width <= 40:
        return "noise"  # Latin-only or digit-only furniture: "Sci-Tech & Finance Times", "2"
    if line.hint in ("glued", "duplicate"):
        return "noise"  # a spaced-out slogan the extractor glued in front of a headline
    return "body"


def _looks_like_head(line: Line, width: float, column: float, prev_closed: bool, lines: list[Line], i: int) -> bool:
    text = line.text
    if han_count(text) < 2 or width > MAX_HEAD_WIDTH or text[-1] in _BODY_PUNCT_END and not _colon_head(line, width, column):
        return False
    if text[0] in _CANNOT_START.replace("：", "") or DATELINE.match(text) or BULLET.match(text) or not _balanced(text):
        return False
    if _head_spacing(line) and "\n" in line.raw:
        return True  # a vertical head
    if not prev_closed:
        # the column before was cut off (continued elsewhere); a line set apart by gaps and
        # wider than the column still reads as a head
        return _isolated(lines, i) and (width > column + 2 or _head_spacing(line))
    if text.endswith(("——", "—", "：")):
        return True
    nxt = _next_nonblank(lines, i)
    wider_than_column = width > column + 2
    short = _is_short(line, column)
    if text[-1] in "？！?!…" and not (wider_than_column or _isolated(lines, i)):
        return False
    if nxt is not None and nxt.text[:1] in _CANNOT_START:
        return False
    if nxt is not None and lines[i + 1] is nxt and _ends_short_paragraph(nxt, column):
        return False  # "…的发展" + "分享了个人见解。": the first of two wrapped lines
    return True


def _colon_head(line: Line, width: float, column: float) -> bool:
    """"安徽和县：" over "新绿染夏田": a head broken after its colon (short, nothing else ends so)."""
    return line.text[-1] in "：:" and width <= column * 0.6


def _phrase_spaced(line: Line) -> bool:
    """"科技 点燃新质生产力", "激活创新动能 推动高质量发展": a display head set as spaced phrases."""
    tokens = line.raw.split()
    return 2 <= len(tokens) <= 3 and all(len(t) >= 2 and all(is_han(ch) for ch in t) for t in tokens)


def _is_short(line: Line, column: float) -> bool:
    width = display_width(line.text)
    return width < column * 0.8 or width <= column - 4


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
        if not lines[j].blank and lines[j].hint != "duplicate":
            return lines[j]
    return None


def _masthead_sandwich(lines: list[Line]) -> None:
    """A short head-like line between masthead lines is masthead too (slogans, English names)."""
    real = [k for k, l in enumerate(lines) if not l.blank and l.hint != "duplicate"]
    for p, i in enumerate(real):
        if lines[i].role != "head":
            continue
        sides = [lines[real[q]] for q in (p - 1, p + 1) if 0 <= q < len(real)]
        if sides and all(s.role == "noise" for s in sides):
            lines[i].role = "noise"


def _names_after_body(lines: list[Line]) -> None:
    """A line of bare personal names is a byline: after a paragraph's end (the article's
    last line) or right under a head (an author line)."""
    for i, line in enumerate(lines):
        if line.role not in ("head", "body") or line.spaced and "\n" in line.raw or not NAMES_ONLY.match(line.text):
            continue
        prev = _prev_nonblank(lines, i)
        nxt = _next_nonblank(lines, i)
        if (prev is None or prev.role in ("head", "noise", "byline", "jump")) and (nxt is None or nxt.role in ("body", "head")):
            line.role = "byline"  # an author line under (or beside) a head, or over the next text
        elif line.role == "head" and prev is not None and prev.role == "body" and prev.text[-1] in "。！？”":
            if nxt is None or nxt.role != "body" or len(line.text) <= 4 or " " in line.text:
                line.role = "byline"


# ---------------------------------------------------------------------------------------
# 2. blocks


def build_blocks(lines: list[Line]) -> list[Block]:
    columns = column_widths(lines)
    blocks: list[Block] = []
    set_aside: list[Block] = []  # repeated head fragments: noise that must not split a head
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
        if line.hint == "duplicate":
            set_aside.append(Block("noise", [line], line.text))
            continue
        if line.role != "body":
            flush()
            kind = {"head": "head", "byline": "byline", "jump": "jump"}.get(line.role, "noise")
            if kind == "head" and blocks and blocks[-1].kind == "head" and _same_head(blocks[-1], line, lines):
                blocks[-1].lines.append(line)
            else:
                blocks.append(Block(kind, [line], line.text))
            continue
        if para and (DATELINE.match(line.text) or BULLET.match(line.text)):
            flush()
        if not para:
            para_continues = open_para and line.text[:1] not in "“「《（(" and not DATELINE.match(line.text)
            para_continues = para_continues and bool(blocks) and blocks[-1].kind in ("para", "noise")
        para.append(line)
        j = _next_nonblank_index(lines, i)
        width = display_width(line.text)
        open_para = not ends_paragraph(line.text, width, columns[i], lines[j].raw if j is not None else None,
                                       gap_after=j is not None and j > i + 1)
        if not open_para:
            flush()
    flush()
    _captions_by_content(blocks)
    blocks.extend(set_aside)
    for b in blocks:
        if b.kind == "head":
            b.text = " / ".join(l.text for l in b.lines)
    return blocks


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


def _same_head(block: Block, line: Line, lines: list[Line]) -> bool:
    """Consecutive head lines form one head (title, kicker, subtitle) when close together."""
    last = block.lines[-1]
    gap = sum(1 for l in lines if last.last_number < l.number < line.number and l.blank)
    return len(block.lines) < MAX_HEAD_LINES and line.number - last.last_number <= 3 and gap <= 2


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
    interrupted = False  # furniture (captions, credits) since the current article's last text

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
            interrupted = cur is not None
        elif b.kind == "jump":
            noise.append(b.text)
            if cur is not None:
                cur.article.continued = JUMP.match(b.text).group(2).upper()
                cur.closed = True
        elif b.kind == "byline":
            nxt = _next_content(blocks, i)
            if cur is not None and cur.article.byline is None and not (cur.closed and cur.article.paragraphs):
                cur.article.byline = _clean_byline(b)
                if cur.article.paragraphs:
                    cur.closed = True
            elif nxt is not None and blocks[nxt].kind == "para" and (cur is None or cur.closed or cur.article.byline):
                cur = new_draft(None)  # an author line over the next article's text
                cur.article.byline = _clean_byline(b)
                interrupted = False
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
            section_next = (byline is not None and body is not None and blocks[body].kind == "head"
                            and len(blocks[body].lines) == 1 and _next_content(blocks, body) is not None
                            and blocks[_next_content(blocks, body)].kind == "para")
            if (body is None or blocks[body].kind == "head") and not section_next:
                orphans.append((len(drafts), b, byline))
                if byline is not None:
                    skip.add(nxt)
                continue
            if not section_next and cur is not None and _is_subhead(b, cur, blocks[body], byline):
                if interrupted:  # furniture came between: the section resumes the feature it belongs to
                    cur = next((d for d in reversed(drafts) if d.sectioned and d is not cur), cur)
                for line in b.lines:
                    line.role = "subhead"
                    cur.article.paragraphs.append(line.text)
                cur.sectioned = True
                interrupted = False
                continue
            if cur is not None and not cur.headed and cur.article.byline and not cur.article.paragraphs:
                # an author line opened this article: a head under it is its first section head
                for line in b.lines:
                    line.role = "subhead"
                    cur.article.paragraphs.append(line.text)
                cur.sectioned = True
                continue
            stacked = _stacked_heads(b)
            if len(stacked) > 2:  # more than kicker and title: the rest may be other articles' heads
                cur = new_draft(Block("head", [l for part in stacked[-2:] for l in part]))
                cur.spare_heads = stacked[:-2]
            else:
                cur = new_draft(b)
            interrupted = False
            if byline is not None:
                cur.article.byline = _clean_byline(byline)
                skip.add(nxt)
            if section_next:
                section = blocks[body]
                for line in section.lines:
                    line.role = "subhead"
                    cur.article.paragraphs.append(line.text)
                cur.sectioned = True
                skip.add(body)
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
            interrupted = False
            for line in b.lines:
                line.article = drafts.index(cur)

    _place_orphans(drafts, orphans, noise)
    articles = []
    line_article: dict[int, int] = {}
    for d in drafts:
        if not d.article.paragraphs and not d.heads:
            continue
        _set_head(d, noise)
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
    if any(line.spaced or _phrase_spaced(line) for line in head.lines):
        return False
    text = "".join(line.text for line in head.lines)
    if any(line.text.endswith(("——", "—")) or line.text.startswith("——") for line in head.lines):
        return False
    return len(head.lines) <= 2 and max(display_width(l.text) for l in head.lines) <= 18 and len(text) <= 34


def _place_orphans(drafts: list[_Draft], orphans, noise: list[str]) -> None:
    """Heads printed away from their body go to the untitled articles.

    Best-matching pairs first: a head names what its article is about, so most of its
    character bigrams occur in the article's text. A head that matches no waiting
    article (a page banner, a column label) is furniture.
    When more articles wait than heads were found, a head group whose lines stand apart
    (blank lines between) is several heads stacked by the extractor.
    """
    for d in drafts:  # a deck alone ("——学习…") still waits for its title
        if d.headed and d.heads and all(l.text.startswith("—") for l in d.heads):
            d.headed, d.decks, d.heads = False, d.heads, []
    waiting = [d for d in drafts if not d.headed and d.article.paragraphs]
    groups: list[tuple[int, list[Line], Block | None]] = []
    for position, d in enumerate(drafts):
        for lines in d.spare_heads:
            if waiting:
                groups.append((position, lines, None))
            else:
                d.heads = lines + d.heads
        d.spare_heads = []
    for position, head, byline in orphans:
        parts = _stacked_heads(head) if len(waiting) > len(orphans) else [head.lines]
        groups += [(position, lines, byline if k == len(parts) - 1 else None) for k, lines in enumerate(parts)]
    # best-matching (head, article) pairs first; a head that matches no waiting article
    # (a page banner, a column label) is furniture
    pending = list(range(len(groups)))
    while pending:
        untitled = [k for k, d in enumerate(drafts) if not d.headed and d.article.paragraphs]
        pairs = [(_head_overlap(groups[g][1], drafts[k].article), -abs(k - groups[g][0]), g, k)
                 for g in pending for k in untitled]
        pairs = [p for p in pairs if p[0] >= MIN_HEAD_OVERLAP]
        if not pairs:
            break
        _, _, g, k = max(pairs)
        pending.remove(g)
        _, lines, byline = groups[g]
        d = drafts[k]
        d.heads = lines
        d.headed = True
        if byline is not None:
            if d.article.byline is None:
                d.article.byline = _clean_byline(byline)
            else:
                noise.append(byline.text)
    for d in drafts:
        d.heads = d.heads + d.decks
        d.headed = d.headed or bool(d.decks)
        d.decks = []
    for g in pending:
        _, lines, byline = groups[g]
        noise.extend(l.text for l in lines)
        if byline is not None:
            noise.append(byline.text)


def _stacked_heads(head: Block) -> list[list[Line]]:
    parts: list[list[Line]] = [[head.lines[0]]]
    for prev, line in zip(head.lines, head.lines[1:]):
        if line.number > prev.last_number + 1 and not prev.text.endswith(("——", "—", "：", ":")) \
                and not line.text.startswith("—"):
            parts.append([line])
        else:
            parts[-1].append(line)
    return parts


def _head_overlap(lines: list[Line], article: Article) -> float:
    """Share of the head's character bigrams found in the article's text."""
    head = "".join(l.text for l in lines)
    grams = {head[i : i + 2] for i in range(len(head) - 1)}
    if not grams:
        return 0.0
    text = "".join(article.paragraphs)
    return sum(1 for g in grams if g in text) / len(grams)


def _set_head(d: _Draft, noise: list[str]) -> None:
    """Title and subtitle from a head group: kickers (…——) and decks (——…) are subtitles.

    A head the extractor printed in fragments ("新时代：" / "新时代" / "：发展新方位") is
    put together again; a fragment that only repeats another goes to noise.
    """
    lines = [l for l in d.heads if l.text]
    if not lines:
        return
    texts = [l.text for l in lines]
    for a in range(len(texts)):
        for c in range(a + 1, len(texts)):
            if texts[a] and texts[c] and texts[a].endswith(("：", ":")) and texts[c].startswith(("：", ":")):
                texts[a] = texts[a] + texts[c][1:]
                noise.append(lines[c].text[:1])
                texts[c] = ""
    for b in range(len(texts)):
        if texts[b] and any(o is not texts[b] and len(o) > len(texts[b]) and o.startswith(texts[b]) for o in texts):
            noise.append(texts[b])
            texts[b] = ""
    for a in range(len(texts) - 1):  # "安徽和县：" directly over "新绿染夏田" is one title
        c = a + 1
        if texts[a] and texts[c] and texts[a].endswith(("：", ":")) and lines[c].number == lines[a].last_number + 1 \
                and not texts[c].startswith(("—", "：", ":")):
            texts[c] = texts[a] + texts[c]
            texts[a] = ""
    pairs = [(l, t) for l, t in zip(lines, texts) if t]
    subs = [(l, t) for l, t in pairs if t.startswith("—") or t.endswith(("—", "：", ":"))]
    mains = [p for p in pairs if p not in subs] or pairs[-1:]
    title = mains[-1]
    if len(pairs) > 1 and pairs[-1][1].endswith("——"):
        title = pairs[-1]  # "代表委员这样说——" right over the text it introduces
    d.article.title = title[1]
    d.article.subtitle = " / ".join(t for l, t in pairs if l is not title[0]) or None
    for l in lines:
        l.role = "headline" if l is title[0] else "subtitle"


def _clean_byline(block: Block) -> str:
    """Bylines keep the spaces between names ("本报记者 陈路漫 通讯员 胡珂")."""
    return " ".join(" ".join(line.raw.split()) for line in block.lines)


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
