"""Articles from blocks: a head group opens an article, stays inside one as a section
sub-head, or is an orphan (printed away from its body) that goes to the untitled article
it is about. Nothing is dropped: a block that is no article's goes to noise.
"""
from __future__ import annotations

from .blocks import Block
from .layout import PARA_END, UNWRAPPED_WIDTH, display_width, is_full
from .model import Article, Line
from .patterns import AUTHOR_NOTE, DATELINE, JUMP, NAMES_ONLY, SIGNED_OFF, SLOGAN, SURNAMES
from .stitch import stitch
from .columns import join_column_cuts, join_lead_to_sections, join_parallel_sections, join_sections_by_topic
from .pieces import (KICKER_ENDS, MIN_ADJACENT_OVERLAP, MIN_HEAD_OVERLAP, MIN_TITLE_CHARS, STRAY_HEAD, STRAY_OVERLAP,
                     Draft, add_to_byline, clean_byline, cut_off, deepest_turn, has_note, join_labelled_fragment, join_noted_fragments,
                     join_small_fragments, overlap, place_orphans, similarity, split_at_quoted_title, split_draft,
                     split_off_other_author, stacked_heads, stray_head, to_noise)
from .roles import _CANNOT_START, _phrase_spaced
from .heads import LABEL_CHARS, set_head
from .text import is_han

COLUMN_CHANGE = 1.35  # a column this much wider or narrower is another box
KICKER_PHRASE = 8  # characters: a kicker set as a row of phrases this short
OTHER_TOPIC = 0.1  # bigram cosine under which the text after a head is not the article above's
MIN_TOPIC_CHARS = 50  # ... judged on this much text each side
TOPIC_WINDOW = 600  # characters after the head or gap (twice as many before it) that say what it is about
TOPIC_PARAGRAPHS = 12
LEAN_OVERLAP = 0.15  # a head line sharing this much with the text above (twice what it shares below) leans to it
NOTHING_SHARED = 0.1  # a head sharing less than this with the text under it is not that text's head
LONG_HEAD_CHARS = 16  # a head this long over another is a story's head more often than a kicker


def assemble(blocks: list[Block], stem: str, gaps: bool = True) -> tuple[list[Article], list[str], dict[int, int]]:
    """Blocks in dump order -> articles, noise, and the article each head line went to.
    ``gaps``: whether the page's extractor prints blank lines at all (PyMuPDF and pdftotext
    -raw print none; then two lines with no gap between them say nothing)."""
    state = _Assembly(blocks)
    handlers = {"noise": state.noise_block, "jump": state.jump_block, "byline": state.byline_block,
                "head": state.head_block, "para": state.para_block}
    for i, b in enumerate(blocks):
        if i not in state.skip:
            handlers[b.kind](i, b)
    return state.finish(stem, gaps)


