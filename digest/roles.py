"""Line roles: every line of a page gets one (blank, noise, caption, jump, byline, head, body).

A line's role comes from its own text (furniture patterns), its width against its
column, and its neighbours: a head follows text that closed and is followed by a gap, a
byline, a dateline or furniture -- never directly by the rest of its sentence.
"""
from __future__ import annotations

import unicodedata

from .author_lines import (CONTINUES_TEXT, appended_names, bylines_inside_sentences, heads_over_authors, lone_surnames,
                           name_pieces, names_after_body)
from .layout import PARA_END, column_widths, display_width, ends_paragraph, is_full, printed_indent
from .line_context import (BODY_PUNCT_END, CANNOT_START, MAX_HEAD_WIDTH, balanced, next_nonblank, next_nonblank_index,
                           prev_nonblank)
from .model import Line
from .nlp import splits_word, starts_with_word
from .patterns import ART_CREDIT, BULLET, BYLINE, CAPTION, CREDIT, DATELINE, JUMP, MASTHEAD, ROLE_WORD, SLOGAN
from .text import han_count, is_han

MAX_HEAD_LINES = 4


def classify(lines: list[Line], columns: list[float] | None = None) -> list[Line]:
    """Give every line a role: blank, noise, caption, jump, byline, head, body.

    ``columns`` is ``layout.column_widths(lines)``, passed in when the caller has it."""
    columns = columns if columns is not None else column_widths(lines)
    for line in lines:
        line.role = "blank" if line.blank else _furniture_role(line, display_width(line.text))
    appended_names(lines)
    lone_surnames(lines)
    name_pieces(lines)
    candidate = _head_candidates(lines, columns)
    for run in _candidate_runs(lines, candidate):
        for i in _confirmed(lines, columns, run):
            lines[i].role = "head"
    heads_over_authors(lines)
    _masthead_sandwich(lines)
    names_after_body(lines)
    _wrapped_subheads(lines, columns)
    bylines_inside_sentences(lines, columns)
    _wrapped_captions(lines)
    return lines


def _wrapped_captions(lines: list[Line]) -> None:
    """"数据来源：国家统计局…党的十八大以" / "来我国经济社会发展相关数据。": a caption cut
    mid-sentence goes on over the next lines, up to its sentence end (three lines at most);
    a line the extractor printed twice right under it is the caption's too."""
    for i, line in enumerate(lines):
        if line.role != "caption" or line.text[-1:] in PARA_END or line.text.endswith("摄"):
            continue
        for j in range(i + 1, min(i + 4, len(lines))):
            if lines[j].role != "body":
                break
            lines[j].role = "caption"
            if lines[j].text[-1:] in PARA_END:
                if j + 1 < len(lines) and lines[j + 1].role == "body" and lines[j + 1].text == lines[j].text:
                    lines[j + 1].role = "caption"
                break


def _head_candidates(lines: list[Line], columns: list[float]) -> list[bool]:
    """Body lines that could be heads, given whether the text before them closed.

    A candidate closes the text before the next line only if it looks finished
    (short, followed by a gap, or letter-spaced); a full-width one may be a wrapped
    first line, so it must not make the next line a candidate too.
    """
    candidate = [False] * len(lines)
    surely_text = _gapped_paragraphs(lines) | _indented_paragraphs(lines)  # never a head
    prev_closed = True
    running = ""  # the text since the last paragraph end: an aside may open lines before it closes
    for i, line in enumerate(lines):
        if line.role == "blank":
            continue
        if line.role != "body":
            prev_closed = True
            continue
        running = line.text if prev_closed else (running + line.text)[-80:]
        width = display_width(line.text)
        j = next_nonblank_index(lines, i)
        candidate[i] = i not in surely_text and _looks_like_head(line, width, columns[i], prev_closed, lines, i)
        if candidate[i] and (_is_short(line, columns[i]) or _head_spacing(line) or _phrase_spaced(line)
                             or j is None or j > i + 1):
            prev_closed = True
        else:
            prev_closed = ends_paragraph(running, width, columns[i], lines[j].raw if j is not None else None,
                                         gap_after=j is not None and j > i + 1)
    return candidate


INDENTING_PAGE = 3  # lines printed indented: the dump keeps the paragraphs' indents


