"""Author lines among the line rules: names set after a sentence, a lone surname or name
under a head, a name split by the extractor into pieces, the head standing over an author
line, and lines that read like an author line but sit inside a running sentence.
Called by ``roles.classify`` in its order; each pass changes only the lines it names."""
from __future__ import annotations

import re

from .layout import PARA_END, display_width, is_full
from .line_context import BODY_PUNCT_END, CANNOT_START, MAX_HEAD_WIDTH, balanced, next_nonblank, prev_nonblank
from .model import Line
from .nlp import splits_word, starts_with_word
from .patterns import AUTHOR_NOTE, HAN, NAMES_ONLY, SIGNED_OFF, SOURCE_ALONE, SURNAMES
from .text import is_han

# A line starting with one of these particles continues the text before it.
CONTINUES_TEXT = "的地得了着过们"


def appended_names(lines: list[Line]) -> None:
    """Names set after the last sentence on its line ("…主办。 李凯旋", split off by the
    layout pass) are the author line, known before heads are looked for: the text above
    a head after them is closed."""
    for prev, line in zip(lines, lines[1:]):
        if line.role == "body" and prev.role == "body" and prev.number == line.number \
                and prev.text[-1:] in "。！？”" and names(line):
            line.role = "byline"


def bylines_inside_sentences(lines: list[Line], columns: list[float]) -> None:
    """"…这是" / "记者当天在上海市公安局召开的" / "新闻发布会上…": a line that reads like an
    author line but sits inside a running sentence (a full line of text that does not end
    right above it, text right below) is text. A line of bare names there is a name the
    extractor printed inside the text, and a head over its author line is short: they stay."""
    for i in range(1, len(lines) - 1):
        line, prev, nxt = lines[i], lines[i - 1], lines[i + 1]
        if line.role == "byline" and prev.role == "body" and nxt.role == "body" and not NAMES_ONLY.match(line.text) \
                and not AUTHOR_NOTE.match(line.text) \
                and (prev.text[-1:] not in PARA_END + "：:" and is_full(display_width(prev.text), columns[i - 1])
                     or _runs_on(line, nxt, columns[i])):
            line.role = "body"


def _runs_on(line: Line, nxt: Line, column: float) -> bool:
    """"记者从中国国家铁路集团有限公司获" / "悉，春运每日…": a line opening like an author line,
    as wide as a paragraph's first line (full, or short by an indent), whose sentence goes on
    in the next line (a word across the break, or the next line opening with a comma or a
    particle: "…找到" / "了几个…") is text."""
    return line.text[-1:] not in PARA_END + "）)" and display_width(line.text) >= column - 3.5 \
        and (nxt.text[:1] in CANNOT_START or splits_word(line.text, nxt.text)
             or nxt.text[:1] in CONTINUES_TEXT and not starts_with_word(nxt.text))


def names(line: Line) -> bool:
    """Bare personal names, judged on the printed spacing ("林晓晖 王屹峰" is two names)."""
    return NAMES_ONLY.match(line.spaced_raw) or NAMES_ONLY.match(line.text)


def lone_surnames(lines: list[Line]) -> None:
    """An author's name right under a head line ("夏春涛", or "叶" when the extractor split
    the name across lines) is a byline, before heads are confirmed by what follows them."""
    for i, line in enumerate(lines):
        if line.role != "body" or not (len(line.text) == 1 and line.text in SURNAMES or names(line)):
            continue
        k = i - 1
        while k >= 0 and lines[k].blank:
            k -= 1
        prev = lines[k] if k >= 0 else None
        after = lines[i + 1] if i + 1 < len(lines) else None
        if prev is None or prev.role != "body" or prev.text[-1] in BODY_PUNCT_END + "。！？”" \
                or display_width(prev.text) > MAX_HEAD_WIDTH:
            continue
        if k == i - 1 and (after is None or after.blank) or _set_apart_above(lines, k) and (len(line.text) > 1 or k == i - 1):
            line.role = "byline"  # "推进绿色发展的三大抓手" / "韩秀华" / text: the author line over the text


def _set_apart_above(lines: list[Line], i: int) -> bool:
    """The line stands apart from the text above it (a gap, furniture, or a deck under its title)."""
    above = lines[i - 1] if i else None
    return above is None or above.blank or above.role != "body" or lines[i].text.startswith("—")


def closes_text(text: str) -> bool:
    """The line ends a finished text: a sentence's end, or the source credit after it ("…。（中国网）",
    or "（中国网）" alone under it), after which an author's name may still come."""
    return text[-1:] in "。！？”" or bool(SIGNED_OFF.search(text) or SOURCE_ALONE.match(text))