class _Assembly:
    """The walk through a page's blocks: the drafts so far and the one being written."""

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.drafts: list[Draft] = []
        self.noise: list[str] = []
        self.orphans: list[tuple[int, Block, Block | None]] = []  # (position, head, byline)
        self.cur: Draft | None = None
        self.skip: set[int] = set()
        self.interrupted = False  # furniture (captions, credits) since the current article's last text
        self.page_end: Block | None = None  # a head with nothing after it on the page
        self.co_authors: list[int] = []  # author lines printed inside a running text

    def new_draft(self, head: Block | None) -> Draft:
        d = Draft(Article(id=""))
        if head is not None:
            d.heads = head.lines
            d.headed = True
        self.drafts.append(d)
        return d

    def noise_block(self, i: int, b: Block) -> None:
        cur = self.cur
        if cur is not None and _given_name_piece(b, cur):
            # "殷" under the head, "鹏" among the text: the extractor split the author's name
            cur.article.byline += b.text
            return
        self.noise.append(b.text)
        self.interrupted = cur is not None
        if cur is not None and SLOGAN.match(b.text) and cut_off(self.drafts) is not cur:
            cur.closed = True  # a page banner stands between articles, never inside one

    def jump_block(self, i: int, b: Block) -> None:
        self.noise.append(b.text)
        if self.cur is not None:
            self.cur.article.continued = JUMP.match(b.text).group(2).upper()
            self.cur.closed = True

    def byline_block(self, i: int, b: Block) -> None:
        blocks, cur = self.blocks, self.cur
        if b.lines[0].hint == "inside":
            # a co-author printed inside the text, which goes on: the byline of the article that
            # text ends up in takes the name once the articles are whole (it opens or closes none)
            self.co_authors.append(i)
            return
        nxt = _next_content(blocks, i)
        if cur is not None and not cur.closed and cut_off(self.drafts) is cur and NAMES_ONLY.match(b.text) \
                and nxt is not None and blocks[nxt].kind == "para":
            # names printed inside a cut sentence ("…制造业服务化" / "吴光胜" / "水平明显偏低。"):
            # more of the author line, and the sentence goes on
            add_to_byline(cur.article, clean_byline(b))
            cur.resumes = True
        elif cur is not None and cur.article.paragraphs and not cur.closed and AUTHOR_NOTE.match(b.text):
            # "（作者为…）" closes the article it ends, whoever its author line named
            add_to_byline(cur.article, clean_byline(b))
            cur.closed = True
        elif cur is not None and cur.closed and cur.article.byline and AUTHOR_NOTE.match(cur.article.byline) \
                and NAMES_ONLY.match(b.text):
            cur.article.byline = clean_byline(b) + " " + cur.article.byline  # the name printed after the note
        elif cur is not None and cur.closed and has_note(cur.article.byline) and NAMES_ONLY.match(b.text) \
                and (rest := split_off_other_author(cur, self.new_draft)) is not None:
            # a second author's name after the note: the note and the text since the
            # article's last turn of topic are another article run into this one
            rest.article.byline = clean_byline(b) + " " + rest.article.byline
            self.cur = rest
        elif cur is not None and cur.article.byline is None and not (cur.closed and cur.article.paragraphs):
            cur.article.byline = clean_byline(b)
            if cur.article.paragraphs:
                cur.closed = True
        elif nxt is not None and blocks[nxt].kind == "para" and (cur is None or cur.closed or cur.article.byline):
            self.cur = self.new_draft(None)  # an author line over the next article's text
            self.cur.article.byline = clean_byline(b)
            self.interrupted = False
        else:
            self.noise.append(b.text)

    def head_block(self, i: int, b: Block) -> None:
        blocks, cur = self.blocks, self.cur
        split_off = False
        if len(b.lines) > 1 and cur is not None and (cur.closed or _ended(cur)) \
                and (_about_text_before(b.lines[:1], cur, blocks, i)
                     or _leans_before(b, cur, blocks, i, head_waiting=self.head_waiting())
                     or _waiting_story_head(b, cur, blocks, i)) \
                and not _about_text_before(b.lines[1:2], cur, blocks, i) \
                and _heads_text(blocks, i) \
                and not (cur.article.byline is None and _signed_stranger(b.lines[1:], blocks, i)):
            # its first line is the head of the finished untitled text above ("代表委员这样说——"
            # printed after its feature), the rest the next story's (unless no story follows, or
            # the rest stands over an author line, not about the story after it, and the story
            # above has no author line yet: "浙江团队研发…" / "AI扫一眼，胃部病变早发现" / names)
            _retitle(cur, b.lines[:1], self.noise)
            cur.closed = True  # its head ends it: what follows is the next story's
            b = Block("head", b.lines[1:])
            split_off = True
        dash_head = len(b.lines) == 1 and b.lines[0].text.endswith(("——", "—"))
        if not split_off and (_kicker_over_title(b) or dash_head) and cur is not None and cur.headed \
                and (cur.closed or _ended(cur)):
            tail = _untitled_tail(cur, b.lines, blocks, i)
            if tail is not None:
                # kicker and title both of the last story above (or "代表委员这样说——" after the
                # feature it introduces), whose text ran on from the titled story before it:
                # that text is split off and takes them
                rest = split_draft(cur, tail, self.new_draft)
                _retitle(rest, b.lines, self.noise)
                rest.closed = cur.closed = True
                return
        if not split_off and len(b.lines) > 1 and cur is not None and cur.headed and (cur.closed or _ended(cur)):
            tail = _untitled_tail(cur, b.lines[:1], blocks, i)
            if tail is not None:
                # its first line is the head of the last story above, whose text ran on from
                # the titled story before it with no head between: that text is split off
                rest = split_draft(cur, tail, self.new_draft)
                _retitle(rest, b.lines[:1], self.noise)
                rest.closed = cur.closed = True
                b = Block("head", b.lines[1:])
                split_off = True
        nxt = _next_content(blocks, i)
        after = _next_content(blocks, nxt) if nxt is not None else None
        if nxt is not None and blocks[nxt].kind == "byline":
            byline = blocks[nxt]
            body = after
        else:
            byline, body = None, nxt
        if byline is not None and body is not None and blocks[body].kind == "head" and cur is not None \
                and (not cur.headed or stray_head(cur) or _label_for_head(cur, b)) \
                and (_ended(cur) or cur.article.continued) and len(cur.article.text) >= MIN_TOPIC_CHARS:
            # head and author line between an untitled finished story and another head: the
            # story's, printed after it (a title, author line and section head open no story
            # while the story above still waits for its head)
            self.close_with_head(cur, b, byline, nxt)
            return
        section_next = (byline is not None and body is not None and blocks[body].kind == "head"
                        and (len(blocks[body].lines) == 1 or _wrapped_head(blocks[body]))
                        and _next_content(blocks, body) is not None
                        and blocks[_next_content(blocks, body)].kind == "para"
                        # not the head of the untitled article above, printed after it
                        and not _about_text_before(b.lines, cur, blocks, _next_content(blocks, body) - 1))
        if body is None:
            self.page_end = b  # the page's last words
            if byline is None and cur is not None and cur.headed and stray_head(cur) and not cur.closed \
                    and _ended(cur) and _printed_after(b, cur, blocks, i):
                _retitle(cur, b.lines, self.noise)  # a stray line stood over it ("院士岛", a graphic's label)
                cur.closed = True
                return
        if (body is None or blocks[body].kind == "head") and not section_next:
            self.orphans.append((len(self.drafts), b, byline))
            if byline is not None:
                self.skip.add(nxt)
                if _about_text_before(b.lines, cur, blocks, nxt):
                    cur.closed = True  # its head and byline, printed after it, end it
            return
        own = _own_heads(stacked_heads(b), cur, blocks, i) if byline is None and cur is not None and cur.closed else []
        if own and _about_text_before(own, cur, blocks, i):
            _retitle(cur, own, self.noise)  # its head, printed after its text and byline
            if len(own) == len(b.lines):
                return
            b = Block("head", b.lines[len(own):])  # the next story's head, stacked under it
        cut = cur is not None and bool(cur.article.continued)  # cut by a jump marker: finished on this page
        if byline is None and cur is not None and (cut or not cur.closed and _ended(cur)) \
                and _printed_after(b, cur, blocks, i, cut=cut):
            _retitle(cur, b.lines, self.noise)  # its head, printed after its finished text
            cur.closed = True
            return
        cut = cut_off(self.drafts)
        if byline is None and cut is not None and (len(stacked_heads(b)) > 1 or split_off) \
                and not _about_text_after(b, blocks, i):
            # heads stacked apart, with no author under them and not about the text
            # after them, were printed away from their articles; that text is the rest
            # of the article cut off at a column's end
            self.orphans.append((len(self.drafts), b, None))
            self.cur = cut
            cut.resumes = True
            return
        if not section_next and cur is not None and _is_subhead(b, cur, blocks[body], byline, blocks, i):
            if self.interrupted:  # furniture came between: the section resumes the feature it belongs to
                cur = self.cur = next((d for d in reversed(self.drafts) if d.sectioned and d is not cur), cur)
            _add_section(cur, b.lines)
            self.interrupted = False
            return
        if cur is not None and not cur.headed and cur.article.byline and not cur.article.paragraphs:
            # an author line opened this article: a head under it is its first section head
            _add_section(cur, b.lines)
            return
        stacked = stacked_heads(b)
        # more than kicker and title: the rest may be other articles' heads; and a kicker
        # over a title may be the head of the untitled article above, printed after it
        keep = _kicker_and_title(stacked) if len(stacked) > 2 else len(stacked)
        while keep > 1 and (len(stacked) > 2 or cur is not None and (cur.closed or _ended(cur))) \
                and _about_text_before(stacked[-keep], cur, blocks, i):
            keep -= 1
        kicker_before = keep == 1 < len(stacked) == 2
        title_after = "".join(line.text for line in stacked[-1])
        if byline is not None and (kicker_before or len(stacked) == 1 and cur is not None
                                   and (_ended(cur) or bool(cur.article.continued))) \
                and (_about_text_before(stacked[-1], cur, blocks, nxt)
                     or kicker_before and overlap(title_after, _text_after(blocks, nxt)) < STRAY_OVERLAP
                     # a one-line head sharing some words with the story above and none with the
                     # text below (a story whose own head is printed after it)
                     or len(stacked) == 1 and _printed_after(b, cur, blocks, nxt)
                     # or one that outdoes the line standing over the story, and is not about the
                     # text below ("为有金融活水来" over a story on 普惠金融)
                     or len(stacked) == 1 and _label_for_head(cur, b)
                     and overlap(title_after, _text_after(blocks, nxt)) < STRAY_OVERLAP):
            # kicker, title and author line (or title and author line under a finished text)
            # all about the untitled text above, not the text after them: its head, printed
            # after it ("沪苏浙皖警方…" / "三省人才…" / "（记者 杨 洁）"); a title under such a
            # kicker that is about neither text goes with its kicker ("AI扫一眼，胃部病变早发现")
            self.close_with_head(cur, b, byline, nxt)
            return
        if keep < len(stacked):
            new = self.new_draft(Block("head", [l for part in stacked[-keep:] for l in part]))
            new.spare_heads = stacked[:-keep]
        else:
            new = self.new_draft(b)
        self.cur = new
        self.interrupted = False
        if byline is not None:
            new.article.byline = clean_byline(byline)
            self.skip.add(nxt)
        if section_next:
            _add_section(new, blocks[body].lines)
            self.skip.add(body)

    def head_waiting(self) -> bool:
        """Has a head (and author line) printed after the story above been set aside for it?"""
        return bool(self.orphans) and self.orphans[-1][0] == len(self.drafts)

    def close_with_head(self, cur: Draft, head: Block, byline: Block, at: int) -> None:
        """The head and author line (block ``at``) printed after the story above: its own."""
        _retitle(cur, head.lines, self.noise)
        if cur.article.byline is None:
            cur.article.byline = clean_byline(byline)
        else:
            self.noise.append(byline.text)
        self.skip.add(at)
        cur.closed = True

    def para_block(self, i: int, b: Block) -> None:
        cur = self.cur
        starts_new = (
            cur is None
            or cur.closed
            or (bool(DATELINE.match(b.text)) and bool(cur.article.paragraphs))
            or self.interrupted and cut_off(self.drafts) is cur and _other_column(cur.last_para, b)
            or _another_story(cur, b, self.blocks, i)
        )
        first_text = not any(d.article.paragraphs for d in self.drafts)
        if not starts_new and first_text and cur.headed and cur.article.byline is None and _opens_mid_paragraph(b) \
                and overlap("".join(line.text for line in cur.heads), _text_after(self.blocks, i - 1)) < STRAY_HEAD:
            # the page opens in the middle of an article, under a stray line (a slogan) taken
            # for a head, with no author line under it: the line is furniture, the text the
            # rest of an article
            _retitle(cur, [], self.noise)
            cur.headed = False
            cur.article.complete_start = False
        if starts_new:
            cur = self.cur = self.new_draft(None)
            if b.continues or b.text[:1] in _CANNOT_START or first_text and _opens_mid_paragraph(b):
                cur.article.complete_start = not (len(self.drafts) == 1)
        if cur.resumes:
            cur.article.paragraphs[-1] += b.text
            cur.resumes = False
        else:
            cur.article.paragraphs.append(b.text)
        cur.texts.append((len(cur.article.paragraphs) - 1, b))
        cur.last_para = b
        self.interrupted = False

    def finish(self, stem: str, gaps: bool = True) -> tuple[list[Article], list[str], dict[int, int]]:
        drafts, noise = self.drafts, self.noise
        join_column_cuts(drafts)
        join_parallel_sections(drafts)
        place_orphans(drafts, self.orphans, noise, self.page_end)
        join_lead_to_sections(drafts)
        split_at_quoted_title(drafts)
        join_labelled_fragment(drafts)
        join_noted_fragments(drafts)
        join_small_fragments(drafts)
        stitch(drafts)
        join_sections_by_topic(drafts)
        articles = []
        line_article: dict[int, int] = {}
        for d in drafts:
            if not d.article.paragraphs and not d.heads:
                if d.article.byline:  # all its text went to another article; its author line is kept
                    noise.append(d.article.byline)
                continue
            set_head(d, noise, gaps)
            d.article.id = f"{stem}#{len(articles) + 1}"
            for line in d.heads + [line for _, block in d.texts for line in block.lines]:
                line_article[id(line)] = len(articles)
            articles.append(d.article)
        for i in self.co_authors:
            text_before = (line for b in reversed(self.blocks[:i]) if b.kind == "para" for line in b.lines)
            home = next((line_article[id(line)] for line in text_before if id(line) in line_article), None)
            if home is None:
                noise.append(self.blocks[i].text)
            else:
                add_to_byline(articles[home], clean_byline(self.blocks[i]))
        return articles, noise, line_article


