"""A story's head among its opening lines: what the tagger read as text or as a section head,
right at a draft's start or right under its head, that print says is head. Each function is
one statement about print; ``find_opening_head`` runs them in order on a finished draft,
before ``heads.set_head`` tells title from kicker and deck. One pass looks across the drafts
first: ``head_printed_above``, for a head the joiner left at the end of a text; then, story by
story, ``piece_under_head`` takes back a head's last piece read as noise or as an author's name
(a word or phrase run across the break, a word of the dictionary).
"""
from __future__ import annotations

from .blocks import Block, join_lines
from .heads import LABEL_CHARS, phrase_across
from .layout import CLOSING_MARKS, PARA_END, closes_sentence, display_width, printed_indent
from .line_context import CANNOT_START, head_wrapped
from .model import Line
from .nlp import is_common_word, splits_word
from .patterns import BYLINE, DATELINE, LEAD_IN, NAMES_ONLY
from .pieces import HEAD_CHARS, STRAY_HEAD, Draft, stray_head
from .similarity import overlap

SHORTER_THAN_TEXT = 4.5  # characters: a paragraph's first line is short of its column by an indent (two), a head's next piece by more
STATES = "。；;"  # a head may ask, exclaim or trail off ("…或滑出反垄断范围？", "上海市唯一！闵行…", "加快…专家："), never state and stop
OPENING_HEAD_LINES = 3  # a head is printed over one to three lines
TITLE_ECHO = 0.25  # of a head's character pairs its text repeats: real theory titles 0.33 and up, 94% of news titles 0.25


def _reads_as_head(text: str) -> bool:
    """Short enough for a head, stating no sentence, opening with no dateline. A deck under
    the title ("…问题——上海市十五届人大六次会议闭幕后") is a line of its own: the title's length
    is what counts."""
    title = text.split("——")[0] if not text.startswith("—") else text
    return len(title) <= HEAD_CHARS and not any(ch in STATES for ch in text) and not DATELINE.match(text)


def find_opening_head(d: Draft) -> None:
    """Every story has a head, and opens with its text."""
    _opening_section_is_head(d)
    _opening_lines_are_head(d)
    _section_under_head_is_head(d)
    _head_wrapped_on(d)
    _head_over_gap(d)


def _opening_section_is_head(d: Draft) -> None:
    """A story does not open with a section head: an untitled draft whose first paragraph is a
    section head's lines, more text under it, has it for its head."""
    if d.heads or len(d.article.paragraphs) < 2 or not d.texts:
        return
    first = [b for k, b in d.texts if k == 0]
    if len(first) != 1 or not all(line.role == "subhead" for line in first[0].lines):
        return
    _, texts = d.take(0, 1)
    d.heads = [line for _, b in texts for line in b.lines]
    for line in d.heads:
        line.role = "head"
    d.headed = True


def _section_under_head_is_head(d: Draft) -> None:
    """A story does not open with a section head either: section-head lines printed right
    under its head (no blank line, no author line between), more text under them, are more
    of the head -- its last piece wrapped at the head's width, or a deck ("生态环境部：推动碳排放权交易"
    / "管理暂行条例尽早出台" over the text); ``set_head`` tells which."""
    if not d.heads or len(d.article.paragraphs) < 2 or not d.texts or d.article.byline:
        return
    k, block = d.texts[0]
    if k != 0 or not all(line.role == "subhead" for line in block.lines):
        return
    if len(d.heads) + len(block.lines) > OPENING_HEAD_LINES + 1 \
            or block.lines[0].number != d.heads[-1].last_number + 1:
        return
    _, texts = d.take(0, 1)
    for _, b in texts:
        for line in b.lines:
            line.role = "head"
            d.heads.append(line)