def _indented_paragraphs(lines: list[Line]) -> set[int]:
    """Lines the dump prints with a paragraph's indent, on a page whose dump keeps indents
    (pdftotext keeps the PDF's "\u3000\u3000"): a paragraph's first line, never a head, which is
    set flush or centred (a letter-spaced head's leading space is no indent)."""
    found = {i for i, line in enumerate(lines) if printed_indent(line.raw) and not line.spaced}
    return found if len(found) >= INDENTING_PAGE else set()


def _gapped_paragraphs(lines: list[Line]) -> set[int]:
    """Lines of a paragraph set in a box with a gap after every line (a lead): three or more
    body lines one gap apart, all but the last as wide as each other, the last ending a
    sentence. Short and set apart, each would pass for a head."""
    found: set[int] = set()
    i = 0
    while i < len(lines):
        run = [i]
        while run[-1] + 2 < len(lines) and lines[run[-1] + 1].blank and lines[run[-1]].role == "body" \
                and not lines[run[-1] + 2].blank and lines[run[-1] + 2].role == "body" \
                and (lines[run[-1]].text[-1:] not in PARA_END or _as_wide(lines[run[-1]], lines[run[0]])):
            run.append(run[-1] + 2)  # a sentence may end at the box's edge: the paragraph goes on
        # the lead may stand under a head (and a label) set one gap above it
        start = next((k for k in range(len(run) - 2) if _one_gapped_paragraph(lines, run[k:])), None)
        if start is not None:
            found.update(run[start:])
        i = run[-1] + 1
    return found


def _as_wide(line: Line, first: Line) -> bool:
    """As wide as the first line of its box: the sentence ended at the box's edge."""
    return abs(display_width(line.text) - display_width(first.text)) <= 0.5


def _one_gapped_paragraph(lines: list[Line], run: list[int]) -> bool:
    widths = [display_width(lines[k].text) for k in run[:-1]]
    return len(run) >= 3 and lines[run[-1]].text[-1:] in PARA_END and max(widths) - min(widths) <= 0.5 \
        and display_width(lines[run[-1]].text) <= max(widths) + 1.0


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
    before: list[int] = []
    for k in range(len(run) - 2, -1, -1):
        if not _ends_head(lines, columns, run[k], run[0], last=False):
            # the lines before a line that runs on into the next may be a head of their own
            # (a head over a lead set with a gap after every line)
            before = _confirmed(lines, columns, run[:k]) if k else []
            run = run[k + 1 :]
            break
    if len(run) > MAX_HEAD_LINES and not _stack_of_heads(lines, run):
        return before
    return before + run


def _stack_of_heads(lines: list[Line], run: list[int]) -> bool:
    """Lines each set apart by gaps and bare of punctuation: heads (titles, kickers) the
    extractor stacked together, not a paragraph of short lines."""
    return all((_isolated(lines, i) or i == run[-1]) and not any(ch in lines[i].text for ch in "，。；、,;") for i in run)


def _ends_head(lines: list[Line], columns: list[float], i: int, first: int, last: bool) -> bool:
    j = next_nonblank_index(lines, i)
    nxt = lines[j] if j is not None else None
    if nxt is None:
        return True
    if nxt.hint == "inside":
        return False  # a name piece the sentence runs round: the text goes on
    if nxt.role == "body" and nxt.text[:1] in CONTINUES_TEXT and not starts_with_word(nxt.text):
        return False  # "…社会发展" + "的核心战略": the text goes on (but "着力解决…" is a word)
    if last and (nxt.role in ("byline", "noise", "jump", "caption") or DATELINE.match(nxt.text)):
        return True
    if not last and nxt.role == "byline":
        return True
    line = lines[i]
    prev = prev_nonblank(lines, i)
    after_article_end = prev is not None and prev.role in ("byline", "jump") and i == first
    after_kicker = prev is not None and i != first and prev.text.endswith(("——", "—"))  # "…全链条———" / its title
    looks_finished = ((not last and j > i + 1) or _is_short(line, columns[i]) or _head_spacing(line) or _phrase_spaced(line)
                      or display_width(line.text) > columns[i] + 2 or after_article_end or after_kicker
                      or (line.text.endswith(("—", "？", "！", "?", "!")) and j > i + 1)
                      or (last and _set_apart_head(lines, columns, i)))
    gap = j > i + 1
    if not looks_finished or (last and not gap) or splits_word(line.text, nxt.text) \
            and not (_isolated(lines, i) and not splits_word(line.text, nxt.text, context=3)):
        # a line set apart by gaps runs on into the text only if a wider reading agrees:
        # "虎年开门红" | "安信证券…" is no "红安"
        return False
    return True


