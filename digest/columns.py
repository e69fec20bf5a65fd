"""Text the layout cut across columns, put back in reading order.

A theory page prints a feature's columns among other articles' columns, so its text can
stop mid-word at a column's end and go on far away, and whole sections can land inside
another article. These passes over ``pieces.Draft``s find where cut text goes on (the
rest of a split word or set phrase), which sections belong together (their heads are
worded alike), and a feature's lead printed apart from its sections.
"""
from __future__ import annotations

from .layout import PARA_END, closes_sentence, has_sentence
from .nlp import splits_word, starts_with_word
from .patterns import AUTHOR_NOTE, DATELINE
from .pieces import SMALL_FRAGMENT, Draft, add_to_byline, has_note, split_off_note
from .similarity import similarity

RUN_IN_HEAD_CHARS = 32  # a paragraph's first sentence this short may be a head run into the text
PARALLEL_HEAD_CHARS = 8  # a shared start or end this long makes two section heads one pattern
SEAM_SIDE = 3  # characters each side of a break, looked up elsewhere on the page
MIN_SECTION_CHARS = 100  # a section this long says what it is about
OPENING_CHARS = 600  # an article's head and opening text, to compare a section with
MIN_AWAY_SIMILARITY = 0.2  # bigram cosine of a displaced section with its own article's opening (0.22-0.44)
NEIGHBOURS = 8  # articles either side (in page order) a section may have strayed from
AWAY_RATIO = 3.0  # ... and how many times more like it than like the article it sits in


def join_column_cuts(drafts: list[Draft]) -> None:
    """Text that stops mid-word at a column's end ("…农业现代化同步发", then a section head)
    goes on where a paragraph opens with the rest of the word ("展跃升期。…") after a
    finished sentence: the extractor printed that column after another box's text. The
    split word must be a word only across the break; a paragraph that opens with a word
    of its own ("值得自豪的是") opens a paragraph, whatever the cut text before it. Or the
    phrase across the break is one the page prints whole elsewhere ("富强民主" | "文明和谐…")."""
    page = "\0".join(p for d in drafts for p in d.article.paragraphs)
    fresh = [(piece, m) for piece in drafts for m in _fresh_paragraphs(piece)]
    for target in drafts:
        for k in _cut_paragraphs(target):
            cut = target.article.paragraphs[k]
            candidates = [(piece, m) for piece, m in fresh if piece is not target or m > k + 1]
            # the phrase across the break printed elsewhere on the page is the stronger evidence
            said = _phrases_after(cut[-SEAM_SIDE:], page)
            found = [(piece, m) for piece, m in candidates if piece.article.paragraphs[m][:SEAM_SIDE] in said] \
                or [(piece, m) for piece, m in candidates if splits_word(cut, piece.article.paragraphs[m])
                    and not starts_with_word(piece.article.paragraphs[m])]
            if len(found) == 1:
                piece, m = found[0]
                end = target.put(k + 1, *piece.take(m), run_on=True)
                if not piece.article.paragraphs and piece.article.byline:
                    add_to_byline(target.article, piece.article.byline)  # the note that ends the text
                    piece.article.byline = None
                rest = piece.article.paragraphs
                if piece is not target and rest and not piece.headed and not piece.article.byline \
                        and all(_head_like(p) for p in rest):
                    # the section heads printed over the rest of the text are the article's too
                    target.put(end, *piece.take(0))
                fresh = [(piece, m) for piece in drafts for m in _fresh_paragraphs(piece)]
                break  # the paragraph indices of this draft have moved


def join_parallel_sections(drafts: list[Draft]) -> None:
    """A theory page's feature words its section heads alike ("社会主要矛盾变化标志着…" three
    times, "从时间维度把握…" / "从覆盖范围把握…", or heads run into the text: "从辩证思维角度
    准确把握社会主要矛盾的变化。…"). A section of one article whose head is worded like another
    article's section heads, and like none of its own, is a section of that other article the
    extractor printed among this one's columns: it moves there, with its text up to the next
    section head."""
    heads = {id(d): _section_heads(d) for d in drafts}
    index = _pattern_index(drafts, heads)
    for d in drafts:
        k = 0
        while k < len(d.article.paragraphs):
            paragraphs = d.article.paragraphs
            head = heads[id(d)].get(k)
            if head is None or len(head) < PARALLEL_HEAD_CHARS:
                k += 1
                continue
            own = [h for j, h in heads[id(d)].items() if j != k]
            # the article it belongs to words two or more of its heads so; this one none
            near = index.get(head[:PARALLEL_HEAD_CHARS], set()) | index.get(head[-PARALLEL_HEAD_CHARS:] + "$", set())
            alike = [e for e in drafts if id(e) in near and e is not d
                     and sum(_worded_alike(head, h) for h in heads[id(e)].values()) >= 2]
            if len(alike) != 1 or any(_worded_alike(head, h) for h in own):
                k += 1
                continue
            end = next((j for j in range(k + 1, len(paragraphs)) if _section_head(paragraphs, j)
                        and not _head_like(paragraphs[j - 1])), len(paragraphs))
            end = _end_of_section(paragraphs, k, end, "".join(paragraphs[:k] + paragraphs[end:]), alike[0].article.text)
            if all(_head_like(p) for p in paragraphs[:k] + paragraphs[end:]):
                k += 1  # it is all the text this article has: no section astray
                continue
            target = alike[0]
            target.put(len(target.article.paragraphs), *d.take(k, end))
            heads[id(d)], heads[id(alike[0])] = _section_heads(d), _section_heads(alike[0])
            index = _pattern_index(drafts, heads)