def _after_closed_paragraph(lines: list[Line], i: int) -> bool:
    prev = prev_nonblank(lines, i)
    return prev is not None and prev.role == "body" and closes_text(prev.text)


def name_pieces(lines: list[Line]) -> None:
    """One character alone after a gap, with a gap or a surname, or a closed paragraph
    before the gap: a piece of an author's name the extractor split ("刘" … "伟"). No
    paragraph starts with one character on a line of its own."""
    for i, line in enumerate(lines):
        if line.role != "body" or len(line.text) != 1 or not is_han(line.text):
            continue
        above = lines[i - 1] if i else None
        below = lines[i + 1] if i + 1 < len(lines) else None
        if not (above is None or above.blank):
            continue
        if below is not None and not below.blank and _word_runs_round(lines, i, below):
            line.role, line.hint = "noise", "inside"  # the sentence goes on round it
        elif below is None or below.blank or line.text in SURNAMES or _after_closed_paragraph(lines, i):
            line.role = "noise"


def _word_runs_round(lines: list[Line], i: int, below: Line) -> bool:
    """The text before the gap and the text after the lone character make one word without
    it ("…天门电子" / "锦" / "商务创业园…"): the character is no part of that sentence."""
    prev = prev_nonblank(lines, i)
    return (prev is not None and prev.role == "body" and below.role == "body"
            and splits_word(prev.text, below.text) and not splits_word(prev.text, lines[i].text + below.text))


def heads_over_authors(lines: list[Line]) -> None:
    """Up to three unpunctuated lines set apart above and standing right over an author
    line are a head (title, deck), even where the text before them was cut mid-sentence
    ("…创造价" / "深化对…的研究" / "——《…》简评" / "胡培兆")."""
    for i, line in enumerate(lines):
        if line.role != "byline" or not (names(line) or line.text in SURNAMES):
            continue
        group: list[Line] = []
        j = i - 1
        while j >= 0 and len(group) < 3 and not lines[j].blank and lines[j].role in ("body", "head") \
                and lines[j].text[-1] not in BODY_PUNCT_END + "。！？" and display_width(lines[j].text) <= MAX_HEAD_WIDTH:
            group.append(lines[j])
            j -= 1
        # a deck may wrap inside its quotes ("——“第九届…国际" / "学术会议”述要"): balanced as a whole
        if group and (j < 0 or lines[j].blank) and balanced("".join(l.text for l in group)):
            for head in group:
                head.role = "head"


def names_after_body(lines: list[Line]) -> None:
    """A line of bare personal names is a byline: after a paragraph's end (the article's
    last line) or right under a head (an author line)."""
    for i, line in enumerate(lines):
        if line.role not in ("head", "body") or line.spaced and "\n" in line.raw or not names(line):
            continue
        prev = prev_nonblank(lines, i)
        nxt = next_nonblank(lines, i)
        if (prev is None or prev.role in ("head", "noise", "byline", "jump")) and (nxt is None or nxt.role in ("body", "head")):
            line.role = "byline"  # an author line under (or beside) a head, or over the next text
        elif line.role == "head" and prev is not None and prev.role == "body" and closes_text(prev.text):
            if nxt is None or nxt.role != "body" or len(line.text) <= 4 or " " in line.text:
                line.role = "byline"
        elif line.role == "body" and prev is not None and prev.role == "body" and closes_text(prev.text) \
                and i > 0 and lines[i - 1].blank and (i + 1 == len(lines) or lines[i + 1].blank):
            line.role = "byline"  # names alone between gaps after a finished text: its author (or the next one's)


_NAME_PIECE = re.compile(rf"(?<!\S)[{HAN}](?:[ \u3000][{HAN}])+(?!\S)")  # lone characters, spaced


def names_as_written(byline: str | None) -> str | None:
    """A name the paper spaced out to the width of a longer one ("汪 涛" beside "吴光胜", "高 静"
    after "徐方平") written whole again: a run of two or three lone characters opening with a
    surname is one name (no Chinese name is one character, so two lone characters are never
    two people); a run of four or six whose every other character is a surname is two or three
    such names ("李 静 陈 红"). Other runs are left as printed ("记 者 王 强")."""
    if not byline:
        return byline

    def whole(m: re.Match) -> str:
        chars = m.group().split()
        if len(chars) <= 3 and chars[0] in SURNAMES:
            return "".join(chars)
        if len(chars) in (4, 6) and all(c in SURNAMES for c in chars[::2]):
            return " ".join(a + b for a, b in zip(chars[::2], chars[1::2]))
        return m.group()

    return _NAME_PIECE.sub(whole, byline)