def _set_apart_head(lines: list[Line], columns: list[float], i: int) -> bool:
    """One line alone between gaps, after closed text and over a block of text: a head,
    however wide. A line of text has a gap on both sides only where a column holds one
    line, which is no layout's; pages that set a gap after every line are told apart by
    their neighbours being set apart too. A line opening with a short clause and a comma
    ("会上，…"), as wide as an indented first line of the text below, reads as a paragraph's
    first line cut off by a column break. A lead set with a gap after every line may follow
    a head; the head is then far wider than its lines."""
    below = next_nonblank_index(lines, i)
    if not _isolated(lines, i) or below is None or below + 1 >= len(lines):
        return False
    width = display_width(lines[i].text)
    if ("，" in lines[i].text[:6] or "," in lines[i].text[:6]) and columns[below] - 3.5 <= width < columns[below] - 1.5:
        return False
    if lines[below + 1].blank:  # a lead set with a gap after every line, under a head far wider
        return width >= 1.5 * display_width(lines[below].text)
    return True


def _head_spacing(line: Line) -> bool:
    """Letter-spaced like a display head: spaced out and no punctuation inside.
    (Justified body text is letter-spaced too, but it carries commas.)"""
    return line.spaced and not any(ch in line.text[:-1] for ch in "，、。；：,;")


def _furniture_role(line: Line, width: float) -> str:
    text = line.text
    if JUMP.match(text):
        return "jump"
    if CREDIT.match(text) or ART_CREDIT.match(text) or SLOGAN.match(text):
        return "noise"
    if CAPTION.match(text):
        return "caption"
    is_byline = width <= 45 and (BYLINE.match(line.spaced_raw) or BYLINE.match(text) or ROLE_WORD.match(text)) \
        and not text.endswith(("。", "，"))
    if is_byline and text[:1] in "（(":  # （据…官方微信） credits a source; it is no masthead
        return "byline"
    if width <= 60 and MASTHEAD.search(text):
        return "noise"
    if is_byline:
        return "byline"
    if han_count(text) == 0 and width <= 40 and not _only_punctuation(text) and text[-1:] not in "。！？；，、：…”）":
        # Latin-only or digit-only furniture: "Sci-Tech & Finance Times", "2"; but "58.1%。"
        # under "…城镇化率达到" is the end of a sentence the wrap pushed down
        return "noise"
    if line.hint in ("glued", "duplicate"):
        return "noise"  # a spaced-out slogan the extractor glued in front of a headline
    return "body"


def _only_punctuation(text: str) -> bool:
    """"。" or "”。" alone on a line: the end of a sentence the wrap pushed down, not furniture."""
    return all(unicodedata.category(ch)[0] == "P" for ch in text)


def _looks_like_head(line: Line, width: float, column: float, prev_closed: bool, lines: list[Line], i: int) -> bool:
    text = line.text
    if line.hint == "jumps":
        return False  # "1月17日，国家统计局发布2021年 （下转A2版）": a cut article's text
    if han_count(text) < 2 or width > MAX_HEAD_WIDTH or text[-1] in BODY_PUNCT_END and not _colon_head(line, width, column):
        return False
    if text[0] in CANNOT_START.replace("：", "") or DATELINE.match(text) or BULLET.match(text) or not balanced(text):
        return False
    if text[0] in "（(" and text[-1] in "）)" and text.count("（") + text.count("(") == 1:
        return False  # "（环球网）": the source credit of the text above, wrapped onto a line of its own
    if _head_spacing(line) and "\n" in line.raw:
        return True  # a vertical head
    if not prev_closed:
        # the column before was cut off (continued elsewhere); a line set apart by gaps and
        # wider than the column still reads as a head
        return _isolated(lines, i) and (width > column + 2 or _head_spacing(line))
    if text.endswith(("——", "—", "：")):
        return True
    nxt = next_nonblank(lines, i)
    wider_than_column = width > column + 2
    if text[-1] in "？！?!…" and not (wider_than_column or _isolated(lines, i) or nxt is not None and nxt.role == "byline"):
        return False  # a question or exclamation ends a sentence of text, unless set as a head
    if nxt is not None and nxt.text[:1] in CANNOT_START:
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




