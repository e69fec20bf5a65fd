"""A draft's head lines -> its title and subtitle: the main head is the title; kickers
(…——, …：) and decks (——…) are the subtitle; a head the PDF drew in pieces, twice over
itself or in overlapping pieces, is put together again, and what only repeats goes to noise.
"""
from __future__ import annotations

import re

from . import geometry
from .text import display_width, widest_width
from .model import Line
from .patterns import LEAD_IN
from .pieces import KICKER_ENDS, STRAY_HEAD, Draft
from .similarity import bigram_vector, overlap, overlap_in
from .nlp import RUNS_ON, cohesion, splits_word
from .line_context import CANNOT_START, balanced, deck_alone, head_wrapped

LABEL_CHARS = 5  # a line this short over a head may be a graphic's label ("院士岛", "消费升级")
KICKER_SHARE = 0.5  # a plain line right over a head more than twice its length leads into it: a kicker
OUTDONE = 2.0  # a head about another text shares at least this many times more of its wording with it
NEIGHBOURS = 8  # drafts either side (page order) whose text a stacked head may be about
SWAP_GAIN = 0.5  # half a head's character pairs more in the other text (a swap: summed over its two heads;
# at 0.3, two real titles went astray)
HEAD_FITS = 0.5  # a head half of whose character pairs its text repeats is that text's (a stray fragment of
# two or three characters read as a head may share all of its one or two pairs with another text)


def rehome_heads(drafts: list[Draft]) -> None:
    """Heads stacked over one text, set apart by a gap, may be two articles' heads: the PDF
    drew one article's head next to another's, or the extractor printed them together
    ("午评：三大指数…" / "安信证券：节后市场…" over the second's text, the first's text
    further on). Which head is whose is read from the wording: a head that shares next to
    nothing with the text under it (< STRAY_HEAD of its bigrams) and OUTDONE times as much,
    and at least STRAY_HEAD, with the text of an untitled draft near it (before it: a head
    printed after its story; after it: heads drawn together) is that draft's head
    (headlines are written, not copied: half their bigrams in the text is a lot); so is one
    that shares some with its text but whose share in the other text is SWAP_GAIN more, as
    when two heads change places ("优先发展教育事业": 0.29 of its pairs in the text under it,
    all of them in the text beside). The draft keeps at least one head. (Only the untitled
    after it: titles on generated theory pages 0.894 -> 0.886; both: 0.888 -> 0.894.)"""
    for at, d in enumerate(drafts):
        groups = _head_groups(d.heads)
        if len(groups) < 2 or not d.article.paragraphs:
            continue
        own_text = d.article.text
        for group in groups:
            if len(d.heads) == len(group):
                break
            head = "".join(line.text for line in group)
            own = overlap(head, own_text)
            if own >= HEAD_FITS:
                continue  # its own: no other text can repeat SWAP_GAIN more of it
            untitled = [e for e in drafts[max(0, at - NEIGHBOURS): at + NEIGHBOURS + 1]
                        if e is not d and (not e.heads or deck_alone(e.heads)) and e.article.paragraphs]
            shares = [overlap(head, e.article.text) for e in untitled]  # once each
            if not shares:
                continue
            other = max(shares)
            best = untitled[shares.index(other)]  # the first of equals, as ever
            if _outdoes(other, own) if own < STRAY_HEAD else other - own > SWAP_GAIN:
                d.heads = [line for line in d.heads if line not in group]
                best.heads, best.headed = sorted(best.heads + group, key=lambda line: line.number), True


def _outdoes(other: float, own: float) -> bool:
    return other >= STRAY_HEAD and other >= OUTDONE * own


def _head_groups(lines: list[Line]) -> list[list[Line]]:
    """Head lines in runs printed together (a gap or other lines between starts a new run)."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups and line.number <= groups[-1][-1].last_number + 1:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _without_stray_labels(lines: list[Line], d: Draft, noise: list[str]) -> list[Line]:
    """A short line set apart over the rest of a head, sharing (almost) nothing with the
    article's text and not worded as a kicker ("院士岛", the label of a graphic), is furniture:
    a real kicker or deck shares at least 0.44 of its bigrams with its text on the seeds.
    Longer lines are left alone: a kicker about the page's theme may share few words too."""
    text = d.article.text
    out = list(lines)
    while len(out) > 1 and out[1].number > out[0].last_number + 1 and len(out[0].text) <= LABEL_CHARS \
            and not out[0].text.endswith(KICKER_ENDS) and not out[0].text.startswith("—") \
            and text and overlap(out[0].text, text) < STRAY_HEAD:
        out[0].role = "noise"
        noise.append(out[0].text)
        out.pop(0)
    return out