def _opening_lines_are_head(d: Draft) -> None:
    """Every story has a head. An untitled draft (or one under a label, ``_label``, or under a
    kicker that only says who spoke, ``_lead_in_alone``, kept over the head as its kicker)
    whose opening lines read as one -- no sentence closed in them or at their end (a head may
    ask or exclaim), no word or sentence running on from them into what follows
    (``head_wrapped``), the text under them opening a sentence of its own and saying their words
    again -- has them for its head: one set right over its text with no gap
    ("今年2月末A股投资者数或破2亿大关" / "去年以来A股投资者总数不断向上"), the tagger reading it
    as the text's first line. The opening lines may run on into the next paragraph: a head
    wrapped at the column's width, its short last piece read as a paragraph of its own
    ("小鹏汽车：因宁德时代电池价格大" / "幅上涨，将逐步替换由中航锂电供" / "应")."""
    if d.heads and not (_label(d) or _lead_in_alone(d)) or not d.texts or not d.may_open_under_head:
        return
    k, block = d.texts[0]
    if k != 0 or block.continues or d.article.paragraphs[0] != block.text:
        return
    n = _head_lines(block.lines, d.article.paragraphs[1:], block.column)
    if not n and _runs_on(d):
        lines = block.lines + d.texts[1][1].lines
        n = _head_lines(lines, d.article.paragraphs[2:], block.column)
        if n:
            d.take(0, 2)
            block = Block("para", lines, join_lines(lines), column=block.column)
            d.put(0, [block.text], [(0, block)])
    if not n:
        return
    rest, above = block.lines[n:], d.heads
    if rest:
        after = join_lines(rest)
        d.texts[0] = (0, Block("para", rest, after, column=block.column))
        d.article.paragraphs[0] = after
        d.heads = block.lines[:n]
    else:
        _, texts = d.take(0, 1)
        d.heads = [line for _, b in texts for line in b.lines]
    for line in d.heads:
        line.role = "head"
    d.heads = above + d.heads
    d.headed = True
    d.article.complete_start = True  # a story under its head: its first line unindented, not cut


def _label(d: Draft) -> bool:
    """Is the draft's head a label over the story, not its head: a word or two that shares nothing
    with the text ("要闻", "深度报道", "北京日报") and is no author's name (nor one character: a
    piece of a vertical head)?"""
    head = "".join(line.text for line in d.heads)
    return 2 <= len(head) <= LABEL_CHARS and not NAMES_ONLY.match(head) and stray_head(d)


def _lead_in_alone(d: Draft) -> bool:
    """Do the draft's head lines read, together, as a kicker that says who spoke
    ("土耳其官方数据显示", "高盛集团表示"): one that leads in to a title, never is one (``LEAD_IN``)?"""
    return bool(LEAD_IN.search("".join(line.text for line in d.heads)))


def _runs_on(d: Draft) -> bool:
    """Do the draft's first two paragraphs, printed with no gap between them, make no more
    lines than a head has, the first closing no sentence?"""
    if len(d.texts) < 2 or d.texts[1][0] != 1 or d.article.paragraphs[1] != d.texts[1][1].text:
        return False
    first, second = d.texts[0][1], d.texts[1][1]
    return len(first.lines) + len(second.lines) <= OPENING_HEAD_LINES and first.text[-1:] not in PARA_END \
        and second.lines[0].number == first.lines[-1].last_number + 1


def _head_lines(lines: list[Line], more: list[str], column: float) -> int:
    """How many of a paragraph's opening ``lines`` are a head over the rest and the paragraphs
    ``more``: of the ways to read them so, the fewest lines under which the text opens as text
    does (``_head_goes_on``), else the fewest; 0 when none is."""
    heads = []
    for n in range(1, min(len(lines), OPENING_HEAD_LINES) + 1):
        head = "".join(line.text for line in lines[:n])
        if not _reads_as_head(head):
            break
        rest = lines[n:]
        if head[-1] in "，、；：,;:" or not rest and not more:
            continue
        after = join_lines(rest) if rest else "".join(more)
        if after[:1] in CANNOT_START or head_wrapped(head, after) or not _about(head, after, more):
            continue
        heads.append(n)
        if not _head_goes_on(rest, column):
            break
    if not heads:
        return 0
    return heads[-1] if not _head_goes_on(lines[heads[-1]:], column) else heads[0]


def _about(head: str, under: str, more: list[str]) -> bool:
    """Is a head about the text under it: sharing wording with the paragraph it stands on, or a
    quarter of its character pairs with the text as a whole (the paragraph under it may tell of
    another matter first): every real theory title shares a third, nearly every real news title
    (the news the generated pages are made of: 94%) a quarter."""
    return overlap(head, under) >= STRAY_HEAD or overlap(head, under + "".join(more)) >= TITLE_ECHO


def _head_goes_on(rest: list[Line], column: float) -> bool:
    """Is the first of the lines under a head's first lines no text's first line? Text set in a
    column opens with a line as wide as the column, short by an indent at most, or with a
    paragraph of one line; a narrower line wrapped on into more lines is the head's next piece
    ("国家统计局王萍萍：12月外来农业" / "户籍人口失业率为4.6%" / the text, set wider), and so is
    one as wide as the column when the dump prints the next line indented, as it prints a
    paragraph's first ("营收增长率不低于150%" over "\u3000\u3000恩捷股份披露股票"); a line printed
    indented is the text's."""
    first = rest[0].text if rest else ""
    ends = first[-1:] in PARA_END and closes_sentence(first)  # "协定“17条”" closes a quote, no sentence
    if len(rest) < 2 or ends or printed_indent(rest[0].raw):
        return False
    return display_width(first) < column - SHORTER_THAN_TEXT or printed_indent(rest[1].raw)


