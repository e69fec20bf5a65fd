"""A line among its neighbours: the next and previous printed lines, and the few facts about
a line's text that the line rules (``roles``, ``author_lines``) and the assembler share."""
from __future__ import annotations

import functools

from .model import Line
from .nlp import jieba, splits_word
from .patterns import NAMES_ONLY

MAX_HEAD_WIDTH = 40
BODY_PUNCT_END = "。，、；：,;:"
CANNOT_START = "，、。；：）)」』”’！？…"  # no sentence opens with one of these
_PAIRS = ("“”", "（）", "《》", "「」", "()")


def next_nonblank_index(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if not lines[j].blank:
            return j
    return None


def next_nonblank(lines: list[Line], i: int) -> Line | None:
    j = next_nonblank_index(lines, i)
    return lines[j] if j is not None else None


def prev_nonblank(lines: list[Line], i: int) -> Line | None:
    for j in range(i - 1, -1, -1):
        if not lines[j].blank and lines[j].hint != "duplicate":
            return lines[j]
    return None


def balanced(text: str) -> bool:
    """A head is a whole phrase; a wrapped body line often leaves a quote or bracket open."""
    return all(text.count(a) == text.count(b) for a, b in _PAIRS)


# a head line never ends on a preposition or conjunction, nor opens with a particle or a
# closing mark: a line that does was wrapped at the head's width
_OPEN_WORDS = frozenset("的和与及在对将为向从把被以于至到是并或") | frozenset((  # words, not characters:
    "关于", "对于", "由于", "至于", "为了", "因为", "作为", "按照", "根据", "随着", "以及", "或者", "并且",  # "…行为",
    "而且", "还是", "就是", "但是", "除了", "即将", "直到"))  # "…现在", "…目的" end on a word that closes
_CLOSED_STARTS = tuple("的了着之等及与和") + tuple(CANNOT_START) + ("%", "-", ".")
_UNITS = "年月日时分秒号个例只家名人位项次倍岁元万亿%"  # a number's unit never opens a head


def ends_open(text: str) -> bool:
    """Does the text end on a preposition or conjunction, a word that leaves it open?"""
    return text[-1:] in _OPEN_WORDS and _last_word_open(text[-6:])


@functools.lru_cache(maxsize=65536)
def _last_word_open(tail: str) -> bool:
    return jieba().lcut(tail, HMM=False)[-1] in _OPEN_WORDS


def head_wrapped(upper: str, lower: str) -> bool:
    """Is ``lower`` the rest of a head wrapped at its width, right under ``upper``? The break
    cannot end a head line: a word runs across it ("新西兰联储启动央行数字货币的设计工" / "作"), a
    number goes on ("…压降至5." / "46万亿元", "…在11" / "月前"), a quote or bracket is left open
    ("…加息行动“" / "落后于形势”"), the upper line ends on a preposition or the lower opens with a
    particle ("…增速不及需求" is whole, "…将" is not), or what is left is too short to be a head of
    its own ("…注入鹰派" / "预期"). A kicker set right over its title (pdftotext -raw, PyMuPDF:
    "让中国特色社会主义展现出更加强大生命力" / "深刻理解新时代划时代意义") ends on a word, so width
    alone says nothing; a kicker (…——, …：) or a dash deck (——…) is marked as one."""
    if upper == lower or upper.endswith(("—", "：", ":")) or lower.startswith("—"):
        return False
    number = upper[-1:].isdigit() and (lower[:1].isdigit() or lower[:1] in _UNITS) \
        or upper.endswith(".") and upper[-2:-1].isdigit() and lower[:1].isdigit()
    tail = len(lower) <= 2 and not NAMES_ONLY.match(lower)
    return number or tail or not balanced(upper) or ends_open(upper) or lower.startswith(_CLOSED_STARTS) \
        or splits_word(upper, lower)


def deck_alone(heads: list[Line]) -> bool:
    """Head lines that are only a deck ("——学习…", maybe wrapped onto the line right under it):
    a deck is never a title, so the article's title went elsewhere."""
    return bool(heads) and heads[0].text.startswith("—") and all(
        line.text.startswith("—") or line.number == above.last_number + 1 for above, line in zip(heads, heads[1:]))