def _ends_short_paragraph(line: Line, column: float) -> bool:
    return line.text[-1] in "。！？”" and not is_full(display_width(line.text), column) and display_width(line.text) < 12


def _isolated(lines: list[Line], i: int) -> bool:
    # a slogan glued in front of a head on its line stands for a gap
    before = i == 0 or lines[i - 1].blank or lines[i - 1].hint == "glued" and lines[i - 1].number == lines[i].number
    after = i + 1 >= len(lines) or lines[i + 1].blank
    return before and after


def _masthead_sandwich(lines: list[Line]) -> None:
    """A short head-like line between masthead lines is masthead too (slogans, English names)."""
    real = [k for k, l in enumerate(lines) if not l.blank and l.hint != "duplicate"]
    for p, i in enumerate(real):
        if lines[i].role != "head":
            continue
        sides = [lines[real[q]] for q in (p - 1, p + 1) if 0 <= q < len(real)]
        if sides and all(s.role == "noise" for s in sides):
            lines[i].role = "noise"


def _wrapped_subheads(lines: list[Line], columns: list[float]) -> None:
    """A section sub-head set in a narrow box, wrapped over 2-4 short lines and run straight
    into the text ("以供给侧结构性" / "改革为主线具有客观" / "必然性" / text...): its own paragraph.

    Its lines are well short of the column, carry no punctuation, and stand after a gap
    or a closed paragraph; the line after them is a full line of text (less the two
    characters a paragraph's first line is indented by, which justification can stretch
    to three: "由高速增长阶段转向高质量发展" under a 17-character column)."""
    i = 0
    while i < len(lines):
        run = []
        j = i
        while j < len(lines) and _subhead_piece(lines[j], columns[j]) and len(run) < MAX_HEAD_LINES:
            run.append(j)
            j += 1
        if run and j + 1 < len(lines) and lines[j].role == "head" and lines[j + 1].blank \
                and _subhead_piece(lines[j], columns[j], role="head") and len(run) < MAX_HEAD_LINES:
            run.append(j)  # its last line, set apart by the gap under it, was read as a head alone
            j += 1
        gap = j < len(lines) and lines[j].blank
        if gap:  # a gap after the head, then its text
            j = next_nonblank_index(lines, j - 1) or len(lines)
        after = lines[j] if j < len(lines) else None
        if len(run) >= 2 and after is not None and after.role == "body" and not after.blank \
                and display_width(after.text) >= _text_width(lines, columns, j, gap) - (4.5 if after.text[:1] in "“‘《（(" else 3.5) \
                and _closed_before(lines, run[0]) \
                and sum(len(lines[k].text) for k in run) >= 8 and lines[run[0]].text[0] not in "“《（(" \
                and not splits_word(lines[run[-1]].text, after.text):
            for k in run:
                lines[k].role = "subhead"
        i = max(j, i + 1)


def _text_width(lines: list[Line], columns: list[float], j: int, gap: bool) -> float:
    """The width of the text that starts at line ``j``. After a gap, the column estimate
    still mixes in the box above it (a wide one over a narrow head: 30 for a 17-character
    column), so the widest of the text's next lines says it."""
    if not gap:
        return columns[j]
    below = [display_width(l.text) for l in lines[j + 1 : j + 4] if l.role == "body" and not l.blank]
    return min(columns[j], max(below)) if below else columns[j]


def _subhead_piece(line: Line, column: float, role: str = "body") -> bool:
    text = line.text
    return (line.role == role and len(text) >= 2 and display_width(text) <= 0.7 * column
            and not any(ch in text for ch in "，。；：！？,;:!?"))


def _closed_before(lines: list[Line], i: int) -> bool:
    prev = lines[i - 1] if i else None
    if prev is None or prev.blank or prev.role not in ("body", "subhead"):
        return True
    return prev.text[-1] in "。！？”…"