def _head_wrapped_on(d: Draft) -> None:
    """A column's text fills its lines but a paragraph's last. Lines right under a head, each
    narrower than the column by more than an indent and none closing a sentence, with the text
    going on under them, are no text's opening: they are the head wrapped on ("广东房协建议房企：
    提高政治" / "站位落实调控政策，积极销售" / "回款" over text set wider), even when the tagger
    cut them into paragraphs of their own ("机构调查：俄罗斯央行周五料" / "加息100个基点", a
    paragraph, over the text); ``set_head`` then tells a last piece from a deck."""
    run = _printed_under_head(d)
    if not run or DATELINE.match(run[0][1].text):
        return  # "本报讯 1月28日，…" right under the head, a gap under it: the text's first line
    lines = [line for _, block in run for line in block.lines]
    n = 0
    while len(d.heads) + n < OPENING_HEAD_LINES + 1 and _head_goes_on(lines[n:], run[0][1].column):
        n += 1
    if not n:
        n = _set_apart(run[0][1])  # a short piece of no sentence between the head and its text, a gap under it
    head = "".join(line.text for line in d.heads + lines[:n])
    if not n or not _reads_as_head(head):
        return
    whole, taken = 0, n  # the head's lines fill WHOLE paragraphs and TAKEN lines of the next
    while taken >= len(run[whole][1].lines):
        taken -= len(run[whole][1].lines)
        whole += 1
    block = run[whole][1]
    rest = block.lines[taken:]
    if head_wrapped(head, join_lines(rest)):
        return
    d.take(0, whole)
    d.texts[0] = (0, Block("para", rest, join_lines(rest), column=block.column))
    d.article.paragraphs[0] = d.texts[0][1].text
    for line in lines[:n]:
        line.role = "head"
        d.heads.append(line)


def _printed_under_head(d: Draft) -> list[tuple[int, Block]]:
    """The draft's opening paragraphs printed one right under the other, the first right under
    its head (no gap): where a head wrapped on may run."""
    run: list[tuple[int, Block]] = []
    if not d.heads:
        return run
    last = d.heads[-1].last_number
    for k, block in d.texts:
        if k != len(run) or block.continues or d.article.paragraphs[k] != block.text \
                or block.lines[0].number != last + 1:
            break
        run.append((k, block))
        last = block.lines[-1].last_number
    return run


def _set_apart(block: Block) -> int:
    """How many of a paragraph's opening lines stand apart from the rest by a gap (a blank
    line the paragraph runs on across), closing no sentence: a piece of head over its text."""
    for n in range(1, min(len(block.lines), OPENING_HEAD_LINES)):
        if block.lines[n].number > block.lines[n - 1].last_number + 1:
            return n if block.lines[n - 1].text[-1:] not in PARA_END else 0
    return 0


def _head_over_gap(d: Draft) -> None:
    """Short paragraphs printed right under a head, closing no sentence, with a gap under them
    and the text after it, are more of the head (a title under its kicker read as a line of
    text and a section head: "美国银行认为" / "美国银行：Alphabet拆分股票或引发其" / "他公司效仿，
    从而对大盘形成支撑" / gap / text); ``set_head`` tells which piece is the title."""
    if not d.heads:
        return
    last, lines, m = d.heads[-1].last_number, [], 0
    for k, block in d.texts:
        if k != m or block.lines[0].number != last + 1 or d.article.paragraphs[k] != block.text:
            break
        lines += block.lines
        last, m = block.lines[-1].last_number, m + 1
        following = next((b for j, b in d.texts if j == m), None)
        if following is None:  # a paragraph not read from a block of lines (a section head joined): no telling
            return
        if following.lines[0].number > last + 1:
            break
    else:
        return
    head = "".join(line.text for line in d.heads + lines)
    if not m or m >= len(d.article.paragraphs) or len(d.heads) + len(lines) > OPENING_HEAD_LINES + 1 \
            or DATELINE.match(lines[0].text) or not _reads_as_head(head) or head[-1] in PARA_END and closes_sentence(head):
        return
    d.take(0, m)
    for line in lines:
        line.role = "head"
        d.heads.append(line)