OVERPRINT = 4  # characters two pieces of a head drawn overlapping share (kicker and title share fewer)


# the mark of a head drawn twice and printed interleaved: a run and the punctuation after it
# both doubled ("新使命新使命：："); a run doubled alone is often the text ("会见武契奇武契奇说")
_DRAWN_TWICE = re.compile(r"([^\W\d_]{2,}?)\1([：:，、])\2")


def _drawn_once(text: str, noise: list[str]) -> str:
    """A head drawn twice over itself, which pdfminer.six prints interleaved ("新使命新使命：：
    中国共产党的历史担当"): the doubled run and mark once; the repeats go to noise."""
    def once(m: re.Match) -> str:
        noise.append(m.group(1) + m.group(2))
        return m.group(1) + m.group(2)
    return _DRAWN_TWICE.sub(once, text)


def _join_overlapping(texts: list[str], noise: list[str]) -> None:
    """A head the PDF draws in overlapping pieces ("新时代：发展新方位" / "发展新方位奋进新目标",
    PyMuPDF and pdftotext -raw print each piece) is one head: a piece whose end another
    piece opens with is joined to it; the repeated characters go to noise. A deck (——…) is no
    such piece: "——刚刚过去的2021年" ends on the words its title opens with by chance."""
    for a in range(len(texts)):
        for c in range(len(texts)):
            if a == c or not texts[a] or not texts[c] or texts[a].startswith("—") or texts[c].startswith("—"):
                continue
            shared = next((k for k in range(min(len(texts[a]), len(texts[c])) - 1, OVERPRINT - 1, -1)
                           if texts[a].endswith(texts[c][:k])), 0)
            if shared:
                noise.append(texts[c][:shared])
                texts[a], texts[c] = texts[a] + texts[c][shared:], ""


_WORD = re.compile(r"[^\W_]")
_NO_HEAD_OPENS = "。，、；：！？,.;!?"  # the end of the sentence before, cut onto the head's line


def _without_stray_mark(text: str, noise: list[str]) -> str:
    """A head never opens with the mark that ends a sentence ("。准确理解…", where pdftotext -raw
    cut the text's last "。" onto the head's line): the mark goes to noise."""
    stripped = text.lstrip(_NO_HEAD_OPENS)
    if stripped != text and _WORD.search(stripped):
        noise.append(text[: len(text) - len(stripped)])
        return stripped
    return text


_COLON = re.compile("[：:]")  # a title names one source or place before its colon, never two (no gold title does)
_PHRASE = re.compile(r"[\w“”《》]{3}")


def phrase_across(upper: str, lower: str, text: str) -> bool:
    """Do three characters across the break between two head lines also stand in the
    article's text? A head's words are its story's words: "花旗建立2022年12月布伦特" /
    "原油期货看跌头寸" over a text on "布伦特原油" is one head wrapped at a word; a kicker and its
    title meet on words the text never prints together (on none of the 25 real kicker-title
    pairs we hold did the article's text repeat such a phrase but one, whose upper line was the
    shorter: a head wrapped at its width fills its first line)."""
    if display_width(upper) < display_width(lower):
        return False
    joined, cut = upper + lower, len(upper)
    return any(_PHRASE.fullmatch(g) and g in text for g in (joined[cut - 2 : cut + 1], joined[cut - 1 : cut + 2]))


def _claim_goes_on(upper: str, lower: str) -> bool:
    """"证券时报：保障性租赁" / "住房将成楼市新增长极": a head that names its source before a colon
    says what the source says after it; a line as wide under it, with no colon of its own, goes on
    saying it."""
    colon = max(upper.rfind("："), upper.rfind(":"))
    return 2 <= colon < len(upper) - 1 and "：" not in lower and ":" not in lower and not lower.startswith("—") \
        and abs(display_width(upper) - display_width(lower)) <= WRAP_SLACK