def join_sections_by_topic(drafts: list[Draft]) -> None:
    """A section the extractor printed among another article's columns is about that
    article, not the one it landed in: its wording is far more like the other article's
    head and opening than like its own article's (on the theory pages the bigram cosine of
    a displaced section with its own article's opening is 3.3 to 20 times that with the
    opening of the article it landed in; a section in place has at most 2.2 times more in
    common with another article's opening than with its own). It moves there, up to the first
    paragraph that reads more like the article it sits in. The section heads of one
    article need not be worded alike for this (join_parallel_sections)."""
    titled = [d for d in drafts if d.headed and d.article.paragraphs]
    if len(titled) < 2:
        return
    openings = [_opening(e, e.article.paragraphs) for e in titled]  # fixed while sections are judged
    moves = []
    for at, d in enumerate(titled):
        paragraphs = d.article.paragraphs
        for k, end in _sections(paragraphs):
            section = "".join(paragraphs[k:end])
            own = _opening(d, paragraphs[:k] + paragraphs[end:])
            # compared with the articles printed near it (a page's, not a whole file's)
            away, target = max((similarity(section, openings[n]), n)
                               for n in range(len(titled)) if n != at and abs(n - at) <= NEIGHBOURS)
            if away >= MIN_AWAY_SIMILARITY and away >= AWAY_RATIO * similarity(section, own):
                moves.append((d, k, _end_of_section(paragraphs, k, end, own, openings[target]), titled[target]))
    # taken after all are judged, so that no move sways another; each article's from its end,
    # so that the indices of the rest hold; then put in page order
    taken = {}
    for n in sorted(range(len(moves)), key=lambda n: -moves[n][1]):
        d, k, end, _ = moves[n]
        taken[n] = d.take(k, end)
    for n, (d, k, end, target) in enumerate(moves):
        if not d.article.paragraphs[k:] and has_note(d.article.byline) and not has_note(target.article.byline):
            # the author's note printed after the moved text ends that text's article
            add_to_byline(target.article, split_off_note(d.article))
        target.put(len(target.article.paragraphs), *taken[n])