def head_printed_above(drafts: list[Draft], blocks: list[Block]) -> None:
    """A head set right over its text with no gap, read as a paragraph of its own, may end up
    in the story printed above it, or after its own text (the joiner took it for text cut off at
    a column's end). A paragraph short as a head and closing no sentence, printed right above an
    untitled story's first line (nothing but a blank line or that story's author line between) and
    about that story, is its head, wherever it went. A head may ask or exclaim ("…新能源车险不要
    中介？"); a source in brackets ("（央视）") closes the story above."""
    above: dict[int, tuple[Draft, Block]] = {}  # the line right under a paragraph
    for d in drafts:
        for k, block in d.texts:
            if _is_paragraph(d, k, block) and len(block.lines) <= OPENING_HEAD_LINES:
                above[block.lines[-1].last_number + 1] = (d, block)
                above.setdefault(block.lines[-1].last_number + 2, (d, block))  # over a blank line
    byline_over = {b.lines[-1].last_number + 1: b.lines[0].number for b in blocks if b.kind == "byline"}
    for story in drafts:
        if story.heads or not story.texts or story.texts[0][0] != 0 or not story.may_open_under_head:
            continue
        first = story.texts[0][1].lines[0].number
        found = above.get(first) or above.get(byline_over.get(first, -1))  # over the text, or over its author line
        if found is None:
            continue
        d, block = found
        k = next((j for j, b in d.texts if b is block), None)
        if k is None or not _is_paragraph(d, k, block) or d is story and len(d.article.paragraphs) < 2:
            continue
        head = "".join(line.text for line in block.lines)
        text = "".join(p for j, p in enumerate(story.article.paragraphs) if d is not story or j != k)
        if not _reads_as_head(head) or head.rstrip(CLOSING_MARKS)[-1:] in "。.…，、；：,;:" or head[:1] in "（(" \
                or not _about(head, text, []):
            continue
        d.take(k, k + 1)
        story.heads = list(block.lines)
        for line in story.heads:
            line.role = "head"
        story.headed = True
        story.article.complete_start = True
        above = {n: v for n, v in above.items() if v[1] is not block}


def piece_under_head(d: Draft, printed_at: dict[tuple[str, int], Block], noise: list[str]) -> None:
    """A short piece printed right under a story's last head line and read as its author's name
    or left as noise is the head's last piece when the head goes on into it: a word or a phrase
    of the story runs across the break ("…剑指287起异常交" / "易行为", "…即将获" / "批"), or it is
    a word of the dictionary no one is named ("…新冠病毒检测呈" / "阳性", its first character a
    surname; the tagger's bylines are judged so too, ``line_model.revise``). A name is no word
    of the head: "…的新" / "高静" makes "新高", but the story never prints "的新高"."""
    if not d.heads:
        return
    last = d.heads[-1]
    block = next((printed_at[kind, last.last_number + 1] for kind in ("noise", "head", "byline")
                  if (kind, last.last_number + 1) in printed_at), None)
    if block is None or len(block.lines) != 1:
        return
    piece = block.text
    # the story's author line (clean_byline spaces a lone name: "麦 丰 收"), or a piece left as noise
    authored = block.kind == "byline" and (d.article.byline or "").replace(" ", "") == piece.replace(" ", "")
    if not (authored or piece in noise):
        return
    runs_across = len(piece) <= PIECE_CHARS and not BYLINE.match(piece) and _runs_across(last.text, piece, d.article.text)
    if authored:
        no_name = len(piece) >= 2 and NAMES_ONLY.match(piece) and is_common_word(piece)
        if not (runs_across or no_name):
            return
        d.article.byline = None
    elif runs_across:
        noise.remove(piece)
    else:
        return
    block.lines[0].role = "head"
    d.heads.append(block.lines[0])
    piece_under_head(d, printed_at, noise)  # the head may go on again under this piece


PIECE_CHARS = 4  # characters: a piece taken back onto a head by its wording is no longer than a name


def _runs_across(upper: str, lower: str, text: str) -> bool:
    """Does the head go on into ``lower``? A name's surname may make a word with the head line's
    end ("…异常交" / "易建国": "交易"), its given name never goes on the story's wording: a piece read
    as a name goes on when the head's last character and its first two stand in the text ("交易行");
    any other piece when three characters across the break do, or a word runs across it."""
    if NAMES_ONLY.match(lower):
        return len(lower) >= 2 and upper[-1:] + lower[:2] in text
    return phrase_across(upper, lower, text) or splits_word(upper, lower)


def _is_paragraph(d: Draft, k: int, block: Block) -> bool:
    """Is ``block`` all of the draft's paragraph ``k`` (not a piece of one)?"""
    return k < len(d.article.paragraphs) and d.article.paragraphs[k] == block.text