def _untitled_tail(cur: Draft, part: list[Line], blocks: list[Block], i: int) -> int | None:
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
            and after_turn > overlap(head, _text_after(blocks, i)) \
            and overlap("".join(line.text for line in cur.heads), "".join(paragraphs[turn:])) < STRAY_OVERLAP:
        return turn
    return None


def _retitle(draft: Draft, lines: list[Line], noise: list[str]) -> None:
    """The draft's own head, found after its text: a stray line it had for a head is noise."""
    to_noise(draft.heads, noise)
    draft.heads, draft.headed = lines, True


def _heads_text(blocks: list[Block], i: int) -> bool:
    """Is text what follows the head (past an author line)? Not when another head follows."""
    nxt = _next_content(blocks, i)
    if nxt is not None and blocks[nxt].kind == "byline":
        nxt = _next_content(blocks, nxt)
    return nxt is not None and blocks[nxt].kind == "para"


def _given_name_piece(block: Block, draft: Draft) -> bool:
    """A lone character set apart in an article whose author line is a lone surname."""
    byline = draft.article.byline or ""
    return (len(block.text) == 1 and is_han(block.text) and bool(draft.article.paragraphs)
            and len(byline) == 1 and byline in SURNAMES)


def _kicker_and_title(stacked: list[list[Line]]) -> int:
    """How many of the stacked parts, from the last, are this article's head: the title,
    the kicker over it, and more kicker phrases when the kicker is a row of short ones
    ("不是此消彼长" / "而是相辅相成", "双手联弹" / "双量发力" / …)."""
    def phrase(part: list[Line]) -> bool:
        return all(len(line.text) <= KICKER_PHRASE for line in part)

    keep = 2
    while keep < len(stacked) and phrase(stacked[-keep]) and phrase(stacked[-keep - 1]):
        keep += 1
    return keep