WRAP_SLACK = 1  # characters (a Latin letter or digit counts half) a full line may fall short of another


def _fills_first_line(upper: str, lower: str, text: str, below: str | None = None, gaps: bool = True,
                      above: str | None = None, head: str | None = None) -> bool:
    """On a page that sets its kickers apart by a gap, two head lines printed together, the
    upper wider than the lower and neither marked as a kicker or a deck, are one head
    wrapped at its width -- unless the upper is about another text than the lower's (a line
    another story's box left over this head, in the order pdfminer.six reads boxes). Two
    lines as wide as each other are one head too when a shorter line goes on under them
    (every line of a head wrapped at its width is full but its last: "蔚来回应宁德时代布局" /
    "换电：欢迎有利于电动" / "车主的创新"; the upper may fall a character short, where one
    did not fit after half-width Latin letters); two alone may be a title and its deck set
    to match ("数字经济创新发展大会召开" / "全省十项重点成果同日发布"). Three lines or more as wide as
    each other are one head, however the page sets its kickers: a kicker and a title, or a title
    and its deck, each of one line, are not set to one width with a third line. Without ``gaps``
    (an extractor that prints no blank lines, so no gap sets a kicker apart) only such equal
    lines say so. Whether the head is about the lower line's text is asked of ``head``, the
    head so far (the upper line with the lines it went on from): the middle line of a head
    wrapped over three shares few words with anything ("摩根士丹利料美股还" / "有更大跌势恐怕会跑" /
    "输世界其余地区股市")."""
    if upper.endswith(KICKER_ENDS) or lower.startswith("—"):
        return False
    wider = display_width(upper) - display_width(lower)
    narrowest = min(display_width(upper), display_width(lower))
    equal_over_next = abs(wider) <= WRAP_SLACK and below is not None and display_width(below) <= narrowest + WRAP_SLACK
    under_equal_pair = above is not None and abs(display_width(above) - display_width(upper)) <= WRAP_SLACK \
        and wider >= -WRAP_SLACK
    if not (equal_over_next or under_equal_pair or wider > 0 and gaps):
        return False
    lower_is_full = below is not None and (head_wrapped(lower, below) or not below.startswith("—")
                                           and display_width(below) < display_width(lower))
    if lower_is_full and not _fits_measure(upper, lower):
        return False  # the lower line is a full line of a head wrapped at another width than the upper: not one head
    return overlap(head or upper, text) >= STRAY_HEAD or overlap(lower, text) < STRAY_HEAD


def _fits_measure(upper: str, lower: str) -> bool:
    """Could ``upper`` be the first full line of a head whose next full line is ``lower``? Both
    fill the head's width, give or take what print may squeeze or stretch: a Latin letter or
    digit takes half a cell to a whole one, a quote, bracket or comma a whole cell or half of one
    ("桥水料市场面临“重大风险”" over "因投资者低估美联储收紧政") or, at a line's end, none (it hangs
    past the measure: "网传正邦科技借员工" / "名义办理养殖贷公司："), and a typesetter moves a
    character down so that no line opens with a comma ("…召" / "开，…")."""
    short = 1 if lower[1:2] and lower[1] in CANNOT_START else 0
    return _narrowest(upper) <= widest_width(lower) and widest_width(upper) + short >= _narrowest(lower)


_SQUEEZABLE = re.compile("[“”‘’（）《》〈〉「」『』，、。：；！？]")


def _narrowest(text: str) -> float:
    text = text.rstrip(CANNOT_START)
    return display_width(text) - 0.5 * len(_SQUEEZABLE.findall(text))


