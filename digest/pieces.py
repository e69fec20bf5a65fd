"""Articles printed in pieces: what the page's layout tore apart, put back together.

A PDF extractor gives columns in an order that is not reading order, so an article's
head, author line, note and text can stand far apart, and one box's text can run into
another's. These passes work on the drafts that ``assemble`` builds: heads printed away
from their text find the article they are about, a second author's note splits off the
box run into an article, and headless pieces join the article they continue.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .blocks import Block, is_label
from .layout import PARA_END
from .line_context import deck_alone
from .model import Article, Line
from .patterns import AUTHOR_NOTE, DATELINE
from .similarity import overlap, similarity

MIN_HEAD_OVERLAP = 0.5  # an orphan head must be about the article it is given to
MIN_ADJACENT_OVERLAP = 0.3  # ... or printed with its author line right after it
MIN_KICKER_OVERLAP = 0.3  # a kicker by its placed title need share fewer words
MIN_TITLE_CHARS = 6
STRAY_HEAD = 0.2  # a head sharing less than this with its article's text may be a stray line
HEAD_CHARS = 44  # a head says what it says in this many characters at most
CUT_SIGNED_OVERLAP = 0.1  # ... or, with its author line, last on the page after a text cut by a jump marker
STRAY_OVERLAP = 0.3  # a head sharing less than this with a text is not about it
KICKER_ENDS = ("？", "?", "！", "!", "——", "：", ":")  # a head ending so reads as a kicker
SAME_ARTICLE = 0.6  # bigram cosine of two pieces of one article, clearly above other pairs on a page
SAME_ARTICLE_MARGIN = 0.1
SMALL_FRAGMENT = 300  # characters


@dataclass
class Draft:
    """An article while it is being put together, with what the passes need to know."""

    article: Article
    heads: list[Line] = field(default_factory=list)
    closed: bool = False
    headed: bool = False
    sectioned: bool = False  # has section sub-heads: a long feature
    spare_heads: list = field(default_factory=list)  # extra stacked head lines, maybe other articles' titles
    decks: list = field(default_factory=list)  # a deck (——…) printed apart from its title
    resumes: bool = False  # its text, cut off mid-sentence, goes on in the next paragraph
    last_para: Block | None = None
    texts: list = field(default_factory=list)  # (paragraph index, para block) for each block of text
    unindented_start: bool = False  # marked as opening mid-article only by its first line reaching the edge

    @property
    def may_open_under_head(self) -> bool:
        """Its head may stand among or over its opening lines: it opens a story, or only an
        unindented first line says it does not (a story set unindented under a head read as text)."""
        return self.article.complete_start or self.unindented_start

    def take(self, start: int, end: int | None = None) -> tuple[list[str], list]:
        """Remove paragraphs start..end (to the last by default) and the lines they came
        from; returns them, their texts indexed from 0."""
        paragraphs = self.article.paragraphs
        end = len(paragraphs) if end is None else end
        taken = paragraphs[start:end]
        texts = [(k - start, b) for k, b in self.texts if start <= k < end]
        self.article.paragraphs = paragraphs[:start] + paragraphs[end:]
        self.texts = [(k if k < start else k - len(taken), b) for k, b in self.texts if not start <= k < end]
        return taken, texts

    def put(self, at: int, paragraphs: list[str], texts: list, run_on: bool = False) -> int:
        """Insert paragraphs (taken from a draft) before paragraph ``at``; with ``run_on`` the
        first of them goes on the paragraph before (a sentence cut at a column's end).
        Returns the index of the paragraph after them."""
        if not paragraphs:
            return at
        mine = self.article.paragraphs
        if run_on:
            at -= 1
            mine = mine[:at] + [mine[at] + paragraphs[0]] + mine[at + 1:]
            paragraphs = paragraphs[1:]
            at += 1
            texts = [(k - 1, b) for k, b in texts]
        self.article.paragraphs = mine[:at] + paragraphs + mine[at:]
        self.texts = sorted([(k + len(paragraphs) if k >= at else k, b) for k, b in self.texts]
                            + [(at + k, b) for k, b in texts], key=lambda kb: kb[0])
        return at + len(paragraphs)


def split_at_quoted_title(drafts: list[Draft]) -> None:
    """A commentary often opens by quoting its title ("“幸福都是奋斗出来的”。习近平同志…"): when
    a placed head opens a paragraph inside its article, the text before that paragraph was run
    in from elsewhere by the extractor's column order and becomes a headless piece of its own."""
    for index in range(len(drafts) - 1, -1, -1):
        d = drafts[index]
        title = "".join(line.text for line in d.heads).strip("“”\"")
        if not d.headed or len(title) < MIN_TITLE_CHARS:
            continue
        paragraphs = d.article.paragraphs
        k = next((k for k in range(1, len(paragraphs)) if _opens_with_phrase(paragraphs[k], title)), None)
        if k is None:
            continue
        piece = Draft(Article(id=""))
        piece.put(0, *d.take(0, k))
        drafts.insert(index, piece)


def _opens_with_phrase(paragraph: str, phrase: str) -> bool:
    """Does the paragraph open by quoting the phrase whole ("“幸福都是奋斗出来的”。…"), or
    with it as a sentence of its own? Not with a longer name it begins ("长三角G60科创走廊联席
    会议…"), and not with a clause a news headline repeats ("现阶段美联储将…预期，一方面…"):
    a story's second paragraph may well open with the words of its head."""
    text = paragraph.lstrip("“\"「")
    quoted = len(text) < len(paragraph)
    follows = text[len(phrase) : len(phrase) + 1]
    return text.startswith(phrase) and (follows in ("。", "！", "？") or quoted and follows in ("”", "」", "\""))


def join_labelled_fragment(drafts: list[Draft]) -> None:
    """A headless fragment at the top of the page that opens with a speaker label
    ("区政协委员高清淼：") continues the article whose text opens the same way: one
    interview or 代表委员说 feature, its head printed after part of it."""
    if len(drafts) < 2:
        return
    top = drafts[0]
    if top.headed or top.article.byline or not top.article.paragraphs or not is_label(top.article.paragraphs[0]):
        return
    for d in drafts[1:]:
        if d.headed and d.article.paragraphs and is_label(d.article.paragraphs[0]):
            d.article.paragraphs.extend(top.article.paragraphs)
            top.article.paragraphs = []
            return


def join_noted_fragments(drafts: list[Draft]) -> None:
    """Text with no head that ends in an author's note ("（作者为…）") is the rest of a
    titled article printed in another column: the one without a note of its own that is
    clearly the most alike in wording (else it stays an article of its own)."""
    for d in drafts:
        if d.headed or not d.article.paragraphs or not d.article.byline or not AUTHOR_NOTE.match(d.article.byline):
            continue
        targets = [t for t in drafts if t.headed and t.article.paragraphs and not has_note(t.article.byline)]
        if not targets:
            continue
        ranked = sorted(((similarity(d.article.text, t.article.text), k) for k, t in enumerate(targets)), reverse=True)
        score, k = ranked[0]
        if score < SAME_ARTICLE or len(ranked) > 1 and score - ranked[1][0] < SAME_ARTICLE_MARGIN:
            continue  # not clearly the rest of one of them
        add_to_byline(targets[k].article, d.article.byline)
        d.article.byline = None
        _move_text(d, targets[k])


def join_small_fragments(drafts: list[Draft]) -> None:
    """A few lines of text with no head and no author, on a page of titled articles, are a
    piece of one of them cut off by the layout: they go to the one most alike in wording."""
    titled = [t for t in drafts if t.headed and t.article.paragraphs]
    # on a page of signed commentaries (closed by their authors' notes, no news datelines)
    # no story goes without a head and an author: headless, authorless text of any length
    # is a piece
    signed = sum(has_note(t.article.byline) for t in titled) >= 2 \
        and not any(DATELINE.match(t.article.paragraphs[0]) for t in titled)
    for d in drafts:
        if d.headed or d.article.byline or not d.article.paragraphs \
                or len(d.article.text) > SMALL_FRAGMENT and not signed \
                or len(titled) < 2 or DATELINE.match(d.article.paragraphs[0]):  # a dateline opens a story
            continue
        score, best = max((similarity(d.article.text, t.article.text), k) for k, t in enumerate(titled))
        if score < SAME_ARTICLE / 2:
            continue
        _move_text(d, titled[best])


FRAGMENT = 20  # characters of text: less is a piece of a sentence, never a story


def join_sentence_fragments(drafts: list[Draft]) -> None:
    """An article of less than a sentence (under FRAGMENT characters of text, no author line,
    no second head, no jump marker sending it on to another page) is a piece of the one printed
    before it: a column's last line read as a head over the few characters that end its
    sentence ("…提升国际承认的校准与" / "测量能力。"). Its head, if it has one, goes back into the
    text, run on when it ends mid-sentence."""
    for i in range(len(drafts) - 1, 0, -1):
        d, prev = drafts[i], drafts[i - 1]
        a = d.article
        if a.byline or a.subtitle or a.continued or not a.paragraphs or len(a.text) >= FRAGMENT \
                or not prev.article.paragraphs:
            continue
        paragraphs, texts = d.take(0)
        if d.headed and a.title:
            if a.title[-1:] not in PARA_END:  # (it has text: see above)
                paragraphs[0] = a.title + paragraphs[0]
            else:
                paragraphs, texts = [a.title, *paragraphs], [(k + 1, b) for k, b in texts]
        prev.put(len(prev.article.paragraphs), paragraphs, texts)
        prev.heads += d.heads
        del drafts[i]


def _move_text(piece: Draft, target: Draft) -> None:
    """The piece's paragraphs (and the lines they came from) go to the end of the target."""
    target.put(len(target.article.paragraphs), *piece.take(0))


def split_off_other_author(draft: Draft, new_draft) -> Draft | None:
    """Move the text after the article's deepest turn of topic and its closing note to a
    new article."""
    cut = deepest_turn(draft)
    if cut is None:
        return None
    rest = split_draft(draft, cut, new_draft)
    rest.article.byline = split_off_note(draft.article)
    rest.closed = True
    return rest


def deepest_turn(draft: Draft) -> int | None:
    """The paragraph break where the wording before and after it is least alike (TextTiling;
    a change of column width counts too), among breaks after a sentence end."""
    paragraphs = draft.article.paragraphs
    n = len(paragraphs)
    if n < 4:
        return None
    columns = {k: b.column for k, b in draft.texts}
    best, cut = None, None
    for k in range(2, n - 1):
        if paragraphs[k - 1][-1:] not in PARA_END:
            continue
        score = similarity("".join(paragraphs[max(0, k - 3) : k]), "".join(paragraphs[k : k + 3]))
        a, c = columns.get(k - 1), columns.get(k)
        if a and c:
            score -= 0.5 * abs(math.log(a / c))
        if best is None or score < best:
            best, cut = score, k
    return cut


def split_draft(draft: Draft, cut: int, new_draft) -> Draft:
    """Paragraphs from ``cut`` on (and the lines they came from) become a new article."""
    rest = new_draft(None)
    rest.put(0, *draft.take(cut))
    return rest


def split_off_note(article: Article) -> str:
    """Remove the author's note from an article's byline and return it."""
    byline = article.byline or ""
    note = byline[_note_start(byline):]
    article.byline = byline[: len(byline) - len(note)].strip() or None
    return note


def has_note(byline: str | None) -> bool:
    return _note_start(byline) is not None


def _note_start(byline: str | None) -> int | None:
    """Where the author's note ("（作者为…）") begins in a byline, if it has one."""
    return next((k for k, ch in enumerate(byline or "") if ch in "（(" and AUTHOR_NOTE.match(byline[k:])), None)


@dataclass
class _Groups:
    """Heads waiting for their articles: (draft position they were printed at, lines, author
    line printed with them), and which were printed right after the text above them."""

    items: list = field(default_factory=list)
    adjacent: set = field(default_factory=set)  # printed right after the text above: with its author line, or last on the page
    signed_last: set = field(default_factory=set)  # ... both: with its author line, the page's last words


def place_orphans(drafts: list[Draft], orphans, noise: list[str], page_end: Block | None = None) -> None:
    """Heads printed away from their body go to the untitled articles.

    Best-matching pairs first: a head names what its article is about, so most of its
    character bigrams occur in the article's text. A head that matches no waiting
    article (a page banner, a column label) is furniture.
    A head group whose lines stand apart (blank lines between) is several heads stacked
    by the extractor when it has more parts than a kicker and a title, when more articles
    wait than heads were found, or when the group as a whole is about none of them.
    """
    for d in drafts:  # a deck alone ("——学习…") still waits for its title
        if d.headed and deck_alone(d.heads):
            d.headed, d.decks, d.heads = False, d.heads, []
    groups = _waiting_heads(drafts, orphans, page_end)
    pending = _give_best_matches(drafts, groups, noise)
    _join_placed_heads(drafts, groups, pending, noise)
    _replace_stray_heads(drafts, groups, pending, noise)
    for d in drafts:
        d.heads = d.heads + d.decks
        d.headed = d.headed or bool(d.decks)
        d.decks = []
    for g in pending:
        _, lines, byline = groups.items[g]
        noise.extend(l.text for l in lines)
        if byline is not None:
            noise.append(byline.text)


def _waiting_heads(drafts: list[Draft], orphans, page_end: Block | None) -> _Groups:
    """The heads to place: spare heads stacked over a titled draft (while some draft waits
    for one; else they stay its own) and the orphans, each cut into its stacked parts when
    it may be several heads."""
    waiting = [d for d in drafts if not d.headed and d.article.paragraphs]
    groups = _Groups()
    for position, d in enumerate(drafts):
        for lines in d.spare_heads:
            if waiting:
                groups.items.append((position, lines, None))
            else:
                d.heads = lines + d.heads
        d.spare_heads = []
    for position, head, byline in orphans:
        whole_matches = any(_head_overlap(head.lines, d.article) >= MIN_HEAD_OVERLAP for d in waiting)
        stacked = stacked_heads(head)
        parts = stacked if len(waiting) > len(orphans) or not whole_matches or len(stacked) > 2 else [head.lines]
        last = len(groups.items) + len(parts) - 1
        if byline is not None or head is page_end and len(parts) == 1:
            groups.adjacent.add(last)
        if head is page_end and byline is not None:
            groups.signed_last.add(last)
        groups.items += [(position, lines, byline if k == len(parts) - 1 else None) for k, lines in enumerate(parts)]
    return groups


def _give_best_matches(drafts: list[Draft], groups: _Groups, noise: list[str]) -> list[int]:
    """Each untitled article gets the head that shares most of its wording with it, best
    pairs first; returns the groups left."""
    items = groups.items
    pending = list(range(len(items)))
    untitled = [k for k, d in enumerate(drafts) if not d.headed and d.article.paragraphs]
    texts = {k: "".join(drafts[k].article.paragraphs) for k in untitled}
    # scored once: giving a head to an article changes no article's text
    pairs = []
    for g in pending:
        head = _joined(items[g][1])
        if not _can_be_a_title(items[g][1]):
            continue
        for k in untitled:
            share = overlap(head, texts[k])
            # a head printed with its author line right after an untitled text (or as the page's
            # last words, or right after a text cut by a jump marker) needs less to be its head
            near = k == items[g][0] - 1 and (g in groups.adjacent or bool(drafts[k].article.continued))
            # with its author line too, as the page's last words after a text cut by a jump
            # marker (a few lines of the story: few of the head's words among them)
            signed_end = near and g in groups.signed_last and bool(drafts[k].article.continued)
            if share >= MIN_HEAD_OVERLAP or share >= MIN_ADJACENT_OVERLAP and near or share >= CUT_SIGNED_OVERLAP and signed_end:
                pairs.append((share, _density(head, texts[k]), -abs(k - items[g][0]), g, k))
    while pairs:
        *_, g, k = max(pairs)
        pending.remove(g)
        _give_head(drafts[k], items[g], noise)
        pairs = [p for p in pairs if p[3] != g and p[4] != k]
    return pending


def _join_placed_heads(drafts: list[Draft], groups: _Groups, pending: list[int], noise: list[str]) -> None:
    """A kicker right over a placed title, or a deck or the title itself right under a placed
    head that reads as a kicker ("…新通道？"), goes with it (``heads.set_head`` says which is which)."""
    items = groups.items
    placed = {}  # group -> the draft it titles
    for d in drafts:
        for g in range(len(items)):
            if items[g][1] is d.heads:
                placed[g] = d
    for g in list(pending):
        for h in (g + 1, g - 1):
            d = placed.get(h)
            below = h < g and (items[g][1][0].text.startswith("—")  # a deck under its title
                               or _can_be_a_title(items[g][1]) and (_reads_as_kicker(items[h][1], items[g][1])
                                                                    or items[g][2] is not None  # the author line goes under the title
                                                                    or _display_under_plain(items[h][1], items[g][1])))
            if d is not None and (h > g or below) and items[h][0] == items[g][0] \
                    and _head_overlap(items[g][1], d.article) >= MIN_KICKER_OVERLAP:
                d.heads = sorted(d.heads + items[g][1], key=lambda line: line.number)
                _take_byline(d, items[g][2], noise)
                pending.remove(g)
                break


def _replace_stray_heads(drafts: list[Draft], groups: _Groups, pending: list[int], noise: list[str]) -> None:
    """A head that matches no untitled article may be the title of an article that got a
    stray line for a head (a masthead slogan right over its text)."""
    for g in list(pending):
        position, lines, byline = groups.items[g]
        if not _can_be_a_title(lines):
            continue
        strays = [(_head_overlap(lines, d.article), k) for k, d in enumerate(drafts)
                  if d.headed and d.heads and d.article.paragraphs and not d.decks
                  and stray_head(d)]
        # printed with its author line right after that article, it needs less (as above)
        strays = [p for p in strays if p[0] >= MIN_HEAD_OVERLAP
                  or byline is not None and p[1] == position - 1 and p[0] >= MIN_ADJACENT_OVERLAP]
        if strays:
            d = drafts[max(strays)[1]]
            to_noise(d.heads, noise)
            _give_head(d, groups.items[g], noise)
            pending.remove(g)


def to_noise(lines: list[Line], noise: list[str]) -> None:
    for line in lines:
        line.role = "noise"
        noise.append(line.text)


def _display_under_plain(above: list[Line], below: list[Line]) -> bool:
    """"浙江团队研发胃癌筛查新模式" over "A I 扫 一 眼 ， 胃 部 …": a head set letter-spaced, in
    the display face, under one set plain is the title, the plain one its deck."""
    return all(line.spaced for line in below) and not any(line.spaced for line in above)


def stray_head(d: Draft) -> bool:
    """Its head shares almost nothing with its text: a stray line (a masthead slogan) taken for one."""
    return bool(d.heads) and bool(d.article.paragraphs) and _head_overlap(d.heads, d.article) < STRAY_HEAD


def _give_head(d: Draft, group, noise: list[str]) -> None:
    _, lines, byline = group
    d.heads = lines
    d.headed = True
    _take_byline(d, byline, noise)


def _take_byline(d: Draft, byline: Block | None, noise: list[str]) -> None:
    """The author line printed with a head: the article's, unless it has one (then noise)."""
    if byline is None:
        return
    if d.article.byline is None:
        d.article.byline = clean_byline(byline)
    else:
        noise.append(byline.text)


def _reads_as_kicker(placed: list[Line], under: list[Line]) -> bool:
    """Is the placed head the kicker of the head under it? It ends as kickers do ("…？",
    "…——"), or it is the shorter of the two (a kicker names the field, the title the news)."""
    a, b = "".join(l.text for l in placed), "".join(l.text for l in under)
    return a.endswith(KICKER_ENDS) or len(a) < len(b)


def cut_off(drafts: list[Draft]) -> Draft | None:
    """The latest article whose text stops mid-sentence (cut at the end of a column)."""
    for d in reversed(drafts):
        if d.article.paragraphs and d.article.paragraphs[-1][-1] not in PARA_END + "：:" and d.article.continued is None:
            return d
    return None


def stacked_heads(head: Block) -> list[list[Line]]:
    parts: list[list[Line]] = [[head.lines[0]]]
    for prev, line in zip(head.lines, head.lines[1:]):
        if line.number > prev.last_number + 1 and not prev.text.endswith(("——", "—", "：", ":")) \
                and not line.text.startswith("—"):
            parts.append([line])
        else:
            parts[-1].append(line)
    return parts


def _head_overlap(lines: list[Line], article: Article) -> float:
    return overlap("".join(l.text for l in lines), "".join(article.paragraphs))


def _density(head: str, text: str) -> float:
    """How often the head's bigrams recur in the article: between two articles that both
    contain a head's words, the one that is about them (a whole article, not a piece)."""
    grams = {head[i : i + 2] for i in range(len(head) - 1)}
    return sum(text.count(g) for g in grams)


def _joined(lines: list[Line]) -> str:
    return "".join(l.text for l in lines)


def _can_be_a_title(lines: list[Line]) -> bool:
    """A kicker word alone ("绿色消费") is too short to stand as an article's title."""
    return len(lines) > 1 or len(lines[0].text) >= MIN_TITLE_CHARS


def add_to_byline(article: Article, more: str | None) -> None:
    """More of the author line: a name joins the names, before the author's note."""
    at = _note_start(article.byline) if more and not AUTHOR_NOTE.match(more) else None
    if at is not None:
        article.byline = " ".join(filter(None, [article.byline[:at].strip(), more, article.byline[at:]]))
        return
    article.byline = " ".join(filter(None, [article.byline, more])) or None


def clean_byline(block: Block) -> str:
    """Bylines keep the spaces between names ("本报记者 陈路漫 通讯员 胡珂"); an author's
    note is a phrase, so the letter-spacing of its justified line goes ("（作者为…）")."""
    if AUTHOR_NOTE.match(block.text):
        return "".join(line.text for line in block.lines)
    return " ".join(_as_printed(line) for line in block.lines)


def _as_printed(line: Line) -> str:
    """The line as printed, spaces between its pieces kept; its text where the printed form
    lacks some of it (a letter over a vertical head joined to it: "A" / "股" / "回" …)."""
    return line.text if Counter(line.text.replace(" ", "")) - Counter(line.spaced_raw) else line.spaced_raw


# ---------------------------------------------------------------------------------------