def _sections(paragraphs: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each section after an article's opening: from a section head to the
    next, a section too short to say what it is about taken together with the next."""
    starts = [k for k in range(1, len(paragraphs)) if _section_head(paragraphs, k)]
    out: list[tuple[int, int]] = []
    for k, end in zip(starts, starts[1:] + [len(paragraphs)]):
        if out and len("".join(paragraphs[out[-1][0]:out[-1][1]])) < MIN_SECTION_CHARS:
            out[-1] = (out[-1][0], end)
        else:
            out.append((k, end))
    return [(k, end) for k, end in out if len("".join(paragraphs[k:end])) >= MIN_SECTION_CHARS]


def _opening(d: Draft, paragraphs: list[str]) -> str:
    """What an article is about: its head and the start of its text."""
    parts, size = ["".join(line.text for line in d.heads)], 0
    for paragraph in paragraphs:
        if size >= OPENING_CHARS:
            break
        parts.append(paragraph)
        size += len(paragraph)
    return "".join(parts)[:OPENING_CHARS]


def _pattern_index(drafts: list[Draft], heads: dict) -> dict[str, set[int]]:
    """Which drafts have a section head starting (or, keyed with "$", ending) so."""
    index: dict[str, set[int]] = {}
    for d in drafts:
        for h in heads[id(d)].values():
            if len(h) >= PARALLEL_HEAD_CHARS:
                index.setdefault(h[:PARALLEL_HEAD_CHARS], set()).add(id(d))
                index.setdefault(h[-PARALLEL_HEAD_CHARS:] + "$", set()).add(id(d))
    return index


def _section_heads(d: Draft) -> dict[int, str]:
    paragraphs = d.article.paragraphs
    return {k: h for k in range(len(paragraphs)) if (h := _section_head(paragraphs, k))}


def _end_of_section(paragraphs: list[str], start: int, end: int, home: str, away: str) -> int:
    """Where the moved section stops: at the first paragraph after its opening text that reads
    more like the article it sits in (``home``) than like the one it moves to (``away``)."""
    first_text = next((j for j in range(start, end) if not _head_like(paragraphs[j])), end)
    for j in range(first_text + 1, end):
        if similarity(paragraphs[j], home) > similarity(paragraphs[j], away):
            return j
    return end


def _section_head(paragraphs: list[str], k: int) -> str | None:
    """The section head at paragraph k: a head-like paragraph with text after it, or a short
    first sentence a paragraph opens with (a head run into the text)."""
    text = paragraphs[k]
    if _head_like(text):
        return text if k + 1 < len(paragraphs) else None
    first = text.split("。", 1)[0]
    if len(first) < len(text) - 1 and len(first) <= RUN_IN_HEAD_CHARS and _content(first.replace("、", "")):
        return first
    return None


def _worded_alike(a: str, b: str) -> bool:
    """Two heads cut from one pattern: a long shared start or end."""
    n = PARALLEL_HEAD_CHARS
    return len(a) >= n and len(b) >= n and (a[:n] == b[:n] or a[-n:] == b[-n:]) and a != b


def _phrases_after(end: str, page: str) -> set[str]:
    """What the page prints right after each occurrence of ``end`` (as many characters): the
    phrase across a break ("…富强民主" | "文明和谐…") that the page prints whole elsewhere."""
    found: set[str] = set()
    if len(end) < SEAM_SIDE or not _content(end):
        return found
    at = page.find(end)
    while at >= 0:
        after = page[at + len(end) : at + len(end) + SEAM_SIDE]
        if len(after) == SEAM_SIDE and _content(after):
            found.add(after)
        at = page.find(end, at + 1)
    return found


def _content(text: str) -> bool:
    return not any(ch in text for ch in "，。、；：！？“”（）\0")


def _cut_paragraphs(d: Draft) -> list[int]:
    """Paragraphs of body text that stop mid-sentence where a section head or the article's
    end follows: nothing in the text goes on there, so the layout cut it."""
    body = {k for k, _ in d.texts}
    paragraphs = d.article.paragraphs
    return [k for k in sorted(body) if not _finished(paragraphs[k]) and not _head_like(paragraphs[k])
            and (k + 1 == len(paragraphs) or k + 1 not in body or _head_like(paragraphs[k + 1]))]


def _head_like(text: str) -> bool:
    """A section head made a paragraph: no sentence in it, no sentence end after it."""
    return not _finished(text) and not has_sentence(text)


def _fresh_paragraphs(d: Draft) -> list[int]:
    """Paragraphs of body text that open after a finished sentence or a section head, or open
    an article that has no head and no author line of its own (an author's note after the
    text it ends is no such line)."""
    paragraphs = d.article.paragraphs
    body = {k for k, _ in d.texts}
    authored = bool(d.article.byline) and not AUTHOR_NOTE.match(d.article.byline)
    return [k for k in sorted(body) if k == 0 and not d.headed and not authored  # an author line opens an article
            or k > 0 and ((k - 1) in body and _finished(paragraphs[k - 1]) or _head_like(paragraphs[k - 1]))]


def _finished(text: str) -> bool:
    return text[-1:] in PARA_END + "：:；" and closes_sentence(text)


def join_lead_to_sections(drafts: list[Draft]) -> None:
    """A feature's head and lead paragraph can be printed apart from its body, which then
    opens, untitled, with its author line and a section head: a short titled text with no
    author of its own is that lead, when it is the only one on the page."""
    leads = [d for d in drafts if d.headed and d.article.paragraphs and not d.article.byline
             and len(d.article.text) <= SMALL_FRAGMENT and not DATELINE.match(d.article.paragraphs[0])]
    bodies = [d for d in drafts if not d.headed and d.article.byline and d.article.paragraphs
              and _head_like(d.article.paragraphs[0]) and len(d.article.paragraphs) > 1]
    if len(leads) != 1 or len(bodies) != 1:
        return
    lead, body = leads[0], bodies[0]
    body.heads, body.headed, lead.heads, lead.headed = lead.heads, True, [], False
    body.put(0, *lead.take(0))