def _wrapped_head(head: Block) -> bool:
    """Two short lines straight after each other ("不忘初心走在" / "时代前列"): one sub-head
    wrapped in a narrow box, not a kicker and a title."""
    a, b = head.lines[0], head.lines[-1]
    return len(head.lines) == 2 and b.number == a.last_number + 1 and len(a.text) + len(b.text) <= 16


def _add_section(draft: Draft, lines: list[Line]) -> None:
    """A section sub-head: each of its lines is a paragraph of the article, or one
    paragraph when it is one head wrapped over two lines."""
    for line in lines:
        line.role = "subhead"
    if _wrapped_head(Block("head", lines)):
        draft.article.paragraphs.append("".join(line.text for line in lines))
    else:
        draft.article.paragraphs.extend(line.text for line in lines)
    draft.sectioned = True


def _next_content(blocks: list[Block], i: int) -> int | None:
    for j in range(i + 1, len(blocks)):
        if blocks[j].kind not in ("noise",):
            return j
    return None


def _is_subhead(head: Block, cur: Draft, body: Block, byline: Block | None, blocks: list[Block], i: int) -> bool:
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
    if _kicker_over_title(head):
        return False  # a kicker set apart over its title ("…新通道？" / "科技点燃新质生产力"): a story's head
    if not read_as_section and not (len(head.lines) <= 2 and max(display_width(l.text) for l in head.lines) <= 18
                                    and len(text) <= 34):
        return False
    closing = _closing_byline(blocks, i)
    same_author = closing is not None and AUTHOR_NOTE.match(closing.text) and not has_note(cur.article.byline)
    if cur.article.byline and closing is not None and not same_author:
        return False  # an article has one author line: text closed by another is another story (the
        # author's note that closes a commentary signed under its head is the same author's)
    if SIGNED_OFF.search(cur.article.paragraphs[-1]):
        return False  # "…内生发展动力。（经参）": a source credit ends its story
    if read_as_section and all(line.font_size is not None for line in head.lines):
        return True  # a PDF's type size says section head: no need to guess from the topic
    # a section goes on about what its article was about; a story under its own head is
    # about something else (their bigram cosine is below any section's on the real pages)
    return not _other_topic(cur, _text_after(blocks, i, TOPIC_WINDOW), MIN_TOPIC_CHARS)


