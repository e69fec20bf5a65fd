"""Cues the assembler reads at a head or a paragraph: does this head open a story, sit inside
one as a section head, or belong to the text before it; does this text go on the story above
or open another? Each is a small judgement over the blocks around it (topic, column width,
what the text shares with a head, author lines), kept apart from the walk that uses them.
"""
from __future__ import annotations

from .blocks import Block
from .layout import PARA_END, UNWRAPPED_WIDTH, display_width, is_full
from .model import Line
from .patterns import AUTHOR_NOTE, DATELINE, SIGNED_OFF, SURNAMES
from .pieces import (KICKER_ENDS, MIN_ADJACENT_OVERLAP, MIN_HEAD_OVERLAP, MIN_TITLE_CHARS, STRAY_OVERLAP,
                     Draft, deepest_turn, has_note, stacked_heads, stray_head, to_noise)
from .similarity import overlap, similarity
from .roles import _phrase_spaced
from .heads import LABEL_CHARS
from .text import is_han

COLUMN_CHANGE = 1.35  # a column this much wider or narrower is another box
KICKER_PHRASE = 8  # characters: a kicker set as a row of phrases this short
OTHER_TOPIC = 0.1  # bigram cosine under which the text after a head is not the article above's
SIZED_OTHER_TOPIC = 0.05  # ... under a head its type size reads as a section head's
MIN_TOPIC_CHARS = 50  # ... judged on this much text each side
TOPIC_WINDOW = 600  # characters after the head or gap (twice as many before it) that say what it is about
TOPIC_PARAGRAPHS = 12
NOTHING_SHARED = 0.1  # a head sharing less than this with the text under it is not that text's head


def untitled_tail(cur: Draft, part: list[Line], blocks: list[Block], i: int) -> int | None:
    """Where the story a head printed after its text begins, when that text ran on from a
    titled story: the deepest turn of topic, with the head about the text after the turn
    and not about the titled text before it, nor about the text after the head."""
    head = "".join(line.text for line in part)
    if len(head) < MIN_TITLE_CHARS:
        return None  # "智能芯片": a graphic's label shares its few words with any long text
    turn = deepest_turn(cur)
    if turn is None:
        return None
    paragraphs = cur.article.paragraphs
    after_turn = overlap(head, "".join(paragraphs[turn:]))
    if after_turn >= MIN_HEAD_OVERLAP and overlap(head, "".join(paragraphs[:turn])) < STRAY_OVERLAP \
            and after_turn > overlap(head, text_after(blocks, i)) \
            and overlap("".join(line.text for line in cur.heads), "".join(paragraphs[turn:])) < STRAY_OVERLAP:
        return turn
    return None


def retitle(draft: Draft, lines: list[Line], noise: list[str]) -> None:
    """The draft's own head, found after its text: a stray line it had for a head is noise."""
    to_noise(draft.heads, noise)
    draft.heads, draft.headed = lines, True


def heads_text(blocks: list[Block], i: int) -> bool:
    """Is text what follows the head (past an author line)? Not when another head follows."""
    nxt = next_content(blocks, i)
    if nxt is not None and blocks[nxt].kind == "byline":
        nxt = next_content(blocks, nxt)
    return nxt is not None and blocks[nxt].kind == "para"


def given_name_piece(block: Block, draft: Draft) -> bool:
    """A lone character set apart in an article whose author line is a lone surname."""
    byline = draft.article.byline or ""
    return (len(block.text) == 1 and is_han(block.text) and bool(draft.article.paragraphs)
            and len(byline) == 1 and byline in SURNAMES)


def kicker_and_title(stacked: list[list[Line]]) -> int:
    """How many of the stacked parts, from the last, are this article's head: the title,
    the kicker over it, and more kicker phrases when the kicker is a row of short ones
    ("不是此消彼长" / "而是相辅相成", "双手联弹" / "双量发力" / …)."""
    def phrase(part: list[Line]) -> bool:
        return all(len(line.text) <= KICKER_PHRASE for line in part)

    keep = 2
    while keep < len(stacked) and phrase(stacked[-keep]) and phrase(stacked[-keep - 1]):
        keep += 1
    return keep


def wrapped_head(head: Block) -> bool:
    """Two short lines straight after each other ("不忘初心走在" / "时代前列"): one sub-head
    wrapped in a narrow box, not a kicker and a title."""
    a, b = head.lines[0], head.lines[-1]
    return len(head.lines) == 2 and b.number == a.last_number + 1 and len(a.text) + len(b.text) <= 16


def add_section(draft: Draft, lines: list[Line]) -> None:
    """A section sub-head: each of its lines is a paragraph of the article, or one
    paragraph when it is one head wrapped over two lines."""
    read_as_section = all(line.role == "subhead" for line in lines)
    for line in lines:
        line.role = "subhead"
    if read_as_section and all(b.number == a.last_number + 1 for a, b in zip(lines, lines[1:])) \
            or wrapped_head(Block("head", lines)):  # one section head wrapped over lines
        draft.article.paragraphs.append("".join(line.text for line in lines))
    else:
        draft.article.paragraphs.extend(line.text for line in lines)
    draft.sectioned = True