def _set_largest(pairs: list[tuple[Line, str]], held: list[list[Line]]) -> tuple[Line, str] | None:
    """The head piece set largest, read from widths: a piece wrapped at its width (a word runs
    on across a break; every line full but the last) holds no more than its first line's width
    a line; a piece printed on one line wider than that, right over or under it (in the same
    measure: over a gap may stand what another column left), is set smaller. The one piece so
    shown larger than all others. Lines of one or two characters tell no measure: a vertical
    head, or its pieces. ``held``: the lines each piece of ``pairs`` was put together from."""
    def capacity(texts: list[str]) -> float | None:
        widths = [display_width(t) for t in texts]
        if len(widths) < 2 or widths[0] < 3 or widths[-1] > widths[0] + WRAP_SLACK \
                or any(abs(w - widths[0]) > WRAP_SLACK for w in widths[1:-1]) \
                or not any(head_wrapped(u, v) for u, v in zip(texts, texts[1:])):
            return None
        return max(widest_width(t) for t in texts[:-1])
    if any(b[0].number != a[-1].last_number + 1 for a, b in zip(held, held[1:])):
        return None  # not one run of lines
    for piece, own in zip(pairs, held):
        cap = capacity([l.text for l in own])
        others = [o for o in held if o is not own]
        if cap is not None and others and all(len(o) == 1 and display_width(o[0].text) > cap + WRAP_SLACK
                                              for o in others):
            return piece
    return None


def _line_under(lines: list[Line], c: int) -> str | None:
    """The head line printed right under line ``c`` (no gap), if any."""
    if c + 1 < len(lines) and lines[c + 1].number == lines[c].last_number + 1:
        return lines[c + 1].text
    return None


def _line_over(lines: list[Line], a: int) -> str | None:
    """The head line printed right over line ``a`` (no gap), if any."""
    if a > 0 and lines[a].number == lines[a - 1].last_number + 1:
        return lines[a - 1].text
    return None


def set_head(d: Draft, noise: list[str], gaps: bool = True) -> None:
    """Title and subtitle from a head group: its pieces cleaned of what only repeats, joined
    where one head runs on into the next line, then the title chosen among them; kickers
    (…——) and decks (——…) are subtitles."""
    lines = [l for l in d.heads if l.text]
    if not lines:
        return
    lines = _without_stray_labels(lines, d, noise)
    texts = _cleaned_pieces(lines, noise)
    printed = _join_pieces(lines, texts, d.article.text, gaps)
    texts = [_without_stray_mark(t, noise) for t in texts]
    pairs = [(l, t) for l, t in zip(lines, texts) if t]
    title = _choose_title(pairs, [p for p, t in zip(printed, texts) if t], d.article.text, gaps)
    d.article.title = title[1]
    d.article.subtitle = " / ".join(t for l, t in pairs if l is not title[0]) or None
    for l, t in zip(lines, texts):  # a line whose text went into the title is the title's
        l.role = "headline" if l is title[0] or not t and l.text.lstrip("：:") in title[1] else "subtitle"


def _cleaned_pieces(lines: list[Line], noise: list[str]) -> list[str]:
    """Each head line's text, a head the extractor printed in fragments ("新时代：" / "新时代" /
    "：发展新方位") put together again; a fragment that only repeats another goes to noise
    (and its text to "")."""
    texts = [l.text for l in lines]
    for a in range(len(texts)):
        for c in range(a + 1, len(texts)):
            if texts[a] and texts[c] and texts[a].endswith(("：", ":")) and texts[c].startswith(("：", ":")):
                texts[a] = texts[a] + texts[c][1:]
                noise.append(lines[c].text[:1])
                texts[c] = ""
    texts = [_drawn_once(t, noise) for t in texts]
    for b in range(len(texts)):  # a piece the piece next to it holds whole repeats it (one character proves
        # nothing; of two equal pieces, the first stays: pdfminer.six prints a head drawn twice twice; a
        # wrapped head's last piece may repeat a word of its first: "交通运输部：强化春运" / … / "春运"; nor
        # does a piece a word runs on into from the piece over it: "…协议大宗交" / "易方式")
        if len(texts[b]) > 1 and any(abs(c - b) == 1 and texts[b] in o and (len(o) > len(texts[b]) or c < b)
                                     for c, o in enumerate(texts)) \
                and not (b > 0 and texts[b - 1] and splits_word(texts[b - 1], texts[b])):
            noise.append(texts[b])
            texts[b] = ""
    _join_overlapping(texts, noise)
    return texts