def _another_story(cur: Draft, para: Block, blocks: list[Block], i: int) -> bool:
    """Text after a finished story and a gap, about something else, is another story (its
    head, if any, printed elsewhere). Width alone would split features whose boxes differ
    in width; in the same column, more text is needed to judge the topic by."""
    last = cur.last_para
    if last is None or para.lines[0].number <= last.lines[-1].last_number + 1:
        return False
    if not _ended(cur) and not _opens_afresh(para):
        return False
    widths = [_set_width(last), _set_width(para)]
    other_column = None not in widths and max(widths) / min(widths) >= COLUMN_CHANGE
    least = MIN_TOPIC_CHARS if other_column else 3 * MIN_TOPIC_CHARS
    return _other_topic(cur, para.text + _text_after(blocks, i, TOPIC_WINDOW), least)


def _opens_afresh(para: Block) -> bool:
    """Its first line is indented, as only a paragraph's first line is: the text does not go
    on from a sentence cut at a column's end."""
    return len(para.lines) >= 2 and para.column > 0 and not is_full(display_width(para.lines[0].text), para.column)


def _other_topic(cur: Draft, after: str, least: int) -> bool:
    """Is ``after`` about something else than the article so far? Judged on at least
    ``least`` characters each side, and on a window of each (the text just after and a
    longer stretch just before), so that a page of any length is read in linear time."""
    before = "".join(cur.article.paragraphs[-TOPIC_PARAGRAPHS:])[-2 * TOPIC_WINDOW :]
    after = after[:TOPIC_WINDOW]
    return len(after) >= least and len(before) >= least and similarity(after, before) < OTHER_TOPIC


