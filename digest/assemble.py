"""Articles from blocks: a head group opens an article, stays inside one as a section
sub-head, or is an orphan (printed away from its body) that goes to the untitled article
it is about. Nothing is dropped: a block that is no article's goes to noise.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import story_cues as cues
from .blocks import Block
from .model import Article
from .patterns import AUTHOR_NOTE, DATELINE, JUMP, NAMES_ONLY, SLOGAN, SOURCE_ALONE, SURNAMES
from .text import SENTENCE_END, is_han
from .opening_heads import find_opening_head, head_printed_above, piece_under_head
from .split import split
from .stitch import stitch
from .columns import join_column_cuts, join_lead_to_sections, join_parallel_sections, join_sections_by_topic
from .pieces import (STRAY_HEAD, STRAY_OVERLAP, Draft, add_to_byline, clean_byline, cut_off, has_note,
                     join_labelled_fragment, join_noted_fragments, join_sentence_fragments, join_small_fragments,
                     place_orphans, split_at_quoted_title, split_draft, split_off_other_author, stacked_heads, stray_head)
from .similarity import overlap
from .author_lines import names_as_written
from .line_context import CANNOT_START
from .heads import rehome_heads, set_head, swap_crossed_titles


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


@dataclass
class _HeadAt:
    """A head block being read, and what the dump prints after it."""

    i: int
    block: Block
    nxt: int | None  # the next block with content
    byline: Block | None  # an author line right after the head
    body: int | None  # the block after the head (and its author line)
    section_next: bool  # head, author line, then a section head over text: the section opens the story
    split_off: bool  # the group's first line went to the story above as its head
    stacked: list = field(default_factory=list)  # the head's pieces set apart by gaps
    keep: int = 0  # how many of them, from the last, are the new story's


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
        self.indents = cues.indents_paragraphs(blocks)

    def new_draft(self, head: Block | None) -> Draft:
        d = Draft(Article(id=""))
        if head is not None:
            d.heads = head.lines
            d.headed = True
        self.drafts.append(d)
        return d

    def noise_block(self, i: int, b: Block) -> None:
        cur = self.cur
        if cur is not None and cues.given_name_piece(b, cur):
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
        nxt = cues.next_content(blocks, i)
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
        """A head group, read as the first of these that fits it (each reading assumes the ones
        before it did not): the head of the story above, printed after it; a label or orphan
        away from its text; a section head of the story running; or the head of a new story."""
        at = self._look_ahead(i, *self._first_line_heads_above(i, b))
        if self._heads_story_before_next_head(at) or self._ends_page(at) or self._orphan(at) \
                or self._own_heads_after_byline(at) or self._printed_after_text(at) \
                or self._away_from_cut_text(at) or self._section_head(at) or self._first_section(at) \
                or self._kicker_title_author_above(at):
            return
        self._open_story(at)

    def _first_line_heads_above(self, i: int, b: Block) -> tuple[Block, bool]:
        """The group's first line may be the head of the story above, the rest the next
        story's: returns the rest, and whether the first line went."""
        blocks, cur = self.blocks, self.cur
        if len(b.lines) > 1 and cur is not None and (cur.closed or cues.ended(cur)) \
                and cues.about_text_before(b.lines[:1], cur, blocks, i) \
                and not cues.about_text_before(b.lines[1:2], cur, blocks, i) \
                and cues.heads_text(blocks, i) \
                and not (cur.article.byline is None and cues.signed_stranger(b.lines[1:], blocks, i)):
            # its first line is the head of the finished untitled text above ("代表委员这样说——"
            # printed after its feature), the rest the next story's (unless no story follows, or
            # the rest stands over an author line, not about the story after it, and the story
            # above has no author line yet: "浙江团队研发…" / "AI扫一眼，胃部病变早发现" / names)
            cues.retitle(cur, b.lines[:1], self.noise)
            cur.closed = True  # its head ends it: what follows is the next story's
            return Block("head", b.lines[1:]), True
        if len(b.lines) > 1 and cur is not None and cur.headed and (cur.closed or cues.ended(cur)):
            tail = cues.untitled_tail(cur, b.lines[:1], blocks, i)
            if tail is not None:
                # its first line is the head of the last story above, whose text ran on from
                # the titled story before it with no head between: that text is split off
                rest = split_draft(cur, tail, self.new_draft)
                cues.retitle(rest, b.lines[:1], self.noise)
                rest.closed = cur.closed = True
                return Block("head", b.lines[1:]), True
        return b, False

    def _look_ahead(self, i: int, b: Block, split_off: bool) -> _HeadAt:
        """What the dump prints after the head: an author line, then the block it stands over."""
        blocks = self.blocks
        nxt = cues.next_content(blocks, i)
        if nxt is not None and blocks[nxt].kind == "byline":
            byline, body = blocks[nxt], cues.next_content(blocks, nxt)
        else:
            byline, body = None, nxt
        under = cues.next_content(blocks, body) if body is not None else None
        section_next = (byline is not None and body is not None and blocks[body].kind == "head"
                        and (len(blocks[body].lines) == 1 or cues.wrapped_head(blocks[body]))
                        and under is not None and blocks[under].kind == "para"
                        # not the head of the untitled article above, printed after it
                        and not cues.about_text_before(b.lines, self.cur, blocks, under - 1))
        return _HeadAt(i, b, nxt, byline, body, section_next, split_off)

    def _heads_story_before_next_head(self, at: _HeadAt) -> bool:
        """Head and author line between an untitled finished story and another head: the
        story's, printed after it (a title, author line and section head open no story while
        the story above still waits for its head)."""
        cur, blocks = self.cur, self.blocks
        if at.byline is not None and at.body is not None and blocks[at.body].kind == "head" and cur is not None \
                and (not cur.headed or stray_head(cur) or cues.label_for_head(cur, at.block)) \
                and (cues.ended(cur) or cur.article.continued) and len(cur.article.text) >= cues.MIN_TOPIC_CHARS:
            self.close_with_head(cur, at.block, at.byline, at.nxt)
            return True
        return False

    def _ends_page(self, at: _HeadAt) -> bool:
        """The page's last words; a stray line that stood over the story above ("院士岛", a
        graphic's label) gives way to them as its head."""
        cur = self.cur
        if at.body is not None:
            return False
        self.page_end = at.block
        if at.byline is None and cur is not None and cur.headed and stray_head(cur) and not cur.closed \
                and cues.ended(cur) and cues.printed_after(at.block, cur, self.blocks, at.i):
            cues.retitle(cur, at.block.lines, self.noise)
            cur.closed = True
            return True
        return False

    def _orphan(self, at: _HeadAt) -> bool:
        """A head with no text under it (another head, or the page's end): printed away from
        its story, which ``place_orphans`` finds once the page is read."""
        if not (at.body is None or self.blocks[at.body].kind == "head") or at.section_next:
            return False
        self.orphans.append((len(self.drafts), at.block, at.byline))
        if at.byline is not None:
            self.skip.add(at.nxt)
            if cues.about_text_before(at.block.lines, self.cur, self.blocks, at.nxt):
                self.cur.closed = True  # its head and byline, printed after it, end it
        return True

    def _own_heads_after_byline(self, at: _HeadAt) -> bool:
        """The story above, closed by its author line, may get its head printed after it; a
        head stacked under that one is the next story's (read on)."""
        cur = self.cur
        own = cues.own_heads(stacked_heads(at.block), cur, self.blocks, at.i) \
            if at.byline is None and cur is not None and cur.closed else []
        if not (own and cues.about_text_before(own, cur, self.blocks, at.i)):
            return False
        cues.retitle(cur, own, self.noise)
        if len(own) == len(at.block.lines):
            return True
        at.block = Block("head", at.block.lines[len(own):])
        return False

    def _printed_after_text(self, at: _HeadAt) -> bool:
        """The head of the finished story above (or of one a jump marker cut), printed after it."""
        cur = self.cur
        cut = cur is not None and bool(cur.article.continued)  # cut by a jump marker: finished on this page
        if at.byline is None and cur is not None and (cut or not cur.closed and cues.ended(cur)) \
                and cues.printed_after(at.block, cur, self.blocks, at.i, cut=cut):
            cues.retitle(cur, at.block.lines, self.noise)
            cur.closed = True
            return True
        return False

    def _away_from_cut_text(self, at: _HeadAt) -> bool:
        """Heads stacked apart, with no author under them and not about the text after them,
        were printed away from their articles; that text is the rest of the article cut off at
        a column's end."""
        cut = cut_off(self.drafts)
        if at.byline is None and cut is not None and (len(stacked_heads(at.block)) > 1 or at.split_off) \
                and not cues.about_text_after(at.block, self.blocks, at.i):
            self.orphans.append((len(self.drafts), at.block, None))
            self.cur = cut
            cut.resumes = True
            return True
        return False

    def _section_head(self, at: _HeadAt) -> bool:
        """A section head inside the story running (after furniture: the feature it belongs to)."""
        cur = self.cur
        if at.section_next or cur is None \
                or not cues.is_subhead(at.block, cur, self.blocks[at.body], at.byline, self.blocks, at.i):
            return False
        if self.interrupted:  # furniture came between: the section resumes the feature it belongs to
            cur = self.cur = next((d for d in reversed(self.drafts) if d.sectioned and d is not cur), cur)
        cues.add_section(cur, at.block.lines)
        self.interrupted = False
        return True

    def _first_section(self, at: _HeadAt) -> bool:
        """An author line opened this article: a head under it is its first section head."""
        cur = self.cur
        if cur is not None and not cur.headed and cur.article.byline and not cur.article.paragraphs:
            cues.add_section(cur, at.block.lines)
            return True
        return False

    def _kicker_title_author_above(self, at: _HeadAt) -> bool:
        """Kicker, title and author line (or title and author line under a finished text) all
        about the untitled text above, not the text after them: its head, printed after it
        ("沪苏浙皖警方…" / "三省人才…" / "（记者 杨 洁）"); a title under such a kicker that is
        about neither text goes with its kicker ("AI扫一眼，胃部病变早发现"). Otherwise sets
        ``at.keep``: how many of the stacked heads go with the new story."""
        cur, blocks, b, nxt = self.cur, self.blocks, at.block, at.nxt
        stacked = stacked_heads(b)
        # more than kicker and title: the rest may be other articles' heads; and a kicker
        # over a title may be the head of the untitled article above, printed after it
        keep = cues.kicker_and_title(stacked) if len(stacked) > 2 else len(stacked)
        while keep > 1 and (len(stacked) > 2 or cur is not None and (cur.closed or cues.ended(cur))) \
                and cues.about_text_before(stacked[-keep], cur, blocks, at.i):
            keep -= 1
        at.stacked, at.keep = stacked, keep
        kicker_before = keep == 1 < len(stacked) == 2
        title_after = "".join(line.text for line in stacked[-1])
        if at.byline is not None and (kicker_before or len(stacked) == 1 and cur is not None
                                      and (cues.ended(cur) or bool(cur.article.continued))) \
                and (cues.about_text_before(stacked[-1], cur, blocks, nxt)
                     or kicker_before and overlap(title_after, cues.text_after(blocks, nxt)) < STRAY_OVERLAP
                     # a one-line head sharing some words with the story above and none with the
                     # text below (a story whose own head is printed after it)
                     or len(stacked) == 1 and cues.printed_after(b, cur, blocks, nxt)
                     # or one that outdoes the line standing over the story, and is not about the
                     # text below ("为有金融活水来" over a story on 普惠金融)
                     or len(stacked) == 1 and cues.label_for_head(cur, b)
                     and overlap(title_after, cues.text_after(blocks, nxt)) < STRAY_OVERLAP):
            self.close_with_head(cur, b, at.byline, nxt)
            return True
        return False

    def _open_story(self, at: _HeadAt) -> None:
        """The head of a new story (its kept stacked heads; the others are spare, maybe other
        stories'), with its author line and the section head under it."""
        if at.keep < len(at.stacked):
            new = self.new_draft(Block("head", [l for part in at.stacked[-at.keep:] for l in part]))
            new.spare_heads = at.stacked[:-at.keep]
        else:
            new = self.new_draft(at.block)
        self.cur = new
        self.interrupted = False
        if at.byline is not None:
            new.article.byline = clean_byline(at.byline)
            self.skip.add(at.nxt)
        if at.section_next:
            cues.add_section(new, self.blocks[at.body].lines)
            self.skip.add(at.body)

    def close_with_head(self, cur: Draft, head: Block, byline: Block, at: int) -> None:
        """The head and author line (block ``at``) printed after the story above: its own."""
        cues.retitle(cur, head.lines, self.noise)
        if cur.article.byline is None:
            cur.article.byline = clean_byline(byline)
        elif AUTHOR_NOTE.match(cur.article.byline) and NAMES_ONLY.match(byline.text):
            cur.article.byline = clean_byline(byline) + " " + cur.article.byline  # the name, then the note
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
            or cues.another_story(cur, b, self.blocks, i) and not SOURCE_ALONE.match(b.text)
            # (a source credit on a line of its own closes the story above, it opens none)
        )
        first_text = not any(d.article.paragraphs for d in self.drafts)
        if not starts_new and first_text and cur.headed and cur.article.byline is None and cues.opens_mid_paragraph(b, self.indents) \
                and overlap("".join(line.text for line in cur.heads), cues.text_after(self.blocks, i - 1)) < STRAY_HEAD:
            # the page opens in the middle of an article, under a stray line (a slogan) taken
            # for a head, with no author line under it: the line is furniture, the text the
            # rest of an article
            cues.retitle(cur, [], self.noise)
            cur.headed = False
            cur.article.complete_start = False
            cur.unindented_start = True  # said only by its first line: a head read as text may stand there
        if starts_new:
            cur = self.cur = self.new_draft(None)
            cut = b.continues or b.text[:1] in CANNOT_START
            if cut or first_text and cues.opens_mid_paragraph(b, self.indents):
                cur.article.complete_start = len(self.drafts) != 1
                cur.unindented_start = not cut and not cur.article.complete_start
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
        split(drafts, self.blocks, self.new_draft)
        stitch(drafts)
        join_sections_by_topic(drafts)
        rehome_heads(drafts)
        head_printed_above(drafts, self.blocks)
        articles = []
        line_article: dict[int, int] = {}
        printed_at = {(b.kind, b.lines[0].number): b for b in self.blocks}  # the block of a kind a line opens
        kept = []
        for d in drafts:
            if not d.article.paragraphs and not d.heads:
                if d.article.byline:  # all its text went to another article; its author line is kept
                    noise.append(d.article.byline)
                continue
            find_opening_head(d)
            piece_under_head(d, printed_at, noise)
            set_head(d, noise, gaps)
            kept.append(d)
        join_sentence_fragments(kept)
        swap_crossed_titles(kept)
        for d in kept:
            d.article.id = f"{stem}#{len(articles) + 1}"
            d.article.byline = names_as_written(d.article.byline)
            for line in d.heads + [line for _, block in d.texts for line in block.lines]:
                line_article[id(line)] = len(articles)
            articles.append(d.article)
        _section_heads_to_articles(self.blocks, articles, line_article)
        for i in self.co_authors:
            text_before = (line for b in reversed(self.blocks[:i]) if b.kind == "para" for line in b.lines)
            home = next((line_article[id(line)] for line in text_before if id(line) in line_article), None)
            if home is None:
                noise.append(self.blocks[i].text)
            else:
                add_to_byline(articles[home], clean_byline(self.blocks[i]))
        name_from_pieces(articles, noise)
        title_from_vertical_head(articles, self.blocks)
        return articles, noise, line_article


