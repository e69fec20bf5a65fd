"""Reading order: put heads back in front of their text when the extractor printed them after.

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

from .model import Line
from .similarity import similarity

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