def _set_width(para: Block) -> float | None:
    """The width a paragraph of two lines or more is set at: its widest line; a paragraph
    printed as one line wider than any column is set unwrapped, a box of its own."""
    if len(para.lines) < 2:
        width = display_width(para.lines[0].text)
        return width if width > UNWRAPPED_WIDTH else None
    return max(display_width(line.text) for line in para.lines) or None


def _leans_before(head: Block, cur: Draft, blocks: list[Block], i: int, head_waiting: bool = False) -> bool:
    """A head group's first line shares some words (an editor's headline need not share
    many) with the finished untitled text above and fewer with the story below, while the
    rest of the group is plainly that story's head: the first line is the text above's."""
    if cur.headed and not stray_head(cur) or not cur.article.paragraphs:
        return False
    below = _story_after(blocks, i)
    first = head.lines[0].text
    rest = "".join(line.text for line in head.lines[1:])
    before, after = overlap(first, cur.article.text), overlap(first, below)
    # sharing (almost) nothing with the story below, it is no kicker of that story's: a
    # little with the text above is enough, twice as much as with the story below
    leans = before >= STRAY_OVERLAP or before >= LEAN_OVERLAP and before >= 2 * after and not head_waiting
    return leans and before > after and overlap(rest, below) >= MIN_HEAD_OVERLAP


def _waiting_story_head(head: Block, cur: Draft, blocks: list[Block], i: int) -> bool:
    """Two long heads stacked apart after a finished story that has none, the first sharing
    next to nothing with the story below (an editor's headline over wire copy may share
    nothing with either text): the first is the waiting story's head, not a kicker."""
    stacked = stacked_heads(head)
    if cur.headed and not stray_head(cur) or len(stacked) != 2 or not cur.article.paragraphs:
        return False
    first = "".join(line.text for line in stacked[0])
    if first.endswith(KICKER_ENDS) or len(first) < LONG_HEAD_CHARS:
        return False
    return overlap(first, _story_after(blocks, i)) < NOTHING_SHARED


def _printed_after(head: Block, cur: Draft, blocks: list[Block], i: int, cut: bool = False) -> bool:
    """Is a head about the finished untitled text above it, and not about the text below
    (which then is another story, its head printed after it too)? After a story cut by a
    jump marker (a few lines, few words to share) a head sharing nothing with the text below
    needs fewer words with it."""
    if cur.headed and not stray_head(cur) or not cur.article.paragraphs:
        return False
    text = "".join(line.text for line in head.lines)
    before, after = overlap(text, cur.article.text), overlap(text, _text_after(blocks, i))
    return before >= MIN_HEAD_OVERLAP and after < STRAY_OVERLAP \
        or (cut or len(head.lines) == 1) and before >= MIN_ADJACENT_OVERLAP and after < NOTHING_SHARED