def name_from_pieces(articles: list[Article], noise: list[str]) -> None:
    """Two characters left alone in the noise that make a name are the author line of the one
    article that names no author: a vertical author line pdftotext printed a character at a
    time, far apart, the given name before the surname ("畅" … "江") or the surname over the
    head ("刘" / title … "伟"), where ``given_name_piece`` found no surname under a head to
    join. The surname comes first (the first printed when both can be surnames); with more
    pieces, or more articles without a name, which goes where is a guess, and none is made."""
    pieces = [k for k, text in enumerate(noise) if len(text) == 1 and is_han(text)]
    unnamed = [a for a in articles if a.paragraphs and (not a.byline or AUTHOR_NOTE.match(a.byline))]
    if len(pieces) != 2 or len(unnamed) != 1:
        return
    first, second = (noise[k] for k in pieces)
    if first not in SURNAMES:
        first, second = second, first
    if first not in SURNAMES:
        return
    for k in reversed(pieces):
        del noise[k]
    add_to_byline(unnamed[0], first + second)


CLAUSE_MARKS = "，、；,;"  # a sentence goes on through a line that has one


def title_from_vertical_head(articles: list[Article], blocks: list[Block]) -> None:
    """A title that is a line of running text (a clause mark inside, no sentence end) gives way to
    a head set vertically in its article's text. pdfminer.six prints the last line of a column set
    beside a vertical head before the head and its author ("一路走来，中国共产党越来越" / "何民捷" /
    "历史永远眷顾奋进者" / "成熟、越来越强大。…"): the line is read as the title, the head as a
    section head. The head is the title, and the line goes back in front of the text after it."""
    vertical = {line.text: line for b in blocks for line in b.lines if line.spaced and "\n" in line.raw}
    for a in articles:
        if a.title_generated or not a.title or a.title[-1] in SENTENCE_END + "：”" \
                or not any(mark in a.title for mark in CLAUSE_MARKS):
            continue
        k = next((k for k, p in enumerate(a.paragraphs[:-1]) if p in vertical), None)
        if k is None:
            continue
        line_over = a.title
        a.title = a.paragraphs.pop(k)
        a.paragraphs[k] = line_over + a.paragraphs[k]
        vertical[a.title].role = "headline"
        for line in (line for b in blocks for line in b.lines if line.role == "headline" and line.text == line_over):
            line.role = "body"


SECTION_HEAD_CHARS = 80  # a paragraph this short may be a section head that was printed as one


def _section_heads_to_articles(blocks: list[Block], articles: list[Article], line_article: dict[int, int]) -> None:
    """Head lines that became section heads inside an article (a joined draft's head, a head
    group read as a section) are that article's lines too: ``inspect`` shows them with it.
    The article is the one with a short paragraph holding the line's text."""
    short = [(k, p) for k, a in enumerate(articles) for p in a.paragraphs if len(p) <= SECTION_HEAD_CHARS]
    for b in blocks:
        for line in b.lines:
            if line.role == "subhead" and id(line) not in line_article and line.text:
                home = next((k for k, p in short if line.text in p), None)
                if home is not None:
                    line_article[id(line)] = home
