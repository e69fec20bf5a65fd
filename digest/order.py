"""Reading order: put heads back in front of their text when the extractor printed them after,
and a sentence's rest printed elsewhere back after its start (``continuations_follow``).

Extractors that follow the PDF's content stream (pdftotext -raw, PyMuPDF) print each
article's text first and its head and author line after it, and no blank lines;
pdftotext's default and pdfminer.six mostly print the head first, with blank lines
between boxes (a head printed after its story there is the assembler's business, one head
at a time). Which of the two a page does is read from the page as a whole: each head group
(the lines the tagger reads as heads, with the author line under them) is compared by its
words with the text before it and the text after it. On the 48 real dumps of the twelve
shared pages and the seeds the sign of the summed difference never errs (content-stream
dumps +0.24 to +1.7; the others -0.04 to -1.7), where one head alone can be wrong either
way; so the page is reordered only as a whole.
"""
from __future__ import annotations

import re

from .layout import PARA_END
from .model import Line
from .nlp import RUNS_ON, cohesion
from .similarity import similarity
from .text import display_width

_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")


def _words(lines: list[Line], indices, tags: tuple[str, ...]) -> str:
    """The Han characters of those lines with those tags: what a head and a text share."""
    return _NOT_HAN.sub("", "".join(lines[i].text for i in indices if lines[i].tag in tags))


def head_groups(lines: list[Line]) -> list[list[int]]:
    """Runs of lines the tagger reads as heads, each with the author lines right under it;
    section-head lines printed right against a head line (no blank line) are of its head."""
    groups: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if line.blank:
            continue
        if line.tag == "head" and current and lines[current[-1]].tag == "byline":
            groups.append(current)  # an author line closes its head: a head after it is another's
            current = [i]
        elif line.tag == "head" or (current and line.tag == "byline"):
            if not current:
                current = _section_lines_over(lines, i)
            current.append(i)
        elif current and line.tag == "subhead" and current[-1] == i - 1 and lines[i - 1].tag in ("head", "subhead"):
            current.append(i)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _section_lines_over(lines: list[Line], i: int) -> list[int]:
    """The section-head lines right over head line ``i``, with no blank line between."""
    k = i
    while k > 0 and lines[k - 1].tag == "subhead" and not lines[k - 1].blank:
        k -= 1
    return list(range(k, i))


def heads_follow_text(lines: list[Line], groups: list[list[int]], unanimous: bool = False) -> bool:
    """Does this page print heads after their text? Each head votes by how much more its
    words share with the text before it than with the text after it: the majority decides,
    or, where ``unanimous``, every vote must agree (a page with gaps comes from an extractor
    that prints heads first, one now and then after its story)."""
    votes = []
    for k, group in enumerate(groups):
        start = groups[k - 1][-1] + 1 if k else 0
        end = groups[k + 1][0] if k + 1 < len(groups) else len(lines)
        head = _words(lines, group, ("head", "subhead"))
        before = _words(lines, range(start, group[0]), ("body", "subhead"))
        after = _words(lines, range(group[-1] + 1, end), ("body", "subhead"))
        votes.append(similarity(head, before) - similarity(head, after))
    if unanimous:
        return all(v > 0 for v in votes)
    return sum(votes) > 0 and sum(v > 0 for v in votes) > sum(v < 0 for v in votes)


def heads_first(lines: list[Line], gaps: bool = False) -> list[int]:
    """The order to read the page's lines in: the same, or, on a page that prints heads after
    their text, each head group moved in front of the text since the group before it. The
    page's furniture before its first text and whatever follows the last head stay put.
    The moved lines take the roles the tagger read: the rules read them where they stood."""
    order = list(range(len(lines)))
    groups = head_groups(lines)
    if len(groups) < 2 or not heads_follow_text(lines, groups, unanimous=gaps):
        return order
    for group in groups:  # read where they were printed, they were taken for section heads or text
        for i in group:
            lines[i].role = "byline" if lines[i].tag == "byline" else "head"
    first_text = next((i for i, l in enumerate(lines) if l.tag in ("body", "subhead") and not l.blank), 0)
    out = [i for i in range(first_text) if i < groups[0][0]]
    start = len(out)
    for group in groups:
        out += group + list(range(start, group[0]))
        start = group[-1] + 1
    out += range(start, len(lines))
    return out


MAX_MOVES = 8  # a page's displaced continuations; more would be a page this repair misreads
NEAR_FULL = 0.6  # a text line cut at its column's edge is about as wide as the column (the real pages' 0.67-1.0); a head or a name the tagger missed is far shorter (0.16-0.44)
NEAR = 40  # runs of text either side a continuation is looked for among (a page has fewer; a huge dump's cost stays linear)