def _own_heads(stacked: list[list[Line]], cur: Draft, blocks: list[Block], i: int) -> list[Line]:
    """Of heads stacked after a finished story, those about it: the last parts, about the
    text below and not the story, head the next story (its text follows with no author
    line between: "沪苏浙皖警方…" / "三省人才…" / "解码“杭州六小龙”…")."""
    keep = len(stacked)
    while keep > 1 and _about_text_after(Block("head", stacked[keep - 1]), blocks, i) \
            and not _about_text_before(stacked[keep - 1], cur, blocks, i):
        keep -= 1
    return [line for part in stacked[:keep] for line in part]


def _label_for_head(cur: Draft, head: Block) -> bool:
    """The story's head is one line, a label's ("巡检机器人", "浙大杭州国际科创中心": a graphic's,
    sharing a word or two with the text by chance), and a head printed after the story is
    about it: twice as much as that line, or at all when the line has a label's few characters
    (two words of five shared are chance)."""
    if len(cur.heads) != 1:
        return False
    label = overlap(cur.heads[0].text, cur.article.text)
    after = overlap("".join(line.text for line in head.lines), cur.article.text)
    return after >= MIN_HEAD_OVERLAP and (len(cur.heads[0].text) <= LABEL_CHARS or after >= 2 * label - 1e-9)


def _signed_stranger(lines: list[Line], blocks: list[Block], i: int) -> bool:
    """Does an author line follow head block ``i``, with ``lines`` not about the text after it?"""
    nxt = _next_content(blocks, i)
    if nxt is None or blocks[nxt].kind != "byline":
        return False
    return overlap("".join(l.text for l in lines), _story_after(blocks, i)) < STRAY_OVERLAP


def _story_after(blocks: list[Block], i: int) -> str:
    """The text a head block ``i`` stands over, past its author line if one follows."""
    nxt = _next_content(blocks, i)
    return _text_after(blocks, nxt if nxt is not None and blocks[nxt].kind == "byline" else i)


def _closing_byline(blocks: list[Block], i: int) -> Block | None:
    """The author line that closes the text after block ``i``, when one does."""
    for b in blocks[i + 1 :]:
        if b.kind == "byline":
            return b
        if b.kind in ("head", "jump"):
            return None
    return None


def _opens_mid_paragraph(para: Block) -> bool:
    """Its first line reaches the column's edge: no paragraph's first line (indented) does,
    so the text goes on from a line the page does not print."""
    return len(para.lines) >= 2 and para.column > 0 and not DATELINE.match(para.text) \
        and display_width(para.lines[0].text) >= para.column - 0.5


def _kicker_over_title(head: Block) -> bool:
    """Two heads stacked apart, the first ending as a kicker does ("…新通道？" / "科技点燃新质生产力")."""
    stacked = stacked_heads(head)
    return len(stacked) == 2 and "".join(l.text for l in stacked[0]).endswith(KICKER_ENDS)


def _other_column(last: Block | None, para: Block) -> bool:
    """Set in a column of another width: another box of the page."""
    if last is None or not last.column or not para.column:
        return False
    return max(last.column, para.column) / min(last.column, para.column) >= COLUMN_CHANGE


def _about_text_after(head: Block, blocks: list[Block], i: int) -> bool:
    """Is a head about the text that follows it (a kicker and title over their story)?"""
    return overlap("".join(l.text for l in head.lines), _text_after(blocks, i)) >= MIN_HEAD_OVERLAP


def _ended(draft: Draft) -> bool:
    """Its text ends with a sentence end (it was not cut off at a column's end)."""
    return bool(draft.article.paragraphs) and draft.article.paragraphs[-1][-1:] in PARA_END


def _about_text_before(part: list[Line], cur: Draft | None, blocks: list[Block], i: int) -> bool:
    """Is a head more about the untitled article above it than about the text below? (An
    article under a stray line, a masthead slogan over its text, counts as untitled.)"""
    if cur is None or cur.headed and not stray_head(cur) or not cur.article.paragraphs:
        return False
    head = "".join(line.text for line in part)
    before = overlap(head, cur.article.text)
    return before >= MIN_HEAD_OVERLAP and before > overlap(head, _text_after(blocks, i))


def _text_after(blocks: list[Block], i: int, limit: int | None = None) -> str:
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