def next_content(blocks: list[Block], i: int) -> int | None:
    for j in range(i + 1, len(blocks)):
        if blocks[j].kind not in ("noise",):
            return j
    return None


def is_subhead(head: Block, cur: Draft, body: Block, byline: Block | None, blocks: list[Block], i: int) -> bool:
    """A section sub-head stays in the open article; a new story's head has its own cues."""
    if cur.closed or byline is not None or not cur.article.paragraphs:
        return False
    if DATELINE.match(body.text):
        return False
    read_as_section = all(line.tag == "subhead" for line in head.lines)  # the tagger's reading, when it ran
    if not read_as_section and any(line.spaced or _phrase_spaced(line) for line in head.lines):
        return False
    text = "".join(line.text for line in head.lines)
    if any(line.text.endswith(("——", "—")) or line.text.startswith("——") for line in head.lines):
        return False
    if kicker_over_title(head):
        return False  # a kicker set apart over its title ("…新通道？" / "科技点燃新质生产力"): a story's head
    if not read_as_section and not (len(head.lines) <= 2 and max(display_width(l.text) for l in head.lines) <= 18
                                    and len(text) <= 34):
        return False
    closing = closing_byline(blocks, i)
    same_author = closing is not None and AUTHOR_NOTE.match(closing.text) and not has_note(cur.article.byline)
    if cur.article.byline and closing is not None and not same_author:
        return False  # an article has one author line: text closed by another is another story (the
        # author's note that closes a commentary signed under its head is the same author's)
    if SIGNED_OFF.search(cur.article.paragraphs[-1]):
        return False  # "…内生发展动力。（经参）": a source credit ends its story
    if read_as_section and all(line.font_size is not None for line in head.lines):
        # a PDF's type size says section head: only text plainly about something else says not
        return not other_topic(cur, text_after(blocks, i, TOPIC_WINDOW), MIN_TOPIC_CHARS, SIZED_OTHER_TOPIC)
    # a section goes on about what its article was about; a story under its own head is
    # about something else (their bigram cosine is below any section's on the real pages)
    return not other_topic(cur, text_after(blocks, i, TOPIC_WINDOW), MIN_TOPIC_CHARS)


def another_story(cur: Draft, para: Block, blocks: list[Block], i: int) -> bool:
    """Text after a finished story and a gap, about something else, is another story (its
    head, if any, printed elsewhere). Width alone would split features whose boxes differ
    in width; in the same column, more text is needed to judge the topic by."""
    last = cur.last_para
    if last is None or para.lines[0].number <= last.lines[-1].last_number + 1:
        return False
    if not ended(cur) and not opens_afresh(para):
        return False
    widths = [set_width(last), set_width(para)]
    other_column = None not in widths and max(widths) / min(widths) >= COLUMN_CHANGE
    least = MIN_TOPIC_CHARS if other_column else 3 * MIN_TOPIC_CHARS
    return other_topic(cur, para.text + text_after(blocks, i, TOPIC_WINDOW), least)


def opens_afresh(para: Block) -> bool:
    """Its first line is indented, as only a paragraph's first line is: the text does not go
    on from a sentence cut at a column's end."""
    return len(para.lines) >= 2 and para.column > 0 and not is_full(display_width(para.lines[0].text), para.column)


def other_topic(cur: Draft, after: str, least: int, below: float = OTHER_TOPIC) -> bool:
    """Is ``after`` about something else than the article so far (alike under ``below``)?
    Judged on at least ``least`` characters each side, and on a window of each (the text
    just after and a longer stretch just before), so that a page of any length is read in
    linear time."""
    before = "".join(cur.article.paragraphs[-TOPIC_PARAGRAPHS:])[-2 * TOPIC_WINDOW :]
    after = after[:TOPIC_WINDOW]
    return len(after) >= least and len(before) >= least and similarity(after, before) < below


def set_width(para: Block) -> float | None:
    """The width a paragraph of two lines or more is set at: its widest line; a paragraph
    printed as one line wider than any column is set unwrapped, a box of its own."""
    if len(para.lines) < 2:
        width = display_width(para.lines[0].text)
        return width if width > UNWRAPPED_WIDTH else None
    return max(display_width(line.text) for line in para.lines) or None


def printed_after(head: Block, cur: Draft, blocks: list[Block], i: int, cut: bool = False) -> bool:
    """Is a head about the finished untitled text above it, and not about the text below
    (which then is another story, its head printed after it too)? After a story cut by a
    jump marker (a few lines, few words to share) a head sharing nothing with the text below
    needs fewer words with it."""
    if cur.headed and not stray_head(cur) or not cur.article.paragraphs:
        return False
    text = "".join(line.text for line in head.lines)
    before, after = overlap(text, cur.article.text), overlap(text, text_after(blocks, i))
    return before >= MIN_HEAD_OVERLAP and after < STRAY_OVERLAP \
        or (cut or len(head.lines) == 1) and before >= MIN_ADJACENT_OVERLAP and after < NOTHING_SHARED