def _join_pieces(lines: list[Line], texts: list[str], text: str, gaps: bool) -> list[list[Line]]:
    """Join in place the pieces that are one head (the joined text goes to the lower piece, the
    upper's becomes ""); returns the lines each piece now holds. A head goes on in the piece
    under it: "安徽和县：" directly over "新绿染夏田" is one title (not over a head with a colon of
    its own: "今日关注：" over "工信部：…" is a label kicker); so is a head pdftotext -raw cut after
    a comma ("“一国两制”是保持香港、" / "澳门长期繁荣稳定的最佳制度"), one wrapped at its width
    (``head_wrapped``), and one an extractor boxed line by line, a blank line between, where a
    word runs across the break. ``text``: the article's text."""
    printed = [[l] if t else [] for l, t in zip(lines, texts)]
    for a in range(len(texts) - 1):
        # the next piece left, with nothing printed between but pieces that only repeated it
        c = next((k for k in range(a + 1, len(texts)) if texts[k]), a + 1)
        if not texts[a] or not texts[c]:
            continue
        cut_at_mark = texts[a].endswith(("：", ":", "，", "、", "；", ",")) and not texts[c].startswith(("—", "：", ":")) \
            and lines[c].number - lines[a].last_number <= c - a \
            and not (texts[a].endswith(("：", ":")) and _COLON.search(texts[c]))
        adjacent = c == a + 1 and lines[c].number == lines[a].last_number + 1
        # a word running across the break ("…加强重金" / "属污染防控", as surely as ``order`` asks)
        # joins across a blank line too, under a line as wide or wider (a head wrapped at its
        # width fills its first line; a kicker "为有金融活水来" over "临平推出…" is shorter): an
        # extractor that boxes each line of a large head prints blank lines between them
        word_across_blank = c == a + 1 and lines[c].number == lines[a].last_number + 2 \
            and display_width(texts[a]) >= display_width(texts[c]) and cohesion(texts[a], texts[c]) >= RUNS_ON
        if cut_at_mark or word_across_blank or adjacent and (head_wrapped(texts[a], texts[c]) or phrase_across(texts[a], texts[c], text)
                                        or _claim_goes_on(texts[a], texts[c])
                                        or _fills_first_line(lines[a].text, lines[c].text, text,
                                                                 _line_under(lines, c), gaps, _line_over(lines, a), texts[a])):
            texts[c] = texts[a] + texts[c]
            texts[a] = ""
            printed[c] = printed[a] + printed[c]
    deck = next((a for a in range(len(texts)) if texts[a].startswith("—")), None)
    if deck is not None:  # a deck (——…) is the last of a head: lines after it are more of it
        for c in range(deck + 1, len(texts)):  # ("——" / "《…通论》" / "简评": pdftotext -raw)
            texts[deck] += texts[c]
            texts[c] = ""
    for a in range(len(texts) - 1):  # a deck wrapped inside its quotes: "——“第九届…国际" / "学术会议”述要"
        c = a + 1
        if texts[a] and texts[c] and not balanced(texts[a]) and balanced(texts[a] + texts[c]) \
                and lines[c].number == lines[a].last_number + 1:
            texts[a] = texts[a] + texts[c]
            texts[c] = ""
    return printed


