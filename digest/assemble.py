"""Articles from blocks: a head group opens an article, stays inside one as a section
sub-head, or is an orphan (printed away from its body) that goes to the untitled article
it is about. Nothing is dropped: a block that is no article's goes to noise.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from .blocks import Block, is_label
from .layout import PARA_END, display_width
from .model import Article, Line
from .patterns import AUTHOR_NOTE, DATELINE, JUMP, NAMES_ONLY, SLOGAN
from .roles import _CANNOT_START, _balanced, _phrase_spaced

COLUMN_CHANGE = 1.35  # a column this much wider or narrower is another box
MIN_HEAD_OVERLAP = 0.5
MIN_TITLE_CHARS = 6
SAME_ARTICLE = 0.6  # bigram cosine of two pieces of one article, clearly above other pairs on a page
SAME_ARTICLE_MARGIN = 0.1
SMALL_FRAGMENT = 300  # characters  # an orphan head must be about the article it is given to


@dataclass
class _Draft:
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
            if cur is not None and SLOGAN.match(b.text) and _cut_off(drafts) is not cur:
                cur.closed = True  # a page banner stands between articles, never inside one
        elif b.kind == "jump":
            noise.append(b.text)
            if cur is not None:
                cur.article.continued = JUMP.match(b.text).group(2).upper()
                cur.closed = True
        elif b.kind == "byline":
            nxt = _next_content(blocks, i)
            if cur is not None and not cur.closed and _cut_off(drafts) is cur and NAMES_ONLY.match(b.text) \
                    and nxt is not None and blocks[nxt].kind == "para":
                # names printed inside a cut sentence ("…制造业服务化" / "吴光胜" / "水平明显偏低。"):
                # more of the author line, and the sentence goes on
                cur.article.byline = " ".join(filter(None, [cur.article.byline, _clean_byline(b)]))
                cur.resumes = True
            elif cur is not None and cur.article.paragraphs and not cur.closed and AUTHOR_NOTE.match(b.text):
                # "（作者为…）" closes the article it ends, whoever its author line named
                cur.article.byline = " ".join(filter(None, [cur.article.byline, _clean_byline(b)]))
                cur.closed = True
            elif cur is not None and cur.closed and cur.article.byline and AUTHOR_NOTE.match(cur.article.byline) \
                    and NAMES_ONLY.match(b.text):
                cur.article.byline = _clean_byline(b) + " " + cur.article.byline  # the name printed after the note
            elif cur is not None and cur.closed and _has_note(cur.article.byline) and NAMES_ONLY.match(b.text) \
                    and (rest := _split_off_other_author(cur, new_draft)) is not None:
                # a second author's name after the note: the note and the text since the
                # article's last turn of topic are another article run into this one
                rest.article.byline = _clean_byline(b) + " " + rest.article.byline
                cur = rest
            elif cur is not None and cur.article.byline is None and not (cur.closed and cur.article.paragraphs):
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
                            and (len(blocks[body].lines) == 1 or _wrapped_head(blocks[body]))
                            and _next_content(blocks, body) is not None
                            and blocks[_next_content(blocks, body)].kind == "para")
            if (body is None or blocks[body].kind == "head") and not section_next:
                orphans.append((len(drafts), b, byline))
                if byline is not None:
                    skip.add(nxt)
                continue
            cut_off = _cut_off(drafts)
            if byline is None and cut_off is not None and len(_stacked_heads(b)) > 1 \
                    and not _about_text_after(b, blocks, i):
                # heads stacked apart, with no author under them and not about the text
                # after them, were printed away from their articles; that text is the rest
                # of the article cut off at a column's end
                orphans.append((len(drafts), b, None))
                cur = cut_off
                cur.resumes = True
                continue
            if not section_next and cur is not None and _is_subhead(b, cur, blocks[body], byline):
                if interrupted:  # furniture came between: the section resumes the feature it belongs to
                    cur = next((d for d in reversed(drafts) if d.sectioned and d is not cur), cur)
                _add_section(cur, b.lines)
                interrupted = False
                continue
            if cur is not None and not cur.headed and cur.article.byline and not cur.article.paragraphs:
                # an author line opened this article: a head under it is its first section head
                _add_section(cur, b.lines)
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
                _add_section(cur, blocks[body].lines)
                skip.add(body)
        elif b.kind == "para":
            starts_new = (
                cur is None
                or cur.closed
                or (bool(DATELINE.match(b.text)) and bool(cur.article.paragraphs))
                or interrupted and _cut_off(drafts) is cur and _other_column(cur.last_para, b)
            )
            if starts_new:
                cur = new_draft(None)
                if b.continues or b.text[:1] in _CANNOT_START:
                    cur.article.complete_start = not (len(drafts) == 1)
            if cur.resumes:
                cur.article.paragraphs[-1] += b.text
                cur.resumes = False
            else:
                cur.article.paragraphs.append(b.text)
            cur.texts.append((len(cur.article.paragraphs) - 1, b))
            cur.last_para = b
            interrupted = False

    _place_orphans(drafts, orphans, noise)
    _join_labelled_fragment(drafts)
    _join_noted_fragments(drafts)
    _join_small_fragments(drafts)
    articles = []
    line_article: dict[int, int] = {}
    for d in drafts:
        if not d.article.paragraphs and not d.heads:
            continue
        _set_head(d, noise)
        d.article.id = f"{stem}#{len(articles) + 1}"
        for line in d.heads + [line for _, block in d.texts for line in block.lines]:
            line_article[id(line)] = len(articles)
        articles.append(d.article)
    return articles, noise, line_article


def _wrapped_head(head: Block) -> bool:
    """Two short lines straight after each other ("不忘初心走在" / "时代前列"): one sub-head
    wrapped in a narrow box, not a kicker and a title."""
    a, b = head.lines[0], head.lines[-1]
    return len(head.lines) == 2 and b.number == a.last_number + 1 and len(a.text) + len(b.text) <= 16


def _add_section(draft: _Draft, lines: list[Line]) -> None:
    """A section sub-head: each of its lines is a paragraph of the article, or one
    paragraph when it is one head wrapped over two lines."""
    for line in lines:
        line.role = "subhead"
    if _wrapped_head(Block("head", lines)):
        draft.article.paragraphs.append("".join(line.text for line in lines))
    else:
        draft.article.paragraphs.extend(line.text for line in lines)
    draft.sectioned = True


def _join_labelled_fragment(drafts: list[_Draft]) -> None:
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


def _join_noted_fragments(drafts: list[_Draft]) -> None:
    """Text with no head that ends in an author's note ("（作者为…）") is the rest of a
    titled article printed in another column: the one without a note of its own that is
    clearly the most alike in wording (else it stays an article of its own)."""
    for d in drafts:
        if d.headed or not d.article.paragraphs or not d.article.byline or not AUTHOR_NOTE.match(d.article.byline):
            continue
        targets = [t for t in drafts if t.headed and t.article.paragraphs and not _has_note(t.article.byline)]
        if not targets:
            continue
        ranked = sorted(((_similarity(d.article.text, t.article.text), k) for k, t in enumerate(targets)), reverse=True)
        score, k = ranked[0]
        if score < SAME_ARTICLE or len(ranked) > 1 and score - ranked[1][0] < SAME_ARTICLE_MARGIN:
            continue  # not clearly the rest of one of them
        best = targets[k]
        best.article.paragraphs.extend(d.article.paragraphs)
        best.article.byline = " ".join(filter(None, [best.article.byline, d.article.byline]))
        d.article.paragraphs = []
        d.article.byline = None


def _join_small_fragments(drafts: list[_Draft]) -> None:
    """A few lines of text with no head and no author, on a page of titled articles, are a
    piece of one of them cut off by the layout: they go to the one most alike in wording."""
    titled = [t for t in drafts if t.headed and t.article.paragraphs]
    for d in drafts:
        if d.headed or d.article.byline or not d.article.paragraphs or len(d.article.text) > SMALL_FRAGMENT \
                or len(titled) < 2 or DATELINE.match(d.article.paragraphs[0]):  # a dateline opens a story
            continue
        score, best = max((_similarity(d.article.text, t.article.text), k) for k, t in enumerate(titled))
        if score < SAME_ARTICLE / 2:
            continue
        target = titled[best]
        target.article.paragraphs.extend(d.article.paragraphs)
        target.texts.extend((k + len(target.article.paragraphs) - len(d.article.paragraphs), b) for k, b in d.texts)
        d.article.paragraphs, d.texts = [], []


def _split_off_other_author(draft: _Draft, new_draft) -> _Draft | None:
    """Move the text after the article's deepest turn of topic (TextTiling: the paragraph
    break where the wording before and after it is least alike, a change of column width
    counting too) and its closing note to a new article."""
    paragraphs = draft.article.paragraphs
    n = len(paragraphs)
    if n < 4:
        return None
    columns = {k: b.column for k, b in draft.texts}
    best, cut = None, None
    for k in range(2, n - 1):
        if paragraphs[k - 1][-1:] not in PARA_END:
            continue
        score = _similarity("".join(paragraphs[max(0, k - 3) : k]), "".join(paragraphs[k : k + 3]))
        a, c = columns.get(k - 1), columns.get(k)
        if a and c:
            score -= 0.5 * abs(math.log(a / c))
        if best is None or score < best:
            best, cut = score, k
    if cut is None:
        return None
    byline = draft.article.byline
    note = byline[next(k for k, ch in enumerate(byline) if ch in "（(" and AUTHOR_NOTE.match(byline[k:])):]
    rest = new_draft(None)
    rest.article.paragraphs = paragraphs[cut:]
    rest.texts = [(k - cut, b) for k, b in draft.texts if k >= cut]
    rest.article.byline = note
    rest.closed = True
    draft.article.paragraphs = paragraphs[:cut]
    draft.texts = [(k, b) for k, b in draft.texts if k < cut]
    draft.article.byline = byline[: len(byline) - len(note)].strip() or None
    return rest


def _has_note(byline: str | None) -> bool:
    return bool(byline) and any(AUTHOR_NOTE.match(byline[k:]) for k, ch in enumerate(byline) if ch in "（(")


def _similarity(a: str, b: str) -> float:
    """Cosine of character-bigram counts."""
    from collections import Counter

    ca = Counter(a[i : i + 2] for i in range(len(a) - 1))
    cb = Counter(b[i : i + 2] for i in range(len(b) - 1))
    dot = sum(v * cb[k] for k, v in ca.items())
    norm = (sum(v * v for v in ca.values()) * sum(v * v for v in cb.values())) ** 0.5
    return dot / norm if norm else 0.0


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
    A head group whose lines stand apart (blank lines between) is several heads stacked
    by the extractor when it has more parts than a kicker and a title, when more articles
    wait than heads were found, or when the group as a whole is about none of them.
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
        whole_matches = any(_head_overlap(head.lines, d.article) >= MIN_HEAD_OVERLAP for d in waiting)
        stacked = _stacked_heads(head)
        parts = stacked if len(waiting) > len(orphans) or not whole_matches or len(stacked) > 2 else [head.lines]
        groups += [(position, lines, byline if k == len(parts) - 1 else None) for k, lines in enumerate(parts)]
    # best-matching (head, article) pairs first; a head that matches no waiting article
    # (a page banner, a column label) is furniture
    pending = list(range(len(groups)))
    while pending:
        untitled = [k for k, d in enumerate(drafts) if not d.headed and d.article.paragraphs]
        pairs = [(_head_overlap(groups[g][1], drafts[k].article), _head_density(groups[g][1], drafts[k].article),
                  -abs(k - groups[g][0]), g, k)
                 for g in pending for k in untitled if _can_be_a_title(groups[g][1])]
        pairs = [p for p in pairs if p[0] >= MIN_HEAD_OVERLAP]
        if not pairs:
            break
        *_, g, k = max(pairs)
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


def _other_column(last: Block | None, para: Block) -> bool:
    """Set in a column of another width: another box of the page."""
    if last is None or not last.column or not para.column:
        return False
    return max(last.column, para.column) / min(last.column, para.column) >= COLUMN_CHANGE


def _cut_off(drafts: list[_Draft]) -> _Draft | None:
    """The latest article whose text stops mid-sentence (cut at the end of a column)."""
    for d in reversed(drafts):
        if d.article.paragraphs and d.article.paragraphs[-1][-1] not in PARA_END + "：:" and d.article.continued is None:
            return d
    return None


def _about_text_after(head: Block, blocks: list[Block], i: int) -> bool:
    """Is a head about the text that follows it (a kicker and title over their story)?"""
    paragraphs = []
    for b in blocks[i + 1 :]:
        if b.kind in ("head", "byline", "jump"):
            break
        if b.kind == "para":
            paragraphs.append(b.text)
    return _overlap("".join(l.text for l in head.lines), "".join(paragraphs)) >= MIN_HEAD_OVERLAP


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
    return _overlap("".join(l.text for l in lines), "".join(article.paragraphs))


def _head_density(lines: list[Line], article: Article) -> float:
    """How often the head's bigrams recur in the article: between two articles that both
    contain a head's words, the one that is about them (a whole article, not a piece)."""
    head = "".join(l.text for l in lines)
    text = "".join(article.paragraphs)
    grams = {head[i : i + 2] for i in range(len(head) - 1)}
    return sum(text.count(g) for g in grams)


def _can_be_a_title(lines: list[Line]) -> bool:
    """A kicker word alone ("绿色消费") is too short to stand as an article's title."""
    return len(lines) > 1 or len(lines[0].text) >= MIN_TITLE_CHARS


def _overlap(head: str, text: str) -> float:
    """Share of the head's character bigrams found in the text."""
    grams = {head[i : i + 2] for i in range(len(head) - 1)}
    if not grams:
        return 0.0
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
    for a in range(len(texts) - 1):  # a deck wrapped inside its quotes: "——“第九届…国际" / "学术会议”述要"
        c = a + 1
        if texts[a] and texts[c] and not _balanced(texts[a]) and _balanced(texts[a] + texts[c]) \
                and lines[c].number == lines[a].last_number + 1:
            texts[a] = texts[a] + texts[c]
            texts[c] = ""
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