def own_heads(stacked: list[list[Line]], cur: Draft, blocks: list[Block], i: int) -> list[Line]:
    """Of heads stacked after a finished story, those about it: the last parts, about the
    text below and not the story, head the next story (its text follows with no author
    line between: "沪苏浙皖警方…" / "三省人才…" / "解码“杭州六小龙”…")."""
    keep = len(stacked)
    while keep > 1 and about_text_after(Block("head", stacked[keep - 1]), blocks, i) \
            and not about_text_before(stacked[keep - 1], cur, blocks, i):
        keep -= 1
    return [line for part in stacked[:keep] for line in part]


def label_for_head(cur: Draft, head: Block) -> bool:
    """The story's head is one line, a label's ("巡检机器人", "浙大杭州国际科创中心": a graphic's,
    sharing a word or two with the text by chance), and a head printed after the story is
    about it: twice as much as that line, or at all when the line has a label's few characters
    (two words of five shared are chance)."""
    if len(cur.heads) != 1:
        return False
    label = overlap(cur.heads[0].text, cur.article.text)
    after = overlap("".join(line.text for line in head.lines), cur.article.text)
    return after >= MIN_HEAD_OVERLAP and (len(cur.heads[0].text) <= LABEL_CHARS or after >= 2 * label - 1e-9)


def signed_stranger(lines: list[Line], blocks: list[Block], i: int) -> bool:
    """Does an author line follow head block ``i``, with ``lines`` not about the text after it?"""
    nxt = next_content(blocks, i)
    if nxt is None or blocks[nxt].kind != "byline":
        return False
    return overlap("".join(l.text for l in lines), story_after(blocks, i)) < STRAY_OVERLAP


def story_after(blocks: list[Block], i: int) -> str:
    """The text a head block ``i`` stands over, past its author line if one follows."""
    nxt = next_content(blocks, i)
    return text_after(blocks, nxt if nxt is not None and blocks[nxt].kind == "byline" else i)


def closing_byline(blocks: list[Block], i: int) -> Block | None:
    """The author line that closes the text after block ``i``, when one does."""
    for b in blocks[i + 1 :]:
        if b.kind == "byline":
            return b
        if b.kind in ("head", "jump"):
            return None
    return None


def _reaches_edge(para: Block) -> bool:
    return display_width(para.lines[0].text) >= para.column - 0.5


def indents_paragraphs(blocks: list[Block]) -> bool:
    """Does the page indent its paragraphs' first lines? Of its paragraphs of more than one
    line after its first (the one in question), those not going on from a column before and
    not opening with a dateline, at least half open short of the column's edge; with no such
    paragraph, it is taken to (the common setting)."""
    paras = [b for b in blocks if b.kind == "para"][1:]
    opening = [b for b in paras if len(b.lines) >= 2 and b.column > 0 and not b.continues and not DATELINE.match(b.text)]
    return sum(not _reaches_edge(b) for b in opening) * 2 >= len(opening)


def opens_mid_paragraph(para: Block, indents: bool = True) -> bool:
    """Its first line reaches the column's edge: on a page that indents its paragraphs no
    paragraph's first line does, so the text goes on from a line the page does not print."""
    return indents and len(para.lines) >= 2 and para.column > 0 and not DATELINE.match(para.text) \
        and _reaches_edge(para)


def kicker_over_title(head: Block) -> bool:
    """Two heads stacked apart, the first ending as a kicker does ("…新通道？" / "科技点燃新质生产力")."""
    stacked = stacked_heads(head)
    return len(stacked) == 2 and "".join(l.text for l in stacked[0]).endswith(KICKER_ENDS)


def about_text_after(head: Block, blocks: list[Block], i: int) -> bool:
    """Is a head about the text that follows it (a kicker and title over their story)?"""
    return overlap("".join(l.text for l in head.lines), text_after(blocks, i)) >= MIN_HEAD_OVERLAP


def ended(draft: Draft) -> bool:
    """Its text ends with a sentence end (it was not cut off at a column's end)."""
    return bool(draft.article.paragraphs) and draft.article.paragraphs[-1][-1:] in PARA_END


def about_text_before(part: list[Line], cur: Draft | None, blocks: list[Block], i: int) -> bool:
    """Is a head more about the untitled article above it than about the text below? (An
    article under a stray line, a masthead slogan over its text, counts as untitled.)"""
    if cur is None or cur.headed and not stray_head(cur) or not cur.article.paragraphs:
        return False
    head = "".join(line.text for line in part)
    before = overlap(head, cur.article.text)
    return before >= MIN_HEAD_OVERLAP and before > overlap(head, text_after(blocks, i))


def text_after(blocks: list[Block], i: int, limit: int | None = None) -> str:
    """The text after block ``i`` up to the next head, author line or jump (its first
    ``limit`` characters or so, when given)."""
    paragraphs, size = [], 0
    for b in blocks[i + 1 :]:
        if b.kind in ("head", "byline", "jump") or limit is not None and size >= limit:
            break
        if b.kind == "para":
            paragraphs.append(b.text)
            size += len(b.text)
    return "".join(paragraphs)