def _choose_title(pairs: list[tuple[Line, str]], held: list[list[Line]], text: str, gaps: bool) -> tuple[Line, str]:
    """The (line, text) piece that is the title: not a kicker (…——, …：) nor a deck (——…);
    of two plain pieces, the lower one over a gap (a kicker stands over its title, set apart)
    or the upper one with none (a deck set right under its title), unless it is not half the
    lower's length (a short kicker set right over a long title); the piece set largest, by
    its widths or by a PDF's type sizes; and never a piece that shares next to nothing with
    the text while another shares twice as much. ``held``: the lines each piece holds."""
    subs = [(l, t) for l, t in pairs if t.startswith("—") or t.endswith(("—", "：", ":")) or LEAD_IN.search(t)]
    mains = [p for p in pairs if p not in subs] or pairs[-1:]
    title = mains[-1]  # a kicker stands over its title, set apart by a gap
    if gaps and len(mains) == 2 and mains[1][0].number == mains[0][0].last_number + 1 and len(pairs) == 2 \
            and len(mains[0][1]) > KICKER_SHARE * len(mains[1][1]):
        title = mains[0]  # a deck set right under its title ("解码…科创生态" / "《有为与有效》…专场举行")
    if len(pairs) > 1 and pairs[-1][1].endswith("——") and _WORD.search(pairs[-1][1]):
        title = pairs[-1]  # "代表委员这样说——" right over the text it introduces
    by_width = _set_largest(pairs, held)
    if by_width is not None and by_width in mains:
        title = by_width
    largest = geometry.largest([l for l, _ in pairs])
    if largest is not None:  # a PDF says it outright: the title is set largest
        title = next(p for p in pairs if p[0] is largest)
    if len(pairs) > 1 and text and (own := overlap(title[1], text)) < STRAY_HEAD:
        # unless it shares next to nothing with the text and another head line shares twice
        # as much, or it shares nothing at all and another some: a banner over the article
        # ("奋进新征程 建功新时代", on a PDF set larger than the head), an author's name read as
        # a head ("朱炳元朱炳元"), another story's head. Real titles share at least a third of
        # their character pairs with their text (all 63 gold titles: 0.33 to 1.00), even one
        # worded as a figure of speech ("科技点燃新质生产力": 0.62)
        # a deck (——…) is never the title, however much of the text it repeats
        echoed = max((p for p in pairs if not p[1].startswith("—")), key=lambda p: overlap(p[1], text), default=title)
        if _outdoes(overlap(echoed[1], text), own) or own == 0 and overlap(echoed[1], text) > 0:
            title = echoed
    return title


def swap_crossed_titles(drafts: list[Draft]) -> None:
    """Heads that went to each other's text change places, with their kickers and decks. Two
    stories side by side whose heads crossed (an extractor that prints heads after their text,
    read head-first one story off): each title shares next to nothing with its own text (<
    STRAY_HEAD of its character pairs; every real title shares a third) and at least that with
    the other's. And over the whole page, best first, any two heads whose swap makes their texts
    repeat SWAP_GAIN more of their wording, summed, neither of whose texts repeats half its own
    head (HEAD_FITS): a row of heads set side by side, printed before their texts in another
    order ("走好新时代的长征路", all of whose wording the text under "以供给侧结构性改革…" repeats,
    where that head's own comes to a quarter)."""
    for d, e in zip(drafts, drafts[1:]):
        a, b = d.article, e.article
        if not (a.title and b.title and a.paragraphs and b.paragraphs):
            continue
        if overlap(a.title, a.text) < STRAY_HEAD and overlap(b.title, b.text) < STRAY_HEAD \
                and overlap(a.title, b.text) >= STRAY_HEAD and overlap(b.title, a.text) >= STRAY_HEAD:
            _swap_heads(d, e)
    titled = [d for d in drafts if d.article.title and d.article.paragraphs]
    found = [bigram_vector(d.article.text)[0] for d in titled]  # each text's pairs, once
    shares = [[overlap_in(d.article.title, pairs) for pairs in found] for d in titled]  # [head][text]
    head_of = list(range(len(titled)))  # which head each text has now

    def gain(i: int, j: int) -> float:
        """How much more of the two heads' wording their texts repeat once the heads change places
        (none when either text repeats half its head already: that head is its own)."""
        a, b = head_of[i], head_of[j]
        own = shares[a][i], shares[b][j]
        if max(own) >= HEAD_FITS:
            return 0.0
        return shares[a][j] + shares[b][i] - own[0] - own[1]

    pairs = [(i, j) for i in range(len(titled)) for j in range(i + 1, len(titled))]
    for _ in titled:
        best = max(pairs, key=lambda pair: gain(*pair), default=None)
        if best is None or gain(*best) <= SWAP_GAIN:
            return
        i, j = best
        _swap_heads(titled[i], titled[j])
        head_of[i], head_of[j] = head_of[j], head_of[i]


def _swap_heads(d: Draft, e: Draft) -> None:
    a, b = d.article, e.article
    (a.title, a.subtitle), (b.title, b.subtitle) = (b.title, b.subtitle), (a.title, a.subtitle)
    d.heads, e.heads = e.heads, d.heads