def continuations_follow(lines: list[Line], order: list[int], columns: list[float]) -> list[int]:
    """The order with each sentence's displaced continuation moved up to where it was cut.

    Extractors read a box set inside a story's columns where they meet it, often inside a
    sentence (pdftotext: "…具体说" / the box / "来，经济…"; pdfminer.six: boxes out of order).
    A text line about as wide as its column (COLUMNS: each line's, by index), cut inside a
    word, whose printed next line does not finish that word, and exactly one text elsewhere
    that opens with the rest of it (no other comes near, and no other author's line stands
    over it): that text, with the text it runs on into, is moved up. Calibrated on generated
    pages read box by box (seed 1): no wrong move at RUNS_ON 4 there, nor on the real dumps
    or any other set; a third of the displaced continuations (those cut inside a word) are
    found."""
    seq = list(order)
    moved: set[int] = set()
    for _ in range(MAX_MOVES):
        move = _displaced(lines, seq, moved, columns)
        if move is None:
            break
        after, start, end = move
        chain = seq[start:end + 1]
        moved.add(chain[0])
        rest = seq[:start] + seq[end + 1:]
        at = rest.index(seq[after]) + 1
        seq = rest[:at] + chain + rest[at:]
    for k, i in enumerate(seq):  # a name the sentence ran round before: no longer inside one
        if lines[i].hint == "inside" and lines[i].role == "byline" and not _open_before(lines, seq, k):
            lines[i].hint = None
    return seq


def _open_before(lines: list[Line], seq: list[int], k: int) -> bool:
    """The text before position K stops mid-sentence."""
    before = _prev_line(lines, seq, k)
    return before is not None and before.role == "body" and before.text[-1:] not in PARA_END


def _pieces(lines: list[Line], seq: list[int]) -> list[tuple[int, int]]:
    """(first, last) positions in SEQ of each run of text lines."""
    out, start = [], None
    for p, i in enumerate(seq):
        text = lines[i].role == "body" and not lines[i].blank
        if text and start is None:
            start = p
        elif not text and start is not None:
            out.append((start, p - 1))
            start = None
    if start is not None:
        out.append((start, len(seq) - 1))
    return out


def _next_line(lines: list[Line], seq: list[int], p: int) -> Line | None:
    """The next line printed after position P (a name the sentence runs round is none)."""
    return next((lines[seq[q]] for q in range(p + 1, len(seq))
                 if not lines[seq[q]].blank and lines[seq[q]].hint != "inside"), None)


def _prev_line(lines: list[Line], seq: list[int], p: int) -> Line | None:
    return next((lines[seq[q]] for q in range(p - 1, -1, -1)
                 if not lines[seq[q]].blank and lines[seq[q]].hint != "inside"), None)


def _author_above(lines: list[Line], seq: list[int], p: int) -> Line | None:
    """The last author line printed before position P."""
    return next((lines[seq[q]] for q in range(p - 1, -1, -1) if lines[seq[q]].role == "byline"), None)


def _runs_into(upper: Line | None, lower: Line) -> float:
    """The cohesion of a text line left open with the line after it (0 when it is closed)."""
    if upper is None or upper.role != "body" or upper.text[-1:] in PARA_END:
        return 0.0
    return cohesion(upper.text, lower.text)


def _displaced(lines: list[Line], seq: list[int], moved: set[int],
               columns: list[float]) -> tuple[int, int, int] | None:
    """(position of the cut line, first and last positions of its continuation) or None."""
    pieces = _pieces(lines, seq)
    run_end = dict(pieces)  # a run's last position, by its first
    for k, (a_first, a_last) in enumerate(pieces):
        cut = lines[seq[a_last]]
        printed = _next_line(lines, seq, a_last)
        if cut.text[-1:] in PARA_END or display_width(cut.text) < NEAR_FULL * columns[seq[a_last]]:
            continue  # a sentence runs on past a line's end only where the line reached its column's edge
        if printed is not None and printed.role == "jump":
            continue  # a jump marker says where it goes on: another page
        near = pieces[max(0, k - NEAR):k] + pieces[k + 1:k + 1 + NEAR]
        scored = sorted(((_runs_into(cut, lines[seq[first]]), first, last) for first, last in near
                         if lines[seq[first]] is not printed), reverse=True)
        if not scored or seq[scored[0][1]] in moved:
            continue
        best, first, last = scored[0]
        over = _prev_line(lines, seq, first)
        if over is not None and over.role == "byline" and over is not _author_above(lines, seq, a_last):
            continue  # a text under an author line opens that author's story, unless the cut text is theirs too
        rival = max(_runs_into(cut, printed) if printed is not None else 0.0, scored[1][0] if len(scored) > 1 else 0.0,
                    _runs_into(_prev_line(lines, seq, first), lines[seq[first]]))
        if best < RUNS_ON or best - rival < RUNS_ON:
            continue
        while True:  # the text it runs on into goes with it
            nxt = next((p for p in range(last + 1, len(seq)) if not lines[seq[p]].blank), None)
            if nxt is None or a_first <= nxt <= a_last or lines[seq[nxt]].role != "body" \
                    or _runs_into(lines[seq[last]], lines[seq[nxt]]) < RUNS_ON:
                break
            last = run_end.get(nxt, nxt)
        while last + 1 < len(seq) and lines[seq[last + 1]].role == "byline":
            last += 1  # the author's note set right under it closes it
        if first <= a_last <= last:
            continue
        return a_last, first, last
    return None
